/** Small helpers shared by the CreateSecurityGroup rules. */
import { text } from '../../src/load/tree.ts';
import type { Tree } from '../../src/load/tree.ts';
import { copies } from '../../src/model.ts';
import type { Node, SecurityGroup } from '../../src/model.ts';
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

/** For a count's message: how many a resource with a ROS `Count` of more than one adds to it (empty otherwise). */
export function countNote(n: Node): string {
  return copies(n) > 1 ? `, ${copies(n)} of them by the Count of ${(n.countedBy ?? [n.resource]).join(' times the Count of ')}` : '';
}

export function startsWithHttp(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/**
 * Where `http://` or `https://` is in a value (its start, or anywhere): `lower` as the reference writes
 * it; `other` in another case (`HTTPS://`), which the reference does not name, so that a rule reports it
 * as a warning only.
 */
export function httpScheme(s: string, anywhere: boolean): 'lower' | 'other' | undefined {
  if (!s.includes('://')) return undefined;
  const [lower, any] = anywhere ? [/https?:\/\//, /https?:\/\//i] : [/^https?:\/\//, /^https?:\/\//i];
  return lower.test(s) ? 'lower' : any.test(s) ? 'other' : undefined;
}

/** The words for a URL httpScheme found, and the severity to report it with. */
export function httpProblem(scheme: 'lower' | 'other', verb: string): { why: string; severity?: 'warning' } {
  return scheme === 'lower'
    ? { why: `${verb} http:// or https://` }
    : { why: `${verb} http:// or https:// in capitals (the reference names the lowercase forms only, hence a warning)`, severity: 'warning' };
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

/**
 * What is known of a string value: all of it (`whole`), or only its start when the rest is not known
 * (`web-${var.env}`), so that the checks of a string's start and length apply to that start too.
 */
export interface Known {
  tree: Tree;
  text: string;
  whole: boolean;
}

export function known(tree: Tree | undefined): Known | undefined {
  if (tree === undefined) return undefined;
  const whole = text(tree);
  if (whole !== undefined) return { tree, text: whole, whole: true };
  const start = tree.type === 'unknown' ? tree.prefix : undefined;
  return start ? { tree, text: start, whole: false } : undefined;
}

/** A known value quoted for a message, its start marked as such. */
export function shown(k: Known): string {
  return k.whole ? `\`${k.text}\`` : `\`${k.text}…\` (the rest is not known)`;
}

/** "is N characters long; ..." for a whole value, "is longer than max" for a known start already over it. */
export function lengthProblem(k: Known, min: number, max: number, limits: string): string | undefined {
  const len = chars(k.text);
  if (!k.whole) return len > max ? `is longer than ${max} characters (${len} known)` : undefined;
  return len < min || len > max ? `is ${len} characters long; ${limits}` : undefined;
}
