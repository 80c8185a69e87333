/**
 * Suppressions: inline `sglint-ignore` comments (YAML `#`, HCL `#`, `//`, `/* *\/`), ROS resource
 * `Metadata.sglint.ignore` entries and config `waivers`. Applied after the rules ran, as a pure filter
 * over the lint result: every entry point (CLI, Action, library) gets the same answer.
 *
 *   # sglint-ignore <id>[,<id>...] reason="..." [expires=YYYY-MM-DD]   (line before, or end of line)
 *   # sglint-ignore-file <id>[,<id>...] reason="..." [expires=...]      (before any content)
 *
 * An id is a rule id (`name-malformed`) or an API error code (`InvalidSecurityGroupName.Malformed`,
 * matching every rule that predicts it). A suppression needs a reason; without one, with an unknown id,
 * or naming a rule that may not be suppressed, it suppresses nothing and is reported
 * (`suppression-invalid`). From its `expires` day on it suppresses nothing and is reported
 * (`suppression-expired`); one that suppresses nothing is reported (`suppression-unused`).
 */
import { resolve } from 'node:path';
import { fullParsers, loadedParsers, readDocumentSync } from '../load/parsers.ts';
import { fastYamlComments } from '../load/fast.ts';
import { LineIndex, get, isMap, isScalar, isSeq, text as scalarText } from '../load/tree.ts';
import type { Span, Tree } from '../load/tree.ts';
import { suggest } from '../util/suggest.ts';
import { inlineBody } from '../load/ros/functions.ts';
import { MAX_NESTING } from '../load/ros/template.ts';
import { globMatch, ignoreMatcher, mayMatchBelow, patternRoot } from '../util/glob.ts';
import { below, within } from '../util/paths.ts';
import { severityOf } from './config.ts';
import type { Config } from './config.ts';
import type { FileResult, LintResult } from './lint.ts';
import type { Finding, Rule } from './rule.ts';
import { addTo, pushAll } from '../util/array.ts';

export const SUPPRESSION_RULES = ['suppression-invalid', 'suppression-expired', 'suppression-unused'] as const;

// ---------------------------------------------------------------------------------------------------
// Comments

export interface Comment {
  /** Offsets of the whole comment, markers included. */
  start: number;
  end: number;
  /** The comment's text without its markers (`#`, `//`, `/*`, `*\/`). */
  body: string;
  /** Code precedes it on its line. */
  trailing: boolean;
}

/**
 * Comments of a YAML text (`#` in strings and block scalars is not one): from the fast scanner when the
 * text is in its subset, else from the YAML parser's concrete syntax tree, which needs the full parsers
 * loaded (`applySuppressions` loads them when a file needs them).
 */
export function yamlComments(text: string): Comment[] {
  // Texts in the fast parser's subset (most specs) are scanned by it: the full parser takes ten times as long.
  const fast = fastYamlComments(text);
  return fast ? asComments(text, fast) : yamlCstComments(text);
}

function asComments(text: string, found: { start: number; end: number }[]): Comment[] {
  return finish(text, found.map(({ start, end }) => ({ start, end, body: text.slice(start + 1, end), trailing: false })));
}

/** Comments of any YAML text, from the `yaml` package's concrete syntax tree (needs the full parsers loaded). */
export function yamlCstComments(text: string): Comment[] {
  const out: Comment[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const v of x) walk(v);
      return;
    }
    if (x === null || typeof x !== 'object') return;
    const t = x as { type?: string; offset?: number; source?: string };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      out.push({ start: t.offset, end: t.offset + t.source.length, body: t.source.slice(1), trailing: false });
      return;
    }
    for (const v of Object.values(x)) if (v !== null && typeof v === 'object') walk(v);
  };
  const { YamlParser } = loadedParsers();
  try {
    for (const token of new YamlParser().parse(text)) walk(token);
  } catch {
    return []; // the parse error itself is reported by the loader
  }
  return finish(text, out);
}

/**
 * Comments of an HCL text: `#` and `//` to the end of the line, `/* ... *\/` blocks; not inside quoted
 * strings (with `${...}` interpolations, which may hold strings of their own) nor heredocs.
 */
