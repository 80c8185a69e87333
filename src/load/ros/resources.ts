/**
 * ROS resources → model: `ALIYUN::ECS::SecurityGroup` (with inline rules), the standalone rule resources,
 * `ALIYUN::ECS::VPC` and `ALIYUN::RAM::ManagedPolicy`. A nested stack (`ALIYUN::ROS::Stack`) whose template
 * is written inline (a TemplateBody mapping) has that template read as a template of its own, its
 * parameters taking the values the stack passes; another (a TemplateURL, a TemplateBody string) is reported.
 *
 * Conditions: a resource whose properties use `Fn::If` is read once per combination of its conditions
 * (at most MAX_CONDITIONS conditions, so at most 16 variants); the conditions of the groups it refers to
 * count as its own, so that each variant refers to the group variant of the same condition values. All
 * variants carry the same resource name (`Resources.WebSg`), so a finding on text outside any `Fn::If`
 * is reported once; a finding inside a branch is placed on that branch and names its condition. With more
 * conditions, the resource is read with all of them true, all false, and each one alone true and alone
 * false: every branch of an `Fn::If` is read, and of nested ones every branch whose conditions differ in
 * at most one from all the others.
 * A resource with its own `Condition` is read with that condition true only, and combinations no parameter
 * value can produce are dropped (conditions.ts).
 */
import { copies, groupFields, isPermissionParam, NOT_STRING, PERMISSION_PARAMS, permissionFields } from '../../model.ts';
import type { Model, Permission, RamPolicy, SecurityGroup, SgParam, Tag, TagList, Vpc } from '../../model.ts';
import { cover, describe, get, isMap, isScalar, isSeq, isUnknown, LineIndex } from '../tree.ts';
import { writtenText } from '../fast.ts';
import type { Span, TEntry, TMap, TScalar, Tree, TUnknown } from '../tree.ts';
import { suggest } from '../../util/suggest.ts';
import { pushAll } from '../../util/array.ts';
import { call, inlineBody } from './functions.ts';
import { feasibility } from './conditions.ts';
import { getAttArgs, NO_VALUE, resolve } from './resolve.ts';
import type { Resolved, Variant } from './resolve.ts';
import { scanReferences } from './refs.ts';
import { indexTemplate, logicalName, MAX_NESTING, resourceId, resourcePath, STACK_TYPE, tight, TooLarge, typeOf } from './template.ts';
import type { Nesting, Template } from './template.ts';

export const SG_TYPE = 'ALIYUN::ECS::SecurityGroup';

/** `ALIYUN::ECS::SecurityGroup` properties (ROS documentation, Feb 2026) and the API parameter each is. */
const GROUP_PROPS: Record<string, SgParam | 'Tags' | 'SecurityGroupIngress' | 'SecurityGroupEgress'> = {
  SecurityGroupName: 'SecurityGroupName',
  Description: 'Description',
  VpcId: 'VpcId',
  SecurityGroupType: 'SecurityGroupType',
  ResourceGroupId: 'ResourceGroupId',
  Tags: 'Tags',
  SecurityGroupIngress: 'SecurityGroupIngress',
  SecurityGroupEgress: 'SecurityGroupEgress',
};

/** Resource attributes ROS accepts beside `Type` and `Properties`. */
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Condition', 'Metadata', 'Count', 'Description', 'CreationPolicy', 'UpdatePolicy'];

const RULE_TYPES: Record<string, { direction: 'ingress' | 'egress'; list: boolean }> = {
  'ALIYUN::ECS::SecurityGroupIngress': { direction: 'ingress', list: false },
  'ALIYUN::ECS::SecurityGroupEgress': { direction: 'egress', list: false },
  'ALIYUN::ECS::SecurityGroupIngresses': { direction: 'ingress', list: true },
  'ALIYUN::ECS::SecurityGroupEgresses': { direction: 'egress', list: true },
};

