/**
 * The command line: argv → lint → format → exit code. Exit 0: no errors; 1: errors (or more warnings
 * than --max-warnings); 2: sglint could not run (bad flag, missing path, bad config). Never a stack trace.
 */
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { catalog, DEFAULT_MAX_BYTES, lintPaths } from './index.ts';
import { loadConfig } from './engine/config-file.ts';
import { applyBaseline, createBaseline, formatBaseline, readBaseline, unreadEntries } from './engine/baseline.ts';
import type { Baseline } from './engine/baseline.ts';
import type { Span } from './load/tree.ts';
import { init } from './init.ts';
import { displayPath } from './util/paths.ts';
import { formatters } from './format/index.ts';
import { toEslint } from './format/results.ts';
import type { EslintResult } from './format/results.ts';
import type { Config } from './engine/config.ts';
import { explain } from './explain.ts';
import { VERSION } from './version.ts';
import { ioReason, readRegularFile, writeFileSafely } from './util/io.ts';
import type { LintInput } from './engine/lint.ts';
import { displayText } from './format/display.ts';
import { readText } from './engine/text.ts';
import type { Decoded } from './engine/text.ts';

export class UsageError extends Error {}

/** A line of our own text that may carry values from files or arguments, escaped as the human formats escape them. */
const line = (s: string): string => `${displayText(s)}\n`;

/** Options that take no value. */
const FLAGS: ReadonlySet<string> = new Set(['--help', '--version', '--quiet', '--no-inline-suppressions', '--init', '--force']);

export interface Options {
  paths: string[];
  format: string;
  output?: string;
  quiet: boolean;
  maxWarnings?: number;
  config?: string;
  region?: string;
  vars: Record<string, string>;
  varFiles: string[];
  parameters: Record<string, string>;
  noInlineSuppressions: boolean;
  baseline?: string;
  writeBaseline?: string;
  init: boolean;
  force: boolean;
  /** The name standard input is checked under (`-` as a path reads it). */
  stdinFilepath?: string;
  /** The search for a config file goes no higher than this directory (the Action's workspace). */
  configTop?: string;
}

const HELP = `Usage: sglint [options] [--] [paths...]
       sglint explain <rule-id | error-code>

Checks Alibaba Cloud ECS security-group specs (native YAML/JSON, Terraform, ROS) against the
CreateSecurityGroup API and reports each violation with the error code the real call would return.
Paths are files or directories (default: the current directory). Walks do not enter node_modules,
.terraform, dist, coverage, .venv or __pycache__ (a note lists those met; name one to check it), nor
VCS metadata, nor symbolic links that lead outside the directory walked.

Options:
  -f, --format <name>     stylish (default), json, compact, sarif, github, gitlab
  -o, --output <file>     write the report to a file instead of standard output (- for it)
  -q, --quiet             report errors only (warnings still count toward --max-warnings)
      --max-warnings <n>  exit 1 when there are more than n warnings
  -c, --config <file>     configuration file (default: .sglint.yaml found upward)
      --region <id>       default RegionId for inputs that name none
      --var <k=v>         Terraform variable value (repeatable)
      --var-file <file>   Terraform variable file (repeatable)
      --parameter <k=v>   ROS template parameter value (repeatable)
      --stdin-filepath <name>
                          check standard input under this name (its extension gives the
                          format); a path "-" reads standard input too, named from its
                          content: stdin.json, stdin.tf or stdin.yaml
      --no-inline-suppressions
                          ignore sglint-ignore comments and ROS Metadata (audits)
      --baseline <file>   report only findings not recorded in this baseline
      --write-baseline <file>
                          record today's findings as the baseline, then report the rest
      --init              write a starter .sglint.yaml and .github/workflows/sglint.yml
                          at the repository root (else in the working directory)
      --force             with --init: overwrite existing files
  -v, --version           print the version
  -h, --help              print this help
  --                      end of options: what follows are paths, even if they start with "-"

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 sglint could
not run.
`;

