// Files that cannot be read or written: a located message naming the file and the reason in words,
// the other files still checked, never an "internal error" nor a stack trace.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

describe('writing the user\'s files (--write-baseline, -o)', () => {
  /** Findings under many baseline keys: a baseline and a SARIF report over 1 KB. */
  const many = `securityGroups:\n${Array.from({ length: 40 }, (_, i) => `  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: ${i}web\n`).join('')}`;
  const OLD = '{"version": 1, "entries": []}\n';

  it.skipIf(process.platform === 'win32')('a write that fails part way (a file size limit: EFBIG) leaves the old file whole and no temporary file behind; exit 2', () => {
    const dir = tree({ 'sg.yaml': many, 'baseline.json': OLD, 'out.sarif': 'old report\n' });
    const limited = (args: string) => spawnSync(`ulimit -f 1; "${process.execPath}" "${join(bundle(), 'cli.js')}" ${args} sg.yaml`, { cwd: dir, encoding: 'utf8', shell: '/bin/sh' });
    const baseline = limited('--write-baseline baseline.json');
    expect(baseline.status).toBe(2);
    expect(baseline.stderr).toBe('sglint: cannot write baseline baseline.json: file too large\n');
    const report = limited('-f sarif -o out.sarif');
    expect(report.status).toBe(2);
    expect(report.stderr).toBe('sglint: cannot write out.sarif: file too large\n');
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(OLD);
    expect(readFileSync(join(dir, 'out.sarif'), 'utf8')).toBe('old report\n');
    expect(readdirSync(dir).sort()).toEqual(['baseline.json', 'out.sarif', 'sg.yaml']);
    // Without the limit the same runs write both files.
    expect(sglint(['--write-baseline', 'baseline.json', 'sg.yaml'], dir).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).entries).toHaveLength(40);
  });

  it.skipIf(process.platform === 'win32')('a baseline reached through a symbolic link: the link stays, its target gets the content, and modes are kept', () => {
    const dir = tree({ 'sg.yaml': many, 'shared/baseline.json': OLD, 'out.json': '[]\n' });
    symlinkSync('shared/baseline.json', join(dir, 'baseline.json'));
    chmodSync(join(dir, 'shared', 'baseline.json'), 0o640);
    chmodSync(join(dir, 'out.json'), 0o604);
    expect(sglint(['--write-baseline', 'baseline.json', 'sg.yaml'], dir).status).toBe(0);
    expect(lstatSync(join(dir, 'baseline.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'baseline.json'))).toBe('shared/baseline.json');
    expect(JSON.parse(readFileSync(join(dir, 'shared', 'baseline.json'), 'utf8')).entries).toHaveLength(40);
    expect(statSync(join(dir, 'shared', 'baseline.json')).mode & 0o777).toBe(0o640);
    expect(sglint(['-f', 'json', '-o', 'out.json', 'sg.yaml'], dir).status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))[0].messages).toHaveLength(40);
    expect(statSync(join(dir, 'out.json')).mode & 0o777).toBe(0o604);
    expect(readdirSync(dir).sort()).toEqual(['baseline.json', 'out.json', 'sg.yaml', 'shared']);
    expect(readdirSync(join(dir, 'shared'))).toEqual(['baseline.json']);
  });

  it.skipIf(process.platform === 'win32')('-o /dev/stdout (a pipe, or a file it is redirected to) and -o a named pipe are written to as they are', () => {
    const dir = tree({ 'bad.yaml': BAD, 'redirected.json': '' });
    const cli = `"${process.execPath}" "${join(bundle(), 'cli.js')}" -f json`;
    const shell = (command: string) => spawnSync(command, { cwd: dir, encoding: 'utf8', shell: '/bin/sh', timeout: 30_000 });
    const ruleIdsIn = (text: string) => (JSON.parse(text) as Json)[0]!.messages.map((m) => m.ruleId);
    const piped = shell(`${cli} -o /dev/stdout bad.yaml | cat`);
    expect(ruleIdsIn(piped.stdout)).toEqual(['name-malformed']);
    // Redirected to a file, /dev/stdout is the file the shell opened: written there, not replaced by another.
    const inode = statSync(join(dir, 'redirected.json')).ino;
    expect(shell(`${cli} -o /dev/stdout bad.yaml >> redirected.json`).status).toBe(1);
    expect(statSync(join(dir, 'redirected.json')).ino).toBe(inode);
    expect(ruleIdsIn(readFileSync(join(dir, 'redirected.json'), 'utf8'))).toEqual(['name-malformed']);
    execFileSync('mkfifo', [join(dir, 'report.fifo')]);
    const r = shell(`cat report.fifo > got.json & ${cli} -o report.fifo bad.yaml; s=$?; wait; exit $s`);
    expect(r.status).toBe(1);
    expect(ruleIdsIn(readFileSync(join(dir, 'got.json'), 'utf8'))).toEqual(['name-malformed']);
    expect(lstatSync(join(dir, 'report.fifo')).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'got.json', 'redirected.json', 'report.fifo']);
  });

  it.skipIf(process.platform === 'win32')('a baseline with other names (hard links) is written in place: every name reads the new content', () => {
    const dir = tree({ 'sg.yaml': many, 'baseline.json': OLD });
    linkSync(join(dir, 'baseline.json'), join(dir, 'other.json'));
    expect(sglint(['--write-baseline', 'baseline.json', 'sg.yaml'], dir).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'other.json'), 'utf8')).entries).toHaveLength(40);
    expect(statSync(join(dir, 'other.json')).ino).toBe(statSync(join(dir, 'baseline.json')).ino);
  });

  it('-o a directory: the reason in words, exit 2, nothing left in it', () => {
    const dir = tree({ 'bad.yaml': BAD, 'out/keep.txt': 'x' });
    const r = sglint(['-f', 'json', '-o', 'out', 'bad.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('sglint: cannot write out: is a directory\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['keep.txt']);
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'out']);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a writable file in a directory that takes no new file is written in place; a read-only one is refused and kept', () => {
    const dir = tree({ 'bad.yaml': BAD, 'locked/out.json': '[]\n', 'baseline.json': OLD });
    chmodSync(join(dir, 'locked'), 0o555);
    chmodSync(join(dir, 'baseline.json'), 0o444);
    try {
      expect(sglint(['-f', 'json', '-o', 'locked/out.json', 'bad.yaml'], dir).status).toBe(1);
      expect(JSON.parse(readFileSync(join(dir, 'locked', 'out.json'), 'utf8'))[0].messages).toHaveLength(1);
      expect(readdirSync(join(dir, 'locked'))).toEqual(['out.json']);
      const r = sglint(['--write-baseline', 'baseline.json', 'bad.yaml'], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('sglint: cannot write baseline baseline.json: permission denied\n');
      expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(OLD);
      expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'baseline.json', 'locked']);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
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
