/**
 * A parser's syntax errors → one finding. After the first error a parser resynchronises as best it can,
 * and the errors it reports next (a missing brace at the end of the file, a line "not indented enough")
 * are mostly consequences of the first: one cause, one finding, as ESLint reports a file that does not
 * parse. The first error says how many more there were.
 */
export function firstSyntaxError<P extends { message: string }>(errors: readonly P[]): P[] {
  if (errors.length <= 1) return [...errors];
  const more = errors.length - 1;
  return [{ ...errors[0]!, message: `${errors[0]!.message} (${more} more syntax error${more === 1 ? '' : 's'} after it, often caused by it, not reported)` }];
}

const ESCAPED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A snippet of source text quoted in a message: between backticks, as written (no JSON escapes of its
 * quotes), cut after `max` characters; control and direction-changing characters are escaped so that
 * the message stays on one line and reads as it is.
 */
export function quoteSnippet(text: string, max = 40): string {
  const t = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex
  const shown = t.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => ESCAPED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `\`${shown}\``;
}
