/** Single-rule constraints of AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress `Permissions.N` fields. */
import { defineRule } from '../../src/engine/rule.ts';
import type { RuleDocs } from '../../src/engine/rule.ts';
import { describe, text } from '../../src/load/tree.ts';
import { isClassicGroup, regionOf } from '../../src/model.ts';
import type { Permission, PermissionParam, SecurityGroup } from '../../src/model.ts';
import ruleData from '../data/permission-rules.json' with { type: 'json' };
import { chars } from '../create/util.ts';
import {
  IPV4_FIELDS,
  IPV6_FIELDS,
  PROTOCOLS,
  SOURCE_FACTS,
  SOURCE_RULE_API,
  field,
  groupPeerOnly,
  hasPorts,
  isAllRange,
  isVpcGroup,
  notSet,
  priority,
  operation,
  parseIpv4,
  parseIpv6,
  parseRange,
  peerFields,
  portsInBounds,
  present,
  protocol,
  rules,
  classicRules,
  cidrKey,
} from './util.ts';

const API = 'AuthorizeSecurityGroup';
const numberRegions = new Set(ruleData.protocolNumberRegions);

export const protocolInvalid = defineRule({
  id: 'rule-protocol-invalid',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidIpProtocol.ValueNotSupported', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'IpProtocol must be tcp, udp, icmp, icmpv6, gre or all (any case)',
  docs: {
    description:
      'Every rule (AuthorizeSecurityGroup for ingress, AuthorizeSecurityGroupEgress for egress) names its protocol: TCP, UDP, ICMP, ICMPv6, GRE or ALL, case-insensitive. A rule without IpProtocol, or with another name, is rejected. IANA protocol numbers (0-255) are accepted in a few regions only; rule-protocol-number warns about them.',
    fix: 'Use one of tcp, udp, icmp, icmpv6, gre, all.',
    valid: [rules('{IpProtocol: TCP, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8}')],
    invalid: [rules('{IpProtocol: http, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8}'), rules('{IpProtocol: 300, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}'), rules('{PortRange: 80/80, SourceCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const t = p.fields.IpProtocol;
      if (t === undefined || notSet(t)) {
        report({ at: t ?? p, node: p, message: `${operation(p)}: the rule names no IpProtocol` });
        continue;
      }
      if (t.type === 'unknown') continue;
      if (t.type !== 'scalar') {
        report({ at: t, node: p, message: `${operation(p)}: IpProtocol must be a protocol name, not ${describe(t)}` });
        continue;
      }
      const v = String(t.value);
      if (PROTOCOLS.includes(v.toLowerCase())) continue;
      if (/^\d{1,3}$/.test(v) && Number(v) <= 255) continue;
      report({ at: t, node: p, message: `${operation(p)}: IpProtocol \`${v}\` is not one of tcp, udp, icmp, icmpv6, gre, all` });
    }
  },
});

export const protocolNumber = defineRule({
  id: 'rule-protocol-number',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidIpProtocol.ValueNotSupported', httpStatus: 400 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'IpProtocol given as an IANA number outside the few regions documented to accept numbers',
  docs: {
    description:
      'Some documentation versions allow IANA protocol numbers (0-255) as IpProtocol, but only in a few regions (Philippines, UK, Malaysia (Kuala Lumpur), Hohhot, Qingdao, Silicon Valley, Singapore). Elsewhere the call is expected to fail as for any unsupported protocol. The region list is data (rules/data/permission-rules.json). Port checks are not applied to numbered protocols.',
    fix: 'Use a protocol name (tcp, udp, icmp, icmpv6, gre, all), or deploy the group in a region that accepts numbers.',
    uncertainty:
      'The protocol numbers and their region list come from some versions of the rule API documentation only; others list just the six names. Reported as a warning, and not at all in the listed regions or when the region is not known.',
    valid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: ap-southeast-1\n    VpcId: vpc-t4nhi5sdtxqwe1234\n    Permissions:\n      - {IpProtocol: 47, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}\n' }],
    invalid: [rules('{IpProtocol: 47, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'IpProtocol');
      if (!f || !/^\d{1,3}$/.test(f.value) || Number(f.value) > 255) continue;
      const region = p.group ? regionOf(p.group) : undefined;
      if (region === undefined || numberRegions.has(region)) continue;
      report({ at: f.tree, node: p, message: `${operation(p)}: IpProtocol \`${f.value}\` is a protocol number; region ${region} is not documented to accept numbers` });
    }
  },
});

/** A port-range field's problem for a protocol: 'syntax' | 'bounds' | 'mismatch' | undefined. */
function rangeProblem(value: string, proto: string | undefined): { kind: 'syntax' | 'bounds' | 'mismatch'; why: string } | undefined {
  const r = parseRange(value);
  if (!r) return { kind: 'syntax', why: 'is not two integers in `start/end` form' };
  if (proto === undefined) return undefined;
  if (hasPorts(proto)) {
    if (isAllRange(r)) return { kind: 'mismatch', why: `does not suit ${proto}, which needs ports 1-65535` };
    if (!portsInBounds(r)) return { kind: 'bounds', why: `must be \`start/end\` with 1 <= start <= end <= 65535 for ${proto}` };
    return undefined;
  }
  if (!isAllRange(r)) return { kind: 'mismatch', why: `must be \`-1/-1\` for ${proto}` };
  return undefined;
}

export const portRangeMalformed = defineRule({
  id: 'rule-port-range-malformed',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidParam.PortRange', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'PortRange must be `start/end`; for tcp/udp 1 <= start <= end <= 65535',
  docs: {
    description:
      'PortRange is two integers separated by a slash. For TCP and UDP each is 1-65535 and start must not exceed end (`200/1` is invalid). For ICMP, ICMPv6, GRE and ALL it is exactly `-1/-1` (see rule-port-range-protocol-mismatch).',
    fix: 'Write e.g. `22/22` or `8000/8080` for tcp/udp, `-1/-1` for the other protocols.',
    valid: [rules('{IpProtocol: tcp, PortRange: 1/65535, SourceCidrIp: 10.0.0.0/8}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: "22", SourceCidrIp: 10.0.0.0/8}'), rules('{IpProtocol: tcp, PortRange: 200/1, SourceCidrIp: 10.0.0.0/8}'), rules('{IpProtocol: udp, PortRange: 0/65536, SourceCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §4.1, §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'PortRange');
      if (!f) continue;
      const problem = rangeProblem(f.value, numbered(p) ? undefined : protocol(p));
      if (problem && problem.kind !== 'mismatch') report({ at: f.tree, node: p, message: `${operation(p)}: PortRange \`${f.value}\` ${problem.why}` });
    }
  },
});

function numbered(p: Permission): boolean {
  const v = field(p, 'IpProtocol')?.value;
  return v !== undefined && /^\d+$/.test(v);
}

export const portRangeProtocolMismatch = defineRule({
  id: 'rule-port-range-protocol-mismatch',
  group: 'permission',
  api: { operation: API, errorCode: 'OperationDenied', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'tcp/udp with PortRange `-1/-1`, or icmp/icmpv6/gre/all with a PortRange other than `-1/-1`',
  docs: {
    description:
      'The protocol and the port range must match: TCP and UDP need real ports (1-65535), ICMP, ICMPv6, GRE and ALL take exactly `-1/-1`. The API reference lists OperationDenied for "tcp with -1/-1, icmp with 22/22". Terraform checks the same at apply time.',
    fix: 'Give tcp/udp a port range such as `22/22`; give icmp, icmpv6, gre and all `-1/-1`.',
    uncertainty:
      'The error table also lists InvalidIpProtocol.Malformed ("bad protocol/port combination") and, for ModifySecurityGroupRule, InvalidParam.ProtocolAndPortRangeMismatch. The call fails either way; this rule predicts OperationDenied, the code whose description names this case.',
    valid: [rules('{IpProtocol: icmp, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}'), rules('{IpProtocol: icmp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §3.2, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'PortRange');
      const proto = protocol(p);
      if (!f || proto === undefined) continue;
      const problem = rangeProblem(f.value, proto);
      if (problem?.kind === 'mismatch') report({ at: f.tree, node: p, message: `${operation(p)}: PortRange \`${f.value}\` ${problem.why}` });
    }
  },
});

export const portRangeMissing = defineRule({
  id: 'rule-port-range-missing',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidPortRange.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'A rule needs a PortRange (or a PortRangeListId)',
  docs: {
    description:
      'PortRange "must be set" unless the rule uses a port list (PortRangeListId). Every protocol needs it: `-1/-1` for icmp, icmpv6, gre and all. (Terraform is different: without `port_range` the provider sends `-1/-1`, which rule-port-range-protocol-mismatch checks against the protocol.)',
    fix: 'Add `PortRange`, e.g. `443/443` for tcp or `-1/-1` for icmp.',
    valid: [rules('{IpProtocol: tcp, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8}')],
    invalid: [rules('{IpProtocol: tcp, SourceCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      if (p.fields.PortRange === undefined && !present(p, 'PortRangeListId')) {
        report({ at: p, message: `${operation(p)}: the rule has no PortRange (nor PortRangeListId)` });
      } else if (p.fields.PortRange !== undefined && text(p.fields.PortRange) === '' && !present(p, 'PortRangeListId')) {
        report({ at: p.fields.PortRange, node: p, message: `${operation(p)}: PortRange is empty` });
      }
    }
  },
});

export const sourcePortRangeMalformed = defineRule({
  id: 'rule-source-port-range-malformed',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidSourcePortRange.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'SourcePortRange has the syntax and bounds of PortRange',
  docs: {
    description: 'SourcePortRange (quintuple rules) takes the same form as PortRange: `start/end` within 1-65535 for tcp/udp, `-1/-1` for the other protocols.',
    fix: 'Write e.g. `1024/65535` for tcp/udp, `-1/-1` otherwise, or drop the field.',
    valid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourcePortRange: 1024/65535, SourceCidrIp: 10.0.0.0/8}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourcePortRange: 1024-65535, SourceCidrIp: 10.0.0.0/8}'), rules('{IpProtocol: icmp, PortRange: -1/-1, SourcePortRange: 1/2, SourceCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'SourcePortRange');
      if (!f) continue;
      const problem = rangeProblem(f.value, numbered(p) ? undefined : protocol(p));
      if (problem) report({ at: f.tree, node: p, message: `${operation(p)}: SourcePortRange \`${f.value}\` ${problem.why}` });
    }
  },
});

function enumRule(o: { id: string; param: PermissionParam; values: string[]; errorCode: string; summary: string; description: string; fix: string; valid: string; invalid: string }) {
  return defineRule({
    id: o.id,
    group: 'permission',
    api: { operation: API, errorCode: o.errorCode, httpStatus: 400 },
    severity: 'error',
    certainty: 'documented',
    summary: o.summary,
    docs: {
      description: o.description,
      fix: o.fix,
      uncertainty: `The documents show lowercase values; whether the API accepts other spellings of ${o.values.join(' / ')} is not stated, so any case is accepted here (no false errors). Terraform and ROS check lowercase themselves.`,
      valid: [rules(o.valid)],
      invalid: [rules(o.invalid)],
    },
    sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        const t = p.fields[o.param];
        // Unknown values are skipped; an empty value (`""`, YAML null) means the field is not set.
        if (t === undefined || notSet(t) || t.type === 'unknown') continue;
        const v = text(t);
        if (v !== undefined && o.values.includes(v.toLowerCase())) continue;
        report({ at: t, node: p, message: `${operation(p)}: ${o.param} ${v === undefined ? describe(t) : `\`${v}\``} is not one of ${o.values.join(', ')}` });
      }
    },
  });
}

export const policyInvalid = enumRule({
  id: 'rule-policy-invalid',
  param: 'Policy',
  values: ['accept', 'drop'],
  errorCode: 'InvalidPolicy.Malformed',
  summary: 'Policy must be accept or drop',
  description: 'A rule either accepts or drops the traffic it matches; the default is accept.',
  fix: 'Use `accept` or `drop`.',
  valid: '{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Policy: drop}',
  invalid: '{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Policy: deny}',
});

export const nicTypeInvalid = enumRule({
  id: 'rule-nic-type-invalid',
  param: 'NicType',
  values: ['internet', 'intranet'],
  errorCode: 'InvalidNicType.ValueNotSupported',
  summary: 'NicType must be internet or intranet',
  description: 'NicType selects the public (`internet`, classic network only) or the internal (`intranet`) interface.',
  fix: 'Use `intranet` (or `internet` on a classic-network group), or leave NicType out.',
  valid: '{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, NicType: intranet}',
  invalid: '{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, NicType: public}',
});

export const priorityInvalid = defineRule({
  id: 'rule-priority-invalid',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidPriority.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'Priority must be an integer from 1 to 100',
  docs: {
    description: 'Priority is an integer from 1 (highest) to 100, written as a number or a string; the default is 1.',
    fix: 'Use an integer between 1 and 100.',
    uncertainty: 'The error table lists both InvalidPriority.Malformed and InvalidPriority.ValueNotSupported for this; the rule predicts the first.',
    valid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: "100"}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: 0}'), rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: 1.5}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const t = p.fields.Priority;
      if (t === undefined || notSet(t) || t.type === 'unknown' || priority(p) !== undefined) continue;
      const v = text(t);
      report({ at: t, node: p, message: `${operation(p)}: Priority ${v === undefined ? describe(t) : `\`${v}\``} is not an integer from 1 to 100` });
    }
  },
});

export const nicTypeMismatch = defineRule({
  id: 'rule-nic-type-mismatch',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidNicType.Mismatch', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'NicType internet on a rule that references only a security group, or on a Terraform rule of a VPC group',
  docs: {
    description:
      'A rule whose peer is only another security group (SourceGroupId / DestGroupId without a CIDR) must be `intranet`. In Terraform, `alicloud_security_group_rule` also refuses `nic_type = "internet"` when the group has a `vpc_id`: the provider checks this itself before calling the API. For ROS templates and native specs, NicType internet on a VPC group is reported by `rule-nic-type-vpc-internet` (a warning) instead.',
    fix: 'Remove NicType or set it to `intranet`.',
    uncertainty:
      'The error table gives InvalidNicType.Mismatch with HTTP 400 in one document and 403 in another; this rule uses 400. For an egress rule referencing a group, AuthorizeSecurityGroupEgress also documents 403 InvalidDestGroupId.Mismatch ("group reference without NicType=intranet"). For the Terraform VPC case the error comes from the provider, not from the API.',
    valid: [classicRules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 203.0.113.0/24, NicType: internet}')],
    invalid: [
      classicRules('{IpProtocol: tcp, PortRange: 22/22, SourceGroupId: sg-bp67acfmxazb4p1234, NicType: internet}'),
      {
        file: 'main.tf',
        code: [
          'resource "alicloud_security_group" "web" {',
          '  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"',
          '}',
          '',
          'resource "alicloud_security_group_rule" "ssh" {',
          '  type              = "ingress"',
          '  security_group_id = alicloud_security_group.web.id',
          '  ip_protocol       = "tcp"',
          '  port_range        = "22/22"',
          '  cidr_ip           = "10.0.0.0/8"',
          '  nic_type          = "internet"',
          '}',
          '',
        ].join('\n'),
      },
    ],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §3.2, §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'NicType');
      if (!f || f.value.toLowerCase() !== 'internet') continue;
      if (groupPeerOnly(p)) report({ at: f.tree, node: p, message: `${operation(p)}: NicType internet on a rule whose ${p.direction === 'ingress' ? 'source' : 'destination'} is a security group; it must be intranet` });
      else if (p.group && isVpcGroup(p.group) && fromTerraform(p.group)) report({ at: f.tree, node: p, message: `${operation(p)}: nic_type internet on a rule of a VPC security group; the Terraform provider accepts only intranet there` });
    }
  },
});

/** Terraform configuration or plan: the provider checks nic_type against the group's VPC before the call. */
const fromTerraform = (g: SecurityGroup) => g.format.startsWith('terraform');

export const nicTypeVpcInternet = defineRule({
  id: 'rule-nic-type-vpc-internet',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidNicType.Mismatch', httpStatus: 400 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'NicType internet on a rule of a VPC security group',
  docs: {
    description:
      'Rules of VPC security groups always apply to the internal interface; the API reference says NicType must be `intranet` there. Reported for ROS templates and native specs; Terraform rules are reported by `rule-nic-type-mismatch`, because the provider refuses them itself.',
    fix: 'Remove NicType or set it to `intranet`.',
    uncertainty:
      'A warning, not an error: the parameter is documented with the default `internet`, yet rules of VPC groups that leave it out are accepted (as intranet), and Alibaba Cloud\'s own published ROS templates write `NicType: internet` on VPC groups. The error text of InvalidNicType.Mismatch ("conflicts with the authorization record") does not clearly describe this case, so the call may well succeed with the value ignored.',
    valid: [classicRules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 203.0.113.0/24, NicType: internet}'), rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, NicType: intranet}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, NicType: internet}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'NicType');
      if (!f || f.value.toLowerCase() !== 'internet' || !p.group || !isVpcGroup(p.group) || fromTerraform(p.group) || groupPeerOnly(p)) continue;
      report({ at: f.tree, node: p, message: `${operation(p)}: NicType internet on a VPC security group; VPC rules are always intranet` });
    }
  },
});

function missingPeerRule(direction: 'ingress' | 'egress') {
  const ingress = direction === 'ingress';
  const side = peerFields(direction);
  const names = [side.cidr, side.ipv6, side.group, side.prefixList];
  const word = ingress ? 'source' : 'destination';
  return defineRule({
    id: ingress ? 'rule-source-missing' : 'rule-dest-missing',
    group: 'permission',
    api: { operation: ingress ? API : 'AuthorizeSecurityGroupEgress', errorCode: ingress ? 'MissingParameter.Source' : 'MissingParameter.Dest', httpStatus: 400 },
    severity: 'error',
    certainty: 'documented',
    summary: `An ${direction} rule needs a ${word}: ${names.join(', ')}`,
    docs: {
      description: `${ingress ? 'AuthorizeSecurityGroup' : 'AuthorizeSecurityGroupEgress'} requires at least one ${word}: ${names.join(', ')}. An empty rule does not mean "anywhere"; write \`0.0.0.0/0\` explicitly when that is meant.`,
      fix: `Add ${side.cidr} (e.g. \`10.0.0.0/8\`), ${side.ipv6}, ${side.group} or ${side.prefixList}.`,
      valid: [rules(`{${ingress ? '' : 'Direction: egress, '}IpProtocol: tcp, PortRange: 443/443, ${side.prefixList}: pl-x1j1k5ykzqlixdcy1234}`)],
      invalid: [rules(`{${ingress ? '' : 'Direction: egress, '}IpProtocol: tcp, PortRange: 443/443}`)],
    },
    sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §3.2, §5.1, §5.2'],
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        if (p.direction !== direction || names.some((n) => present(p, n))) continue;
        report({ at: p, message: `${operation(p)}: the rule has no ${word} (${names.join(', ')})` });
      }
    },
  });
}

