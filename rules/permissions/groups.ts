/** Constraints across rules and groups: duplicates, group references, advanced groups, quotas. */
import { defineRule } from '../../src/engine/rule.ts';
import { isUnknown, text } from '../../src/load/tree.ts';
import { isClassicGroup } from '../../src/model.ts';
import type { Permission, PermissionParam, SecurityGroup, Vpc } from '../../src/model.ts';
import {
  SOURCE_FACTS,
  SOURCE_RULE_API,
  byRequest,
  cidrKey,
  coexisting,
  field,
  group,
  groupType,
  groupPeerOnly,
  groupsWithRules,
  isVpcGroup,
  operation,
  parseIpv4,
  parseIpv6,
  pastLimit,
  peerFields,
  policy,
  present,
  priority,
  resolveGroup,
  ros,
  rules,
  sameReference,
  total,
} from './util.ts';
import { countNote } from '../create/util.ts';

const API = 'AuthorizeSecurityGroup';

const ADDRESS_FIELDS: PermissionParam[] = ['SourceCidrIp', 'Ipv6SourceCidrIp', 'DestCidrIp', 'Ipv6DestCidrIp'];
const OTHER_FIELDS: PermissionParam[] = [
  'PortRange',
  'PortRangeListId',
  'SourcePortRange',
  'SourceGroupId',
  'SourceGroupOwnerId',
  'SourceGroupOwnerAccount',
  'SourcePrefixListId',
  'DestGroupId',
  'DestGroupOwnerId',
  'DestGroupOwnerAccount',
  'DestPrefixListId',
];
const COMPARED_FIELDS = [...ADDRESS_FIELDS, ...OTHER_FIELDS];

/** The rule as the API compares it (protocol case, default policy and priority, canonical addresses); undefined if any part is unknown. */
function identity(p: Permission): string | undefined {
  const parts: string[] = [];
  const proto = p.fields.IpProtocol;
  if (proto !== undefined && proto.type !== 'scalar') return undefined;
  parts.push((text(proto) ?? '').toLowerCase());
  const pol = policy(p);
  const pri = priority(p);
  if (pol === undefined || pri === undefined) return undefined;
  parts.push(pol, String(pri));
  const nic = p.fields.NicType;
  if (nic !== undefined && nic.type !== 'scalar') return undefined;
  parts.push((text(nic) ?? '').toLowerCase());
  for (const name of COMPARED_FIELDS) {
    const t = p.fields[name];
    if (t !== undefined && t.type !== 'scalar') return undefined;
    let v = (text(t) ?? '').trim();
    if (ADDRESS_FIELDS.includes(name) && v !== '') {
      const c = name.startsWith('Ipv6') ? parseIpv6(v) : parseIpv4(v);
      if (c) v = cidrKey(c);
    }
    parts.push(`${name}=${v}`);
  }
  return parts.join('|');
}

export const duplicatePermissions = defineRule({
  id: 'rule-duplicate',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidParam.DuplicatePermissions', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'The same rule twice in one Authorize request',
  docs: {
    description:
      'One AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress request must not carry the same rule twice. Rules are compared as the API sees them: protocol case ignored, Policy defaulting to accept and Priority to 1, addresses in canonical form; the Description does not make two rules different. In the native spec, all rules of one group and direction are one request; in Terraform each rule resource is its own request; ROS sends each group\'s inline list and each Ingresses/Egresses resource as one request.',
    fix: 'Remove the repeated rule.',
    valid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}', '{Direction: egress, IpProtocol: tcp, PortRange: 22/22, DestCidrIp: 10.0.0.0/8}')],
    invalid: [rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}', '{IpProtocol: TCP, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: 1, Description: again}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.2'],
  check({ model, report }) {
    for (const request of byRequest(model)) {
      if (request.length < 2) continue;
      const seen = new Map<string, Permission>();
      for (const p of request) {
        const id = identity(p);
        if (id === undefined) continue;
        const first = seen.get(id);
        if (first) report({ at: p, message: `${operation(p)}: this rule repeats ${first.resource} in the same request` });
        else seen.set(id, p);
      }
    }
  },
});

/** A docs example: the group `name` (with `props`) and an ingress rule `rule` of WebSg whose SourceGroupId names it. */
function withPeer(name: string, props: string, rule: string) {
  return ros(
    `${name}:`,
    '  Type: ALIYUN::ECS::SecurityGroup',
    `  Properties: {${props}}`,
    `${rule}:`,
    '  Type: ALIYUN::ECS::SecurityGroupIngress',
    `  Properties: {SecurityGroupId: {Ref: WebSg}, IpProtocol: tcp, PortRange: 22/22, SourceGroupId: {Ref: ${name}}}`,
  );
}

