/**
 * Static evaluation of ROS intrinsic functions. What can be known is evaluated (parameter defaults and
 * `--parameter` values, `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::FindInMap`, `ALIYUN::Region` from the
 * configured region, the chosen branch of `Fn::If`); everything else becomes an unknown value that rules
 * skip. References to template resources become unknowns carrying the resource's id, for linking.
 *
 * Resolution never follows a resource's properties and parameter defaults are literals, so evaluation
 * always terminates; reference cycles are reported by the reference scan (refs.ts).
 */
import { get, isMap, isScalar, isSeq, LineIndex, spanAt, text } from '../tree.ts';
import type { Scalar, Span, TScalar, TUnknown, Tree } from '../tree.ts';
import { call } from './functions.ts';
import type { Call } from './functions.ts';
import type { Allows } from './conditions.ts';
import { fixedParameter, passedValue, resourceId, spend, tight } from './template.ts';
import type { Template } from './template.ts';

/** `Ref: ALIYUN::NoValue`: the property, list item or map entry is removed. */
export const NO_VALUE: unique symbol = Symbol('ALIYUN::NoValue');
export type Resolved = Tree | typeof NO_VALUE;

export interface Scope {
  tpl: Template;
  /** The branch each `Fn::If` condition takes in this variant; a condition not listed makes `Fn::If` unknown. */
  choice: ReadonlyMap<string, boolean>;
  /** Which parameter values this variant's conditions allow; a default they exclude is not the value used. */
  allows?: Allows;
  /** Called when a parameter read here has no fixed value (fixedParameter): a default its user may change. */
  varies?: () => void;
}

/** A resource read with its conditions taking one combination of values. */
export interface Variant {
  /** `''` for the first variant, `[IsProd=false]` style for the others (ids and request keys must differ). */
  suffix: string;
  scope: Scope;
}

/** Parameter types whose value is a list (a comma-separated string when given as text). */
const LIST_TYPES = new Set(['CommaDelimitedList']);

export function resolve(t: Tree, s: Scope): Resolved {
  spend(s.tpl);
  const c = call(t);
  if (c) return evaluate(c, s);
  if (t.type === 'map') {
    const entries = [];
    for (const e of t.entries) {
      const v = resolve(e.value, s);
      if (v !== NO_VALUE) entries.push(v === e.value ? e : { key: e.key, keySpan: e.keySpan, value: v });
    }
    return { ...t, span: tight(t), entries };
  }
  if (t.type === 'seq') {
    const items: Tree[] = [];
    for (const i of t.items) {
      const v = resolve(i, s);
      if (v !== NO_VALUE) items.push(v);
    }
    return { ...t, span: tight(t), items };
  }
  return t;
}

function unknown(span: Span, expr: string, ref?: string): TUnknown {
  const u: TUnknown = { type: 'unknown', expr, span };
  if (ref !== undefined) u.ref = ref;
  return u;
}

function scalar(value: Scalar, span: Span, origin: string): TScalar {
  return { type: 'scalar', value, span, origin };
}

/** A copy of a written value that names where it was used; origins already set (deeper flows) are kept. */
function withOrigin(t: Tree, origin: string, s: Scope): Tree {
  spend(s.tpl);
  switch (t.type) {
    case 'map':
      return { ...t, origin: t.origin ?? origin, entries: t.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: withOrigin(e.value, origin, s) })) };
    case 'seq':
      return { ...t, origin: t.origin ?? origin, items: t.items.map((i) => withOrigin(i, origin, s)) };
    default:
      return { ...t, origin: t.origin ?? origin };
  }
}

/** The literal name a function argument gives (`Ref: Name`), if written as a plain string. */
function literalName(t: Tree | undefined): string | undefined {
  return isScalar(t) && typeof t.value === 'string' && !t.tag ? t.value : undefined;
}

