// Shared parts of the fuzz tests: every span lies inside its file; random edits of a text.
import { expect } from 'vitest';
import type { Span, Tree } from '../../src/load/tree.ts';

/** Lines as LineIndex counts them: LF, CRLF (the CR stays on its line) and a lone CR end a line. */
export function linesOf(text: string): string[] {
  return text.split(/\n|\r(?!\n)/);
}

/** 1 ≤ line ≤ lines, 1 ≤ column ≤ line length + 1 (UTF-16 units), and the end is not before the start. */
export function expectInside(span: Span, text: string, what = ''): void {
  const lines = linesOf(text);
  const label = `${what} ${JSON.stringify(span)} in a ${lines.length}-line text`;
  expect(span.line, label).toBeGreaterThanOrEqual(1);
  expect(span.endLine, label).toBeLessThanOrEqual(lines.length);
  expect(span.column, label).toBeGreaterThanOrEqual(1);
  expect(span.column, label).toBeLessThanOrEqual(lines[span.line - 1]!.length + 1);
  expect(span.endColumn, label).toBeGreaterThanOrEqual(1);
  expect(span.endColumn, label).toBeLessThanOrEqual(lines[span.endLine - 1]!.length + 1);
  expect(span.endLine > span.line || (span.endLine === span.line && span.endColumn >= span.column), label).toBe(true);
}

/** Every span of a tree (node spans and key spans). */
export function treeSpans(t: Tree, out: Span[] = []): Span[] {
  const stack: Tree[] = [t];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n.span);
    if (n.type === 'map') for (const e of n.entries) {
      out.push(e.keySpan);
      stack.push(e.value);
    }
    else if (n.type === 'seq') stack.push(...n.items);
  }
  return out;
}

/**
 * A tree as plain data (map entries as { key, keySpan, value }): the fast parsers' entries make their key
 * span on demand (a getter), so trees of both parsers are compared by value.
 */
export function plain(t: Tree): unknown {
  if (t.type === 'map') return { ...t, entries: t.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: plain(e.value) })) };
  if (t.type === 'seq') return { ...t, items: t.items.map(plain) };
  return t;
}

/** Applies edits (position, text to insert, characters to delete) one after the other. */
export function mutate(text: string, edits: [number, string, number][]): string {
  let t = text;
  for (const [at, ins, del] of edits) {
    const i = at % (t.length + 1);
    t = t.slice(0, i) + ins + t.slice(i + del);
  }
  return t;
}
