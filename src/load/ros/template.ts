/**
 * A ROS template's sections indexed by name, shared by the reference scan, the resolver and the
 * resource readers.
 */
import type { LoadContext, SourceFile } from '../loader.ts';
import { get, isMap, isScalar } from '../tree.ts';
import type { LineIndex, Span, TEntry, TMap, Tree } from '../tree.ts';
import type { Variant } from './resolve.ts';

/** A nested stack: its template is another template, read here only when written inline as a mapping. */
export const STACK_TYPE = 'ALIYUN::ROS::Stack';

/** Most levels of nested stacks read (ROS documents five levels of nesting); deeper templates are reported, not read. */
export const MAX_NESTING = 5;

/**
 * A template written inline in a nested stack's `TemplateBody`. It is a template of its own: its names
 * (parameters, resources, conditions, mappings) are not those of the template around it.
 */
export interface Nesting {
  /** The stack's logical id as messages name it, after the stacks it is nested in (`Network`, `App.Network`). */
  stack: string;
  /** Address of the stack resource (`Resources.Network`); the resources of its template are `Resources.Network.Resources.<Name>`. */
  resource: string;
  /** 1 for a stack of the file's own template, 2 for one in its TemplateBody... */
  depth: number;
  /** The stack's `Parameters` as written (else its Type): where values passed but not known come from. */
  at: Span;
  /**
   * The values the stack passes to the template's parameters (its `Properties.Parameters`, resolved in the
   * template around it); undefined when they cannot be known (`Parameters` itself not known).
   */
  passed: ReadonlyMap<string, Tree> | undefined;
  /**
   * The parameters passed a value that is fixed: written in the stack, or computed from fixed values. One
   * computed from a parameter default of the template around is not: whoever creates the stack may give
   * that parameter another value.
   */
  fixed: ReadonlySet<string>;
}

export interface Template {
  file: SourceFile;
  /** What the keys of the template's resources start with (documentKey). */
  idPrefix: string;
  ctx: LoadContext;
  root: TMap;
  parameters: Map<string, TEntry>;
  resources: Map<string, TEntry>;
  conditions: Map<string, TEntry>;
  mappings: Map<string, TEntry>;
  /** Local variables (`Locals`): a `Ref` may name one; its value is not evaluated. */
  locals: Map<string, TEntry>;
  /**
   * Reports an input problem once (variants of one resource resolve the same text several times), as a
   * problem of the resource being read (see within), which its Metadata and waivers may suppress.
   */
  report(ruleId: string, at: Span, message: string): void;
  /** Runs `f` reading the resource of this logical id: what it reports is that resource's. */
  within<T>(logicalId: string | undefined, f: () => T): T;
  /** Values resolution may still produce: substituting a large parameter default many times must not hang the run. */
  budget: { left: number };
  /** How each security-group resource is read: one variant per combination of its conditions (resources.ts). */
  variants: Map<string, Variant[]>;
  /** Line starts of the file, made when a value must be placed inside a scalar (list parameter defaults). */
  lines?: LineIndex;
  /** Set on a template written in a nested stack's TemplateBody. */
  nesting?: Nesting;
}

/** Most values one template may expand to when parameters, mappings and branches are substituted. */
export const MAX_RESOLVED = 1_000_000;

/** Thrown when a template's resolution exceeds MAX_RESOLVED; the resource being read is reported and skipped. */
export class TooLarge extends Error {}

export function spend(tpl: Template, n = 1): void {
  tpl.budget.left -= n;
  if (tpl.budget.left < 0) throw new TooLarge(`the template expands to more than ${MAX_RESOLVED} values when parameters are substituted`);
}

/** Pseudo parameters ROS defines (`Ref: ALIYUN::Region`...). */
export const PSEUDO = [
  'ALIYUN::Region',
  'ALIYUN::AccountId',
  'ALIYUN::StackId',
  'ALIYUN::StackName',
  'ALIYUN::NoValue',
  'ALIYUN::TenantId',
  'ALIYUN::Index',
] as const;

/**
 * `idPrefix`: what the keys of its resources start with (documentKey of the file's document; a nested
 * stack's template shares the one of the template around it, its resource paths being longer).
 * `nested`: for the template of a nested stack's TemplateBody, where it is and the budget of the file's
 * template, which it shares (a template in a template must not multiply the values one file may expand to).
 */