export const VPC_TYPE = 'ALIYUN::ECS::VPC';
export const POLICY_TYPE = 'ALIYUN::RAM::ManagedPolicy';

/** Most `Fn::If` conditions one resource is expanded over (2^4 = 16 combinations before impossible ones are dropped). */
export const MAX_CONDITIONS = 4;

/** The types read here, and the nested stack, which is reported: a misspelling of one is reported too. */
const READ_TYPES = [SG_TYPE, ...Object.keys(RULE_TYPES), VPC_TYPE, POLICY_TYPE, STACK_TYPE];

/**
 * A type that is one of READ_TYPES but for its case or a letter or two (`ALIYUN::ECS::Securitygroup`):
 * ROS types are case-sensitive, so the template fails, and the resource would go unchecked unsaid. Only
 * within the same namespace, and not a known type with more after it, so that another real type is not
 * taken for a misspelling.
 */
function misspeltType(tpl: Template, e: TEntry, type: string): void {
  const cut = type.lastIndexOf('::');
  const ns = type.slice(0, cut + 2).toLowerCase();
  const near = READ_TYPES.filter((t) => t.slice(0, t.lastIndexOf('::') + 2).toLowerCase() === ns);
  const last = suggest(type.slice(cut + 2), near.map((t) => t.slice(t.lastIndexOf('::') + 2)));
  const meant = last === undefined ? undefined : near.find((t) => t.endsWith(`::${last}`));
  // A known type with more after it (`SecurityGroupClone`, `SecurityGroups`) may be another real type.
  if (meant === undefined || cut < 0 || (type.startsWith(meant) && type !== meant)) return;
  const at = get(e.value, 'Type')?.span ?? e.keySpan;
  tpl.report('ros-shape', at, `\`${type}\` is not a ROS resource type; did you mean \`${meant}\`${meant.toLowerCase() === type.toLowerCase() ? ' (types are case-sensitive)' : ''}? The resource is not checked.`);
}

export function readResources(tpl: Template): Partial<Model> {
  const out: Model = { groups: [], permissions: [], vpcs: [], policies: [] };
  const groupsById = new Map<string, SecurityGroup>();
  const pending: { name: string; e: TEntry; type: string }[] = [];
  const stacks: { name: string; e: TEntry }[] = [];
  for (const [name, e] of tpl.resources) {
    const type = tpl.within(name, () => readType(name, e, tpl));
    if (type === STACK_TYPE) stacks.push({ name, e });
    else if (type !== undefined) pending.push({ name, e, type });
  }
  // The variants of every group are known before any value is resolved: a reference to a group is to its
  // variant of the same condition values (resolve.ts).
  const conditions = conditionsOf(tpl, new Map(pending.map(({ name, e }) => [name, usesOf(e, tpl)])));
  for (const { name, e, type } of pending) if (type === SG_TYPE) tpl.variants.set(name, variants(e, conditions.get(name)!, tpl));
  // Groups first, so that rule resources referring to them link in the loader.
  for (const { name, e, type } of pending) {
    if (type !== SG_TYPE) continue;
    tpl.within(name, () => {
      const vs = tpl.variants.get(name)!;
      vs.forEach((v, i) => {
        const g = readGroup(name, e, v, tpl, out, vs.length > 1 ? i : undefined);
        if (g) groupsById.set(g.id, g);
      });
    });
  }
  for (const { name, e, type } of pending) {
    if (type === SG_TYPE) continue;
    const rule = RULE_TYPES[type];
    tpl.within(name, () => {
      if (rule) {
        const vs = variants(e, conditions.get(name)!, tpl);
        vs.forEach((v, i) => readRuleResource(name, e, rule.direction, rule.list, v, tpl, out, groupsById, vs.length > 1 ? i : undefined));
      }
      else if (type === VPC_TYPE) out.vpcs.push(readVpc(name, e, tpl));
      else out.policies.push(readPolicy(name, e, tpl));
    });
  }
  // Last, so that the values a stack passes may refer to the groups read above (each variant known).
  for (const { name, e } of stacks) tpl.within(name, () => readStack(name, e, tpl, out));
  return out;
}