export const sourceMissing = missingPeerRule('ingress');
export const destMissing = missingPeerRule('egress');

function cidrRule(param: 'SourceCidrIp' | 'DestCidrIp' | 'Ipv6SourceCidrIp' | 'Ipv6DestCidrIp', id: string, errorCode: string) {
  const v6 = param.startsWith('Ipv6');
  const parse = v6 ? parseIpv6 : parseIpv4;
  const ex = (v: string) => rules(`{IpProtocol: tcp, PortRange: 443/443, ${param.includes('Dest') ? 'SourceCidrIp: 10.0.0.0/8, ' : ''}${param}: "${v}"}`);
  return defineRule({
    id,
    group: 'permission',
    api: { operation: API, errorCode, httpStatus: 400 },
    severity: 'error',
    certainty: 'documented',
    summary: v6 ? `${param} must be an IPv6 address or CIDR block` : `${param} must be an IPv4 address or CIDR block`,
    docs: {
      description: v6
        ? `${param} is an IPv6 address or CIDR block (eight groups of up to four hex digits, \`::\` for a run of zero groups, optional /0-128 prefix).`
        : `${param} is an IPv4 address or CIDR block: a dotted quad (each 0-255, no leading zeros) with an optional /0-32 prefix. IPv6 values go in ${param.replace(/^(Source|Dest)/, 'Ipv6$1')}.`,
      fix: v6 ? 'Write e.g. `2001:db8::/32` or `::/0`.' : 'Write e.g. `10.0.0.0/8` or `203.0.113.7`.',
      valid: [ex(v6 ? '2001:db8::/32' : '192.168.1.0/24')],
      invalid: [ex(v6 ? '2001:db8:::1/64' : '10.0.0.256/8'), ex(v6 ? '2001:db8::/129' : '10.0.0.0/33')],
    },
    sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        const f = field(p, param);
        if (!f || parse(f.value.trim()) !== undefined) continue;
        report({ at: f.tree, node: p, message: `${operation(p)}: ${param} \`${f.value}\` is not ${v6 ? 'an IPv6' : 'an IPv4'} address or CIDR block` });
      }
    },
  });
}

