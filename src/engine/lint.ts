/**
 * The pipeline: files → loaders → model → link → rules → findings. Nothing throws past lint(): a file
 * that cannot be read or parsed becomes a located finding and the other files are still checked.
 */
import { dirname, resolve } from 'node:path';
import { displayPath } from '../util/paths.ts';
import { readDocument } from '../load/parsers.ts';
import { preparePolicies } from '../ram/policy.ts';
import type { Parsed } from '../load/parse.ts';
import { INPUT_KEYS, docLoaders, setLoaders } from '../load/index.ts';
import type { LoadContext, SourceFile } from '../load/loader.ts';
import { emptyModel, INSTANCE_KEY, mergeInto, sent } from '../model.ts';
import type { Model, Node } from '../model.ts';
import type { Span, Tree } from '../load/tree.ts';
import { joinPlans } from '../load/terraform/join.ts';
import { link } from './link.ts';
import { defaultConfig, severityOf } from './config.ts';
import { applySuppressions, byPosition, holdsFinding, regroup, todayUtc } from './suppress.ts';
import type { Config } from './config.ts';
import { INTERNAL_ERROR } from './rule.ts';
import type { Finding, Report, Rule, Severity } from './rule.ts';
import { decodeText, readText } from './text.ts';
import { ioReason } from '../util/io.ts';

export interface LintInput {
  /** Display path (relative to the working directory). */
  path: string;
  text?: string;
  /** Raw bytes, when the caller has not decoded the file (checked for binary content and UTF-8). */
  bytes?: Uint8Array;
  abs?: string;
  /** Set when the file could not be read: it is reported, not checked. */
  unreadable?: { rule: 'file-unreadable' | 'file-too-large'; message: string };
  /** Set when the file is not to be read (a link leading outside the walk, an ignored path): why. */
  skipped?: string;
}

export type FileStatus = 'checked' | 'skipped' | 'failed';

export interface FileResult {
  path: string;
  status: FileStatus;
  /** The loader that read it (`spec`, `ros`, `terraform`...). */
  format?: string;
  findings: Finding[];
  /** The file's text, for formatters that show code frames. */
  source?: string;
  /** Why a skipped file was not checked, when it is not simply a file that no loader claims. */
  note?: string;
}

export interface LintResult {
  files: FileResult[];
  findings: Finding[];
  /**
   * Files the loaders read beside the inputs (the module directories a Terraform configuration calls,
   * installed modules, policy and inventory files), as shown: a file listed in `files` only when a
   * finding is placed in it. A baseline rewrite counts them as read.
   */
  alsoRead?: string[];
}

/** Hooks that read inputs named by the config (policy files, inventories), run before linking. */
export type Prerequisites = (config: Config, ctx: LoadContext) => Promise<Partial<Model>>;

export interface LintOptions {
  catalog: Rule[];
  prerequisites?: Prerequisites[];
  /** Groups per block for the local rules (Rule.local); 0 runs them over the whole model at once. */
  blockSize?: number;
}

/**
 * Groups per block: a block's trees (a few hundred KB) stay in the CPU caches while every local rule
 * reads them. On 20,000 groups the rule pass takes about a third less time than with one pass over the
 * whole model per rule (measured from 16 to 2,048; 64-128 was best, larger blocks slowly lose the gain).
 */