/** The type of a resource that is read here; undefined, after a report when it is malformed, for others. */
function readType(name: string, e: TEntry, tpl: Template): string | undefined {
  if (!isMap(e.value)) {
    tpl.report('ros-shape', e.value.span, `resource \`${logicalName(tpl, name)}\` must be a mapping with \`Type\` and \`Properties\``);
    return undefined;
  }
  const type = typeOf(e);
  if (type === undefined) {
    tpl.report('ros-shape', get(e.value, 'Type')?.span ?? e.keySpan, `resource \`${logicalName(tpl, name)}\` needs a \`Type\` (a string such as ${SG_TYPE})`);
    return undefined;
  }
  if (type === STACK_TYPE) return type;
  if (type !== SG_TYPE && !RULE_TYPES[type] && type !== VPC_TYPE && type !== POLICY_TYPE) {
    misspeltType(tpl, e, type);
    return undefined;
  }
  if (type === SG_TYPE || RULE_TYPES[type]) {
    for (const k of e.value.entries) if (!RESOURCE_KEYS.includes(k.key)) unknownProperty(tpl, k, RESOURCE_KEYS, `resource \`${name}\``);
  }
  return type;
}

/**
 * A nested stack. Its template written inline (a TemplateBody mapping) is read as a template of its own,
 * once whatever the stack's `Count`, placed where it is written in this file: its resources are named
 * after the stack (`Resources.Network.Resources.WebSg`), its names are its own, and its parameters take
 * the values the stack passes, else their defaults. A stack with a `Condition` passes the values it
 * passes when that condition is true, as any resource with one is read. Any other template (at a
 * TemplateURL, never fetched; a TemplateBody written as a string; one nested deeper than ROS allows) is
 * not read, and the stack is reported once, at its Type.
 */
function readStack(name: string, e: TEntry, tpl: Template, out: Model): void {
  const stack = logicalName(tpl, name);
  const depth = (tpl.nesting?.depth ?? 0) + 1;
  const props = get(e.value, 'Properties');
  const body = inlineBody(e);
  const notRead = (why: string, fix: string): void =>
    tpl.report('ros-stack-not-followed', get(e.value, 'Type')!.span, `nested stack \`${stack}\` (${STACK_TYPE}): ${why}, so the security groups it creates are not checked (${fix})`);
  if (body === undefined) {
    const written = get(props, 'TemplateBody');
    const url = get(props, 'TemplateURL');
    if (isScalar(written) && typeof written.value === 'string') {
      notRead('its TemplateBody is written as a string, which is not read', 'write the TemplateBody as a mapping, or save it as a file and run sglint on it');
    } else {
      notRead(isScalar(url) && typeof url.value === 'string' ? `its template "${url.value}" is not fetched` : 'its template is not read', "run sglint on that template's file");
    }
    return;
  }
  if (depth > MAX_NESTING) {
    notRead(`its TemplateBody is nested more than ${MAX_NESTING} stacks deep (ROS allows ${MAX_NESTING} levels) and is not read`, 'save it as a file and run sglint on it');
    return;
  }
  const params = get(props, 'Parameters');
  // The stack read with its own conditions true (as any resource with a Condition).
  const first = variants(e, new Set(), tpl)[0]!;
  const nesting = { stack, resource: resourcePath(tpl, name), depth, at: params?.span ?? get(e.value, 'Type')!.span, ...passedParameters(name, e, params, first, tpl) };
  const inner = indexTemplate(body, tpl.file, tpl.ctx, tpl.idPrefix, { nesting, budget: tpl.budget });
  // One index of the file's lines, however many templates it holds.
  inner.lines = tpl.lines ??= new LineIndex(tpl.file.path, tpl.file.text);
  scanReferences(inner);
  const m = readResources(inner);
  // Each copy of a stack with a known Count creates its template's groups anew (quotas count them so).
  const n = countOf(name, e, first, tpl);
  if (n !== undefined) {
    for (const g of m.groups ?? []) {
      g.countedBy = [resourcePath(tpl, name), ...(g.countedBy ?? (g.count !== undefined ? [g.resource] : []))];
      g.count = copies(g) * n;
    }
  }
  pushAll(out.groups, m.groups ?? []);
  pushAll(out.permissions, m.permissions ?? []);
  pushAll(out.vpcs, m.vpcs ?? []);
  pushAll(out.policies, m.policies ?? []);
}

