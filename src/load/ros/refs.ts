/**
 * The reference scan of a whole template: names that `Ref`, `Fn::GetAtt`, `DependsOn`,
 * `Fn::If`, `Condition` and `Fn::FindInMap` use must exist (`ros-ref-unknown`), and resources or
 * conditions must not depend on themselves through a chain of references, `Fn::Sub` included (`ros-ref-cycle`).
 */
import { describe, get, isMap, isScalar, isSeq } from '../tree.ts';
import type { Span, Tree } from '../tree.ts';
import { suggest } from '../../util/suggest.ts';
import { call, conditionRef, inlineBody, logicalOperands } from './functions.ts';
import type { Call } from './functions.ts';
import { getAttArgs } from './resolve.ts';
import { logicalName, PSEUDO, templateName } from './template.ts';
import type { Template } from './template.ts';

interface Edge {
  to: string;
  span: Span;
}

type Graph = Map<string, Edge[]>;

export function scanReferences(tpl: Template): void {
  const resources: Graph = new Map();
  for (const [name, e] of tpl.resources) {
    const edges: Edge[] = [];
    resources.set(name, edges);
    const addResource = (to: string, span: Span) => edges.push({ to, span });
    tpl.within(name, () => {
      const props = get(e.value, 'Properties');
      // A nested stack's inline template has names of its own: it is scanned as a template of its own (resources.ts).
      const body = inlineBody(e);
      if (body !== undefined && isMap(props)) {
        for (const p of props.entries) if (p.value !== body) walk(p.value, tpl, false, addResource);
      } else if (props !== undefined) walk(props, tpl, false, addResource);
      const dependsOn = get(e.value, 'DependsOn');
      if (dependsOn !== undefined) {
        for (const d of isSeq(dependsOn) ? dependsOn.items : [dependsOn]) {
          const n = isScalar(d) && typeof d.value === 'string' ? d.value : undefined;
          if (n === undefined) continue;
          if (tpl.resources.has(n)) addResource(n, d.span);
          else unknownName(tpl, n, d.span, 'resource', [...tpl.resources.keys()]);
        }
      }
      const cond = get(e.value, 'Condition');
      if (isScalar(cond) && typeof cond.value === 'string') checkCondition(tpl, cond.value, cond.span);
    });
  }
  const outputs = get(tpl.root, 'Outputs');
  if (outputs?.type === 'map') {
    for (const o of outputs.entries) {
      walk(o.value, tpl, false, () => {});
      const cond = get(o.value, 'Condition');
      if (isScalar(cond) && typeof cond.value === 'string') checkCondition(tpl, cond.value, cond.span);
    }
  }
  const conditions: Graph = new Map();
  for (const [name, e] of tpl.conditions) {
    const edges: Edge[] = [];
    conditions.set(name, edges);
    walk(e.value, tpl, true, () => {}, (to, span) => edges.push({ to, span }));
  }
  cycles(tpl, resources, 'resource');
  cycles(tpl, conditions, 'condition');
}

function walk(t: Tree, tpl: Template, inConditions: boolean, onResource: (name: string, span: Span) => void, onCondition?: (name: string, span: Span) => void, operand = false): void {
  const cond = inConditions ? conditionRef(t, operand) : undefined;
  if (cond) {
    const name = isScalar(cond.args) && typeof cond.args.value === 'string' ? cond.args.value : undefined;
    if (name !== undefined && checkCondition(tpl, name, cond.args.span)) onCondition?.(name, cond.args.span);
    return;
  }
  const c = call(t);
  if (c) visit(c, tpl, onResource);
  const operands = inConditions && c ? logicalOperands(c) : undefined;
  if (operands) {
    for (const o of operands) walk(o, tpl, true, onResource, onCondition, true);
    return;
  }
  // A call's argument is walked as a value of its own: it may be a call itself (`Fn::Base64Encode: {Ref: X}`).
  if (c) walk(c.args, tpl, inConditions, onResource, onCondition);
  else if (t.type === 'map') for (const e of t.entries) walk(e.value, tpl, inConditions, onResource, onCondition);
  else if (t.type === 'seq') for (const i of t.items) walk(i, tpl, inConditions, onResource, onCondition);
}

const isName = (t: Tree): boolean => isScalar(t) && typeof t.value === 'string';
const items = (n: number) => (t: Tree): boolean => isSeq(t) && t.items.length === n;

/**
 * The arguments of the functions the evaluation reads (resolve.ts), as ROS takes them. A call given
 * others is a template ROS rejects, and its value is unknown to every rule: reported, not passed over.
 */