const BLOCK_SIZE = 128;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export async function lint(inputs: LintInput[], configIn: Partial<Config>, options: LintOptions): Promise<LintResult> {
  const config: Config = { ...defaultConfig(), ...configIn };
  const rules = new Map(options.catalog.map((r) => [r.id, r]));
  const findings: Finding[] = [];
  const files = new Map<string, FileResult>();
  const fileResult = (path: string): FileResult => {
    let f = files.get(path);
    if (!f) {
      f = { path, status: 'checked', findings: [] };
      files.set(path, f);
    }
    return f;
  };

  // The readings of one resource (Node.variant) are alternatives: where a rule finds a mistake at one
  // place in several of them, it is one mistake, reported as the first reading to find it says it, or
  // as the first that finds it more severe (an error in one reading is an error, whichever comes first).
  const readingAt = new Map<string, { reading: number; at: number }>();
  // Findings about Terraform resource instances (count / for_each), which dedupe folds per block.
  const instances = new WeakSet<Finding>();
  // Findings about an existing resource (Node.existing) that no request sends, which are not reported: the
  // call they predict is not made. Findings about the input itself (a typo, a bad shape) still stand.
  const unsent = new WeakSet<Finding>();
  const emit = (rule: Rule, r: Report): void => {
    const configured = severityOf(rule, config);
    if (configured === 'off') return;
    const severity = r.severity !== undefined && config.rules[rule.id] === undefined ? r.severity : configured;
    const { span, node, origin } = place(r);
    let message = r.message;
    if (origin && !message.includes(origin)) message += ` (${origin})`;
    const finding: Finding = {
      ruleId: rule.id,
      errorCode: rule.api.errorCode,
      httpStatus: rule.api.httpStatus,
      severity,
      message,
      span,
      ...(node ? { resource: node.resource } : {}),
      ...(node && node.span.file !== span.file ? { resourceFile: node.span.file } : {}),
    };
    if (node?.terraform) instances.add(finding);
    if (node?.existing && rule.group !== 'input' && !sent(node, r.at)) unsent.add(finding);
    if (node?.variant) {
      const k = `${rule.id}|${span.file}|${span.line}|${span.column}|${span.endLine}|${span.endColumn}|${node.variant.of}`;
      const first = readingAt.get(k);
      if (first === undefined) readingAt.set(k, { reading: node.variant.index, at: findings.length });
      else if (first.reading !== node.variant.index) {
        if (SEVERITY_RANK[severity] > SEVERITY_RANK[findings[first.at]!.severity]) findings[first.at] = finding;
        return;
      }
    }
    findings.push(finding);
  };
  const reportInput = (ruleId: string, r: Report): void => {
    const rule = rules.get(ruleId);
    if (!rule) throw new Error(`internal: input rule ${ruleId} is not in the catalog`);
    emit(rule, r);
  };

  const sources = new Map<string, string>();
  const alsoRead: string[] = [];
  const readFile = (abs: string): SourceFile | undefined => {
    const path = displayPath(abs);
    try {
      const decoded = readText(abs);
      if ('error' in decoded) {
        reportInput('parse-error', { at: decoded.at(path), message: decoded.error });
        fileResult(path).status = 'failed';
        return undefined;
      }
      sources.set(path, decoded.text);
      alsoRead.push(path);
      return { path, abs, text: decoded.text };
    } catch (e) {
      reportInput('file-unreadable', { at: startSpan(path), message: `cannot read ${path}: ${ioReason(e)}` });
      fileResult(path).status = 'failed';
      return undefined;
    }
  };
  // A plan in a directory whose Terraform configuration is given too is a plan of that configuration.
  const absOf = (input: LintInput): string => input.abs ?? resolve(input.path);
  const terraformDirs = new Set<string>();
  for (const input of inputs) {
    const set = setLoaders.find((l) => l.matches(input.path));
    if (set?.id === 'terraform' && input.skipped === undefined && set.skips?.(input.path) === undefined) terraformDirs.add(dirname(absOf(input)));
  }
  const ctx: LoadContext = { config, report: reportInput, readFile, terraformDirs };

  const model = emptyModel();
  const sets = new Map<string, SourceFile[]>();
  const rosDocs = new Map<string, Tree[]>();

  for (const input of inputs) {
    const result = fileResult(input.path);
    if (input.skipped !== undefined) {
      result.status = 'skipped';
      result.note = input.skipped;
      continue;
    }
    if (input.unreadable) {
      reportInput(input.unreadable.rule, { at: startSpan(input.path), message: input.unreadable.message });
      result.status = 'failed';
      continue;
    }
    let text = input.text;
    if (text === undefined) {
      const decoded = decodeText(input.bytes ?? new Uint8Array());
      if ('error' in decoded) {
        reportInput('parse-error', { at: decoded.at(input.path), message: decoded.error });
        result.status = 'failed';
        continue;
      }
      text = decoded.text;
    } else if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
    }
    result.source = text;
    sources.set(input.path, text);
    const file: SourceFile = { path: input.path, abs: absOf(input), text };
    const set = setLoaders.find((l) => l.matches(input.path));
    const skips = set?.skips?.(input.path);
    if (skips !== undefined) {
      result.status = 'skipped';
      result.note = skips;
      continue;
    }
    if (set) {
      result.format = set.id;
      const list = sets.get(set.id) ?? [];
      list.push(file);
      sets.set(set.id, list);
      continue;
    }
    try {
      const parsed = await readDocument(file.path, file.text);
      await loadDocument(file, parsed, result, ctx, model);
      if (result.format === 'ros') rosDocs.set(file.path, parsed.docs);
    } catch (e) {
      reportInput('parse-error', { at: startSpan(input.path), message: `could not be read: ${(e as Error).message}` });
      result.status = 'failed';
    }
  }

  for (const [id, list] of sets) {
    const def = setLoaders.find((l) => l.id === id)!;
    try {
      const loader = await def.get();
      mergeInto(model, await loader.load(list, ctx));
    } catch (e) {
      for (const f of list) {
        reportInput('parse-error', { at: startSpan(f.path), message: `could not be read: ${(e as Error).message}` });
        fileResult(f.path).status = 'failed';
      }
    }
  }

  // A plan and its configuration, both given, read the same resources: one object each.
  joinPlans(model);

  for (const pre of options.prerequisites ?? []) {
    mergeInto(model, await pre(config, ctx));
  }

  applyDefaultRegion(model, config);
  link(model);
  // Policy documents written as JSON strings are parsed here, where the full parser can still be loaded.
  await preparePolicies(model.policies.map((p) => p.document));

  const active = options.catalog.filter((rule) => rule.check && severityOf(rule, config) !== 'off');
  const failed = new Set<Rule>();
  const run = (rule: Rule, on: Model): void => {
    if (failed.has(rule)) return;
    try {
      rule.check!({ model: on, config, report: (r) => emit(rule, r) });
    } catch (e) {
      // A rule bug must not hide the other rules' findings; say which rule failed.
      failed.add(rule);
      findings.push({
        ruleId: INTERNAL_ERROR,
        errorCode: null,
        httpStatus: null,
        severity: 'error',
        message: `rule ${rule.id} failed: ${(e as Error).message}`,
        span: startSpan(inputs[0]?.path ?? '.'),
      });
    }
  };
  const local = active.filter((rule) => rule.local);
  for (const block of blocks(model, options.blockSize ?? BLOCK_SIZE)) {
    for (const rule of local) run(rule, block);
  }
  for (const rule of active) if (!rule.local) run(rule, model);

  // A stable sort: the findings of one place keep the order they were reported in, which dedupe reads.
  const sorted = findings.sort(byPosition);
  for (const f of sorted) {
    const r = fileResult(f.span.file);
    holdsFinding(r);
    r.findings.push(f);
    if (f.ruleId === 'parse-error' || f.ruleId === 'file-unreadable' || f.ruleId === 'file-too-large') r.status = 'failed';
    if (r.source === undefined && sources.has(f.span.file)) r.source = sources.get(f.span.file);
  }
  const ordered = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Suppressions apply to each instance's finding before the instances are folded: a waiver for one
  // (`resources: ['alicloud_security_group.web[1]']`) covers that one, not the others folded with it.
  // ROS templates' Metadata suppressions are read from the trees parsed above, not parsed again.
  const suppressed = await applySuppressions({ files: ordered, findings: sorted, ...(alsoRead.length ? { alsoRead } : {}) }, config, options.catalog, config.today ?? todayUtc(), (p) => rosDocs.get(p));
  // They are dropped after suppressions are applied, so that a suppression covering one is used, and
  // before instances are folded, so that a new instance's finding is not folded into an existing one's.
  const unique = dedupe(suppressed.findings.filter((f) => !unsent.has(f)), instances);
  return unique.length === suppressed.findings.length ? suppressed : regroup(suppressed, unique);
}