/**
 * The values a nested stack passes to its template's parameters (its `Properties.Parameters`), resolved
 * here with the stack's own `Condition` true: an `Fn::If` on another condition, a reference to a
 * resource, a parameter without a default are not known, and stay so in the nested template. `passed` is
 * undefined when `Parameters` as a whole is not known; `fixed` names the values that read no parameter
 * default of this template (each value of a `Parameters` mapping is resolved on its own to know it).
 */
function passedParameters(name: string, e: TEntry, params: Tree | undefined, first: Variant, tpl: Template): Pick<Nesting, 'passed' | 'fixed'> {
  const fixed = new Set<string>();
  if (params === undefined || (isScalar(params) && params.value === null)) return { passed: new Map(), fixed };
  let varies = false;
  const v: Variant = { ...first, scope: { ...first.scope, varies: () => (varies = true) } };
  if (isMap(params) && !call(params)) {
    const passed = new Map<string, Tree>();
    for (const x of params.entries) {
      varies = false;
      const value = resolveIn(name, e, x.value, v, tpl);
      if (value === undefined) return { passed: undefined, fixed };
      if (value === NO_VALUE) continue;
      passed.set(x.key, value);
      if (!varies) fixed.add(x.key);
    }
    return { passed, fixed };
  }
  const all = resolveIn(name, e, params, v, tpl);
  if (all === undefined || all === NO_VALUE || isUnknown(all)) return { passed: undefined, fixed };
  if (!isMap(all)) {
    tpl.report('ros-shape', all.span, `\`Parameters\` of nested stack \`${logicalName(tpl, name)}\` must be a mapping of the parameter names of its template to values`);
    return { passed: undefined, fixed };
  }
  if (!varies) for (const x of all.entries) fixed.add(x.key);
  return { passed: new Map(all.entries.map((x) => [x.key, x.value])), fixed };
}

/** What a resource's properties use: the conditions of their `Fn::If`s and the resources they refer to. */
interface Uses {
  conditions: Set<string>;
  resources: Set<string>;
}

function usesOf(e: TEntry, tpl: Template): Uses {
  const uses: Uses = { conditions: new Set(), resources: new Set() };
  const props = get(e.value, 'Properties');
  if (props) collectUses(props, tpl, uses);
  return uses;
}

function collectUses(t: Tree, tpl: Template, into: Uses): void {
  const c = call(t);
  if (c?.name === 'Fn::If' && isSeq(c.args)) {
    const n = c.args.items[0];
    if (n?.type === 'scalar' && typeof n.value === 'string') into.conditions.add(n.value);
  }
  const target = c?.name === 'Ref' ? c.args : undefined;
  const name = target?.type === 'scalar' && typeof target.value === 'string' ? target.value : c?.name === 'Fn::GetAtt' ? getAttArgs(c.args)[0] : undefined;
  if (name !== undefined && tpl.resources.has(name)) into.resources.add(name);
  const inner = c ? c.args : t;
  if (inner.type === 'map') for (const e of inner.entries) collectUses(e.value, tpl, into);
  else if (inner.type === 'seq') for (const i of inner.items) collectUses(i, tpl, into);
}

