/**
 * The format-free model every loader produces. Keys are the ECS API's own request parameter names, so a
 * rule reads like the API reference. Every field is a positioned Tree value: known scalars carry their
 * value, unknowns (references, unresolved expressions) are skipped by value rules.
 */
import type { Span, Tree } from './load/tree.ts';
import { text } from './load/tree.ts';
import { pushAll } from './util/array.ts';

export type { Span, Tree } from './load/tree.ts';

/** Anything a finding can be placed on. */
export interface Node {
  /** Span of the whole entry; findings about a missing field are placed here. */
  span: Span;
  /** Human-readable address of the resource, e.g. `securityGroups[2]`, `alicloud_security_group.web["a"]`, `Resources.WebSg`. */
  resource: string;
  /**
   * Terraform: the resource instance read (the root module it belongs to, as in resourceKey; the absolute
   * directory of the module that declares it; its address) and whether it was read from a plan. A plan
   * checked together with its configuration reads each instance twice; load/terraform/join.ts makes the
   * two one object.
   */
  terraform?: { root: string; moduleDir: string; address: string; plan: boolean };
  /**
   * Set on what is read from a resource read once per combination of its conditions (ROS `Fn::If`): the
   * readings of one resource (`of`) with different `index` never exist together, so counts of rules take
   * the larger reading, and a rule's findings at one place in several readings are one mistake, reported
   * once.
   */
  variant?: { of: string; index: number };
  /**
   * Set on a resource that exists already, which the inputs do not create: a Terraform plan leaves it as
   * it is (`no-op`), stops managing it (`forget`) or updates it in place (`update`). It is read for what
   * links to it and what counts it (quotas), but the create call is not made: only findings on the values
   * an update sends (`changed`: the names of its fields, `Tag`, `document`) are reported.
   */
  existing?: { changed: readonly string[] };
  /**
   * Set on a resource a Terraform plan replaces by deleting it first (`["delete", "create"]`): it is created
   * anew, in the place of the one it replaces, which exists until then (an inventory of the cloud counts it).
   */
  replacing?: true;
  /**
   * Set on what is read from a ROS resource with a known `Count`: how many of it the template creates (0:
   * none). Counts of groups and rules (quotas) take it that many times (copies); its other findings are
   * one each, as for one resource. A rule resource whose copies are all the same rule (its properties do
   * not use `ALIYUN::Index`) adds that rule once: authorising an identical rule again creates nothing.
   */
  count?: number;
  /**
   * The resources whose known `Count` makes `count`, outermost first, when that is not the object's own
   * resource alone: the nested stacks around a group of an inline template (`Resources.Net`), then its own.
   */
  countedBy?: string[];
}

/** How many of a model object the inputs create: its ROS `Count` when known, else one. */
export function copies(n: Node): number {
  return n.count ?? 1;
}

/** The value of a model object read from one of its fields (SG_PARAMS, PERMISSION_PARAMS, `Tag`, `document`). */
function valueAt(node: Node, key: string): { span: Span } | undefined {
  const o = node as Node & { fields?: Record<string, Tree | undefined>; Tag?: TagList; document?: Tree };
  return key === 'Tag' ? o.Tag : key === 'document' ? o.document : o.fields?.[key];
}

/** Whether a finding placed at `at` is about a value a request for an existing resource sends (Node.existing). */
export function sent(node: Node, at: Span | Tree | Node): boolean {
  if (!node.existing) return true;
  if (!('type' in at)) return false;
  return node.existing.changed.some((k) => {
    const s = valueAt(node, k)?.span;
    return s !== undefined && s.file === at.span.file && inside(at.span, s);
  });
}

/** Whether span a lies within span b (same file). */
function inside(a: Span, b: Span): boolean {
  const after = a.line > b.line || (a.line === b.line && a.column >= b.column);
  const before = a.endLine < b.endLine || (a.endLine === b.endLine && a.endColumn <= b.endColumn);
  return after && before;
}

