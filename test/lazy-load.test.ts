// The bundled CLI loads the YAML/JSON libraries, the config validator and the plan loader only when an
// input needs them. Each case runs in a fresh process, so a path that needs one of them before it is
// loaded would show here as an internal error instead of the findings asserted.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sglint-lazy-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

interface Message { ruleId: string; line: number; column: number; message: string }

function run(dir: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [cli, '-f', 'json', ...args], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/internal|at .*\.js:\d+/);
  const files = r.stdout ? (JSON.parse(r.stdout) as { filePath: string; messages: Message[] }[]) : [];
  const found = files.flatMap((f) => f.messages.map((m) => [f.filePath, m.ruleId, m.line, m.column] as const));
  return { status: r.status, stderr: r.stderr, found };
}

const GROUP = 'RegionId: cn-hangzhou, VpcId: vpc-bp1opxu1zkhn00gzv1234';

describe('inputs that need the full parsers, in a fresh process', () => {
  it('a YAML spec with anchors, merge keys, flow maps and an inline suppression', () => {
    const spec = [
      'x-base: &base',
      '  RegionId: cn-hangzhou',
      '  VpcId: vpc-bp1opxu1zkhn00gzv1234',
      'securityGroups:',
      '  - <<: *base',
      '    SecurityGroupName: 1web',
      '  # sglint-ignore name-malformed reason="legacy name"',
      `  - {${GROUP}, SecurityGroupName: 2web}`,
      `  - {${GROUP}, SecurityGroupName: 3web}`,
      '',
    ].join('\n');
    const r = run(workspace({ 'spec.yaml': spec }));
    expect(r.found.filter(([, id]) => id === 'name-malformed')).toEqual([
      ['spec.yaml', 'name-malformed', 6, 24],
      ['spec.yaml', 'name-malformed', 9, 82],
    ]);
    expect(r.status).toBe(1);
  });

  it('inline suppressions in a plain block YAML spec (comments from the fast scanner) and in a ROS template with tags', () => {
    const spec = [
      'securityGroups:',
      '  - RegionId: cn-hangzhou',
      '    # sglint-ignore name-malformed reason="legacy name"',
      '    SecurityGroupName: 1web',
      '  - RegionId: cn-hangzhou',
      '    SecurityGroupName: "2web" # sglint-ignore name-malformed reason="legacy # name"',
      '  - RegionId: cn-hangzhou',
      '    SecurityGroupName: 3web',
      '',
    ].join('\n');
    const ros = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Resources:',
      '  Sg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      VpcId: !Ref Vpc # sglint-ignore ros-ref-unknown reason="declared elsewhere"',
      '      SecurityGroupName: 4web',
      '',
    ].join('\n');
    const r = run(workspace({ 'spec.yaml': spec, 't.ros.yaml': ros }), ['--region', 'cn-hangzhou']);
    expect(r.found).toEqual([
      ['spec.yaml', 'name-malformed', 8, 24],
      ['t.ros.yaml', 'name-malformed', 7, 26],
    ]);
    expect(r.status).toBe(1);
  });

  it('a JSON spec with a syntax error is a located parse error', () => {
    const r = run(workspace({ 'spec.json': '{\n  "securityGroups": [\n    {"RegionId": "cn-hangzhou",}\n  ]\n}\n' }));
    expect(r.found).toContainEqual(['spec.json', 'parse-error', 3, 31]);
  });

  it('a flow-style config file is read and validated, with positions', () => {
    const spec = `securityGroups:\n  - {${GROUP}, Description: http://x}\n`;
    // An error by default; the config makes it a warning, so the run passes.
    expect(run(workspace({ 'spec.yaml': spec })).status).toBe(1);
    const ok = run(workspace({ '.sglint.yaml': '{rules: {description-malformed: warning}}\n', 'spec.yaml': spec }));
    expect(ok.found).toEqual([['spec.yaml', 'description-malformed', 2, 76]]);
    expect(ok.status).toBe(0);
    const bad = run(workspace({ '.sglint.yaml': '{rules: {description-malformd: warning}}\n', 'spec.yaml': spec }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sglint: \.sglint\.yaml:1:10: /);
  });

  it('a ROS RAM policy written as an invalid JSON string is reported on the string', () => {
    const tpl = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Resources:',
      '  Deployer:',
      '    Type: ALIYUN::RAM::ManagedPolicy',
      '    Properties:',
      '      PolicyName: ci-deployer',
      `      PolicyDocument: '{"Version": "1", "Statement": [ }'`,
      '',
    ].join('\n');
    const r = run(workspace({ 'stack.ros.yaml': tpl }));
    expect(r.found.length).toBeGreaterThan(0);
    expect(r.found.every(([file, id, line]) => file === 'stack.ros.yaml' && id === 'ram-policy-malformed' && line === 7)).toBe(true);
  });

  it('a Terraform plan JSON is loaded by the plan loader', () => {
    const fixtures = join(import.meta.dirname, 'fixtures', 'terraform', 'equiv');
    const dir = workspace({});
    copyFileSync(join(fixtures, 'plan', 'plan.json'), join(dir, 'plan.json'));
    const r = run(dir);
    const spec = run(workspace({ 'spec.yaml': readFileSync(join(fixtures, 'spec', readdirSync(join(fixtures, 'spec'))[0]!), 'utf8') }));
    // The plan states the same groups as the native spec of the same fixture: the same rules fire.
    expect(r.found.map(([, id]) => id).sort()).toEqual(spec.found.map(([, id]) => id).sort());
    expect(r.found.length).toBeGreaterThan(0);
  });

  it('a baseline is written and then read', () => {
    const dir = workspace({ 'spec.yaml': `securityGroups:\n  - {${GROUP}, SecurityGroupName: 1web}\n` });
    expect(run(dir).found).toEqual([['spec.yaml', 'name-malformed', 2, 82]]);
    expect(run(dir, ['--write-baseline', 'baseline.json']).found).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).entries).toHaveLength(1);
    const again = run(dir, ['--baseline', 'baseline.json']);
    expect(again.found).toEqual([]);
    expect(again.status).toBe(0);
  });
});