export const sourceCidrMalformed = cidrRule('SourceCidrIp', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed');
export const destCidrMalformed = cidrRule('DestCidrIp', 'rule-dest-cidr-malformed', 'InvalidDestCidrIp.Malformed');
export const ipv6SourceCidrMalformed = cidrRule('Ipv6SourceCidrIp', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp');
export const ipv6DestCidrMalformed = cidrRule('Ipv6DestCidrIp', 'rule-ipv6-dest-cidr-malformed', 'InvalidParam.Ipv6DestCidrIp');

function familyConflictRule(side: 'Source' | 'Dest') {
  const v4 = `${side}CidrIp` as PermissionParam;
  const v6 = `Ipv6${side}CidrIp` as PermissionParam;
  return defineRule({
    id: side === 'Source' ? 'rule-source-ip-family-conflict' : 'rule-dest-ip-family-conflict',
    group: 'permission',
    api: { operation: API, errorCode: side === 'Source' ? 'InvalidParam.SourceIp' : 'InvalidParam.DestIp', httpStatus: 400 },
    severity: 'error',
    certainty: 'documented',
    summary: `${v4} and ${v6} both set in one rule`,
    docs: {
      description: `One rule matches either IPv4 or IPv6 on its ${side.toLowerCase()} side: ${v4} and ${v6} cannot both be given.`,
      fix: 'Split it into two rules, one per address family.',
      valid: [rules(`{IpProtocol: tcp, PortRange: 443/443, ${side === 'Dest' ? 'SourceCidrIp: 10.0.0.0/8, ' : ''}${v6}: "2001:db8::/32"}`)],
      invalid: [rules(`{IpProtocol: tcp, PortRange: 443/443, ${v4}: 10.0.0.0/8, ${v6}: "2001:db8::/32"}`)],
    },
    sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        // Both written with known values: a parameter without a default may be left empty.
        if (field(p, v4) && field(p, v6)) report({ at: p.fields[v6]!, node: p, message: `${operation(p)}: ${v4} and ${v6} are both set; a rule is either IPv4 or IPv6` });
      }
    },
  });
}