function selfRule(direction: 'ingress' | 'egress') {
  const ingress = direction === 'ingress';
  const name = ingress ? 'SourceGroupId' : 'DestGroupId';
  return defineRule({
    id: ingress ? 'rule-source-group-self' : 'rule-dest-group-self',
    group: 'permission',
    api: ingress
      ? { operation: API, errorCode: 'InvalidParamter.Conflict', httpStatus: 400 }
      : { operation: 'AuthorizeSecurityGroupEgress', errorCode: 'InvalidSecurityGroup.IsSame', httpStatus: 403 },
    severity: 'warning',
    certainty: 'uncertain',
    summary: `${name} names the rule's own group`,
    docs: {
      description: ingress
        ? 'The error table documents InvalidParamter.Conflict (sic) when SecurityGroupId equals the referenced SourceGroupId. Reported when an ingress rule\'s SourceGroupId names the group the rule is added to (the same resource reference or the same id), unless a CIDR block beside it takes its place.'
        : 'AuthorizeSecurityGroupEgress documents 403 InvalidSecurityGroup.IsSame when the destination group is the group itself. Reported when an egress rule\'s DestGroupId names the group the rule is added to (the same resource reference or the same id), unless a CIDR block beside it takes its place.',
      fix: 'Reference another group, or rely on the group\'s internal access policy (InnerAccessPolicy Accept) for traffic between its members.',
      uncertainty:
        'The documents disagree: the error tables reject a rule referencing its own group (InvalidParamter.Conflict, listed with 400 and 403; InvalidSecurityGroup.IsSame for egress), while the basic-vs-advanced guide says a basic group with internal isolation can re-open traffic between members with a rule whose source is the group itself. Hence a warning.',
      valid: [
        ros(
          'OtherSg:',
          '  Type: ALIYUN::ECS::SecurityGroup',
          '  Properties: {VpcId: vpc-bp1opxu1zkhn00gzv1234}',
          'Peer:',
          `  Type: ALIYUN::ECS::SecurityGroup${ingress ? 'Ingress' : 'Egress'}`,
          `  Properties: {SecurityGroupId: {Ref: WebSg}, IpProtocol: tcp, PortRange: 22/22, ${name}: {Ref: OtherSg}}`,
        ),
      ],
      invalid: [
        ros('Self:', `  Type: ALIYUN::ECS::SecurityGroup${ingress ? 'Ingress' : 'Egress'}`, `  Properties: {SecurityGroupId: {Ref: WebSg}, IpProtocol: tcp, PortRange: 22/22, ${name}: {Ref: WebSg}}`),
      ],
    },
    sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §2, §5.2'],
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        if (p.direction !== direction) continue;
        const ref = p.fields[name];
        // A CIDR block beside the group wins, and the group is not read (facts §5.1).
        if (ref === undefined || !groupPeerOnly(p)) continue;
        const self = (p.group !== undefined && resolveGroup(model, ref) === p.group) || sameReference(ref, p.groupRef);
        if (self) report({ at: ref, node: p, message: `${operation(p)}: ${name} is the group the rule is added to` });
      }
    },
  });
}

export const sourceGroupSelf = selfRule('ingress');
export const destGroupSelf = selfRule('egress');

export const enterpriseGroupReference = defineRule({
  id: 'rule-enterprise-group-reference',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidGroupParameter.OperationDenied', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'SourceGroupId / DestGroupId on a rule of an advanced (enterprise) group',
  docs: {
    description: 'Advanced (enterprise) security groups cannot authorise other security groups: SourceGroupId and DestGroupId "are not allowed to be set" on their rules.',
    fix: 'Use CIDR blocks or prefix lists, or make the group basic (`SecurityGroupType: normal`).',
    valid: [group(['SecurityGroupType: enterprise'], '{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}')],
    invalid: [group(['SecurityGroupType: enterprise'], '{IpProtocol: tcp, PortRange: 22/22, SourceGroupId: sg-bp67acfmxazb4p1234}')],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §2, §5.1, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      if (!p.group || groupType(p.group) !== 'enterprise') continue;
      for (const name of ['SourceGroupId', 'DestGroupId'] as const) {
        if (present(p, name)) report({ at: p.fields[name]!, node: p, message: `${operation(p)}: ${name} is not allowed on the rules of an enterprise (advanced) security group` });
      }
    }
  },
});

