// ROS templates through the whole pipeline: rule id, API error code and span of every finding.
import { describe, expect, it } from 'vitest';
import { key, lintFiles, only } from '../helpers.ts';
import { fixture } from './load.ts';

const HEAD = "ROSTemplateFormatVersion: '2015-09-01'\n";

describe('fixtures', () => {
  it('app.ros.yaml: a bad parameter default is reported at the default, once for both Fn::If variants', async () => {
    const f = await lintFiles({ 'app.ros.yaml': fixture('app.ros.yaml') }, { region: 'cn-hangzhou' });
    expect(f.map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 10, column: 14, endLine: 10, endColumn: 21 },
      // The allow-all egress rule (info), and HttpIn referencing WebSg, which is enterprise with the default Env=prod.
      { ruleId: 'egress-unrestricted', errorCode: null, line: 54, column: 23, endLine: 54, endColumn: 32 },
      { ruleId: 'rule-references-enterprise-group', errorCode: 'InvalidGroupAuthParameter.OperationDenied', line: 69, column: 30, endLine: 69, endColumn: 54 },
    ]);
    expect(f[0]!.resource).toBe('Resources.WebSg');
    expect(f[0]!.message).toContain('app.ros.yaml:35:31');
  });

  it('app.ros.yaml with --parameter: the flag value is reported at the use site', async () => {
    const f = await lintFiles({ 'app.ros.yaml': fixture('app.ros.yaml') }, { region: 'cn-hangzhou', parameters: { GroupName: '9web' } });
    expect(f.map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 35, column: 31, endLine: 35, endColumn: 40 },
      { ruleId: 'egress-unrestricted', errorCode: null, line: 54, column: 23, endLine: 54, endColumn: 32 },
      { ruleId: 'rule-references-enterprise-group', errorCode: 'InvalidGroupAuthParameter.OperationDenied', line: 69, column: 30, endLine: 69, endColumn: 54 },
    ]);
  });

  it('app.ros.json: JSON template findings on the properties that cause them', async () => {
    const f = await lintFiles({ 'app.ros.json': fixture('app.ros.json') }, { region: 'eu-central-1' });
    expect(f.map(key)).toEqual([
      { ruleId: 'description-malformed', errorCode: 'InvalidDescription.Malformed', line: 16, column: 24, endLine: 16, endColumn: 47 },
      { ruleId: 'tag-key-malformed', errorCode: 'InvalidTagKey.Malformed', line: 17, column: 27, endLine: 17, endColumn: 40 },
      { ruleId: 'ros-unknown-property', errorCode: null, line: 19, column: 92, endLine: 19, endColumn: 101 },
    ]);
    expect(f.slice(0, 2).map((x) => x.resource)).toEqual(['Resources.DbSg', 'Resources.DbSg']);
  });

  it('broken.ros.yaml: a syntax error is a located parse-error', async () => {
    const f = await lintFiles({ 'broken.ros.yaml': fixture('broken.ros.yaml') });
    expect(f.map((x) => [x.ruleId, x.errorCode, x.span.line])).toEqual([['parse-error', null, 7]]);
  });

  it('cycle.ros.yaml: cycles and unknown names are reported, nothing hangs', async () => {
    const f = await lintFiles({ 'cycle.ros.yaml': fixture('cycle.ros.yaml') });
    expect(f.map((x) => [x.ruleId, `${x.span.line}:${x.span.column}`])).toEqual([
      ['ros-ref-cycle', '6:26'],
      ['ros-ref-cycle', '15:25'],
      ['ros-ref-cycle', '18:16'],
      ['ros-ref-unknown', '21:16'],
      ['ros-ref-unknown', '23:19'],
      ['ros-ref-unknown', '24:31'],
    ]);
  });
});

