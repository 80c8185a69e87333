/**
 * The default terminal output: eslint-formatter-friendly, with the API error code beside the rule id.
 * Its own code frames are turned off (it would split and colour the whole file once per finding, which
 * takes minutes or runs out of memory on a large file with many findings); each finding's location
 * line is followed by a frame from frame.ts instead.
 */
import { relative } from 'node:path';
import friendly from 'eslint-formatter-friendly';
import type { EslintResult } from './results.ts';
import { shownId } from './results.ts';
import { codeFrame, PLAIN } from './frame.ts';
import type { FrameStyle } from './frame.ts';
import { LineIndex } from '../load/tree.ts';

const ANSI = /\x1b\[[0-9;]*m/g;

/** Colour as the terminal takes it: NO_COLOR and FORCE_COLOR first, then whether stdout is a terminal. */
function style(): FrameStyle {
  const force = process.env.FORCE_COLOR;
  const color = process.env.NO_COLOR === undefined && (force !== undefined ? force !== '0' && force !== 'false' : process.stdout.isTTY === true);
  if (!color) return PLAIN;
  return { marker: (s) => `\x1b[31m\x1b[1m${s}\x1b[22m\x1b[39m`, gutter: (s) => `\x1b[90m${s}\x1b[39m` };
}

export function formatStylish(results: EslintResult[]): string {
  process.env.EFF_NO_LINK_RULES = 'true';
  process.env.EFF_NO_SOURCE = 'true';
  const shown = results.filter((r) => r.messages.length > 0);
  if (shown.length === 0) return '';
  // The frame of each location, keyed by the location line friendly prints (`path:line:column`).
  const frames = new Map<string, string>();
  const look = style();
  for (const r of shown) {
    if (r.source === undefined) continue;
    const index = new LineIndex(r.filePath, r.source);
    const path = relative('.', r.filePath);
    for (const m of r.messages) {
      const key = `${path}:${m.line}:${m.column}`;
      if (!frames.has(key)) frames.set(key, codeFrame(index, m.line, m.column, look));
    }
  }
  const out = friendly(
    shown.map((r) => ({
      filePath: r.filePath,
      source: ' ',
      errorCount: r.errorCount,
      warningCount: r.warningCount + r.infoCount,
      messages: r.messages.map((m) => ({
        ...m,
        ruleId: shownId(m),
        message: `${m.level === 'info' ? '(info) ' : ''}${m.message}${m.httpStatus ? ` [HTTP ${m.httpStatus}]` : ''}${m.resource ? ` in ${m.resource}` : ''}${m.fix ? `\n     Fix: ${m.fix}` : ''}`,
      })),
    })),
  );
  // Without frames, each finding ends with its location line (five spaces, then `path:line:column`).
  const lines = out.split('\n');
  const withFrames: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    withFrames.push(l);
    const frame = l.startsWith('     ') && (lines[i + 1] ?? '') === '' ? frames.get(l.replace(ANSI, '').slice(5)) : undefined;
    if (frame) withFrames.push(...frame.split('\n').map((f) => `   ${f}`));
  }
  const text = withFrames.join('\n');
  return text.endsWith('\n') ? text : text + '\n';
}