export function hclComments(text: string): Comment[] {
  const out: Comment[] = [];
  const n = text.length;
  // Stack of open contexts: 's' a quoted string, 'i' an interpolation inside one (counting braces).
  const stack: { kind: 's' | 'i'; depth: number }[] = [];
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (top?.kind === 's') {
      if (c === '\\') i += 2;
      else if (c === '"') {
        stack.pop();
        i++;
      } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
        if (text[i - 1] === c && text[i - 2] !== c) i += 2; // `$${` is an escaped literal
        else {
          stack.push({ kind: 'i', depth: 0 });
          i += 2;
        }
      } else if (c === '\n') {
        stack.pop(); // an unterminated string ends at the line (the loader reports it)
        i++;
      } else i++;
      continue;
    }
    if (c === '"') {
      stack.push({ kind: 's', depth: 0 });
      i++;
      continue;
    }
    if (top?.kind === 'i') {
      if (c === '{') top.depth++;
      else if (c === '}') {
        if (top.depth === 0) {
          stack.pop();
          i++;
          continue;
        }
        top.depth--;
      }
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      let e = text.indexOf('\n', i);
      if (e < 0) e = n;
      const endText = text[e - 1] === '\r' ? e - 1 : e;
      out.push({ start: i, end: endText, body: text.slice(i + (c === '#' ? 1 : 2), endText), trailing: false });
      i = e;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      let e = text.indexOf('*/', i + 2);
      const closed = e >= 0;
      if (!closed) e = n;
      out.push({ start: i, end: closed ? e + 2 : n, body: text.slice(i + 2, e), trailing: false });
      i = closed ? e + 2 : n;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && stack.length === 0) {
      const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
      if (m) {
        // Heredoc: skip to the line holding only the delimiter.
        const delim = m[1]!;
        let p = i + m[0].length;
        for (;;) {
          let e = text.indexOf('\n', p);
          if (e < 0) e = n;
          if (text.slice(p, e).trim() === delim || e === n) {
            i = e;
            break;
          }
          p = e + 1;
        }
        continue;
      }
    }
    i++;
  }
  return finish(text, out);
}

function finish(text: string, comments: Comment[]): Comment[] {
  comments.sort((a, b) => a.start - b.start);
  for (const c of comments) {
    const lineStart = Math.max(text.lastIndexOf('\n', c.start - 1) + 1, 0);
    c.trailing = text.slice(lineStart, c.start).trim() !== '';
  }
  return comments;
}

/** Comments of a file, by its name; none for JSON (which has no comments). */
export function commentsOf(path: string, text: string): Comment[] {
  if (/\.(tf|tfvars|hcl)$/i.test(path)) return hclComments(text);
  if (/\.ya?ml$/i.test(path)) return yamlComments(text);
  return [];
}

// ---------------------------------------------------------------------------------------------------
// Directives

export interface Suppression {
  kind: 'line' | 'file' | 'metadata' | 'waiver';
  /** Rule ids or error codes, as written. */
  ids: string[];
  reason?: string;
  expires?: string;
  /** Where it is written (the comment, the Metadata entry, the waiver). */
  span: Span;
  /** Why it cannot suppress anything (missing reason, malformed date, stray text). */
  problems: string[];
  /** Which findings it may cover. */
  file?: string;
  line?: number;
  resource?: string;
  /** A waiver's `paths`, and whether a file (absolute path) is among them: the `ignore` patterns' rules. */
  paths?: string[];
  inPaths?: (abs: string) => boolean;
  resources?: string[];
}

const DIRECTIVE = /^\s*sglint-ignore(-file)?(?=\s|$)(.*)$/s;
const TOKEN = /([A-Za-z][\w-]*)=("(?:[^"\\]|\\.)*"?|'[^']*'?|\S*)|(\S+)/g;
const KEYS = ['reason', 'expires'];