export const enterprisePolicy = defineRule({
  id: 'rule-enterprise-policy-drop',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidGroupParameter.OperationDenied', httpStatus: 400 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'Policy drop on a rule of an advanced (enterprise) group',
  docs: {
    description: 'The error text of InvalidGroupParameter.OperationDenied says Policy is not allowed to be set on the rules of an advanced (enterprise) group, whose rules only allow traffic.',
    fix: 'Leave Policy out (accept) on enterprise groups, or use a basic group where drop rules are needed.',
    uncertainty:
      'Only the error text says so; whether Policy=drop is still rejected today is not confirmed. An explicit `Policy: accept` (the default) is not reported, to avoid false errors; drop is reported as a warning.',
    valid: [group(['SecurityGroupType: enterprise'], '{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Policy: accept}')],
    invalid: [group(['SecurityGroupType: enterprise'], '{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Policy: drop}')],
  },
  sources: [SOURCE_FACTS + ' §2, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      const f = field(p, 'Policy');
      if (!p.group || groupType(p.group) !== 'enterprise' || f?.value.toLowerCase() !== 'drop') continue;
      report({ at: f.tree, node: p, message: `${operation(p)}: Policy drop on a rule of an enterprise (advanced) security group` });
    }
  },
});

export const enterpriseGroupReferenced = defineRule({
  id: 'rule-references-enterprise-group',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidGroupAuthParameter.OperationDenied', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'A rule references an advanced (enterprise) group that the inputs create',
  docs: {
    description:
      'An advanced (enterprise) security group cannot be authorised by another group\'s rules: SourceGroupId / DestGroupId must not name one. Checked when the referenced group is created by the same inputs (a Terraform or ROS reference) and no CIDR block beside the reference takes its place.',
    fix: 'Reference a basic group, or use the advanced group\'s members\' CIDR blocks.',
    valid: [
      withPeer('OtherSg', 'VpcId: vpc-bp1opxu1zkhn00gzv1234, SecurityGroupType: normal', 'FromOther'),
    ],
    invalid: [
      withPeer('DbSg', 'VpcId: vpc-bp1opxu1zkhn00gzv1234, SecurityGroupType: enterprise', 'FromDb'),
    ],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §2, §5.2'],
  local: true,
  check({ model, report }) {
    for (const p of model.permissions) {
      // A CIDR block beside the group wins, and the group is not read (facts §5.1).
      if (!groupPeerOnly(p)) continue;
      for (const name of ['SourceGroupId', 'DestGroupId'] as const) {
        const target = resolveGroup(model, p.fields[name]);
        if (target && groupType(target) === 'enterprise') {
          report({ at: p.fields[name]!, node: p, message: `${operation(p)}: ${name} names ${target.resource}, an enterprise (advanced) security group, which other groups cannot reference` });
        }
      }
    }
  },
});

export const groupRuleLimit = defineRule({
  id: 'rule-group-reference-limit',
  group: 'permission',
  api: { operation: API, errorCode: 'AuthorizedGroupRule.LimitExceed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'More than 20 rules referencing security groups in one basic group',
  docs: {
    description: 'A basic security group may hold at most 20 rules whose source or destination is another security group (SourceGroupId / DestGroupId), ingress and egress together. A rule that also names a CIDR block is a rule for that block (the CIDR wins) and is not counted. Rules a Terraform plan does not create (left as they are or updated) exist already and count first: the rules added after them are reported. A ROS rule resource with a known `Count` whose properties use `ALIYUN::Index` counts that many rules (copies that are one and the same rule count once), reported once, where its count goes past the limit.',
    fix: 'Use CIDR blocks or prefix lists for some peers, or merge peers into fewer groups.',
    valid: [rules(...Array.from({ length: 20 }, (_, i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceGroupId: sg-bp67acfmxazb4p1234}`))],
    invalid: [rules(...Array.from({ length: 21 }, (_, i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceGroupId: sg-bp67acfmxazb4p1234}`))],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §2, §5.2, §5.3'],
  local: true,
  check({ model, report }) {
    for (const g of groupsWithRules(model)) {
      if (groupType(g) !== 'normal') continue;
      const refs = coexisting(g.permissions.filter(groupPeerOnly));
      for (const p of pastLimit(refs, 20)) {
        report({ at: p.fields[peerFields(p.direction).group]!, node: p, message: `${operation(p)}: ${total(refs)} rules of ${g.resource} reference security groups${countNote(p)}; a basic group allows 20` });
      }
    }
  },
});

export const rulesPerGroup = defineRule({
  id: 'rule-quota',
  group: 'permission',
  api: { operation: API, errorCode: 'AuthorizationLimitExceed', httpStatus: 403 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'More rules in one group than the configured quota (quota.rulesPerGroup, default 200)',
  docs: {
    description:
      'A group holds a limited number of rules (ingress and egress together); beyond it the call fails with AuthorizationLimitExceed. The limit is `quota.rulesPerGroup` in the configuration (default 200). Each rule over the limit is reported; rules a Terraform plan does not create (left as they are or updated) exist already and count first. A ROS rule resource with a known `Count` whose properties use `ALIYUN::Index` counts that many rules (copies that are one and the same rule count once), and is reported once.',
    fix: 'Merge rules (port ranges, prefix lists), split the group, or set `quota.rulesPerGroup` to your account\'s quota.',
    uncertainty:
      'Older documents limit a group to 100 rules, 2023-2024 documents to 200 per group, a 2025 page to 200 inbound rules per group, and the current wording to 1,000 rules across all groups attached to one network interface. The default 200 per group is a safe threshold, not a confirmed hard limit, hence a warning.',
    valid: [{ ...rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}', '{IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8}'), config: 'quota:\n  rulesPerGroup: 2\n' }],
    invalid: [
      { ...rules('{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}', '{IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8}', '{Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 10.0.0.0/8}'), config: 'quota:\n  rulesPerGroup: 2\n' },
    ],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.2, §5.3'],
  local: true,
  check({ model, config, report }) {
    const limit = config.quota.rulesPerGroup;
    for (const g of groupsWithRules(model)) {
      const list = coexisting(g.permissions);
      for (const p of pastLimit(list, limit)) {
        report({ at: p, message: `${operation(p)}: ${g.resource} has ${total(list)} rules${countNote(p)}; the quota is ${limit} (quota.rulesPerGroup)` });
      }
    }
  },
});

export const requestSize = defineRule({
  id: 'rule-request-too-many',
  group: 'permission',
  api: { operation: API, errorCode: null, httpStatus: null },
  severity: 'error',
  certainty: 'documented',
  summary: 'More than 100 rules in one Authorize request',
  docs: {
    description:
      'One AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress call takes 1 to 100 `Permissions.N` entries; ROS `ALIYUN::ECS::SecurityGroupIngresses` / `...Egresses` allow at most 100 Permissions. In the native spec all rules of one group and direction are one request; in its flattened form N is the rule\'s place in the request, so `Permissions.101.IpProtocol` is reported at its key even when fewer rules are written. The API reference names no error code for this limit, so none is predicted.',
    fix: 'Split the rules over several requests (ROS: several Ingresses/Egresses resources), or merge rules.',
    valid: [rules(...Array.from({ length: 100 }, (_, i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceCidrIp: 10.0.0.0/8}`))],
    invalid: [
      rules(...Array.from({ length: 101 }, (_, i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceCidrIp: 10.0.0.0/8}`)),
      { file: 'request.yaml', code: 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nPermissions.101.IpProtocol: tcp\nPermissions.101.PortRange: 22/22\nPermissions.101.SourceCidrIp: 10.0.0.0/8\n' },
    ],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §4.2, §5.1, §5.3'],
  check({ model, report }) {
    for (const request of byRequest(model)) {
      request.forEach((p, i) => {
        if (p.flatIndex && p.flatIndex.n > 100) report({ at: p.flatIndex.span, node: p, message: `${operation(p)}: Permissions.${p.flatIndex.n}: N runs from 1 to 100` });
        else if (i >= 100) report({ at: p, message: `${operation(p)}: the request carries ${request.length} rules; at most 100 are allowed` });
      });
    }
  },
});


/** The VPC a group is in, comparable across groups: the linked VPC, else the written id or reference; undefined when not known. */
function vpcKey(g: SecurityGroup): string | Vpc | undefined {
  if (g.vpc) return g.vpc;
  const v = g.fields.VpcId;
  if (v === undefined) return undefined;
  if (isUnknown(v)) return v.ref === undefined ? undefined : `ref:${v.ref}`;
  const id = text(v);
  return id === undefined || id === '' ? undefined : `id:${id}`;
}

function otherVpcRule(direction: 'ingress' | 'egress') {
  const ingress = direction === 'ingress';
  const name = ingress ? 'SourceGroupId' : 'DestGroupId';
  const resource = ingress ? 'SecurityGroupIngress' : 'SecurityGroupEgress';
  const vpcGroup = (id: string, vpc: string) => [`${id}:`, '  Type: ALIYUN::ECS::SecurityGroup', `  Properties: {VpcId: ${vpc}}`];
  const ruleOn = (peer: string) => ['Peer:', `  Type: ALIYUN::ECS::${resource}`, `  Properties: {SecurityGroupId: {Ref: WebSg}, IpProtocol: tcp, PortRange: 22/22, ${name}: {Ref: ${peer}}}`];
  return defineRule({
    id: ingress ? 'rule-source-group-other-vpc' : 'rule-dest-group-other-vpc',
    group: 'permission',
    api: { operation: ingress ? API : 'AuthorizeSecurityGroupEgress', errorCode: ingress ? 'InvalidSourceGroupId.Mismatch' : 'InvalidDestGroupId.Mismatch', httpStatus: 400 },
    severity: 'error',
    certainty: 'documented',
    summary: `${name} names a group of the inputs that is in another VPC`,
    docs: {
      description: `A VPC group can only reference security groups of the same VPC. Checked when ${name} names a group of the inputs and both groups' VPCs are known (the same VPC id, or references to the same VPC resource, count as equal), and no CIDR block beside it takes its place.`,
      fix: 'Reference a group of the same VPC, or use the other VPC\'s CIDR block.',
      valid: [ros(...vpcGroup('OtherSg', 'vpc-bp1opxu1zkhn00gzv1234'), ...ruleOn('OtherSg'))],
      invalid: [ros(...vpcGroup('OtherSg', 'vpc-uf6aamu2nomfr1thd1234'), ...ruleOn('OtherSg'))],
    },
    sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.1, §5.2'],
    local: true,
    check({ model, report }) {
      for (const p of model.permissions) {
        if (p.direction !== direction || !p.group || !groupPeerOnly(p)) continue;
        const target = resolveGroup(model, p.fields[name]);
        if (!target || target === p.group) continue;
        const a = vpcKey(p.group);
        const b = vpcKey(target);
        if (a !== undefined && b !== undefined && a !== b) {
          report({ at: p.fields[name]!, node: p, message: `${operation(p)}: ${name} names ${target.resource}, which is in another VPC than ${p.group.resource}` });
        }
      }
    },
  });
}

export const sourceGroupOtherVpc = otherVpcRule('ingress');
export const destGroupOtherVpc = otherVpcRule('egress');

export const groupNetworkTypeConflict = defineRule({
  id: 'rule-group-network-type-conflict',
  group: 'permission',
  api: { operation: API, errorCode: 'InvalidNetworkType.Conflict', httpStatus: 403 },
  severity: 'error',
  certainty: 'documented',
  summary: 'A rule of a VPC group references a classic-network group of the inputs, or the reverse',
  docs: {
    description:
      'A security group can only reference a group of its own network type: a VPC group\'s SourceGroupId / DestGroupId cannot name a classic-network group (one created without a VpcId), nor the reverse (403 InvalidNetworkType.Conflict). Checked when the referenced group is one of the inputs, both network types are known, and no CIDR block beside the reference takes its place.',
    fix: 'Create both groups in the same VPC, or authorise the other group\'s addresses by CIDR block.',
    valid: [
      withPeer('OtherSg', 'VpcId: vpc-bp1opxu1zkhn00gzv1234', 'Peer'),
    ],
    invalid: [
      withPeer('ClassicSg', 'SecurityGroupName: classic', 'Peer'),
    ],
  },
  sources: [SOURCE_RULE_API, SOURCE_FACTS + ' §5.2'],
  local: true,
  check({ model, report }) {
    const network = (g: SecurityGroup) => (isClassicGroup(g) ? 'classic' : isVpcGroup(g) ? 'VPC' : undefined);
    for (const p of model.permissions) {
      // A CIDR beside the group wins: the group is then not authorised.
      if (!p.group || !groupPeerOnly(p)) continue;
      const name = peerFields(p.direction).group;
      const target = resolveGroup(model, p.fields[name]);
      if (!target || target === p.group) continue;
      const mine = network(p.group);
      const theirs = network(target);
      if (mine !== undefined && theirs !== undefined && mine !== theirs) {
        report({ at: p.fields[name]!, node: p, message: `${operation(p)}: ${name} names ${target.resource}, a ${theirs} group; ${p.group.resource} is a ${mine} group` });
      }
    }
  },
});
