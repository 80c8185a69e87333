/**
 * The GitHub Action (bundled to dist/action.js, run by `runs: using: node24`). Inputs → the CLI's own
 * check() → annotations (most important first, capped as GitHub caps them), a job summary with every
 * finding, an optional SARIF file, outputs and the exit code. @actions/core is loaded here only, so the
 * CLI never pays for it. No input ever reaches a shell; paths outside the workspace are refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { catalog } from './index.ts';
import { check, defaultOptions, guardOutput } from './cli.ts';
import { formatters } from './format/index.ts';
import { displayText, escapeText, forDisplay } from './format/display.ts';
import { planAnnotations, repoPath, restNotice } from './format/github.ts';
import type { EslintMessage, EslintResult } from './format/results.ts';
import { VERSION } from './version.ts';
import { confineReads, ioReason, writeFileSafely } from './util/io.ts';
import { displayPath, repoRootsBelow, within } from './util/paths.ts';
import type { RootOf } from './util/paths.ts';

type Core = typeof import('@actions/core');

class InputError extends Error {}

const FAIL_ON = ['error', 'warning', 'never'] as const;
/** The reports the step log takes: every format but GitLab's Code Quality report, which GitHub does not read. */
const LOG_FORMATS = Object.keys(formatters).filter((f) => f !== 'gitlab');

/** The real path when it exists (symlinks resolved), else the path itself. */
function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Resolves a user-given path against the workspace and refuses anything that lands outside it. */
function inWorkspace(workspace: string, p: string, input: string): string {
  const abs = resolve(workspace, p);
  if (!within(real(workspace), real(abs)) && !within(workspace, abs)) {
    throw new InputError(`input ${input}: "${p}" is outside the workspace (${workspace}); sglint only reads files of the checked-out repository`);
  }
  if (!within(real(workspace), real(abs))) {
    throw new InputError(`input ${input}: "${p}" leads outside the workspace (${workspace}) through a symbolic link`);
  }
  return abs;
}

function boolInput(core: Core, name: string, dflt: boolean): boolean {
  const v = core.getInput(name);
  if (v === '') return dflt;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new InputError(`input ${name}: "${v}" is not true or false`);
}

/**
 * Files the pull request changes (absolute paths), from the event payload's base and head commits and
 * `git diff base...head` (no API token), run in each repository the checked files are in (the workspace,
 * or a repository checked out into a subdirectory of it). Undefined when not a pull request or git cannot
 * tell in any of them (e.g. a shallow checkout): then every file is annotated, and a notice says why.
 */
