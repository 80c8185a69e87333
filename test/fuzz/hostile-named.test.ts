// Named hostile inputs (beyond test/hostile.test.ts): each ends in a located finding or a clean pass,
// quickly. The `.tf` file with unbalanced braces and the ROS template whose Ref cycles are in
// terraform-ros.test.ts.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintPaths, lintSources } from '../../src/index.ts';
import { main } from '../../src/cli.ts';
import { expectInside } from './spans.ts';

const dirs: string[] = [];
function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sglint-hostile-'));
  dirs.push(dir);
  for (const [p, data] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), data);
  }
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const at = (r: { findings: { ruleId: string; span: { line: number; column: number; endLine: number; endColumn: number } }[] }) =>
  r.findings.map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endLine, f.span.endColumn]);

const spec = (name: string, nl = '\n') => ['securityGroups:', '  - RegionId: cn-hangzhou', `    SecurityGroupName: ${name}`, '    VpcId: vpc-bp1opxu1zkhn00gzv1234', ''].join(nl);

describe('named hostile inputs', () => {
  it('100,000-level nesting in JSON, YAML block sequences and YAML flow maps: one located parse-error', async () => {
    for (const [path, text] of [
      ['deep.json', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['deep-block.yaml', '- '.repeat(100_000) + 'x\n'],
      ['deep-flow.yaml', '{a: '.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ] as const) {
      const r = await lintSources([{ path, text }]);
      expect(r.findings.map((f) => [f.ruleId, f.span.line]), path).toEqual([['parse-error', 1]]);
      expect(r.files[0]!.status, path).toBe('failed');
    }
  });

  it('100,000-level template nesting in .tf and .tf.json: one located parse-error, not a parse of minutes', async () => {
    // The grammar's parse time grows with the square of template nesting (10,000 levels took 5 s).
    const d = 100_000;
    const deep = '"${'.repeat(d) + 'x' + '}"'.repeat(d);
    const tf = (value: string) => `resource "alicloud_security_group" "a" {\n  description = ${value}\n}\n`;
    // The 201st opening: after `  description = ` (16 characters) and 200 openings of 3.
    const r = await lintSources([{ path: 'main.tf', text: tf(deep) }]);
    expect(at(r)).toEqual([['parse-error', 2, 618, 2, 620]]);
    expect(r.files[0]!.status).toBe('failed');
    const heredoc = await lintSources([{ path: 'main.tf', text: tf(`<<EOT\n${deep}\nEOT`) }]);
    expect(at(heredoc)).toEqual([['parse-error', 3, 602, 3, 604]]);
    // In .tf.json the string is a template: its 201st `${` (after 200 openings of `${\"`, 4 characters each).
    const json = JSON.stringify({ resource: { alicloud_security_group: { a: { description: deep.slice(1, -1) } } } });
    const j = await lintSources([{ path: 'main.tf.json', text: json }]);
    expect(j.findings.map((f) => f.ruleId)).toEqual(['parse-error']);
    expect(j.findings[0]!.span.column).toBe(json.indexOf('${') + 1 + 200 * 4);
    // 150 levels are read (their expression is deeper than 200 syntax levels: that is reported, not the templates).
    const ok = await lintSources([{ path: 'main.tf', text: tf('"${'.repeat(150) + 'x' + '}"'.repeat(150)) }]);
    expect(ok.findings.map((f) => f.message).join('\n')).not.toMatch(/templates nested/);
  });

  it('a 50 MB file through lintPaths: file-too-large above maxFileBytes (default 20 MiB), not read', async () => {
    const dir = workspace({ 'ok.yaml': spec('web') });
    truncateSync(join(dir, 'ok.yaml'), 0);
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), 50 * 1024 * 1024); // sparse: no 50 MB written
    writeFileSync(join(dir, 'ok.yaml'), spec('web'));
    const r = await lintPaths([dir], {}, dir);
    expect(at(r)).toEqual([['file-too-large', 1, 1, 1, 1]]);
    expect(r.files.map((f) => [f.path, f.status])).toEqual([
      ['huge.yaml', 'failed'],
      ['ok.yaml', 'checked'],
    ]);
    // The limit is configurable, both ways.
    const small = await lintPaths([join(dir, 'ok.yaml')], { maxFileBytes: 10 }, dir);
    expect(at(small)).toEqual([['file-too-large', 1, 1, 1, 1]]);
    const raised = await lintPaths([join(dir, 'huge.yaml')], { maxFileBytes: 60 * 1024 * 1024 }, dir);
    expect(at(raised)).toEqual([['parse-error', 1, 1, 1, 2]]); // read, and refused at its first NUL byte
  });

  it('200,000 groups and as many inline suppressions in one file are read, not lost to a stack overflow', async () => {
    // 200,000 items once went through push(...items), which overflows the call stack.
    const n = 200_000;
    const group = '{"RegionId": "cn-hangzhou"}';
    const json = `{"securityGroups": [${Array(n).fill(group).join(', ')}]}`;
    const r = await lintSources([{ path: 'many.json', text: json }]);
    expect(r.files.map((f) => [f.path, f.status])).toEqual([['many.json', 'checked']]);
    // The 101st group exceeds the default quota of 100: column of its '{' on the single line.
    expect(at(r).map((x) => x.slice(0, 3))).toEqual([['group-quota', 1, 21 + 100 * (group.length + 2)]]);
    const yaml = `${'# sglint-ignore name-malformed reason="x"\n'.repeat(n)}securityGroups: []\n`;
    const y = await lintSources([{ path: 'many.yaml', text: yaml }]);
    expect(y.files.map((f) => f.status)).toEqual(['checked']);
    expect(y.findings.every((f) => f.ruleId === 'suppression-unused')).toBe(true);
  }, 60_000);

  it('NUL bytes and invalid UTF-8 in JSON: parse-error at the byte', async () => {
    const nul = await lintSources([{ path: 'a.json', bytes: Buffer.from('{\n  "RegionId": "cn-\u0000hangzhou"\n}') }]);
    expect(at(nul)).toEqual([['parse-error', 2, 19, 2, 20]]);
    const bad = await lintSources([{ path: 'b.json', bytes: new Uint8Array([...Buffer.from('{\n  "a": 1,\n  "b": "'), 0x80, ...Buffer.from('"\n}')]) }]);
    expect(at(bad)).toEqual([['parse-error', 3, 9, 3, 10]]);
    // A NUL in text handed over already decoded still ends in a located finding, not an exception.
    const text = await lintSources([{ path: 'c.yaml', text: 'securityGroups:\n  - RegionId: cn\u0000hangzhou\n' }]);
    for (const f of text.findings) expectInside(f.span, 'securityGroups:\n  - RegionId: cn\u0000hangzhou\n', f.ruleId);
    expect(text.files[0]!.status).not.toBe('skipped');
  });

  it('a BOM (bytes or text, YAML or JSON) does not shift columns', async () => {
    const json = '{"securityGroups": [{"RegionId": "cn-hangzhou", "SecurityGroupName": "1web", "VpcId": "vpc-bp1opxu1zkhn00gzv1234"}]}';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(json)]);
    const want = [['name-malformed', 1, 70, 1, 76]];
    expect(at(await lintSources([{ path: 'a.json', bytes }]))).toEqual(want);
    expect(at(await lintSources([{ path: 'b.json', text: '\ufeff' + json }]))).toEqual(want);
    expect(at(await lintSources([{ path: 'c.yaml', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(spec('1web'))]) }]))).toEqual([['name-malformed', 3, 24, 3, 28]]);
  });

  it('CRLF line endings: columns right in JSON, and a YAML syntax error is placed on its line', async () => {
    const json = '{\r\n  "securityGroups": [\r\n    {\r\n      "RegionId": "cn-hangzhou",\r\n      "SecurityGroupName": "1web",\r\n      "VpcId": "vpc-bp1opxu1zkhn00gzv1234"\r\n    }\r\n  ]\r\n}\r\n';
    expect(at(await lintSources([{ path: 'a.json', text: json }]))).toEqual([['name-malformed', 5, 28, 5, 34]]);
    const yaml = spec('web', '\r\n').replace('VpcId: vpc', 'VpcId: [vpc');
    const r = await lintSources([{ path: 'b.yaml', text: yaml }]);
    expect(r.findings.map((f) => f.ruleId)).toContain('parse-error');
    for (const f of r.findings) expectInside(f.span, yaml, f.ruleId);
    expect(r.findings.every((f) => f.span.line >= 4)).toBe(true);
  });

  it('tabs: a tab in YAML indentation is a located parse-error; tabs in JSON whitespace count as one column', async () => {
    const yaml = 'securityGroups:\n  - RegionId: cn-hangzhou\n\tSecurityGroupName: web\n';
    const r = await lintSources([{ path: 'a.yaml', text: yaml }]);
    expect(r.findings.map((f) => [f.ruleId, f.span.line])).toContainEqual(['parse-error', 3]);
    const json = '{\n\t"securityGroups": [{\n\t\t"RegionId": "cn-hangzhou",\t"SecurityGroupName": "1web",\n\t\t"VpcId": "vpc-bp1opxu1zkhn00gzv1234"}]}';
    expect(at(await lintSources([{ path: 'b.json', text: json }]))).toEqual([['name-malformed', 3, 51, 3, 57]]);
  });

  it('a 1 MB line: the finding spans it exactly (YAML value, one-line JSON)', async () => {
    const long = 'a'.repeat(1024 * 1024);
    const y = await lintSources([{ path: 'a.yaml', text: spec(long) }]);
    expect(at(y)).toEqual([['name-malformed', 3, 24, 3, 24 + long.length]]);
    const groups = Array.from({ length: 8000 }, (_, i) => ({ RegionId: 'cn-hangzhou', SecurityGroupName: i === 7999 ? '1web' : `web-${i}`, VpcId: 'vpc-bp1opxu1zkhn00gzv1234' }));
    const line = JSON.stringify({ securityGroups: groups });
    expect(line.length).toBeGreaterThan(500_000);
    const j = await lintSources([{ path: 'b.json', text: line }], { quota: { securityGroupsPerRegion: 10_000, rulesPerGroup: 200 } });
    const col = line.indexOf('"1web"') + 1;
    expect(at(j)).toEqual([['name-malformed', 1, col, 1, col + 6]]);
  });

  it('symlink loops in directory walks end, and every file is read once', async () => {
    const dir = workspace({ 'sg/a.yaml': spec('web'), 'sg/deep/b.yaml': spec('1web') });
    symlinkSync('.', join(dir, 'sg', 'self'));
    symlinkSync('..', join(dir, 'sg', 'deep', 'up'));
    symlinkSync(join(dir, 'sg'), join(dir, 'sg', 'deep', 'again'));
    const r = await lintPaths(['sg'], {}, dir);
    expect(r.files.map((f) => [f.path, f.status])).toEqual([
      ['sg/a.yaml', 'checked'],
      ['sg/deep/b.yaml', 'checked'],
    ]);
    expect(r.findings.map((f) => [f.ruleId, f.span.file, f.span.line])).toEqual([['name-malformed', 'sg/deep/b.yaml', 3]]);
  });

  it('a dangling symlink in a walk is reported as file-unreadable, not skipped', async () => {
    const dir = workspace({ 'sg/a.yaml': spec('web') });
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'sg', 'gone.yaml'));
    const r = await lintPaths(['sg'], {}, dir);
    expect(r.files.map((f) => [f.path, f.status])).toEqual([
      ['sg/a.yaml', 'checked'],
      ['sg/gone.yaml', 'failed'],
    ]);
    expect(at(r)).toEqual([['file-unreadable', 1, 1, 1, 1]]);
  });

  it('a dangling symlink without an input name is skipped with a note; one the ignore list names is left out', async () => {
    const dir = workspace({ 'sg/a.yaml': spec('web') });
    symlinkSync('/nonexistent/build', join(dir, 'sg', 'latest'));
    symlinkSync('missing', join(dir, 'sg', 'notes.txt'));
    symlinkSync('missing', join(dir, 'sg', 'old.yaml'));
    const r = await lintPaths(['sg'], { ignore: ['sg/old.yaml'] }, dir);
    expect(r.files.map((f) => [f.path, f.status])).toEqual([
      ['sg/a.yaml', 'checked'],
      ['sg/latest', 'skipped'],
      ['sg/notes.txt', 'skipped'],
    ]);
    expect(r.ignored).toEqual(['sg/old.yaml']);
    expect(r.findings).toEqual([]);
  });

  it('ROS conditions chained 5,000 deep, each naming the one before twice: the resource is checked', async () => {
    const conditions: Record<string, unknown> = { C0: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } };
    for (let i = 1; i < 5_000; i++) conditions[`C${i}`] = { 'Fn::And': [{ Condition: `C${i - 1}` }, { Condition: `C${i - 1}` }] };
    const template = {
      ROSTemplateFormatVersion: '2015-09-01',
      Parameters: { Env: { Type: 'String' } },
      Conditions: conditions,
      Resources: { SG: { Type: 'ALIYUN::ECS::SecurityGroup', Properties: { SecurityGroupName: { 'Fn::If': ['C4999', '1web', 'web'] } } } },
    };
    const r = await lintSources([{ path: 'chain.json', text: JSON.stringify(template, null, 1) }]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['name-malformed']);
  });

  it('Terraform locals that double a string or a list sixty times: unknown past a size, the resource checked', async () => {
    const doubling = (name: string, twice: (prev: string) => string, first: string) =>
      [`  ${name}0 = ${first}`, ...Array.from({ length: 60 }, (_, i) => `  ${name}${i + 1} = ${twice(`local.${name}${i}`)}`)].join('\n');
    const text = [
      'locals {',
      doubling('s', (p) => `"\${${p}}\${${p}}"`, '"x"'),
      doubling('l', (p) => `concat(${p}, ${p})`, '["x"]'),
      '}',
      'resource "alicloud_security_group" "g" {',
      '  security_group_name = local.s60',
      '  description = join(",", local.l60)',
      '  tags = { for i, v in local.l60 : tostring(i) => v }',
      '}',
      'resource "alicloud_security_group" "h" {',
      '  security_group_name = "1web"',
      '}',
      '',
    ].join('\n');
    const r = await lintSources([{ path: 'main.tf', text }]);
    expect(r.findings.map((f) => [f.ruleId, f.span.line])).toEqual([['name-malformed', 131]]);
  });

  it('Terraform for expressions nested three deep over a 3,000-item list: bounded, the resource checked', { timeout: 120_000 }, async () => {
    const items = Array.from({ length: 3_000 }, (_, i) => `"i${i}"`).join(', ');
    const text = [
      'locals {',
      `  l = [${items}]`,
      '  m = flatten([for a in local.l : [for b in local.l : "${a}-${b}"]])',
      '  n = [for a in local.l : [for b in local.l : [for c in local.l : c]]]',
      '  o = { for a in local.l : a => [for b in local.l : b] }',
      '}',
      'resource "alicloud_security_group" "g" {',
      '  security_group_name = "1web"',
      '  description         = join(",", local.m)',
      '  tags                = { for k, v in local.o : k => v[0] }',
      '}',
      '',
    ].join('\n');
    const r = await lintSources([{ path: 'main.tf', text }]);
    expect(at(r)).toEqual([['name-malformed', 8, 25, 8, 31]]);
  });

  it('count = 1000000000: the first 10,000 instances are read (the quota still counts them), with a warning at the count', async () => {
    const text = [
      'provider "alicloud" {',
      '  region = "cn-hangzhou"',
      '}',
      'resource "alicloud_security_group" "g" {',
      '  count               = 1000000000',
      '  security_group_name = "1web"',
      '}',
      'resource "alicloud_security_group" "h" {',
      `  for_each            = { ${Array.from({ length: 10_001 }, (_, i) => `k${i} = ${i}`).join(', ')} }`,
      '  security_group_name = "web"',
      '}',
      '',
    ].join('\n');
    const r = await lintSources([{ path: 'main.tf', text }]);
    expect(at(r)).toEqual([
      ['group-quota', 4, 1, 7, 2],
      ['terraform-too-many-instances', 5, 25, 5, 35],
      ['name-malformed', 6, 25, 6, 31],
      ['terraform-too-many-instances', 9, 25, 9, 25 + 4 + Array.from({ length: 10_001 }, (_, i) => `k${i} = ${i}`).join(', ').length],
    ]);
  });

  // Root reads files whatever their mode: as root (CI), the built CLI runs as `nobody` (setpriv, util-linux).
  const asNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(!asNobody)('as a user without read permission: an unreadable file and directory in a walk are failed, the rest checked', () => {
    const dir = workspace({ 'sg/a.yaml': spec('web'), 'sg/locked.yaml': spec('1web'), 'sg/private/b.yaml': spec('1web') });
    cpSync(join(import.meta.dirname, '..', '..', 'dist'), join(dir, 'dist'), { recursive: true });
    chmodSync(join(dir, 'sg', 'locked.yaml'), 0o000);
    chmodSync(join(dir, 'sg', 'private'), 0o000);
    for (const d of [dir, join(dir, 'sg')]) chmodSync(d, 0o755);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, 'dist/cli.js', '-f', 'json', 'sg'], { cwd: dir, encoding: 'utf8' });
    chmodSync(join(dir, 'sg', 'private'), 0o755); // so that the workspace can be removed
    expect(r.stderr).toMatch(/1 file\(s\) checked, 0 skipped \(not security-group inputs\), 2 failed/);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(out.map((f) => [f.filePath, ...f.messages.map((m) => [m.ruleId, m.line, m.column])])).toEqual([
      ['sg/a.yaml'],
      ['sg/locked.yaml', ['file-unreadable', 1, 1]],
      ['sg/private', ['file-unreadable', 1, 1]],
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission is reported as file-unreadable', async () => {
    const dir = workspace({ 'sg/a.yaml': spec('web'), 'sg/locked.yaml': spec('web') });
    chmodSync(join(dir, 'sg', 'locked.yaml'), 0o000);
    const r = await lintPaths(['sg'], {}, dir);
    expect(r.files.map((f) => [f.path, f.status])).toEqual([
      ['sg/a.yaml', 'checked'],
      ['sg/locked.yaml', 'failed'],
    ]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['file-unreadable']);
  });
});