function evaluate(c: Call, s: Scope): Resolved {
  switch (c.name) {
    case 'Ref': {
      const name = literalName(c.args);
      return name === undefined ? unknown(c.span, 'Ref') : ref(name, c.span, s);
    }
    case 'Fn::GetAtt': {
      const [res, attr] = getAttArgs(c.args);
      const expr = `Fn::GetAtt ${res ?? '?'}.${attr ?? '?'}`;
      return unknown(c.span, expr, res !== undefined && s.tpl.resources.has(res) ? refId(res, s) : undefined);
    }
    case 'Fn::Join':
      return join(c, s);
    case 'Fn::Sub':
      return sub(c, s);
    case 'Fn::If':
      return ifBranch(c, s);
    case 'Fn::Select':
      return select(c, s);
    case 'Fn::FindInMap':
      return findInMap(c, s);
    default:
      return unknown(c.span, c.name);
  }
}

export function getAttArgs(args: Tree): [string | undefined, string | undefined] {
  if (isSeq(args)) return [literalName(args.items[0]), literalName(args.items[1])];
  const dotted = literalName(args);
  if (dotted === undefined) return [undefined, undefined];
  const dot = dotted.indexOf('.');
  return dot < 0 ? [dotted, undefined] : [dotted.slice(0, dot), dotted.slice(dot + 1)];
}

/** The value of `Ref: name` used at `span`. */
function ref(name: string, span: Span, s: Scope): Resolved {
  const { tpl } = s;
  const config = tpl.ctx.config;
  if (name === 'ALIYUN::NoValue') return NO_VALUE;
  if (name === 'ALIYUN::Region') {
    return config.region ? scalar(config.region, span, 'ALIYUN::Region is the region given with --region or in the config') : unknown(span, 'ALIYUN::Region (no --region given)');
  }
  if (name === 'ALIYUN::AccountId') {
    return config.accountId ? scalar(config.accountId, span, 'ALIYUN::AccountId is the account id from the config') : unknown(span, 'ALIYUN::AccountId');
  }
  const param = tpl.parameters.get(name);
  if (param) return parameter(name, param.value, span, s);
  if (tpl.resources.has(name)) return unknown(span, `Ref ${name}`, refId(name, s));
  return unknown(span, tpl.locals.has(name) ? `Ref ${name} (a local variable, not evaluated)` : `Ref ${name}`);
}

/**
 * The id of the resource a reference names, for linking: of a group read once per combination of its
 * conditions, the variant whose conditions take the values they take in this scope. Undefined when no
 * variant does (a group with more conditions than are combined), so that the reference links to no
 * group rather than to one of other condition values.
 */
function refId(name: string, s: Scope): string | undefined {
  const vs = s.tpl.variants.get(name);
  if (vs === undefined || vs.length === 1) return resourceId(s.tpl, name);
  const v = vs.find((x) => [...x.scope.choice].every(([c, value]) => (s.choice.get(c) ?? value) === value));
  return v && resourceId(s.tpl, name) + v.suffix;
}

