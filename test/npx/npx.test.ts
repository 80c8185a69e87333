// The npm package: `files` ships only what runs, and `npx --package <tarball> sglint` works from an
// empty directory with nothing else installed (the bundle has no runtime dependencies).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD, GOOD, bundle, root, tree } from '../action/bundle.ts';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('npm package', () => {
  it('ships only dist, schemas, README.md, LICENSE (and package.json)', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root)) as { files: { path: string }[] }[];
    const paths = pack!.files.map((f) => f.path);
    const outside = paths.filter((p) => !/^(dist|schemas)\//.test(p) && !['package.json', 'README.md', 'LICENSE'].includes(p));
    expect(outside).toEqual([]);
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('README.md');
    expect(paths).toContain('LICENSE');
    expect(paths.some((p) => p.startsWith('schemas/'))).toBe(true);
  });

  it('npx --package <tarball> sglint runs from an empty directory: exit 1 with the finding, exit 0 on a good file', () => {
    // Pack a copy whose dist/ is a fresh build of the current sources.
    const pkg = mkdtempSync(join(tmpdir(), 'sglint-pkg-'));
    for (const f of ['package.json', 'README.md', 'LICENSE', 'schemas']) cpSync(join(root, f), join(pkg, f), { recursive: true });
    cpSync(bundle(), join(pkg, 'dist'), { recursive: true });
    const out = mkdtempSync(join(tmpdir(), 'sglint-tgz-'));
    npm(['pack', '--ignore-scripts', '--pack-destination', out], pkg);
    const [tgz] = readdirSync(out).filter((f) => f.endsWith('.tgz'));
    expect(tgz).toMatch(/^sglint-\d+\.\d+\.\d+.*\.tgz$/);

    const empty = mkdtempSync(join(tmpdir(), 'sglint-empty-'));
    const specs = tree({ 'bad.yaml': BAD, 'good.yaml': GOOD });
    const npx = (...args: string[]) =>
      spawnSync('npx', ['--yes', '--package', join(out, tgz!), 'sglint', ...args], { cwd: empty, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    const bad = npx('--format', 'compact', join(specs, 'bad.yaml'));
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/bad\.yaml:4:24: error InvalidSecurityGroupName\.Malformed .*\[name-malformed\]/);
    const good = npx(join(specs, 'good.yaml'));
    expect(good.status, good.stderr).toBe(0);
    expect(readdirSync(empty)).toEqual([]);
  }, 120_000);
});
