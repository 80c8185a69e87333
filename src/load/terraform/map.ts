/**
 * alicloud resources → model objects, from argument values however they were read (HCL, .tf.json or a
 * plan's resolved values). Argument names and their API parameters: alibaba-security-groups.md §3.
 */
import type { Permission, PermissionParam, SecurityGroup, SgParam, Tag, Vpc } from '../../model.ts';
import { groupFields, permissionFields } from '../../model.ts';
import { parseJson } from '../parse.ts';
import { cover } from '../tree.ts';
import type { LineIndex, Span, Tree } from '../tree.ts';
import { unknown, withOrigin } from './eval.ts';
import { lineStarts, offsetAt } from './json.ts';

/** A resource's argument value, undefined when not set. */
export type Val = (attr: string) => Tree | undefined;
export type Problem = (ruleId: string, at: Span, message: string) => void;

/** A resource instance: its address, as messages name it, and its key (resourceKey), unique in the run. */
export interface Instance {
  address: string;
  key: string;
}

export interface Region {
  tree?: Tree;
  source?: string;
}

/** Deprecated arguments and their replacements. */
export const DEPRECATED: Record<string, Record<string, string>> = {
  alicloud_security_group: { name: 'security_group_name', inner_access: 'inner_access_policy' },
  alicloud_security_group_rule: { source_group_owner_account: 'source_group_owner_id' },
  alicloud_vpc: { name: 'vpc_name' },
  alicloud_ram_policy: { name: 'policy_name', document: 'policy_document' },
};

/**
 * Arguments the provider declares ConflictsWith (alibaba-security-groups.md §3.1, §3.2): [argument, the one
 * it conflicts with]. `ipv6_cidr_ip` with `cidr_ip` is not here: rule-source-ip-family-conflict and
 * rule-dest-ip-family-conflict report it with the API's code.
 */
export const CONFLICTS: Record<string, readonly [string, string][]> = {
  alicloud_security_group: [['inner_access_policy', 'inner_access']],
  alicloud_security_group_rule: [['source_security_group_id', 'cidr_ip']],
};

/**
 * Both arguments of a ConflictsWith pair set: the plan fails. Only known, non-empty values count (the
 * provider defers the check while a value is unknown, and then the API ignores the group for the CIDR).
 */
export function conflicts(type: string, val: Val, problem: Problem): void {
  const known = (t: Tree | undefined): t is Tree => t?.type === 'scalar' && t.value !== null && t.value !== '';
  for (const [a, b] of CONFLICTS[type] ?? []) {
    const x = val(a);
    if (known(x) && known(val(b))) problem('terraform-argument-conflict', x.span, `\`${a}\` conflicts with \`${b}\`: the provider refuses both in one ${type}; keep one`);
  }
}

/**
 * The arguments of the resources whose every argument the reference lists (alibaba-security-groups.md
 * §3.1, §3.2: the provider's schema, computed-only attributes left out), and the blocks they take. Any
 * other argument is a typo Terraform rejects, and leaves the argument meant unset.
 */
export interface Arguments {
  attrs: readonly string[];
  blocks: readonly string[];
  required: readonly string[];
  /** The arguments that take a map; every other one takes a string, a number or a bool. */
  maps: readonly string[];
}

export const ARGUMENTS: Record<string, Arguments> = {
  alicloud_security_group: {
    attrs: ['security_group_name', 'name', 'description', 'vpc_id', 'security_group_type', 'inner_access_policy', 'inner_access', 'resource_group_id', 'tags'],
    blocks: ['timeouts'],
    required: [],
    maps: ['tags'],
  },
  alicloud_security_group_rule: {
    attrs: [
      'security_group_id', 'type', 'ip_protocol', 'policy', 'priority', 'cidr_ip', 'ipv6_cidr_ip', 'source_security_group_id',
      'source_group_owner_account', 'source_group_owner_id', 'prefix_list_id', 'port_range', 'nic_type', 'description',
    ],
    blocks: [],
    // ip_protocol is required too; the rule's own check reports it missing (InvalidIpProtocol.ValueNotSupported).
    required: ['type', 'security_group_id'],
    maps: [],
  },
};
/** Arguments and blocks every resource takes (Terraform's meta-arguments). */
export const META_ARGUMENTS = { attrs: ['count', 'for_each', 'provider', 'depends_on'], blocks: ['lifecycle', 'provisioner', 'connection', 'dynamic'] };

