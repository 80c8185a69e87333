// The ROS loader on its own: template → model objects with the values and spans rules will see.
import { describe, expect, it } from 'vitest';
import { fixture, loadRos, pos } from './load.ts';
import type { Tree } from '../../src/load/tree.ts';

const val = (t: Tree | undefined) => (t?.type === 'scalar' ? t.value : t?.type);

describe('app.ros.yaml (parameters, short and long forms, conditions, all resource types)', () => {
  const { model, problems } = loadRos('app.ros.yaml', fixture('app.ros.yaml'), { region: 'cn-hangzhou' });
  const web = model.groups.filter((g) => g.resource === 'Resources.WebSg');
  const app = model.groups.find((g) => g.resource === 'Resources.AppSg')!;

  it('reports no input problem', () => {
    expect(problems).toEqual([]);
  });

  it('reads every group as format ros, with the configured region placed on Type', () => {
    expect(model.groups.map((g) => g.resource)).toEqual(['Resources.WebSg', 'Resources.WebSg', 'Resources.AppSg']);
    for (const g of model.groups) expect(g.format).toBe('ros');
    expect(val(app.fields.RegionId)).toBe('cn-hangzhou');
    expect(pos(app.fields.RegionId!.span)).toBe('56:11-56:37');
    expect(app.regionSource).toBeTruthy();
    expect(pos(app.span)).toBe('55:3-62:39');
  });

  it('places a parameter default where it is written and names the use site', () => {
    const name = web[0]!.fields.SecurityGroupName!;
    expect(val(name)).toBe('1st-web');
    expect(pos(name.span)).toBe('10:14-10:21');
    expect(name.origin).toContain('app.ros.yaml:35:31');
  });

  it('evaluates Fn::Join (short and long form) and Fn::Sub at the function', () => {
    expect(val(web[0]!.fields.Description)).toBe('web-prod-group');
    expect(pos(web[0]!.fields.Description!.span)).toBe('36:26-36:55');
    expect(val(app.fields.SecurityGroupName)).toBe('app-prod');
    expect(pos(app.fields.SecurityGroupName!.span)).toBe('61:9-61:41');
    const ssh = model.permissions.find((p) => p.resource === 'Resources.WebSg.SecurityGroupIngress[0]')!;
    expect(val(ssh.fields.PortRange)).toBe('22/22');
    expect(pos(ssh.fields.PortRange!.span)).toBe('45:27-45:50');
  });

  it('reads one group per Fn::If branch, each value on its branch', () => {
    expect(web.map((g) => val(g.fields.SecurityGroupType))).toEqual(['enterprise', 'normal']);
    expect(web.map((g) => pos(g.fields.SecurityGroupType!.span))).toEqual(['37:39-37:49', '37:51-37:57']);
    expect(new Set(web.map((g) => g.id)).size).toBe(2);
  });

  it('links VpcId from Fn::GetAtt (short and long form) to the declared VPC', () => {
    expect(model.vpcs).toHaveLength(1);
    const vpc = model.vpcs[0]!;
    expect(vpc.source).toBe('declared');
    expect(vpc.resource).toBe('Resources.AppVpc');
    for (const g of [web[0]!, app]) {
      const v = g.fields.VpcId!;
      expect(v.type).toBe('unknown');
      expect(v.type === 'unknown' && v.ref).toBe(vpc.id);
    }
    expect(pos(app.fields.VpcId!.span)).toBe('59:9-59:36');
  });

  it('reads tags, ALIYUN::Region being the configured region', () => {
    const tags = web[0]!.Tag!.items;
    expect(tags.map((t) => [val(t.Key), val(t.Value)])).toEqual([
      ['env', 'prod'],
      ['region', 'cn-hangzhou'],
    ]);
    expect(pos(tags[0]!.Value!.span)).toBe('7:14-7:18');
    expect(pos(tags[1]!.Value!.span)).toBe('42:23-42:37');
  });

  it('reads inline rules as permissions of their group, each its own request', () => {
    const inline = model.permissions.filter((p) => p.group === web[0]);
    expect(inline.map((p) => [p.resource, p.direction])).toEqual([
      ['Resources.WebSg.SecurityGroupIngress[0]', 'ingress'],
      ['Resources.WebSg.SecurityGroupIngress[1]', 'ingress'],
      ['Resources.WebSg.SecurityGroupEgress[0]', 'egress'],
    ]);
    expect(new Set(inline.map((p) => p.request)).size).toBe(3);
    expect(pos(inline[1]!.span)).toBe('48:11-50:53');
    expect(val(inline[1]!.fields.SourceCidrIp)).toBe('192.168.2.0/24');
    expect(val(inline[0]!.fields.Priority)).toBe(1);
  });

  it('reads standalone rules with their group reference, Ingresses sharing one request', () => {
    const http = model.permissions.find((p) => p.resource === 'Resources.HttpIn')!;
    expect(http.group).toBe(app);
    expect(http.groupRef?.type === 'unknown' && http.groupRef.ref).toBe(app.id);
    expect(pos(http.span)).toBe('63:3-69:54');
    const src = http.fields.SourceGroupId!;
    expect(src.type === 'unknown' && src.ref).toBe(web[0]!.id);
    const ops = model.permissions.filter((p) => p.resource.startsWith('Resources.OpsIn'));
    expect(ops.map((p) => p.resource)).toEqual(['Resources.OpsIn.Permissions[0]', 'Resources.OpsIn.Permissions[1]']);
    expect(ops[0]!.request).toBe(ops[1]!.request);
    expect(ops.every((p) => p.group === app)).toBe(true);
    expect(ops[0]!.fields.SourceGroupId!.type).toBe('unknown'); // a parameter without Default
  });

  it('reads the managed policy document', () => {
    expect(model.policies.map((p) => p.name)).toEqual(['AppPolicy']);
    expect(model.policies[0]!.document.type).toBe('map');
    expect(pos(model.policies[0]!.document.span)).toBe('86:9-90:28');
  });
});