export const sourceIpFamilyConflict = familyConflictRule('Source');
export const destIpFamilyConflict = familyConflictRule('Dest');

export const ipFamilyMixed = defineRule({
  id: 'rule-ip-family-mixed',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidParameter.Conflict', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'An IPv4 address on one side of a rule and an IPv6 address on the other',
  docs: {
    description:
      'A quintuple rule names addresses on both sides (SourceCidrIp / Ipv6SourceCidrIp and DestCidrIp / Ipv6DestCidrIp); both must be of one family. An IPv4 source with an IPv6 destination, or the reverse, is rejected (InvalidParameter.Conflict: "IPv4 and IPv6 addresses mixed in one rule"). Reported at the quintuple field: the destination of an ingress rule, the source of an egress rule. Both families on the same side are rule-source-ip-family-conflict and rule-dest-ip-family-conflict.',
    fix: 'Use addresses of one family on both sides: IPv4 with SourceCidrIp and DestCidrIp, IPv6 with Ipv6SourceCidrIp and Ipv6DestCidrIp.',
    valid: [rules('{IpProtocol: tcp, PortRange: 443/443, Ipv6SourceCidrIp: "2001:db8::/32", Ipv6DestCidrIp: "2001:db8:1::/48"}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8, Ipv6DestCidrIp: "2001:db8:1::/48"}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      // The side that is not the rule's peer holds the quintuple field: report there.
      const extra = p.direction === 'ingress' ? 'Dest' : 'Source';
      const peer = p.direction === 'ingress' ? 'Source' : 'Dest';
      for (const [a, b] of [[`${peer}CidrIp`, `Ipv6${extra}CidrIp`], [`Ipv6${peer}CidrIp`, `${extra}CidrIp`]] as [PermissionParam, PermissionParam][]) {
        if (field(p, a) && field(p, b)) report({ at: p.fields[b]!, node: p, message: `${operation(p)}: ${a} and ${b} are of different address families; a rule is either IPv4 or IPv6` });
      }
    }
  },
});

function protocolFamilyRule(o: { proto: 'icmp' | 'icmpv6'; other: 'icmp' | 'icmpv6'; fields: readonly PermissionParam[]; family: string; errorCode: string; valid: string; invalid: string }) {
  return defineRule({
    id: `rule-${o.proto}-with-${o.family.toLowerCase()}`,
    group: 'permission',
    api: { operation: API, errorCode: o.errorCode, httpStatus: 400 },
    severity: 'error',
    certainty: 'documented',
    summary: `IpProtocol ${o.proto} with an ${o.family} address (use ${o.other})`,
    docs: {
      description: `${o.proto === 'icmp' ? 'ICMP is an IPv4 protocol' : 'ICMPv6 is an IPv6 protocol'}: a rule with IpProtocol ${o.proto} cannot name ${o.family} addresses; ${o.family} rules use ${o.other}.`,
      fix: `Use \`IpProtocol: ${o.other}\` for ${o.family} addresses.`,
      valid: [rules(o.valid)],
      invalid: [rules(o.invalid)],
    },
    sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.2'],
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        if (protocol(p) !== o.proto) continue;
        const name = o.fields.find((n) => present(p, n));
        if (name) report({ at: p.fields[name]!, node: p, message: `${operation(p)}: IpProtocol ${o.proto} with the ${o.family} ${name}; use ${o.other}` });
      }
    },
  });
}

