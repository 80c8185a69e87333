// Directory walks and named paths: what is checked, and what is skipped with a note (nothing silently).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { lintPaths } from '../src/index.ts';
import { cliInProcess, workspace } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

const spec = (name: string) => `securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupName: ${name}\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n`;
const status = (r: { files: { path: string; status: string }[] }) => r.files.map((f) => [f.path, f.status]);

describe('names', () => {
  it('a file whose name starts with two dots is inside the directory: shown relative, in every format', async () => {
    const dir = workspace({ '..old.yaml': spec('1web'), '..d/x.yaml': spec('1web') });
    const json = await cliInProcess(['-f', 'json'], dir);
    expect(JSON.parse(json.stdout).map((r: { filePath: string }) => r.filePath)).toEqual(['..d/x.yaml', '..old.yaml']);
    const github = await cliInProcess(['-f', 'github'], dir);
    expect(github.stdout.match(/file=[^,]+/g)).toEqual(['file=..d/x.yaml', 'file=..old.yaml']);
    const sarif = await cliInProcess(['-f', 'sarif'], dir);
    expect(sarif.stdout.match(/"uri": "[^"]+"/g)).toEqual(['"uri": "..d/x.yaml"', '"uri": "..old.yaml"']);
  });
});

describe('symbolic links in directory walks', () => {
  it('a link that resolves outside the directory being walked is skipped, not read', async () => {
    const outside = workspace({ 'secret.yaml': spec('1secret'), 'dir/x.yaml': spec('1x') });
    const dir = workspace({ 'sg/a.yaml': spec('web'), 'sg/in/b.yaml': spec('1web') });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'sg', 'leak.yaml'));
    symlinkSync(join(outside, 'dir'), join(dir, 'sg', 'leakdir'));
    mkdirSync(join(dir, 'sg', 'sub'));
    symlinkSync('../in/b.yaml', join(dir, 'sg', 'sub', 'same.yaml')); // inside the walked directory: read
    const r = await lintPaths(['sg'], {}, dir);
    expect(status(r)).toEqual([
      ['sg/a.yaml', 'checked'],
      ['sg/in/b.yaml', 'checked'],
      ['sg/leak.yaml', 'skipped'],
      ['sg/leakdir', 'skipped'],
      ['sg/sub/same.yaml', 'checked'],
    ]);
    expect(r.findings.map((f) => [f.ruleId, f.span.file, f.span.line])).toEqual([
      ['name-malformed', 'sg/in/b.yaml', 3],
      ['name-malformed', 'sg/sub/same.yaml', 3],
    ]);
    // Walking sg/sub alone, the same link leads outside it: skipped.
    const sub = await lintPaths(['sg/sub'], {}, dir);
    expect(status(sub)).toEqual([['sg/sub/same.yaml', 'skipped']]);
  });

  it('the CLI says which links it did not follow and never prints their content', async () => {
    const outside = workspace({ 'secret.yaml': spec('1topsecret') });
    const dir = workspace({ 'sg/a.yaml': spec('web') });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'sg', 'leak.yaml'));
    const r = await cliInProcess(['sg'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('1topsecret');
    expect(r.stdout).toMatch(/^sglint: skipped sg\/leak\.yaml: /m);
    expect(r.stdout).toMatch(/1 file\(s\) checked, 1 skipped/);
  });
});

describe('config ignore', () => {
  it('applies to paths named explicitly too (as pre-commit names them): skipped with a note, counted', async () => {
    const dir = workspace({
      '.git/HEAD': '',
      '.sglint.yaml': 'ignore:\n  - "generated/**"\n  - "*.gen.yaml"\n',
      'generated/a.yaml': spec('1gen'),
      'b.gen.yaml': spec('1gen'),
      'ok.yaml': spec('1web'),
    });
    const r = await cliInProcess(['-f', 'json', 'generated/a.yaml', 'b.gen.yaml', 'generated', 'ok.yaml'], dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['ok.yaml']);
    expect(r.stderr).toMatch(/^sglint: skipped generated\/a\.yaml: /m);
    expect(r.stderr).toMatch(/^sglint: skipped b\.gen\.yaml: /m);
    expect(r.stderr).toMatch(/^sglint: skipped generated: /m);
    expect(r.stderr).toMatch(/1 file\(s\) checked, 3 skipped/);
  });
});

describe('config ignore in walks', () => {
  it('what a walk leaves out (directories, candidate files) is listed in one note, not silently dropped', async () => {
    const dir = workspace({
      '.git/HEAD': '',
      '.sglint.yaml': 'ignore:\n  - "generated/**"\n  - "*.gen.yaml"\n  - "*.md"\n',
      'generated/a.yaml': spec('1gen'),
      'sg/b.gen.yaml': spec('1gen'),
      'sg/readme.md': 'x',
      'ok.yaml': spec('web'),
    });
    const r = await cliInProcess(['-f', 'json', '.'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath)).toEqual(['ok.yaml']);
    const notes = r.stderr.split('\n').filter((l) => l.includes('`ignore`'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^sglint: .*: generated, sg\/b\.gen\.yaml$/);
  });
});

describe('directories skipped by default', () => {
  it('are named in a note (VCS metadata excepted); naming one checks it', async () => {
    const bad = spec('1web');
    const dir = workspace({ '.git/HEAD': '', '.git/x.yaml': bad, 'node_modules/p/a.yaml': bad, 'sg/dist/b.yaml': bad, '.venv/c.yaml': bad, 'sg/ok.yaml': spec('web') });
    const r = await lintPaths(['.'], {}, dir);
    expect(status(r)).toEqual([['sg/ok.yaml', 'checked']]);
    expect(r.notWalked).toEqual(['.venv', 'node_modules', 'sg/dist']);
    const cli = await cliInProcess(['.'], dir);
    expect(cli.status).toBe(0);
    const note = cli.stdout.split('\n').find((l) => l.includes('node_modules'));
    expect(note).toMatch(/^sglint: /);
    expect(note).toContain('sg/dist');
    expect(note).toContain('.venv');
    expect(note).not.toContain('.git');
    const named = await lintPaths(['sg/dist'], {}, dir);
    expect(status(named)).toEqual([['sg/dist/b.yaml', 'checked']]);
  });
});