async function loadDocument(file: SourceFile, parsed: Parsed, result: FileResult, ctx: LoadContext, model: Model): Promise<void> {
  if (parsed.recovered && !evidentInput([...parsed.docs, ...parsed.recovered.docs], file)) {
    // It does not parse, and nothing says it is a security-group input: skipped, not failed.
    result.status = 'skipped';
    const p = parsed.problems[0]!;
    // Valid JSONC (comments, trailing commas) is a well-formed file of another kind: nothing to note.
    if (!parsed.recovered.jsonc) {
      result.note = `not valid ${/\.json$/i.test(file.path) ? 'JSON' : 'YAML'} (${p.message}, at ${p.span.line}:${p.span.column}) and not evidently a security-group input`;
    }
    return;
  }
  for (const p of parsed.problems) ctx.report('parse-error', { at: p.span, message: p.message });
  if (parsed.problems.length > 0) result.status = 'failed';
  let claimed = false;
  for (const [i, doc] of parsed.docs.entries()) {
    const loader = docLoaders.find((l) => l.claims(doc, file));
    if (!loader) continue;
    claimed = true;
    result.format = loader.id;
    mergeInto(model, await loader.load(doc, file, ctx, i));
  }
  if (!claimed && parsed.problems.length === 0) result.status = 'skipped';
}

