/**
 * The lexical pieces of HCL that the scans reading `.tf` text without parsing it must step over:
 * comments, quoted strings (with their `${}` and `%{}` templates) and heredocs.
 */

const HEREDOC = /<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

/** Index after the comment starting at `i` (a `#` or `//` comment ends before its line break); -1 when none starts there. */
export function commentEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '#' || (c === '/' && text[i + 1] === '/')) {
    const e = text.indexOf('\n', i);
    return e < 0 ? text.length : e;
  }
  if (c === '/' && text[i + 1] === '*') {
    const e = text.indexOf('*/', i + 2);
    return e < 0 ? text.length : e + 2;
  }
  return -1;
}

/**
 * Index after the quoted string opening at `j`, templates and the strings inside them included; its line
 * end when unterminated.
 */
export function stringEnd(text: string, j: number): number {
  return walk(text, j + 1, ['string']).end;
}

/** Index at the end of the closing marker's line of the heredoc starting at `i` (`<<EOT`, `<<-EOT`); -1 when none starts there. */
export function heredocEnd(text: string, i: number): number {
  HEREDOC.lastIndex = i;
  const m = HEREDOC.exec(text);
  if (!m) return -1;
  const re = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'my');
  let j = i + m[0].length;
  while (j < text.length) {
    re.lastIndex = j;
    const e = re.exec(text);
    if (e) return j + e[0].length;
    const eol = text.indexOf('\n', j);
    if (eol < 0) break;
    j = eol + 1;
  }
  return text.length;
}

/** Where text nests too deep to be parsed: the offset of the opening, and what nests. */
export interface TooDeep {
  index: number;
  what: 'templates' | 'brackets';
}

interface Limits {
  templates: number;
  brackets: number;
}

/**
 * The first `${` or `%{` that opens a template nested more than `templates` levels deep, or the first
 * bracket (`{`, `[`, `(`, in code and in templates' code) nested more than `brackets` deep. `text` is code (a
 * `.tf` file, an expression) or, with `template`, the text of a template. The grammar's parse time grows
 * with the square of template nesting, and walks of the parsed tree with its depth, so such text is
 * refused before it is parsed.
 */
export function tooDeep(text: string, limits: Limits, template = false): TooDeep | undefined {
  // Fewer openings than the limits cannot nest deeper than them: most files stop here.
  let openings = 0;
  let brackets = 0;
  for (let k = 0; k < text.length && openings <= limits.templates && brackets <= limits.brackets; k++) {
    const c = text.charCodeAt(k);
    if (c === 123 || c === 91 || c === 40) {
      brackets++;
      if (c === 123 && (text[k - 1] === '$' || text[k - 1] === '%')) openings++;
    }
  }
  if (openings <= limits.templates && brackets <= limits.brackets) return undefined;
  return walk(text, 0, [template ? { end: text.length } : 0], limits).deep;
}

/** A number literal: digits, an optional fraction, an optional exponent. */
const NUMBER = /\d+(\.\d+)?([eE][-+]?\d+)?/y;
/** A character of an identifier (HCL identifiers take `-` too: `a-1e3` is one name). */
const NAME_CHAR = /[\p{L}\p{N}_-]/u;

/**
 * The numbers written with an exponent and no fraction (`1e3`, `2E-4`), in code and in templates' code,
 * as [start, end) offsets: valid HCL that the tree-sitter grammar does not read (it takes `1.0e3`).
 */
export function exponentNumbers(text: string): [number, number][] {
  const found: [number, number][] = [];
  walk(text, 0, [0], undefined, found);
  return found;
}

/** Whether the digit at `j` starts a number: not in a name (`a1e3`, `a-1e3`) nor after a `.` (`x.1`, `1.5e3`). */
function startsNumber(text: string, j: number): boolean {
  let k = j;
  while (text[k - 1] === '-') k--;
  const before = text[k - 1];
  return before === undefined || (before !== '.' && !NAME_CHAR.test(before));
}

/** Innermost last: brackets open in code (a number), a quoted string, or a template's text up to `end`. */
type Frame = number | 'string' | { end: number };

/**
 * Steps through HCL from `j` with `frames` open until the outermost closes (its end) or the text ends.
 * A loop, not recursion: text nested however deep cannot overflow the stack. With `limits`, stops at the
 * first template or bracket nested past them.
 */
function walk(text: string, j: number, frames: Frame[], limits?: Limits, exponents?: [number, number][]): { end: number; deep?: TooDeep } {
  const n = text.length;
  let open = 0;
  let depth = 0;
  while (j < n && frames.length > 0) {
    const top = frames.length - 1;
    const f = frames[top]!;
    const c = text[j];
    if (typeof f === 'number') {
      const comment = commentEnd(text, j);
      const heredoc = c === '<' ? heredocEnd(text, j) : -1;
      if (comment >= 0) j = comment;
      else if (heredoc >= 0) {
        frames.push({ end: heredoc });
        j = text.indexOf('\n', j) + 1;
      } else {
        if (exponents && c! >= '0' && c! <= '9' && startsNumber(text, j)) {
          NUMBER.lastIndex = j;
          const m = NUMBER.exec(text)!;
          if (m[2] && !m[1]) exponents.push([j, j + m[0].length]);
          j += m[0].length;
          continue;
        }
        if (c === '"') frames.push('string');
        else if (c === '{' || c === '[' || c === '(') {
          if (limits && ++depth > limits.brackets) return { end: j, deep: { index: j, what: 'brackets' } };
          frames[top] = f + 1;
        } else if ((c === '}' || c === ']' || c === ')') && f > 0) {
          depth--;
          frames[top] = f - 1;
        } else if (c === '}' && top > 0) {
          // The end of a template's code: back to its string or text.
          frames.pop();
          open--;
        }
        j++;
      }
    } else if (f !== 'string' && j >= f.end) frames.pop();
    else if (f === 'string' && c === '\\') j += 2;
    else if (f === 'string' && (c === '"' || c === '\n')) {
      // A line break ends a string unterminated (a template's code may span lines, a string may not).
      frames.pop();
      j += frames.length === 0 && c === '\n' ? 0 : 1;
    } else if ((c === '$' || c === '%') && text[j + 1] === '{' && text[j - 1] !== c) {
      if (limits && ++open > limits.templates) return { end: j, deep: { index: j, what: 'templates' } };
      frames.push(0);
      j += 2;
    } else j++;
  }
  return { end: Math.min(j, n) };
}