/** The `sglint-ignore` directives among a file's comments. */
export function inlineSuppressions(path: string, text: string, known?: Comment[]): Suppression[] {
  if (!text.includes('sglint-ignore')) return [];
  const comments = known ?? commentsOf(path, text);
  const lines = new LineIndex(path, text);
  // Lines that hold only comments: a directive above them applies to the first line below that does not.
  // The line a comment ends on holds code when code follows it there (`/* owner: a */ name = "x"`).
  const commentLines = new Set<number>();
  let last = 0;
  for (const [k, c] of comments.entries()) {
    if (c.trailing) continue;
    const a = lines.pos(c.start).line;
    const b = lines.pos(c.end).line;
    for (let l = a; l <= (codeAfter(text, comments, k) ? b - 1 : b); l++) commentLines.add(l);
    last = Math.max(last, b);
  }
  // The first line at or below each line that is not a comment line: one pass from the bottom, so a
  // long block of directive comments costs linear time, not a walk to its end per directive.
  const codeFrom = new Int32Array(last + 2);
  codeFrom[last + 1] = last + 1;
  for (let l = last; l >= 1; l--) codeFrom[l] = commentLines.has(l) ? codeFrom[l + 1]! : l;
  const out: Suppression[] = [];
  let header = true;
  let prevEnd = 0;
  for (const c of comments) {
    const between = text.slice(prevEnd, c.start);
    if (header && !isHeaderGap(between)) header = false;
    prevEnd = c.end;
    const m = DIRECTIVE.exec(c.body.replace(/\*\/$/, ''));
    if (!m) continue;
    const span = lines.span(c.start, c.end);
    const s = parseDirective(m[2]!, span);
    if (m[1]) {
      s.kind = 'file';
      if (!header) s.problems.push('sglint-ignore-file must come before any content of the file');
    } else if (c.trailing) {
      s.line = span.line;
    } else {
      // The first line from the one it ends on that holds code.
      s.line = codeFrom[span.endLine]!;
    }
    s.file = path;
    out.push(s);
  }
  return out;
}

/** Whether code follows comment k on the line it ends on (comments after it there are not code). */
function codeAfter(text: string, comments: readonly Comment[], k: number): boolean {
  let p = comments[k]!.end;
  let eol = text.indexOf('\n', p);
  if (eol < 0) eol = text.length;
  for (let j = k + 1; ; j++) {
    const next = comments[j];
    const to = next !== undefined && next.start < eol ? next.start : eol;
    if (text.slice(p, to).trim() !== '') return true;
    if (to === eol) return false;
    p = next!.end;
    if (p >= eol) return false;
  }
}

/** Text between header comments: blank, or YAML document markers and directives. */
function isHeaderGap(s: string): boolean {
  return s.split(/\r?\n|\r/).every((l) => {
    const t = l.trim();
    return t === '' || t === '---' || t.startsWith('%');
  });
}

function parseDirective(rest: string, span: Span): Suppression {
  const s: Suppression = { kind: 'line', ids: [], span, problems: [] };
  const bare: string[] = [];
  let sawKey = false;
  for (const m of rest.matchAll(TOKEN)) {
    if (m[3] !== undefined) {
      if (sawKey) s.problems.push(`unexpected text "${m[3]}" after the options (quote the reason: reason="...")`);
      else bare.push(m[3]);
      continue;
    }
    sawKey = true;
    const key = m[1]!;
    const raw = m[2]!;
    const value = unquote(raw);
    if (key === 'reason') {
      if (value === undefined) s.problems.push('the reason is not closed by a quote');
      else s.reason = value;
    } else if (key === 'expires') {
      s.expires = value ?? raw;
    } else {
      const hint = suggest(key, KEYS);
      s.problems.push(`unknown option "${key}"` + (hint ? `; did you mean "${hint}"?` : ` (options: ${KEYS.join(', ')})`));
    }
  }
  s.ids = bare.join(',').split(',').map((x) => x.trim()).filter(Boolean);
  validate(s);
  return s;
}

