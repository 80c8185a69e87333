/**
 * Characters HCL never reads outside strings, comments and heredocs (`'`, `;`, `\`, `@`, ...), and commas
 * between the arguments of a block: habits from other languages. The tree-sitter grammar's error recovery
 * reports them lines away (or at the top of the file) and drops what follows, so the text is scanned for
 * them when a file fails to parse: each is reported where it is, with what to write instead, and the
 * file is read again with it blanked (a quoted `'web'` read as `"web"`), so the rest is still checked.
 */

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
const MAX_DEPTH = 200;

const INVALID: Record<string, string> = {
  ';': 'syntax error: `;` is not used in HCL: put each argument on its own line (commas separate the items of a list or object)',
  '\\': 'syntax error: a backslash outside a string: escapes are written inside double quotes',
  '@': 'syntax error: invalid character `@`',
  '`': 'syntax error: invalid character `` ` ``: strings are written in double quotes',
  '^': 'syntax error: invalid character `^`',
  '~': 'syntax error: invalid character `~`',
  $: 'syntax error: `$` outside a string: write the interpolation inside double quotes (`"${...}"`), or the expression alone',
};

type Frame =
  /** A block body or the file: arguments are separated by newlines. */
  | 'body'
  /** An object, a list, parentheses: items are separated by commas. */
  | 'items'
  /** The `${ }` or `%{ }` of a template: back to the string at its `}`. */
  | 'interp';

const isWord = (c: string | undefined): boolean => c !== undefined && /[\w\-\p{L}]/u.test(c);

export function lexHcl(src: string): LexResult {
  const problems: LexProblem[] = [];
  const out = src.split('');
  const stack: Frame[] = ['body'];
  // The last character that is not blank or a comment, in code: tells a block's `{` from an object's.
  let prev = '\n';
  let i = 0;
  const n = src.length;
  const add = (index: number, length: number, message: string, mend = ' '): void => {
    problems.push({ index, length, message });
    for (let k = 0; k < length; k++) out[index + k] = mend;
  };
  /** Reads a double-quoted string from its opening quote; returns the index after it (or its line end). */
  const string = (from: number): number => {
    let j = from + 1;
    while (j < n) {
      const c = src[j]!;
      if (c === '\\') j += 2;
      else if (c === '"') return j + 1;
      else if (c === '\n') return j;
      else if ((c === '$' || c === '%') && src[j + 1] === '{' && src[j - 1] !== c) {
        // Templates nested deeper than this are not followed: hostile input cannot overflow the stack.
        if (stack.length > MAX_DEPTH) return n;
        stack.push('interp');
        const back = code(j + 2);
        stack.pop();
        j = back;
      } else j++;
    }
    return j;
  };
  /** Reads code from `from` until the `}` that closes an interpolation (when in one); returns the index after it. */
  const code = (from: number): number => {
    let j = from;
    const base = stack.length;
    while (j < n && problems.length < MAX_PROBLEMS) {
      const c = src[j]!;
      const top = stack[stack.length - 1];
      if (c === ' ' || c === '\t' || c === '\r') {
        j++;
        continue;
      }
      if (c === '\n') {
        prev = '\n';
        j++;
        continue;
      }
      if (c === '#' || (c === '/' && src[j + 1] === '/')) {
        while (j < n && src[j] !== '\n') j++;
        continue;
      }
      if (c === '/' && src[j + 1] === '*') {
        const end = src.indexOf('*/', j + 2);
        j = end < 0 ? n : end + 2;
        continue;
      }
      if (c === '<' && src[j + 1] === '<') {
        const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(src.slice(j, j + 300));
        if (m) {
          const marker = m[1]!;
          let k = j + m[0].length;
          for (;;) {
            const eol = src.indexOf('\n', k);
            const line = src.slice(k, eol < 0 ? n : eol).trim();
            if (line === marker || eol < 0) {
              k = eol < 0 ? n : eol;
              break;
            }
            k = eol + 1;
          }
          j = k;
          prev = '"';
          continue;
        }
      }
      if (c === '"') {
        j = string(j);
        prev = '"';
        continue;
      }
      if (c === "'") {
        // A string in single quotes: read as the double-quoted string it was meant to be.
        const close = src.indexOf("'", j + 1);
        const eol = src.indexOf('\n', j + 1);
        if (close > j && (eol < 0 || close < eol)) {
          problems.push({ index: j, length: close + 1 - j, message: 'syntax error: strings are written in double quotes, not single quotes' });
          out[j] = '"';
          out[close] = '"';
          j = close + 1;
          prev = '"';
          continue;
        }
        add(j, 1, 'syntax error: invalid character `\'`: strings are written in double quotes');
        j++;
        continue;
      }
      if (c === '{') {
        // A block's body follows its type or labels; an object follows `=`, `:`, `(`, `[`, `,`, `?` or `=>`.
        stack.push(top === 'body' && (prev === '"' || isWord(prev)) ? 'body' : 'items');
        prev = c;
        j++;
        continue;
      }
      if (c === '[' || c === '(') {
        stack.push('items');
        prev = c;
        j++;
        continue;
      }
      if (c === '}' || c === ']' || c === ')') {
        if (stack.length === base && stack[base - 1] === 'interp' && c === '}') return j + 1;
        if (stack.length > Math.max(base, 1)) stack.pop();
        prev = c;
        j++;
        continue;
      }
      if (c === ',' && top === 'body') {
        add(j, 1, 'syntax error: a comma after an argument: arguments of a block are separated by newlines, not commas');
        j++;
        continue;
      }
      if ((c === '&' || c === '|') && src[j + 1] !== c && src[j - 1] !== c) {
        add(j, 1, `syntax error: invalid character \`${c}\`: the logical operators are \`&&\` and \`||\``);
        j++;
        continue;
      }
      const message = INVALID[c];
      if (message !== undefined) {
        add(j, 1, message);
        j++;
        continue;
      }
      prev = c;
      j++;
    }
    return j;
  };
  code(0);
  return { problems, text: problems.length === 0 ? src : out.join('') };
}