/** Whether a file that does not parse is a security-group input: a loader claims what was read, or it names an input key. */
function evidentInput(docs: Tree[], file: SourceFile): boolean {
  return docs.some((d) => docLoaders.some((l) => l.claims(d, file))) || INPUT_KEYS.test(file.text);
}

/** The model cut into blocks of about `size` groups and as many blocks of rules, in order; one block when small. */
function* blocks(model: Model, size: number): Generator<Model> {
  const { groups, permissions } = model;
  const n = size > 0 ? Math.ceil(Math.max(groups.length, permissions.length) / size) : 1;
  if (n <= 1) {
    yield model;
    return;
  }
  const cut = (list: readonly unknown[], k: number) => Math.floor((list.length * k) / n);
  for (let k = 0; k < n; k++) {
    yield {
      ...model,
      groups: groups.slice(cut(groups, k), cut(groups, k + 1)),
      permissions: permissions.slice(cut(permissions, k), cut(permissions, k + 1)),
      whole: model,
    };
  }
}

function isSpan(x: unknown): x is Span {
  return typeof x === 'object' && x !== null && 'line' in x && 'file' in x && !('type' in x) && !('kind' in x);
}

function place(r: Report): { span: Span; node?: Node; origin?: string } {
  const at = r.at;
  if (isSpan(at)) return { span: at, node: r.node };
  if ('kind' in at) return { span: at.span, node: r.node ?? (at as Node) };
  const t = at as Tree;
  return { span: t.span, node: r.node, origin: t.origin };
}

function startSpan(file: string): Span {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * One finding per rule, place and message. A value shared by several resources (a provider's region, a
 * variable default used by each for_each instance) is one mistake in one place: it is reported once, for
 * the first resource. The instances of one Terraform block (`count`, `for_each`, module instances) with
 * a finding at one place are one mistake too, whether or not its message differs by instance
 * (`web-${count.index}`): the first is reported, and says in how many more instances it recurs.
 */
function dedupe(findings: Finding[], instances: WeakSet<Finding>): Finding[] {
  const seen = new Set<string>();
  const blocks = new Map<string, { at: number; base: string; more: Set<string> }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const place = `${f.ruleId}|${f.span.file}|${f.span.line}|${f.span.column}|${f.span.endLine}|${f.span.endColumn}`;
    // Only Terraform instances are folded: `securityGroups[0]` and `[1]` of a native spec are two groups.
    const base = instances.has(f) ? f.resource?.replace(INSTANCE_KEY, '[*]') : undefined;
    const block = base !== undefined && base !== f.resource ? blocks.get(`${place}|${base}`) : undefined;
    if (block) {
      block.more.add(f.resource!);
      continue;
    }
    const k = `${place}|${f.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (base !== undefined && base !== f.resource) blocks.set(`${place}|${base}`, { at: out.length, base, more: new Set() });
    out.push(f);
  }
  for (const b of blocks.values()) {
    const f = out[b.at]!;
    b.more.delete(f.resource!);
    const n = b.more.size;
    if (n > 0) out[b.at] = { ...f, message: `${f.message} (also in ${n} more instance${n === 1 ? '' : 's'} of ${b.base})` };
  }
  return out;
}

/** Groups that name no region take the configured default (`--region` / config `region`). */
function applyDefaultRegion(model: Model, config: Config): void {
  if (!config.region) return;
  for (const g of model.groups) {
    if (g.fields.RegionId !== undefined) continue;
    g.fields.RegionId = { type: 'scalar', value: config.region, span: g.span, origin: 'default region from --region or the config file' };
    g.regionSource = 'the default region (--region or config)';
  }
}

