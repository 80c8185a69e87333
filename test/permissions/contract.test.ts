// AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress constraints in the native spec: rule id, API code, span.
import { describe, expect, it } from 'vitest';
import { at, findings, spec } from './helpers.ts';
import { key, lintFiles } from '../helpers.ts';
import { contractCases as invalid, R, TCP22 } from './cases.ts';

describe('rule API constraints (native spec)', () => {
  for (const [name, perms, hits, params] of invalid) {
    it(`invalid: ${name}`, async () => {
      const text = spec(perms, params);
      expect(await findings({ 'spec.yaml': text })).toEqual(hits.map(([needle, id, code, n]) => at(text, needle, id, code, n)));
    });
  }

  it('valid: every protocol with its port range, any case, all optional fields', async () => {
    const text = spec([
      R('IpProtocol: TCP, PortRange: 1/65535, SourceCidrIp: 10.0.0.0/8, Policy: accept, Priority: 100, NicType: intranet, Description: x'),
      R('IpProtocol: udp, PortRange: 53/53, SourceCidrIp: 192.168.1.7, SourcePortRange: 1024/65535, Priority: "7"'),
      R('IpProtocol: icmp, PortRange: -1/-1, SourceCidrIp: 172.16.0.0/12, Policy: DROP'),
      R('IpProtocol: icmpv6, PortRange: -1/-1, Ipv6SourceCidrIp: "fe80::1"'),
      R('IpProtocol: gre, PortRange: -1/-1, SourceGroupId: sg-bp67acfmxazb4p1234'),
      R('IpProtocol: all, PortRange: -1/-1, SourcePrefixListId: pl-x1j1k5ykzqlixdcy1234'),
      R('IpProtocol: tcp, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8'),
      R('IpProtocol: tcp, PortRange: 443/443, Ipv6SourceCidrIp: "::ffff:10.0.0.1/128"'),
      R('IpProtocol: tcp, PortRange: 443/443, Ipv6SourceCidrIp: "2001:db8:0:0:0:0:0:1"'),
      R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 10.0.0.0/8, SourceCidrIp: 10.1.0.0/16'),
      R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, Ipv6DestCidrIp: "2001:db8::/32"'),
      R('Direction: egress, IpProtocol: tcp, PortRange: 22/22, DestGroupId: sg-bp67acfmxazb4p1234, NicType: intranet'),
      // The same rule in the other direction is another request: no duplicate.
      R('Direction: egress, IpProtocol: TCP, PortRange: 1/65535, DestCidrIp: 10.0.0.0/8'),
      R('IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: 2'),
      R('IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Policy: drop'),
    ]);
    expect(await findings({ 'spec.yaml': text })).toEqual([]);
  });

  it('valid: NicType internet on a classic group with a CIDR source; protocol numbers where documented', async () => {
    const text = 'securityGroups:\n  - RegionId: cn-qingdao\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 203.0.113.0/24, NicType: internet}\n      - {IpProtocol: 6, PortRange: 80/80, SourceCidrIp: 203.0.113.0/24}\n';
    expect(await findings({ 'spec.yaml': text })).toEqual([]);
  });

  it('invalid: NicType internet with only a group reference, even on a classic group', async () => {
    const text = 'securityGroups:\n  - RegionId: cn-qingdao\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 80/80, SourceGroupId: sg-m5e9rktsdcpbbq1234, NicType: internet}\n';
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, 'internet', 'rule-nic-type-mismatch', 'InvalidNicType.Mismatch')]);
  });

  it('invalid: a prefix list on a classic-network group', async () => {
    const text = 'securityGroups:\n  - RegionId: cn-qingdao\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 80/80, SourcePrefixListId: pl-m5e9rktsdcpbbq1234}\n';
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, 'pl-m5e9rktsdcpbbq1234', 'rule-classic-prefix-list', 'NotSupported.ClassicNetworkPrefixList')]);
  });

  it('an empty VpcId is a classic group for the classic-network rules, as for enterprise-needs-vpc', async () => {
    const text = 'securityGroups:\n  - RegionId: cn-qingdao\n    VpcId: ""\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 80/80, SourcePrefixListId: pl-m5e9rktsdcpbbq1234}\n';
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, 'pl-m5e9rktsdcpbbq1234', 'rule-classic-prefix-list', 'NotSupported.ClassicNetworkPrefixList')]);
  });

  it('a prefix list beside a CIDR on a classic group (ignored, outcome undocumented): a warning', async () => {
    const text = 'securityGroups:\n  - RegionId: cn-qingdao\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8, SourcePrefixListId: pl-m5e9rktsdcpbbq1234}\n';
    const found = (await lintFiles({ 'spec.yaml': text })).filter((f) => f.ruleId === 'rule-classic-prefix-list');
    expect(found.map((f) => [f.errorCode, f.severity, f.span.line, f.span.column])).toEqual([['NotSupported.ClassicNetworkPrefixList', 'warning', 4, 91]]);
  });

  it('invalid: port lists with a protocol without ports or on a classic group; IPv6 on a classic group', async () => {
    const classic = 'securityGroups:\n  - RegionId: cn-qingdao\n    Permissions:\n      - {IpProtocol: tcp, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8}\n      - {IpProtocol: tcp, PortRange: 443/443, Ipv6SourceCidrIp: "2001:db8::/32"}\n      - {Direction: egress, IpProtocol: tcp, PortRange: 443/443, Ipv6DestCidrIp: "2001:db8::/32"}\n';
    expect(await findings({ 'spec.yaml': classic })).toEqual([
      at(classic, 'prl-2ze9743abcd', 'rule-classic-port-list', null),
      at(classic, '"2001:db8::/32"', 'rule-classic-ipv6', null),
      at(classic, '"2001:db8::/32"', 'rule-classic-ipv6', null, 2),
    ]);
    const icmp = spec([R('IpProtocol: icmp, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8'), R('IpProtocol: gre, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8'), R('IpProtocol: all, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8'), R('IpProtocol: icmp, PortRange: -1/-1, PortRangeListId: prl-2ze9743abcd, SourceCidrIp: 10.0.0.0/8')]);
    expect(await findings({ 'spec.yaml': icmp })).toEqual([
      at(icmp, 'prl-2ze9743abcd', 'rule-port-list-protocol', 'InvalidParam.ProtocolNotSupportPortRangeList'),
      at(icmp, 'prl-2ze9743abcd', 'rule-port-list-protocol', 'InvalidParam.ProtocolNotSupportPortRangeList', 2),
    ]);
  });

  it('valid: enterprise group with CIDR rules and Policy accept', async () => {
    const text = spec([R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Policy: accept`)], ['SecurityGroupType: enterprise']);
    expect(await findings({ 'spec.yaml': text })).toEqual([]);
  });

  it('unknown values are skipped, never guessed (flattened form, YAML null)', async () => {
    const text = 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nPermissions.1.IpProtocol: tcp\nPermissions.1.PortRange: 22/22\nPermissions.1.SourceCidrIp: 10.0.0.0/8\nPermissions.1.Priority: 300\n';
    expect(await findings({ 'req.yaml': text })).toEqual([at(text, '300', 'rule-priority-invalid', 'InvalidPriority.Malformed')]);
  });

  it('a list where a scalar belongs is reported on the value (as the input\'s shape, not checked further)', async () => {
    const text = spec(['{IpProtocol: [tcp], PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}']);
    expect((await lintFiles({ 'spec.yaml': text })).map(key)).toEqual([at(text, '[tcp]', 'spec-shape', null)]);
  });
});

describe('quotas and request size', () => {
  const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

  it('21 group-reference rules in a basic group: the 21st is reported', async () => {
    const text = spec(many(21, (i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceGroupId: sg-bp67acfmxazb4p00${String(i).padStart(2, '0')}}`));
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, 'sg-bp67acfmxazb4p0020', 'rule-group-reference-limit', 'AuthorizedGroupRule.LimitExceed')]);
  });

  it('20 group-reference rules (ingress and egress together) are allowed', async () => {
    const text = spec([
      ...many(10, (i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceGroupId: sg-bp67acfmxazb4p1234}`),
      ...many(10, (i) => `{Direction: egress, IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, DestGroupId: sg-bp67acfmxazb4p1234}`),
    ]);
    expect(await findings({ 'spec.yaml': text })).toEqual([]);
  });

  it('rules over quota.rulesPerGroup (warning): each extra rule is reported', async () => {
    const text = spec([R(`${TCP22}, SourceCidrIp: 10.0.0.0/8`), R('IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8'), R('Direction: egress, IpProtocol: tcp, PortRange: 80/80, DestCidrIp: 10.0.0.0/8')]);
    expect(await findings({ 'spec.yaml': text }, { quota: { securityGroupsPerRegion: 100, rulesPerGroup: 2 } })).toEqual([
      at(text, '{Direction: egress, IpProtocol: tcp, PortRange: 80/80, DestCidrIp: 10.0.0.0/8}', 'rule-quota', 'AuthorizationLimitExceed'),
    ]);
  });

  it('the default quota is 200 rules per group', async () => {
    const ok = spec(many(100, (i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceCidrIp: 10.0.0.0/8}`).concat(many(100, (i) => `{Direction: egress, IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, DestCidrIp: 10.0.0.0/8}`)));
    expect(await findings({ 'spec.yaml': ok })).toEqual([]);
    const over = ok + '      - {Direction: egress, IpProtocol: udp, PortRange: 1/1, DestCidrIp: 10.0.0.0/8}\n';
    // 100 rules per direction is also the request limit: the 201st rule exceeds both.
    const extra = '{Direction: egress, IpProtocol: udp, PortRange: 1/1, DestCidrIp: 10.0.0.0/8}';
    expect(await findings({ 'spec.yaml': over })).toEqual([at(over, extra, 'rule-quota', 'AuthorizationLimitExceed'), at(over, extra, 'rule-request-too-many', null)]);
  });

  it('101 rules in one request: the 101st is reported, with no API code', async () => {
    const text = spec(many(101, (i) => `{IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceCidrIp: 10.0.0.0/8}`));
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, '{IpProtocol: tcp, PortRange: 101/101, SourceCidrIp: 10.0.0.0/8}', 'rule-request-too-many', null)]);
  });
});

describe('empty and odd values', () => {
  it('empty or null optional fields mean "not set"; booleans and lists are reported where written', async () => {
    const text = spec([
      R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: , Policy: "", NicType: , Description: ""`),
      R('IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8, Priority: true, Policy: [accept]'),
      R('IpProtocol: tcp, PortRange: true, SourceCidrIp: 10.0.0.0/8'),
    ]);
    expect((await lintFiles({ 'spec.yaml': text })).map(key)).toEqual([
      at(text, 'Priority: «true»', 'rule-priority-invalid', 'InvalidPriority.Malformed'),
      at(text, '[accept]', 'spec-shape', null),
      at(text, 'PortRange: «true»', 'rule-port-range-malformed', 'InvalidParam.PortRange'),
    ]);
  });

  it('a rule with a null Priority repeats one with the default priority', async () => {
    const text = spec([R(`${TCP22}, SourceCidrIp: 10.0.0.0/8`), R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: `)]);
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, `{${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: }`, 'rule-duplicate', 'InvalidParam.DuplicatePermissions')]);
  });
});
