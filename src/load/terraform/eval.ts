/**
 * Static evaluation of Terraform expressions into positioned trees. Only what is certain is computed:
 * literals, collections, templates whose parts are known, `var.*`, `local.*`, `count.index`, `each.*`,
 * outputs of followed local modules, operators and conditionals on known values, `for` expressions over known
 * collections, conversions to a variable's type (object attribute defaults included) and merge, concat,
 * lookup, join, length, flatten, split, element, coalesce, keys, values, lower, upper (ASCII), try and can of
 * known values, splats over known lists and
 * over the instances of a resource with a known count. Everything else is unknown;
 * a reference to a resource keeps its address in `ref`.
 * Nothing is executed.
 */
import { spanAt } from '../tree.ts';
import type { Span, Tree, TEntry, TUnknown } from '../tree.ts';
import type { Attr, Block, Expr } from './syntax.ts';

/** Where a variable's value comes from, evaluated on use (module inputs refer to the calling scope). */
export type VarSource = (use: Span) => Tree;

export interface ModuleScope {
  /** `''` for a root module, `module.net.` (with instance key) for a called one. */
  prefix: string;
  /** The root module the scope is read for (resourceKey): its absolute directory. */
  root: string;
  /** Display directory of the module's files. */
  dir: string;
  variables: Map<string, Block>;
  /** Values given to variables (tfvars, flags, module inputs); defaults are read from `variables`. */
  inputs: Map<string, VarSource>;
  locals: Map<string, Attr>;
  /** `resource` blocks by `type.name`, for splats over their instances (`alicloud_security_group.this.*.id`). */
  resources: Map<string, Block>;
  /** Output name → its `value` argument. */
  outputs: Map<string, Attr>;
  /** Called modules: name → instance key (`''`, `[0]`, `["a"]`) → scope. */
  modules: Map<string, Map<string, ModuleScope>>;
  cache: Map<string, Tree>;
  busy: Set<string>;
  /** Elements `for` expressions may still iterate over, shared by a root module and the modules it calls. */
  budget: { steps: number };
}

/** Elements all `for` expressions of a root module (and its modules) may iterate over; past it, a `for` is unknown. */
const MAX_FOR_STEPS = 250_000;

export interface EvalCtx {
  mod: ModuleScope;
  count?: Tree;
  each?: { key: Tree; value: Tree };
  /** The variables of the `for` expressions being evaluated, innermost last. */
  bound?: ReadonlyMap<string, Tree>;
}

export function newScope(prefix: string, dir: string, root: string, budget = { steps: MAX_FOR_STEPS }): ModuleScope {
  return {
    budget,
    prefix,
    root,
    dir,
    variables: new Map(),
    inputs: new Map(),
    locals: new Map(),
    resources: new Map(),
    outputs: new Map(),
    modules: new Map(),
    cache: new Map(),
    busy: new Set(),
  };
}

/**
 * The key of a resource instance, unique in the run (model object ids, request keys, the `ref` of values
 * that refer to it): its address within its root module, which is the configuration a `terraform plan`
 * runs in (`root`: its absolute directory, or a plan file read on its own). Roots checked together often
 * declare the same addresses (envs/prod and envs/staging); a resource links only within its own root.
 */
export function resourceKey(root: string, address: string): string {
  return `${root}\u0000${address}`;
}

export function unknown(expr: string, span: Span, ref?: string): Tree {
  const t: Tree = { type: 'unknown', expr, span };
  if (ref !== undefined) t.ref = ref;
  return t;
}

/** An unknown map known to hold `entries` (see TUnknown.entries); plainly unknown when it holds none. */
function partialMap(expr: string, span: Span, entries: TEntry[]): Tree {
  const t = unknown(expr, span);
  if (entries.length > 0 && t.type === 'unknown') t.entries = entries;
  return t;
}

/** The entry with its value unknown: `by` may replace it. */
function replaced(x: TEntry, by: string): TEntry {
  return x.value.type === 'unknown' && x.value.entries === undefined ? x : { key: x.key, keySpan: x.keySpan, value: unknown(`the value of \`${x.key}\`, which ${by} may replace`, x.value.span) };
}

function replaceable(entries: TEntry[], by: string): void {
  for (let i = 0; i < entries.length; i++) entries[i] = replaced(entries[i]!, by);
}

/**
 * A value with its use site recorded (withOrigin), made once per value and use: a reference evaluated
 * again and again (`for b in local.list` inside another `for`) does not copy the value each time.
 */
