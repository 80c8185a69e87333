/**
 * Where the blocks and arguments of a `.tf` file are, without parsing it: a scan that knows strings
 * (with `${}` templates), heredocs, comments and brackets. Used synchronously by the plan loader to put
 * a plan's values back on the configuration that wrote them.
 */
import { commentEnd, heredocEnd, stringEnd } from './scan.ts';

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
    const comment = commentEnd(text, i);
    if (comment >= 0) {
      i = comment;
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
    const heredoc = c === '<' ? heredocEnd(text, i) : -1;
    if (c === '"') next = stringEnd(text, i);
    else if (heredoc >= 0) next = heredoc;
    else if (c === '{' || c === '[' || c === '(') depth++;
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
