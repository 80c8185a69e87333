/** Appends every item of `items` to `into`. Unlike `into.push(...items)`, whose arguments go on the call
 * stack, it works for any length (a spread of a few hundred thousand items throws a RangeError). */
export function pushAll<T>(into: T[], items: Iterable<T>): void {
  for (const x of items) into.push(x);
}