const ARGUMENTS: Record<string, { ok: (args: Tree) => boolean; takes: string }> = {
  Ref: { ok: isName, takes: 'the name of a parameter or resource' },
  'Fn::GetAtt': { ok: (t) => items(2)(t) || (isName(t) && String((t as { value: unknown }).value).includes('.')), takes: '[resource, attribute] (or `Resource.Attribute`)' },
  'Fn::Join': { ok: items(2), takes: '[delimiter, [values]]' },
  'Fn::Select': { ok: items(2), takes: '[index, list or mapping]' },
  'Fn::If': { ok: items(3), takes: '[condition, value if true, value if false]' },
  'Fn::FindInMap': { ok: items(3), takes: '[mapping, top-level key, second-level key]' },
  'Fn::Sub': { ok: (t) => isName(t) || items(1)(t) || items(2)(t), takes: 'a string, or [string, {name: value}]' },
};

function visit(c: Call, tpl: Template, onResource: (name: string, span: Span) => void): void {
  // An argument that is itself a call (`Fn::If: !Join [...]`) is not the argument list: its value is not
  // known here (walk() visits the call), and ROS judges it.
  if (call(c.args)) return;
  const shape = ARGUMENTS[c.name];
  if (shape && !shape.ok(c.args)) {
    const given = isSeq(c.args) ? (c.args.items.length === 0 ? 'an empty list' : `a list of ${c.args.items.length}`) : describe(c.args);
    tpl.report('ros-shape', c.args.span, `\`${c.name}\` takes ${shape.takes}, not ${given}`);
    return;
  }
  const named = (name: string, span: Span): void => {
    // Any ALIYUN:: name is taken as a pseudo parameter: the list may grow, and a false error costs more.
    if (name.startsWith('ALIYUN::') || tpl.parameters.has(name) || tpl.locals.has(name)) return;
    if (tpl.resources.has(name)) onResource(name, span);
    else unknownName(tpl, name, span, 'parameter or resource', [...tpl.parameters.keys(), ...tpl.resources.keys(), ...PSEUDO]);
  };
  switch (c.name) {
    case 'Ref':
      if (isScalar(c.args) && typeof c.args.value === 'string') named(c.args.value, c.args.span);
      return;
    case 'Fn::GetAtt': {
      const [res] = getAttArgs(c.args);
      if (res === undefined) return;
      const span = isSeq(c.args) ? c.args.items[0]!.span : c.args.span;
      if (tpl.resources.has(res)) onResource(res, span);
      else unknownName(tpl, res, span, 'resource', [...tpl.resources.keys()]);
      return;
    }
    case 'Fn::Sub': {
      const str = isSeq(c.args) ? c.args.items[0] : c.args;
      const vars = isSeq(c.args) ? c.args.items[1] : undefined;
      if (!isScalar(str) || typeof str.value !== 'string') return;
      for (const m of str.value.matchAll(/\$\{([^}]*)\}/g)) {
        const inner = m[1]!;
        if (inner.startsWith('!') || (vars !== undefined && get(vars, inner) !== undefined)) continue;
        // Only references to resources count here: an unknown `${NAME}` is often a shell variable in a
        // UserData script, so it is not reported.
        const dot = inner.startsWith('ALIYUN::') ? -1 : inner.indexOf('.');
        const res = dot < 0 ? inner : inner.slice(0, dot);
        if (tpl.resources.has(res)) onResource(res, str.span);
      }
      return;
    }
    case 'Fn::If': {
      const name = isSeq(c.args) ? c.args.items[0] : undefined;
      if (isScalar(name) && typeof name.value === 'string') checkCondition(tpl, name.value, name.span);
      return;
    }
    case 'Fn::FindInMap': {
      const name = isSeq(c.args) ? c.args.items[0] : undefined;
      if (isScalar(name) && typeof name.value === 'string' && !tpl.mappings.has(name.value)) {
        unknownName(tpl, name.value, name.span, 'mapping', [...tpl.mappings.keys()]);
      }
      return;
    }
  }
}

function checkCondition(tpl: Template, name: string, span: Span): boolean {
  if (tpl.conditions.has(name)) return true;
  unknownName(tpl, name, span, 'condition', [...tpl.conditions.keys()]);
  return false;
}

function unknownName(tpl: Template, name: string, span: Span, kind: string, candidates: string[]): void {
  const near = suggest(name, candidates);
  tpl.report('ros-ref-unknown', span, `\`${name}\` is not a ${kind} of ${templateName(tpl)}${near ? `; did you mean \`${near}\`?` : ''}`);
}

/** Reports each back edge of a depth-first search: the reference that closes a cycle. Iterative, so deep chains cannot overflow. */
function cycles(tpl: Template, graph: Graph, kind: string): void {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next >= edges.length) {
        state.set(top.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const edge = edges[top.next++]!;
      const s = state.get(edge.to);
      if (s === 'open') {
        const loop = [...path.slice(path.indexOf(edge.to)), edge.to];
        const report = () => tpl.report('ros-ref-cycle', edge.span, `${kind} references form a cycle: ${loop.map((n) => logicalName(tpl, n)).join(' → ')}; ROS cannot resolve them`);
        tpl.within(kind === 'resource' ? top.node : undefined, report);
      } else if (s === undefined && graph.has(edge.to)) {
        state.set(edge.to, 'open');
        stack.push({ node: edge.to, next: 0 });
        path.push(edge.to);
      }
    }
  }
}