function changedFiles(core: { info(m: string): void; notice(m: string): void }, roots: string[]): Set<string> | undefined {
  const event = process.env.GITHUB_EVENT_NAME ?? '';
  if (event !== 'pull_request' && event !== 'pull_request_target') {
    core.info(`sglint: only-changed applies to pull_request events (this is "${event}"); reporting every file`);
    return undefined;
  }
  let base: unknown;
  let head: unknown;
  try {
    const payload = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } } };
    base = payload.pull_request?.base?.sha;
    head = payload.pull_request?.head?.sha;
  } catch (e) {
    core.notice(displayText(`sglint: only-changed: cannot read the event payload (${(e as Error).message}); reporting every file`));
    return undefined;
  }
  const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
  if (typeof base !== 'string' || typeof head !== 'string' || !sha.test(base) || !sha.test(head)) {
    core.notice('sglint: only-changed: the event payload names no pull_request base and head commits; reporting every file');
    return undefined;
  }
  const changed = new Set<string>();
  const failed: { root: string; reason: string }[] = [];
  for (const root of roots) {
    try {
      const out = execFileSync('git', ['diff', '--name-only', '-z', '--relative', `${base}...${head}`], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
      for (const name of out.split('\0')) if (name) changed.add(resolve(root, name));
    } catch (e) {
      failed.push({ root, reason: ((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n')[0] ?? '' });
    }
  }
  if (failed.length === roots.length) {
    core.notice(displayText(`sglint: only-changed: git could not list the files changed between ${base.slice(0, 7)} and ${head.slice(0, 7)} (${failed[0]?.reason ?? 'no repository'}); reporting every file. Check out with fetch-depth: 0 so both commits are present.`));
    return undefined;
  }
  // Another repository checked out beside the pull request's does not hold its commits: none of its files changed.
  for (const f of failed) core.info(displayText(`sglint: only-changed: ${displayPath(f.root)} does not hold the pull request's commits (${f.reason}); its files count as unchanged`));
  return changed;
}

/**
 * The roots paths are made relative to: the workspace, and a repository checked out into a subdirectory
 * of it that is the workflow's own (its origin remote names GITHUB_REPOSITORY, as actions/checkout sets
 * it). Another repository checked out there (shared modules beside or inside the workflow's checkout)
 * is not a root: its paths relative to itself would name the workflow repository's files, and GitHub
 * would place its findings there.
 */
function workflowRoots(workspace: string): (abs: string) => string {
  const repository = process.env.GITHUB_REPOSITORY?.toLowerCase();
  return repoRootsBelow(workspace, (dir) => {
    if (!repository) return true;
    try {
      const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const path = url.trim().toLowerCase().replace(/\/+$/, '').replace(/\.git$/, '');
      return path.endsWith(`/${repository}`) || path.endsWith(`:${repository}`);
    } catch {
      return false;
    }
  });
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rows of the table of findings at most; the rest is counted. */
const SUMMARY_ROWS = 2000;
/**
 * GitHub's limit for one step's summary: past it the whole summary is dropped. The table of findings
 * stops where the rest of the summary would no longer fit, with this much to spare.
 */
const SUMMARY_BYTES = 1024 * 1024 - 16 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Values a message quotes in backticks, as code (the summary is HTML, where backticks stay literal). */
function code(escaped: string): string {
  return escaped.replace(/`([^`]*)`/g, '<code>$1</code>');
}

async function writeSummary(
  core: Core,
  o: { results: EslintResult[]; workspace: string; root: RootOf; checked: number; errors: number; warnings: number; infos: number; notAnnotated: number; outside: number; sarif?: string; headSha?: string },
): Promise<void> {
  const server = process.env.GITHUB_SERVER_URL;
  const repo = process.env.GITHUB_REPOSITORY;
  const sha = o.headSha ?? process.env.GITHUB_SHA;
  const where = (file: string, m: EslintMessage) => {
    const label = html(`${escapeText(file)}:${m.line}`);
    if (!server || !repo || !sha) return `<code>${label}</code>`;
    return `<a href="${html(`${server}/${repo}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${m.line}`)}">${label}</a>`;
  };
  const rows: { file: string; m: EslintMessage }[] = o.results.flatMap((r) => r.messages.map((m) => ({ file: repoPath(r.filePath, o.workspace, o.root), m })));
  // Paragraphs after the table, written last but measured first: the table gets the room they leave.
  const tail: string[] = [];
  if (o.notAnnotated > 0) tail.push(`<p>${o.notAnnotated} finding(s) above are not shown as annotations: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step.</p>`);
  if (o.outside > 0) tail.push(`<p>${o.outside} more finding(s) are in files this pull request does not change (only-changed).</p>`);
  if (o.sarif) tail.push(`<p>SARIF written to <code>${html(o.sarif)}</code>.</p>`);
  const notListed = (n: number) => `<p>${n} more finding(s) are not listed here (summary size limit; errors are listed first); ${o.sarif ? 'the SARIF file and ' : ''}the step log ${o.sarif ? 'have' : 'has'} all of them.</p>`;
  const s = core.summary.addHeading('sglint', 2);
  s.addRaw(`<p>${o.checked} file(s) checked: <b>${o.errors}</b> error(s), <b>${o.warnings}</b> warning(s), ${o.infos} info.</p>`, true);
  if (rows.length > 0) {
    const byCode = new Map<string, { code: string; rule: string; level: string; n: number }>();
    for (const { m } of rows) {
      const k = `${m.errorCode ?? ''}\0${m.ruleId}`;
      const e = byCode.get(k) ?? { code: m.errorCode ?? '—', rule: m.ruleId, level: m.level, n: 0 };
      e.n++;
      byCode.set(k, e);
    }
    const th = (t: string) => ({ data: t, header: true });
    s.addHeading('Findings per error code', 3).addTable([
      [th('Error code'), th('Rule'), th('Severity'), th('Findings')],
      ...[...byCode.values()].sort((a, b) => b.n - a.n || a.code.localeCompare(b.code)).map((e) => [html(e.code), `<code>${html(e.rule)}</code>`, e.level, String(e.n)]),
    ]);
    s.addHeading('Every finding', 3);
    // As addTable writes a row: `<tr><td>cell</td>...</tr>`.
    const rowBytes = (cells: string[]) => bytes(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    const header = ['Location', 'Error code', 'Severity', 'Message'];
    let room = SUMMARY_BYTES - bytes(s.stringify()) - bytes(tail.join('\n')) - bytes(notListed(rows.length)) - rowBytes(header) - bytes('<table></table>\n');
    // When not every row fits, errors are listed before warnings and warnings before info; rows stay in file order.
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const byLevel = rows.map((_, i) => i).sort((a, b) => rank[rows[a]!.m.level] - rank[rows[b]!.m.level] || a - b);
    const chosen = new Map<number, string[]>();
    for (const i of byLevel.slice(0, SUMMARY_ROWS)) {
      const { file, m } = rows[i]!;
      const cells = [where(file, m), `${html(m.errorCode ?? '—')} (<code>${html(m.ruleId)}</code>)`, m.level, code(html(m.message))];
      room -= rowBytes(cells);
      if (room < 0) break;
      chosen.set(i, cells);
    }
    const listed = [...chosen.keys()].sort((a, b) => a - b).map((i) => chosen.get(i)!);
    s.addTable([header.map(th), ...listed]);
    if (rows.length > listed.length) s.addRaw(notListed(rows.length - listed.length), true);
  }
  for (const p of tail) s.addRaw(p, true);
  await s.write();
}

/** The repositories the results' files are in (the roots their paths are made relative to), sorted. */
function repositories(results: EslintResult[], workspace: string, root: (abs: string) => string): string[] {
  const roots = new Set<string>();
  for (const r of results) {
    roots.add(root(resolve(workspace, r.filePath)));
    for (const m of r.messages) if (m.resourceFile) roots.add(root(resolve(workspace, m.resourceFile)));
  }
  return roots.size ? [...roots].sort() : [workspace];
}

/**
 * The findings a pull request is answerable for: those in the files it changes, and those placed in
 * another file (a variable's default) about a resource in a file it changes.
 */
function inChanged(results: EslintResult[], changed: Set<string>, workspace: string): EslintResult[] {
  const touched = (file: string | undefined) => file !== undefined && changed.has(resolve(workspace, file));
  return results.flatMap((r) => {
    const own = touched(r.filePath);
    const messages = own ? r.messages : r.messages.filter((m) => touched(m.resourceFile));
    if (!own && messages.length === 0) return [];
    const count = (level: EslintMessage['level']) => messages.filter((m) => m.level === level).length;
    return [{ ...r, messages, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info') }];
  });
}

/**
 * The `paths` input: one path per line when the value has several lines (or ends with a line break, as a
 * `|` block does), so a path may hold spaces; a single line is split at whitespace, as it always was.
 */
function splitPaths(raw: string): string[] {
  if (/[\r\n]/.test(raw)) return raw.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
  return raw.split(/\s+/).filter(Boolean);
}

async function runAction(core: Core): Promise<number> {
  const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const paths = splitPaths(core.getInput('paths', { trimWhitespace: false }));
  const opts = defaultOptions();
  // Checked against the workspace, then passed as written (relative to it), so messages show them so.
  opts.paths = paths.length ? paths : ['.'];
  for (const p of opts.paths) inWorkspace(workspace, p, 'paths');
  try {
    confineReads(workspace);
  } catch (e) {
    throw new InputError(`the workspace ${workspace} cannot be read: ${ioReason(e)}`);
  }
  const config = core.getInput('config');
  if (config) opts.config = inWorkspace(workspace, config, 'config');
  // Without a .git directory the search would climb past the workspace to a file it may not read.
  opts.configTop = workspace;
  const baseline = core.getInput('baseline');
  if (baseline) opts.baseline = inWorkspace(workspace, baseline, 'baseline');
  opts.noInlineSuppressions = !boolInput(core, 'inline-suppressions', true);
  const format = core.getInput('format') || 'stylish';
  if (format === 'gitlab') {
    throw new InputError(
      `input format: "gitlab" is a GitLab Code Quality report, which GitHub does not read; use one of ${LOG_FORMATS.join(', ')} here (sarif-file for code scanning), and in a GitLab CI job run npx sglint --format gitlab -o gl-code-quality-report.json`,
    );
  }
  if (!LOG_FORMATS.includes(format)) throw new InputError(`input format: "${format}" is not one of ${LOG_FORMATS.join(', ')}`);
  const failOn = (core.getInput('fail-on') || 'error') as (typeof FAIL_ON)[number];
  if (!FAIL_ON.includes(failOn)) throw new InputError(`input fail-on: "${failOn}" is not one of ${FAIL_ON.join(', ')}`);
  const sarifInput = core.getInput('sarif-file');
  const runnerTemp = process.env.RUNNER_TEMP;
  const sarifFile = sarifInput
    ? runnerTemp && isAbsolute(sarifInput) && within(resolve(runnerTemp), resolve(sarifInput))
      ? resolve(sarifInput)
      : inWorkspace(workspace, sarifInput, 'sarif-file')
    : undefined;
  const annotate = boolInput(core, 'annotations', true);
  const onlyChanged = boolInput(core, 'only-changed', false);

  const checked = await check(opts, workspace);
  if (!checked.ok && checked.missing) {
    throw new InputError(`input paths: ${checked.missing.map((m) => `"${m.path}": ${m.reason}`).join('; ')}`);
  }
  if (!checked.ok) {
    // A bad config file: each problem annotated where it is, nothing linted (exit 2, as the CLI).
    for (const p of checked.problems) {
      const at = p.span
        ? { file: repoPath(p.span.file, process.cwd(), workflowRoots(workspace)), startLine: p.span.line, endLine: p.span.endLine, startColumn: p.span.column, endColumn: p.span.endColumn }
        : {};
      core.error(displayText(`sglint: ${p.message}`), { title: 'sglint configuration', ...at });
    }
    return 2;
  }
  const { result, results: all } = checked;
  // Skipped paths (with why) and the baseline's counts, as the CLI prints them.
  if (checked.notes.length) process.stdout.write(checked.notes.join('\n') + '\n');
  // Paths relative to the workflow's repository, wherever in the workspace it is checked out.
  const root = workflowRoots(workspace);
  const ctx = { catalog, cwd: workspace, root, version: VERSION };

  // SARIF always holds every finding: code scanning would otherwise close alerts of unchanged files.
  if (sarifFile) {
    const text = await formatters.sarif!(all, ctx);
    try {
      mkdirSync(dirname(sarifFile), { recursive: true });
      writeFileSafely(sarifFile, text);
    } catch (e) {
      throw new InputError(`input sarif-file: cannot write ${displayPath(sarifFile, workspace)}: ${ioReason(e)}`);
    }
  }

  // With annotations off, what would be a notice annotation is a plain log line.
  let noticesUsed = 0;
  const changed = onlyChanged
    ? changedFiles({ info: core.info, notice: (m: string) => (annotate ? (noticesUsed++, core.notice(m)) : core.info(m)) }, repositories(all, workspace, root))
    : undefined;
  const results = changed ? inChanged(all, changed, workspace) : all;
  const sum = (k: 'errorCount' | 'warningCount' | 'infoCount', rs: EslintResult[]) => rs.reduce((n, r) => n + r[k], 0);
  const errors = sum('errorCount', results);
  const warnings = sum('warningCount', results);
  const infos = sum('infoCount', results);
  const outside = sum('errorCount', all) + sum('warningCount', all) + sum('infoCount', all) - (errors + warnings + infos);

  // `annotations: false` wins over `format: github`, whose report is annotations: the log gets compact lines.
  const logFormat = format === 'github' && !annotate ? 'compact' : format;
  if (logFormat !== format) core.info('sglint: annotations is false, so the report is printed in the compact format instead of as github annotations');
  if (logFormat !== 'github') {
    core.startGroup(`sglint report (${logFormat})`);
    process.stdout.write(await formatters[logFormat]!(results, ctx));
    core.endGroup();
  }

  // Annotations and the summary show text from the files as the human formats do.
  const shown = forDisplay(results, false);
  let notAnnotated = 0;
  if (annotate) {
    const plan = planAnnotations(shown, ctx, undefined, noticesUsed);
    for (const a of plan.shown) {
      core[a.level](a.message, { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine, startColumn: a.startColumn, endColumn: a.endColumn });
    }
    notAnnotated = plan.rest.length;
    const where = [process.env.GITHUB_STEP_SUMMARY ? 'the job summary lists them' : '', sarifFile ? `the SARIF file ${displayPath(sarifFile, workspace)} has them all` : '', 'the step log has the full report']
      .filter(Boolean)
      .join('; ');
    const notice = restNotice(plan.rest, `See: ${where}.`);
    if (notice) core.notice(notice);
  }

  const nChecked = result.files.filter((f) => f.status !== 'skipped').length;
  if (process.env.GITHUB_STEP_SUMMARY) {
    let headSha: string | undefined;
    try {
      const sha = (JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH ?? '', 'utf8')) as { pull_request?: { head?: { sha?: unknown } } }).pull_request?.head?.sha;
      if (typeof sha === 'string' && /^[0-9a-f]+$/.test(sha)) headSha = sha;
    } catch {
      // not a pull request event: GITHUB_SHA names the commit
    }
    await writeSummary(core, { results: shown, workspace, root, checked: nChecked, errors, warnings, infos, notAnnotated, outside, ...(sarifFile ? { sarif: displayPath(sarifFile, workspace) } : {}), ...(headSha ? { headSha } : {}) });
  }

  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('sarif-file', sarifFile ?? '');

  const failing = failOn === 'never' ? 0 : failOn === 'warning' ? errors + warnings : errors;
  process.stdout.write(`sglint: ${nChecked} file(s) checked; ${errors} error(s), ${warnings} warning(s)${outside ? `; ${outside} finding(s) in files the pull request does not change` : ''}\n`);
  if (failing > 0) {
    // A plain line, not core.setFailed: its ::error would take one of the 10 error annotation slots.
    process.stdout.write(`sglint: failing because fail-on is "${failOn}" and ${failing} finding(s) reach it\n`);
    return 1;
  }
  return 0;
}

async function main(): Promise<void> {
  guardOutput();
  const core = await import('@actions/core');
  try {
    process.exitCode = await runAction(core);
  } catch (e) {
    core.setFailed(displayText(e instanceof InputError ? `sglint: ${e.message}` : `sglint: internal error: ${(e as Error).message}`));
    process.exitCode = 2;
  }
}

await main();
