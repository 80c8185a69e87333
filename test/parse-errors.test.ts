// Files that do not parse: one finding per cause, and files that are evidently not security-group inputs
// (editor settings in JSONC, templated YAML) do not fail the run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintSources } from '../src/index.ts';
import { cliInProcess, workspace } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

const rows = async (files: Record<string, string>) => {
  const r = await lintSources(Object.entries(files).map(([path, text]) => ({ path, text })));
  return {
    findings: r.findings.map((f) => [f.span.file, f.ruleId, f.span.line, f.span.column]),
    files: r.files.map((f) => [f.path, f.status]),
  };
};

describe('duplicate keys', () => {
  it('each is a parse-error at the second key, and the rest of the file is still checked (YAML as JSON)', async () => {
    const r = await rows({
      's.yaml': 'securityGroups:\n  - RegionId: cn-hangzhou\n    RegionId: cn-hangzhou\n    SecurityGroupName: 1web\n',
      's.json': '{"securityGroups": [{"RegionId": "cn-hangzhou", "RegionId": "cn-hangzhou", "SecurityGroupName": "1web"}]}\n',
      't.ros.yaml':
        "ROSTemplateFormatVersion: '2015-09-01'\nConditions:\n  A: {Fn::Equals: [a, a]}\nConditions:\n  A: {Fn::Equals: [a, a]}\n" +
        'Resources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: 2web\n',
    });
    expect(r.findings).toEqual([
      ['s.json', 'parse-error', 1, 49],
      ['s.json', 'name-malformed', 1, 97],
      ['s.yaml', 'parse-error', 3, 5],
      ['s.yaml', 'name-malformed', 4, 24],
      ['t.ros.yaml', 'parse-error', 4, 1],
      ['t.ros.yaml', 'name-malformed', 10, 26],
    ]);
  });

  it('a file of another kind with a duplicate key is still skipped, not failed', async () => {
    const r = await rows({ 'settings.json': '{"a": 1, "a": 2}\n', 'ci.yaml': 'on: push\non: pull_request\n' });
    expect(r.findings).toEqual([]);
    expect(r.files).toEqual([
      ['ci.yaml', 'skipped'],
      ['settings.json', 'skipped'],
    ]);
  });
});

describe('one syntax error, one finding', () => {
  it('JSON: a trailing comma or an unclosed object is one parse-error, where it is', async () => {
    const r = await rows({
      'comma.json': '{"securityGroups": [{"RegionId": "cn-hangzhou",}]}\n',
      'open.json': '{"securityGroups": [{"RegionId": "cn-hangzhou"\n',
    });
    expect(r.findings).toEqual([
      // At the comma, the mistake, not at the `}` after it.
      ['comma.json', 'parse-error', 1, 47],
      ['open.json', 'parse-error', 2, 1],
    ]);
  });

  it('said as the mistake it is: an unclosed quote at its opening, `Key:value`, a plain value holding `: `, a trailing comma', async () => {
    const sg = (line: string) => `securityGroups:\n  - RegionId: cn-hangzhou\n    ${line}\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n`;
    const cases: [string, string, number, number, RegExp][] = [
      // The parser itself reports the end of the file.
      ['quote.yaml', sg('Description: "web'), 3, 18, /double-quoted string is never closed/],
      ['single.yaml', sg("Description: 'web"), 3, 18, /single-quoted string is never closed/],
      ['colon.yaml', sg('SecurityGroupName:web'), 3, 22, /`SecurityGroupName:` needs a space/],
      ['plain.yaml', sg("Description: it's: a group"), 3, 18, /holds `: ` must be quoted/],
      ['comma.json', '{"securityGroups": [\n  {"RegionId": "cn-hangzhou"},\n]}\n', 2, 30, /comma after the last item/],
    ];
    for (const [path, text, line, column, message] of cases) {
      const r = await lintSources([{ path, text }]);
      expect(r.findings.map((f) => [f.ruleId, f.span.line, f.span.column]), path).toEqual([['parse-error', line, column]]);
      expect(r.findings[0]!.message, path).toMatch(message);
    }
  });

  it('YAML: a bad indentation that confuses the lines after it is one parse-error', async () => {
    const r = await rows({ 'sg.yaml': 'securityGroups:\n  - RegionId: cn\n   VpcId: x\n  x\n' });
    expect(r.findings).toEqual([['sg.yaml', 'parse-error', 3, 1]]);
  });

  it('Terraform: an unfinished argument is one parse-error, not another for the brace at the end of the file', async () => {
    const r = await rows({ 'main.tf': 'resource "alicloud_security_group" "broken" {\n  security_group_name =\n}\n\nresource "alicloud_security_group" "fine" {\n  security_group_name = "fine"\n}\n' });
    expect(r.findings).toEqual([['main.tf', 'parse-error', 2, 24]]);
  });
});

describe('files that do not parse and are evidently not inputs', () => {
  it('JSONC (comments, trailing commas) and broken YAML that no loader would claim are skipped, not failed; inputs still fail', async () => {
    const r = await rows({
      '.vscode/settings.json': '{\n  // editor\n  "editor.tabSize": 2,\n}\n',
      'chart/templates/cm.yaml': 'data:\n  key: [unclosed\nother: 1\n',
      // Claimed by what can be read of them, or naming a key a loader claims by: parse-errors.
      'sg.json': '{"securityGroups": [{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234",}]}\n',
      'ros.yaml': 'ROSTemplateFormatVersion: "2015-09-01"\nResources: [\n',
      'garbled.yaml': '%%%\nsecurityGroups:\n',
    });
    expect(r.files).toEqual([
      ['.vscode/settings.json', 'skipped'],
      ['chart/templates/cm.yaml', 'skipped'],
      ['garbled.yaml', 'failed'],
      ['ros.yaml', 'failed'],
      ['sg.json', 'failed'],
    ]);
    expect(r.findings.map(([file, rule]) => [file, rule])).toEqual([
      ['garbled.yaml', 'parse-error'],
      ['ros.yaml', 'parse-error'],
      ['sg.json', 'parse-error'],
    ]);
  });

  it('the CLI passes on such a repository and notes the broken YAML it skipped', async () => {
    const dir = workspace({
      '.vscode/settings.json': '{\n  "editor.tabSize": 2,\n}\n',
      'chart/templates/cm.yaml': 'data:\n  key: [unclosed\nother: 1\n',
      'sg.yaml': 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n',
    });
    const r = await cliInProcess(['.'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sglint: skipped chart\/templates\/cm\.yaml: /m);
    expect(r.stdout).not.toMatch(/settings\.json/);
    expect(r.stdout).toMatch(/1 file\(s\) checked, 2 skipped/);
  });
});