/**
 * The conditions each resource is read over: those of its own `Fn::If`s, then those of the groups it
 * refers to, and of the groups they refer to, so that each variant refers to the variant of each group
 * that takes the same condition values (a rule on a group whose type depends on `IsProd` is read with
 * `IsProd` true and false, each with its own group). A set grows only, so each resource is passed on to
 * the resources referring to it at most once per condition.
 */
function conditionsOf(tpl: Template, uses: ReadonlyMap<string, Uses>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const referrers = new Map<string, string[]>();
  for (const [name, u] of uses) {
    out.set(name, new Set(u.conditions));
    for (const r of u.resources) {
      if (r === name || typeOf(tpl.resources.get(r)!) !== SG_TYPE) continue;
      const list = referrers.get(r);
      if (list) list.push(name);
      else referrers.set(r, [name]);
    }
  }
  const queue = [...out.keys()];
  for (let n = queue.pop(); n !== undefined; n = queue.pop()) {
    const from = out.get(n)!;
    for (const r of referrers.get(n) ?? []) {
      const to = out.get(r)!;
      const size = to.size;
      for (const c of from) to.add(c);
      if (to.size > size) queue.push(r);
    }
  }
  return out;
}

function variants(e: TEntry, conditions: ReadonlySet<string>, tpl: Template): Variant[] {
  // A resource created only under a condition exists only when that condition is true.
  const own = get(e.value, 'Condition');
  const fixed = new Map<string, boolean>();
  if (own?.type === 'scalar' && typeof own.value === 'string' && tpl.conditions.has(own.value)) fixed.set(own.value, true);
  const names = [...conditions].filter((c) => tpl.conditions.has(c) && !fixed.has(c));
  const unexpanded = (): Variant[] => {
    const allows = fixed.size > 0 ? feasibility(tpl, fixed) : undefined;
    return [{ suffix: '', scope: { tpl, choice: fixed, ...(allows ? { allows } : {}) } }];
  };
  if (names.length === 0) return unexpanded();
  // Every combination, or with many conditions the covering ones: all alike, and each one alone different.
  const masks: boolean[][] = [];
  if (names.length <= MAX_CONDITIONS) {
    for (let mask = 0; mask < 1 << names.length; mask++) masks.push(names.map((_, i) => (mask & (1 << i)) === 0));
  } else {
    for (const all of [true, false]) {
      masks.push(names.map(() => all));
      names.forEach((_, k) => masks.push(names.map((__, i) => (i === k ? !all : all))));
    }
  }
  const out: Variant[] = [];
  for (const values of masks) {
    const choice = new Map([...fixed, ...names.map((n, i) => [n, values[i]!] as const)]);
    const allows = feasibility(tpl, choice);
    if (!allows) continue;
    const suffix = out.length === 0 ? '' : `[${names.map((n) => `${n}=${choice.get(n)}`).join(',')}]`;
    out.push({ suffix, scope: { tpl, choice, allows } });
  }
  // No combination possible (contradictory conditions): the conditions' values are left unknown.
  return out.length > 0 ? out : unexpanded();
}

function nodeSpan(e: TEntry): Span {
  return cover(e.keySpan, tight(e.value));
}

/** A value of resource `name` resolved in a variant; undefined when the values one template may expand to run out (reported once). */
function resolveIn(name: string, e: TEntry, raw: Tree, v: Variant, tpl: Template): Resolved | undefined {
  if (tpl.budget.left < 0) return undefined; // already reported at the resource where it ran out
  try {
    return resolve(raw, v.scope);
  } catch (err) {
    if (!(err instanceof TooLarge)) throw err;
    tpl.report('ros-too-large', e.keySpan, `${err.message}; \`${logicalName(tpl, name)}\` and the resources after it are not checked`);
    return undefined;
  }
}