function usedAt(t: Tree, origin: string): Tree {
  let uses = USES.get(t);
  if (!uses) USES.set(t, (uses = new Map()));
  let v = uses.get(origin);
  if (!v) uses.set(origin, (v = withOrigin(t, origin)));
  return v;
}
const USES = new WeakMap<Tree, Map<string, Tree>>();

/** A copy of a tree with a use site recorded on every node (the value is reported where it is written). */
export function withOrigin(t: Tree, origin: string): Tree {
  const o = t.origin ? `${t.origin}; ${origin}` : origin;
  switch (t.type) {
    case 'scalar':
      return { ...t, origin: o };
    case 'unknown':
      return { ...t, origin: o, ...(t.entries ? { entries: t.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: withOrigin(e.value, origin) })) } : {}) };
    case 'seq':
      return { ...t, origin: o, items: t.items.map((i) => withOrigin(i, origin)) };
    case 'map':
      return { ...t, origin: o, entries: t.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: withOrigin(e.value, origin) })) };
  }
}

/** The same value, placed elsewhere (flag values have no file of their own). */
export function placed(t: Tree, span: Span): Tree {
  switch (t.type) {
    case 'scalar':
      return { ...t, span };
    case 'unknown':
      return { ...t, span, ...(t.entries ? { entries: t.entries.map((e) => ({ key: e.key, keySpan: span, value: placed(e.value, span) })) } : {}) };
    case 'seq':
      return { ...t, span, items: t.items.map((i) => placed(i, span)) };
    case 'map':
      return { ...t, span, entries: t.entries.map((e) => ({ key: e.key, keySpan: span, value: placed(e.value, span) })) };
  }
}

/** `[0]` / `["a"]`, as Terraform writes instance keys in addresses. */
export function indexKey(v: string | number): string {
  return typeof v === 'number' ? `[${v}]` : `[${JSON.stringify(v)}]`;
}

/** Constant evaluation (variable defaults, tfvars): an empty scope, with a `for` budget of its own. */
export function evalConst(e: Expr): Tree {
  return evaluate(e, { mod: newScope('', '', '') });
}

export function evaluate(e: Expr, ctx: EvalCtx): Tree {
  switch (e.k) {
    case 'lit':
      return { type: 'scalar', value: e.value, span: e.span };
    case 'tmpl':
      return template(e, ctx);
    case 'tuple':
      return { type: 'seq', items: e.items.map((i) => evaluate(i, ctx)), span: e.span };
    case 'obj': {
      const entries: TEntry[] = [];
      // A key written twice keeps its last value, as in Terraform.
      const at = new Map<string, number>();
      let open: string | undefined;
      for (const it of e.items) {
        const k = evaluate(it.key, ctx);
        if (k.type !== 'scalar' || k.value === null || typeof k.value === 'object') {
          // The entries before may share that key: their keys stay, their values may be replaced.
          open ??= it.key.k === 'other' ? it.key.text : 'expression';
          replaceable(entries, it.key.k === 'other' ? it.key.text : 'a key that is not known');
          continue;
        }
        const entry = { key: String(k.value), keySpan: k.span, value: evaluate(it.value, ctx) };
        const i = at.get(entry.key);
        if (i === undefined) at.set(entry.key, entries.push(entry) - 1);
        else entries[i] = entry;
      }
      return open === undefined ? { type: 'map', entries, span: e.span } : partialMap(`an object with a key that is not known (${open})`, e.span, entries);
    }
    case 'trav':
      return traversal(e, ctx);
    case 'call':
      return call(e, ctx);
    case 'cond': {
      const c = truth(evaluate(e.cond, ctx));
      return c === undefined ? unknown(e.text, e.span) : evaluate(c ? e.then : e.else, ctx);
    }
    case 'for':
      return forExpr(e, ctx);
    case 'op':
      return operation(e, ctx);
    case 'splat':
      return unknown('[*]', e.span);
    case 'other':
      return unknown(e.text, e.span);
  }
}

/** A known condition's value (Terraform converts "true" and "false"); undefined when not known. */
function truth(c: Tree): boolean | undefined {
  if (c.type !== 'scalar') return undefined;
  if (typeof c.value === 'boolean') return c.value;
  return c.value === 'true' ? true : c.value === 'false' ? false : undefined;
}

/** A number as Terraform converts an operand (a number, or a string that is one); undefined otherwise. */
function num(t: Tree): number | undefined {
  if (t.type !== 'scalar') return undefined;
  if (typeof t.value === 'number') return t.value;
  if (typeof t.value !== 'string' || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t.value)) return undefined;
  return Number(t.value);
}

