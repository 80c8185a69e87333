// A nested stack whose template is written inline (TemplateBody as a mapping): that template is checked as
// a template of its own, its findings placed where they are written in the file.
import { describe, expect, it } from 'vitest';
import { key, lintFiles, only } from '../helpers.ts';
import { loadRos, pos } from './load.ts';

const HEAD = "ROSTemplateFormatVersion: '2015-09-01'\n";
const NOT_FOLLOWED = 'ros-stack-not-followed';
const VPC = 'vpc-bp1opxu1zkhn00gzv1234';

const INLINE_YAML = `${HEAD}Resources:
  Network:
    Type: ALIYUN::ROS::Stack
    Properties:
      TemplateBody:
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          WebSg:
            Type: ALIYUN::ECS::SecurityGroup
            Properties:
              VpcId: ${VPC}
              SecurityGroupName: web
              Tags:
                - Key: acs:env
                  Value: prod
`;

const INLINE_JSON = `{
  "ROSTemplateFormatVersion": "2015-09-01",
  "Resources": {
    "Network": {
      "Type": "ALIYUN::ROS::Stack",
      "Properties": {
        "TemplateBody": {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Resources": {
            "WebSg": {
              "Type": "ALIYUN::ECS::SecurityGroup",
              "Properties": { "VpcId": "${VPC}", "SecurityGroupName": "web", "Tags": [{ "Key": "acs:env", "Value": "prod" }] }
            }
          }
        }
      }
    }
  }
}
`;

describe('a TemplateBody written as a mapping', () => {
  it('in YAML: its groups are checked, the finding at the exact place inside the body, named after the stack', async () => {
    const f = await lintFiles({ 'app.ros.yaml': INLINE_YAML });
    expect(f.map(key)).toEqual([{ ruleId: 'tag-key-malformed', errorCode: 'InvalidTagKey.Malformed', line: 15, column: 24, endLine: 15, endColumn: 31 }]);
    expect(f[0]!.resource).toBe('Resources.Network.Resources.WebSg');
  });

  it('in JSON: the same, at the exact place inside the body', async () => {
    const f = await lintFiles({ 'app.ros.json': INLINE_JSON });
    expect(f.map(key)).toEqual([{ ruleId: 'tag-key-malformed', errorCode: 'InvalidTagKey.Malformed', line: 12, column: 115, endLine: 12, endColumn: 124 }]);
    expect(f[0]!.resource).toBe('Resources.Network.Resources.WebSg');
  });

  it('is read once whatever the Count of the stack, its resources addressed after the stack', () => {
    const { model, problems } = loadRos('app.ros.yaml', INLINE_YAML.replace('    Type: ALIYUN::ROS::Stack\n', '    Type: ALIYUN::ROS::Stack\n    Count: 3\n'));
    expect(problems).toEqual([]);
    expect(model.groups.map((g) => [g.resource, g.id, pos(g.span)])).toEqual([['Resources.Network.Resources.WebSg', 'app.ros.yaml#Resources.Network.Resources.WebSg', '10:11-17:30']]);
  });

  it('a Metadata ignore entry of the group inside the body, or of the stack, suppresses the finding', async () => {
    const meta = (indent: string) => `${indent}Metadata:\n${indent}  sglint:\n${indent}    ignore:\n${indent}      - {rule: tag-key-malformed, reason: legacy tag}\n`;
    const inner = INLINE_YAML.replace('            Type: ALIYUN::ECS::SecurityGroup\n', `            Type: ALIYUN::ECS::SecurityGroup\n${meta('            ')}`);
    expect(await lintFiles({ 'app.ros.yaml': inner }, { today: '2026-06-01' })).toEqual([]);
    const outer = INLINE_YAML.replace('    Type: ALIYUN::ROS::Stack\n', `    Type: ALIYUN::ROS::Stack\n${meta('    ')}`);
    expect(await lintFiles({ 'app.ros.yaml': outer }, { today: '2026-06-01' })).toEqual([]);
  });
});