describe('values', () => {
  it('without a region: no RegionId and ALIYUN::Region unknown', () => {
    const { model } = loadRos('app.ros.yaml', fixture('app.ros.yaml'));
    for (const g of model.groups) {
      expect(g.fields.RegionId).toBeUndefined();
      expect(g.regionSource).toBeUndefined();
    }
    expect(model.groups[0]!.Tag!.items[1]!.Value!.type).toBe('unknown');
    expect(model.vpcs[0]!.RegionId).toBeUndefined();
  });

  it('--parameter values win over defaults and are placed at the use site', () => {
    const { model } = loadRos('app.ros.yaml', fixture('app.ros.yaml'), { parameters: { GroupName: 'web-a', Env: 'dev', ExtraCidrs: '1.1.1.0/24,2.2.2.0/24', SshPort: '2222' } });
    const g = model.groups[0]!;
    expect(val(g.fields.SecurityGroupName)).toBe('web-a');
    expect(pos(g.fields.SecurityGroupName!.span)).toBe('35:31-35:40');
    expect(g.fields.SecurityGroupName!.origin).toContain('--parameter');
    expect(val(g.fields.Description)).toBe('web-dev-group');
    const perms = model.permissions.filter((p) => p.group === g);
    expect(val(perms[0]!.fields.PortRange)).toBe('2222/2222');
    expect(val(perms[1]!.fields.SourceCidrIp)).toBe('2.2.2.0/24');
  });

  const tpl = (props: string, extra = '') =>
    `ROSTemplateFormatVersion: '2015-09-01'\n${extra}Resources:\n  Vpc:\n    Type: ALIYUN::ECS::VPC\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n${props}`;

  it('Fn::If with ALIYUN::NoValue removes the property in that branch', () => {
    const { model, problems } = loadRos('t.yaml', tpl('      VpcId: !If [UseVpc, !Ref Vpc, !Ref ALIYUN::NoValue]\n', 'Conditions:\n  UseVpc: !Equals [!Ref ALIYUN::Region, cn-hangzhou]\n'));
    expect(problems).toEqual([]);
    expect(model.groups.map((g) => g.fields.VpcId?.type)).toEqual(['unknown', undefined]);
  });

  it('a resource created under a condition is read only with that condition true', () => {
    const text = tpl('      SecurityGroupType: !If [IsProd, enterprise, normal]\n', 'Conditions:\n  IsProd: true\n').replace('    Type: ALIYUN::ECS::SecurityGroup\n', '    Type: ALIYUN::ECS::SecurityGroup\n    Condition: IsProd\n');
    const { model } = loadRos('t.yaml', text);
    expect(model.groups.map((g) => val(g.fields.SecurityGroupType))).toEqual(['enterprise']);
  });

  it('combinations of conditions no parameter value can produce are not read', () => {
    const conds = [
      'Parameters:',
      '  Env:',
      '    Type: String',
      '    AllowedValues: [dev, test, prod]',
      '    Default: prod',
      '  Tier:',
      '    Type: String',
      'Conditions:',
      '  IsProd: !Equals [!Ref Env, prod]',
      '  IsDev: !Equals [dev, !Ref Env]',
      '  IsWeb: !Equals [!Ref Tier, web]',
      '  NotWeb: !Not [!Condition IsWeb]',
      '',
    ].join('\n');
    const props = [
      '      SecurityGroupType: !If [IsProd, enterprise, normal]',
      '      VpcId: !If [IsDev, !Ref ALIYUN::NoValue, !Ref Vpc]',
      '      Description: !If [IsWeb, web tier, !If [NotWeb, other tier, never]]',
      '',
    ].join('\n');
    const { model } = loadRos('t.yaml', tpl(props, conds));
    const seen = model.groups.map((g) => `${val(g.fields.SecurityGroupType)} ${g.fields.VpcId?.type ?? 'none'} ${val(g.fields.Description)}`);
    // Env: prod, dev or test; IsProd and IsDev never both true; NotWeb is the negation of IsWeb.
    expect(seen.sort()).toEqual(['enterprise unknown other tier', 'enterprise unknown web tier', 'normal none other tier', 'normal none web tier', 'normal unknown other tier', 'normal unknown web tier']);
  });

  it('a --parameter value fixes the conditions that read it', () => {
    const conds = 'Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n';
    const { model } = loadRos('t.yaml', tpl('      SecurityGroupType: !If [IsProd, enterprise, normal]\n', conds), { parameters: { Env: 'dev' } });
    expect(model.groups.map((g) => val(g.fields.SecurityGroupType))).toEqual(['normal']);
  });

  it('NoValue also removes list items', () => {
    const { model } = loadRos('t.yaml', tpl('      Tags:\n        - {Key: a, Value: b}\n        - !Ref ALIYUN::NoValue\n'));
    expect(model.groups[0]!.Tag!.items.map((t) => val(t.Key))).toEqual(['a']);
  });

  it('more conditions than are combined: all alike and each alone different, of those that can occur', () => {
    // Conditions that are always true: of the 12 covering variants, only "all true" can occur.
    const always = 'Conditions:\n  C1: true\n  C2: true\n  C3: true\n  C4: true\n  C5: true\n';
    const props = ['SecurityGroupName', 'Description', 'SecurityGroupType', 'ResourceGroupId', 'VpcId'].map((k, i) => `      ${k}: !If [C${i + 1}, abc, def]\n`).join('');
    const one = loadRos('t.yaml', tpl(props, always)).model;
    expect(one.groups.map((g) => val(g.fields.SecurityGroupName))).toEqual(['abc']);
    // Conditions on parameters: 2 + 2 × 5 variants, each branch read.
    const free = `Parameters:\n${[1, 2, 3, 4, 5].map((i) => `  P${i}:\n    Type: String\n`).join('')}Conditions:\n${[1, 2, 3, 4, 5].map((i) => `  C${i}: !Equals [!Ref P${i}, x]\n`).join('')}`;
    const all = loadRos('t.yaml', tpl(props, free)).model;
    expect(all.groups).toHaveLength(12);
    expect(new Set(all.groups.map((g) => `${val(g.fields.SecurityGroupName)}/${val(g.fields.VpcId)}`))).toEqual(new Set(['abc/abc', 'def/def', 'def/abc', 'abc/def']));
  });

  it('Fn::FindInMap and Fn::Select resolve to the value where it is written', () => {
    const maps = "Mappings:\n  Names:\n    prod: {sg: web-prod}\n";
    const { model } = loadRos('t.yaml', tpl("      SecurityGroupName: !FindInMap [Names, prod, sg]\n      Description: !Select ['1', [first, second]]\n", maps));
    const g = model.groups[0]!;
    expect(val(g.fields.SecurityGroupName)).toBe('web-prod');
    expect(pos(g.fields.SecurityGroupName!.span)).toBe('4:16-4:24');
    expect(val(g.fields.Description)).toBe('second');
  });

  it('functions it cannot evaluate, and parts of unknowns, stay unknown', () => {
    const { model } = loadRos('t.yaml', tpl("      SecurityGroupName: !Base64 abc\n      Description: !Join ['', [a, !GetAtt Vpc.VpcId]]\n      ResourceGroupId: !Sub '${ALIYUN::StackName}-rg'\n"));
    const f = model.groups[0]!.fields;
    expect([f.SecurityGroupName, f.Description, f.ResourceGroupId].map((t) => t?.type)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});

describe('input problems', () => {
  it('JSON template: values, spans and an unknown property with a suggestion', () => {
    const { model, problems } = loadRos('app.ros.json', fixture('app.ros.json'));
    const g = model.groups[0]!;
    expect(g.resource).toBe('Resources.DbSg');
    expect(val(g.fields.SecurityGroupName)).toBe('db-sg');
    expect(pos(g.fields.SecurityGroupName!.span)).toBe('15:30-15:59');
    expect(pos(g.fields.Description!.span)).toBe('16:24-16:47');
    expect(g.fields.VpcId?.type === 'unknown' && g.fields.VpcId.ref).toBe(model.vpcs[0]!.id);
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([['ros-unknown-property', '19:92-19:101']]);
    expect(problems[0]!.message).toContain('`Priority`');
  });

  it('a syntax error leaves nothing for the loader (the engine reports parse-error)', () => {
    const { model, parseProblems } = loadRos('broken.ros.yaml', fixture('broken.ros.yaml'));
    expect(parseProblems).toBeGreaterThan(0);
    expect(model.groups).toEqual([]);
  });

  it('reports reference cycles and unknown names, and terminates', () => {
    const { model, problems } = loadRos('cycle.ros.yaml', fixture('cycle.ros.yaml'));
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([
      ['ros-ref-unknown', '23:19-23:24'],
      ['ros-ref-unknown', '24:31-24:37'],
      ['ros-ref-unknown', '21:16-21:20'],
      ['ros-ref-cycle', '15:25-15:54'],
      ['ros-ref-cycle', '18:16-18:20'],
      ['ros-ref-cycle', '6:26-6:27'],
    ]);
    expect(problems[2]!.message).toContain('`SgA`');
    expect(model.groups.find((g) => g.resource === 'Resources.SgA')!.fields.Description!.type).toBe('unknown');
  });

  it('a reference written as the argument of another call (long or short form) is checked and followed', () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Resources:',
      '  Sg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      "      Description: {'Fn::Base64Encode': {Ref: Nope}}",
      "      SecurityGroupName: {'Fn::Str': {'Fn::GetAtt': [Sg, Name]}}",
      '      VpcId: !Base64Encode {Ref: Nope2}',
      '',
    ].join('\n');
    const { problems } = loadRos('t.yaml', text);
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([
      ['ros-ref-unknown', '6:47-6:51'],
      ['ros-ref-unknown', '8:34-8:39'],
      ['ros-ref-cycle', '7:54-7:56'],
    ]);
  });

  it('a short-form call given as the whole argument of another is not read as its argument list', () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Conditions:',
      "  C: !Equals [{'Fn::If': !Join ['-', []]}, x]",
      'Resources:',
      '  Sg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      "      Description: {'Fn::If': !Join [a, [b]]}",
      "      VpcId: {'Fn::FindInMap': !Split [',', 'a,b,c']}",
      "      SecurityGroupName: {'Fn::If': !Join [a, [!Ref Nope]]}",
      '',
    ].join('\n');
    // Only the reference inside the inner call: no `-`, `a` or `,` taken for a condition or mapping name.
    const { problems } = loadRos('t.yaml', text);
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([['ros-ref-unknown', '10:53-10:57']]);
  });

  it('a long chain of DependsOn closing into a cycle is reported once, without deep recursion', () => {
    const n = 2000;
    let text = "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n";
    for (let i = 0; i < n; i++) text += `  R${i}:\n    Type: ALIYUN::ECS::SecurityGroup\n    DependsOn: R${(i + 1) % n}\n`;
    const { problems } = loadRos('t.yaml', text);
    expect(problems.map((p) => p.ruleId)).toEqual(['ros-ref-cycle']);
    expect(problems[0]!.span.line).toBe(3 * n + 2);
  });

  it('reports wrong shapes and unknown properties with a suggestion', () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Resources:',
      '  Sg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Propertie: {}',
      '  Sg2:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      SecurityGroupname: web',
      '      Tags: {Key: a, Value: b}',
      '      SecurityGroupIngress:',
      '        - tcp',
      '  NoType:',
      '    Properties: {}',
      '  In:',
      '    Type: ALIYUN::ECS::SecurityGroupIngresses',
      '    Properties:',
      '      SecurityGroupId: sg-bp1fg655nh68xyz91234',
      '      Permission: []',
      '',
    ].join('\n');
    const { problems } = loadRos('t.yaml', text);
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([
      ['ros-unknown-property', '5:5-5:14'],
      ['ros-shape', '13:3-13:9'],
      ['ros-unknown-property', '9:7-9:24'],
      ['ros-shape', '10:13-10:31'],
      ['ros-shape', '12:11-12:14'],
      ['ros-unknown-property', '19:7-19:17'],
    ]);
    expect(problems[0]!.message).toContain('`Properties`');
    expect(problems[2]!.message).toContain('`SecurityGroupName`');
    expect(problems[5]!.message).toContain('`Permissions`');
  });

  it('intrinsic functions given arguments they do not take: ros-shape at the arguments, not passed over as unknown values', () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Parameters:',
      '  P: {Type: CommaDelimitedList, Default: "a,b"}',
      'Conditions:',
      "  C: {'Fn::Equals': [a, a]}",
      'Resources:',
      '  Vpc:',
      '    Type: ALIYUN::ECS::VPC',
      '  Sg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      SecurityGroupName: {Ref: 0}',
      '      Description: !If [C, a]',
      '      VpcId: !GetAtt Vpc',
      "      ResourceGroupId: {'Fn::Join': x}",
      '      Tags:',
      "        - {Key: !Sub 5, Value: {'Fn::FindInMap': []}}",
      "        - {Key: !Sub ['a${X}', {X: b}], Value: !Join [',', !Ref P]}",
      "        - {Key: !Select [0, !Ref P], Value: !GetAtt [Vpc, VpcId]}",
      '',
    ].join('\n');
    const { problems } = loadRos('t.yaml', text);
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([
      ['ros-shape', '12:32-12:33'],
      ['ros-shape', '13:24-13:30'],
      ['ros-shape', '14:22-14:25'],
      ['ros-shape', '15:37-15:38'],
      ['ros-shape', '17:50-17:52'],
    ]);
    // `!Sub 5` is the string "5" (a tagged plain scalar), and calls as arguments are left to ROS: not reported.
    expect(problems[0]!.message).toMatch(/^`Ref` takes/);
  });

  it('shell variables in Fn::Sub strings and ALIYUN:: pseudo parameters are not reported', () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Resources:',
      '  Sg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      SecurityGroupName: !Ref ALIYUN::StackName',
      '      ResourceGroupId: !Ref ALIYUN::SomethingNew',
      '  Run:',
      '    Type: ALIYUN::ECS::RunCommand',
      '    Properties:',
      "      CommandContent: !Sub 'echo ${HOME} ${Sg.SecurityGroupId}'",
      '',
    ].join('\n');
    const { model, problems } = loadRos('t.yaml', text);
    expect(problems).toEqual([]);
    expect(model.groups[0]!.fields.SecurityGroupName!.type).toBe('unknown');
  });

  it('claims only documents with ROSTemplateFormatVersion', () => {
    expect(loadRos('s.yaml', 'securityGroups: []\n').model.groups).toEqual([]);
    expect(loadRos('s.yaml', "ROSTemplateFormatVersion: '2015-09-01'\n").problems).toEqual([]);
  });
});

