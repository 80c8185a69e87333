/**
 * Baselines: today's findings recorded so that a later run reports only new ones. A finding's key is
 * (file, resource, rule id, error code) — never its line — so edits elsewhere in a file, or moving
 * resources around, do not invalidate the baseline. Each key has a count; when a key has more findings
 * than recorded, the extra ones (the last by position) are reported as new.
 *
 * Findings of rules that may not be suppressed (parse errors, unreadable files, invalid suppressions) and
 * of rules listed under `unsuppressible` are never recorded and always reported.
 */
import { readJson } from '../load/parsers.ts';
import { get, isMap, isScalar, isSeq } from '../load/tree.ts';
import type { Span } from '../load/tree.ts';
import type { LintResult } from './lint.ts';
import { INTERNAL_ERROR } from './rule.ts';
import type { Finding, Rule } from './rule.ts';
import { byPosition, regroup } from './suppress.ts';
import { addTo, pushAll } from '../util/array.ts';

export interface BaselineEntry {
  /** Path relative to the baseline file's directory, `/`-separated. */
  file: string;
  resource: string | null;
  rule: string;
  errorCode: string | null;
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

/** Maps a finding's file (as displayed) to the path stored in the baseline. */
export type PathOf = (file: string) => string;

const same: PathOf = (f) => f;

function keyOf(f: Finding, pathOf: PathOf): string {
  return JSON.stringify([pathOf(f.span.file), f.resource ?? null, f.ruleId, f.errorCode]);
}

function entryKey(e: BaselineEntry): string {
  return JSON.stringify([e.file, e.resource, e.rule, e.errorCode]);
}

function recordable(catalog: readonly Rule[], unsuppressible: readonly string[] = []): (f: Finding) => boolean {
  const never = new Set([...catalog.filter((r) => r.suppressible === false).map((r) => r.id), ...unsuppressible, INTERNAL_ERROR]);
  return (f) => !never.has(f.ruleId);
}

/**
 * The baseline of these findings (entries sorted, so the file diffs well). `kept`: entries of an earlier
 * baseline to carry over as they are (see unreadEntries).
 */
export function createBaseline(
  findings: readonly Finding[],
  catalog: readonly Rule[],
  pathOf: PathOf = same,
  unsuppressible: readonly string[] = [],
  kept: readonly BaselineEntry[] = [],
): Baseline {
  const ok = recordable(catalog, unsuppressible);
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (!ok(f)) continue;
    const k = keyOf(f, pathOf);
    const e = entries.get(k);
    if (e) e.count++;
    else entries.set(k, { file: pathOf(f.span.file), resource: f.resource ?? null, rule: f.ruleId, errorCode: f.errorCode, count: 1 });
  }
  // A file read only in part (a .tf file read past a syntax slip) may also have findings now: the larger count stands.
  for (const e of kept) {
    const k = entryKey(e);
    entries.set(k, { ...e, count: Math.max(e.count, entries.get(k)?.count ?? 0) });
  }
  return { version: 1, entries: [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e) };
}

export function formatBaseline(b: Baseline): string {
  return `{\n  "version": 1,\n  "entries": [\n${b.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n')}${b.entries.length ? '\n' : ''}  ]\n}\n`;
}

export interface BaselineOutcome {
  /** The result with known findings removed. */
  result: LintResult;
  /** How many findings the baseline matched (still present, not reported). */
  known: number;
  /**
   * Baseline entries with fewer findings now than recorded; `count` is how many went away. Only entries
   * of files read in this run (checked, or parsed and found to be no input) or that no longer exist: a
   * run over some files (pre-commit) knows nothing of the others, nor of a file it could not parse.
   */
  fixed: BaselineEntry[];
}

/**
 * `gone` says whether a file, as the baseline names it, no longer exists (its entries are then fixed
 * although no run reads it); by default none is gone.
 */