/**
 * An operator on known operands, as Terraform computes it: arithmetic and ordering on numbers (strings
 * that are numbers converted), `!`, `&&`, `||` on bools ("true" and "false" converted), `==` / `!=` on two
 * values of one type, or a value and null. Anything else, a division by zero, a `%` that is not between
 * whole numbers of 0 or more, and equality across types that a variable's type constraint might have
 * converted (`"5"` and `5`) are unknown: nothing is guessed.
 */
function operation(e: Extract<Expr, { k: 'op' }>, ctx: EvalCtx): Tree {
  const args = e.args.map((a) => evaluate(a, ctx));
  const [a, b] = args;
  const out = (value: number | boolean): Tree => (typeof value === 'number' && !Number.isFinite(value) ? unknown(e.text, e.span) : { type: 'scalar', value, span: e.span });
  if (a === undefined) return unknown(e.text, e.span);
  if (b === undefined) {
    if (e.op === '!') {
      const t = truth(a);
      return t === undefined ? unknown(e.text, e.span) : out(!t);
    }
    const n = e.op === '-' ? num(a) : undefined;
    return n === undefined ? unknown(e.text, e.span) : out(-n);
  }
  if (e.op === '&&' || e.op === '||') {
    const [x, y] = [truth(a), truth(b)];
    return x === undefined || y === undefined ? unknown(e.text, e.span) : out(e.op === '&&' ? x && y : x || y);
  }
  if (e.op === '==' || e.op === '!=') {
    const same = equal(a, b);
    return same === undefined ? unknown(e.text, e.span) : out(e.op === '==' ? same : !same);
  }
  const [x, y] = [num(a), num(b)];
  if (x === undefined || y === undefined) return unknown(e.text, e.span);
  switch (e.op) {
    case '+': return out(x + y);
    case '-': return out(x - y);
    case '*': return out(x * y);
    case '/': return y === 0 ? unknown(e.text, e.span) : out(x / y);
    case '%': return y === 0 || x < 0 || y < 0 || !Number.isInteger(x) || !Number.isInteger(y) ? unknown(e.text, e.span) : out(x % y);
    case '<': return out(x < y);
    case '>': return out(x > y);
    case '<=': return out(x <= y);
    case '>=': return out(x >= y);
    default: return unknown(e.text, e.span);
  }
}

/** Whether two known values are equal; undefined when not known, or when Terraform might have converted one (a string and a number or bool). */
function equal(a: Tree, b: Tree): boolean | undefined {
  if (a.type === 'unknown' || b.type === 'unknown') return undefined;
  const isNull = (t: Tree) => t.type === 'scalar' && t.value === null;
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (a.type !== 'scalar' || b.type !== 'scalar') return undefined;
  return typeof a.value === typeof b.value ? a.value === b.value : undefined;
}

/**
 * A `for` expression over a known collection: a list gives index and item, a set each element as key and
 * value, a map its keys in lexical order and values. Unknown when the collection, a condition or an
 * object key is not known, and when two elements give the same key (Terraform rejects that without grouping).
 */
function forExpr(e: Extract<Expr, { k: 'for' }>, ctx: EvalCtx): Tree {
  const coll = evaluate(e.coll, ctx);
  if (coll.type !== 'seq' && coll.type !== 'map') return unknown(e.text, e.span);
  // Nested `for` expressions over long lists multiply: their work is bounded, what is past it unknown.
  const size = coll.type === 'seq' ? coll.items.length : coll.entries.length;
  if (size > ctx.mod.budget.steps) return unknown(e.text, e.span);
  ctx.mod.budget.steps -= size;
  const pairs: [Tree, Tree][] =
    coll.type === 'seq'
      ? coll.items.map((v, i) => [coll.set ? v : { type: 'scalar', value: i, span: v.span }, v])
      : [...coll.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => [{ type: 'scalar', value: x.key, span: x.keySpan }, x.value]);
  const items: Tree[] = [];
  const entries: TEntry[] = [];
  const keys = new Set<string>();
  for (const [k, v] of pairs) {
    const bound = new Map(ctx.bound);
    if (e.keyVar !== undefined) bound.set(e.keyVar, k);
    bound.set(e.valueVar, v);
    const inner: EvalCtx = { ...ctx, bound };
    if (e.cond) {
      const keep = truth(evaluate(e.cond, inner));
      if (keep === undefined) return unknown(e.text, e.span);
      if (!keep) continue;
    }
    const value = evaluate(e.value, inner);
    if (!e.key) {
      items.push(value);
      continue;
    }
    const key = evaluate(e.key, inner);
    if (key.type !== 'scalar' || key.value === null || keys.has(String(key.value))) return unknown(e.text, e.span);
    keys.add(String(key.value));
    entries.push({ key: String(key.value), keySpan: key.span, value });
  }
  return e.key ? { type: 'map', entries, span: e.span } : { type: 'seq', items, span: e.span };
}