/** The security-group resource types: a resource type near one of them is a misspelling (index.ts). */
export const SG_TYPES = ['alicloud_security_group', 'alicloud_security_group_rule'];
export const MAPPED_RESOURCES = new Set(['alicloud_security_group', 'alicloud_security_group_rule', 'alicloud_vpc', 'alicloud_ram_policy']);
export const MAPPED_DATA = new Set(['alicloud_vpcs']);

export function mapGroup(span: Span, { address, key }: Instance, val: Val, region: Region, format = 'terraform'): SecurityGroup {
  const fields = groupFields();
  if (region.tree) fields.RegionId = region.tree;
  const set = (k: SgParam, t: Tree | undefined): void => {
    if (t) fields[k] = t;
  };
  // security_group_name wins over the deprecated name when both are set (provider create code).
  set('SecurityGroupName', val('security_group_name') ?? val('name'));
  set('Description', val('description'));
  set('VpcId', val('vpc_id'));
  set('SecurityGroupType', val('security_group_type'));
  set('ResourceGroupId', val('resource_group_id'));
  const policy = val('inner_access_policy');
  if (policy) fields.InnerAccessPolicy = policy;
  else {
    const inner = val('inner_access');
    if (inner?.type === 'scalar' && (typeof inner.value === 'boolean' || inner.value === 'true' || inner.value === 'false')) {
      const on = inner.value === true || inner.value === 'true';
      fields.InnerAccessPolicy = { ...inner, value: on ? 'Accept' : 'Drop' };
    } else if (inner) fields.InnerAccessPolicy = inner;
  }
  const g: SecurityGroup = { kind: 'SecurityGroup', id: key, format, span, resource: address, fields, permissions: [] };
  if (region.source) g.regionSource = region.source;
  const tags = val('tags');
  // A map known in part (`merge(var.tags, { env = "prod" })`): the entries known to be there are checked.
  const tagEntries = tags?.type === 'map' ? tags.entries : tags?.type === 'unknown' ? tags.entries : undefined;
  if (tags && tagEntries) {
    const items: Tag[] = tagEntries.map((e) => {
      const Key: Tree = { type: 'scalar', value: e.key, span: e.keySpan, ...(tags.origin ? { origin: tags.origin } : {}) };
      return { span: e.keySpan.file === e.value.span.file ? cover(e.keySpan, e.value.span) : e.keySpan, Key, Value: e.value };
    });
    g.Tag = tags.type === 'unknown' ? { span: tags.span, items, more: tags.expr } : { span: tags.span, items };
  }
  return g;
}

const PERMISSION_ARGS: [string, PermissionParam, PermissionParam][] = [
  ['ip_protocol', 'IpProtocol', 'IpProtocol'],
  // No port_range: the provider sends its default "-1/-1" (filled in below, placed on the resource).
  ['port_range', 'PortRange', 'PortRange'],
  ['policy', 'Policy', 'Policy'],
  ['priority', 'Priority', 'Priority'],
  ['nic_type', 'NicType', 'NicType'],
  ['description', 'Description', 'Description'],
  ['cidr_ip', 'SourceCidrIp', 'DestCidrIp'],
  ['ipv6_cidr_ip', 'Ipv6SourceCidrIp', 'Ipv6DestCidrIp'],
  ['source_security_group_id', 'SourceGroupId', 'DestGroupId'],
  ['source_group_owner_id', 'SourceGroupOwnerId', 'DestGroupOwnerId'],
  ['source_group_owner_account', 'SourceGroupOwnerAccount', 'DestGroupOwnerAccount'],
  ['prefix_list_id', 'SourcePrefixListId', 'DestPrefixListId'],
];

