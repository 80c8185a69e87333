/** Recognising ROS intrinsic function calls, long form (`{Ref: X}`, `{'Fn::Join': [...]}`) and YAML short form (`!Ref X`). */
import { isMap } from '../tree.ts';
import type { Span, Tree } from '../tree.ts';
import { tight } from './template.ts';

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

/** The name of a `Condition` reference inside a condition definition (`{Condition: Other}` / `!Condition Other`). */
export function conditionRef(t: Tree): Call | undefined {
  if (t.type !== 'unknown' && t.tag === '!Condition') return call(t);
  if (isMap(t) && t.entries.length === 1 && t.entries[0]!.key === 'Condition') {
    return { name: 'Condition', args: t.entries[0]!.value, node: t, span: t.span };
  }
  return undefined;
}