export function defaultOptions(): Options {
  return { paths: [], format: 'stylish', quiet: false, vars: {}, varFiles: [], parameters: {}, noInlineSuppressions: false, init: false, force: false };
}

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o = defaultOptions();
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || v === '' || (v.startsWith('-') && v !== '-')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const pair = (s: string, flag: string): [string, string] => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} takes key=value, got "${s}"`);
    return [s.slice(0, eq), s.slice(eq + 1)];
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    if (a === '--') {
      // Everything after `--` is a path, even when it starts with `-` (pre-commit passes file names here).
      o.paths.push(...argv.slice(i + 1));
      break;
    }
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    }
    const next = (flag: string) => {
      if (inline === '') throw new UsageError(`${flag} needs a value`);
      return inline !== undefined ? inline : value(++i, flag);
    };
    // `--quiet=false` must not quietly mean --quiet: a flag without a value takes none.
    if (inline !== undefined && FLAGS.has(a)) throw new UsageError(`${a} takes no value (got "${a}=${inline}"); leave the option out to turn it off`);
    switch (a) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-f':
      case '--format':
        o.format = next(a);
        break;
      case '-o':
      case '--output': {
        // `-o -` is standard output, as the convention goes (not a file named "-").
        const out = next(a);
        if (out === '-') delete o.output;
        else o.output = out;
        break;
      }
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      case '--max-warnings': {
        const v = next(a);
        const n = Number(v);
        if (!/^[0-9]+$/.test(v) || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, written in decimal digits; got "${v}"`);
        o.maxWarnings = n;
        break;
      }
      case '-c':
      case '--config':
        o.config = next(a);
        break;
      case '--region':
        o.region = next(a);
        break;
      case '--var': {
        const [k, v] = pair(next(a), a);
        o.vars[k] = v;
        break;
      }
      case '--var-file':
        o.varFiles.push(next(a));
        break;
      case '--parameter': {
        const [k, v] = pair(next(a), a);
        o.parameters[k] = v;
        break;
      }
      case '--no-inline-suppressions':
        o.noInlineSuppressions = true;
        break;
      case '--baseline':
        o.baseline = next(a);
        break;
      case '--write-baseline':
        o.writeBaseline = next(a);
        break;
      case '--init':
        o.init = true;
        break;
      case '--stdin-filepath':
        o.stdinFilepath = next(a);
        break;
      case '--force':
        o.force = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a} (see sglint --help; put -- before a path that starts with "-")`);
        o.paths.push(a);
    }
  }
  if (o.force && !o.init) throw new UsageError('--force goes with --init (it lets --init overwrite existing files)');
  if (o.baseline !== undefined && o.writeBaseline !== undefined) {
    throw new UsageError('--baseline and --write-baseline do not go together: --write-baseline <file> records the findings (and reports the new ones against it); name the file once');
  }
  if (!formatters[o.format]) throw new UsageError(`unknown format "${o.format}"; use one of ${Object.keys(formatters).join(', ')}`);
  return o;
}

/** Runs the command; a usage error (bad flag or value) is reported here and is exit 2. */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  try {
    return await command(argv, cwd);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`sglint: ${e.message}\n`);
    return 2;
  }
}

async function command(argv: string[], cwd: string): Promise<number> {
  if (argv[0] === 'explain') {
    if (argv.length !== 2) throw new UsageError('explain takes one rule id or API error code: sglint explain <rule-id | error-code>');
    const text = explain(argv[1], catalog);
    if (text === undefined) {
      process.stderr.write(line(`sglint: no rule or error code "${argv[1] ?? ''}" (ids are listed in the README's rule catalog)`));
      return 2;
    }
    process.stdout.write(text);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (parsed === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const opts = parsed;
  if (opts.init) return runInit(cwd, opts.force);
  const checked = await check(opts, cwd);
  const machine = opts.output !== undefined || !(opts.format === 'stylish' || opts.format === 'compact');
  if (!checked.ok) {
    for (const p of checked.problems) process.stderr.write(line(`sglint: ${at(p.span)}${p.message}`));
    return 2;
  }
  const { result, results } = checked;
  if (checked.notes.length) (machine ? process.stderr : process.stdout).write(checked.notes.map((n) => `${n}\n`).join(''));
  const warn = (message: string): void => void process.stderr.write(line(message));
  const text = await formatters[opts.format]!(results, { catalog, cwd, version: VERSION, toFile: opts.output !== undefined, warn });
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  // Warnings hidden by --quiet still count toward --max-warnings (as in ESLint).
  const warnings = checked.warnings;
  const infos = results.reduce((n, r) => n + r.infoCount, 0);
  const count = (s: string) => result.files.filter((f) => f.status === s).length;
  const skipped = count('skipped');
  const noted = result.files.filter((f) => f.status === 'skipped' && f.note !== undefined).length;
  const why = noted === 0 ? 'not security-group inputs' : `${skipped - noted} not security-group input(s), ${noted} as noted`;
  const summary = `sglint: ${count('checked')} file(s) checked, ${skipped} skipped (${why}), ${count('failed')} failed; ${errors} error(s), ${warnings} warning(s)${infos > 0 ? `, ${infos} info` : ''}${opts.quiet && warnings > 0 ? ' (not shown: --quiet)' : ''}\n`;
  if (opts.output) {
    try {
      writeFileSafely(opts.output, text);
    } catch (e) {
      process.stderr.write(line(`sglint: cannot write ${opts.output}: ${ioReason(e)}`));
      return 2;
    }
    process.stderr.write(summary);
  } else {
    process.stdout.write(text);
    (opts.format === 'stylish' || opts.format === 'compact' ? process.stdout : process.stderr).write(summary);
  }
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    process.stderr.write(`sglint: ${warnings} warnings exceed --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

export type Checked =
  | {
      ok: true;
      result: Awaited<ReturnType<typeof lintPaths>>;
      results: EslintResult[];
      /** Lines to print beside the report (skipped files, baseline counts), escaped for display: file names may hold anything. */
      notes: string[];
      /** Warnings found, including those --quiet leaves out of `results`. */
      warnings: number;
    }
  /** sglint cannot run: a bad config or baseline file, or a path that does not exist (exit 2). */
  | { ok: false; problems: { message: string; span?: Span }[]; /** Paths given that do not exist, as given. */ missing?: { path: string; reason: string }[] };

/** Options → config → lint → baseline → ESLint-shaped results: what the CLI and the GitHub Action both run. */
export async function check(opts: Options, cwd: string): Promise<Checked> {
  // The config file (--config, else .sglint.yaml found upward); flags override it. A bad config is exit 2.
  const fixedRules = new Map(catalog.filter((r) => r.suppressible === false).map((r) => [r.id, r.severity]));
  const loaded = await loadConfig({ cwd, file: opts.config, ...(opts.configTop !== undefined ? { top: opts.configTop } : {}), knownRules: catalog.map((r) => r.id), knownCodes: codes(), fixedRules });
  if (loaded.problems.length > 0) return { ok: false, problems: loaded.problems };
  // Paths given as flags are relative to the working directory, as with `terraform -var-file`.
  // A variable file that cannot be read is a usage error, as it is for Terraform: nothing is checked.
  const badVarFiles = opts.varFiles.flatMap((f) => {
    const why = notReadableFile(resolve(cwd, f));
    return why ? [{ message: `--var-file ${f}: ${why}` }] : [];
  });
  if (badVarFiles.length > 0) return { ok: false, problems: badVarFiles };
  const config: Partial<Config> = { ...loaded.config, vars: opts.vars, varFiles: opts.varFiles.map((f) => resolve(cwd, f)), parameters: opts.parameters };
  if (opts.region) config.region = opts.region;
  if (opts.noInlineSuppressions) config.inlineSuppressions = false;
  // Standard input (`-`, or a name for it given): one more input, beside any paths.
  const stdin = opts.paths.includes('-') || opts.stdinFilepath !== undefined;
  const paths = opts.paths.filter((p) => p !== '-');
  // The name as files are shown, so that it stands for the file of that name in the walk.
  const stdinName = opts.stdinFilepath !== undefined ? displayPath(resolve(cwd, opts.stdinFilepath), cwd) : undefined;
  const extra = stdin ? [stdinInput(stdinName, config.maxFileBytes ?? DEFAULT_MAX_BYTES)] : [];
  let result = await lintPaths(paths.length > 0 || stdin ? paths : ['.'], config, cwd, extra, stdinName);
  if (result.missing.length > 0) return { ok: false, problems: result.missing.map((m) => ({ message: `${m.path}: ${m.reason}` })), missing: result.missing };
  const notes = result.files.flatMap((f) => (f.status === 'skipped' && f.note !== undefined ? [`sglint: skipped ${f.path}: ${f.note}`] : []));
  if (result.notWalked.length > 0) notes.push(`sglint: not searched (skipped by default; name a directory as a path to check it): ${listed(result.notWalked)}`);
  if (result.ignored.length > 0) notes.push(`sglint: left out (matched \`ignore\` in the configuration): ${listed(result.ignored)}`);
  const baselineFile = opts.writeBaseline ?? opts.baseline ?? (loaded.config.baseline ? relative(cwd, resolve(loaded.config.baseDir, loaded.config.baseline)) : undefined);
  if (baselineFile !== undefined) {
    const abs = resolve(cwd, baselineFile);
    const pathOf = (f: string) => relative(dirname(abs), resolve(cwd, f)).split('\\').join('/');
    const gone = (f: string) => !existsSync(resolve(dirname(abs), f));
    let baseline: Baseline;
    if (opts.writeBaseline !== undefined) {
      // Rewriting keeps what the earlier baseline says of files this run did not read (a run over some files).
      const previous = existsSync(abs) ? await loadBaseline(abs, baselineFile, cwd) : undefined;
      if (previous?.problems.length) notes.push(`sglint: ${baselineFile} was not a readable baseline (${previous.problems[0]!.message}); it is written anew`);
      const kept = previous?.baseline ? unreadEntries(previous.baseline, result, pathOf, gone) : [];
      baseline = createBaseline(result.findings, catalog, pathOf, loaded.config.unsuppressible, kept);
      try {
        writeFileSafely(abs, formatBaseline(baseline));
      } catch (e) {
        return { ok: false, problems: [{ message: `cannot write baseline ${baselineFile}: ${ioReason(e)}` }] };
      }
      const n = baseline.entries.reduce((k, e) => k + e.count, 0);
      const unread = kept.length > 0 ? `, ${kept.length} key(s) kept for files not read in this run` : '';
      notes.push(`sglint: wrote ${baselineFile}: ${n} finding(s) under ${baseline.entries.length} key(s)${unread}`);
    } else {
      const read = await loadBaseline(abs, baselineFile, cwd);
      if (!read.baseline) return { ok: false, problems: read.problems };
      baseline = read.baseline;
    }
    const outcome = applyBaseline(result, baseline, catalog, pathOf, loaded.config.unsuppressible, gone);
    result = { ...result, ...outcome.result };
    notes.push(`sglint: baseline ${baselineFile}: ${outcome.known} known finding(s) not reported; ${outcome.fixed.length} entr${outcome.fixed.length === 1 ? 'y' : 'ies'} fixed`);
    for (const e of outcome.fixed) notes.push(`  fixed: ${e.file} ${e.resource ?? '-'} ${e.rule}${e.errorCode ? ` (${e.errorCode})` : ''} ×${e.count}`);
  }
  let results = toEslint(result, catalog);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (opts.quiet) {
    results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.level === 'error'), warningCount: 0, infoCount: 0 }));
  }
  // Notes name files, whose names may hold anything: escaped here, for every caller that prints them.
  return { ok: true, result, results, notes: notes.map(displayText), warnings };
}