/** The resolved `Properties` map; undefined (after a report when malformed) when it cannot be read. */
function properties(name: string, e: TEntry, v: Variant, tpl: Template): TMap | undefined {
  const raw = get(e.value, 'Properties');
  if (raw === undefined) return tpl.budget.left < 0 ? undefined : { type: 'map', entries: [], span: e.keySpan };
  const props = resolveIn(name, e, raw, v, tpl);
  if (props === undefined || props === NO_VALUE || isUnknown(props)) return undefined;
  if (props.type === 'scalar' && props.value === null) return { type: 'map', entries: [], span: props.span };
  if (!isMap(props)) {
    tpl.report('ros-shape', props.span, `\`Properties\` of \`${logicalName(tpl, name)}\` must be a mapping`);
    return undefined;
  }
  return props;
}

/**
 * How many of a resource the template creates: its `Count` when it is a whole number of 0 or more (written,
 * or a parameter's value or Default); undefined without a `Count` or when its value is not known (a
 * parameter without a Default): the resource then counts as one, so that no quota is said exceeded on a
 * guess.
 */
function countOf(name: string, e: TEntry, v: Variant, tpl: Template): number | undefined {
  const raw = get(e.value, 'Count');
  const c = raw === undefined ? undefined : resolveIn(name, e, raw, v, tpl);
  if (c === undefined || c === NO_VALUE || !isScalar(c)) return undefined;
  const n = typeof c.value === 'string' && /^\d+$/.test(c.value.trim()) ? Number(c.value) : c.value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Whether a resource's properties use `ALIYUN::Index` (a `Ref`, or `${ALIYUN::Index}` in an `Fn::Sub`),
 * other than in a Description: only then can the copies of a rule resource with a `Count` be different
 * rules. A Description does not make a rule another one.
 */
function usesIndex(t: Tree, inSub = false): boolean {
  const c = call(t);
  if (c?.name === 'Ref') return isScalar(c.args) && c.args.value === 'ALIYUN::Index';
  const inner = c ? c.args : t;
  const sub = inSub || c?.name === 'Fn::Sub';
  if (isScalar(inner)) return sub && typeof inner.value === 'string' && inner.value.includes('${ALIYUN::Index}');
  if (inner.type === 'map') return inner.entries.some((x) => x.key !== 'Description' && usesIndex(x.value, sub));
  return inner.type === 'seq' && inner.items.some((i) => usesIndex(i, sub));
}

function unknownProperty(tpl: Template, e: TEntry, known: readonly string[], where: string): void {
  const near = suggest(e.key, known);
  tpl.report('ros-unknown-property', e.keySpan, `unknown property \`${e.key}\` in ${where}${near ? `; did you mean \`${near}\`?` : '.'} It is ignored by this check.`);
}

function regionOf(e: TEntry, tpl: Template): TScalar | undefined {
  const region = tpl.ctx.config.region;
  if (!region) return undefined;
  const type = get(e.value, 'Type')!;
  return { type: 'scalar', value: region, span: type.span, origin: 'a ROS template names no region: the region given with --region or in the config' };
}

function readGroup(name: string, e: TEntry, v: Variant, tpl: Template, out: Model, variant: number | undefined): SecurityGroup | undefined {
  const props = properties(name, e, v, tpl);
  if (!props) return undefined;
  const resource = resourcePath(tpl, name);
  const group: SecurityGroup = {
    kind: 'SecurityGroup',
    id: resourceId(tpl, name) + v.suffix,
    format: 'ros',
    span: nodeSpan(e),
    resource,
    fields: groupFields(),
    permissions: [],
  };
  if (variant !== undefined) group.variant = { of: resourceId(tpl, name), index: variant };
  const count = countOf(name, e, v, tpl);
  if (count !== undefined) group.count = count;
  const region = regionOf(e, tpl);
  if (region) {
    group.fields.RegionId = region;
    group.regionSource = 'the region given with --region or in the config (a ROS template is region-free)';
  }
  for (const p of props.entries) {
    const target = GROUP_PROPS[p.key];
    if (target === undefined) {
      unknownProperty(tpl, p, Object.keys(GROUP_PROPS), `${SG_TYPE} \`${logicalName(tpl, name)}\``);
    } else if (target === 'Tags') {
      group.Tag = readTags(p.value, `${resource}.Tags`, tpl);
    } else if (target === 'SecurityGroupIngress' || target === 'SecurityGroupEgress') {
      const direction = target === 'SecurityGroupIngress' ? 'ingress' : 'egress';
      eachItem(p.value, target, tpl, (item, i) => {
        const perm = readPermission(item, `${resource}.${target}[${i}]`, direction, `${group.id}#${direction}[${i}]`, tpl, []);
        perm.group = group;
        if (group.variant) perm.variant = group.variant;
        out.permissions.push(perm);
      }, rulesNotKnown(tpl, target, logicalName(tpl, name)));
    } else {
      group.fields[target] = single(p, tpl);
    }
  }
  out.groups.push(group);
  return group;
}