/**
 * Longest string and longest list a value may be. Values that double at each step (a local made of two
 * copies of the one before) would otherwise exhaust memory; past these, the value is unknown. Any string
 * the API takes is far shorter.
 */
const MAX_STRING = 1_000_000;
const MAX_ITEMS = 100_000;

function template(e: Extract<Expr, { k: 'tmpl' }>, ctx: EvalCtx): Tree {
  // "${x}" alone is x itself, whatever its type.
  if (e.parts.length === 1 && !('offsets' in e.parts[0]!)) return evaluate(e.parts[0] as Expr, ctx);
  let s = '';
  for (const p of e.parts) {
    if ('offsets' in p) {
      s += p.text;
      continue;
    }
    const v = evaluate(p, ctx);
    if (v.type !== 'scalar' || v.value === null) {
      const u = unknown(e.text, e.span) as TUnknown;
      const known = s + (v.type === 'unknown' ? (v.prefix ?? '') : '');
      return known === '' ? u : { ...u, prefix: known };
    }
    s += String(v.value);
    if (s.length > MAX_STRING) return unknown(e.text, e.span);
  }
  return { type: 'scalar', value: s, span: e.span };
}

function stepValue(step: string | Expr, ctx: EvalCtx): string | number | undefined {
  if (typeof step === 'string') return step;
  const v = evaluate(step, ctx);
  if (v.type === 'scalar' && (typeof v.value === 'string' || typeof v.value === 'number')) return v.value;
  return undefined;
}

/** Index into a known value; undefined when the step or the value is not known. */
function index(t: Tree, key: string | number | undefined): Tree | undefined {
  if (key === undefined) return undefined;
  if (t.type === 'map') return t.entries.find((x) => x.key === String(key))?.value;
  if (t.type === 'seq' && typeof key === 'number') return t.items[key];
  if (t.type === 'seq' && typeof key === 'string' && /^\d+$/.test(key)) return t.items[Number(key)];
  return undefined;
}

function walk(t: Tree, steps: (string | Expr)[], ctx: EvalCtx, e: Extract<Expr, { k: 'trav' }>): Tree {
  let cur = t;
  for (const st of steps) {
    if (cur.type === 'unknown') return { ...unknown(e.text, e.span, cur.ref), ...(cur.origin ? { origin: cur.origin } : {}) };
    if (typeof st !== 'string' && st.k === 'splat') {
      // Each element's steps; null is an empty list, any other single value a list of itself (HCL).
      const items = cur.type === 'seq' ? cur.items : cur.type === 'scalar' && cur.value === null ? [] : [cur];
      // Splats in many instances over long lists multiply, as nested `for` expressions do: bounded alike.
      if (items.length > ctx.mod.budget.steps) return unknown(e.text, e.span);
      ctx.mod.budget.steps -= items.length;
      cur = { type: 'seq', items: items.map((i) => walk(i, st.each, ctx, e)), span: e.span };
      continue;
    }
    const key = stepValue(st, ctx);
    const next = index(cur, key);
    // A key known and absent from a known value: Terraform fails there (`try` takes its next argument).
    if (!next) return key === undefined ? unknown(e.text, e.span) : { type: 'unknown', expr: e.text, span: e.span, missing: true };
    cur = next;
  }
  return cur;
}

