/**
 * Code frames for the stylish format: the finding's line with two lines above and three below, a `>`
 * on the line and a `^` under the column, as @babel/code-frame draws them. Built from one line index
 * per file, so a frame costs its own lines, not the file: a 10 MB file with a thousand findings stays
 * cheap. A long line (minified JSON) shows a window of FRAME_WIDTH characters around the column, the
 * same window on every line of the frame, with `…` where text is cut. Text is escaped as the human
 * formats escape it (display.ts).
 */
import { LineIndex } from '../load/tree.ts';
import { escapeSourceLine } from './display.ts';

/** Characters of a line shown around the finding's column. */
export const FRAME_WIDTH = 160;
const ABOVE = 2;
const BELOW = 3;

export interface FrameStyle {
  marker(s: string): string;
  gutter(s: string): string;
}

export const PLAIN: FrameStyle = { marker: (s) => s, gutter: (s) => s };

/** The frame of 1-based `line` and `column` in `index`'s text, one string of lines. */
export function codeFrame(index: LineIndex, line: number, column: number, style: FrameStyle = PLAIN): string {
  const first = Math.max(1, line - ABOVE);
  const last = Math.min(index.lineCount, line + BELOW);
  if (line < 1 || line > index.lineCount) return '';
  const width = String(last).length;
  const marked = index.line(line);
  const col = Math.max(0, Math.min(column - 1, marked.length));
  // One window for the whole frame, so that the lines stay aligned.
  const from = marked.length <= FRAME_WIDTH ? 0 : Math.max(0, Math.min(col - FRAME_WIDTH / 4, marked.length - FRAME_WIDTH));
  const to = from + FRAME_WIDTH;
  const shown = (text: string): { text: string; caret: number } => {
    if (text.length <= FRAME_WIDTH && from === 0) return { text: escapeSourceLine(text), caret: escapeSourceLine(text.slice(0, col)).length };
    const head = from > 0 ? '…' : '';
    const tail = text.length > to ? '…' : '';
    const part = text.slice(from, to);
    return { text: head + escapeSourceLine(part) + tail, caret: head.length + escapeSourceLine(part.slice(0, col - from)).length };
  };
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const gutter = ` ${String(n).padStart(width)} |`;
    const { text, caret } = shown(index.line(n));
    const body = text === '' ? '' : ` ${text}`;
    if (n !== line) {
      rows.push(` ${style.gutter(gutter)}${body}`);
      continue;
    }
    rows.push(`${style.marker('>')}${style.gutter(gutter)}${body}`);
    // Tabs stay tabs under the line, so that the caret lines up however wide the terminal draws them.
    const spacing = text.slice(0, caret).replace(/[^\t]/g, ' ');
    rows.push(` ${style.gutter(gutter.replace(/\d/g, ' '))} ${spacing}${style.marker('^')}`);
  }
  return rows.join('\n');
}
