/**
 * Text from the checked files (and the arguments) as reports show it. Each rule lives here and is
 * applied in one place:
 * - clipValues, in toEslint (so for every format): a value quoted in a message (`...` or "...") is shown
 *   up to VALUE_MAX characters, then `…` and its full length; a longer message is cut the same way.
 * - forDisplay, at the entry of the human formats (stylish, compact, github; the Action's annotations and
 *   job summary), and displayText for sglint's own lines that carry such text: control characters, line
 *   and paragraph separators, bidirectional controls and `\` itself become escapes (`\n`, `\u0007`, `\\`),
 *   so a value cannot start a line of its own, move the cursor or reorder what is shown; and nothing can
 *   be read as a GitHub workflow command, which the runner takes from `::` at the start of a line (after
 *   white space) and from `##[` anywhere in it.
 * JSON and SARIF keep the exact text (jsonText only writes a `[` after `##` as the equal `\u005b`).
 */
import type { EslintResult } from './results.ts';

/** Characters of a value shown before `…`. */
const VALUE_MAX = 80;
/** Characters of a whole message shown before `…` (values already clipped, this bounds everything else). */
const MESSAGE_MAX = 1000;

const SHORT: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
/** Backslash, C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings, overrides and isolates. */
const IN_TEXT = /[\\\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same in a line of a file, where tabs and backslashes are the file's own text. */
const IN_SOURCE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const escapeChar = (c: string) => SHORT[c] ?? hex(c);
/** `##[name]` is a workflow command anywhere in a line. */
const noLegacyCommand = (s: string) => s.replace(/##\[/g, `##${hex('[')}`);

/** A line of human output from untrusted text: see the module comment. */
export function escapeText(s: string): string {
  return noLegacyCommand(s.replace(IN_TEXT, escapeChar)).replace(/^(\s*):(?=:)/, (_, space: string) => `${space}${hex(':')}`);
}

/** A line of a file as code frames show it (frame.ts): tabs and backslashes kept, the other special characters escaped. */
export function escapeSourceLine(line: string): string {
  return noLegacyCommand(line.replace(IN_SOURCE, escapeChar));
}

/** The first max-1 characters and `…`, and the full length; undefined when `s` fits. */
function cut(s: string, max: number): { head: string; length: number } | undefined {
  if (s.length <= max) return undefined;
  const chars = Array.from(s);
  return chars.length <= max ? undefined : { head: `${chars.slice(0, max - 1).join('')}…`, length: chars.length };
}

/** A value as shown: at most `max` characters, else clipped with its full length. */
function clipValue(s: string, max = VALUE_MAX): string {
  const c = cut(s, max);
  return c ? `${c.head} (${c.length} characters)` : s;
}

/** A message with each quoted value clipped to VALUE_MAX characters, and the whole to MESSAGE_MAX. */
export function clipValues(message: string): string {
  const clipped = message.replace(/`[^`]*`|"[^"]*"/g, (quoted) => {
    const c = cut(quoted.slice(1, -1), VALUE_MAX);
    return c ? `${quoted[0]}${c.head}${quoted[0]} (${c.length} characters)` : quoted;
  });
  return clipValue(clipped, MESSAGE_MAX);
}

/** Our own line of text carrying values from the files or the arguments, as the human formats show it. */
export function displayText(s: string): string {
  return escapeText(clipValues(s));
}

/**
 * Results as the human formats show them: paths, messages and resources escaped (code frames escape their
 * lines: frame.ts). Annotations keep the real path (`paths: false`): GitHub reads it to place them, in a
 * property that workflow-command escaping protects; their callers escape it where they show it.
 */
export function forDisplay(results: EslintResult[], paths = true): EslintResult[] {
  return results.map((r) => ({
    ...r,
    filePath: paths ? escapeText(r.filePath) : r.filePath,
    messages: r.messages.map((m) => ({
      ...m,
      message: escapeText(m.message),
      ...(m.resource !== undefined ? { resource: escapeText(clipValue(m.resource)) } : {}),
    })),
  }));
}

/** JSON text with the exact values; `##[` in a string is written `##\u005b` (the same JSON string). */
export function jsonText(value: unknown): string {
  return noLegacyCommand(JSON.stringify(value, null, 2));
}