function parameter(name: string, def: Tree, span: Span, s: Scope): Resolved {
  if (s.varies && fixedParameter(s.tpl, name) === undefined) s.varies();
  const type = text(get(def, 'Type'));
  const isList = type !== undefined && LIST_TYPES.has(type);
  // --parameter values are the file's own template's: a nested template's come from its stack.
  const given = s.tpl.nesting ? undefined : s.tpl.ctx.config.parameters?.[name];
  if (given !== undefined) {
    // A flag value is written nowhere in the template: it is placed where the parameter is used.
    const origin = `parameter \`${name}\` given with --parameter`;
    spend(s.tpl, given.length);
    if (isList) return { type: 'seq', items: given.split(',').map((v) => scalar(v.trim(), span, origin)), span, origin };
    return scalar(type === 'Number' && given.trim() !== '' && Number.isFinite(Number(given)) ? Number(given) : given, span, origin);
  }
  // A value the nested stack passes is written in the same file: it is placed where it is written, as a default.
  const passed = passedValue(s.tpl, name);
  if (passed?.type === 'unknown') {
    // Placed where the parameter is used; what it refers to (a group of the template around) and its known start are kept.
    const u = unknown(span, `Ref ${name} (passed by nested stack ${s.tpl.nesting!.stack}: ${passed.expr})`, passed.ref);
    if (passed.prefix !== undefined) u.prefix = passed.prefix;
    return u;
  }
  const d = passed ?? get(def, 'Default');
  if (d === undefined) return unknown(span, `Ref ${name} (parameter without Default)`);
  if (s.allows && isScalar(d) && d.value !== null && !s.allows(name, String(d.value))) {
    return unknown(span, `Ref ${name} (a value other than its default, as the conditions of this variant require)`);
  }
  const origin = passed ? `parameter \`${name}\` passed by nested stack \`${s.tpl.nesting!.stack}\`, used at ${spanAt(span)}` : `parameter \`${name}\` default, used at ${spanAt(span)}`;
  if (isList && isScalar(d) && typeof d.value === 'string') {
    spend(s.tpl, d.value.length);
    return { type: 'seq', items: listItems(d as TScalar & { value: string }, origin, s.tpl), span: d.span, origin };
  }
  if (type === 'Json' && isScalar(d)) return unknown(span, `Ref ${name} (Json text)`);
  return withOrigin(d, origin, s);
}

/**
 * The items of a comma-separated list default, each placed on its own text when the default is written
 * as is on one line (plain, or quoted without escapes); otherwise each on the whole default. Items are
 * space-trimmed, as CloudFormation documents for this type (ROS follows it; the ROS reference is silent,
 * and trimming is the reading that reports no false error on `a, b`).
 */
