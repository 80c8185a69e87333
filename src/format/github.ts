/**
 * GitHub workflow-command annotations (`--format github`, and the plan the Action hands to @actions/core).
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, so findings are ordered
 * most important first (errors, then warnings, then info; API-error rules before exposure and input
 * checks), the first ones become annotations, and a final notice says how many more there are and where.
 */
import { resolve, sep } from 'node:path';
import { below, repoRoot } from '../util/paths.ts';
import type { RootOf } from '../util/paths.ts';
import { escapeText } from './display.ts';
import type { EslintMessage, EslintResult } from './results.ts';
import { formatCompact, shownId } from './results.ts';
import type { Rule } from '../engine/rule.ts';

/** Per step and per level, as documented for workflow commands. */
export const ANNOTATION_CAP = 10;

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  /** Repository-relative, `/`-separated. */
  file: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  /** `<ErrorCode> (<rule-id>)`, or the rule id alone when the API documents no code. */
  title: string;
  message: string;
  /** The finding it came from, for callers that list the rest elsewhere. */
  finding: EslintMessage;
}

export interface AnnotationPlan {
  shown: Annotation[];
  /** Findings past the cap, in the same order. */
  rest: Annotation[];
}

/** The repository root above `cwd` (the nearest directory holding `.git`), else `cwd`. */
export function rootOf(cwd: string): string {
  return repoRoot(cwd) ?? resolve(cwd);
}

/** A result's absolute path and the repository root its path is made relative to. */
export function rootFor(filePath: string, cwd: string, root: RootOf): { abs: string; dir: string } {
  const abs = resolve(cwd, filePath);
  return { abs, dir: typeof root === 'string' ? root : root(abs) };
}

/** A result's path relative to its repository root, `/`-separated; absolute when outside the root. */
export function repoPath(filePath: string, cwd: string, root: RootOf): string {
  const { abs, dir } = rootFor(filePath, cwd, root);
  return below(dir, abs) || abs.split(sep).join('/');
}

const LEVEL: Record<EslintMessage['level'], AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };
const LEVEL_RANK: Record<AnnotationLevel, number> = { error: 0, warning: 1, notice: 2 };
/** Rules that predict a failing API call come before exposure advice and input problems. */
const GROUP_RANK: Record<Rule['group'], number> = { create: 0, vpc: 0, permission: 0, ram: 0, exposure: 1, input: 2 };

export function annotationText(m: EslintMessage): string {
  return `${m.message}${m.httpStatus ? ` [HTTP ${m.httpStatus}]` : ''}${m.resource ? ` in ${m.resource}` : ''}${m.fix ? `\nFix: ${m.fix}` : ''}`;
}

/**
 * Orders every finding (results from forDisplay, paths kept) and splits them into the annotations GitHub will show and the rest.
 * `noticesUsed`: notices the step has already printed (they count against the same cap).
 */
export function planAnnotations(results: EslintResult[], ctx: { catalog: Rule[]; cwd: string; root?: RootOf }, cap = ANNOTATION_CAP, noticesUsed = 0): AnnotationPlan {
  const root = ctx.root ?? rootOf(ctx.cwd);
  const group = new Map(ctx.catalog.map((r) => [r.id, GROUP_RANK[r.group] ?? 1]));
  const all: Annotation[] = [];
  for (const r of results) {
    const file = repoPath(r.filePath, ctx.cwd, root);
    for (const m of r.messages) {
      const startLine = Math.max(1, m.line);
      const endLine = Math.max(startLine, m.endLine);
      const startColumn = Math.max(1, m.column);
      all.push({
        level: LEVEL[m.level],
        file,
        startLine,
        endLine,
        startColumn,
        endColumn: Math.max(endLine === startLine ? startColumn : 1, m.endColumn),
        title: shownId(m),
        message: annotationText(m),
        finding: m,
      });
    }
  }
  all.sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      (group.get(a.finding.ruleId) ?? 1) - (group.get(b.finding.ruleId) ?? 1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.startLine - b.startLine ||
      a.startColumn - b.startColumn,
  );
  const count = (level: AnnotationLevel) => all.filter((a) => a.level === level).length;
  // The closing notice takes one notice slot whenever something is left over.
  const noticeCap = Math.max(0, cap - noticesUsed);
  const overflow = count('error') > cap || count('warning') > cap || count('notice') > noticeCap;
  const limit: Record<AnnotationLevel, number> = { error: cap, warning: cap, notice: Math.max(0, overflow ? noticeCap - 1 : noticeCap) };
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const plan: AnnotationPlan = { shown: [], rest: [] };
  for (const a of all) {
    if (used[a.level] < limit[a.level]) {
      used[a.level]++;
      plan.shown.push(a);
    } else plan.rest.push(a);
  }
  return plan;
}

/** The closing notice: how many findings are not annotations, and where to read them. */
export function restNotice(rest: Annotation[], where: string, cap = ANNOTATION_CAP): string | undefined {
  if (rest.length === 0) return undefined;
  const n = (level: AnnotationLevel) => rest.filter((a) => a.level === level).length;
  const parts = [
    n('error') ? `${n('error')} error(s)` : '',
    n('warning') ? `${n('warning')} warning(s)` : '',
    n('notice') ? `${n('notice')} info finding(s)` : '',
  ].filter(Boolean);
  return `sglint: ${rest.length} more finding(s) not shown as annotations (${parts.join(', ')}); GitHub shows at most ${cap} error, ${cap} warning and ${cap} notice annotations per step. ${where}`;
}

/** Workflow-command escaping of the message part. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command escaping of a property value: the message escapes plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function command(a: Annotation): string {
  const props = [
    `file=${escapeProperty(a.file)}`,
    `line=${a.startLine}`,
    `endLine=${a.endLine}`,
    `col=${a.startColumn}`,
    `endColumn=${a.endColumn}`,
    `title=${escapeProperty(a.title)}`,
  ].join(',');
  return `::${a.level} ${props}::${escapeData(a.message)}`;
}

/** `--format github` (results from forDisplay, paths kept): annotations for the first findings, the rest as plain log lines, then a notice. */
export function formatGithub(results: EslintResult[], ctx: { catalog: Rule[]; cwd: string; root?: RootOf }): string {
  const plan = planAnnotations(results, ctx);
  const lines = plan.shown.map(command);
  const rest = formatCompact(plan.rest.map((a) => ({ filePath: escapeText(a.file), messages: [a.finding], errorCount: 0, warningCount: 0, infoCount: 0 })));
  if (rest) lines.push(rest.replace(/\n$/, ''));
  const notice = restNotice(plan.rest, 'They are listed in this log above this notice; use --format sarif with github/codeql-action/upload-sarif to see every finding in code scanning.');
  if (notice) lines.push(`::notice::${escapeData(notice)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
