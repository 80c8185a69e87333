/**
 * Text from the checked files (and the arguments) as reports show it, applied in one place:
 * - forDisplay, at the entry of the human formats (stylish, compact, github; the Action's annotations and
 *   job summary), and displayText for sglint's own lines that carry such text: control characters, line
 *   and paragraph separators, bidirectional controls and `\` itself become escapes (`\n`, `\u0007`, `\\`),
 *   so a value cannot start a line of its own, move the cursor or reorder what is shown; and nothing can
 *   be read as a GitHub workflow command, which the runner takes from `::` at the start of a line (after
 *   white space) and from `##[` anywhere in it.
 * JSON and SARIF keep the exact text (jsonText only writes a `[` after `##` as the equal `\u005b`).
 */
import type { EslintResult } from './results.ts';

const SHORT: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
/** Backslash, C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings, overrides and isolates. */
const IN_TEXT = /[\\\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same in a line of a file (split at its line breaks), where tabs and backslashes are the file's own text. */
const IN_SOURCE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SOURCE_NEEDS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const escapeChar = (c: string) => SHORT[c] ?? hex(c);
/** `##[name]` is a workflow command anywhere in a line. */
const noLegacyCommand = (s: string) => s.replace(/##\[/g, `##${hex('[')}`);

/** A line of human output from untrusted text: see the module comment. */
function escapeText(s: string): string {
  return noLegacyCommand(s.replace(IN_TEXT, escapeChar)).replace(/^(\s*):(?=:)/, (_, space: string) => `${space}${hex(':')}`);
}

/** A file's text for code frames: line breaks normalised, the other special characters escaped. */
function escapeSource(source: string): string {
  if (!SOURCE_NEEDS.test(source)) return source;
  return source
    .split(/\r\n|\r|\n/)
    .map((line) => noLegacyCommand(line.replace(IN_SOURCE, escapeChar)))
    .join('\n');
}

/** Our own line of text carrying values from the files or the arguments, as the human formats show it. */
export function displayText(s: string): string {
  return escapeText(s);
}

/** Results as the human formats show them: paths, messages, resources and code frames escaped. */
export function forDisplay(results: EslintResult[]): EslintResult[] {
  return results.map((r) => ({
    ...r,
    filePath: escapeText(r.filePath),
    ...(r.source !== undefined ? { source: escapeSource(r.source) } : {}),
    messages: r.messages.map((m) => ({
      ...m,
      message: escapeText(m.message),
      ...(m.resource !== undefined ? { resource: escapeText(m.resource) } : {}),
    })),
  }));
}

/** JSON text with the exact values; `##[` in a string is written `##\u005b` (the same JSON string). */
export function jsonText(value: unknown): string {
  return noLegacyCommand(JSON.stringify(value, null, 2));
}