describe('templates written as the ROS documentation writes them produce no error or warning', () => {
  for (const name of ['docs-example.ros.yaml', 'docs-example.ros.json']) {
    for (const region of [undefined, 'cn-hangzhou', 'eu-central-1']) {
      it(`${name}, region ${region ?? 'not given'}`, async () => {
        const f = await lintFiles({ [name]: fixture(name) }, region ? { region } : {});
        // Only the documented allow-all egress rule, as an info for reviewers.
        expect(f.filter((x) => x.severity !== 'info').map(key)).toEqual([]);
        expect(f.filter((x) => x.severity === 'info').map((x) => x.ruleId)).toEqual(name.endsWith('.yaml') ? ['egress-unrestricted'] : []);
      });
    }
  }
});

describe('region', () => {
  const noVpc = `${HEAD}Resources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: web\n`;

  it('without a region, region-dependent checks are skipped, not failed', async () => {
    expect((await lintFiles({ 't.ros.yaml': noVpc })).map(key)).toEqual([]);
  });

  it('with a region, the group is checked there (VpcId required outside classic regions, at the resource)', async () => {
    const f = await lintFiles({ 't.ros.yaml': noVpc }, { region: 'eu-central-1' });
    expect(f.map(key)).toEqual([{ ruleId: 'vpc-required-in-region', errorCode: 'InvalidVpcId.NotFound', line: 3, column: 3, endLine: 6, endColumn: 29 }]);
    expect(f[0]!.resource).toBe('Resources.Sg');
  });

  it('an unknown region is reported at the resource Type, where the region applies', async () => {
    const f = only(await lintFiles({ 't.ros.yaml': noVpc }, { region: 'cn-hangzou' }), 'region-unknown');
    expect(f.map(key)).toEqual([{ ruleId: 'region-unknown', errorCode: 'InvalidRegionId.NotFound', line: 4, column: 11, endLine: 4, endColumn: 37 }]);
  });
});

describe('conditions', () => {
  const tpl = (type: string, vpc: string) =>
    `${HEAD}Conditions:\n  IsProd: !Equals [!Ref ALIYUN::Region, cn-hangzhou]\nResources:\n  Vpc:\n    Type: ALIYUN::ECS::VPC\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupType: ${type}\n      VpcId: ${vpc}\n`;

  it('each Fn::If branch is checked, the finding placed on its branch', async () => {
    const f = await lintFiles({ 't.ros.yaml': tpl('!If [IsProd, enterprise, basic]', '!Ref Vpc') });
    expect(f.map(key)).toEqual([{ ruleId: 'group-type-invalid', errorCode: 'InvalidParams.GroupType', line: 10, column: 51, endLine: 10, endColumn: 56 }]);
    expect(f[0]!.message).toContain('IsProd');
  });

  it('a resource with more Fn::If conditions than are combined: every branch is still checked', async () => {
    // Six conditions: one Fn::If per tag key, and a name nested three deep.
    const conds = Array.from({ length: 6 }, (_, i) => `  C${i}: !Equals [!Ref P${i}, x]`).join('\n');
    const params = Array.from({ length: 6 }, (_, i) => `  P${i}:\n    Type: String`).join('\n');
    const tags = Array.from({ length: 6 }, (_, i) => `        - Key: !If [C${i}, k${i}, "acs:k${i}"]\n          Value: v`).join('\n');
    const text =
      `${HEAD}Parameters:\n${params}\nConditions:\n${conds}\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n` +
      `      SecurityGroupName: !If [C0, !If [C1, !If [C2, web, 1c], 1b], 1a]\n      Tags:\n${tags}\n`;
    const f = await lintFiles({ 't.ros.yaml': text });
    // Line and column of the first text of `s` after `after` on its line.
    const lines = text.split('\n');
    const at = (after: string, s: string) => {
      const n = lines.findIndex((l) => l.includes(after));
      return [n + 1, lines[n]!.indexOf(s, lines[n]!.indexOf(after)) + 1];
    };
    expect(f.map((x) => [x.ruleId, x.errorCode, x.span.line, x.span.column])).toEqual([
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', ...at('SecurityGroupName', '1c')],
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', ...at('SecurityGroupName', '1b')],
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', ...at('SecurityGroupName', '1a')],
      ...Array.from({ length: 6 }, (_, i) => ['tag-key-malformed', 'InvalidTagKey.Malformed', ...at(`!If [C${i}, k${i}`, '"acs:')]),
    ]);
  });

  it('a property removed by one branch (ALIYUN::NoValue) is missing in that variant only', async () => {
    const f = await lintFiles({ 't.ros.yaml': tpl('enterprise', '!If [IsProd, !Ref Vpc, !Ref ALIYUN::NoValue]') });
    expect(f.map(key)).toEqual([{ ruleId: 'enterprise-needs-vpc', errorCode: 'InvalidParams.VpcIdGroupType', line: 10, column: 26, endLine: 10, endColumn: 36 }]);
  });
});

