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

/**
 * Characters a terminal draws two columns wide: the East Asian wide and fullwidth blocks (Hangul,
 * CJK, kana, fullwidth forms...) and emoji shown as pictures.
 */
const WIDE = /[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{16fe0}-\u{18aff}\u{1b000}-\u{1b2ff}\u{1f200}-\u{1f2ff}\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}/u;
/** Characters drawn over the one before or not at all: combining marks, zero-width spaces and joiners, variation selectors. */
const ZERO = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufe00-\ufe0f]/u;

/** Blank text as wide as `s` is drawn, so that what follows it lines up with what follows `s`; tabs stay tabs. */
function blank(s: string): string {
  let out = '';
  for (const c of s) out += c === '\t' ? '\t' : ZERO.test(c) ? '' : WIDE.test(c) ? '  ' : ' ';
  return out;
}

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
    // Tabs stay tabs under the line, so that the caret lines up however wide the terminal draws them;
    // a wide character (CJK) takes two columns, a combining mark none.
    const spacing = blank(text.slice(0, caret));
    rows.push(` ${style.gutter(gutter.replace(/\d/g, ' '))} ${spacing}${style.marker('^')}`);
  }
  return rows.join('\n');
}