export const icmpWithIpv6 = protocolFamilyRule({
  proto: 'icmp',
  other: 'icmpv6',
  fields: IPV6_FIELDS,
  family: 'IPv6',
  errorCode: 'InvalidParam.Ipv4ProtocolConflictWithIpv6Address',
  valid: '{IpProtocol: icmpv6, PortRange: -1/-1, Ipv6SourceCidrIp: "2001:db8::/32"}',
  invalid: '{IpProtocol: icmp, PortRange: -1/-1, Ipv6SourceCidrIp: "2001:db8::/32"}',
});

export const icmpv6WithIpv4 = protocolFamilyRule({
  proto: 'icmpv6',
  other: 'icmp',
  fields: IPV4_FIELDS,
  family: 'IPv4',
  errorCode: 'InvalidParam.Ipv6ProtocolConflictWithIpv4Address',
  valid: '{IpProtocol: icmp, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}',
  invalid: '{IpProtocol: icmpv6, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}',
});

export const descriptionMalformed = defineRule({
  id: 'rule-description-malformed',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidSecurityGroupDiscription.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'A rule Description is 1-512 characters',
  docs: {
    description: 'The description of a rule is 1 to 512 characters long (the error code is spelled "Discription" by the API). An empty description means none and is not checked.',
    fix: 'Shorten the description to 512 characters.',
    valid: [rules('{IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8, Description: HTTPS from the office}')],
    invalid: [rules(`{IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8, Description: ${'d'.repeat(513)}}`)],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §4.1, §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'Description');
      if (!f) continue;
      const n = chars(f.value);
      if (n > 512) report({ at: f.tree, node: p, message: `${operation(p)}: the rule Description is ${n} characters long; it must be 1 to 512` });
    }
  },
});