describe('a condition named by a plain string in Fn::And, Fn::Or and Fn::Not', () => {
  const conditions = (extra: string) =>
    `${HEAD}Parameters:\n  Env: {Type: String, AllowedValues: [dev, prod], Default: prod}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsDev: !Not IsProd\n  Any: !Or [IsProd, IsDev]\n${extra}`;
  const group = `Resources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: !If [IsProd, prod-web, !If [IsDev, dev-web, no such]]\n      Description: !If [Any, web servers, x]\n`;

  it('is evaluated: branches no parameter value reaches are not checked', async () => {
    expect((await lintFiles({ 't.ros.yaml': conditions(group) })).map(key)).toEqual([]);
  });

  it('must exist, and takes part in cycles', async () => {
    const f = await lintFiles({ 't.ros.yaml': conditions(`  Typo: !And [IsPrd, IsDev]\n  Loop: !Or [Loop2, IsProd]\n  Loop2: !Not [Loop]\n${group}`) });
    expect(f.map(key)).toEqual([
      { ruleId: 'ros-ref-unknown', errorCode: null, line: 8, column: 15, endLine: 8, endColumn: 20 },
      { ruleId: 'ros-ref-cycle', errorCode: null, line: 10, column: 16, endLine: 10, endColumn: 20 },
    ]);
  });
});

describe('a parameter default the conditions of a variant exclude is not the value used there', () => {
  const t = (extra: string) =>
    `${HEAD}Parameters:\n  VpcId: {Type: String, Default: ''}\n  Env: {Type: String, AllowedValues: [dev, prod], Default: dev}\nConditions:\n  HasVpc: !Not [!Equals [!Ref VpcId, '']]\n  IsProd: !Equals [!Ref Env, prod]\n  Enterprise: !And [IsProd, HasVpc]\nResources:\n${extra}`;

  it('an optional VpcId with an empty default: the group created only when it is given has one', async () => {
    const sg = `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Condition: HasVpc\n    Properties:\n      VpcId: !Ref VpcId\n`;
    expect((await lintFiles({ 't.ros.yaml': t(sg) }, { region: 'eu-central-1' })).map(key)).toEqual([]);
  });

  it('an enterprise group only when a VpcId is given: no InvalidParams.VpcIdGroupType', async () => {
    const sg = `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: !If [HasVpc, !Ref VpcId, !Ref ALIYUN::NoValue]\n      SecurityGroupType: !If [Enterprise, enterprise, normal]\n`;
    expect((await lintFiles({ 't.ros.yaml': t(sg) })).map(key)).toEqual([]);
  });

  it('the default is still checked in the variants it can reach', async () => {
    const sg = `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: !Ref VpcId\n      SecurityGroupName: !Sub 'web-\${Env}'\n      SecurityGroupType: !If [IsProd, enterprise, normal]\n`;
    expect((await lintFiles({ 't.ros.yaml': t(sg) }, { region: 'eu-central-1' })).map(key)).toEqual([
      // The empty VpcId is the parameter's default: reported where it is written.
      { ruleId: 'vpc-required-in-region', errorCode: 'InvalidVpcId.NotFound', line: 3, column: 34, endLine: 3, endColumn: 36 },
      { ruleId: 'enterprise-needs-vpc', errorCode: 'InvalidParams.VpcIdGroupType', line: 15, column: 39, endLine: 15, endColumn: 49 },
    ]);
  });
});

