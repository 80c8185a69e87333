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