export const sourceEqualsDest = defineRule({
  id: 'rule-source-equals-dest',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidParamter.Conflict', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'SourceCidrIp equals DestCidrIp in one rule',
  docs: {
    description: 'A quintuple rule names both a source and a destination address; the API rejects a rule whose SourceCidrIp equals its DestCidrIp (InvalidParamter.Conflict, spelled so by the API). Addresses are compared in canonical form.',
    fix: 'Correct the source or the destination; to match traffic inside one block, leave the quintuple field out.',
    valid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, DestCidrIp: 10.1.0.0/16}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, DestCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      for (const [a, b, parse] of [['SourceCidrIp', 'DestCidrIp', parseIpv4], ['Ipv6SourceCidrIp', 'Ipv6DestCidrIp', parseIpv6]] as const) {
        const x = field(p, a);
        const y = field(p, b);
        const cx = x && parse(x.value.trim());
        const cy = y && parse(y.value.trim());
        if (cx && cy && cidrKey(cx) === cidrKey(cy)) report({ at: y!.tree, node: p, message: `${operation(p)}: ${b} \`${y!.value}\` equals ${a}` });
      }
    }
  },
});

/**
 * A field a classic-network group (no VpcId) does not take, on one of its rules: reported at the field.
 * `applies`: whether the rule uses the field at all (a port list beside a PortRange is ignored);
 * `severity`: a warning where the reference leaves the outcome open.
 */
