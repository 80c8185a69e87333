/** Helpers shared by the AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress rules: field access, parsers, normal forms. */
import { isUnknown, text } from '../../src/load/tree.ts';
import type { Tree } from '../../src/load/tree.ts';
import { copies } from '../../src/model.ts';
import type { Model, Permission, PermissionParam, SecurityGroup } from '../../src/model.ts';
import type { Example, Rule } from '../../src/engine/rule.ts';

export const SOURCE_RULE_API = 'AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress API reference';
export const SOURCE_FACTS = 'fact sheet: alibaba-security-groups.md';

const BOTH_CALLS =
  ' The constraint is the same for ingress rules (AuthorizeSecurityGroup) and egress rules (AuthorizeSecurityGroupEgress); each finding names the call of its rule\'s direction.';

/** A rule checked in both directions: its docs say so (its metadata names AuthorizeSecurityGroup). */
export function forBothCalls(rule: Rule): Rule {
  return { ...rule, docs: { ...rule.docs, description: rule.docs.description + BOTH_CALLS } };
}

/** The API call that authorises this rule. */
export function operation(p: Permission): string {
  return p.direction === 'ingress' ? 'AuthorizeSecurityGroup' : 'AuthorizeSecurityGroupEgress';
}

/** A written, known field: its tree and its text. Empty strings count as not set; unknown values as absent. */
export function field(p: Permission, name: PermissionParam): { tree: Tree; value: string } | undefined {
  const tree = p.fields[name];
  const value = text(tree);
  if (tree === undefined || value === undefined || value === '') return undefined;
  return { tree, value };
}

/** True when the field is written with a value (known and non-empty, or unknown). */
export function present(p: Permission, name: PermissionParam): boolean {
  const tree = p.fields[name];
  if (tree === undefined) return false;
  if (isUnknown(tree)) return true;
  const v = text(tree);
  return v !== undefined && v !== '';
}

export function unknownField(p: Permission, name: PermissionParam): boolean {
  const t = p.fields[name];
  return t !== undefined && t.type !== 'scalar';
}

/** The fields naming the peer of a rule: the source of an ingress rule, the destination of an egress rule. */
export function peerFields(direction: 'ingress' | 'egress') {
  return direction === 'ingress'
    ? { cidr: 'SourceCidrIp', ipv6: 'Ipv6SourceCidrIp', group: 'SourceGroupId', prefixList: 'SourcePrefixListId' } as const
    : { cidr: 'DestCidrIp', ipv6: 'Ipv6DestCidrIp', group: 'DestGroupId', prefixList: 'DestPrefixListId' } as const;
}

/** The rule's peer is only a security group (no CIDR of either family, which would win over the group). */
export function groupPeerOnly(p: Permission): boolean {
  const side = peerFields(p.direction);
  return present(p, side.group) && !present(p, side.cidr) && !present(p, side.ipv6);
}

export const IPV4_FIELDS = ['SourceCidrIp', 'DestCidrIp'] as const;
export const IPV6_FIELDS = ['Ipv6SourceCidrIp', 'Ipv6DestCidrIp'] as const;

export const PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];

/** The protocol lowercased when it is one of the named protocols; undefined otherwise (absent, unknown, a number, invalid). */
export function protocol(p: Permission): string | undefined {
  const v = field(p, 'IpProtocol')?.value.toLowerCase();
  return v !== undefined && PROTOCOLS.includes(v) ? v : undefined;
}

export function hasPorts(proto: string): boolean {
  return proto === 'tcp' || proto === 'udp';
}

/** `start/end` as two integers, or undefined when the text is not of that shape. */
export function parseRange(s: string): { start: number; end: number } | undefined {
  const m = /^(-?\d{1,6})\/(-?\d{1,6})$/.exec(s);
  if (!m) return undefined;
  return { start: Number(m[1]), end: Number(m[2]) };
}

export function isAllRange(r: { start: number; end: number }): boolean {
  return r.start === -1 && r.end === -1;
}

