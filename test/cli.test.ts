// The bundled CLI as users run it: exit codes, formats, no stack traces.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sglint-cli-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const good = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n';
const bad = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';

describe('sglint CLI', () => {
  it('exit 0 on a clean repo, scanning the working directory by default', () => {
    const r = run([], workspace({ 'sg/a.yaml': good, '.github/workflows/ci.yml': 'on: push\n' }));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 file\(s\) checked, 1 skipped/);
  });

  it('exit 1 with findings; JSON output is the ESLint-shaped contract with relative paths', () => {
    const dir = workspace({ 'sg/bad.yaml': bad });
    const r = run(['--format', 'json', 'sg'], dir);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual([
      {
        filePath: 'sg/bad.yaml',
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
        messages: [
          expect.objectContaining({ ruleId: 'name-malformed', severity: 2, line: 4, column: 24, endLine: 4, endColumn: 28, errorCode: 'InvalidSecurityGroupName.Malformed', httpStatus: 400, resource: 'securityGroups[0]' }),
        ],
      },
    ]);
  });

  it('compact format: one file:line:col line per finding', () => {
    const r = run(['-f', 'compact', 'bad.yaml'], workspace({ 'bad.yaml': bad }));
    expect(r.stdout.split('\n')[0]).toMatch(/^bad\.yaml:4:24: error InvalidSecurityGroupName\.Malformed .*\[name-malformed\]$/);
  });

  it('stylish shows the error code and rule id', () => {
    const r = run(['bad.yaml'], workspace({ 'bad.yaml': bad }));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('InvalidSecurityGroupName.Malformed (name-malformed)');
    expect(r.stdout).toContain('bad.yaml:4:24');
  });

  it('--output writes the report to a file', () => {
    const dir = workspace({ 'bad.yaml': bad });
    const r = run(['-f', 'json', '-o', 'out.json', 'bad.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('--quiet drops warnings; --max-warnings fails on too many', () => {
    const warn = good.replace('VpcId', 'SecurityGroupName: "a:b"\n    VpcId');
    const dir = workspace({ 'w.yaml': warn });
    expect(run(['-f', 'json', '--quiet', 'w.yaml'], dir).stdout).not.toContain('name-uncertain-characters');
    expect(run(['w.yaml'], dir).status).toBe(0);
    expect(run(['--max-warnings', '0', 'w.yaml'], dir).status).toBe(1);
  });

  it('exit 2 without a stack trace: bad flag, missing path, bad format', () => {
    const dir = workspace({});
    for (const args of [['--nope'], ['missing.yaml'], ['-f', 'xml'], ['--max-warnings', 'x']]) {
      const r = run(args, dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^sglint: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a broken file is reported at its position and the other files are still checked', () => {
    const r = run(['-f', 'json', '.'], workspace({ 'a.yaml': 'securityGroups:\n  - RegionId: [cn\n', 'b.yaml': bad }));
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(out.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([
      ['a.yaml', ['parse-error']],
      ['b.yaml', ['name-malformed']],
    ]);
  });

  it('symlink loops and unreadable files in directory walks are reported, not fatal', () => {
    const dir = workspace({ 'x/a.yaml': good, 'x/locked.yaml': good });
    symlinkSync('..', join(dir, 'x', 'loop'));
    chmodSync(join(dir, 'x', 'locked.yaml'), 0o000);
    const r = run(['-f', 'json', 'x'], dir);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    if (process.getuid?.() === 0) {
      // root reads anything: the loop is the only hazard left.
      expect(out.map((f) => f.filePath)).toEqual(['x/a.yaml', 'x/locked.yaml']);
    } else {
      expect(out.find((f) => f.filePath === 'x/locked.yaml')?.messages[0]?.ruleId).toBe('file-unreadable');
    }
  });

  it('--var-file is relative to the working directory, not to the config file', () => {
    const dir = workspace({
      '.sglint.yaml': 'region: cn-hangzhou\n',
      'infra/main.tf': 'variable "name" {}\nresource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
      'infra/prod.tfvars': 'name = "1web"\n',
    });
    const r = run(['-f', 'compact', '.', '--var-file', 'prod.tfvars'], join(dir, 'infra'));
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/^prod\.tfvars:1:8: error InvalidSecurityGroupName\.Malformed .*\[name-malformed\]$/);
  });

  it('explain prints a rule by id or by API error code; unknown is exit 2', () => {
    const dir = workspace({});
    const byId = run(['explain', 'tag-key-malformed'], dir);
    expect(byId.status).toBe(0);
    expect(byId.stdout).toContain('InvalidTagKey.Malformed');
    const byCode = run(['explain', 'InternalError'], dir);
    expect(byCode.status).toBe(0);
    expect(run(['explain', 'nope'], dir).status).toBe(2);
  });
});

describe('pipes', () => {
  it('a reader that closes early (| head) ends the run without a stack trace', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `  - {RegionId: cn-hangzhou, VpcId: vpc-bp1opxu1zkhn00gzv1234, SecurityGroupName: ${i}x}`);
    const dir = workspace({ 'many.yaml': `securityGroups:\n${lines.join('\n')}\n` });
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" -f compact many.yaml | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout.split('\n')[0]).toMatch(/^many\.yaml:2:/);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('standard input', () => {
  const piped = (args: string[], input: string, cwd: string) =>
    spawnSync(process.execPath, [cli, '-f', 'json', ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const found = (stdout: string) =>
    (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]).flatMap((f) => f.messages.map((m) => [f.filePath, m.ruleId, m.line, m.column]));

  it('"-" checks standard input, named from its content (YAML, JSON, Terraform, a Terraform plan)', () => {
    const dir = workspace({});
    const yaml = piped(['-'], bad, dir);
    expect(yaml.status).toBe(1);
    expect(found(yaml.stdout)).toEqual([['stdin.yaml', 'name-malformed', 4, 24]]);
    const json = piped(['-'], '{"securityGroups": [{"RegionId": "cn-hangzhou", "SecurityGroupName": "1web"}]}', dir);
    expect(found(json.stdout)).toEqual([['stdin.json', 'name-malformed', 1, 70]]);
    const tf = piped(['-'], '# made by a script\nresource "alicloud_security_group" "g" {\n  security_group_name = "1web"\n}\n', dir);
    expect(found(tf.stdout)).toEqual([['stdin.tf', 'name-malformed', 3, 25]]);
    const plan = readFileSync(join(import.meta.dirname, 'fixtures', 'terraform', 'equiv', 'plan', 'plan.json'), 'utf8');
    expect(found(piped(['-'], plan, dir).stdout).map((f) => f[1])).toContain('name-malformed');
  });

  it('--stdin-filepath names it (its extension gives the format), beside the paths given', () => {
    const dir = workspace({ 'sg/a.yaml': bad });
    const r = piped(['--stdin-filepath', 'sg/b.tf', 'sg'], 'resource "alicloud_security_group" "g" {\n  security_group_name = "2web"\n}\n', dir);
    expect(found(r.stdout)).toEqual([
      ['sg/a.yaml', 'name-malformed', 4, 24],
      ['sg/b.tf', 'name-malformed', 2, 25],
    ]);
  });

  it('standard input named as a file of the walk stands for that file (an editor\'s unsaved buffer)', () => {
    const dir = workspace({ 'sg/a.yaml': bad, 'sg/b.yaml': bad });
    const r = piped(['--stdin-filepath', './sg/a.yaml', 'sg'], bad.replace('1web', '2web'), dir);
    expect(found(r.stdout)).toEqual([
      ['sg/a.yaml', 'name-malformed', 4, 24],
      ['sg/b.yaml', 'name-malformed', 4, 24],
    ]);
    expect(JSON.parse(r.stdout)[0].messages[0].message).toContain('2web');
    expect(r.stderr).toMatch(/2 file\(s\) checked/);
    // Without a name, standard input replaces no file, even one called stdin.yaml: each keeps its findings.
    const named = workspace({ 'stdin.yaml': bad });
    expect(found(piped(['-', '.'], bad.replace('1web', '2web'), named).stdout)).toEqual([
      ['stdin (standard input).yaml', 'name-malformed', 4, 24],
      ['stdin.yaml', 'name-malformed', 4, 24],
    ]);
  });

  it('explain takes exactly one id: none or more is a usage error', () => {
    expect(spawnSync(process.execPath, [cli, 'explain'], { encoding: 'utf8' }).status).toBe(2);
    expect(spawnSync(process.execPath, [cli, 'explain', 'parse-error', 'x'], { encoding: 'utf8' }).status).toBe(2);
  });

  it('an input that is not a security-group input is skipped, as a file would be', () => {
    const r = piped(['-'], 'hello: world\n', workspace({}));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/0 file\(s\) checked, 1 skipped/);
  });
});
