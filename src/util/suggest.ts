/** "Did you mean" suggestions: the closest candidate by edit distance, when it is close enough. */

/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `word` (case-insensitive), if it is within a third of the word's length
 * (at least 1, at most 3 edits); ties go to the earlier candidate. Failing that, the shortest candidate
 * that the word (3 characters or more) begins, e.g. `warn` → `warning`.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (bestD <= limit) return best;
  if (w.length < 3) return undefined;
  let prefixed: string | undefined;
  for (const c of candidates) {
    if (c.toLowerCase().startsWith(w) && (prefixed === undefined || c.length < prefixed.length)) prefixed = c;
  }
  return prefixed;
}