describe('hostile templates', () => {
  it('a large default substituted many times is cut off with a located finding (a hang fails at the test timeout)', () => {
    const big = Array.from({ length: 2000 }, (_, i) => `t${i}`).join(', ');
    const refs = Array.from({ length: 2000 }, () => '        - !Ref Big\n').join('');
    const text = `ROSTemplateFormatVersion: '2015-09-01'\nParameters:\n  Big:\n    Type: Json\n    Default: [${big}]\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      Tags:\n${refs}  Sg2:\n    Type: ALIYUN::ECS::SecurityGroup\n`;
    const { model, problems } = loadRos('t.yaml', text);
    expect(problems.map((p) => [p.ruleId, pos(p.span)])).toEqual([['ros-too-large', '7:3-7:5']]);
    expect(model.groups).toEqual([]);
  });

  it('a Fn::Join of a long string many times is cut off before it is built', () => {
    const refs = Array.from({ length: 500 }, () => '!Ref Long').join(', ');
    const text = `ROSTemplateFormatVersion: '2015-09-01'\nParameters:\n  Long:\n    Type: String\n    Default: ${'x'.repeat(20000)}\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      Description: !Join ['', [${refs}]]\n`;
    const { problems } = loadRos('t.yaml', text);
    expect(problems.map((p) => p.ruleId)).toEqual(['ros-too-large']);
  });
});