describe('nothing lost', () => {
  it('every path given is checked, skipped or failed (or missing), and the summary counts them', async () => {
    const dir = workspace({
      'sg/good.yaml': spec('web'),
      'sg/other.yaml': 'name: not a security group\n',
      'sg/broken.yaml': 'securityGroups: [\n',
      'sg/binary.json': new Uint8Array([0x7b, 0x00, 0x7d]),
      'sg/notes.txt': 'not a candidate',
    });
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'sg', 'gone.yaml'));
    const r = await lintPaths(['sg', 'missing.yaml'], {}, dir);
    expect(r.files.map((f) => [f.path, f.status])).toEqual([
      ['sg/binary.json', 'failed'],
      ['sg/broken.yaml', 'failed'],
      ['sg/gone.yaml', 'failed'],
      ['sg/good.yaml', 'checked'],
      ['sg/other.yaml', 'skipped'],
    ]);
    expect(r.missing.map((m) => m.path)).toEqual(['missing.yaml']);
    // Every failed file carries a located finding saying why.
    for (const f of r.files.filter((x) => x.status === 'failed')) expect(f.findings.length, f.path).toBeGreaterThan(0);

    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      expect(await main(['-f', 'compact', 'sg'], dir)).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(out.join('')).toMatch(/1 file\(s\) checked, 1 skipped \(not security-group inputs\), 3 failed/);
  });
});