describe('CommaDelimitedList defaults', () => {
  it('an item is reported on its own text, plain or quoted; on the whole default when not written as is', async () => {
    const t =
      `${HEAD}Parameters:\n  Names: {Type: CommaDelimitedList, Default: "ok-name,bad name"}\n  Ports:\n    Type: CommaDelimitedList\n    Default: 22/22,0/0\n` +
      `  Folded:\n    Type: CommaDelimitedList\n    Default: >-\n      10.0.0.0/8,x\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n` +
      `      SecurityGroupName: !Select [1, !Ref Names]\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, PortRange: !Select [1, !Ref Ports], SourceCidrIp: !Select [1, !Ref Folded]}\n`;
    expect((await lintFiles({ 't.ros.yaml': t })).map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 3, column: 55, endLine: 3, endColumn: 63 },
      { ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line: 6, column: 20, endLine: 6, endColumn: 23 },
      { ruleId: 'rule-source-cidr-malformed', errorCode: 'InvalidSourceCidrIp.Malformed', line: 9, column: 14, endLine: 10, endColumn: 19 },
    ]);
  });
});

describe('CommaDelimitedList items are space-trimmed', () => {
  it('`web, db` names `db`, not ` db`; a bad item is placed on its text without the spaces', async () => {
    const sg = (names: string) =>
      `${HEAD}Parameters:\n  Names: {Type: CommaDelimitedList, Default: "${names}"}\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n` +
      `      SecurityGroupName: !Select [1, !Ref Names]\n`;
    expect((await lintFiles({ 't.ros.yaml': sg('web, db') })).map(key)).toEqual([]);
    expect((await lintFiles({ 't.ros.yaml': sg('web,  1db ') })).map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 3, column: 53, endLine: 3, endColumn: 56 },
    ]);
  });
});

describe('a list or a mapping for a property that takes one value', () => {
  it('is a ros-shape error at the value, in a group, a tag and a rule; intrinsic functions are values', async () => {
    const text =
      `${HEAD}Resources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: [web]\n` +
      `      Description: {Fn::Base64Encode: x}\n      Tags:\n        - Key: {k: v}\n          Value: v\n` +
      `      SecurityGroupIngress:\n        - IpProtocol: tcp\n          PortRange: [22/22]\n          SourceCidrIp: 10.0.0.0/8\n` +
      `  In:\n    Type: ALIYUN::ECS::SecurityGroupIngress\n    Properties:\n      SecurityGroupId: !Ref Sg\n      IpProtocol: [tcp]\n      PortRange: 22/22\n      SourceCidrIp: 10.0.0.0/8\n`;
    const f = await lintFiles({ 't.ros.yaml': text });
    expect(f.map((x) => [x.ruleId, x.span.line, x.span.column])).toEqual([
      ['ros-shape', 6, 26],
      ['ros-shape', 9, 16],
      ['ros-shape', 13, 22],
      ['ros-shape', 19, 19],
    ]);
  });
});