function classicNetworkRule(o: {
  id: string;
  errorCode: string | null;
  httpStatus: number | null;
  summary: string;
  docs: Omit<RuleDocs, 'valid' | 'invalid'>;
  example: string;
  fields: readonly PermissionParam[];
  /** The end of the message: what needs a VPC group. */
  needs: string;
  sources: string[];
  applies?: (p: Permission) => boolean;
  severity?: (p: Permission, name: PermissionParam) => 'warning' | undefined;
}) {
  return defineRule({
    id: o.id,
    group: 'permission',
    api: { operation: API, errorCode: o.errorCode, httpStatus: o.httpStatus },
    severity: 'error',
    certainty: 'documented',
    summary: o.summary,
    docs: { ...o.docs, valid: [rules(o.example)], invalid: [classicRules(o.example)] },
    sources: o.sources,
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        if (!p.group || !isClassicGroup(p.group) || (o.applies && !o.applies(p))) continue;
        for (const name of o.fields) {
          if (!present(p, name)) continue;
          const severity = o.severity?.(p, name);
          report({ at: p.fields[name]!, node: p, message: `${operation(p)}: ${name} on a classic-network group (no VpcId); ${o.needs} a VPC group`, ...(severity ? { severity } : {}) });
        }
      }
    },
  });
}