/** The baseline file at `abs` (`shown` as the user named it), or why it cannot be used. */
async function loadBaseline(abs: string, shown: string, cwd: string): Promise<{ baseline?: Baseline; problems: { message: string; span?: Span }[] }> {
  let decoded: Decoded;
  try {
    decoded = readText(abs);
  } catch (e) {
    const hint = (e as NodeJS.ErrnoException).code === 'ENOENT' ? ` (create it with \`sglint --write-baseline ${displayPath(abs, cwd)}\` and commit it)` : '';
    return { problems: [{ message: `cannot read baseline ${shown}: ${ioReason(e)}${hint}` }] };
  }
  if ('error' in decoded) return { problems: [{ message: `baseline: ${decoded.error}`, span: decoded.at(shown) }] };
  return readBaseline(shown, decoded.text);
}

/** A list for a one-line note: the first ten, then how many more. */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, 10).join(', ');
  return items.length > 10 ? `${shown} and ${items.length - 10} more` : shown;
}

/** Why a path cannot be read as a file, or undefined when it can. */
function notReadableFile(abs: string): string | undefined {
  try {
    readRegularFile(abs);
    return undefined;
  } catch (e) {
    return ioReason(e);
  }
}

/** Error codes the catalog predicts (config waivers may name them). */
function codes(): string[] {
  return [...new Set(catalog.map((r) => r.api.errorCode).filter((c): c is string => c !== null))];
}