/**
 * A property that takes one value (a string, a number, a bool), as given, a number for a string property
 * as the text written (`Description: 2.0` is three characters); a list or a mapping is a ros-shape error
 * (ROS rejects the template), and unknown to the checks.
 */
function single(p: TEntry, tpl: Template): Tree {
  const v = p.value;
  if (v.type === 'scalar' && typeof v.value === 'number' && NOT_STRING[p.key] === undefined) {
    return { ...v, value: writtenText(v, (tpl.lines ??= new LineIndex(tpl.file.path, tpl.file.text))) };
  }
  if (v.type !== 'seq' && v.type !== 'map') return v;
  tpl.report('ros-shape', tight(v), `\`${p.key}\` takes one value (a string, a number or a bool), not ${describe(v)}`);
  return { type: 'unknown', expr: p.key, span: v.span };
}

/**
 * Calls `f` for each mapping item of a list property; reports items and lists of the wrong shape. The list
 * or an item not known before the stack is created goes to `unknown` when given, else is left unchecked.
 */
function eachItem(list: Tree, what: string, tpl: Template, f: (item: TMap, index: number) => void, unknown?: (t: TUnknown, whole: boolean) => void): void {
  // A property with no value (`Tags:`, `~`, JSON null) is not set, as any other.
  if (isScalar(list) && list.value === null) return;
  if (isUnknown(list)) {
    unknown?.(list, true);
    return;
  }
  if (!isSeq(list)) {
    tpl.report('ros-shape', list.span, `\`${what}\` must be a list`);
    return;
  }
  list.items.forEach((item, i) => {
    if (isMap(item)) f(item, i);
    else if (isUnknown(item)) unknown?.(item, false);
    else tpl.report('ros-shape', item.span, `each item of \`${what}\` must be a mapping`);
  });
}

/** Rules of a list property (inline rules of a group, `Permissions`) not known before the stack is created: reported as not checked. */
function rulesNotKnown(tpl: Template, what: string, owner: string): (t: TUnknown, whole: boolean) => void {
  return (t, whole) =>
    tpl.report('ros-rules-unknown', t.span, `${whole ? `the rules in \`${what}\`` : `a rule in \`${what}\``} of \`${owner}\` ${whole ? 'are' : 'is'} not known before the stack is created (${t.expr}): not checked`);
}

function readTags(list: Tree, where: string, tpl: Template): TagList | undefined {
  if (isUnknown(list)) return undefined;
  const items: Tag[] = [];
  eachItem(list, 'Tags', tpl, (item) => {
    const tag: Tag = { span: tight(item) };
    for (const f of item.entries) {
      if (f.key === 'Key' || f.key === 'Value') tag[f.key] = single(f, tpl);
      else unknownProperty(tpl, f, ['Key', 'Value'], where);
    }
    items.push(tag);
  });
  return isSeq(list) ? { span: tight(list), items } : undefined;
}