function traversal(e: Extract<Expr, { k: 'trav' }>, ctx: EvalCtx): Tree {
  if (e.base) return walk(evaluate(e.base, ctx), e.steps, ctx, e);
  const [first, ...rest] = e.steps;
  const use = `used at ${spanAt(e.span)}`;
  const bound = ctx.bound?.get(e.root);
  if (bound) return walk(bound, e.steps, ctx, e);
  switch (e.root) {
    case 'var': {
      if (typeof first !== 'string') return unknown(e.text, e.span);
      const v = variable(first, e.span, ctx.mod);
      if (v.type === 'unknown' && v.span === e.span) return unknown(e.text, e.span);
      return walk(usedAt(v, `var.${first} ${use}`), rest, ctx, e);
    }
    case 'local': {
      if (typeof first !== 'string') return unknown(e.text, e.span);
      const v = local(first, ctx.mod);
      if (!v) return unknown(e.text, e.span);
      return walk(usedAt(v, `local.${first} ${use}`), rest, ctx, e);
    }
    case 'count':
      return first === 'index' && ctx.count && rest.length === 0 ? ctx.count : unknown(e.text, e.span);
    case 'each': {
      if (!ctx.each || (first !== 'key' && first !== 'value')) return unknown(e.text, e.span);
      return walk(first === 'key' ? ctx.each.key : ctx.each.value, rest, ctx, e);
    }
    case 'module':
      return moduleOutput(e, ctx);
    case 'data': {
      const [type, name] = e.steps;
      if (typeof type !== 'string' || typeof name !== 'string') return unknown(e.text, e.span);
      return unknown(e.text, e.span, resourceKey(ctx.mod.root, `${ctx.mod.prefix}data.${type}.${name}${instanceSuffix(e.steps[2], ctx)}`));
    }
    case 'path':
    case 'terraform':
    case 'self':
      return unknown(e.text, e.span);
    default: {
      if (typeof first !== 'string') return unknown(e.text, e.span);
      const [second] = rest;
      if (second !== undefined && typeof second !== 'string' && second.k === 'splat') {
        const list = instancesOf(`${e.root}.${first}`, e.span, ctx);
        return list ? walk(list, rest, ctx, e) : unknown(e.text, e.span);
      }
      return unknown(e.text, e.span, resourceKey(ctx.mod.root, `${ctx.mod.prefix}${e.root}.${first}${instanceSuffix(e.steps[1], ctx)}`));
    }
  }
}

/**
 * The instances of a resource of the module as a list (for a splat), each an unknown value referring to
 * its instance: as many as a known `count`, one without `count` or `for_each`; undefined when not known
 * (an unknown count, `for_each`, a resource the module does not declare).
 */
function instancesOf(address: string, span: Span, ctx: EvalCtx): Tree | undefined {
  const b = ctx.mod.resources.get(address);
  if (!b || b.body.attrs.has('for_each')) return undefined;
  const ref = (suffix: string): Tree => unknown(`${address}${suffix}`, span, resourceKey(ctx.mod.root, `${ctx.mod.prefix}${address}${suffix}`));
  const count = b.body.attrs.get('count');
  if (!count) return { type: 'seq', items: [ref('')], span };
  const n = toNumber(evaluate(count.expr, { mod: ctx.mod }));
  // (The splat over the list spends the budget; a list past it is not made.)
  if (n.type !== 'scalar' || typeof n.value !== 'number' || !Number.isInteger(n.value) || n.value < 0 || n.value > ctx.mod.budget.steps) return undefined;
  return { type: 'seq', items: Array.from({ length: n.value }, (_, i) => ref(indexKey(i))), span };
}

/** `[0]` when a reference names an instance of a resource with count/for_each, else ''. */
function instanceSuffix(step: string | Expr | undefined, ctx: EvalCtx): string {
  if (step === undefined || typeof step === 'string') return '';
  const v = stepValue(step, ctx);
  return v === undefined ? '[*]' : indexKey(v);
}

export function variable(name: string, use: Span, mod: ModuleScope): Tree {
  const decl = mod.variables.get(name);
  const type = decl?.body.attrs.get('type')?.expr;
  const given = mod.inputs.get(name);
  const def = decl?.body.attrs.get('default');
  if (given) {
    const v = given(use);
    // `nullable = false`: a null given takes the default (Terraform 1.1 and later).
    const nonNullable = decl?.body.attrs.get('nullable')?.expr;
    if (def && v.type === 'scalar' && v.value === null && nonNullable?.k === 'lit' && nonNullable.value === false) return typed(evalConst(def.expr), type);
    return typed(v, type);
  }
  if (def) return typed(evalConst(def.expr), type);
  return unknown(`var.${name}`, use);
}

/**
 * A variable's value converted to its declared type as Terraform converts it: a string to a `number` or
 * a `bool`, a list to a `set(...)`, the elements of a `list`, `set` or `map` and the attributes of an
 * `object` to theirs. An `optional(type, default)` attribute of an object that is absent or null takes
 * its default (itself converted), an absent `optional(type)` one is null. Other types leave the value as
 * it is.
 */