/** CreateSecurityGroup request parameters, plus the follow-up ModifySecurityGroupPolicy's InnerAccessPolicy. */
export const SG_PARAMS = [
  'RegionId',
  'SecurityGroupName',
  'Description',
  'VpcId',
  'SecurityGroupType',
  'ServiceManaged',
  'ResourceGroupId',
  'ClientToken',
  'InnerAccessPolicy',
] as const;
export type SgParam = (typeof SG_PARAMS)[number];

/**
 * A new group `fields` object: every parameter present (undefined until set) in one order, so that all
 * groups share one object shape and the rules' reads of `fields.X` stay monomorphic.
 */
export function groupFields(): Partial<Record<SgParam, Tree>> {
  return { ...GROUP_FIELDS };
}
const GROUP_FIELDS: Partial<Record<SgParam, Tree>> = Object.fromEntries(SG_PARAMS.map((k) => [k, undefined]));

/** Parameters that take something else than a string, and what; the others take a number or a boolean as the text written. */
export const NOT_STRING: Partial<Record<string, string>> = { ServiceManaged: 'a boolean', Priority: 'an integer' };

/** Whether a name is a CreateSecurityGroup parameter (SG_PARAMS). */
export const isSgParam = (k: string): k is SgParam => SG_PARAM_SET.has(k);
const SG_PARAM_SET: ReadonlySet<string> = new Set(SG_PARAMS);

/** The N of the flattened query form (`Tag.N.Key`, `Permissions.N.IpProtocol`), and where it is written. */
export interface FlatIndex {
  n: number;
  /** The first key of the item. */
  span: Span;
}

export interface Tag {
  span: Span;
  Key?: Tree;
  Value?: Tree;
  /** Set on a tag written in the flattened form: its N is its place in the request. */
  flatIndex?: FlatIndex;
}

export interface TagList {
  span: Span;
  items: Tag[];
  /** Set when more tags than `items` may be there: the expression that may add them (`var.tags`). */
  more?: string;
}

export interface SecurityGroup extends Node {
  kind: 'SecurityGroup';
  /** Unique key, for linking rules and references to this group (as the `ref` of values that refer to it), not for messages. */
  id: string;
  /** The input format the group was read from (`spec`, `terraform`, `ros`...), for messages. */
  format: string;
  fields: Partial<Record<SgParam, Tree>>;
  Tag?: TagList;
  /** Where the region came from when it is not written on the group (provider block, file default, flag). */
  regionSource?: string;
  /** Set by the linker when VpcId names or references a known VPC. */
  vpc?: Vpc;
  /** Rules to authorise on this group (inline and standalone, after linking). */
  permissions: Permission[];
}

/** AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress `Permissions.N` fields. */
export const PERMISSION_PARAMS = [
  'IpProtocol',
  'PortRange',
  'PortRangeListId',
  'SourcePortRange',
  'Policy',
  'Priority',
  'NicType',
  'SourceCidrIp',
  'Ipv6SourceCidrIp',
  'SourceGroupId',
  'SourceGroupOwnerId',
  'SourceGroupOwnerAccount',
  'SourcePrefixListId',
  'DestCidrIp',
  'Ipv6DestCidrIp',
  'DestGroupId',
  'DestGroupOwnerId',
  'DestGroupOwnerAccount',
  'DestPrefixListId',
  'Description',
] as const;
export type PermissionParam = (typeof PERMISSION_PARAMS)[number];

/** A new permission `fields` object: every parameter present (undefined until set) in one order (see groupFields). */
export function permissionFields(): Partial<Record<PermissionParam, Tree>> {
  return { ...PERMISSION_FIELDS };
}
const PERMISSION_FIELDS: Partial<Record<PermissionParam, Tree>> = Object.fromEntries(PERMISSION_PARAMS.map((k) => [k, undefined]));

/** Whether a name is an Authorize `Permissions.N` parameter (PERMISSION_PARAMS). */
export const isPermissionParam = (k: string): k is PermissionParam => PERMISSION_PARAM_SET.has(k);
const PERMISSION_PARAM_SET: ReadonlySet<string> = new Set(PERMISSION_PARAMS);

