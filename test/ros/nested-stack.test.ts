// Nested stacks (ALIYUN::ROS::Stack) whose template is not read (at a TemplateURL, a TemplateBody string): each
// one is said so once, at its Type. A TemplateBody mapping is read: inline-template.test.ts.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { catalog, lintPaths } from '../../src/index.ts';
import { toEslint } from '../../src/format/results.ts';
import { sarifLog } from '../../src/format/sarif.ts';
import { cliInProcess, key, lintFiles, workspace } from '../helpers.ts';
import { fixture } from './load.ts';

const HEAD = "ROSTemplateFormatVersion: '2015-09-01'\n";
const RULE = 'ros-stack-not-followed';

const STACK_YAML = `${HEAD}Resources:
  WebSg:
    Type: ALIYUN::ECS::SecurityGroup
    Properties:
      SecurityGroupName: web
  Network:
    Type: ALIYUN::ROS::Stack
    Properties:
      TemplateURL: oss://my-bucket/network.ros.yaml
      Parameters:
        Env: prod
`;

const STACK_JSON = `{
  "ROSTemplateFormatVersion": "2015-09-01",
  "Resources": {
    "Network": {
      "Type": "ALIYUN::ROS::Stack",
      "Properties": { "TemplateURL": "https://example.com/network.json", "TimeoutMins": 10 }
    }
  }
}
`;

