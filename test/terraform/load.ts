/** Runs the Terraform loader on fixture files, from disk, collecting what it reports. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { terraformLoader } from '../../src/load/terraform/index.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import type { Config } from '../../src/engine/config.ts';
import type { SourceFile } from '../../src/load/loader.ts';
import type { Model } from '../../src/model.ts';
import type { Span } from '../../src/load/tree.ts';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/terraform');

export interface Reported {
  ruleId: string;
  span: Span;
  message: string;
}

function source(abs: string): SourceFile {
  return { path: relative(FIXTURES, abs).split('\\').join('/'), abs, text: readFileSync(abs, 'utf8') };
}

function walk(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) {
      if (recursive) out.push(...walk(p, true));
    } else if (terraformLoader.matches(n)) out.push(p);
  }
  return out;
}

/** Load a fixture directory (relative to test/fixtures/terraform). */
export async function loadDir(
  dir: string,
  opts: { recursive?: boolean; config?: Partial<Config> } = {},
): Promise<{ model: Model; reports: Reported[] }> {
  const files = walk(join(FIXTURES, dir), opts.recursive ?? false).map(source);
  return loadFiles(files, opts.config);
}

export async function loadFiles(files: SourceFile[], config: Partial<Config> = {}): Promise<{ model: Model; reports: Reported[] }> {
  const reports: Reported[] = [];
  const ctx = {
    config: { ...defaultConfig(FIXTURES), ...config },
    report: (ruleId: string, r: { at: unknown; message: string }) => reports.push({ ruleId, span: r.at as Span, message: r.message }),
    readFile: (abs: string) => {
      try {
        return source(abs);
      } catch {
        return undefined;
      }
    },
  };
  const m = await terraformLoader.load(files, ctx);
  return { model: { groups: m.groups ?? [], permissions: m.permissions ?? [], vpcs: m.vpcs ?? [], policies: m.policies ?? [] }, reports };
}

/** [line, column, endLine, endColumn] of a span, for compact assertions. */
export function pos(s: Span | undefined): [number, number, number, number] | undefined {
  return s && [s.line, s.column, s.endLine, s.endColumn];
}
