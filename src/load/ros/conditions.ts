/**
 * Which combinations of condition values can occur. Every `Fn::If` branch is checked, but a combination
 * no parameter value can produce (`IsProd` and `IsDev` both true when both compare `Env`) would report
 * a request that is never sent. A combination is kept when some value of the parameters the conditions
 * read makes every condition take its chosen value; parameters range over their AllowedValues, or over
 * the literals they are compared with plus "anything else". What cannot be evaluated counts as possible.
 */
import { get, isScalar, isSeq } from '../tree.ts';
import type { Tree } from '../tree.ts';
import { call, conditionRef, logicalOperands } from './functions.ts';
import { fixedParameter } from './template.ts';
import type { Template } from './template.ts';

/** Most parameter assignments tried; beyond, every combination is kept. */
const MAX_ASSIGNMENTS = 256;
/** Conditions referring to conditions deeper than this are not evaluated (they count as possible). */
const MAX_CONDITION_DEPTH = 100;
const OTHER = '\u0000other';
const REGION = 'ALIYUN::Region';

type Assignment = ReadonlyMap<string, string>;

/** Whether a parameter may have a value (as text) while the conditions take the values chosen. */
export type Allows = (param: string, value: string) => boolean;

const ANY: Allows = () => true;

/**
 * Undefined when no parameter value makes the conditions take the values in `choice`; otherwise which
 * values the parameters they read may then have (a default that contradicts the choice is not the value
 * used in that variant: `HasVpc` true means the VpcId given is not the empty default).
 */
export function feasibility(tpl: Template, choice: ReadonlyMap<string, boolean>): Allows | undefined {
  const candidates = new Map<string, Set<string>>();
  collect(tpl, [...choice.keys()], candidates);
  let assignments: Map<string, string>[] = [new Map()];
  for (const [param, values] of candidates) {
    const fixed = param === REGION ? tpl.ctx.config.region : fixedParameter(tpl, param);
    const options = fixed !== undefined ? [fixed] : [...values];
    if (assignments.length * options.length > MAX_ASSIGNMENTS) return ANY;
    assignments = assignments.flatMap((a) => options.map((v) => new Map(a).set(param, v)));
  }
  const ok = assignments.filter((a) => {
    const known = new Map<string, boolean | undefined>();
    return [...choice].every(([name, want]) => evaluateCondition(tpl, name, a, choice, new Set(), known) !== !want);
  });
  if (ok.length === 0) return undefined;
  return (param, value) => {
    const c = candidates.get(param);
    return c === undefined || ok.some((a) => a.get(param) === value || (a.get(param) === OTHER && !c.has(value)));
  };
}

/** The values the parameters read by these conditions, and the conditions they refer to, are compared with. */
function collect(tpl: Template, names: string[], into: Map<string, Set<string>>): void {
  // A list of conditions still to read, not recursion: conditions may refer to each other in long chains.
  const seen = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const def = tpl.conditions.get(name)?.value;
    if (def) walk(tpl, def, into, queue);
  }
}

function walk(tpl: Template, t: Tree, into: Map<string, Set<string>>, queue: string[], operand = false): void {
  const cond = conditionRef(t, operand);
  if (cond) {
    if (isScalar(cond.args) && typeof cond.args.value === 'string') queue.push(cond.args.value);
    return;
  }
  const c = call(t);
  if (c?.name === 'Fn::Equals' && isSeq(c.args)) {
    const params = c.args.items.map(paramOf).filter((p): p is string => p !== undefined);
    const literals = c.args.items.map(literal).filter((v): v is string => v !== undefined);
    for (const p of params) {
      const values = into.get(p) ?? new Set(allowed(tpl, p) ?? [OTHER]);
      if (!allowed(tpl, p)) for (const v of literals) values.add(v);
      into.set(p, values);
    }
  }
  const operands = c && logicalOperands(c);
  if (operands) {
    for (const o of operands) walk(tpl, o, into, queue, true);
    return;
  }
  const inner = c ? c.args : t;
  if (inner.type === 'map') for (const e of inner.entries) walk(tpl, e.value, into, queue);
  else if (inner.type === 'seq') for (const i of inner.items) walk(tpl, i, into, queue);
}

function paramOf(t: Tree): string | undefined {
  const c = call(t);
  return c?.name === 'Ref' && isScalar(c.args) && typeof c.args.value === 'string' ? c.args.value : undefined;
}

function literal(t: Tree): string | undefined {
  return isScalar(t) && !t.tag && t.value !== null ? String(t.value) : undefined;
}

function allowed(tpl: Template, param: string): string[] | undefined {
  const list = get(tpl.parameters.get(param)?.value, 'AllowedValues');
  if (!isSeq(list) || list.items.length === 0) return undefined;
  const values = list.items.map(literal);
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

/**
 * True, false, or undefined when it cannot be evaluated (a cycle, a chain of conditions deeper than
 * MAX_CONDITION_DEPTH). `known`: the values found so far for this assignment, so that each condition is
 * evaluated once however often others refer to it.
 */
function evaluateCondition(tpl: Template, name: string, a: Assignment, choice: ReadonlyMap<string, boolean>, visiting: Set<string>, known: Map<string, boolean | undefined>): boolean | undefined {
  if (known.has(name)) return known.get(name);
  const def = tpl.conditions.get(name)?.value;
  if (!def || visiting.has(name) || visiting.size >= MAX_CONDITION_DEPTH) return undefined;
  visiting.add(name);
  const v = evaluate(tpl, def, a, choice, visiting, known);
  visiting.delete(name);
  known.set(name, v);
  return v;
}

function evaluate(tpl: Template, t: Tree, a: Assignment, choice: ReadonlyMap<string, boolean>, visiting: Set<string>, known: Map<string, boolean | undefined>, operand = false): boolean | undefined {
  const cond = conditionRef(t, operand);
  if (cond) {
    const n = isScalar(cond.args) && typeof cond.args.value === 'string' ? cond.args.value : undefined;
    if (n === undefined) return undefined;
    return choice.get(n) ?? evaluateCondition(tpl, n, a, choice, visiting, known);
  }
  if (isScalar(t) && typeof t.value === 'boolean') return t.value;
  const c = call(t);
  if (!c) return undefined;
  const args = isSeq(c.args) ? c.args.items : [c.args];
  const sub = () => (logicalOperands(c) ?? []).map((x) => evaluate(tpl, x, a, choice, visiting, known, true));
  switch (c.name) {
    case 'Fn::Equals': {
      if (args.length !== 2) return undefined;
      const [x, y] = args.map((x) => value(x, a));
      if (x === undefined || y === undefined) return undefined;
      // Two different "anything else" values are not known to differ.
      if (x === OTHER && y === OTHER) return undefined;
      return x === y;
    }
    case 'Fn::Not': {
      const [x] = sub();
      return x === undefined ? undefined : !x;
    }
    case 'Fn::And': {
      const xs = sub();
      return xs.includes(false) ? false : xs.includes(undefined) ? undefined : true;
    }
    case 'Fn::Or': {
      const xs = sub();
      return xs.includes(true) ? true : xs.includes(undefined) ? undefined : false;
    }
    default:
      return undefined;
  }
}

function value(t: Tree, a: Assignment): string | undefined {
  const p = paramOf(t);
  if (p !== undefined) return a.get(p);
  return literal(t);
}
