/**
 * RAM wildcard matching (`*` any sequence, `?` one character) against a subject that may contain holes:
 * parts of an ARN the linter cannot know (the account id when none is configured, a VPC created by the
 * same deployment). `all` asks whether the pattern matches whatever the holes hold (enough to prove an
 * Allow); `some` asks whether it could match for some value (enough to fear a Deny).
 */

/** A subject: known text pieces and holes (null). */
export type Subject = (string | null)[];

export type Mode = 'all' | 'some';

const HOLE = -1;

function atoms(subject: Subject, fold: boolean): (string | typeof HOLE)[] {
  const out: (string | typeof HOLE)[] = [];
  for (const part of subject) {
    if (part === null) out.push(HOLE);
    else for (const ch of fold ? part.toLowerCase() : part) out.push(ch);
  }
  return out;
}

/** Does `pattern` match `subject` (for all or for some values of its holes)? `fold`: case-insensitive. */
export function globMatch(pattern: string, subject: Subject, mode: Mode, fold = false): boolean {
  const p = [...(fold ? pattern.toLowerCase() : pattern)];
  const s = atoms(subject, fold);
  const m = p.length;
  const n = s.length;
  // reach[i][j]: p[0..i) can match s[0..j).
  const reach: boolean[][] = Array.from({ length: m + 1 }, () => new Array<boolean>(n + 1).fill(false));
  reach[0]![0] = true;
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (!reach[i]![j]) continue;
      const pc = p[i];
      const sc = s[j];
      if (pc === '*') {
        reach[i + 1]![j] = true; // empty
        if (j < n) reach[i]![j + 1] = true; // one more atom, a hole included
      } else if (pc !== undefined && j < n && sc !== HOLE) {
        if (pc === '?' || pc === sc) reach[i + 1]![j + 1] = true;
      }
      if (mode === 'some' && j < n && sc === HOLE) {
        // The hole may be exactly the text this part of the pattern matches (holes never span a colon).
        for (let k = i; k <= m; k++) {
          reach[k]![j + 1] = true;
          if (p[k] === ':') break;
        }
      }
    }
  }
  return reach[m]![n]!;
}
