/**
 * Exposure: rules that open a group to the whole internet. No API error; reviewers must see them.
 * Traffic is judged as the API evaluates a group's rules: per group and direction, lower Priority first,
 * and drop wins a tie, so a drop rule that covers the same traffic first hides the exposure.
 */
import { defineRule } from '../../src/engine/rule.ts';
import type { Model, Permission } from '../../src/model.ts';
import type { Tree } from '../../src/load/tree.ts';
import exposurePorts from '../data/exposure-ports.json' with { type: 'json' };
import { SOURCE_FACTS, field, isAnywhere, parseIpv4, parseIpv6, parseRange, peerFields, peerList, perModel, policy, portsInBounds, priority, protocol, rules, unknownField } from './util.ts';

const API = 'AuthorizeSecurityGroup';
const SOURCE_PEERS = 'peers.md: Checkov CKV_ALI_2/3, KICS, InfraGuard, cnspec exposure checks';
const PORTS: { port: number; name: string }[] = exposurePorts.ports;
const FULL: Interval = [1, 65535];

type Interval = [number, number];

interface Open {
  proto: string;
  /** Port interval (tcp/udp), or the full range for protocol all. */
  range: Interval;
  family: 4 | 6;
  /** The CIDR value that says "anywhere". */
  source: Tree;
  sourceText: string;
  priority: number;
}

/** The peer address of a rule, as the API reads it: the IPv4 CIDR wins, then IPv6; undefined when the peer is a group or prefix list. */
function peerCidr(p: Permission): { family: 4 | 6; anywhere: boolean; tree: Tree; value: string } | 'unknown' | undefined {
  const side = peerFields(p.direction);
  if (unknownField(p, side.cidr)) return 'unknown';
  const v4 = field(p, side.cidr);
  if (v4) {
    const c = parseIpv4(v4.value.trim());
    return c ? { family: 4, anywhere: isAnywhere(c), tree: v4.tree, value: v4.value } : undefined;
  }
  if (unknownField(p, side.ipv6)) return 'unknown';
  const v6 = field(p, side.ipv6);
  if (v6) {
    const c = parseIpv6(v6.value.trim());
    return c ? { family: 6, anywhere: isAnywhere(c), tree: v6.tree, value: v6.value } : undefined;
  }
  return undefined;
}

type Traffic = { proto: string; range: Interval; peer: { family: 4 | 6; anywhere: boolean; tree: Tree; value: string } };

/**
 * traffic() per rule, per model: the four exposure rules and the drop scan ask for the same rules again.
 * One Map per model (not a WeakMap keyed by rule, whose thousands of ephemerons the GC pays for).
 */
const trafficCache = perModel(() => new Map<Permission, Traffic | null>());

/** The traffic a rule matches, when its protocol, ports and peer are known and valid. */
function traffic(model: Model, p: Permission): Traffic | undefined {
  const cache = trafficCache(model);
  const hit = cache.get(p);
  if (hit !== undefined) return hit ?? undefined;
  const t = computeTraffic(p);
  cache.set(p, t ?? null);
  return t;
}

function computeTraffic(p: Permission): Traffic | undefined {
  const proto = protocol(p);
  const peer = peerCidr(p);
  if (proto === undefined || peer === undefined || peer === 'unknown') return undefined;
  if (proto === 'all') return { proto, range: FULL, peer };
  if (proto !== 'tcp' && proto !== 'udp') return undefined;
  const r = parseRange(field(p, 'PortRange')?.value ?? '');
  if (!r || !portsInBounds(r)) return undefined;
  return { proto, range: [r.start, r.end], peer };
}

/** An accept rule from (ingress) or to (egress) anywhere. */
function openRule(model: Model, p: Permission, direction: 'ingress' | 'egress'): Open | undefined {
  if (p.direction !== direction || policy(p) !== 'accept') return undefined;
  const pri = priority(p);
  const t = traffic(model, p);
  if (pri === undefined || !t || !t.peer.anywhere) return undefined;
  return { proto: t.proto, range: t.range, family: t.peer.family, source: t.peer.tree, sourceText: t.peer.value, priority: pri };
}

/**
 * Drop intervals per group list and (direction, family, protocol, priority): Priority is 1-100, so a
 * group's open rules share a few of these, and a group of k rules costs O(k) per distinct key, not O(k²).
 */
const dropCache = perModel(() => new Map<readonly Permission[], Map<string, Interval[]>>());

/**
 * Port intervals that drop rules evaluated before `open` (same group and direction, present whenever
 * `open` is) take away from it, for this protocol: merged, sorted and disjoint.
 */
