// Files that cannot be read or written: a located message naming the file and the reason in words,
// the other files still checked, never an "internal error" nor a stack trace.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
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
    const out = JSON.parse(sglint(['-f', 'json', 'main.tf', '--var-file', 'prod.tfvars'], dir).stdout) as Json;
    const m = out.flatMap((f) => f.messages).find((x) => x.ruleId === 'file-unreadable');
    expect(m?.message).toMatch(/^cannot read prod\.tfvars: /);
    expect(m?.message).not.toMatch(BARE_CODE);
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
