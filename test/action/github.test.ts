// `--format github`: workflow-command escaping, ordering, the 10-per-level cap and the closing notice.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { catalog, lintPaths } from '../../src/index.ts';
import { toEslint } from '../../src/format/results.ts';
import type { EslintMessage } from '../../src/format/results.ts';
import { command, escapeData, escapeProperty, planAnnotations } from '../../src/format/github.ts';
import { BAD, bundle, tree } from './bundle.ts';

const CAP = join(import.meta.dirname, '..', 'fixtures', 'action', 'cap');

describe('GitHub annotations', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const m: EslintMessage = { ruleId: 'r', severity: 2, level: 'error', message: 'x, y: 50%\nz', line: 2, column: 3, endLine: 2, endColumn: 9, errorCode: 'A.B', httpStatus: 400 };
    const line = command({ level: 'error', file: 'dir,1/a:b.yaml', startLine: 2, endLine: 2, startColumn: 3, endColumn: 9, title: 'A.B (r)', message: m.message, finding: m });
    expect(line).toBe('::error file=dir%2C1/a%3Ab.yaml,line=2,endLine=2,col=3,endColumn=9,title=A.B (r)::x, y: 50%25%0Az');
  });

  it('the file property is the real file name (property-escaped); log lines show it escaped', async () => {
    const { cliInProcess } = await import('../helpers.ts');
    const group = '  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';
    const dir = tree({ 'back\\slash.yaml': BAD, 'new\nline.yaml': `securityGroups:\n${group.repeat(11)}` });
    const r = await cliInProcess(['-f', 'github'], dir);
    const files = [...r.stdout.matchAll(/^::error file=([^,]*),/gm)].map((m) => m[1]);
    expect(new Set(files)).toEqual(new Set(['back\\slash.yaml', 'new%0Aline.yaml']));
    expect(files).toHaveLength(10);
    // The two findings past the cap are plain lines: the name's line break is shown as \n, on one line.
    const rest = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('::'));
    expect(rest.map((l) => l.split(':')[0])).toEqual(['new\\nline.yaml', 'new\\nline.yaml']);
  });

  it('orders errors before warnings and API-error rules before input checks, and caps each level', async () => {
    const results = toEslint(await lintPaths(['.'], {}, CAP), catalog);
    const plan = planAnnotations(results, { catalog, cwd: CAP, root: CAP }, 3);
    expect(plan.shown.map((a) => [a.level, a.file, a.startLine, a.finding.ruleId])).toEqual([
      ['error', 'sg/many.yaml', 5, 'name-malformed'],
      ['error', 'sg/many.yaml', 8, 'name-malformed'],
      ['error', 'sg/many.yaml', 11, 'name-malformed'],
      ['warning', 'sg/warn.yaml', 6, 'group-type-case'],
      ['warning', 'sg/warn.yaml', 4, 'spec-unknown-key'],
    ]);
    expect(plan.rest).toHaveLength(10);
    expect(plan.rest.at(-1)!.finding.ruleId).toBe('spec-shape');
  });

  it('info findings become notices; the closing notice and notices printed before take slots of the same cap', async () => {
    const results = toEslint(await lintPaths(['sg/many.yaml'], { rules: { 'name-malformed': 'info' } }, CAP), catalog);
    const shown = (used: number) => planAnnotations(results, { catalog, cwd: CAP, root: CAP }, 10, used);
    expect(shown(0).shown.map((a) => a.level)).toEqual(Array(9).fill('notice'));
    expect(shown(0).rest).toHaveLength(3);
    expect(shown(1).shown).toHaveLength(8);
    expect(shown(1).rest).toHaveLength(4);
  });

  it('the bundled CLI: 10 error annotations, the rest as plain lines, then one notice with the count', () => {
    const r = spawnSync(process.execPath, [join(bundle(), 'cli.js'), '--format', 'github', '.'], { cwd: tree({}, CAP), encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(2);
    expect(lines[0]).toBe(
      '::error file=sg/many.yaml,line=5,endLine=5,col=24,endColumn=29,title=InvalidSecurityGroupName.Malformed (name-malformed)::SecurityGroupName `1web1` must start with a letter [HTTP 400] in securityGroups[0]%0AFix: Rename the group, e.g. `web-frontend`.',
    );
    const plain = lines.filter((l) => !l.startsWith('::'));
    expect(plain.map((l) => l.split(': ')[0])).toEqual(['sg/many.yaml:35:24', 'sg/many.yaml:38:24', 'sg/a-shape.yaml:3:3']);
    expect(lines.at(-1)).toMatch(/^::notice::sglint: 3 more finding\(s\) not shown as annotations \(3 error\(s\)\)/);
  });

  it('paths are relative to the git root, not the working directory', () => {
    const dir = tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'infra/sg.yaml': BAD });
    const r = spawnSync(process.execPath, [join(bundle(), 'cli.js'), '-f', 'github', 'sg.yaml'], { cwd: join(dir, 'infra'), encoding: 'utf8' });
    expect(r.stdout).toMatch(/^::error file=infra\/sg\.yaml,line=4,endLine=4,col=24,endColumn=28,title=InvalidSecurityGroupName\.Malformed \(name-malformed\)::/);
  });
});