describe('the parameters of the template in a TemplateBody', () => {
  const tpl = (passed: string, config = '') => `${HEAD}Parameters:
  Env:
    Type: String
    Default: prod
  Open:
    Type: String
Conditions:
  IsProd: {'Fn::Equals': [{Ref: Env}, prod]}
  IsDev: {'Fn::Equals': [{Ref: Env}, dev]}
Resources:
  Network:
    Type: ALIYUN::ROS::Stack${config}
    Properties:
      Parameters:
${passed}      TemplateBody:
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Name:
            Type: String
            Default: 2web
        Resources:
          WebSg:
            Type: ALIYUN::ECS::SecurityGroup
            Properties:
              VpcId: ${VPC}
              SecurityGroupName: {Ref: Name}
`;
  const names = async (text: string, config = {}) => only(await lintFiles({ 't.ros.yaml': text }, config), 'name-malformed').map(key);

  it('take the literal value the stack passes, placed where the stack writes it', async () => {
    expect(await names(tpl('        Name: 1web\n'))).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 16, column: 15, endLine: 16, endColumn: 19 }]);
  });

  it('take a value the stack computes from its own template (a parameter default)', async () => {
    const f = await names(tpl("        Name: {'Fn::Join': ['-', [{Ref: Env}, web]]}\n"));
    expect(f).toEqual([]);
    const bad = await names(tpl("        Name: {'Fn::Join': ['', ['1', {Ref: Env}]]}\n"));
    expect(bad).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 16, column: 15, endLine: 16, endColumn: 52 }]);
  });

  it('take their own default when the stack passes nothing for them', async () => {
    const f = await names(tpl('        Other: x\n'));
    expect(f).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 22, column: 22, endLine: 22, endColumn: 26 }]);
  });

  it('stay unknown when what the stack passes is not known: never their default, never a false error', async () => {
    for (const passed of ['        Name: {Ref: Open}\n', '        Name: {Ref: ALIYUN::StackName}\n', "        Name: {'Fn::If': [IsDev, 1web, web]}\n"]) {
      expect(await names(tpl(passed)), passed).toEqual([]);
    }
    expect(await names(tpl('').replace('      Parameters:\n', '      Parameters: {Ref: Open}\n'))).toEqual([]);
  });

  it('are not given by --parameter, which names the parameters of the file\'s own template', async () => {
    expect(await names(tpl('        Other: x\n'), { parameters: { Name: 'web' } })).toHaveLength(1);
    expect(await names(tpl('        Name: web\n'), { parameters: { Name: '1web' } })).toEqual([]);
  });

  it('of a stack with a Condition take what the stack passes when that condition is true', async () => {
    const f = await names(tpl("        Name: {'Fn::If': [IsProd, 1web, web]}\n", '\n    Condition: IsProd'));
    expect(f).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 17, column: 35, endLine: 17, endColumn: 39 }]);
  });
});

