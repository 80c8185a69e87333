/** Appends every item of `items` to `into`. Unlike `into.push(...items)`, whose arguments go on the call
 * stack, it works for any length (a spread of a few hundred thousand items throws a RangeError). */
export function pushAll<T>(into: T[], items: Iterable<T>): void {
  for (const x of items) into.push(x);
}

/** Adds `item` to the list kept under `key` (in place: a copy per item would cost quadratic time). */
export function addTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