function at(span: Span | undefined): string {
  return span ? `${span.file}:${span.line}:${span.column}: ` : '';
}

function runInit(cwd: string, force: boolean): number {
  const out = init(cwd, force);
  const shown = (f: string) => displayPath(join(out.dir, f), cwd);
  const where = out.dir === resolve(cwd) ? '' : ' (at the repository root)';
  if (out.written.length === 0) {
    process.stderr.write(`sglint: ${out.existing.map(shown).join(' and ')} already exist${out.existing.length === 1 ? 's' : ''}${where}; nothing written (use --init --force to overwrite)\n`);
    return 2;
  }
  for (const f of out.written) process.stdout.write(`sglint: wrote ${shown(f)}${out.existing.includes(f) ? ' (overwritten)' : ''}${where}\n`);
  return 0;
}

/**
 * Standard output or error failing ends the run without a stack trace: a reader that stops early
 * (`sglint | head`) closes the pipe, and the rest of the report has nowhere to go (EPIPE: the run
 * finishes quietly, with its exit code); any other error (a full disk) is one line on standard error
 * and exit 2.
 */
export function guardOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') return;
      if (stream === process.stdout) {
        try {
          writeSync(2, `sglint: cannot write to standard output: ${ioReason(e)}\n`);
        } catch {
          // standard error is gone too: the exit code is all that is left
        }
      }
      process.exit(2);
    });
  }
}

