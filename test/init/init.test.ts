import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/engine/config-file.ts';
import { catalog } from '../../rules/index.ts';
import { STARTER_CONFIG } from '../../src/init.ts';
import { cli, workspace } from '../suppress/cli-helpers.ts';
import { workspace as plainWorkspace } from '../helpers.ts';

describe('sglint --init', () => {
  it('writes a starter config that loads without problems and a workflow running the Action', async () => {
    const dir = workspace({});
    const r = await cli(['--init'], dir);
    expect(r.status).toBe(0);
    const loaded = await loadConfig({ cwd: dir, knownRules: catalog.map((x) => x.id) });
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.file).toBe(join(dir, '.sglint.yaml'));
    expect(readFileSync(join(dir, '.sglint.yaml'), 'utf8')).toMatch(/^# /); // commented
    const wf = parse(readFileSync(join(dir, '.github/workflows/sglint.yml'), 'utf8'));
    const steps = wf.jobs.sglint.steps as { uses?: string }[];
    expect(steps.map((s) => s.uses)).toEqual(['actions/checkout@v4', 'sglint/sglint@v0']);
    expect(wf.on).toHaveProperty('pull_request');
    // the repository with the starter config lints cleanly
    const lint = await cli([], dir);
    expect(lint.status).toBe(0);
  });

  it('the commented examples in the starter config are valid when uncommented', async () => {
    const uncommented = STARTER_CONFIG.split('\n')
      .map((l) => l.replace(/^# ((?:[a-zA-Z]+:.*)|(?: {2}.*))$/, '$1'))
      .filter((l) => !l.startsWith('extends:')) // names a file of another repository
      .join('\n');
    const dir = workspace({ '.sglint.yaml': uncommented });
    const loaded = await loadConfig({ cwd: dir, knownRules: catalog.map((x) => x.id) });
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.region).toBe('cn-hangzhou');
    expect(loaded.config.rules).toEqual({ 'name-uncertain-characters': 'off', 'tag-value-reserved-prefix': 'error' });
    expect(loaded.config.ignore).toEqual(['test/fixtures/**', '*.generated.yaml']);
    expect(loaded.config.waivers?.map((w) => [w.rules, w.expires])).toEqual([[['name-malformed'], '2026-12-31']]);
    expect(loaded.config.unsuppressible).toEqual(['vpc-wrong-region', 'vpc-not-found']);
    expect(loaded.config.inlineSuppressions).toBe(true);
    expect(loaded.config.baseline).toBe('.sglint-baseline.json');
  });

  it('refuses to overwrite existing files (exit 2, nothing written) unless --force', async () => {
    const dir = workspace({ '.sglint.yaml': 'region: cn-shanghai\n' });
    const r = await cli(['--init'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.sglint.yaml');
    expect(readFileSync(join(dir, '.sglint.yaml'), 'utf8')).toBe('region: cn-shanghai\n');
    expect(() => readFileSync(join(dir, '.github/workflows/sglint.yml'))).toThrow();
    const forced = await cli(['--init', '--force'], dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, '.sglint.yaml'), 'utf8')).toContain('# sglint configuration');
  });

  it('in a subdirectory of a repository, writes at the repository root (the nearest directory upward with .git)', async () => {
    const dir = workspace({ 'infra/sg/keep.txt': '' });
    const r = await cli(['--init'], join(dir, 'infra', 'sg'));
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, '.sglint.yaml'))).toBe(true);
    expect(existsSync(join(dir, '.github/workflows/sglint.yml'))).toBe(true);
    expect(existsSync(join(dir, 'infra', 'sg', '.sglint.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'infra', 'sg', '.github'))).toBe(false);
    // Files already at the root are found from the subdirectory too.
    expect((await cli(['--init'], join(dir, 'infra'))).status).toBe(2);
    // Outside any repository: in the working directory.
    const plain = plainWorkspace({ 'sub/keep.txt': '' });
    expect((await cli(['--init'], join(plain, 'sub'))).status).toBe(0);
    expect(existsSync(join(plain, 'sub', '.sglint.yaml'))).toBe(true);
    expect(existsSync(join(plain, '.sglint.yaml'))).toBe(false);
  });
});