/** One `Permissions.1` entry per rule resource; undefined when `type` is absent, unknown or invalid (reported). */
export function mapPermission(span: Span, { address, key }: Instance, val: Val, problem: Problem): Permission | undefined {
  const type = val('type');
  if (type?.type === 'unknown' && !type.rejected) {
    problem('terraform-rule-type-unknown', type.span, `type of ${address} is not known before the run (${type.expr}): whether it is an ingress or an egress rule is not known, so nothing of this rule is checked`);
  }
  if (type?.type !== 'scalar') return undefined; // absent (reported), or which API call is not known
  if (type.value !== 'ingress' && type.value !== 'egress') {
    problem('terraform-rule-type-invalid', type.span, `type must be "ingress" or "egress" (exact case), not ${JSON.stringify(type.value)}`);
    return undefined;
  }
  const ingress = type.value === 'ingress';
  const fields = permissionFields();
  for (const [attr, inParam, outParam] of PERMISSION_ARGS) {
    const v = val(attr);
    if (v) fields[ingress ? inParam : outParam] = v;
  }
  // The API requires PortRange; the provider always sends one. Without the default, a rule for
  // protocol all or icmp would look like a missing PortRange, and tcp without ports like a valid rule.
  if (!fields.PortRange) fields.PortRange = { type: 'scalar', value: '-1/-1', span, origin: 'port_range not set: the provider default "-1/-1"' };
  const p: Permission = { kind: 'Permission', direction: ingress ? 'ingress' : 'egress', fields, span, resource: address, request: key };
  const g = val('security_group_id');
  if (g) p.groupRef = g;
  return p;
}

/** `alicloud_vpc` (declared: Available once created, so Status is left out) or `data "alicloud_vpcs"`. */
export function mapVpc(span: Span, { address, key }: Instance, source: 'declared' | 'data', val: Val, region: Region): Vpc {
  const v: Vpc = { kind: 'Vpc', id: key, source, span, resource: address };
  if (region.tree) v.RegionId = region.tree;
  const cidr = source === 'declared' ? val('cidr_block') : undefined;
  if (cidr) v.CidrBlock = cidr;
  return v;
}

/**
 * A policy document written as a JSON string. With the file offset of each character of the string
 * (`offsets`) the document's values are placed exactly in the file; otherwise all on the string.
 */
export function jsonDocument(v: Tree, offsets: number[] | undefined, lines: LineIndex | undefined, problem: Problem): Tree {
  if (v.type !== 'scalar' || typeof v.value !== 'string') return v;
  const str = v.value;
  const parsed = parseJson(v.span.file, str);
  const starts = lineStarts(str);
  const move = (s: Span): Span => {
    if (!offsets || !lines || offsets.length === 0) return v.span;
    const a0 = offsetAt(starts, s.line, s.column);
    const b0 = offsetAt(starts, s.endLine, s.endColumn);
    const last = offsets[offsets.length - 1]! + 1;
    const fa = offsets[a0] ?? last;
    // The end is where the next character starts, so that an escape sequence is covered whole.
    const fb = b0 > a0 ? (offsets[b0] ?? last) : fa;
    return lines.span(fa, fb);
  };
  // The file itself was read: a broken document is a malformed policy (as in every other format), not a
  // parse error of the file.
  for (const p of parsed.problems) problem('ram-policy-malformed', move(p.span), `policy_document is not valid JSON: ${p.message}`);
  const doc = parsed.docs[0];
  if (!doc) return unknown('policy_document (not valid JSON)', v.span);
  const moved = remap(doc, move);
  return v.origin ? withOrigin(moved, v.origin) : moved;
}

function remap(t: Tree, move: (s: Span) => Span): Tree {
  switch (t.type) {
    case 'scalar':
    case 'unknown':
      return { ...t, span: move(t.span) };
    case 'seq':
      return { ...t, span: move(t.span), items: t.items.map((i) => remap(i, move)) };
    case 'map':
      return { ...t, span: move(t.span), entries: t.entries.map((e) => ({ key: e.key, keySpan: move(e.keySpan), value: remap(e.value, move) })) };
  }
}