function typed(t: Tree, type: Expr | undefined): Tree {
  if (type?.k === 'trav' && type.steps.length === 0 && t.type === 'scalar') {
    if (type.root === 'number') return toNumber(t);
    if (type.root === 'bool' && (t.value === 'true' || t.value === 'false')) return { ...t, value: t.value === 'true' };
  }
  if (type?.k !== 'call' || type.args.length !== 1) return t;
  const [inner] = type.args as [Expr];
  if ((type.name === 'list' || type.name === 'set') && t.type === 'seq') {
    const list: Tree = { ...t, items: t.items.map((i) => typed(i, inner)) };
    return type.name === 'set' ? toSet(list as Extract<Tree, { type: 'seq' }>) : list;
  }
  if (type.name === 'map' && t.type === 'map') return { ...t, entries: t.entries.map((x) => ({ ...x, value: typed(x.value, inner) })) };
  if (type.name === 'object' && t.type === 'map' && inner.k === 'obj') return withAttributes(t, inner);
  return t;
}

/** An object's attributes converted to their types, absent and null optional ones given their defaults. */
function withAttributes(t: Extract<Tree, { type: 'map' }>, type: Extract<Expr, { k: 'obj' }>): Tree {
  const entries = [...t.entries];
  for (const it of type.items) {
    const name = it.key.k === 'trav' && it.key.steps.length === 0 ? it.key.root : it.key.k === 'lit' && typeof it.key.value === 'string' ? it.key.value : undefined;
    if (name === undefined) return t;
    const optional = it.value.k === 'call' && it.value.name === 'optional' ? it.value : undefined;
    const attrType = optional ? optional.args[0] : it.value;
    const i = entries.findIndex((x) => x.key === name);
    const given = i < 0 ? undefined : entries[i]!.value;
    let value: Tree | undefined;
    if (given !== undefined && !(optional && given.type === 'scalar' && given.value === null)) value = typed(given, attrType);
    else if (optional?.args[1]) value = typed(evalConst(optional.args[1]), attrType);
    else if (optional && given === undefined) value = { type: 'scalar', value: null, span: optional.span };
    if (value === undefined) continue;
    if (i < 0) entries.push({ key: name, keySpan: it.key.span, value });
    else entries[i] = { ...entries[i]!, value };
  }
  return { ...t, entries };
}

/** A number written as a string (`"0"`, `"1e3"`) is that number, as Terraform converts it; any other value stays as it is. */
export function toNumber(t: Tree): Tree {
  if (t.type !== 'scalar' || typeof t.value !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t.value)) return t;
  const n = Number(t.value);
  return Number.isFinite(n) ? { ...t, value: n } : t;
}

