/** Runs the ROS loader alone on a text or a fixture: the model and the input problems it reports. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseJson, parseYaml } from '../../src/load/parse.ts';
import { rosLoader } from '../../src/load/ros.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import type { Config } from '../../src/engine/config.ts';
import type { Model } from '../../src/model.ts';
import type { Span, Tree } from '../../src/load/tree.ts';
import type { Node } from '../../src/model.ts';

export interface Problem {
  ruleId: string;
  span: Span;
  message: string;
}

export function fixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../fixtures/ros', name), 'utf8');
}

export function loadRos(path: string, text: string, config: Partial<Config> = {}): { model: Model; problems: Problem[]; parseProblems: number } {
  const parsed = path.endsWith('.json') ? parseJson(path, text) : parseYaml(path, text);
  const problems: Problem[] = [];
  const ctx = {
    config: { ...defaultConfig(), ...config },
    report: (ruleId: string, r: { at: Tree | Node | Span; message: string }) => {
      const span = 'line' in r.at && !('type' in r.at) && !('kind' in r.at) ? (r.at as Span) : (r.at as Tree).span;
      problems.push({ ruleId, span, message: r.message });
    },
  };
  const model: Model = { groups: [], permissions: [], vpcs: [], policies: [] };
  for (const [i, doc] of parsed.docs.entries()) {
    if (!rosLoader.claims(doc)) continue;
    const m = rosLoader.load(doc, { path, abs: path, text }, ctx, i);
    model.groups.push(...(m.groups ?? []));
    model.permissions.push(...(m.permissions ?? []));
    model.vpcs.push(...(m.vpcs ?? []));
    model.policies.push(...(m.policies ?? []));
  }
  return { model, problems, parseProblems: parsed.problems.length };
}

/** Start and end of a span as `line:col-endLine:endCol`. */
export function pos(s: Span | undefined): string | undefined {
  return s && `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
}