describe('a nested stack', () => {
  it('in YAML is reported at its Type value, as info on the resource, naming the TemplateURL', async () => {
    const f = await lintFiles({ 'app.ros.yaml': STACK_YAML });
    expect(f.map(key)).toEqual([{ ruleId: RULE, errorCode: null, line: 8, column: 11, endLine: 8, endColumn: 29 }]);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.resource).toBe('Resources.Network');
    expect(f[0]!.message).toContain('"oss://my-bucket/network.ros.yaml"');
  });

  it('in JSON is reported at its Type value', async () => {
    const f = await lintFiles({ 'app.ros.json': STACK_JSON });
    expect(f.map(key)).toEqual([{ ruleId: RULE, errorCode: null, line: 5, column: 15, endLine: 5, endColumn: 35 }]);
    expect(f[0]!.message).toContain('"https://example.com/network.json"');
  });

  it('is reported whatever gives its template but a TemplateBody mapping: a TemplateBody string, a Ref, or no Properties at all', async () => {
    const tpl = `${HEAD}Parameters:
  Url:
    Type: String
    Default: oss://b/n.yaml
Resources:
  A:
    Type: ALIYUN::ROS::Stack
    Properties:
      TemplateBody: '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}'
  B:
    Type: ALIYUN::ROS::Stack
    Properties:
      TemplateURL: !Ref Url
  C:
    Type: ALIYUN::ROS::Stack
`;
    const f = await lintFiles({ 't.ros.yaml': tpl });
    expect(f.map((x) => [x.ruleId, x.span.line, x.span.column, x.resource])).toEqual([
      [RULE, 8, 11, 'Resources.A'],
      [RULE, 12, 11, 'Resources.B'],
      [RULE, 16, 11, 'Resources.C'],
    ]);
  });

  it('with a Condition, a Count and Fn::If in its properties is reported once', async () => {
    const tpl = `${HEAD}Parameters:
  Env:
    Type: String
    Default: prod
    AllowedValues: [prod, dev]
Conditions:
  IsProd: {'Fn::Equals': [{Ref: Env}, prod]}
  IsBig: {'Fn::Equals': [{Ref: Env}, dev]}
Resources:
  WebSg:
    Type: ALIYUN::ECS::SecurityGroup
    Properties:
      VpcId: vpc-bp1opxu1zkhn00gzv1234
      SecurityGroupType: !If [IsProd, enterprise, normal]
  Network:
    Type: ALIYUN::ROS::Stack
    Condition: IsProd
    Count: 3
    Properties:
      TemplateURL: !If [IsBig, oss://b/big.yaml, oss://b/small.yaml]
      Parameters:
        Group: !Ref WebSg
        Index: !Ref ALIYUN::Index
`;
    const f = await lintFiles({ 't.ros.yaml': tpl });
    expect(f.map(key)).toEqual([{ ruleId: RULE, errorCode: null, line: 17, column: 11, endLine: 17, endColumn: 29 }]);
  });

  it('is not reported for templates without one, nor for other ALIYUN::ROS types', async () => {
    for (const [name, text] of [
      ['app.ros.yaml', fixture('app.ros.yaml')],
      ['app.ros.json', fixture('app.ros.json')],
      ['docs-example.ros.yaml', fixture('docs-example.ros.yaml')],
      ['t.ros.yaml', `${HEAD}Resources:\n  Wait:\n    Type: ALIYUN::ROS::WaitConditionHandle\n  Svc:\n    Type: ALIYUN::ROS::AutoEnableService\n    Properties:\n      ServiceName: CMS\n`],
    ] as const) {
      expect((await lintFiles({ [name]: text })).filter((f) => f.ruleId === RULE), name).toEqual([]);
    }
  });

  it('keeps its template a checked ROS input when it is the only resource, in the summary too', async () => {
    const only = `${HEAD}Resources:\n  Network:\n    Type: ALIYUN::ROS::Stack\n    Properties:\n      TemplateURL: oss://b/n.yaml\n`;
    const dir = workspace({ 'stack.ros.yaml': only, 'stack.ros.json': STACK_JSON }, 'sglint-nested-');
    try {
      const r = await lintPaths(['.'], {}, dir);
      expect(r.files.map((x) => [x.path, x.status, x.format])).toEqual([
        ['stack.ros.json', 'checked', 'ros'],
        ['stack.ros.yaml', 'checked', 'ros'],
      ]);
      expect(r.findings.map((x) => [x.ruleId, x.span.file, x.span.line, x.span.column])).toEqual([
        [RULE, 'stack.ros.json', 5, 15],
        [RULE, 'stack.ros.yaml', 4, 11],
      ]);
      const cli = await cliInProcess(['.'], dir);
      expect(cli.status).toBe(0);
      expect(cli.stdout).toContain('sglint: 2 file(s) checked, 0 skipped');
      expect(cli.stdout).toMatch(/0 error\(s\), 0 warning\(s\), 2 info\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a SARIF note result of a rule in tool.driver.rules', async () => {
    const dir = workspace({ 'app.ros.yaml': STACK_YAML }, 'sglint-nested-');
    try {
      const log = sarifLog(toEslint(await lintPaths(['.'], {}, dir), catalog), { catalog, cwd: dir, version: '0.0.0' });
      const run = log.runs[0]!;
      expect(run.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn])).toEqual([[RULE, 'note', 8, 11]]);
      expect(run.tool.driver.rules[run.results[0]!.ruleIndex!]!.id).toBe(RULE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('suppressing it, as any other finding', () => {
  it('a sglint-ignore comment on the line before its Type, or at the end of that line', async () => {
    expect((await lintFiles({ 'app.ros.yaml': STACK_YAML }, { today: '2026-06-01' })).map((f) => [f.ruleId, f.span.line])).toEqual([[RULE, 8]]);
    const before = STACK_YAML.replace('    Type: ALIYUN::ROS::Stack\n', `    # sglint-ignore ${RULE} reason="network.ros.yaml is checked on its own"\n    Type: ALIYUN::ROS::Stack\n`);
    expect(await lintFiles({ 'app.ros.yaml': before }, { today: '2026-06-01' })).toEqual([]);
    const eol = STACK_YAML.replace('    Type: ALIYUN::ROS::Stack\n', `    Type: ALIYUN::ROS::Stack # sglint-ignore ${RULE} reason="checked on its own"\n`);
    expect(await lintFiles({ 'app.ros.yaml': eol }, { today: '2026-06-01' })).toEqual([]);
    // Without a reason the comment is invalid, and the finding stays.
    const bare = STACK_YAML.replace('    Type: ALIYUN::ROS::Stack\n', `    # sglint-ignore ${RULE}\n    Type: ALIYUN::ROS::Stack\n`);
    expect((await lintFiles({ 'app.ros.yaml': bare }, { today: '2026-06-01' })).map((f) => [f.ruleId, f.span.line])).toEqual([
      ['suppression-invalid', 8],
      [RULE, 9],
    ]);
  });

  it("the stack resource's Metadata, in YAML and JSON, and a waiver naming the resource", async () => {
    expect((await lintFiles({ 'app.ros.yaml': STACK_YAML }, { today: '2026-06-01' })).map((f) => f.ruleId)).toEqual([RULE]);
    expect((await lintFiles({ 'app.ros.json': STACK_JSON }, { today: '2026-06-01' })).map((f) => f.ruleId)).toEqual([RULE]);
    const meta = `    Metadata:\n      sglint:\n        ignore:\n          - {rule: ${RULE}, reason: checked on its own}\n`;
    const yaml = STACK_YAML.replace('    Type: ALIYUN::ROS::Stack\n', `    Type: ALIYUN::ROS::Stack\n${meta}`);
    expect(await lintFiles({ 'app.ros.yaml': yaml }, { today: '2026-06-01' })).toEqual([]);
    const json = STACK_JSON.replace('"Type": "ALIYUN::ROS::Stack",', `"Type": "ALIYUN::ROS::Stack",\n      "Metadata": { "sglint": { "ignore": [ { "rule": "${RULE}", "reason": "checked on its own" } ] } },`);
    expect(await lintFiles({ 'app.ros.json': json }, { today: '2026-06-01' })).toEqual([]);
    const waivers = [{ rules: [RULE], resources: ['Resources.Network'], reason: 'checked on its own' }];
    expect(await lintFiles({ 'app.ros.yaml': STACK_YAML }, { today: '2026-06-01', waivers })).toEqual([]);
    // A waiver for another resource leaves it.
    const other = [{ rules: [RULE], resources: ['Resources.WebSg'], reason: 'not this one' }];
    expect((await lintFiles({ 'app.ros.yaml': STACK_YAML }, { today: '2026-06-01', waivers: other })).map((f) => f.ruleId)).toContain(RULE);
  });
});
