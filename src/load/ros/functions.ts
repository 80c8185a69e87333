/** Recognising ROS intrinsic function calls, long form (`{Ref: X}`, `{'Fn::Join': [...]}`) and YAML short form (`!Ref X`). */
import { get, isMap, isScalar, isSeq } from '../tree.ts';
import type { Span, TMap, Tree } from '../tree.ts';
import { STACK_TYPE, tight, typeOf } from './template.ts';

export interface Call {
  /** Canonical name: `Ref`, `Condition` or `Fn::Name`. */
  name: string;
  /** The argument, without the short-form tag. */
  args: Tree;
  /** The whole call as written (for spans of evaluated results). */
  node: Tree;
  span: Span;
}

export function call(t: Tree): Call | undefined {
  if (t.type !== 'unknown' && t.tag?.startsWith('!') && t.tag.length > 1) {
    const short = t.tag.slice(1);
    const name = short === 'Ref' || short === 'Condition' ? short : short.startsWith('Fn::') ? short : `Fn::${short}`;
    const args = { ...t } as Tree;
    delete (args as { tag?: string }).tag;
    return { name, args, node: t, span: tight(t) };
  }
  if (isMap(t) && t.entries.length === 1) {
    const e = t.entries[0]!;
    if (e.key === 'Ref' || e.key.startsWith('Fn::')) return { name: e.key, args: e.value, node: t, span: tight(t) };
  }
  return undefined;
}

/**
 * The name of a `Condition` reference inside a condition definition (`{Condition: Other}` / `!Condition Other`).
 * An `operand` of `Fn::And`, `Fn::Or` or `Fn::Not` may also name a condition as a plain string
 * (`!And [IsProd, ...]`, as the ROS documentation of Fn::And writes it).
 */
export function conditionRef(t: Tree, operand = false): Call | undefined {
  if (t.type !== 'unknown' && t.tag === '!Condition') return call(t);
  if (isMap(t) && t.entries.length === 1 && t.entries[0]!.key === 'Condition') {
    return { name: 'Condition', args: t.entries[0]!.value, node: t, span: t.span };
  }
  if (operand && isScalar(t) && typeof t.value === 'string' && !t.tag) return { name: 'Condition', args: t, node: t, span: t.span };
  return undefined;
}

const LOGICAL = new Set(['Fn::And', 'Fn::Or', 'Fn::Not']);

/** The operands of `Fn::And`, `Fn::Or` or `Fn::Not` (a list, or for `Fn::Not` also one value); undefined for other calls. */
export function logicalOperands(c: Call): Tree[] | undefined {
  if (!LOGICAL.has(c.name)) return undefined;
  return isSeq(c.args) ? c.args.items : [c.args];
}

/**
 * The template of a nested stack resource written inline: its `Properties.TemplateBody` when that is a
 * mapping, not a function call. It is a template of its own, whose names are not those of the template
 * around it (ROS: functions in a TemplateBody take effect in the nested stack only).
 */
export function inlineBody(resource: { value: Tree }): TMap | undefined {
  if (typeOf(resource) !== STACK_TYPE) return undefined;
  const props = get(resource.value, 'Properties');
  if (!isMap(props) || call(props)) return undefined;
  const body = get(props, 'TemplateBody');
  return isMap(body) && !call(body) ? body : undefined;
}