export function indexTemplate(root: TMap, file: SourceFile, ctx: LoadContext, idPrefix: string, nested?: { nesting: Nesting; budget: { left: number } }): Template {
  const seen = new Set<string>();
  let reading: string | undefined;
  const tpl: Template = {
    file,
    idPrefix,
    ctx,
    root,
    parameters: new Map(),
    resources: new Map(),
    conditions: new Map(),
    mappings: new Map(),
    locals: new Map(),
    variants: new Map(),
    budget: nested?.budget ?? { left: MAX_RESOLVED },
    ...(nested ? { nesting: nested.nesting } : {}),
    report(ruleId, at, message) {
      const k = `${ruleId}|${at.line}:${at.column}-${at.endLine}:${at.endColumn}|${message}`;
      if (seen.has(k)) return;
      seen.add(k);
      // Outside its resources, what a nested template reports is the stack's (its Metadata may suppress it).
      const resource = reading !== undefined ? resourcePath(tpl, reading) : tpl.nesting?.resource;
      ctx.report(ruleId, { at, message, ...(resource !== undefined ? { node: { span: at, resource } } : {}) });
    },
    within(logicalId, f) {
      const outer = reading;
      reading = logicalId;
      try {
        return f();
      } finally {
        reading = outer;
      }
    },
  };
  const section = (name: string, into: Map<string, TEntry>): void => {
    const e = root.entries.find((x) => x.key === name);
    if (!e) return;
    if (isScalar(e.value) && e.value.value === null) return; // `Parameters:` with nothing under it
    if (!isMap(e.value)) {
      tpl.report('ros-shape', e.value.span, `\`${name}\` must be a mapping of names to definitions`);
      return;
    }
    for (const x of e.value.entries) into.set(x.key, x);
  };
  section('Parameters', tpl.parameters);
  section('Resources', tpl.resources);
  section('Conditions', tpl.conditions);
  section('Mappings', tpl.mappings);
  section('Locals', tpl.locals);
  const workspace = root.entries.find((x) => x.key === 'Workspace');
  if (workspace) {
    tpl.report('ros-terraform-not-read', workspace.keySpan, 'the Terraform configuration in `Workspace` is not read, so the security groups it declares are not checked (save its files as .tf files and run sglint on them)');
  }
  return tpl;
}

/** Address of a template resource (`Resources.WebSg`; in a nested stack's template `Resources.Network.Resources.WebSg`). */
export function resourcePath(tpl: Template, logicalId: string): string {
  return `${tpl.nesting ? `${tpl.nesting.resource}.` : ''}Resources.${logicalId}`;
}

/** A logical id as messages name it: after the nested stacks whose template declares it (`Network.WebSg`). */
export function logicalName(tpl: Template, logicalId: string): string {
  return tpl.nesting ? `${tpl.nesting.stack}.${logicalId}` : logicalId;
}

/** The template as messages name it. */
export function templateName(tpl: Template): string {
  return tpl.nesting ? `the template in the TemplateBody of nested stack \`${tpl.nesting.stack}\`` : 'this template';
}

/** Unique key of a template resource, for linking (`ref` of unknowns and ids of model objects). */
export function resourceId(tpl: Template, logicalId: string): string {
  return `${tpl.idPrefix}${resourcePath(tpl, logicalId)}`;
}

/**
 * A parameter's value as text when it is fixed: given with --parameter (the file's own template); for a
 * nested template, a fixed value the stack passes (Nesting.fixed), or its default when the stack passes
 * none (ROS then takes the default). Used to decide which combinations of conditions can occur.
 */
export function fixedParameter(tpl: Template, name: string): string | undefined {
  if (!tpl.nesting) return tpl.ctx.config.parameters?.[name];
  const passed = passedValue(tpl, name);
  if (passed !== undefined && !tpl.nesting.fixed.has(name)) return undefined;
  const v = passed ?? get(tpl.parameters.get(name)?.value, 'Default');
  return isScalar(v) && v.value !== null ? String(v.value) : undefined;
}

/**
 * For a nested template, the value the stack passes to a parameter (an unknown value when the stack's
 * `Parameters` cannot be known); undefined when it passes none, and for the file's own template.
 */
export function passedValue(tpl: Template, name: string): Tree | undefined {
  const n = tpl.nesting;
  if (!n) return undefined;
  if (n.passed === undefined) return { type: 'unknown', expr: `Parameters of nested stack ${n.stack}`, span: n.at };
  return n.passed.get(name);
}

/**
 * The span of a collection without the line break YAML block collections end with: a block mapping's
 * range runs to the start of the next line, which would make findings spill onto a line that is not theirs.
 */
export function tight(t: Tree): Span {
  const s = t.span;
  if (s.endColumn !== 1 || s.endLine <= s.line) return s;
  // Resolved values keep the span where they were written (a parameter default): only children written
  // inside the collection bound it. Only the last such child matters, so this walks one path, not the tree.
  const inside = (c: Span): boolean => (c.line > s.line || (c.line === s.line && c.column >= s.column)) && c.endLine <= s.endLine;
  const children: (() => Span)[] =
    t.type === 'map' ? t.entries.flatMap((e) => [() => e.keySpan, () => tight(e.value)]) : t.type === 'seq' ? t.items.map((i) => () => tight(i)) : [];
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i]!();
    if (inside(c)) return { ...s, endLine: c.endLine, endColumn: c.endColumn };
  }
  return s;
}

export function typeOf(resource: { value: Tree }): string | undefined {
  const t = get(resource.value, 'Type');
  return isScalar(t) && typeof t.value === 'string' ? t.value : undefined;
}