function listItems(d: TScalar & { value: string }, origin: string, tpl: Template): TScalar[] {
  const parts = d.value.split(',');
  const trim = (v: string): [number, string] => {
    const t = v.trim();
    return [t === '' ? 0 : v.indexOf(t), t];
  };
  const sp = d.span;
  const lines = (tpl.lines ??= new LineIndex(tpl.file.path, tpl.file.text));
  const start = lines.offset(sp.line, sp.column);
  const written = sp.line === sp.endLine ? tpl.file.text.slice(start, lines.offset(sp.endLine, sp.endColumn)) : '';
  const quoted = written.length === d.value.length + 2 && /^(["']).*\1$/s.test(written) && written.slice(1, -1) === d.value;
  if (written !== d.value && !quoted) return parts.map((v) => scalar(trim(v)[1], sp, origin));
  let at = start + (quoted ? 1 : 0);
  return parts.map((v) => {
    const [lead, t] = trim(v);
    const a = lines.pos(at + lead);
    const b = lines.pos(at + lead + t.length);
    at += v.length + 1;
    return scalar(t, { file: sp.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column }, origin);
  });
}

/** A known scalar's text as ROS would splice it into a string; booleans and nulls are not guessed. */
function piece(t: Resolved): string | undefined {
  if (t === NO_VALUE || !isScalar(t)) return undefined;
  if (typeof t.value === 'string') return t.value;
  if (typeof t.value === 'number') return String(t.value);
  return undefined;
}

function join(c: Call, s: Scope): Resolved {
  if (!isSeq(c.args) || c.args.items.length !== 2) return unknown(c.span, 'Fn::Join');
  const delim = piece(resolve(c.args.items[0]!, s));
  const list = resolve(c.args.items[1]!, s);
  if (delim === undefined || list === NO_VALUE || !isSeq(list)) return unknown(c.span, 'Fn::Join');
  const parts = list.items.map(piece);
  const first = parts.indexOf(undefined);
  if (first >= 0) {
    // What the value is known to start with: the items before the first unknown one, and its own start.
    const item = list.items[first]!;
    const prefix = parts.slice(0, first).map((p) => p + delim).join('') + (item.type === 'unknown' ? (item.prefix ?? '') : '');
    const u = unknown(c.span, 'Fn::Join');
    if (prefix !== '') u.prefix = prefix;
    return u;
  }
  spend(s.tpl, parts.reduce((n, p) => n + p!.length + delim.length, 0));
  return scalar(parts.join(delim), c.span, `evaluated from Fn::Join at ${spanAt(c.span)}`);
}

function sub(c: Call, s: Scope): Resolved {
  let template: string | undefined;
  let vars: Tree | undefined;
  if (isSeq(c.args)) {
    template = piece(resolve(c.args.items[0] ?? c.args, s));
    vars = c.args.items[1];
  } else {
    template = literalName(c.args);
  }
  if (template === undefined) return unknown(c.span, 'Fn::Sub');
  // `prefix`: what the value is known to start with, the text before the first variable not known.
  let prefix: string | undefined;
  let out = '';
  let last = 0;
  for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const inner = m[1]!;
    if (inner.startsWith('!')) {
      out += `\${${inner.slice(1)}}`;
      continue;
    }
    const local = vars === undefined ? undefined : get(vars, inner);
    const value = local !== undefined ? resolve(local, s) : inner.includes('.') && !inner.startsWith('ALIYUN::') ? undefined : ref(inner, c.span, s);
    const p = value === undefined ? undefined : piece(value);
    spend(s.tpl, p?.length ?? 0);
    if (p === undefined) prefix ??= out + (typeof value === 'object' && value.type === 'unknown' ? (value.prefix ?? '') : '');
    out += p ?? m[0];
  }
  out += template.slice(last);
  if (prefix !== undefined) {
    const u = unknown(c.span, 'Fn::Sub');
    if (prefix !== '') u.prefix = prefix;
    return u;
  }
  return scalar(out, c.span, `evaluated from Fn::Sub at ${spanAt(c.span)}`);
}

function ifBranch(c: Call, s: Scope): Resolved {
  if (!isSeq(c.args) || c.args.items.length !== 3) return unknown(c.span, 'Fn::If');
  const cond = literalName(c.args.items[0]);
  const branch = cond === undefined ? undefined : s.choice.get(cond);
  if (branch === undefined) return unknown(c.span, `Fn::If ${cond ?? ''}`.trim());
  const v = resolve(c.args.items[branch ? 1 : 2]!, s);
  return v === NO_VALUE ? v : withOrigin(v, `when condition \`${cond}\` is ${branch}`, s);
}

function select(c: Call, s: Scope): Resolved {
  if (!isSeq(c.args) || c.args.items.length !== 2) return unknown(c.span, 'Fn::Select');
  const index = resolve(c.args.items[0]!, s);
  const from = resolve(c.args.items[1]!, s);
  const key = piece(index);
  if (key === undefined || from === NO_VALUE) return unknown(c.span, 'Fn::Select');
  if (isSeq(from)) {
    const i = Number(key);
    const v = Number.isInteger(i) && i >= 0 ? from.items[i] : undefined;
    return v ?? unknown(c.span, 'Fn::Select');
  }
  if (isMap(from)) return get(from, key) ?? unknown(c.span, 'Fn::Select');
  return unknown(c.span, 'Fn::Select');
}

function findInMap(c: Call, s: Scope): Resolved {
  if (!isSeq(c.args) || c.args.items.length !== 3) return unknown(c.span, 'Fn::FindInMap');
  const [name, top, second] = c.args.items.map((i) => piece(resolve(i, s)));
  const mapping = name === undefined ? undefined : s.tpl.mappings.get(name)?.value;
  const v = top === undefined || second === undefined ? undefined : get(get(mapping, top), second);
  if (v === undefined) return unknown(c.span, 'Fn::FindInMap');
  return withOrigin(v, `Fn::FindInMap used at ${spanAt(c.span)}`, s);
}