export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(line(`sglint: ${e.message}`));
    else process.stderr.write(`${line(`sglint: internal error: ${(e as Error).message}`)}${process.env.SGLINT_DEBUG ? (e as Error).stack + '\n' : ''}`);
    process.exitCode = 2;
  }
}

/**
 * Standard input as an input. Its name is the one given, else one its content suggests: JSON (it opens
 * with `{` or `[`), Terraform (it opens with a top-level block type), else YAML.
 */
function stdinInput(name: string | undefined, maxBytes: number): LintInput {
  let bytes: Buffer;
  try {
    bytes = readFileSync(0);
  } catch (e) {
    const path = name ?? 'stdin';
    return { path, unreadable: { rule: 'file-unreadable', message: `cannot read standard input: ${ioReason(e)}` } };
  }
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF?(\s|#[^\n]*\n|\/\/[^\n]*\n)*/, '');
  const path = name ?? (/^[[{]/.test(head) ? 'stdin.json' : /^(resource|data|provider|variable|locals|module|output|terraform)\b/.test(head) ? 'stdin.tf' : 'stdin.yaml');
  if (bytes.length > maxBytes) return { path, unreadable: { rule: 'file-too-large', message: `standard input is ${bytes.length} bytes; inputs over ${maxBytes} bytes (maxFileBytes) are not read` } };
  return { path, bytes };
}