function readPermission(item: TMap, resource: string, direction: 'ingress' | 'egress', request: string, tpl: Template, extra: readonly string[]): Permission {
  const p: Permission = { kind: 'Permission', direction, fields: permissionFields(), span: tight(item), resource, request };
  for (const f of item.entries) {
    if (isPermissionParam(f.key)) p.fields[f.key] = single(f, tpl);
    else if (!extra.includes(f.key)) unknownProperty(tpl, f, [...PERMISSION_PARAMS, ...extra], resource);
  }
  return p;
}

function readRuleResource(
  name: string,
  e: TEntry,
  direction: 'ingress' | 'egress',
  list: boolean,
  v: Variant,
  tpl: Template,
  out: Model,
  /** The groups of the template, by id (each variant its own). */
  groups: Map<string, SecurityGroup>,
  /** Which variant this is when the resource has several (their rules are alternatives). */
  variant: number | undefined,
): void {
  const props = properties(name, e, v, tpl);
  if (!props) return;
  const resource = resourcePath(tpl, name);
  const request = resourceId(tpl, name) + v.suffix;
  const groupRef = get(props, 'SecurityGroupId');
  // A reference to a group of this template links here; other values are left to the linker.
  const local = groupRef && isUnknown(groupRef) && groupRef.ref ? groups.get(groupRef.ref) : undefined;
  // Copies of one rule (no ALIYUN::Index in the properties) are that rule authorised again: one rule.
  const n = countOf(name, e, v, tpl);
  const raw = get(e.value, 'Properties');
  const count = n === undefined || n === 0 || (raw !== undefined && usesIndex(raw)) ? n : 1;
  const add = (p: Permission): void => {
    if (groupRef !== undefined) p.groupRef = groupRef;
    if (local) p.group = local;
    if (variant !== undefined) p.variant = { of: resourceId(tpl, name), index: variant };
    if (count !== undefined) p.count = count;
    out.permissions.push(p);
  };
  if (!list) {
    const p = readPermission(props, resource, direction, request, tpl, ['SecurityGroupId']);
    add({ ...p, span: nodeSpan(e) });
    return;
  }
  for (const f of props.entries) {
    if (f.key !== 'SecurityGroupId' && f.key !== 'Permissions') unknownProperty(tpl, f, ['SecurityGroupId', 'Permissions'], `${typeOf(e)} \`${logicalName(tpl, name)}\``);
  }
  const perms = get(props, 'Permissions');
  if (perms === undefined) return;
  eachItem(perms, 'Permissions', tpl, (item, i) => add(readPermission(item, `${resource}.Permissions[${i}]`, direction, request, tpl, [])), rulesNotKnown(tpl, 'Permissions', logicalName(tpl, name)));
}

function readVpc(name: string, e: TEntry, tpl: Template): Vpc {
  const vpc: Vpc = { kind: 'Vpc', id: resourceId(tpl, name), source: 'declared', span: nodeSpan(e), resource: resourcePath(tpl, name) };
  const region = regionOf(e, tpl);
  if (region) vpc.RegionId = region;
  const props = properties(name, e, { suffix: '', scope: { tpl, choice: new Map() } }, tpl);
  const cidr = props && get(props, 'CidrBlock');
  if (cidr !== undefined) vpc.CidrBlock = cidr;
  return vpc;
}

function readPolicy(name: string, e: TEntry, tpl: Template): RamPolicy {
  const props = properties(name, e, { suffix: '', scope: { tpl, choice: new Map() } }, tpl);
  const doc = props && (get(props, 'PolicyDocument') ?? get(props, 'PolicyDocumentUnchecked'));
  const span = nodeSpan(e);
  return {
    kind: 'RamPolicy',
    name: logicalName(tpl, name),
    document: doc ?? { type: 'unknown', expr: `${POLICY_TYPE} ${name} without PolicyDocument`, span },
    span,
    resource: resourcePath(tpl, name),
  };
}
