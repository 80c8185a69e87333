// The pre-commit hook as a consumer repository uses it: `repo: <this repository>` + `rev: <sha>`.
// pre-commit installs a `language: node` hook with the system node and `npm install`, so the hook
// repository must hold the built dist/: the test commits a fresh build into a temporary copy.
// Needs the `pre-commit` executable (.ci/run installs Debian's package); skipped without it.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BAD, GOOD, bundle, root, tree } from '../action/bundle.ts';
import { CANDIDATE } from '../../src/load/discover.ts';

const hasPrecommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

/** A git repository with what the hook needs from this one (package.json, hook file, fresh dist/). */
function hookRepo(): { dir: string; rev: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sglint-hookrepo-'));
  for (const f of ['package.json', 'package-lock.json', '.pre-commit-hooks.yaml', 'README.md', 'LICENSE', 'schemas']) cpSync(join(root, f), join(dir, f), { recursive: true });
  cpSync(bundle(), join(dir, 'dist'), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'hook');
  return { dir, rev: git(dir, 'rev-parse', 'HEAD') };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares the sglint hook: node, the bundled bin, spec/Terraform/ROS files, compact output', () => {
    const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    // `--` last: the file names pre-commit appends are paths even when they start with "-".
    expect(hook).toMatchObject({ id: 'sglint', language: 'node', entry: 'sglint', pass_filenames: true, args: ['--format', 'compact', '--'] });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin.sglint).toBe('dist/cli.js');
    expect(pkg.dependencies ?? {}).toEqual({});
    // pre-commit's `files` is a Python regular expression: a leading (?i) makes it case-insensitive.
    const pattern = String(hook.files);
    const files = pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
    for (const f of ['sg.yaml', 'a/sg.yml', 'x.json', 'main.tf', 'main.tf.json', 'prod.tfvars']) expect(files.test(f), f).toBe(true);
    for (const f of ['README.md', 'main.ts', 'yaml.txt']) expect(files.test(f), f).toBe(false);
    // The hook passes exactly the files a directory walk would check (discovery ignores case).
    for (const f of ['SG.YAML', 'a/Sg.Yml', 'X.JSON', 'MAIN.TF', 'main.TF.json', 'prod.TFVARS', 'x.Json', 'README.MD', 'main.TS']) {
      expect(files.test(f), f).toBe(CANDIDATE.test(f));
    }
  });

  it.skipIf(!hasPrecommit)('runs from a consumer repository: fails on a bad file with the finding line, passes on a good one (needs pre-commit on PATH)', () => {
    const hook = hookRepo();
    const consumer = tree({
      'bad.yaml': BAD,
      'good.yaml': GOOD,
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hook.dir}\n    rev: ${hook.rev}\n    hooks:\n      - id: sglint\n`,
    });
    git(consumer, 'init', '-q');
    git(consumer, 'add', '-A');
    const env = { ...process.env, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'sglint-pchome-')), PRE_COMMIT_COLOR: 'never' };
    const bad = spawnSync('pre-commit', ['run', '--files', 'bad.yaml'], { cwd: consumer, env, encoding: 'utf8' });
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/^sglint\.+Failed$/m);
    expect(bad.stdout).toMatch(/^bad\.yaml:4:24: error InvalidSecurityGroupName\.Malformed .*\[name-malformed\]$/m);
    const good = spawnSync('pre-commit', ['run', '--files', 'good.yaml'], { cwd: consumer, env, encoding: 'utf8' });
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^sglint\.+Passed$/m);
    writeFileSync(join(consumer, '-dash.yaml'), BAD);
    git(consumer, 'add', '--', '-dash.yaml');
    const dash = spawnSync('pre-commit', ['run', '--files=-dash.yaml'], { cwd: consumer, env, encoding: 'utf8' });
    expect(dash.status, dash.stdout + dash.stderr).toBe(1);
    expect(dash.stdout).toMatch(/^-dash\.yaml:4:24: error InvalidSecurityGroupName\.Malformed .*\[name-malformed\]$/m);
    writeFileSync(join(consumer, 'UPPER.YAML'), BAD);
    const upper = spawnSync('pre-commit', ['run', '--files', 'UPPER.YAML'], { cwd: consumer, env, encoding: 'utf8' });
    expect(upper.status, upper.stdout + upper.stderr).toBe(1);
    expect(upper.stdout).toMatch(/^UPPER\.YAML:4:24: error InvalidSecurityGroupName\.Malformed .*\[name-malformed\]$/m);
    writeFileSync(join(consumer, 'notes.md'), '# not a spec\n');
    const skipped = spawnSync('pre-commit', ['run', '--files', 'notes.md'], { cwd: consumer, env, encoding: 'utf8' });
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toMatch(/^sglint\.+\(no files to check\)Skipped$/m);
  }, 120_000);
});