describe('a number given for a string property', () => {
  it('is the text written, in YAML (also through an alias) and JSON: `2.0` is three characters', async () => {
    const yaml =
      `${HEAD}Metadata:\n  x-release: &release 1.0\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
      `      SecurityGroupName: 2.0\n      Description: 2.0\n      Tags:\n        - {Key: k, Value: *release}\n` +
      `      SecurityGroupIngress:\n        - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: 1, Description: 1.0}\n`;
    expect((await lintFiles({ 't.ros.yaml': yaml })).map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 9, column: 26, endLine: 9, endColumn: 29 },
    ]);
    const json = '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"Sg": {"Type": "ALIYUN::ECS::SecurityGroup", "Properties": {"VpcId": "vpc-bp1opxu1zkhn00gzv1234", "SecurityGroupName": 2.0, "Description": 1.0}}}}\n';
    expect((await lintFiles({ 't.ros.json': json })).map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 1, column: 177, endLine: 1, endColumn: 180 },
    ]);
  });
});

describe('a list property with no value', () => {
  it('is not set, as any property with no value: Tags, SecurityGroupIngress and Permissions', async () => {
    const text =
      `${HEAD}Resources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      SecurityGroupName: 1web\n` +
      `      Tags:\n      SecurityGroupIngress: ~\n  In:\n    Type: ALIYUN::ECS::SecurityGroupIngresses\n    Properties:\n      SecurityGroupId: !Ref Sg\n      Permissions:\n`;
    const f = await lintFiles({ 't.ros.yaml': text });
    expect(f.map(key)).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 7, column: 26, endLine: 7, endColumn: 30 }]);
  });
});

describe('values that cannot be known are skipped, never guessed', () => {
  it('a parameter without Default, a resource attribute and an unevaluated function', async () => {
    const t = `${HEAD}Parameters:\n  Name:\n    Type: String\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: !Ref Name\n      Description: !Base64 x\n      VpcId: !GetAtt Other.VpcId\n  Other:\n    Type: ALIYUN::ECS::VPC\n`;
    expect((await lintFiles({ 't.ros.yaml': t }, { region: 'eu-central-1' })).map(key)).toEqual([]);
  });
});

describe('a local variable (Locals) named by Ref', () => {
  // Sg's SourceCidrIp names the local AdminCidr (line 11, columns 86-95); Missing is named nowhere.
  const t = (ref: string) =>
    `${HEAD}Locals:\n  AdminCidr:\n    Type: Macro\n    Value: 0.0.0.0/0\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
    `      SecurityGroupIngress: [{IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: {Ref: ${ref}}}]\n`;

  it('is a name of the template: no ros-ref-unknown, and its value is not known (no finding on it)', async () => {
    expect((await lintFiles({ 't.ros.yaml': t('AdminCidr') }, { region: 'cn-hangzhou' })).map(key)).toEqual([]);
  });

  it('a name that is neither a local, a parameter nor a resource is still reported', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': t('Missing') }, { region: 'cn-hangzhou' }), 'ros-ref-unknown').map(key)).toEqual([
      { ruleId: 'ros-ref-unknown', errorCode: null, line: 11, column: 86, endLine: 11, endColumn: 93 },
    ]);
  });
});

describe('a mistake outside any Fn::If, in a resource read once per condition value', () => {
  it('is reported once, though its value is known in one reading and only in part in the other', async () => {
    // With IsProd false, Env is not its default: only the start of the tag value is known there.
    const t =
      `${HEAD}Parameters:\n  Env:\n    Type: String\n    Default: prod\nConditions:\n  IsProd: !Equals [prod, !Ref Env]\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n` +
      `      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      SecurityGroupName: !If [IsProd, web, web-dev]\n      Tags:\n        - Key: docs\n          Value: !Sub 'https://wiki/\${Env}'\n`;
    expect((await lintFiles({ 't.ros.yaml': t }, { region: 'cn-hangzhou' })).map(key)).toEqual([
      { ruleId: 'tag-value-malformed', errorCode: 'InvalidTagValue.Malformed', line: 16, column: 23, endLine: 16, endColumn: 44 },
    ]);
  });
});

describe('one mistake found by several readings', () => {
  it('is an error when one reading finds an error, whichever branch comes first', async () => {
    const t = (branches: string) =>
      `${HEAD}Parameters:\n  Env: {Type: String, Default: prod}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n` +
      `      SecurityGroupName: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          PortRange: 22/22\n          SourcePrefixListId: pl-x1j1k5ykzqlixdcy1234\n          SourceCidrIp: !If [IsProd, ${branches}]\n`;
    for (const branches of ['!Ref ALIYUN::NoValue, 10.0.0.0/8', '10.0.0.0/8, !Ref ALIYUN::NoValue']) {
      const found = only(await lintFiles({ 't.ros.yaml': t(branches) }, { region: 'cn-hangzhou' }), 'rule-classic-prefix-list');
      expect(found.map((f) => [f.severity, f.span.line, f.span.column]), branches).toEqual([['error', 14, 31]]);
    }
  });
});