function drops(model: Model, p: Permission, open: Open, proto: string): Interval[] {
  const list = peerList(model, p);
  if (!list) return []; // p alone is an accept rule: nothing drops before it
  const byList = dropCache(model);
  let byKey = byList.get(list);
  if (!byKey) byList.set(list, (byKey = new Map()));
  const key = `${p.direction} ${open.family} ${proto} ${open.priority}${p.variant ? ` ${p.variant.of} ${p.variant.index}` : ''}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const out: Interval[] = [];
  for (const q of list) {
    if (q.direction !== p.direction || policy(q) !== 'drop' || !alongside(q, p)) continue;
    const pri = priority(q);
    const t = traffic(model, q);
    if (pri === undefined || pri > open.priority || !t || !t.peer.anywhere || t.peer.family !== open.family) continue;
    if (t.proto === 'all' || t.proto === proto) out.push(t.range);
  }
  const merged = merge(out);
  byKey.set(key, merged);
  return merged;
}

/**
 * Whether rule q exists whenever p does: q is not one variant of a resource read per condition
 * combination (ROS `Fn::If`), or it is p's own variant of p's resource.
 */
function alongside(q: Permission, p: Permission): boolean {
  return !q.variant || (p.variant !== undefined && q.variant.of === p.variant.of && q.variant.index === p.variant.index);
}

/** Sorted, disjoint intervals covering the same ports. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The parts of `range` no interval of `cover` covers. */
function uncovered(range: Interval, cover: Interval[]): Interval[] {
  // `cover` is sorted and disjoint (drops() merges it): one pass.
  const out: Interval[] = [];
  let s = range[0];
  const e = range[1];
  for (const [a, b] of cover) {
    if (b < s) continue;
    if (a > e) break;
    if (a > s) out.push([s, a - 1]);
    s = b + 1;
    if (s > e) return out;
  }
  out.push([s, e]);
  return out;
}

function inAny(port: number, intervals: Interval[]): boolean {
  return intervals.some(([s, e]) => port >= s && port <= e);
}

/** The intervals as text; past the first 10, only how many more (a message is read, not parsed). */
function show(intervals: Interval[]): string {
  const shown = intervals.slice(0, 10).map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`)).join(', ');
  return intervals.length > 10 ? `${shown} and ${intervals.length - 10} more ranges` : shown;
}

function from(o: Open): string {
  return `${o.sourceText} (anywhere${o.family === 6 ? ', IPv6' : ''})`;
}

const ANY = 'SourceCidrIp: 0.0.0.0/0';

export const exposedPort = defineRule({
  id: 'exposed-port',
  group: 'exposure',
  api: { operation: API, errorCode: null, httpStatus: null },
  severity: 'warning',
  certainty: 'documented',
  summary: 'Ingress from anywhere (0.0.0.0/0, ::/0) to SSH, RDP or a database/admin port',
  docs: {
    description: `An accepted ingress rule from 0.0.0.0/0 or ::/0 whose tcp/udp port range covers a remote-administration or database port (${PORTS.map((p) => `${p.port} ${p.name}`).join(', ')}), or a port the config adds under \`exposurePorts\` (\`- {port: 8080, name: admin UI}\`). A rule open to every port (\`1/65535\`) or for protocol \`all\` is reported by exposed-all-ports or exposed-all-protocols instead. A drop rule of the same group evaluated first (lower or equal Priority, drop wins ties) that covers the port from anywhere hides it. Sources that are private ranges, other CIDR blocks, security groups or prefix lists are never reported. The API accepts these rules; the finding has no error code.`,
    fix: 'Restrict the source to the addresses that need access (office range, bastion host, VPN), or reference a security group.',
    valid: [
      rules('{IpProtocol: tcp, PortRange: 1/21, SourceCidrIp: 10.0.0.0/8}'),
      rules('{IpProtocol: tcp, PortRange: 22/22, SourceGroupId: sg-bp67acfmxazb4p1234}'),
      rules(`{IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 10}`, `{IpProtocol: tcp, PortRange: 1/1024, ${ANY}, Policy: drop, Priority: 10}`),
      rules(`{IpProtocol: tcp, PortRange: 1/65535, ${ANY}}`),
    ],
    invalid: [rules(`{IpProtocol: tcp, PortRange: 22/22, ${ANY}}`), rules(`{IpProtocol: tcp, PortRange: 3000/4000, ${ANY}}`), rules('{IpProtocol: tcp, PortRange: 6379/6379, Ipv6SourceCidrIp: "::/0"}')],
  },
  sources: [SOURCE_PEERS, SOURCE_FACTS + ' §5.1 (Priority, Policy)'],
  local: true,
  check({ model, config, report }) {
    const ports = config.exposurePorts?.length ? [...PORTS, ...config.exposurePorts] : PORTS;
    for (const p of model.permissions) {
      const o = openRule(model, p, 'ingress');
      if (!o || o.proto === 'all' || (o.range[0] === 1 && o.range[1] === 65535)) continue;
      const inRange = ports.filter((x) => x.port >= o.range[0] && x.port <= o.range[1]);
      if (inRange.length === 0) continue;
      // Drop rules are looked up only for a range that holds a listed port.
      const blocked = drops(model, p, o, o.proto);
      const hit = inRange.filter((x) => !inAny(x.port, blocked));
      if (hit.length === 0) continue;
      report({ at: o.source, node: p, message: `${o.proto} ${hit.map((x) => `${x.port} (${x.name})`).join(', ')} open to ${from(o)}` });
    }
  },
});