/** A list as a set: each known element once, strings in lexical and numbers in numeric order (Terraform's order). */
function toSet(t: Extract<Tree, { type: 'seq' }>): Tree {
  const seen = new Set<string>();
  const items = t.items.filter((i) => {
    if (i.type !== 'scalar') return true;
    const k = JSON.stringify(i.value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const value = (i: Tree): unknown => (i.type === 'scalar' ? i.value : undefined);
  if (['string', 'number'].some((type) => items.every((i) => typeof value(i) === type))) {
    items.sort((a, b) => {
      const [x, y] = [value(a) as string | number, value(b) as string | number];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return { ...t, items, set: true };
}

function local(name: string, mod: ModuleScope): Tree | undefined {
  const key = `local.${name}`;
  const hit = mod.cache.get(key);
  if (hit) return hit;
  const a = mod.locals.get(name);
  if (!a || mod.busy.has(key)) return undefined;
  mod.busy.add(key);
  try {
    const v = evaluate(a.expr, { mod });
    mod.cache.set(key, v);
    return v;
  } finally {
    mod.busy.delete(key);
  }
}

function moduleOutput(e: Extract<Expr, { k: 'trav' }>, ctx: EvalCtx): Tree {
  const [name, second, third, ...more] = e.steps;
  if (typeof name !== 'string') return unknown(e.text, e.span);
  const instances = ctx.mod.modules.get(name);
  if (!instances) return unknown(e.text, e.span);
  let inst: ModuleScope | undefined;
  let out: string | Expr | undefined;
  let rest: (string | Expr)[];
  if (instances.has('') && typeof second === 'string') {
    inst = instances.get('');
    out = second;
    rest = third === undefined ? more : [third, ...more];
  } else if (second !== undefined && typeof second !== 'string') {
    const k = stepValue(second, ctx);
    inst = k === undefined ? undefined : instances.get(indexKey(k));
    out = third;
    rest = more;
  } else return unknown(e.text, e.span);
  if (!inst || typeof out !== 'string') return unknown(e.text, e.span);
  const v = inst.outputs.get(out);
  if (!v) return unknown(e.text, e.span);
  const key = `output.${out}`;
  let val = inst.cache.get(key);
  if (!val) {
    if (inst.busy.has(key)) return unknown(e.text, e.span);
    inst.busy.add(key);
    try {
      val = evaluate(v.expr, { mod: inst });
    } finally {
      inst.busy.delete(key);
    }
    inst.cache.set(key, val);
  }
  return walk(withOrigin(val, `module.${name}.${out} used at ${spanAt(e.span)}`), rest, ctx, e);
}

/** Functions whose result is certain and needs no library: conversions that keep the value, and collection functions over known values. */
function call(e: Extract<Expr, { k: 'call' }>, ctx: EvalCtx): Tree {
  const collection = collectionCall(e, ctx);
  if (collection) return collection;
  if (e.name === 'try' || e.name === 'can') return attempt(e, ctx);
  const [a] = e.args;
  if (e.args.length === 1 && a) {
    if (e.name === 'tomap') return evaluate(a, ctx);
    if (e.name === 'tolist') {
      const v = evaluate(a, ctx);
      if (v.type !== 'seq' || !v.set) return v;
      const { set: _, ...list } = v;
      return list;
    }
    if (e.name === 'toset') {
      const v = evaluate(a, ctx);
      return v.type === 'seq' ? toSet(v) : v;
    }
    if (e.name === 'tostring' || e.name === 'tonumber' || e.name === 'tobool') {
      const v = evaluate(a, ctx);
      if (v.type !== 'scalar' || v.value === null) return unknown(e.text, e.span);
      if (e.name === 'tostring') return { ...v, value: String(v.value), span: e.span };
      const n = toNumber(v);
      if (e.name === 'tonumber' && n.type === 'scalar' && typeof n.value === 'number') return n;
      if (e.name === 'tobool' && typeof v.value === 'boolean') return v;
    }
  }
  return unknown(e.text, e.span);
}

/**
 * `try(a, b, ...)`: the first argument Terraform evaluates without an error, `can(a)` whether it does. An
 * argument is known to fail only where a known value lacks the attribute or index it reads
 * (`try(each.value.port, "22/22")`); one that is not known may fail or not, so the result is not known.
 */
function attempt(e: Extract<Expr, { k: 'call' }>, ctx: EvalCtx): Tree {
  if (e.name === 'can' && e.args.length !== 1) return unknown(e.text, e.span);
  for (const a of e.args) {
    const v = evaluate(a, ctx);
    if (v.type === 'unknown' && v.missing) continue;
    if (e.name === 'can') return v.type === 'unknown' ? unknown(e.text, e.span) : { type: 'scalar', value: true, span: e.span };
    return v.type === 'unknown' ? unknown(e.text, e.span) : v;
  }
  return e.name === 'can' ? { type: 'scalar', value: false, span: e.span } : unknown(e.text, e.span);
}

/**
 * `merge` (maps; a later key wins), `concat` (lists), `lookup(map, key, default)`, `join(sep, lists...)`,
 * `length(list or map)`, `flatten(list)`, `split(sep, string)`, `element(list, index)`, `coalesce`
 * (of values of one type), `keys` / `values` (of a map) and `lower` / `upper` (of ASCII text) when every
 * argument they read is known; undefined for other functions. Unknown when an argument is not known (or
 * null), or when Terraform would fail (a lookup of a missing key without default, an element of an empty
 * list or at a negative index).
 */
function collectionCall(e: Extract<Expr, { k: 'call' }>, ctx: EvalCtx): Tree | undefined {
  if (!['merge', 'concat', 'lookup', 'join', 'length', 'flatten', 'split', 'element', 'coalesce', 'keys', 'values', 'lower', 'upper'].includes(e.name)) return undefined;
  const args = e.args.map((x) => evaluate(x, ctx));
  const none = unknown(e.text, e.span);
  switch (e.name) {
    case 'merge': {
      // An unknown argument may hold any key: the keys before it stay, their values may be replaced.
      if (args.some((m) => m.type !== 'map' && m.type !== 'unknown')) return none;
      const byKey = new Map<string, TEntry>();
      let open = false;
      for (const m of args) {
        if (m.type === 'unknown') {
          open = true;
          byKey.forEach((x, k) => byKey.set(k, replaced(x, m.expr)));
        }
        if (m.type === 'map' || m.type === 'unknown') for (const x of m.entries ?? []) byKey.set(x.key, x);
      }
      const entries = [...byKey.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      return open ? partialMap(e.text, e.span, entries) : { type: 'map', entries, span: e.span };
    }
    case 'concat': {
      if (!args.every((l) => l.type === 'seq') || args.reduce((n, l) => n + (l.type === 'seq' ? l.items.length : 0), 0) > MAX_ITEMS) return none;
      return { type: 'seq', items: args.flatMap((l) => (l.type === 'seq' ? l.items : [])), span: e.span };
    }
    case 'lookup': {
      const [m, k, d] = args;
      if (args.length < 2 || args.length > 3 || m?.type !== 'map' || k?.type !== 'scalar' || k.value === null) return none;
      return m.entries.find((x) => x.key === String(k.value))?.value ?? d ?? none;
    }
    case 'length': {
      // A list's length is known with unknown elements; a set's only when its elements are values of one
      // type (toset has merged the equal ones; unknown or mixed ones may still be equal once converted). A
      // string's length counts grapheme clusters: not computed here.
      const [c] = args;
      if (args.length !== 1 || !c || (c.type !== 'seq' && c.type !== 'map')) return none;
      if (c.type === 'seq' && c.set && new Set(c.items.map((i) => (i.type === 'scalar' && i.value !== null ? typeof i.value : 'other'))).size > 1) return none;
      if (c.type === 'seq' && c.set && c.items.some((i) => i.type !== 'scalar')) return none;
      return { type: 'scalar', value: c.type === 'seq' ? c.items.length : c.entries.length, span: e.span };
    }
    case 'flatten': {
      // Lists and sets in the list (at any depth) are replaced by their elements; an unknown or null one
      // may be a list, so the result is unknown.
      const [l] = args;
      if (args.length !== 1 || l?.type !== 'seq') return none;
      const items: Tree[] = [];
      const add = (t: Tree): boolean => {
        if (t.type === 'unknown' || (t.type === 'scalar' && t.value === null)) return false;
        if (t.type !== 'seq') return items.push(t) <= MAX_ITEMS;
        return t.items.every(add);
      };
      return l.items.every(add) ? { type: 'seq', items, span: e.span } : none;
    }
    case 'split': {
      // Each part is placed on the string it was cut from.
      const [sep, str] = args;
      if (args.length !== 2 || sep?.type !== 'scalar' || typeof sep.value !== 'string' || sep.value === '') return none;
      if (str?.type !== 'scalar' || typeof str.value !== 'string') return none;
      const parts = str.value.split(sep.value);
      if (parts.length > MAX_ITEMS) return none;
      return { type: 'seq', items: parts.map((value): Tree => ({ ...str, value })), span: e.span };
    }
    case 'coalesce': {
      // The first argument that is neither null nor an empty string. Arguments of other types would be
      // converted to one type first: not computed.
      if (args.length === 0 || args.some((a) => a.type !== 'scalar')) return none;
      const set = args.filter((a) => a.type === 'scalar' && a.value !== null);
      if (new Set(set.map((a) => typeof (a as { value: unknown }).value)).size !== 1) return none;
      return set.find((a) => a.type === 'scalar' && a.value !== '') ?? none;
    }
    case 'element': {
      // The index wraps around the list's length.
      const [l, i] = args;
      const n = i === undefined ? undefined : num(i);
      if (args.length !== 2 || l?.type !== 'seq' || l.set || l.items.length === 0 || n === undefined || !Number.isInteger(n) || n < 0) return none;
      return l.items[n % l.items.length]!;
    }
    case 'keys':
    case 'values': {
      // In the lexical order of the keys, as Terraform lists them.
      const [m] = args;
      if (args.length !== 1 || m?.type !== 'map') return none;
      const sorted = [...m.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { type: 'seq', items: sorted.map((x): Tree => (e.name === 'keys' ? { type: 'scalar', value: x.key, span: x.keySpan } : x.value)), span: e.span };
    }
    case 'lower':
    case 'upper': {
      // ASCII text only: beyond it, Unicode case mappings differ between implementations.
      const [t] = args;
      if (args.length !== 1 || t?.type !== 'scalar' || typeof t.value !== 'string' || !/^[\x00-\x7f]*$/.test(t.value)) return none;
      return { ...t, value: e.name === 'lower' ? t.value.toLowerCase() : t.value.toUpperCase() };
    }
    case 'join': {
      const [sep, ...lists] = args;
      if (sep?.type !== 'scalar' || typeof sep.value !== 'string' || lists.length === 0) return none;
      const parts: string[] = [];
      let length = 0;
      for (const l of lists) {
        if (l.type !== 'seq') return none;
        for (const i of l.items) {
          if (i.type !== 'scalar' || i.value === null) return none;
          parts.push(String(i.value));
          length += parts[parts.length - 1]!.length + sep.value.length;
          if (length > MAX_STRING) return none;
        }
      }
      return { type: 'scalar', value: parts.join(sep.value), span: e.span };
    }
  }
  return undefined;
}