describe('quota with conditions', () => {
  it('a group read once per Fn::If branch counts once against the region quota', async () => {
    const t = `${HEAD}Parameters:\n  Env: {Type: String, Default: prod, AllowedValues: [prod, dev]}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Vpc:\n    Type: ALIYUN::ECS::VPC\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: !GetAtt Vpc.VpcId\n      SecurityGroupName: !If [IsProd, web-prod, web-dev]\n`;
    const quota = (n: number) => ({ region: 'cn-hangzhou', quota: { securityGroupsPerRegion: n, rulesPerGroup: 200 } });
    expect(only(await lintFiles({ 't.ros.yaml': t }, quota(1)), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': t }, quota(0)), 'group-quota').map(key)).toEqual([
      { ruleId: 'group-quota', errorCode: 'QuotaExceed.SecurityGroup', line: 9, column: 3, endLine: 13, endColumn: 57 },
    ]);
  });
});

describe('standalone rules with conditions', () => {
  // A rule resource whose properties use Fn::If is read once per branch; the branches are alternatives
  // that never exist together, so they must not add up in the counts of the group they are added to.
  const template = (n: number, policy = 'accept') =>
    `${HEAD}Parameters:\n  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n` +
    `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
    `  Peer:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
    `  FromPeer:\n    Type: ALIYUN::ECS::SecurityGroupIngresses\n    Properties:\n      SecurityGroupId: !Ref Sg\n      Permissions:\n` +
    Array.from({ length: n }, (_, i) => `        - {IpProtocol: tcp, PortRange: ${8000 + i}/${8000 + i}, SourceGroupId: !Ref Peer, Policy: ${policy}, Description: !If [IsProd, prod, dev]}\n`).join('');

  it('11 group-referencing rules in each of two branches are 11, not 22', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template(11) }, { region: 'cn-hangzhou' }), 'rule-group-reference-limit')).toEqual([]);
  });

  it('21 in each branch: the 21st of one branch is reported, once', async () => {
    const f = only(await lintFiles({ 't.ros.yaml': template(21) }, { region: 'cn-hangzhou' }), 'rule-group-reference-limit');
    // Line 20 holds the first permission; the 21st is on line 40, its SourceGroupId's `Peer` at column 71.
    expect(f.map(key)).toEqual([
      { ruleId: 'rule-group-reference-limit', errorCode: 'AuthorizedGroupRule.LimitExceed', line: 40, column: 71, endLine: 40, endColumn: 75 },
    ]);
    expect(f[0]!.message).toContain('21 rules');
  });

  it('the rule quota counts one branch', async () => {
    const quota = (n: number) => ({ region: 'cn-hangzhou', quota: { securityGroupsPerRegion: 100, rulesPerGroup: n } });
    expect(only(await lintFiles({ 't.ros.yaml': template(3) }, quota(3)), 'rule-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template(3) }, quota(2)), 'rule-quota').map((x) => key(x).line)).toEqual([22]);
  });

  it("a drop rule in one branch does not hide an open port in the other branch's world", async () => {
    const t =
      `${HEAD}Parameters:\n  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n` +
      `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
      `      SecurityGroupIngress:\n        - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 0.0.0.0/0, Priority: 2}\n` +
      `  Guard:\n    Type: ALIYUN::ECS::SecurityGroupIngress\n    Properties:\n      SecurityGroupId: !Ref Sg\n      IpProtocol: tcp\n      PortRange: 22/22\n      SourceCidrIp: 0.0.0.0/0\n      Priority: 1\n      Policy: !If [IsProd, drop, accept]\n`;
    const f = await lintFiles({ 't.ros.yaml': t }, { region: 'cn-hangzhou' });
    // The inline rule is open when Env is dev (Guard accepts); Guard itself is open in that branch too.
    expect(only(f, 'exposed-port').map(key)).toEqual([
      { ruleId: 'exposed-port', errorCode: null, line: 12, column: 61, endLine: 12, endColumn: 70 },
      { ruleId: 'exposed-port', errorCode: null, line: 19, column: 21, endLine: 19, endColumn: 30 },
    ]);
  });
});

describe('references to a group read once per Fn::If branch', () => {
  // Sg's type depends on IsProd; each rule referring to it is checked against the Sg of the same IsProd.
  const template = (type: string, resources: string) =>
    `${HEAD}Parameters:\n  Env: {Type: String, Default: prod, AllowedValues: [dev, prod]}\nConditions:\n  IsProd: !Equals [prod, !Ref Env]\nResources:\n` +
    `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      SecurityGroupType: ${type}\n` +
    resources;
  const standalone = (source: string) =>
    `  FromOther:\n    Type: ALIYUN::ECS::SecurityGroupIngress\n    Properties:\n      SecurityGroupId: !Ref Sg\n      IpProtocol: tcp\n      PortRange: 80/80\n      SourceGroupId: ${source}\n`;
  const enterpriseReference = { ruleId: 'rule-enterprise-group-reference', errorCode: 'InvalidGroupParameter.OperationDenied', line: 18, column: 22, endLine: 18, endColumn: 45 };

  it('a standalone rule is checked on the group of each branch, whichever is written first', async () => {
    for (const type of ['!If [IsProd, normal, enterprise]', '!If [IsProd, enterprise, normal]']) {
      const f = await lintFiles({ 't.ros.yaml': template(type, standalone('sg-bp1fg655nh68xyz9abcd')) }, { region: 'cn-hangzhou' });
      expect(f.map(key)).toEqual([enterpriseReference]);
    }
  });

  it('a rule whose own Fn::If follows the same condition is checked on the group of that branch only: no false error', async () => {
    const f = await lintFiles({ 't.ros.yaml': template('!If [IsProd, normal, enterprise]', standalone('!If [IsProd, sg-bp1fg655nh68xyz9abcd, !Ref ALIYUN::NoValue]\n      SourceCidrIp: 10.0.0.0/8')) }, { region: 'cn-hangzhou' });
    expect(f.map(key)).toEqual([]);
  });

  it('a SourceGroupId or DestGroupId referring to it names the group of each branch', async () => {
    const app =
      `  AppSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
      `      SecurityGroupEgress:\n        - {IpProtocol: tcp, PortRange: 3306/3306, DestGroupId: !Ref Sg, NicType: intranet}\n`;
    const expected = [{ ruleId: 'rule-references-enterprise-group', errorCode: 'InvalidGroupAuthParameter.OperationDenied', line: 17, column: 69, endLine: 17, endColumn: 71 }];
    for (const type of ['!If [IsProd, normal, enterprise]', '!If [IsProd, enterprise, normal]']) {
      expect((await lintFiles({ 't.ros.yaml': template(type, app) }, { region: 'cn-hangzhou' })).map(key)).toEqual(expected);
    }
  });
});

