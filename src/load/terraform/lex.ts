/**
 * Characters HCL never reads outside strings, comments and heredocs (`'`, `;`, `\`, `@`, ...), and commas
 * between the arguments of a block: habits from other languages. The tree-sitter grammar's error recovery
 * reports them lines away (or at the top of the file) and drops what follows, so the text is scanned for
 * them when a file fails to parse: each is reported where it is, with what to write instead, and the
 * file is read again with it blanked (a quoted `'web'` read as `"web"`), so the rest is still checked.
 */
import { commentEnd, heredocEnd, stringEnd } from './scan.ts';

export interface LexProblem {
  /** Index of the character in the text. */
  index: number;
  length: number;
  message: string;
}

/** Found problems and the text with each of them blanked or mended (same length, every position kept). */
export interface LexResult {
  problems: LexProblem[];
  text: string;
}

/** A scan stops after this many problems: the first is reported, the rest only counted. */
const MAX_PROBLEMS = 64;

const INVALID: Record<string, string> = {
  ';': 'syntax error: `;` is not used in HCL: put each argument on its own line (commas separate the items of a list or object)',
  '\\': 'syntax error: a backslash outside a string: escapes are written inside double quotes',
  '@': 'syntax error: invalid character `@`',
  '`': 'syntax error: invalid character `` ` ``: strings are written in double quotes',
  '^': 'syntax error: invalid character `^`',
  '~': 'syntax error: invalid character `~`',
  $: 'syntax error: `$` outside a string: write the interpolation inside double quotes (`"${...}"`), or the expression alone',
};

const isWord = (c: string | undefined): boolean => c !== undefined && /[\w\-\p{L}]/u.test(c);

export function lexHcl(src: string): LexResult {
  const problems: LexProblem[] = [];
  const out = src.split('');
  // Innermost last, for each open bracket: whether it opens a block's body (arguments separated by
  // newlines) rather than an object, a list or parentheses (items separated by commas). The file is a body.
  const bodies: boolean[] = [true];
  // The last character read in code, not blank: tells a block's `{` (after a type or label) from an object's.
  let prev = '\n';
  const add = (index: number, message: string): void => {
    problems.push({ index, length: 1, message });
    out[index] = ' ';
  };
  let j = 0;
  const n = src.length;
  while (j < n && problems.length < MAX_PROBLEMS) {
    const c = src[j]!;
    const inBody = bodies[bodies.length - 1]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      j++;
      continue;
    }
    const comment = commentEnd(src, j);
    if (comment >= 0) {
      j = comment;
      continue;
    }
    const heredoc = c === '<' ? heredocEnd(src, j) : -1;
    if (heredoc >= 0 || c === '"') {
      j = heredoc >= 0 ? heredoc : stringEnd(src, j);
      prev = '"';
      continue;
    }
    j++;
    if (c === "'") {
      // A string in single quotes: read as the double-quoted string it was meant to be.
      const close = src.indexOf("'", j);
      const eol = src.indexOf('\n', j);
      if (close >= j && (eol < 0 || close < eol)) {
        problems.push({ index: j - 1, length: close + 2 - j, message: 'syntax error: strings are written in double quotes, not single quotes' });
        out[j - 1] = '"';
        out[close] = '"';
        j = close + 1;
        prev = '"';
      } else add(j - 1, "syntax error: invalid character `'`: strings are written in double quotes");
      continue;
    }
    if (c === '{') bodies.push(inBody && (prev === '"' || isWord(prev)));
    else if (c === '[' || c === '(') bodies.push(false);
    else if (c === '}' || c === ']' || c === ')') {
      if (bodies.length > 1) bodies.pop();
    } else if (c === ',' && inBody) {
      add(j - 1, 'syntax error: a comma after an argument: arguments of a block are separated by newlines, not commas');
      continue;
    } else if ((c === '&' || c === '|') && src[j] !== c && src[j - 2] !== c) {
      add(j - 1, `syntax error: invalid character \`${c}\`: the logical operators are \`&&\` and \`||\``);
      continue;
    } else if (INVALID[c] !== undefined) {
      add(j - 1, INVALID[c]);
      continue;
    }
    prev = c;
  }
  return { problems, text: problems.length === 0 ? src : out.join('') };
}
