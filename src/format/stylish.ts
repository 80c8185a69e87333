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
/** The working-directory hint friendly writes for iTerm2 when stdout is a terminal. */
const ITERM_HINT = /\x1b\]1337;CurrentDir=[^\x07]*\x07/g;

/**
 * Colour as the terminal takes it: none in a file (`-o`), then NO_COLOR and FORCE_COLOR, then whether stdout
 * is a terminal.
 */
function style(toFile: boolean): FrameStyle {
  if (toFile) return PLAIN;
  const force = process.env.FORCE_COLOR;
  const color = process.env.NO_COLOR === undefined && (force !== undefined ? force !== '0' && force !== 'false' : process.stdout.isTTY === true);
  if (!color) return PLAIN;
  return { marker: (s) => `\x1b[31m\x1b[1m${s}\x1b[22m\x1b[39m`, gutter: (s) => `\x1b[90m${s}\x1b[39m` };
}

/** `toFile`: the text goes to a file, not to the terminal: no colour, no terminal escapes. */
export function formatStylish(results: EslintResult[], toFile = false): string {
  process.env.EFF_NO_LINK_RULES = 'true';
  process.env.EFF_NO_SOURCE = 'true';
  const shown = results.filter((r) => r.messages.length > 0);
  if (shown.length === 0) return '';
  // The frame of each location, keyed by the location line friendly prints (`path:line:column`).
  const frames = new Map<string, string>();
  const look = style(toFile);
  for (const r of shown) {
    if (r.source === undefined) continue;
    const index = new LineIndex(r.filePath, r.source);
    const path = relative('.', r.filePath);
    for (const m of r.messages) {
      const key = `${path}:${m.line}:${m.column}`;
      if (!frames.has(key)) frames.set(key, codeFrame(index, m.line, m.column, look));
    }
  }
  const colored = friendly(
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
  // friendly colours by its own test of the terminal, which knows neither NO_COLOR nor `-o`.
  const out = look === PLAIN ? colored.replace(ANSI, '').replace(ITERM_HINT, '') : colored;
  // friendly knows errors and warnings only: info findings are given to it as warnings, and its summary
  // lines are told apart here, as the summary line and --max-warnings count them.
  const count = (k: 'errorCount' | 'warningCount' | 'infoCount') => shown.reduce((n, r) => n + r[k], 0);
  const [errors, warnings, infos] = [count('errorCount'), count('warningCount'), count('infoCount')];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const relabel = (l: string): string => {
    const plain = l.replace(ANSI, '');
    if (infos > 0 && /^. \d+ problems? \(\d+ errors?, \d+ warnings?\)$/.test(plain)) {
      return l.replace(/\(\d+ errors?, \d+ warnings?\)/, `(${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)`);
    }
    if (infos > 0 && plain === 'Warnings:') return l.replace('Warnings:', warnings > 0 ? 'Warnings and info:' : 'Info:');
    return l;
  };
  // Without frames, each finding ends with its location line (five spaces, then `path:line:column`).
  const lines = out.split('\n');
  const withFrames: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = relabel(lines[i]!);
    withFrames.push(l);
    const frame = l.startsWith('     ') && (lines[i + 1] ?? '') === '' ? frames.get(l.replace(ANSI, '').slice(5)) : undefined;
    if (frame) withFrames.push(...frame.split('\n').map((f) => `   ${f}`));
  }
  const text = withFrames.join('\n');
  return text.endsWith('\n') ? text : text + '\n';
}