describe('a resource type misspelt from one that is checked', () => {
  const tpl = (...types: string[]) => HEAD + 'Resources:\n' + types.map((t, i) => `  R${i}:\n    Type: ${t}\n    Properties:\n      SecurityGroupName: web\n`).join('');

  it('in its case or a letter or two is a ros-shape error at the Type, not a resource silently left unchecked', async () => {
    const f = await lintFiles({ 't.ros.yaml': tpl('ALIYUN::ECS::Securitygroup', 'ALIYUN::ECS::SecurityGroupIngres', 'ALIYUN::ECS::Vpc') });
    expect(f.map((x) => [x.ruleId, x.span.line, x.span.column, x.span.endColumn])).toEqual([
      ['ros-shape', 4, 11, 37],
      ['ros-shape', 8, 11, 43],
      ['ros-shape', 12, 11, 27],
    ]);
    expect(f[0]!.message).toMatch(/`ALIYUN::ECS::SecurityGroup`/);
  });

  it('so is a nested stack type in another case or a letter away, naming ALIYUN::ROS::Stack', async () => {
    const f = await lintFiles({ 't.ros.yaml': tpl('ALIYUN::ROS::stack', 'ALIYUN::ROS::Stak') });
    expect(f.map((x) => [x.ruleId, x.span.line, x.span.column, x.span.endColumn])).toEqual([
      ['ros-shape', 4, 11, 29],
      ['ros-shape', 8, 11, 28],
    ]);
    for (const x of f) expect(x.message).toMatch(/`ALIYUN::ROS::Stack`/);
  });

  it('ALIYUN::ROS types with more after Stack are left alone', async () => {
    const f = await lintFiles({ 't.ros.yaml': tpl('ALIYUN::ROS::StackGroup', 'ALIYUN::ROS::Stacks') });
    expect(f.map((x) => x.ruleId)).toEqual([]);
  });

  it('other types, in other namespaces or with more after a known name, are left alone', async () => {
    const f = await lintFiles({ 't.ros.yaml': tpl('ALIYUN::ECS::SecurityGroupClone', 'ALIYUN::ECS::Instance', 'ALIYUN::VPC::VPC', 'ALIYUN::ECS::VSwitch', 'ALIYUN::ECS::SecurityGroups') });
    expect(f.map((x) => x.ruleId)).toEqual([]);
  });
});

