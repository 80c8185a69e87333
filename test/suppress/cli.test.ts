// The adoption flags end to end through the CLI's main(): config (rules, ignore, extends, waivers),
// inline suppressions, --no-inline-suppressions, baselines, and config errors with positions.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, workspace } from './cli-helpers.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'suppress');

/** A copy of the README example repository (test/fixtures/suppress without the per-format examples). */
function exampleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sglint-example-'));
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes(`${FIXTURE}/formats`) });
  mkdirSync(join(dir, '.git'));
  return dir;
}

interface Msg { ruleId: string; line: number; column: number; severity: number }
const json = (stdout: string) =>
  (JSON.parse(stdout) as { filePath: string; messages: Msg[] }[]).flatMap((r) => r.messages.map((m) => [r.filePath, m.ruleId, m.line, m.column]));

describe('the README example repository', () => {
  it('applies extends, rules, ignore, waivers and inline suppressions', async () => {
    const r = await cli(['--format', 'json'], exampleRepo());
    expect(r.stderr).not.toContain('could not');
    expect(json(r.stdout)).toEqual([
      ['spec.yaml', 'description-malformed', 6, 18],
      ['spec.yaml', 'suppression-expired', 6, 38],
    ]);
    expect(r.status).toBe(1);
  });

  it('--no-inline-suppressions reports what the comments hid (waivers in config still apply)', async () => {
    const r = await cli(['--format', 'json', '--no-inline-suppressions'], exampleRepo());
    expect(json(r.stdout)).toEqual([
      ['spec.yaml', 'name-malformed', 5, 24],
      ['spec.yaml', 'description-malformed', 6, 18],
    ]);
  });

  it('a baseline written today hides today\'s findings; new ones and fixed entries are reported', async () => {
    const dir = exampleRepo();
    const w = await cli(['--write-baseline', '.sglint-baseline.json', '--format', 'json'], dir);
    expect(w.status).toBe(0);
    expect(json(w.stdout)).toEqual([]);
    const b = JSON.parse(readFileSync(join(dir, '.sglint-baseline.json'), 'utf8'));
    expect(b.entries.map((e: { rule: string; file: string; resource: string; count: number }) => [e.file, e.resource, e.rule, e.count])).toEqual([
      ['spec.yaml', 'securityGroups[0]', 'description-malformed', 1],
      ['spec.yaml', null, 'suppression-expired', 1],
    ]);

    // Insert lines above, fix nothing: still clean. Then add a new finding: only it is reported.
    const spec = readFileSync(join(dir, 'spec.yaml'), 'utf8');
    writeFileSync(join(dir, 'spec.yaml'), `# edited\n\n${spec}`);
    const same = await cli(['--baseline', '.sglint-baseline.json'], dir);
    expect(same.status).toBe(0);
    expect(same.stdout).toMatch(/2 known finding\(s\) not reported; 0 entries fixed/);

    writeFileSync(join(dir, 'spec.yaml'), `${spec.replace('http://intranet/web', 'intranet web')}    Description: https://new\n`);
    const next = await cli(['--baseline', '.sglint-baseline.json', '--format', 'json'], dir);
    expect(json(next.stdout)).toEqual([['spec.yaml', 'description-malformed', 10, 18]]);
    expect(next.status).toBe(1);
    // machine formats keep stdout parseable: the baseline summary goes to stderr
    expect(next.stderr).toMatch(/1 known finding\(s\) not reported; 1 entry fixed/);
  });

  it('reports fixed baseline entries', async () => {
    const dir = exampleRepo();
    await cli(['--write-baseline', 'base.json'], dir);
    const spec = readFileSync(join(dir, 'spec.yaml'), 'utf8');
    writeFileSync(join(dir, 'spec.yaml'), spec.replace(/ +Description: http:.*\n/, ''));
    const r = await cli(['--baseline', 'base.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 known finding\(s\) not reported; 2 entries fixed/);
    expect(r.stdout).toContain('fixed: spec.yaml securityGroups[0] description-malformed (InvalidDescription.Malformed) ×1');
  });

  it('counts as fixed only entries of files checked in this run (or deleted), as when pre-commit names some files', async () => {
    const bad = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';
    const dir = workspace({ 'a.yaml': bad, 'b.yaml': bad, 'c.yaml': bad, 'd.yaml': bad });
    expect((await cli(['--write-baseline', 'base.json'], dir)).status).toBe(0);
    rmSync(join(dir, 'c.yaml'));
    writeFileSync(join(dir, 'd.yaml'), 'securityGroups: [\n'); // now unparsable: its findings are unknown, not fixed
    const r = await cli(['--baseline', 'base.json', '-f', 'json', 'a.yaml', 'd.yaml'], dir);
    expect(r.status).toBe(1);
    expect(json(r.stdout)).toEqual([['d.yaml', 'parse-error', 2, 1]]);
    const fixed = r.stderr.split('\n').filter((l) => /^\s+fixed: /.test(l)).map((l) => l.trim().split(' ')[1]);
    expect(fixed).toEqual(['c.yaml']);
  });

  it('rewriting the baseline over some files keeps the entries of the others, unless they are deleted', async () => {
    const bad = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';
    const dir = workspace({ 'a.yaml': bad, 'b.yaml': bad, 'c.yaml': bad, 'd.yaml': bad });
    expect((await cli(['--write-baseline', 'base.json'], dir)).status).toBe(0);
    const files = () => (JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { entries: { file: string; count: number }[] }).entries.map((e) => [e.file, e.count]);
    expect(files()).toEqual([['a.yaml', 1], ['b.yaml', 1], ['c.yaml', 1], ['d.yaml', 1]]);
    // a.yaml fixed, c.yaml deleted, d.yaml unparsable now: only what this run knows changes.
    writeFileSync(join(dir, 'a.yaml'), bad.replace('1web', 'web'));
    rmSync(join(dir, 'c.yaml'));
    writeFileSync(join(dir, 'd.yaml'), 'securityGroups: [\n');
    expect((await cli(['--write-baseline', 'base.json', 'a.yaml', 'd.yaml'], dir)).status).toBe(1);
    expect(files()).toEqual([['b.yaml', 1], ['d.yaml', 1]]);
    const r = await cli(['--baseline', 'base.json', '-f', 'json', 'b.yaml'], dir);
    expect(r.status).toBe(0);
    expect(json(r.stdout)).toEqual([]);
  });

  it('a module file the run read through a call counts as read: its fixed entry is dropped on rewrite', async () => {
    const mod = (name: string) => `resource "alicloud_security_group" "g" {\n  security_group_name = "${name}"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n`;
    const dir = workspace({ 'envs/prod/main.tf': 'module "sg" {\n  source = "../../modules/sg"\n}\n', 'modules/sg/main.tf': mod('1bad') });
    const files = () => (JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { entries: { file: string }[] }).entries.map((e) => e.file);
    expect((await cli(['--write-baseline', 'base.json', 'envs/prod'], dir)).status).toBe(0);
    expect(files()).toEqual(['modules/sg/main.tf']);
    writeFileSync(join(dir, 'modules/sg/main.tf'), mod('web'));
    expect((await cli(['--write-baseline', 'base.json', 'envs/prod'], dir)).status).toBe(0);
    expect(files()).toEqual([]);
  });

  it('a missing or malformed baseline is exit 2 with its position', async () => {
    const dir = exampleRepo();
    const missing = await cli(['--baseline', 'sub/../nope.json'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('sglint --write-baseline nope.json`');
    writeFileSync(join(dir, 'b.json'), '{"version": 1,\n "entries": [{"file": 1}]}');
    const r = await cli(['--baseline', 'b.json'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('b.json:2:14:');
  });

  it('a baseline saved with a byte order mark is read; one with invalid UTF-8 is exit 2 at the bad byte', async () => {
    const dir = exampleRepo();
    expect((await cli(['--write-baseline', 'base.json'], dir)).status).toBe(0);
    const bytes = readFileSync(join(dir, 'base.json'));
    writeFileSync(join(dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    const r = await cli(['--baseline', 'bom.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/[1-9]\d* known finding\(s\) not reported; 0 entries fixed/);
    writeFileSync(join(dir, 'bad.json'), Buffer.concat([Buffer.from('{\n  "version": 1,\n  "entries": ["'), Buffer.from([0xff]), Buffer.from('"]}')]));
    const bad = await cli(['--baseline', 'bad.json'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad.json:3:16:');
  });
});

describe('config errors are located (exit 2)', () => {
  const bad = async (config: string, files: Record<string, string> = {}) => {
    const r = await cli([], workspace({ '.sglint.yaml': config, ...files }));
    expect(r.status).toBe(2);
    return r.stderr;
  };

  it('unknown rule ids under rules, waivers and unsuppressible, with did-you-mean', async () => {
    expect(await bad('rules:\n  name-malformd: off\n')).toMatch(/^sglint: \.sglint\.yaml:2:3: .*"name-malformd".*did you mean "name-malformed"/m);
    expect(await bad('unsuppressible: [parse-eror]\n')).toMatch(/\.sglint\.yaml:1:18: .*did you mean "parse-error"/);
    expect(await bad('waivers:\n  - rules: [InvalidDescription.Malformd]\n    reason: x\n')).toMatch(/\.sglint\.yaml:2:13: .*did you mean "InvalidDescription\.Malformed"/);
  });

  it('invalid severities and waiver fields', async () => {
    expect(await bad('rules:\n  name-malformed: warn\n')).toMatch(/\.sglint\.yaml:2:19: .*did you mean "warning"/);
    expect(await bad('waivers:\n  - rules: [name-malformed]\n')).toMatch(/\.sglint\.yaml:2:5: .*reason/);
    expect(await bad('waivers:\n  - rules: [name-malformed]\n    reason: x\n    expires: 31.12.2026\n')).toMatch(/\.sglint\.yaml:4:14: /);
    // A date of the right shape that is no day of the calendar is the same config error.
    expect(await bad('waivers:\n  - rules: [name-malformed]\n    reason: x\n    expires: 2026-02-30\n')).toMatch(/\.sglint\.yaml:4:14: .*not a date/);
  });

  it('the severity of parse-error and the other rules that cannot be suppressed cannot be changed', async () => {
    for (const [rule, severity] of [['parse-error', 'off'], ['parse-error', 'info'], ['file-unreadable', 'warning'], ['file-too-large', 'off'], ['suppression-invalid', 'warning']]) {
      expect(await bad(`rules:\n  ${rule}: ${severity}\n`), `${rule}: ${severity}`).toMatch(/^sglint: \.sglint\.yaml:2:\d+: .*cannot be changed/m);
    }
    const same = await cli(['-f', 'json'], workspace({ '.sglint.yaml': 'rules:\n  parse-error: error\n', 'x.yaml': 'securityGroups: [\n' }));
    expect(json(same.stdout)).toEqual([['x.yaml', 'parse-error', 2, 1]]);
    expect(same.status).toBe(1);
  });

  it('extends: a missing file and a cycle', async () => {
    expect(await bad('extends: ./nope.yaml\n')).toMatch(/\.sglint\.yaml:1:10: /);
    expect(await bad('extends: ./b.yaml\n', { 'b.yaml': 'extends: ./.sglint.yaml\n' })).toMatch(/circular/);
  });

  it('a waiver naming an error code is accepted', async () => {
    const r = await cli(['--format', 'json'], workspace({ '.sglint.yaml': 'waivers:\n  - rules: [InvalidSecurityGroupName.Malformed]\n    reason: legacy\n', 'spec.yaml': 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n' }));
    expect(r.status).toBe(0);
    expect(json(r.stdout)).toEqual([]);
  });
});

describe('waivers through the CLI', () => {
  it('an unused waiver is reported in the config file, also when the walk met that file as an input', async () => {
    const spec = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';
    const r = await cli(['--format', 'json'], workspace({ '.sglint.yaml': 'waivers:\n  - rules: [name-malformed]\n    paths: ["legacy/**"]\n    reason: old\n', 'spec.yaml': spec }));
    expect(json(r.stdout)).toEqual([
      ['.sglint.yaml', 'suppression-unused', 2, 5],
      ['spec.yaml', 'name-malformed', 4, 24],
    ]);
    expect(r.status).toBe(1);
  });
});

describe('directives in files named alone', () => {
  const group = (token: string, name: string) => `securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: ${name}\n    ClientToken: ${token}\n`;
  const repo = () =>
    workspace({
      'a.yaml': group('t-1', 'web'),
      'b.yaml': '# sglint-ignore-file client-token-reused reason="retried on purpose"\n# sglint-ignore-file name-malformed reason="old"\n' + group('t-1', 'api'),
    });

  it('a directive for a rule that compares resources is not judged without the other files (pre-commit); one for a rule of one group is', async () => {
    const dir = repo();
    const staged = await cli(['--format', 'json', '--', 'b.yaml'], dir);
    expect(json(staged.stdout)).toEqual([['b.yaml', 'suppression-unused', 2, 1]]);
    // The whole tree: the token is reused, the directive used; the name directive still suppresses nothing.
    expect(json((await cli(['--format', 'json'], dir)).stdout)).toEqual([['b.yaml', 'suppression-unused', 2, 1]]);
    // With the reuse gone, a walk judges the token directive unused too.
    writeFileSync(join(dir, 'a.yaml'), group('t-2', 'web'));
    expect(json((await cli(['--format', 'json'], dir)).stdout)).toEqual([
      ['b.yaml', 'suppression-unused', 1, 1],
      ['b.yaml', 'suppression-unused', 2, 1],
    ]);
  });
});

describe('directives for a VPC declared in another file', () => {
  it('are not judged in a file named alone; a walk that reads the VPC uses them', async () => {
    const dir = workspace({
      'a.yaml': 'securityGroups:\n  - RegionId: cn-hangzhou\n    # sglint-ignore vpc-not-available reason="created in the same change"\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n',
      'b.yaml': 'vpcs:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n    RegionId: cn-hangzhou\n    Status: Pending\n',
    });
    expect(json((await cli(['--format', 'json'], dir)).stdout)).toEqual([]);
    expect(json((await cli(['--format', 'json', '--', 'a.yaml'], dir)).stdout)).toEqual([]);
    writeFileSync(join(dir, 'b.yaml'), 'vpcs:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n    RegionId: cn-hangzhou\n    Status: Available\n');
    expect(json((await cli(['--format', 'json'], dir)).stdout)).toEqual([['a.yaml', 'suppression-unused', 3, 5]]);
  });
});

describe('waivers on part of the repository', () => {
  const spec = (name: string) => `securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: ${name}\n`;
  const repo = () =>
    workspace({
      '.sglint.yaml': 'waivers:\n  - rules: [name-malformed]\n    paths: ["legacy/**"]\n    reason: old\n  - rules: [name-malformed]\n    paths: ["*.json"]\n    reason: generated\n',
      'legacy/old.yaml': spec('1old'),
      'app/new.yaml': spec('web'),
      'api/deep/request.json': '{"RegionId": "cn-hangzhou", "SecurityGroupName": "1api", "VpcId": "vpc-bp1opxu1zkhn00gzv1234"}',
    });

  it('a waiver is judged unused only when the run read every file it may cover (pre-commit names some files)', async () => {
    const dir = repo();
    for (const args of [['--', 'app/new.yaml'], ['app'], ['app/new.yaml', 'legacy/old.yaml']]) {
      const r = await cli(['--format', 'json', ...args], dir);
      expect(json(r.stdout), args.join(' ')).toEqual([]);
      expect(r.status, args.join(' ')).toBe(0);
    }
    // The whole tree, or the waiver's own directory: a waiver that covers nothing there is unused.
    writeFileSync(join(dir, 'legacy', 'old.yaml'), spec('old'));
    expect(json((await cli(['--format', 'json'], dir)).stdout)).toEqual([['.sglint.yaml', 'suppression-unused', 2, 5]]);
    expect(json((await cli(['--format', 'json', 'legacy'], dir)).stdout)).toEqual([['.sglint.yaml', 'suppression-unused', 2, 5]]);
  });

  it('a waiver for a directory a walk does not enter (dist, node_modules, ignore) is not judged by that walk', async () => {
    const dir = workspace({
      '.sglint.yaml': 'ignore: [vendor]\nwaivers:\n  - rules: [name-malformed]\n    paths: ["dist/**"]\n    reason: built\n  - rules: [name-malformed]\n    paths: ["vendor/**"]\n    reason: theirs\n',
      'dist/out.yaml': spec('1built'),
      'vendor/x.yaml': spec('1theirs'),
      'app/new.yaml': spec('web'),
    });
    const r = await cli(['--format', 'json', '--max-warnings', '0', '.'], dir);
    expect(json(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
    const named = await cli(['--format', 'json', 'dist'], dir);
    expect(json(named.stdout)).toEqual([]);
  });

  it('the same for a pattern with wildcards above the directory not entered; a directory named beside the walk is entered', async () => {
    const dir = workspace({
      '.sglint.yaml': 'waivers:\n  - rules: [name-malformed]\n    paths: ["packages/*/dist/**"]\n    reason: built\n',
      'packages/a/dist/out.yaml': spec('1built'),
      'packages/a/src/in.yaml': spec('web'),
    });
    const r = await cli(['--format', 'json', '--max-warnings', '0', '.'], dir);
    expect(json(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
    // Named beside the walk, the directory is read: a waiver covering nothing there is unused.
    writeFileSync(join(dir, 'packages/a/dist/out.yaml'), spec('built'));
    const both = await cli(['--format', 'json', '.', 'packages/a/dist'], dir);
    expect(json(both.stdout)).toEqual([['.sglint.yaml', 'suppression-unused', 2, 5]]);
    expect(both.stderr).not.toMatch(/not searched/);
  });

  it('waiver paths match as ignore patterns do: a pattern without / at any depth', async () => {
    const r = await cli(['--format', 'json'], repo());
    expect(json(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe('ignore globs', () => {
  it('leave matching paths out of directory walks, relative to the config file', async () => {
    const bad = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';
    const dir = workspace({ 'infra/.sglint.yaml': 'ignore: ["vendor/**", "*.gen.yaml", "/top.yaml"]\n', 'infra/vendor/a/b.yaml': bad, 'infra/x/y.gen.yaml': bad, 'infra/top.yaml': bad, 'infra/x/top.yaml': bad, 'infra/ok.yaml': bad });
    const r = await cli(['--format', 'json', '.'], join(dir, 'infra'));
    expect(json(r.stdout).map((m) => m[0])).toEqual(['ok.yaml', 'x/top.yaml']);
  });
});