function unquote(raw: string): string | undefined {
  if (raw.startsWith('"')) {
    if (raw.length < 2 || !raw.endsWith('"') || raw.endsWith('\\"')) return undefined;
    return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (raw.startsWith("'")) return raw.length >= 2 && raw.endsWith("'") ? raw.slice(1, -1) : undefined;
  return raw;
}

/** Checks shared by every kind: ids, a non-empty reason, a real expiry date. */
function validate(s: Suppression): void {
  if (s.ids.length === 0) s.problems.push('names no rule id or error code');
  if (s.reason === undefined || s.reason.trim() === '') s.problems.push('has no reason; write reason="why this is acceptable"');
  if (s.expires !== undefined && !isDate(s.expires)) s.problems.push(`expires "${s.expires}" is not a date (YYYY-MM-DD)`);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function mayHoldMetadata(path: string, text: string): boolean {
  return text.includes('sglint') && text.includes('ROSTemplateFormatVersion') && /\.(json|ya?ml)$/i.test(path);
}

/**
 * `Resources.<Name>.Metadata.sglint.ignore: [{rule, reason, expires}]` entries of a ROS template (JSON or
 * YAML), and of the templates written inline in its nested stacks, as far as the loader reads them
 * (`Resources.<Stack>.Resources.<Name>`). `docs` are the file's trees when the caller parsed it already;
 * otherwise the text is parsed.
 */
export function metadataSuppressions(path: string, text: string, docs?: Tree[]): Suppression[] {
  if (!mayHoldMetadata(path, text)) return [];
  const out: Suppression[] = [];
  const read = (resources: Tree | undefined, prefix: string, depth: number): void => {
    if (!isMap(resources)) return;
    for (const r of resources.entries) {
      const resource = `${prefix}Resources.${r.key}`;
      const holder = get(get(r.value, 'Metadata'), 'sglint');
      const list = get(holder, 'ignore');
      if (isSeq(list)) for (const item of list.items) out.push(metadataEntry(item, path, resource));
      else if (holder !== undefined) {
        out.push({ kind: 'metadata', ids: [], span: (list ?? holder).span, problems: ['Metadata.sglint.ignore must be a list of { rule, reason, expires }'], file: path, resource });
      }
      const body = inlineBody(r);
      if (body !== undefined && depth < MAX_NESTING) read(get(body, 'Resources'), `${resource}.`, depth + 1);
    }
  };
  for (const doc of docs ?? readDocumentSync(path, text).docs) {
    if (get(doc, 'ROSTemplateFormatVersion') !== undefined) read(get(doc, 'Resources'), '', 0);
  }
  return out;
}

function metadataEntry(item: Tree, file: string, resource: string): Suppression {
  const s: Suppression = { kind: 'metadata', ids: [], span: item.span, problems: [], file, resource };
  if (!isMap(item)) {
    s.problems.push('an ignore entry must be a map { rule, reason, expires }');
    return s;
  }
  for (const e of item.entries) {
    if (e.key === 'rule' || e.key === 'rules') {
      const vals = isSeq(e.value) ? e.value.items : [e.value];
      for (const v of vals) {
        const t = scalarText(v);
        if (t !== undefined && isScalar(v)) pushAll(s.ids, t.split(',').map((x) => x.trim()).filter(Boolean));
        else s.problems.push('rule must be a rule id or error code (or a list of them)');
      }
    } else if (e.key === 'reason') s.reason = isScalar(e.value) ? scalarText(e.value) : undefined;
    else if (e.key === 'expires') s.expires = isScalar(e.value) ? String(e.value.value) : '?';
    else {
      const hint = suggest(e.key, ['rule', 'reason', 'expires']);
      s.problems.push(`unknown key "${e.key}" in an ignore entry` + (hint ? `; did you mean "${hint}"?` : ''));
    }
  }
  validate(s);
  return s;
}

/** Config `waivers` as suppressions, placed where each is written in the config file. */
export function waiverSuppressions(config: Config): Suppression[] {
  const file = config.file ?? '.sglint.yaml';
  return (config.waivers ?? []).map((w, i) => {
    const span = w.span ?? config.locations?.[`/waivers/${i}`] ?? { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const s: Suppression = {
      kind: 'waiver',
      ids: [...w.rules],
      reason: w.reason,
      span,
      problems: [],
      ...(w.expires !== undefined ? { expires: w.expires } : {}),
      ...(w.paths ? { paths: w.paths, inPaths: ignoreMatcher(w.paths, config.baseDir) } : {}),
      ...(w.resources ? { resources: w.resources } : {}),
    };
    validate(s);
    return s;
  });
}

// ---------------------------------------------------------------------------------------------------
// Applying

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The result with suppressed findings removed and suppression findings added. Pure: reads only the
 * result (its files' sources), the config, the catalog and `today` (YYYY-MM-DD).
 */
export async function applySuppressions(
  result: LintResult,
  config: Config,
  catalog: readonly Rule[],
  today: string,
  docsOf: (path: string) => Tree[] | undefined = () => undefined,
): Promise<LintResult> {
  const rules = new Map(catalog.map((r) => [r.id, r]));
  const byCode = new Map<string, Rule[]>();
  for (const r of catalog) if (r.api.errorCode) addTo(byCode, r.api.errorCode, r);
  const unsuppressible = new Set([...catalog.filter((r) => r.suppressible === false).map((r) => r.id), ...(config.unsuppressible ?? []), ...SUPPRESSION_RULES]);

  const all: Suppression[] = [];
  if (config.inlineSuppressions !== false) {
    // YAML comments come from the fast scanner, else from the `yaml` package's syntax tree (loaded only
    // then, as it is for a template the caller did not parse).
    const scanned = new Map<string, Comment[]>();
    const full = (path: string, text: string): boolean => {
      if (text.includes('sglint-ignore') && /\.ya?ml$/i.test(path)) {
        const fast = fastYamlComments(text);
        if (!fast) return true;
        scanned.set(path, asComments(text, fast));
      }
      return docsOf(path) === undefined && mayHoldMetadata(path, text);
    };
    // Every file is looked at (not only up to the first that needs the full parsers): `full` records the scans.
    let needFull = false;
    for (const f of result.files) if (f.source !== undefined && full(f.path, f.source)) needFull = true;
    if (needFull) await fullParsers();
    for (const f of result.files) {
      if (f.source === undefined) continue;
      pushAll(all, inlineSuppressions(f.path, f.source, scanned.get(f.path)));
      pushAll(all, metadataSuppressions(f.path, f.source, docsOf(f.path)));
    }
  }
  pushAll(all, waiverSuppressions(config));

  const added: Finding[] = [];
  const report = (ruleId: (typeof SUPPRESSION_RULES)[number], span: Span, message: string): void => {
    const rule = rules.get(ruleId);
    const severity = rule ? severityOf(rule, config) : 'warning';
    if (severity === 'off') return;
    added.push({ ruleId, errorCode: null, httpStatus: null, severity, message, span });
  };
  const label = (s: Suppression): string =>
    s.kind === 'waiver' ? 'waiver' : s.kind === 'metadata' ? `Metadata ignore entry of ${s.resource}` : s.kind === 'file' ? 'sglint-ignore-file' : 'sglint-ignore';

  interface Active {
    s: Suppression;
    /** Ids that may suppress, with the rule ids each covers. */
    ids: Map<string, Set<string>>;
    used: Set<string>;
  }
  const active: Active[] = [];
  for (const s of all) {
    const problems = [...s.problems];
    const ids = new Map<string, Set<string>>();
    for (const id of s.ids) {
      const covered = rules.has(id) ? [id] : (byCode.get(id) ?? []).map((r) => r.id);
      if (covered.length === 0) {
        const hint = suggest(id, [...rules.keys(), ...byCode.keys()]);
        problems.push(`names "${id}", which is neither a rule id nor an error code sglint reports` + (hint ? `; did you mean "${hint}"?` : ''));
        continue;
      }
      const allowed = covered.filter((r) => !unsuppressible.has(r));
      if (allowed.length === 0) {
        problems.push(`names "${id}", which may not be suppressed` + (SUPPRESSION_RULES.includes(id as never) ? ' (set its severity under `rules` in the config instead)' : ''));
        continue;
      }
      ids.set(id, new Set(allowed));
    }
    if (problems.length > 0) {
      report('suppression-invalid', s.span, `${label(s)} ${problems.join('; ')}; it suppresses nothing`);
      continue;
    }
    if (s.expires !== undefined && today >= s.expires) {
      report('suppression-expired', s.span, `${label(s)} for ${s.ids.join(', ')} expired on ${s.expires} and no longer suppresses (reason given: "${s.reason}")`);
      continue;
    }
    active.push({ s, ids, used: new Set() });
  }

  // Line directives are looked up by file and line, the rest are tried in turn: a file with thousands
  // of directives and findings costs their sum, not their product.
  const byLine = new Map<string, Active[]>();
  const others: Active[] = [];
  for (const a of active) {
    if (a.s.kind === 'line') {
      const k = `${a.s.line}\0${a.s.file}`;
      addTo(byLine, k, a);
    } else others.push(a);
  }
  const kept: Finding[] = [];
  for (const f of result.findings) {
    let suppressed = false;
    for (const list of [byLine.get(`${f.span.line}\0${f.span.file}`), others]) {
      for (const a of list ?? []) {
        const ids = [...a.ids].filter(([, ruleIds]) => ruleIds.has(f.ruleId));
        if (ids.length === 0 || !covers(a.s, f)) continue;
        for (const [id] of ids) a.used.add(id);
        suppressed = true;
      }
    }
    if (!suppressed) kept.push(f);
  }

  const failed = result.files.filter((f) => f.status === 'failed').map((f) => f.path);
  for (const a of active) {
    // Named alone (a pre-commit hook names the staged files), a file is read without the others a rule that
    // compares resources (reused client tokens, quotas, duplicates) or reads a VPC declared elsewhere
    // (its status, region) needs: such a directive is not judged.
    const alone = a.s.kind !== 'waiver' && a.s.file !== undefined && config.walked !== undefined && !config.walked.some((w) => within(w, resolve(a.s.file!)));
    const unused = [...a.ids.entries()]
      .filter(([id, ruleIds]) => !a.used.has(id) && [...ruleIds].some((r) => severityOf(rules.get(r)!, config) !== 'off') && (!alone || [...ruleIds].every((r) => oneFile(rules.get(r)!))))
      .map(([id]) => id);
    if (unused.length > 0 && judged(a.s, config, failed)) report('suppression-unused', a.s.span, `${label(a.s)} for ${unused.join(', ')} suppresses nothing${a.s.kind === 'line' ? ` on line ${a.s.line}` : ''}; remove it, or fix what it names`);
  }

  if (added.length === 0 && kept.length === result.findings.length) return result;
  return regroup(result, [...kept, ...added]);
}

/** Whether a rule's findings in a file depend on that file alone (and the config): input rules, and rules of one item that read no VPC. */
function oneFile(rule: Rule): boolean {
  return rule.group === 'input' || (rule.local === true && rule.group !== 'vpc');
}

/**
 * Whether this run read every file a suppression may cover, so that covering nothing means it is unused.
 * Inline ones sit in the file they cover; a waiver covers the files under its paths' fixed directories.
 * A file that failed (it does not parse) was not read in full: what it would hold is not known.
 */
function judged(s: Suppression, config: Config, failed: readonly string[]): boolean {
  if (failed.some((f) => (s.kind === 'waiver' ? !s.inPaths || s.inPaths(resolve(f)) : f === s.file))) return false;
  const walked = config.walked;
  if (s.kind !== 'waiver' || walked === undefined) return true;
  const unwalked = config.unwalked ?? [];
  return (s.paths ?? ['']).every((p) => {
    const dir = resolve(config.baseDir, patternRoot(p));
    if (!walked.some((w) => within(w, dir))) return false;
    // A directory the walks did not enter (dist, node_modules, ignored) may hold what the pattern matches.
    const under = (u: string) => s.paths !== undefined && within(dir, u) && mayMatchBelow(p, below(config.baseDir, u) ?? '');
    return !unwalked.some((u) => within(u, dir) || under(u));
  });
}

function covers(s: Suppression, f: Finding): boolean {
  switch (s.kind) {
    case 'line':
      return f.span.file === s.file && f.span.line === s.line;
    case 'file':
      return f.span.file === s.file;
    case 'metadata':
      return f.span.file === s.file && f.resource !== undefined && (f.resource === s.resource || f.resource.startsWith(`${s.resource}.`) || f.resource.startsWith(`${s.resource}[`));
    case 'waiver': {
      if (s.inPaths && !s.inPaths(resolve(f.span.file))) return false;
      if (s.resources) {
        if (f.resource === undefined) return false;
        const r = f.resource;
        if (!s.resources.some((p) => globMatch(p, r) || r.startsWith(`${p}.`) || r.startsWith(`${p}[`))) return false;
      }
      return true;
    }
  }
}

/** A result with these findings: sorted, and each file's list rebuilt (files only named by new findings are added). */
export function regroup(result: LintResult, findings: Finding[]): LintResult {
  const sorted = [...findings].sort(byPosition);
  const files = new Map<string, FileResult>(result.files.map((f) => [f.path, { ...f, findings: [] }]));
  for (const f of sorted) {
    let r = files.get(f.span.file);
    if (!r) {
      r = { path: f.span.file, status: 'checked', findings: [] };
      files.set(f.span.file, r);
    }
    holdsFinding(r);
    r.findings.push(f);
  }
  const ordered = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...result, files: ordered, findings: sorted };
}

/**
 * A file that holds a finding is reported. A config file or a policy document met in a directory walk
 * is skipped as an input, but a finding placed in it (a waiver, a missing inventory file, a malformed
 * policy) makes it relevant.
 */
export function holdsFinding(r: FileResult): void {
  if (r.status === 'skipped') {
    r.status = 'checked';
    delete r.note;
  }
}

export function byPosition(a: Finding, b: Finding): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.line - b.span.line || a.span.column - b.span.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
