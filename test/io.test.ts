// Files that cannot be read or written: a located message naming the file and the reason in words,
// the other files still checked, never an "internal error" nor a stack trace.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, tree } from './action/bundle.ts';
import { ioReason } from '../src/util/io.ts';

const GOOD = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: web\n';
const BAD = GOOD.replace('web\n', '1web\n');
const sglint = (args: string[], cwd: string) => spawnSync(process.execPath, [join(bundle(), 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
type Json = { filePath: string; messages: { ruleId: string; message: string; line: number; column: number }[] }[];
/** An errno code shown bare (`EISDIR`) instead of in words. */
const BARE_CODE = /\bE[A-Z]{3,}\b/;

describe('unreadable inputs', () => {
  it('a path named on the command line that cannot be read (a symbolic link loop): a finding in words, the other files checked', () => {
    const dir = tree({ 'bad.yaml': BAD });
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    const r = sglint(['-f', 'json', 'loop.yaml', 'bad.yaml'], dir);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.map((f) => [f.filePath, f.messages.map((m) => [m.ruleId, m.line, m.column])])).toEqual([
      ['bad.yaml', [['name-malformed', 4, 24]]],
      ['loop.yaml', [['file-unreadable', 1, 1]]],
    ]);
    expect(out[1]!.messages[0]!.message).toMatch(/^cannot read loop\.yaml: /);
    expect(out[1]!.messages[0]!.message).not.toMatch(BARE_CODE);
    expect(r.stderr).toMatch(/1 file\(s\) checked, 0 skipped \(not security-group inputs\), 1 failed/);
  });

  it('a --var-file that is a directory: the reason in words', () => {
    const dir = tree({ 'main.tf': 'variable "name" {}\nresource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' });
    mkdirSync(join(dir, 'prod.tfvars'));
    const r = sglint(['-f', 'json', 'main.tf', '--var-file', 'prod.tfvars'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--var-file prod\.tfvars: is a directory/);
    expect(r.stderr).not.toMatch(BARE_CODE);
  });

  it('the reasons of common errors, in words', () => {
    const reasons = ['EACCES', 'EISDIR', 'EMFILE', 'ENOSPC'].map((code) => ioReason(Object.assign(new Error(`${code}: x, open 'f'`), { code })));
    expect(new Set(reasons).size).toBe(4);
    for (const r of reasons) expect(r).not.toMatch(BARE_CODE);
    expect(ioReason(Object.assign(new Error("EXDEV: cross-device link not permitted, rename 'a' -> 'b'"), { code: 'EXDEV' }))).toBe('cross-device link not permitted');
  });
});

describe('unwritable outputs', () => {
  it('--output and --write-baseline into a missing directory: one line naming the file, exit 2', () => {
    const dir = tree({ 'bad.yaml': BAD });
    for (const args of [['-f', 'json', '-o', 'no/such/out.json'], ['--write-baseline', 'no/such/baseline.json']]) {
      const r = sglint([...args, 'bad.yaml'], dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^sglint: cannot write (baseline )?no\/such\/\w+\.json: .+\n$/);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.stderr).not.toMatch(BARE_CODE);
    }
  });
});

describe('standard output', () => {
  it.skipIf(process.platform !== 'linux')('a full disk (/dev/full): one line on standard error, exit 2, no stack trace', () => {
    const dir = tree({ 'bad.yaml': BAD });
    for (const format of ['stylish', 'json']) {
      const r = spawnSync(`"${process.execPath}" "${join(bundle(), 'cli.js')}" -f ${format} bad.yaml > /dev/full`, { cwd: dir, encoding: 'utf8', shell: true });
      expect(r.status, format).toBe(2);
      expect(r.stderr.match(/^sglint: cannot write to standard output: no space left on device$/gm), format).toHaveLength(1);
      expect(r.stderr, format).not.toMatch(/\n\s+at |ENOSPC/);
    }
  });
});

describe('special files', () => {
  const fifo = (path: string) => execFileSync('mkfifo', [path]);

  it.skipIf(process.platform === 'win32')('a named pipe named on the command line: a "not a regular file" finding, counted as failed; no hang', () => {
    const dir = tree({ 'bad.yaml': BAD });
    fifo(join(dir, 'pipe.yaml'));
    const r = sglint(['-f', 'json', 'pipe.yaml', 'bad.yaml'], dir);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([
      ['bad.yaml', ['name-malformed']],
      ['pipe.yaml', ['file-unreadable']],
    ]);
    expect(out[1]!.messages[0]!.message).toMatch(/^cannot read pipe\.yaml: not a regular file/);
    expect(r.stderr).toMatch(/1 file\(s\) checked, 0 skipped \(not security-group inputs\), 1 failed/);
  });

  it.skipIf(process.platform === 'win32')('a named pipe met in a directory walk is skipped, not read, and counted as skipped', () => {
    const dir = tree({ 'sg/bad.yaml': BAD });
    fifo(join(dir, 'sg', 'pipe.yaml'));
    const r = sglint(['-f', 'json', 'sg'], dir);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Json).map((f) => f.filePath)).toEqual(['sg/bad.yaml']);
    expect(r.stderr).toMatch(/^sglint: skipped sg\/pipe\.yaml: not a regular file \(a named pipe\)/m);
    expect(r.stderr).toMatch(/1 file\(s\) checked, 1 skipped \(0 not security-group input\(s\), 1 as noted\), 0 failed/);
  });

  it.skipIf(process.platform === 'win32')('named pipes read for a Terraform module, a --var-file or the config file: refused, no hang', () => {
    const dir = tree({
      'root/main.tf': 'module "m" {\n  source = "../mod"\n}\n',
      'mod/main.tf': 'resource "alicloud_security_group" "web" {\n  security_group_name = "1web"\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
    });
    fifo(join(dir, 'mod', 'extra.tf'));
    fifo(join(dir, 'vars.tfvars'));
    const r = sglint(['-f', 'json', 'root'], dir);
    expect(r.status).toBe(1);
    const unreadable = (JSON.parse(r.stdout) as Json).flatMap((f) => f.messages.filter((m) => m.ruleId === 'file-unreadable').map((m) => [f.filePath, m.message]));
    expect(unreadable).toEqual([['mod/extra.tf', expect.stringMatching(/^cannot read mod\/extra\.tf: not a regular file/)]]);
    const vars = sglint(['-f', 'json', 'root', '--var-file', 'vars.tfvars'], dir);
    expect(vars.status).toBe(2);
    expect(vars.stderr).toMatch(/--var-file vars\.tfvars: not a regular file \(a named pipe\)/);
    fifo(join(dir, 'sglint.yaml'));
    const config = sglint(['-c', 'sglint.yaml', 'root'], dir);
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/^sglint: cannot read config file sglint\.yaml: not a regular file/);
  });
});