export const classicNetworkPrefixList = classicNetworkRule({
  id: 'rule-classic-prefix-list',
  errorCode: 'NotSupported.ClassicNetworkPrefixList',
  httpStatus: 400,
  summary: 'A prefix list on a rule of a classic-network group (no VpcId)',
  docs: {
    description: 'Prefix lists (SourcePrefixListId / DestPrefixListId) are not supported for classic-network security groups, i.e. groups created without a VpcId. When the rule also names a CIDR block, an IPv6 block or a group, the reference says the prefix list is ignored, and does not say which of the two statements wins on a classic group: then a warning.',
    uncertainty: 'A prefix list beside a CIDR, IPv6 block or group: "ignored when CIDR/IPv6/group given; not for classic groups" (fact sheet §5.1), which may or may not fail on a classic group. Hence a warning in that case.',
    fix: 'Use CIDR blocks, or create the group in a VPC.',
  },
  example: '{IpProtocol: tcp, PortRange: 22/22, SourcePrefixListId: pl-x1j1k5ykzqlixdcy1234}',
  fields: ['SourcePrefixListId', 'DestPrefixListId'],
  needs: 'prefix lists need',
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
  // The prefix list is ignored beside another peer: whether a classic group still refuses it is not documented.
  severity: (p, name) => {
    const side = peerFields(p.direction);
    return name === side.prefixList && (present(p, side.cidr) || present(p, side.ipv6) || present(p, side.group)) ? 'warning' : undefined;
  },
});

export const classicNetworkPortList = classicNetworkRule({
  id: 'rule-classic-port-list',
  errorCode: null,
  httpStatus: null,
  summary: 'A port list (PortRangeListId) on a rule of a classic-network group (no VpcId)',
  docs: {
    description: 'Port lists are "not for classic-network groups" (groups created without a VpcId). The reference names no error code for it, so the finding has none. A rule that also gives a PortRange is not reported: the port list is then ignored.',
    fix: 'Give PortRange instead, or create the group in a VPC.',
  },
  example: '{IpProtocol: tcp, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8}',
  fields: ['PortRangeListId'],
  needs: 'port lists need',
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1 (PortRangeListId)'],
  applies: (p) => !present(p, 'PortRange'),
});

export const classicNetworkIpv6 = classicNetworkRule({
  id: 'rule-classic-ipv6',
  errorCode: null,
  httpStatus: null,
  summary: 'An IPv6 address block on a rule of a classic-network group (no VpcId)',
  docs: {
    description: 'Ipv6SourceCidrIp and Ipv6DestCidrIp are VPC-only: a classic-network group (created without a VpcId) has no IPv6. The reference names no error code for it, so the finding has none.',
    fix: 'Create the group in a VPC with IPv6 enabled, or use IPv4 blocks.',
  },
  example: '{IpProtocol: tcp, PortRange: 443/443, Ipv6SourceCidrIp: "2001:db8::/32"}',
  fields: IPV6_FIELDS,
  needs: 'IPv6 needs',
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1 (Ipv6SourceCidrIp / Ipv6DestCidrIp)'],
});

export const portListProtocol = defineRule({
  id: 'rule-port-list-protocol',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidParam.ProtocolNotSupportPortRangeList', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'A port list (PortRangeListId) on a rule whose protocol has no ports (icmp, icmpv6, gre)',
  docs: {
    description:
      'A port list stands for port ranges, which only tcp and udp have; the API refuses it for "protocols that don\'t support port lists" (InvalidParam.ProtocolNotSupportPortRangeList). Reported for icmp, icmpv6 and gre. Protocol `all` is not reported: the reference does not say whether a port list applies to it. A rule that also gives a PortRange is not reported either: the port list is then ignored.',
    fix: 'Drop PortRangeListId and give PortRange -1/-1, or use tcp or udp.',
    valid: [rules('{IpProtocol: tcp, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8}')],
    invalid: [rules('{IpProtocol: icmp, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1 (PortRangeListId), §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      if (!present(p, 'PortRangeListId') || present(p, 'PortRange')) continue;
      const proto = protocol(p);
      if (proto === 'icmp' || proto === 'icmpv6' || proto === 'gre') {
        report({ at: p.fields.PortRangeListId!, node: p, message: `${operation(p)}: protocol ${proto} has no ports, so it takes no port list (PortRangeListId)` });
      }
    }
  },
});