describe('the conditions of the template in a TemplateBody', () => {
  const tpl = (passed: string) => `${HEAD}Resources:
  Network:
    Type: ALIYUN::ROS::Stack
    Properties:
      Parameters: {${passed}}
      TemplateBody:
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Env: {Type: String, Default: dev}
        Conditions:
          IsProd: {'Fn::Equals': [{Ref: Env}, prod]}
        Resources:
          WebSg:
            Type: ALIYUN::ECS::SecurityGroup
            Properties:
              VpcId: ${VPC}
              SecurityGroupName: {'Fn::If': [IsProd, web, 1web]}
`;
  const names = async (text: string) => only(await lintFiles({ 't.ros.yaml': text }), 'name-malformed').map(key);

  it('take the values the parameters passed make them take: no branch no value passed can reach is checked', async () => {
    expect(await names(tpl('Env: prod'))).toEqual([]);
    expect(loadRos('t.ros.yaml', tpl('Env: prod')).model.groups).toHaveLength(1);
  });

  it('take the values the defaults make them take when the stack passes none', async () => {
    expect(await names(tpl(''))).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 18, column: 59, endLine: 18, endColumn: 63 }]);
  });

  it('take either value when what is passed is not known', async () => {
    expect(await names(tpl('Env: {Ref: ALIYUN::StackName}'))).toHaveLength(1);
    expect(loadRos('t.ros.yaml', tpl('Env: {Ref: ALIYUN::StackName}')).model.groups).toHaveLength(2);
  });

  // The stack passes a parameter of the template around: its default is one value of it, not the only one.
  const around = (passed: string) =>
    tpl(passed).replace('Resources:\n  Network:', 'Parameters:\n  Stage: {Type: String, Default: prod, AllowedValues: [prod, dev]}\nResources:\n  Network:');
  const branch = { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 20, column: 59, endLine: 20, endColumn: 63 };

  it("take either value when what is passed is a parameter default of the template around, which may be given another value", async () => {
    for (const passed of ['Env: {Ref: Stage}', "Env: {'Fn::Sub': '${Stage}'}", "Env: {'Fn::Join': ['', [{Ref: Stage}]]}"]) {
      expect(await names(around(passed)), passed).toEqual([branch]);
    }
  });

  it('take the value a parameter of the template around is given with --parameter, as fixed as a literal', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': around('Env: {Ref: Stage}') }, { parameters: { Stage: 'prod' } }), 'name-malformed')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': around('Env: {Ref: Stage}') }, { parameters: { Stage: 'dev' } }), 'name-malformed').map(key)).toEqual([branch]);
    expect(await names(around('Env: prod, Other: {Ref: Stage}'))).toEqual([]);
  });
});

describe('names in a TemplateBody are its own', () => {
  const text = `${HEAD}Resources:
  Vpc:
    Type: ALIYUN::ECS::VPC
    Properties:
      CidrBlock: 10.0.0.0/8
  WebSg:
    Type: ALIYUN::ECS::SecurityGroup
    Properties:
      VpcId: {Ref: Vpc}
      SecurityGroupName: outer
  Network:
    Type: ALIYUN::ROS::Stack
    Properties:
      Parameters:
        Outer: {Ref: WebSg}
      TemplateBody:
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Outer:
            Type: String
          Cidr:
            Type: String
            Default: 192.168.0.0/16
        Resources:
          WebSg:
            Type: ALIYUN::ECS::SecurityGroup
            Properties:
              VpcId: {Ref: Vpc}
              SecurityGroupName: inner
          Own:
            Type: ALIYUN::ECS::SecurityGroupIngress
            Properties:
              SecurityGroupId: {Ref: WebSg}
              IpProtocol: tcp
              PortRange: 443/443
              SourceCidrIp: {Ref: Cidr}
          Passed:
            Type: ALIYUN::ECS::SecurityGroupIngress
            Properties:
              SecurityGroupId: {Ref: Outer}
              IpProtocol: tcp
              PortRange: 80/80
              SourceCidrIp: 10.0.0.0/8
            DependsOn: Vpc
`;

  it('a Ref or DependsOn inside to a name only the outer template defines is unknown there, and links to nothing', () => {
    const { model, problems } = loadRos('t.ros.yaml', text);
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([
      ['ros-ref-unknown', '29:28-29:31'],
      ['ros-ref-unknown', '45:24-45:27'],
    ]);
    expect(problems[0]!.message).toContain('nested stack `Network`');
    const inner = model.groups.find((g) => g.resource === 'Resources.Network.Resources.WebSg')!;
    expect(inner.fields.VpcId?.type).toBe('unknown');
    expect(inner.fields.VpcId?.type === 'unknown' && inner.fields.VpcId.ref).toBeUndefined();
  });

  it('a Ref inside to an inner resource links to it, not to the outer one of the same name', async () => {
    const { model } = loadRos('t.ros.yaml', text);
    const own = model.permissions.find((p) => p.resource === 'Resources.Network.Resources.Own')!;
    expect(own.group?.resource).toBe('Resources.Network.Resources.WebSg');
    expect(pos(own.fields.SourceCidrIp?.span)).toBe('24:22-24:36');
  });

  it('a group of the outer template passed as a parameter is that group', async () => {
    const { model } = loadRos('t.ros.yaml', text);
    const passed = model.permissions.find((p) => p.resource === 'Resources.Network.Resources.Passed')!;
    const ref = passed.groupRef;
    expect(ref?.type === 'unknown' && ref.ref).toBe('t.ros.yaml#Resources.WebSg');
  });

  it('the outer template does not report the names used inside its TemplateBody', async () => {
    const f = await lintFiles({ 't.ros.yaml': text });
    expect(only(f, 'ros-ref-unknown').map((x) => [x.span.line, x.span.column, x.resource])).toEqual([
      [29, 28, 'Resources.Network.Resources.WebSg'],
      [45, 24, 'Resources.Network.Resources.Passed'],
    ]);
  });
});

