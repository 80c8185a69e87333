// The same rule and exposure cases as ROS templates (inline SecurityGroupIngress/Egress), plus the
// ROS-only shapes: standalone Ingress/Egress resources, Ingresses lists, references between groups.
import { describe, expect, it } from 'vitest';
import { at, findings } from './helpers.ts';
import { rosTemplate } from '../../rules/permissions/util.ts';
import { ANY, R, TCP22, contractCases, exposureCases } from './cases.ts';

const EGRESS = 'Direction: egress, ';

/** A ROS template: group WebSg (VPC) with the rules inline; `Direction: egress` rules go to SecurityGroupEgress. */
function template(perms: string[], params: string[] = [], extra: string[] = []): string {
  const egress = perms.filter((p) => p.includes(EGRESS)).map((p) => p.replace(EGRESS, ''));
  const ingress = perms.filter((p) => !p.includes(EGRESS));
  return rosTemplate(
    [
      ...params,
      ...(ingress.length ? ['SecurityGroupIngress:', ...ingress.map((p) => `  - ${p}`)] : []),
      ...(egress.length ? ['SecurityGroupEgress:', ...egress.map((p) => `  - ${p}`)] : []),
    ],
    extra,
  );
}

/** A resource of the template, as `extra` lines: `Name:`, its Type and its Properties written in flow style. */
const resource = {
  group: (name: string, props: string) => [`${name}:`, '  Type: ALIYUN::ECS::SecurityGroup', `  Properties: {${props}}`],
  ingress: (name: string, props: string) => [`${name}:`, '  Type: ALIYUN::ECS::SecurityGroupIngress', `  Properties: {${props}}`],
  egress: (name: string, props: string) => [`${name}:`, '  Type: ALIYUN::ECS::SecurityGroupEgress', `  Properties: {${props}}`],
};

const lint = (text: string) => findings({ 'template.ros.yaml': text }, { region: 'cn-hangzhou' });

describe('rule API constraints (ROS inline rules)', () => {
  for (const [name, perms, hits, params] of contractCases) {
    // ROS authorises each inline rule in its own call, where an identical rule is an idempotent no-op:
    // inline repeats are no request duplicates (an Ingresses list is one request, tested below).
    const expected = hits.filter(([, id]) => id !== 'rule-duplicate');
    it(`invalid: ${name}${expected.length < hits.length ? ' (inline rules are separate requests: no duplicate)' : ''}`, async () => {
      const text = template(perms, params);
      expect(await lint(text)).toEqual(expected.map(([needle, id, code, n]) => at(text, needle.replace(EGRESS, ''), id, code, n)));
    });
  }

  it('valid: correct rules of every protocol', async () => {
    const text = template([
      R('IpProtocol: tcp, PortRange: 1/65535, SourceCidrIp: 10.0.0.0/8, Policy: accept, Priority: 100, NicType: intranet'),
      R('IpProtocol: icmpv6, PortRange: -1/-1, Ipv6SourceCidrIp: "fe80::1"'),
      R('IpProtocol: gre, PortRange: -1/-1, SourceGroupId: sg-bp67acfmxazb4p1234'),
      R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 10.0.0.0/8'),
    ]);
    expect(await lint(text)).toEqual([]);
  });
});