export function portsInBounds(r: { start: number; end: number }): boolean {
  return r.start >= 1 && r.end <= 65535 && r.start <= r.end;
}

/** Absent, empty or YAML null: the API receives nothing and applies its default. */
export function notSet(t: Tree | undefined): boolean {
  return t === undefined || (t.type === 'scalar' && (t.value === null || t.value === ''));
}

/** Priority as the API reads it (default 1); undefined when written but not an integer 1-100 or unknown. */
export function priority(p: Permission): number | undefined {
  const t = p.fields.Priority;
  if (notSet(t)) return 1;
  const v = text(t);
  if (v === undefined || !/^\d{1,3}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && n <= 100 ? n : undefined;
}

/** Policy lowercased, default accept; undefined when unknown. */
export function policy(p: Permission): string | undefined {
  const t = p.fields.Policy;
  if (notSet(t)) return 'accept';
  return text(t)?.toLowerCase();
}

// ---- addresses -------------------------------------------------------------------------------------

export interface Cidr {
  family: 4 | 6;
  /** The address as a bigint (32 or 128 bits). */
  addr: bigint;
  prefix: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;
const PREFIX = /^(0|[1-9]\d{0,2})$/;

function parseIpv4Address(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const v = Number(part);
    if (v > 255) return undefined;
    n = (n << 8n) | BigInt(v);
  }
  return n;
}

function parsePrefix(s: string | undefined, max: number): number | undefined {
  if (s === undefined) return max;
  if (!PREFIX.test(s)) return undefined;
  const n = Number(s);
  return n <= max ? n : undefined;
}

/** Parsed addresses by text: a repository repeats the same few CIDRs across thousands of rules. */
const cidrCache = new Map<string, Cidr | null>();

/** `address[/prefix]` of one family; undefined when malformed. */
function parseCidr(s: string, family: 4 | 6): Cidr | undefined {
  const key = `${family}|${s}`;
  const hit = cidrCache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const c = parseCidrUncached(s, family);
  if (cidrCache.size > 100_000) cidrCache.clear();
  cidrCache.set(key, c ?? null);
  return c;
}

function parseCidrUncached(s: string, family: 4 | 6): Cidr | undefined {
  const [a, pfx, extra] = s.split('/');
  if (extra !== undefined || a === undefined) return undefined;
  const addr = family === 4 ? parseIpv4Address(a) : parseIpv6Address(a);
  const prefix = parsePrefix(pfx, family === 4 ? 32 : 128);
  if (addr === undefined || prefix === undefined) return undefined;
  return { family, addr, prefix };
}

/** A dotted-quad IPv4 address with an optional /0-32 prefix (no leading zeros); undefined when malformed. */
export function parseIpv4(s: string): Cidr | undefined {
  return parseCidr(s, 4);
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv6Address(s: string): bigint | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): bigint[] | undefined => {
    if (part === '') return [];
    const out: bigint[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const g = items[i]!;
      if (i === items.length - 1 && g.includes('.')) {
        const v4 = parseIpv4Address(g);
        if (v4 === undefined) return undefined;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (HEX_GROUP.test(g)) out.push(BigInt(parseInt(g, 16)));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 address may only end the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return undefined;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const all = [...head, ...Array<bigint>(8 - count).fill(0n), ...tail];
  return all.reduce((n, g) => (n << 16n) | g, 0n);
}

/** An IPv6 address (with `::` compression and an optional embedded IPv4 tail) with an optional /0-128 prefix. */
export function parseIpv6(s: string): Cidr | undefined {
  return parseCidr(s, 6);
}

/** The normal form of a CIDR (canonical numbers, explicit prefix), for comparing rules. */
export function cidrKey(c: Cidr): string {
  return `${c.family}:${c.addr.toString(16)}/${c.prefix}`;
}

/** The whole address space of its family (0.0.0.0/0, ::/0). */
export function isAnywhere(c: Cidr): boolean {
  return c.prefix === 0;
}

// ---- groups ------------------------------------------------------------------------------------------

export function groupType(g: SecurityGroup): 'normal' | 'enterprise' | undefined {
  const t = g.fields.SecurityGroupType;
  if (t === undefined) return 'normal';
  const v = text(t)?.toLowerCase();
  if (v === '' ) return 'normal';
  return v === 'normal' || v === 'enterprise' ? v : undefined;
}

/** True when the group is known to be a VPC group (a VpcId is written: a known id or a resource reference). */
export function isVpcGroup(g: SecurityGroup): boolean {
  const v = g.fields.VpcId;
  if (v === undefined) return false;
  if (isUnknown(v)) return v.ref !== undefined || g.vpc !== undefined;
  const id = text(v);
  return id !== undefined && id !== '';
}

/** The group of the inputs a SourceGroupId / DestGroupId / SecurityGroupId value names, if any. */
export function resolveGroup(model: Model, t: Tree | undefined): SecurityGroup | undefined {
  if (t === undefined) return undefined;
  const id = isUnknown(t) ? t.ref : text(t);
  return id === undefined || id === '' ? undefined : index(model).groups.get(id);
}

/**
 * `make(model)` computed once per model and shared by the rules that ask (dropped with the model): the
 * indexes and caches that keep cross-resource rules linear. A block of the model (see Rule.local) shares
 * the whole model's.
 */
export function perModel<T>(make: (model: Model) => T): (model: Model) => T {
  const memo = new WeakMap<Model, T>();
  return (block) => {
    const model = block.whole ?? block;
    if (memo.has(model)) return memo.get(model)!;
    const v = make(model);
    memo.set(model, v);
    return v;
  };
}

/** Per-model lookups: groups by id, unlinked rules by the group they name. */
const index = perModel((model) => {
  const groups = new Map<string, SecurityGroup>();
  for (const g of model.groups) if (!groups.has(g.id)) groups.set(g.id, g);
  const byRef = new Map<string, Permission[]>();
  for (const q of model.permissions) {
    const k = q.group ? undefined : refKey(q.groupRef);
    if (k === undefined) continue;
    const list = byRef.get(k);
    if (list) list.push(q);
    else byRef.set(k, [q]);
  }
  return { groups, byRef };
});

/** The key of a written group reference (see sameReference), or undefined when it names nothing comparable. */
function refKey(t: Tree | undefined): string | undefined {
  if (t === undefined) return undefined;
  if (isUnknown(t)) return t.ref === undefined ? undefined : `ref:${t.ref}`;
  const x = text(t);
  return x === undefined || x === '' ? undefined : `id:${x}`;
}

/** Same written group reference: equal known ids, or unknown values referring to the same resource. */
export function sameReference(a: Tree | undefined, b: Tree | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (isUnknown(a) || isUnknown(b)) return isUnknown(a) && isUnknown(b) && a.ref !== undefined && a.ref === b.ref;
  const x = text(a);
  return x !== undefined && x !== '' && x === text(b);
}

/**
 * The rules authorised on the same group as p, both directions: its group's rules, or the rules naming
 * the same group. One shared list per group (callers may key caches by it); undefined when p is alone.
 */
export function peerList(model: Model, p: Permission): readonly Permission[] | undefined {
  if (p.group) return p.group.permissions;
  const key = refKey(p.groupRef);
  return key === undefined ? undefined : index(model).byRef.get(key);
}

/**
 * The most rules of a list that can exist together: of the variants of one resource (Node.variant,
 * alternatives that never coexist) only the one holding the most rules of the list (the first on a tie);
 * every other rule as it is, in order.
 */
export function coexisting(list: readonly Permission[]): readonly Permission[] {
  let counts: Map<string, number[]> | undefined;
  for (const p of list) {
    if (!p.variant) continue;
    counts ??= new Map();
    let c = counts.get(p.variant.of);
    if (!c) counts.set(p.variant.of, (c = []));
    c[p.variant.index] = (c[p.variant.index] ?? 0) + copies(p);
  }
  if (!counts) return list;
  const kept = new Map<string, number>();
  for (const [of, c] of counts) {
    let best = -1;
    c.forEach((n, i) => {
      if (best < 0 || n > c[best]!) best = i;
    });
    kept.set(of, best);
  }
  return list.filter((p) => !p.variant || kept.get(p.variant.of) === p.variant.index);
}

/**
 * The rules of a list that go over a limit on how many can exist together: rules that exist already
 * (Node.existing: a Terraform plan does not create them) count first, and the rules added after them are
 * the ones past the limit, whatever their order in the inputs.
 */
export function pastLimit(list: readonly Permission[], limit: number): readonly Permission[] {
  let n = total(list.filter((p) => p.existing));
  const out: Permission[] = [];
  for (const p of list) {
    if (p.existing || copies(p) === 0) continue;
    // A rule with a ROS Count stands for its copies: it is past the limit when its last copy is.
    n += copies(p);
    if (n > limit) out.push(p);
  }
  return out;
}

/** How many rules a list holds: each with its copies (Node.count). */
export function total(list: readonly Permission[]): number {
  let n = 0;
  for (const p of list) n += copies(p);
  return n;
}

/** Rules grouped by the Authorize request that carries them (built once per model; callers only read it). */
export const byRequest: (model: Model) => readonly (readonly Permission[])[] = perModel((model) => {
  const m = new Map<string, Permission[]>();
  for (const p of model.permissions) {
    const list = m.get(p.request);
    if (list) list.push(p);
    else m.set(p.request, [p]);
  }
  return [...m.values()];
});

/** The known groups with rules (ingress and egress) that the inputs create (not those of a ROS `Count: 0`). */
export function groupsWithRules(model: Model): SecurityGroup[] {
  return model.groups.filter((g) => g.permissions.length > 0 && copies(g) > 0);
}

// ---- examples ----------------------------------------------------------------------------------------

/** A native spec example: one VPC group in cn-hangzhou with these rules (flow mappings, one per line). */
export function rules(...perms: string[]): Example {
  return group([], ...perms);
}

/** As `rules`, with extra group parameters (e.g. `SecurityGroupType: enterprise`). */
export function group(params: string[], ...perms: string[]): Example {
  const lines = ['securityGroups:', '  - RegionId: cn-hangzhou', '    VpcId: vpc-bp1opxu1zkhn00gzv1234', ...params.map((l) => `    ${l}`), '    Permissions:', ...perms.map((p) => `      - ${p}`)];
  return { file: 'spec.yaml', code: lines.join('\n') + '\n' };
}

/** A native spec example: a classic-network group (no VpcId) in cn-hangzhou. */
export function classicRules(...perms: string[]): Example {
  const lines = ['securityGroups:', '  - RegionId: cn-hangzhou', '    Permissions:', ...perms.map((p) => `      - ${p}`)];
  return { file: 'spec.yaml', code: lines.join('\n') + '\n' };
}

/** A ROS template: a VPC security group `WebSg` with extra property lines, plus other resources (lines under `Resources:`). */
export function rosTemplate(groupProperties: string[], resources: string[]): string {
  const lines = [
    "ROSTemplateFormatVersion: '2015-09-01'",
    'Resources:',
    '  WebSg:',
    '    Type: ALIYUN::ECS::SecurityGroup',
    '    Properties:',
    '      VpcId: vpc-bp1opxu1zkhn00gzv1234',
    ...groupProperties.map((l) => `      ${l}`),
    ...resources.map((l) => `  ${l}`),
  ];
  return lines.join('\n') + '\n';
}

/** A ROS template example: group `WebSg` plus these resources. */
export function ros(...resources: string[]): Example {
  return { file: 'template.ros.yaml', code: rosTemplate([], resources) };
}
