// Shared by the security-group rule tests: spec text builders and expected spans located in the text.
import { permissionRules } from '../../rules/permissions/index.ts';
import type { Config } from '../../src/engine/config.ts';
import { key, lintFiles } from '../helpers.ts';

const ours = new Set(permissionRules.map((r) => r.id));

/** A native spec with one VPC group in cn-hangzhou (extra group lines first) and these rules. */
export function spec(perms: string[], params: string[] = []): string {
  return ['securityGroups:', '  - RegionId: cn-hangzhou', '    VpcId: vpc-bp1opxu1zkhn00gzv1234', ...params.map((l) => `    ${l}`), '    Permissions:', ...perms.map((p) => `      - ${p}`)].join('\n') + '\n';
}

export type Expected = { ruleId: string; errorCode: string | null; line: number; column: number; endLine: number; endColumn: number };

/**
 * The span of the n-th occurrence (1-based) of `needle` in `text` (within one line), as a finding of this
 * rule and code. Context may surround the expected span: `Priority: «0»` expects the span of `0`.
 */
export function at(text: string, needle: string, ruleId: string, errorCode: string | null, n = 1): Expected {
  const m = /^(.*)«(.*)»(.*)$/.exec(needle);
  const [pre, inner, post] = m ? [m[1]!, m[2]!, m[3]!] : ['', needle, ''];
  const whole = pre + inner + post;
  let i = -1;
  for (let k = 0; k < n; k++) {
    i = text.indexOf(whole, i + 1);
    if (i < 0) throw new Error(`test bug: \`${whole}\` (#${n}) not in the text`);
  }
  i += pre.length;
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  const column = i - before.lastIndexOf('\n');
  return { ruleId, errorCode, line, column, endLine: line, endColumn: column + inner.length };
}

/** The findings of the security-group rule catalog only (rule id, code, span), in position order. */
export async function findings(files: Record<string, string>, config: Partial<Config> = {}): Promise<Expected[]> {
  return (await lintFiles(files, config)).filter((f) => ours.has(f.ruleId)).map(key);
}