describe('exposure (ROS inline rules)', () => {
  for (const [name, perms, hits] of exposureCases) {
    it(name, async () => {
      const text = template(perms);
      expect(await lint(text)).toEqual(hits.map(([needle, id, n]) => at(text, needle.replace(EGRESS, ''), id, null, n)));
    });
  }

  it('a drop rule in a standalone resource of the same group hides an inline exposure', async () => {
    const text = template([R(`${TCP22}, ${ANY}, Priority: 10`)], [], resource.ingress('DenySsh', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, ${ANY}, Policy: drop, Priority: 1`));
    expect(await lint(text)).toEqual([]);
  });
});

describe('ROS standalone rule resources and references', () => {
  it('NicType internet with a CIDR on a VPC group is a warning, inline and standalone, in both directions', async () => {
    const text = template([R(`${EGRESS}IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 10.0.0.0/8, NicType: internet`)], [], [
      ...resource.ingress('Web', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceCidrIp: 192.168.0.0/16, NicType: internet`),
    ]);
    expect(await lint(text)).toEqual([at(text, 'internet', 'rule-nic-type-vpc-internet', 'InvalidNicType.Mismatch'), at(text, 'internet', 'rule-nic-type-vpc-internet', 'InvalidNicType.Mismatch', 2)]);
  });

  it('a standalone Ingress on a group of the template is checked (enterprise group reference)', async () => {
    const text = template([], ['SecurityGroupType: enterprise'], resource.ingress('Ssh', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: sg-bp67acfmxazb4p1234`));
    expect(await lint(text)).toEqual([at(text, 'sg-bp67acfmxazb4p1234', 'rule-enterprise-group-reference', 'InvalidGroupParameter.OperationDenied')]);
  });

  it('a standalone Egress on an existing group (not in the inputs) still gets field checks, not group checks', async () => {
    const text = template([], [], resource.egress('Out', `SecurityGroupId: sg-existing1234, IpProtocol: tcp, PortRange: 443/80, DestGroupId: sg-bp67acfmxazb4p1234, NicType: internet`));
    expect(await lint(text)).toEqual([at(text, '443/80', 'rule-port-range-malformed', 'InvalidParam.PortRange'), at(text, 'internet', 'rule-nic-type-mismatch', 'InvalidNicType.Mismatch')]);
  });

  it('a rule referencing the group it is added to (warnings, per direction)', async () => {
    const text = template([], [], [
      ...resource.ingress('SelfIn', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: WebSg}`),
      ...resource.egress('SelfOut', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, DestGroupId: {Ref: WebSg}`),
    ]);
    expect(await lint(text)).toEqual([
      at(text, 'SourceGroupId: «{Ref: WebSg}»', 'rule-source-group-self', 'InvalidParamter.Conflict'),
      at(text, 'DestGroupId: «{Ref: WebSg}»', 'rule-dest-group-self', 'InvalidSecurityGroup.IsSame'),
    ]);
  });

  it('a rule naming its own group beside a CIDR block: the CIDR wins and the group is not read, so no self-reference warning', async () => {
    const text = template([], [], [
      ...resource.ingress('SelfIn', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: WebSg}, SourceCidrIp: 10.0.0.0/8`),
      ...resource.egress('SelfOut', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, DestGroupId: {Ref: WebSg}, DestCidrIp: 10.0.0.0/8`),
    ]);
    expect(await lint(text)).toEqual([]);
  });

  it('beside a CIDR block, a reference to an enterprise group or a group of another VPC is not read, and does not count toward the 20', async () => {
    const text = template([], [], [
      ...resource.group('DbSg', 'VpcId: vpc-bp1opxu1zkhn00gzv1234, SecurityGroupType: enterprise'),
      ...resource.group('FarSg', 'VpcId: vpc-uf6aamu2nomfr1thd1234'),
      ...resource.ingress('FromDb', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: DbSg}, SourceCidrIp: 10.0.0.0/8`),
      ...resource.ingress('FromFar', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: FarSg}, SourceCidrIp: 10.0.0.0/8`),
      // 19 rules that reference a group only: with the two above, 21 rules name a group, 19 authorise one.
      ...Array.from({ length: 19 }, (_, i) => resource.ingress(`Peer${i}`, `SecurityGroupId: {Ref: WebSg}, IpProtocol: tcp, PortRange: ${i + 100}/${i + 100}, SourceGroupId: sg-bp67acfmxazb4p1234`)).flat(),
    ]);
    expect(await lint(text)).toEqual([]);
  });

  it('a rule referencing an enterprise group of the template; a basic one is fine', async () => {
    const text = template([], [], [
      ...resource.group('DbSg', 'VpcId: vpc-bp1opxu1zkhn00gzv1234, SecurityGroupType: enterprise'),
      ...resource.group('AppSg', 'VpcId: vpc-bp1opxu1zkhn00gzv1234'),
      ...resource.ingress('FromDb', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: DbSg}`),
      ...resource.ingress('FromApp', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: AppSg}`),
    ]);
    expect(await lint(text)).toEqual([at(text, '{Ref: DbSg}', 'rule-references-enterprise-group', 'InvalidGroupAuthParameter.OperationDenied')]);
  });

  it('a group reference across VPCs (ingress and egress); the same VPC resource is fine', async () => {
    const text = template([], [], [
      'Vpc2:',
      '  Type: ALIYUN::ECS::VPC',
      '  Properties: {CidrBlock: 172.16.0.0/12}',
      ...resource.group('FarSg', 'VpcId: {Ref: Vpc2}'),
      ...resource.group('NearSg', 'VpcId: vpc-bp1opxu1zkhn00gzv1234'),
      ...resource.ingress('FromFar', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: FarSg}`),
      ...resource.egress('ToFar', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, DestGroupId: {Ref: FarSg}`),
      ...resource.ingress('FromNear', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: NearSg}`),
    ]);
    expect(await lint(text)).toEqual([
      at(text, 'SourceGroupId: «{Ref: FarSg}»', 'rule-source-group-other-vpc', 'InvalidSourceGroupId.Mismatch'),
      at(text, 'DestGroupId: «{Ref: FarSg}»', 'rule-dest-group-other-vpc', 'InvalidDestGroupId.Mismatch'),
    ]);
  });

  it('a group reference across network types (VPC to classic, classic to VPC, egress); a CIDR beside the reference wins', async () => {
    const text = template([], [], [
      ...resource.group('ClassicSg', 'SecurityGroupName: classic'),
      ...resource.ingress('FromClassic', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceGroupId: {Ref: ClassicSg}`),
      ...resource.egress('ToWeb', `SecurityGroupId: {Ref: ClassicSg}, ${TCP22}, DestGroupId: {Ref: WebSg}`),
      ...resource.ingress('CidrWins', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceCidrIp: 10.0.0.0/8, SourceGroupId: {Ref: ClassicSg}`),
    ]);
    expect(await lint(text)).toEqual([
      at(text, 'SourceGroupId: «{Ref: ClassicSg}»', 'rule-group-network-type-conflict', 'InvalidNetworkType.Conflict'),
      at(text, 'DestGroupId: «{Ref: WebSg}»', 'rule-group-network-type-conflict', 'InvalidNetworkType.Conflict'),
    ]);
  });

  it('an Ingresses resource is one request: duplicates and the 100-permission limit', async () => {
    const perms = Array.from({ length: 101 }, (_, i) => `      - {IpProtocol: tcp, PortRange: ${i + 1}/${i + 1}, SourceCidrIp: 10.0.0.0/8}`);
    const text = template([], [], ['Many:', '  Type: ALIYUN::ECS::SecurityGroupIngresses', '  Properties:', '    SecurityGroupId: {Ref: WebSg}', '    Permissions:', ...perms.map((p) => `  ${p}`), '        - {IpProtocol: tcp, PortRange: 1/1, SourceCidrIp: 10.0.0.0/8}']);
    const last = '{IpProtocol: tcp, PortRange: 1/1, SourceCidrIp: 10.0.0.0/8}';
    expect(await lint(text)).toEqual([
      at(text, '{IpProtocol: tcp, PortRange: 101/101, SourceCidrIp: 10.0.0.0/8}', 'rule-request-too-many', null),
      at(text, last, 'rule-duplicate', 'InvalidParam.DuplicatePermissions', 2),
      at(text, last, 'rule-request-too-many', null, 2),
    ]);
  });

  it('the same rule inline and in a standalone resource are two requests: no duplicate', async () => {
    const text = template([R(`${TCP22}, SourceCidrIp: 10.0.0.0/8`)], [], resource.ingress('Again', `SecurityGroupId: {Ref: WebSg}, ${TCP22}, SourceCidrIp: 10.0.0.0/8`));
    expect(await lint(text)).toEqual([]);
  });

  it('values from parameters are checked where they are written; unresolved references are skipped', async () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Parameters:',
      '  Admin: {Type: String, Default: 0.0.0.0/0}',
      '  Other: {Type: String}',
      'Resources:',
      '  WebSg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      VpcId: vpc-bp1opxu1zkhn00gzv1234',
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: {Ref: Admin}}',
      '        - {IpProtocol: tcp, PortRange: 3306/3306, SourceCidrIp: {Ref: Other}}',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([at(text, '0.0.0.0/0', 'exposed-port', null)]);
  });

  it('both address families on one side: a parameter without a default is unknown and no conflict; one with a default is checked', async () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Parameters:',
      '  V4: {Type: String, Default: 10.0.0.0/8}',
      '  Any4: {Type: String}',
      '  Any6: {Type: String}',
      'Resources:',
      '  WebSg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      VpcId: vpc-bp1opxu1zkhn00gzv1234',
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: {Ref: Any4}, Ipv6SourceCidrIp: {Ref: Any6}}',
      '        - {IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8, Ipv6SourceCidrIp: {Ref: Any6}}',
      '        - {IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: {Ref: V4}, Ipv6SourceCidrIp: "2001:db8::/32"}',
      '      SecurityGroupEgress:',
      '        - {IpProtocol: tcp, PortRange: 22/22, DestCidrIp: {Ref: Any4}, Ipv6DestCidrIp: {Ref: Any6}}',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([at(text, '"2001:db8::/32"', 'rule-source-ip-family-conflict', 'InvalidParam.SourceIp')]);
  });

  it('address families of the two sides: a parameter without a default is unknown and not mixed; one with a default is checked', async () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Parameters:',
      '  V4: {Type: String, Default: 10.0.0.0/8}',
      '  Any4: {Type: String}',
      'Resources:',
      '  WebSg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      VpcId: vpc-bp1opxu1zkhn00gzv1234',
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: {Ref: Any4}, Ipv6DestCidrIp: "2001:db8:1::/48"}',
      '        - {IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: {Ref: V4}, Ipv6DestCidrIp: "2001:db8:2::/48"}',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([at(text, '"2001:db8:2::/48"', 'rule-ip-family-mixed', 'InvalidParameter.Conflict')]);
  });
});
