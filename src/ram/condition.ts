/**
 * Static evaluation of a RAM statement's Condition block. Operators AND together, keys inside an
 * operator AND together, the values of one key OR together. A key whose request value the linter does
 * not know makes the condition undecidable ("maybe"): a statement is never silently taken as applying or
 * not applying.
 */
import { isMap, isSeq, text } from '../load/tree.ts';
import type { Tree } from '../load/tree.ts';
import { globMatch } from './match.ts';

/** Three-valued truth. */
export type Tri = 'yes' | 'maybe' | 'no';

export function and(a: Tri, b: Tri): Tri {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'maybe' || b === 'maybe') return 'maybe';
  return 'yes';
}

export function not(a: Tri): Tri {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'maybe';
}

/**
 * What the linter knows of the request: key (lower case) → its values; `null` when the request certainly
 * carries no such key. A key not in the map is unknown.
 */
export type RequestContext = Map<string, string[] | null>;

export const CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'IpAddress',
  'NotIpAddress',
] as const;

function values(t: Tree): string[] {
  if (isSeq(t)) return t.items.map((i) => text(i)).filter((v): v is string => v !== undefined);
  const v = text(t);
  return v === undefined ? [] : [v];
}

/** One value of the request against the condition's values; undefined when the operator is not decided statically. */
function test(op: string, actual: string, wanted: string[]): boolean | undefined {
  const num = (s: string): number => (s.trim() === '' ? NaN : Number(s));
  switch (op) {
    case 'StringEquals':
      return wanted.includes(actual);
    case 'StringEqualsIgnoreCase':
      return wanted.some((w) => w.toLowerCase() === actual.toLowerCase());
    case 'StringLike':
      return wanted.some((w) => globMatch(w, [actual], 'all'));
    case 'Bool':
      return wanted.some((w) => w.toLowerCase() === actual.toLowerCase());
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals': {
      const a = num(actual);
      if (Number.isNaN(a)) return undefined;
      return wanted.some((w) => {
        const b = num(w);
        if (op === 'NumericEquals') return a === b;
        if (op === 'NumericLessThan') return a < b;
        if (op === 'NumericLessThanEquals') return a <= b;
        if (op === 'NumericGreaterThan') return a > b;
        return a >= b;
      });
    }
    default:
      return undefined; // dates and IP ranges: not decided statically
  }
}

const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
};

/** Does the Condition hold for this request? */
export function evalCondition(condition: Tree | undefined, ctx: RequestContext): Tri {
  if (condition === undefined || !isMap(condition)) return 'yes';
  let result: Tri = 'yes';
  for (const block of condition.entries) {
    const negated = NEGATED[block.key];
    const op = negated ?? block.key;
    if (!isMap(block.value)) return and(result, 'maybe');
    for (const k of block.value.entries) {
      const actual = ctx.get(k.key.toLowerCase());
      let r: Tri;
      if (actual === undefined) r = 'maybe';
      else if (actual === null) r = negated ? 'maybe' : 'no'; // absent key: behaviour of negated operators is not documented
      else if (actual.length !== 1) r = 'maybe';
      else {
        const t = test(op, actual[0]!, values(k.value));
        r = t === undefined ? 'maybe' : t ? 'yes' : 'no';
        if (negated) r = not(r);
      }
      result = and(result, r);
    }
  }
  return result;
}