describe('two templates in one YAML file (documents separated by ---)', () => {
  const template = (app: string, peer: string) =>
    HEAD +
    'Resources:\n' +
    `  App:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties: {VpcId: ${app}}\n` +
    `  Peer:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties: {VpcId: ${peer}}\n` +
    '  Rule:\n    Type: ALIYUN::ECS::SecurityGroupIngress\n    Properties: {SecurityGroupId: {Ref: App}, IpProtocol: tcp, PortRange: 22/22, SourceGroupId: {Ref: Peer}}\n';
  const one = 'vpc-bp1opxu1zkhn00gzv1111';
  const two = 'vpc-bp1opxu1zkhn00gzv2222';

  it('a Ref names the resource of its own template: groups of one VPC in each are no groups of other VPCs', async () => {
    const f = await lintFiles({ 'stacks.yaml': `${template(one, one)}---\n${template(two, two)}---\n${template(one, two)}` }, { region: 'cn-hangzhou' });
    // Only the third template's peer is in another VPC than its group (its Rule starts at line 35).
    expect(only(f, 'rule-source-group-other-vpc').map(key)).toEqual([
      { ruleId: 'rule-source-group-other-vpc', errorCode: 'InvalidSourceGroupId.Mismatch', line: 35, column: 97, endLine: 35, endColumn: 108 },
    ]);
  });
});

describe('rules not known before the stack is created', () => {
  const PARAMS = 'Parameters:\n  Rules:\n    Type: Json\n  Rule:\n    Type: Json\n  Known:\n    Type: Json\n    Default: [{IpProtocol: tcp, PortRange: 80/70, SourceCidrIp: 10.0.0.0/8}]\n  Env:\n    Type: String\n    AllowedValues: [a, b]\nConditions:\n  IsA: {"Fn::Equals": [{Ref: Env}, a]}\n';
  // Resources: is line 15; the Default's rule is on line 9.
  const lint = (resources: string) => lintFiles({ 't.ros.yaml': `${HEAD}${PARAMS}Resources:\n${resources}` }, { region: 'cn-hangzhou' });
  const unknown = (findings: Awaited<ReturnType<typeof lint>>) => only(findings, 'ros-rules-unknown').map((f) => [f.severity, f.span.line, f.span.column, f.span.endLine, f.span.endColumn]);

  it('a rule list from a Json parameter without a Default: reported once (whatever the Fn::If readings), where it is written', async () => {
    const f = await lint('  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: {"Fn::If": [IsA, a, b]}\n      SecurityGroupIngress: {Ref: Rules}\n');
    expect(unknown(f)).toEqual([['info', 20, 29, 20, 41]]);
  });

  it('one item of a list, and the Permissions of a rules resource', async () => {
    const f = await lint(
      '  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupEgress:\n        - {Ref: Rule}\n        - {IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 10.0.0.0/8}\n' +
        '  In:\n    Type: ALIYUN::ECS::SecurityGroupIngresses\n    Properties:\n      SecurityGroupId: {Ref: WebSg}\n      Permissions: {Ref: Rules}\n',
    );
    expect(unknown(f)).toEqual([['info', 20, 11, 20, 22], ['info', 26, 20, 26, 32]]);
  });

  it('a parameter with a Default is known: its rules are checked, nothing is said', async () => {
    const f = await lint('  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupIngress: {Ref: Known}\n');
    expect(unknown(f)).toEqual([]);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line: 9, column: 44, endLine: 9, endColumn: 49 }]);
  });
});