export function applyBaseline(
  result: LintResult,
  baseline: Baseline,
  catalog: readonly Rule[],
  pathOf: PathOf = same,
  unsuppressible: readonly string[] = [],
  gone: (file: string) => boolean = () => false,
): BaselineOutcome {
  const ok = recordable(catalog, unsuppressible);
  const groups = new Map<string, Finding[]>();
  const kept: Finding[] = [];
  for (const f of result.findings) {
    if (!ok(f)) {
      kept.push(f);
      continue;
    }
    const k = keyOf(f, pathOf);
    addTo(groups, k, f);
  }
  const recorded = new Map(baseline.entries.map((e) => [entryKey(e), e]));
  let known = 0;
  for (const [k, list] of groups) {
    const allowed = recorded.get(k)?.count ?? 0;
    const sorted = [...list].sort(byPosition);
    known += Math.min(allowed, sorted.length);
    pushAll(kept, sorted.slice(allowed));
  }
  const read = readFiles(result, pathOf);
  const fixed: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    if (!read.has(e.file) && !gone(e.file)) continue;
    const now = groups.get(entryKey(e))?.length ?? 0;
    if (now < e.count) fixed.push({ ...e, count: e.count - now });
  }
  return { result: regroup(result, kept), known, fixed };
}

/** The files, as a baseline names them, that this run read: checked, or parsed and found to be no input. */
function readFiles(result: LintResult, pathOf: PathOf): Set<string> {
  const files = result.files.filter((f) => f.status === 'checked' || (f.status === 'skipped' && f.note === undefined)).map((f) => f.path);
  return new Set([...files, ...(result.alsoRead ?? [])].map(pathOf));
}

/**
 * The entries of an earlier baseline that a rewrite keeps: those of files this run did not read (a run
 * over some files, or a file that does not parse now) and that still exist. This run knows nothing of
 * them, so it neither drops them nor counts them as fixed.
 */
export function unreadEntries(previous: Baseline, result: LintResult, pathOf: PathOf = same, gone: (file: string) => boolean = () => false): BaselineEntry[] {
  const read = readFiles(result, pathOf);
  return previous.entries.filter((e) => !read.has(e.file) && !gone(e.file));
}

export interface BaselineProblem {
  message: string;
  span?: Span;
}

/** A baseline file's text → the baseline, or located problems (a hand-edited file may be wrong). */
export async function readBaseline(path: string, text: string): Promise<{ baseline?: Baseline; problems: BaselineProblem[] }> {
  const parsed = await readJson(path, text);
  const problems: BaselineProblem[] = parsed.problems.map((p) => ({ message: p.message, span: p.span }));
  if (problems.length) return { problems };
  const doc = parsed.docs[0];
  const version = get(doc, 'version');
  const list = get(doc, 'entries');
  if (!isMap(doc) || !isScalar(version) || version.value !== 1 || !isSeq(list)) {
    return { problems: [{ message: 'not an sglint baseline: expected { "version": 1, "entries": [...] } (write one with --write-baseline)', span: doc?.span }] };
  }
  const entries: BaselineEntry[] = [];
  /** Where each key was first written: one key twice would leave one of its counts unused. */
  const seen = new Map<string, Span | undefined>();
  for (const item of list.items) {
    const field = (k: string) => {
      const v = get(item, k);
      return isScalar(v) ? v.value : undefined;
    };
    const file = field('file');
    const resource = field('resource');
    const rule = field('rule');
    const errorCode = field('errorCode');
    const count = field('count');
    if (typeof file !== 'string' || typeof rule !== 'string' || !(typeof resource === 'string' || resource === null) || !(typeof errorCode === 'string' || errorCode === null) || typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
      problems.push({ message: 'a baseline entry needs file, resource (string or null), rule, errorCode (string or null) and a positive whole count', span: item.span });
      continue;
    }
    const entry = { file, resource, rule, errorCode, count };
    const k = entryKey(entry);
    if (seen.has(k)) {
      const first = seen.get(k);
      problems.push({ message: `a second entry for the same file, resource, rule and errorCode${first ? ` as line ${first.line}` : ''}: write one entry with the total count`, span: item.span });
      continue;
    }
    seen.set(k, item.span);
    entries.push(entry);
  }
  return problems.length ? { problems } : { baseline: { version: 1, entries }, problems };
}