describe('a nested stack whose template is not read', () => {
  it('a TemplateBody written as a string (JSON or YAML text) is reported at the Type, as not read', async () => {
    const body = JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', Resources: { WebSg: { Type: 'ALIYUN::ECS::SecurityGroup', Properties: { SecurityGroupName: '1web' } } } });
    for (const written of [`      TemplateBody: '${body}'\n`, `      TemplateBody: |\n        ${HEAD}        Resources:\n          WebSg:\n            Type: ALIYUN::ECS::SecurityGroup\n            Properties:\n              SecurityGroupName: 1web\n`]) {
      const f = await lintFiles({ 't.ros.yaml': `${HEAD}Resources:\n  Network:\n    Type: ALIYUN::ROS::Stack\n    Properties:\n${written}` });
      expect(f.map(key), written).toEqual([{ ruleId: NOT_FOLLOWED, errorCode: null, line: 4, column: 11, endLine: 4, endColumn: 29 }]);
      expect(f[0]!.message).toMatch(/string/);
    }
  });

  it('nor one nested more than five stacks deep: the five are checked, the sixth reported at its Type', async () => {
    // Level k: a stack at indentation 2 + 10k whose body holds a bad group and the next stack.
    const level = (k: number): string => {
      const i = ' '.repeat(10 * k);
      const group = `${i}  Sg${k}:\n${i}    Type: ALIYUN::ECS::SecurityGroup\n${i}    Properties: {SecurityGroupName: ${k}web}\n`;
      const stack = `${i}  S${k}:\n${i}    Type: ALIYUN::ROS::Stack\n${i}    Properties:\n${i}      TemplateBody:\n${i}        ROSTemplateFormatVersion: '2015-09-01'\n${i}        Resources:\n`;
      return group + stack + (k < 6 ? level(k + 1) : `${i}          Last: {Type: ALIYUN::ECS::SecurityGroup, Properties: {SecurityGroupName: 7web}}\n`);
    };
    const text = `${HEAD}Resources:\n${level(0)}`;
    const f = await lintFiles({ 'deep.ros.yaml': text });
    expect(f.map((x) => [x.ruleId, x.span.line, x.resource])).toEqual([
      ['name-malformed', 5, 'Resources.Sg0'],
      ['name-malformed', 14, 'Resources.S0.Resources.Sg1'],
      ['name-malformed', 23, 'Resources.S0.Resources.S1.Resources.Sg2'],
      ['name-malformed', 32, 'Resources.S0.Resources.S1.Resources.S2.Resources.Sg3'],
      ['name-malformed', 41, 'Resources.S0.Resources.S1.Resources.S2.Resources.S3.Resources.Sg4'],
      ['name-malformed', 50, 'Resources.S0.Resources.S1.Resources.S2.Resources.S3.Resources.S4.Resources.Sg5'],
      [NOT_FOLLOWED, 52, 'Resources.S0.Resources.S1.Resources.S2.Resources.S3.Resources.S4.Resources.S5'],
    ]);
    expect(f.at(-1)!.message).toContain('`S0.S1.S2.S3.S4.S5`');
  });
});
