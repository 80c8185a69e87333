/**
 * Where the blocks and arguments of a `.tf` file are, without parsing it: a scan that knows strings
 * (with `${}` templates), heredocs, comments and brackets. Used synchronously by the plan loader to put
 * a plan's values back on the configuration that wrote them.
 */

export interface BlockPlace {
  /** Offsets of the whole block and of its header (type and labels). */
  start: number;
  end: number;
  headEnd: number;
  /** Top-level argument name → offsets of its value expression. */
  attrs: Map<string, [number, number]>;
}

const BLOCK = /(resource|data)\s+"([^"\\]+)"\s+"([^"\\]+)"\s*\{/y;
const ARG = /([A-Za-z_][\w-]*)[ \t]*=(?!=)[ \t]*/y;
const HEREDOC = /<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/y;

/** `resource.type.name` / `data.type.name` → place, for the top-level blocks of a .tf text. */
export function locateBlocks(text: string): Map<string, BlockPlace> {
  const out = new Map<string, BlockPlace>();
  const n = text.length;
  let i = 0;
  let depth = 0;
  let block: BlockPlace | undefined;
  let arg: { name: string; start: number; last: number } | undefined;
  let lineStart = true;

  const closeArg = (): void => {
    if (block && arg) block.attrs.set(arg.name, [arg.start, arg.last]);
    arg = undefined;
  };

  /** Index just after a quoted string starting at `j` (the opening quote). */
  const skipString = (j: number): number => {
    j++;
    while (j < n) {
      const c = text[j];
      if (c === '\\') j += 2;
      else if (c === '"') return j + 1;
      else if ((c === '$' || c === '%') && text[j + 1] === '{' && text[j - 1] !== c) j = skipBraces(j + 1);
      else if (c === '\n') return j; // unterminated: stop at the line end
      else j++;
    }
    return j;
  };
  /** Index just after the `}` matching the `{` at `j`. */
  const skipBraces = (j: number): number => {
    let d = 0;
    while (j < n) {
      const c = text[j];
      if (c === '"') {
        j = skipString(j);
        continue;
      }
      if (c === '{') d++;
      else if (c === '}' && --d === 0) return j + 1;
      j++;
    }
    return j;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      if (depth === 1) closeArg();
      lineStart = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (lineStart && depth === 0) {
      BLOCK.lastIndex = i;
      const m = BLOCK.exec(text);
      if (m) {
        block = { start: i, end: n, headEnd: i + m[0].length - 1, attrs: new Map() };
        while (block.headEnd > i && /\s|\{/.test(text[block.headEnd - 1]!)) block.headEnd--;
        out.set(`${m[1]}.${m[2]}.${m[3]}`, block);
        depth = 1;
        i += m[0].length;
        lineStart = false;
        continue;
      }
    }
    if (lineStart && depth === 1 && block && !arg) {
      ARG.lastIndex = i;
      const m = ARG.exec(text);
      if (m) {
        i += m[0].length;
        arg = { name: m[1]!, start: i, last: i };
        lineStart = false;
        continue;
      }
    }
    lineStart = false;
    let next = i + 1;
    if (c === '"') next = skipString(i);
    else if (c === '<' && text[i + 1] === '<') {
      HEREDOC.lastIndex = i;
      const m = HEREDOC.exec(text);
      if (m) {
        const re = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'my');
        let j = i + m[0].length;
        next = n;
        while (j < n) {
          re.lastIndex = j;
          const e = re.exec(text);
          const eol = text.indexOf('\n', j);
          if (e) {
            next = j + e[0].length;
            break;
          }
          if (eol < 0) break;
          j = eol + 1;
        }
      }
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0 && block) {
        closeArg();
        block.end = i + 1;
        block = undefined;
      }
      if (depth < 0) depth = 0;
    }
    if (arg && depth >= 1) arg.last = next;
    i = next;
  }
  closeArg();
  return out;
}
