// Code frames of the stylish format: the finding's line and its neighbours, a caret under the column,
// text escaped, long lines shown as a window around the column; cost bounded by the frame, not the file.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LineIndex } from '../src/load/tree.ts';
import { codeFrame, FRAME_WIDTH } from '../src/format/frame.ts';
import { bundle, tree } from './action/bundle.ts';

const frame = (text: string, line: number, column: number) => codeFrame(new LineIndex('f', text), line, column).split('\n');
/** The column of the caret in the row under the marked line, as an index into the marked row's text. */
const caretAt = (rows: string[]) => {
  const marked = rows.findIndex((r) => r.startsWith('>'));
  return { marked: rows[marked]!, at: rows[marked + 1]!.indexOf('^') };
};

describe('codeFrame', () => {
  it('two lines above, three below, the marked line and a caret under the column', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    const rows = frame(text, 9, 6);
    expect(rows).toEqual([
      '   7 | line 7',
      '   8 | line 8',
      '>  9 | line 9',
      '     |      ^',
      '  10 | line 10',
      '  11 | line 11',
      '  12 | line 12',
    ]);
  });

  it('CRLF and CR line breaks count as one; the caret stays on its character', () => {
    for (const text of ['a: 1\r\nkey: value\r\nz: 2\r\n', 'a: 1\rkey: value\rz: 2\r']) {
      const { marked, at } = caretAt(frame(text, 2, 6));
      expect(marked).toBe('> 2 | key: value');
      expect(marked[at]).toBe('v');
    }
  });

  it('control characters are escaped and the caret moves with the text; tabs stay tabs', () => {
    const { marked, at } = caretAt(frame('x: 1\n\tName: "\u0007\u001b[31m" ##[bad] x\n', 2, 17));
    expect(marked).toBe('> 2 | \tName: "\\u0007\\u001b[31m" ##\\u005bbad] x');
    expect(marked[at]).toBe('#');
    const rows = frame('\tk: v\n', 1, 5);
    expect(rows[1]).toBe('    | \t   ^');
  });

  it('the caret lines up under wide characters (two columns: CJK, emoji) and combining marks (none)', () => {
    const line = '{"Description": "生产环境 cafe\u0301 🔥", "SecurityGroupName": "1web"}';
    const column = line.indexOf('1web') + 1;
    const rows = frame(`${line}\n`, 1, column);
    const prefix = '> 1 | '.length;
    // Four CJK characters drawn two columns wide: +4; the combining acute accent: -1; the emoji is two
    // code units and two columns.
    expect(rows[1]!.indexOf('^')).toBe(prefix + column - 1 + 4 - 1);
  });

  it('a long line shows a window around the column, the same on every line, cut with …', () => {
    const long = (c: string) => Array.from({ length: 5000 }, (_, i) => `${c}${i % 10}`).join('');
    const text = `${long('a')}\n${long('b')}target${long('c')}\n${long('d')}\n`;
    const column = 10001; // the `t` of target
    const rows = frame(text, 2, column);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(FRAME_WIDTH + 12);
    const { marked, at } = caretAt(rows);
    expect(marked).toContain('…');
    expect(marked.slice(at, at + 6)).toBe('target');
    // Neighbouring lines show the same columns: the character above the caret is the one at that column.
    const above = rows.find((r) => r.includes('a0'))!;
    expect(above[at]).toBe(text.split('\n')[0]![column - 1]);
  });

  it('a column past a short line, and a line past the end', () => {
    expect(caretAt(frame('ab\n', 1, 9)).at).toBe('> 1 | ab'.length);
    expect(codeFrame(new LineIndex('f', 'ab\n'), 7, 1)).toBe('');
  });
});

describe('stylish on a large minified file with many findings', () => {
  it('every line of output is short, and each finding has its frame', () => {
    const groups = Array.from({ length: 400 }, (_, i) => ({ RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1opxu1zkhn00gzv1234', SecurityGroupName: `1web${i}`, Description: 'x'.repeat(2000) }));
    const dir = tree({ 'min.json': JSON.stringify({ securityGroups: groups }) });
    const r = spawnSync(process.execPath, [join(bundle(), 'cli.js'), 'min.json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 << 20 });
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
    const marked = lines.filter((l) => l.startsWith('   > 1 | '));
    const titles = lines.filter((l) => /^  [✘⚠]  /.test(l));
    expect(titles.length).toBeGreaterThanOrEqual(400);
    expect(marked).toHaveLength(titles.length);
    const names = new Set(marked.flatMap((l) => [...l.matchAll(/"(1web\d+)"/g)].map((m) => m[1])));
    for (let i = 0; i < 400; i++) expect(names.has(`1web${i}`)).toBe(true);
  });
});