export interface Permission extends Node {
  kind: 'Permission';
  direction: 'ingress' | 'egress';
  fields: Partial<Record<PermissionParam, Tree>>;
  /** The group as written on a standalone rule (`security_group_id`, ROS `SecurityGroupId`). */
  groupRef?: Tree;
  /** Set by the loader (inline rules) or the linker (references). */
  group?: SecurityGroup;
  /** Rules sharing a request key are sent in one Authorize call (duplicates, 100-per-request limit). */
  request: string;
  /** Set on a rule written in the flattened form: its N is its place in the request. */
  flatIndex?: FlatIndex;
}

export interface Vpc extends Node {
  kind: 'Vpc';
  /** Unique key for reference linking (as the `ref` of values that refer to it), not for messages. */
  id: string;
  /** `declared`: created by the inputs; `spec`: listed under `vpcs:`; `inventory`: exported cloud state; `data`: a data source (exists, state unknown). */
  source: 'declared' | 'spec' | 'inventory' | 'data';
  VpcId?: Tree;
  RegionId?: Tree;
  Status?: Tree;
  CidrBlock?: Tree;
}

export interface RamPolicy extends Node {
  kind: 'RamPolicy';
  /** Name by which config refers to it: a file path, a TF address or a ROS logical id. */
  name: string;
  document: Tree;
}

/** Exported cloud state (official CLI output), read from the config's `inventory` files. */
export interface Inventory {
  /** Regions whose VPC list was exported: there the list is complete (closed world). */
  vpcRegions: Set<string>;
  /** Security groups that already exist, per region (DescribeSecurityGroups TotalCount). */
  securityGroups: Map<string, number>;
  /** Resource group ids of the account, when ListResourceGroups was exported. */
  resourceGroups?: Set<string>;
}

export interface Model {
  groups: SecurityGroup[];
  /** Every rule, inline or standalone; the linker sets `group` and fills each group's `permissions`. */
  permissions: Permission[];
  vpcs: Vpc[];
  policies: RamPolicy[];
  inventory?: Inventory;
  /** Set on the blocks of a model that local rules see (Rule.local): the whole model, for model-wide indexes. */
  whole?: Model;
}

/** An instance key in a Terraform resource address: `[0]`, `["web"]`, `[*]`. */
export const INSTANCE_KEY = /\[(?:\d+|\*|"(?:[^"\\]|\\.)*")\]/g;

/**
 * The region a group is created in, when known. An empty RegionId names none (region-required reports
 * it): no rule may read it as a region called "".
 */
export function regionOf(g: SecurityGroup): string | undefined {
  const r = text(g.fields.RegionId);
  return r === '' ? undefined : r;
}

/** A group created without a VpcId (absent or empty): certainly classic network. An unknown VpcId is not. */
export function isClassicGroup(g: SecurityGroup): boolean {
  return g.fields.VpcId === undefined || text(g.fields.VpcId) === '';
}

export function emptyModel(): Model {
  return { groups: [], permissions: [], vpcs: [], policies: [] };
}

export function mergeInto(into: Model, from: Partial<Model>): void {
  if (from.groups) pushAll(into.groups, from.groups);
  if (from.permissions) pushAll(into.permissions, from.permissions);
  if (from.vpcs) pushAll(into.vpcs, from.vpcs);
  if (from.policies) pushAll(into.policies, from.policies);
  if (from.inventory) {
    if (!into.inventory) into.inventory = { vpcRegions: new Set(), securityGroups: new Map() };
    const inv = into.inventory;
    for (const r of from.inventory.vpcRegions) inv.vpcRegions.add(r);
    for (const [r, n] of from.inventory.securityGroups) inv.securityGroups.set(r, Math.max(n, inv.securityGroups.get(r) ?? 0));
    if (from.inventory.resourceGroups) {
      const set = (inv.resourceGroups ??= new Set());
      for (const id of from.inventory.resourceGroups) set.add(id);
    }
  }
}
