/** Small helpers shared by the CreateSecurityGroup rules. */
import { text } from '../../src/load/tree.ts';
import type { Tree } from '../../src/load/tree.ts';
import type { SecurityGroup } from '../../src/model.ts';
import type { Example } from '../../src/engine/rule.ts';

/** Length as the API counts it: characters (Unicode code points). */
export function chars(s: string): number {
  // UTF-16 length minus the second halves of surrogate pairs (a lone surrogate counts as one, as in for...of).
  let n = s.length;
  for (let i = 1; i < s.length; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xdc00 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) n--;
  }
  return n;
}

export function startsWithHttp(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export function containsHttp(s: string): boolean {
  return s.includes('://') && /https?:\/\//i.test(s);
}

export const SOURCE_API = 'CreateSecurityGroup API reference (Jun 29, 2026)';
export const SOURCE_FACTS = 'fact sheet: alibaba-security-groups.md';

/** A native spec example with one group made of these YAML lines (indented under the group). */
export function spec(...lines: string[]): Example {
  return { file: 'spec.yaml', code: `securityGroups:\n  - RegionId: cn-hangzhou\n${lines.map((l) => `    ${l}`).join('\n')}\n` };
}

/** The group's value of a string parameter, when written and known. Empty strings count as not set. */
export function param(g: SecurityGroup, name: keyof SecurityGroup['fields']): { tree: Tree; value: string } | undefined {
  const tree = g.fields[name];
  const value = text(tree);
  if (tree === undefined || value === undefined) return undefined;
  return { tree, value };
}

/** The text a string parameter is known to start with when the rest of it is not known (`web-${var.env}`). */
export function knownStart(g: SecurityGroup, name: keyof SecurityGroup['fields']): { tree: Tree; prefix: string } | undefined {
  const tree = g.fields[name];
  const prefix = startOf(tree);
  return tree && prefix ? { tree, prefix } : undefined;
}

/** The known start of a value whose rest is not known, if any. */
export function startOf(tree: Tree | undefined): string | undefined {
  return tree?.type === 'unknown' && tree.prefix ? tree.prefix : undefined;
}