export const exposedAllPorts = defineRule({
  id: 'exposed-all-ports',
  group: 'exposure',
  api: { operation: API, errorCode: null, httpStatus: null },
  severity: 'warning',
  certainty: 'documented',
  summary: 'Ingress from anywhere to every tcp or udp port (1/65535)',
  docs: {
    description:
      'An accepted tcp or udp ingress rule from 0.0.0.0/0 or ::/0 with PortRange `1/65535` opens every service of the group to the internet. Drop rules evaluated first that cover part of the range from anywhere are taken into account; the finding names the ports left open (the first 10 ranges, then how many more).',
    fix: 'Open only the ports the service needs (e.g. `443/443`), or restrict the source.',
    valid: [rules('{IpProtocol: tcp, PortRange: 1/65535, SourceCidrIp: 192.168.0.0/16}'), rules(`{IpProtocol: udp, PortRange: 1/65535, ${ANY}, Priority: 5}`, `{IpProtocol: all, PortRange: -1/-1, ${ANY}, Policy: drop, Priority: 5}`)],
    invalid: [rules(`{IpProtocol: tcp, PortRange: 1/65535, ${ANY}}`)],
  },
  sources: [SOURCE_PEERS, SOURCE_FACTS + ' §5.1 (Priority, Policy)'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const o = openRule(model, p, 'ingress');
      if (!o || o.proto === 'all' || o.range[0] !== 1 || o.range[1] !== 65535) continue;
      const left = uncovered(o.range, drops(model, p, o, o.proto));
      if (left.length === 0) continue;
      const which = left.length === 1 && left[0]![0] === 1 && left[0]![1] === 65535 ? 'all ports 1-65535' : `ports ${show(left)}`;
      report({ at: o.source, node: p, message: `${o.proto} ${which} open to ${from(o)}` });
    }
  },
});

export const exposedAllProtocols = defineRule({
  id: 'exposed-all-protocols',
  group: 'exposure',
  api: { operation: API, errorCode: null, httpStatus: null },
  severity: 'warning',
  certainty: 'documented',
  summary: 'Ingress from anywhere for protocol all',
  docs: {
    description:
      'An accepted ingress rule with IpProtocol `all` (PortRange `-1/-1`) from 0.0.0.0/0 or ::/0 opens every protocol and port to the internet. A drop rule for protocol all from anywhere evaluated first hides it.',
    fix: 'Allow only the protocols and ports the service needs, or restrict the source.',
    valid: [rules('{IpProtocol: all, PortRange: -1/-1, SourceCidrIp: 172.16.0.0/12}')],
    invalid: [rules(`{IpProtocol: all, PortRange: -1/-1, ${ANY}}`), rules('{IpProtocol: ALL, PortRange: -1/-1, Ipv6SourceCidrIp: "::/0"}')],
  },
  sources: [SOURCE_PEERS, SOURCE_FACTS + ' §5.1 (Priority, Policy)'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const o = openRule(model, p, 'ingress');
      if (!o || o.proto !== 'all') continue;
      if (uncovered(o.range, drops(model, p, o, 'all')).length === 0) continue;
      report({ at: o.source, node: p, message: `all protocols and ports open to ${from(o)}` });
    }
  },
});

export const egressUnrestricted = defineRule({
  id: 'egress-unrestricted',
  group: 'exposure',
  api: { operation: 'AuthorizeSecurityGroupEgress', errorCode: null, httpStatus: null },
  severity: 'info',
  certainty: 'documented',
  summary: 'Egress to anywhere for protocol all',
  docs: {
    description:
      'An accepted egress rule with IpProtocol `all` to 0.0.0.0/0 or ::/0 lets members reach any address on any port. This is common and often intended (package mirrors, APIs), and whether a group should have it depends on its role, which a linter cannot know; it is therefore reported as info, for reviewers to confirm. A drop rule for protocol all to anywhere evaluated first hides it.',
    fix: 'Where the group only talks to known services, allow egress to those addresses and ports only.',
    valid: [rules('{Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 0.0.0.0/0}')],
    invalid: [rules('{Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0}')],
  },
  sources: [SOURCE_PEERS, SOURCE_FACTS + ' §5.1 (Priority, Policy)'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const o = openRule(model, p, 'egress');
      if (!o || o.proto !== 'all') continue;
      if (uncovered(o.range, drops(model, p, o, 'all')).length === 0) continue;
      report({ at: o.source, node: p, message: `egress for all protocols and ports to ${o.sourceText} (anywhere${o.family === 6 ? ', IPv6' : ''})` });
    }
  },
});
