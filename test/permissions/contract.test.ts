// AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress constraints in the native spec: rule id, API code, span.
import { describe, expect, it } from 'vitest';
import { at, findings, spec } from './helpers.ts';

type Hit = [needle: string, ruleId: string, errorCode: string | null, nth?: number];
type Case = [name: string, perms: string[], hits: Hit[], params?: string[]];

const R = (fields: string) => `{${fields}}`;
const TCP22 = 'IpProtocol: tcp, PortRange: 22/22';

const invalid: Case[] = [
  ['protocol unknown', [R('IpProtocol: http, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8')], [['http', 'rule-protocol-invalid', 'InvalidIpProtocol.ValueNotSupported']]],
  ['protocol number above 255', [R('IpProtocol: 256, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['256', 'rule-protocol-invalid', 'InvalidIpProtocol.ValueNotSupported']]],
  ['protocol missing (placed on the rule)', [R('PortRange: 80/80, SourceCidrIp: 10.0.0.0/8')], [['{PortRange: 80/80, SourceCidrIp: 10.0.0.0/8}', 'rule-protocol-invalid', 'InvalidIpProtocol.ValueNotSupported']]],
  ['protocol number outside the documented regions (warning)', [R('IpProtocol: 47, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['47', 'rule-protocol-number', 'InvalidIpProtocol.ValueNotSupported']]],
  ['PortRange missing', [R('IpProtocol: tcp, SourceCidrIp: 10.0.0.0/8')], [['{IpProtocol: tcp, SourceCidrIp: 10.0.0.0/8}', 'rule-port-range-missing', 'InvalidPortRange.Malformed']]],
  ['PortRange not start/end', [R('IpProtocol: tcp, PortRange: "22", SourceCidrIp: 10.0.0.0/8')], [['"22"', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange start > end', [R('IpProtocol: tcp, PortRange: 200/1, SourceCidrIp: 10.0.0.0/8')], [['200/1', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange 0/10', [R('IpProtocol: udp, PortRange: 0/10, SourceCidrIp: 10.0.0.0/8')], [['0/10', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange end 65536', [R('IpProtocol: tcp, PortRange: 1/65536, SourceCidrIp: 10.0.0.0/8')], [['1/65536', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange garbage for icmp', [R('IpProtocol: icmp, PortRange: any, SourceCidrIp: 10.0.0.0/8')], [['any', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['tcp with -1/-1', [R('IpProtocol: tcp, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['-1/-1', 'rule-port-range-protocol-mismatch', 'OperationDenied']]],
  ['icmp with 22/22', [R('IpProtocol: icmp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8')], [['22/22', 'rule-port-range-protocol-mismatch', 'OperationDenied']]],
  ['gre with 1/65535', [R('IpProtocol: GRE, PortRange: 1/65535, SourceCidrIp: 10.0.0.0/8')], [['1/65535', 'rule-port-range-protocol-mismatch', 'OperationDenied']]],
  ['SourcePortRange malformed', [R(`${TCP22}, SourcePortRange: 1024-2048, SourceCidrIp: 10.0.0.0/8`)], [['1024-2048', 'rule-source-port-range-malformed', 'InvalidSourcePortRange.Malformed']]],
  ['SourcePortRange out of bounds', [R(`${TCP22}, SourcePortRange: 1024/70000, SourceCidrIp: 10.0.0.0/8`)], [['1024/70000', 'rule-source-port-range-malformed', 'InvalidSourcePortRange.Malformed']]],
  ['Policy deny', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Policy: deny`)], [['deny', 'rule-policy-invalid', 'InvalidPolicy.Malformed']]],
  ['Priority 0', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: 0`)], [['Priority: «0»', 'rule-priority-invalid', 'InvalidPriority.Malformed']]],
  ['Priority "101"', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: "101"`)], [['"101"', 'rule-priority-invalid', 'InvalidPriority.Malformed']]],
  ['Priority 1.5', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: 1.5`)], [['1.5', 'rule-priority-invalid', 'InvalidPriority.Malformed']]],
  ['NicType public', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, NicType: public`)], [['public', 'rule-nic-type-invalid', 'InvalidNicType.ValueNotSupported']]],
  ['NicType internet on a VPC group', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, NicType: internet`)], [['internet', 'rule-nic-type-mismatch', 'InvalidNicType.Mismatch']]],
  ['ingress without source', [R('IpProtocol: tcp, PortRange: 443/443')], [['{IpProtocol: tcp, PortRange: 443/443}', 'rule-source-missing', 'MissingParameter.Source']]],
  ['ingress with an empty source', [R('IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: ""')], [['{IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: ""}', 'rule-source-missing', 'MissingParameter.Source']]],
  ['egress without destination (a source is not enough)', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8')], [['{Direction: egress, IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8}', 'rule-dest-missing', 'MissingParameter.Dest']]],
  ['SourceCidrIp octet 256', [R(`${TCP22}, SourceCidrIp: 10.0.0.256/8`)], [['10.0.0.256/8', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp prefix 33', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/33`)], [['10.0.0.0/33', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp with three octets', [R(`${TCP22}, SourceCidrIp: 10.0.0/24`)], [['10.0.0/24', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp with a leading zero', [R(`${TCP22}, SourceCidrIp: 10.0.0.01`)], [['10.0.0.01', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp holding IPv6', [R(`${TCP22}, SourceCidrIp: "2001:db8::/32"`)], [['"2001:db8::/32"', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['DestCidrIp malformed', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 1.2.3.4/')], [['1.2.3.4/', 'rule-dest-cidr-malformed', 'InvalidDestCidrIp.Malformed']]],
  ['Ipv6SourceCidrIp with two ::', [R(`${TCP22}, Ipv6SourceCidrIp: "2001::db8::1"`)], [['"2001::db8::1"', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6SourceCidrIp prefix 129', [R(`${TCP22}, Ipv6SourceCidrIp: "2001:db8::/129"`)], [['"2001:db8::/129"', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6SourceCidrIp with nine groups', [R(`${TCP22}, Ipv6SourceCidrIp: "1:2:3:4:5:6:7:8:9"`)], [['"1:2:3:4:5:6:7:8:9"', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6SourceCidrIp holding IPv4', [R(`${TCP22}, Ipv6SourceCidrIp: 10.0.0.0/8`)], [['10.0.0.0/8', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6DestCidrIp with a 5-digit group', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, Ipv6DestCidrIp: "2001:db8:12345::/48"')], [['"2001:db8:12345::/48"', 'rule-ipv6-dest-cidr-malformed', 'InvalidParam.Ipv6DestCidrIp']]],
  ['IPv4 and IPv6 source', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Ipv6SourceCidrIp: "2001:db8::/32"`)], [['"2001:db8::/32"', 'rule-source-ip-family-conflict', 'InvalidParam.SourceIp']]],
  ['IPv4 and IPv6 destination', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 10.0.0.0/8, Ipv6DestCidrIp: "2001:db8::/32"')], [['"2001:db8::/32"', 'rule-dest-ip-family-conflict', 'InvalidParam.DestIp']]],
  ['icmp with IPv6', [R('IpProtocol: icmp, PortRange: -1/-1, Ipv6SourceCidrIp: "2001:db8::/32"')], [['"2001:db8::/32"', 'rule-icmp-with-ipv6', 'InvalidParam.Ipv4ProtocolConflictWithIpv6Address']]],
  ['icmpv6 with IPv4', [R('IpProtocol: ICMPv6, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['10.0.0.0/8', 'rule-icmpv6-with-ipv4', 'InvalidParam.Ipv6ProtocolConflictWithIpv4Address']]],
  ['Description of 513 characters', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Description: ${'d'.repeat(513)}`)], [['d'.repeat(513), 'rule-description-malformed', 'InvalidSecurityGroupDiscription.Malformed']]],
  [
    'duplicate rule (protocol case, default priority, equal CIDR forms; description ignored)',
    [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8`), R('IpProtocol: TCP, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: "1", Policy: Accept, Description: again')],
    [['{IpProtocol: TCP, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: "1", Policy: Accept, Description: again}', 'rule-duplicate', 'InvalidParam.DuplicatePermissions']],
  ],
  [
    'duplicate IPv6 rule written in two forms',
    [R(`${TCP22}, Ipv6SourceCidrIp: "2001:db8::/32"`), R(`${TCP22}, Ipv6SourceCidrIp: "2001:0db8:0:0::/32"`)],
    [[`{${TCP22}, Ipv6SourceCidrIp: "2001:0db8:0:0::/32"}`, 'rule-duplicate', 'InvalidParam.DuplicatePermissions']],
  ],
  ['SourceGroupId on an enterprise group', [R(`${TCP22}, SourceGroupId: sg-bp67acfmxazb4p1234`)], [['sg-bp67acfmxazb4p1234', 'rule-enterprise-group-reference', 'InvalidGroupParameter.OperationDenied']], ['SecurityGroupType: enterprise']],
  ['DestGroupId on an enterprise group', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestGroupId: sg-bp67acfmxazb4p1234')], [['sg-bp67acfmxazb4p1234', 'rule-enterprise-group-reference', 'InvalidGroupParameter.OperationDenied']], ['SecurityGroupType: enterprise']],
  ['Policy drop on an enterprise group (warning)', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Policy: drop`)], [['drop', 'rule-enterprise-policy-drop', 'InvalidGroupParameter.OperationDenied']], ['SecurityGroupType: enterprise']],
];

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

  it('valid: enterprise group with CIDR rules and Policy accept', async () => {
    const text = spec([R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Policy: accept`)], ['SecurityGroupType: enterprise']);
    expect(await findings({ 'spec.yaml': text })).toEqual([]);
  });

  it('unknown values are skipped, never guessed (flattened form, YAML null)', async () => {
    const text = 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nPermissions.1.IpProtocol: tcp\nPermissions.1.PortRange: 22/22\nPermissions.1.SourceCidrIp: 10.0.0.0/8\nPermissions.1.Priority: 300\n';
    expect(await findings({ 'req.yaml': text })).toEqual([at(text, '300', 'rule-priority-invalid', 'InvalidPriority.Malformed')]);
  });

  it('a list where a scalar belongs is reported on the value', async () => {
    const text = spec(['{IpProtocol: [tcp], PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}']);
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, '[tcp]', 'rule-protocol-invalid', 'InvalidIpProtocol.ValueNotSupported')]);
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
