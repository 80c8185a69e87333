/**
 * Finding, reading and validating `.sglint.yaml` / `.sglint.yml` / `.sglint.json`. The file is checked
 * against schemas/sglint-config.schema.json (compiled ahead of time into src/generated/) and every schema
 * error becomes a problem placed on the offending value; unknown keys get a "did you mean".
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { readDocument } from '../load/parsers.ts';
import { isMap, isSeq, toPlain } from '../load/tree.ts';
import type { Span, Tree } from '../load/tree.ts';
import { suggest } from '../util/suggest.ts';
import { ioReason } from '../util/io.ts';
import { readText } from './text.ts';
import type { Decoded } from './text.ts';
import { below, upToRepoRoot, within } from '../util/paths.ts';
import type { AjvError } from '../generated/config-validator.js';
import { defaultConfig } from './config.ts';
import { isDate } from './suppress.ts';
import type { Config, InventoryEntry, Waiver } from './config.ts';
import type { Severity } from './rule.ts';
import schemaJson from '../../schemas/sglint-config.schema.json' with { type: 'json' };
import { addTo } from '../util/array.ts';

export const CONFIG_NAMES = ['.sglint.yaml', '.sglint.yml', '.sglint.json'] as const;

export interface ConfigProblem {
  message: string;
  span?: Span;
}

export interface LoadConfigOptions {
  /** Where the search starts, and what an explicit `file` is relative to. */
  cwd: string;
  /** An explicit config file (`--config`); no search when given. */
  file?: string;
  /** The search for a config file goes no higher than this directory. */
  top?: string;
  /** The catalog's rule ids; when given, unknown ids under `rules`, `unsuppressible` and `waivers` are problems. */
  knownRules?: readonly string[];
  /** API error codes the catalog predicts: waivers may name these as well as rule ids. */
  knownCodes?: readonly string[];
  /** Rules whose severity is fixed (broken input, invalid suppressions), with it: `rules` may not change it. */
  fixedRules?: ReadonlyMap<string, string>;
}

export interface LoadedConfig {
  config: Config;
  problems: ConfigProblem[];
}

/**
 * The config file that applies to `start`: searched from it upward, stopping at the repository root (a
 * directory holding `.git`), and at `top` when given (the Action's workspace, outside which nothing is read).
 */
export function findConfigFile(start: string, top?: string): string | undefined {
  for (const dir of upToRepoRoot(start)) {
    if (top !== undefined && !within(top, dir)) return undefined;
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
  }
  return undefined;
}

export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const abs = opts.file !== undefined ? resolve(opts.cwd, opts.file) : findConfigFile(opts.cwd, opts.top);
  if (abs === undefined) return { config: defaultConfig(resolve(opts.cwd)), problems };
  const config = await readConfig(abs, opts, problems, []);
  return { config: config ?? defaultConfig(dirname(abs)), problems };
}

/** Path as shown to the user (as input paths are): relative to the process's working directory, `/`-separated. */
function display(_cwd: string, abs: string): string {
  const r = below(process.cwd(), abs);
  return r || abs.split('\\').join('/');
}

/**
 * A config given as text (`path` names it in problems and, relative to `cwd`, locates it: paths in it and
 * `extends` are relative to its directory). For callers that hold the text, e.g. documentation examples.
 */
export async function configFromText(path: string, text: string, opts: LoadConfigOptions): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const abs = resolve(opts.cwd, path);
  const config = await configText(abs, text, opts, problems, []);
  return { config: config ?? defaultConfig(dirname(abs)), problems };
}

async function readConfig(abs: string, opts: LoadConfigOptions, problems: ConfigProblem[], chain: string[]): Promise<Config | undefined> {
  let decoded: Decoded;
  try {
    decoded = readText(abs);
  } catch (e) {
    problems.push({ message: `cannot read config file ${display(resolve(opts.cwd), abs)}: ${ioReason(e)}` });
    return undefined;
  }
  if ('error' in decoded) {
    problems.push({ message: `config file: ${decoded.error}`, span: decoded.at(display(resolve(opts.cwd), abs)) });
    return undefined;
  }
  return configText(abs, decoded.text, opts, problems, chain);
}

async function configText(abs: string, text: string, opts: LoadConfigOptions, problems: ConfigProblem[], chain: string[]): Promise<Config | undefined> {
  const shown = display(resolve(opts.cwd), abs);
  const parsed = await readDocument(shown, text);
  for (const p of parsed.problems) problems.push({ message: `config file: ${p.message}`, span: p.span });
  if (parsed.problems.length > 0) return undefined;
  if (parsed.docs.length > 1) {
    problems.push({ message: 'a config file holds one YAML document; remove the `---` and what follows it, or merge it into the first document', span: parsed.docs[1]!.span });
  }
  const config = defaultConfig(dirname(abs));
  config.file = shown;
  const tree = parsed.docs[0];
  if (tree === undefined) return config; // empty file: defaults
  const before = problems.length;
  // The schema validator (generated, precompiled) loads with the first config file.
  const { default: validate } = await import('../generated/config-validator.js');
  if (!validate(toPlain(tree))) {
    for (const p of schemaProblems(tree, validate.errors ?? [])) problems.push(p);
  }
  if (problems.length > before) return config;
  const raw = toPlain(tree) as RawConfig;
  config.locations = locations(tree);
  raw.waivers?.forEach((w, i) => (w.span = config.locations?.[`/waivers/${i}`]));
  inline(tree, raw, shown);
  if (opts.knownRules) checkRuleIds(tree, raw, opts, opts.knownRules, problems);
  // The schema checks the shape YYYY-MM-DD; the calendar is checked here, as for inline suppressions.
  raw.waivers?.forEach((w, i) => {
    if (w.expires !== undefined && !isDate(w.expires)) problems.push({ message: `waivers[${i}].expires "${w.expires}" is not a date (YYYY-MM-DD)`, span: at(tree, `/waivers/${i}/expires`)?.value.span });
  });

  let base: Config | undefined;
  if (raw.extends !== undefined) {
    const target = resolve(dirname(abs), raw.extends);
    const span = config.locations['/extends'];
    if (chain.includes(target) || target === abs) {
      problems.push({ message: `extends ${raw.extends}: circular (${[...chain, abs, target].map((p) => display(opts.cwd, p)).join(' → ')})`, span });
    } else if (!existsSync(target)) {
      problems.push({ message: `extends ${raw.extends}: no such file`, span });
    } else {
      base = await readConfig(target, opts, problems, [...chain, abs]);
      if (base) rebase(base, config.baseDir);
    }
    config.extends = raw.extends;
  }
  return merge(base, raw, config);
}

/** Inline policy documents and inventory exports: kept as trees (their findings point into the config), named by where they are. */
function inline(tree: Tree, raw: RawConfig, shown: string): void {
  if (raw.ram) {
    const documents: Record<string, Tree> = {};
    const policies = (raw.ram.policies as unknown[]).map((p, i) => {
      if (typeof p === 'string') return p;
      const name = `${shown}#/ram/policies/${i}`;
      documents[name] = at(tree, `/ram/policies/${i}`)!.value;
      return name;
    });
    raw.ram = Object.keys(documents).length ? { policies, documents } : { policies };
  }
  if (raw.inventory) {
    raw.inventory = (raw.inventory as unknown[]).map((e, i) => {
      if (typeof e === 'string') return e;
      const o = e as Record<string, unknown>;
      if (typeof o.path === 'string') return o as unknown as InventoryEntry;
      return { path: `${shown}#/inventory/${i}`, data: at(tree, `/inventory/${i}`)!.value };
    });
  }
}

interface RawConfig {
  extends?: string;
  region?: string;
  accountId?: string;
  ram?: { policies: string[]; documents?: Record<string, Tree> };
  inventory?: (string | InventoryEntry)[];
  quota?: { securityGroupsPerRegion?: number; rulesPerGroup?: number };
  rules?: Record<string, Severity | 'off'>;
  ignore?: string[];
  inlineSuppressions?: boolean;
  maxFileBytes?: number;
  exposurePorts?: { port: number; name: string }[];
  unsuppressible?: string[];
  waivers?: Waiver[];
  baseline?: string;
}

/** This file's settings over the extended file's (if any) over the defaults in `into`. */
function merge(base: Config | undefined, raw: RawConfig, into: Config): Config {
  const c = into;
  if (base) {
    for (const k of ['region', 'accountId', 'ram', 'inventory', 'ignore', 'inlineSuppressions', 'maxFileBytes', 'exposurePorts', 'unsuppressible', 'waivers', 'baseline'] as const) {
      if (base[k] !== undefined) (c as unknown as Record<string, unknown>)[k] = base[k];
    }
    c.quota = { ...base.quota };
    c.rules = { ...base.rules };
  }
  if (raw.region !== undefined) c.region = raw.region;
  if (raw.accountId !== undefined) c.accountId = raw.accountId;
  if (raw.ram !== undefined) c.ram = raw.ram;
  if (raw.inventory !== undefined) c.inventory = raw.inventory;
  if (raw.quota !== undefined) c.quota = { ...c.quota, ...raw.quota };
  if (raw.rules !== undefined) c.rules = { ...c.rules, ...raw.rules };
  if (raw.ignore !== undefined) c.ignore = [...(base?.ignore ?? []), ...raw.ignore];
  if (raw.inlineSuppressions !== undefined) c.inlineSuppressions = raw.inlineSuppressions;
  if (raw.maxFileBytes !== undefined) c.maxFileBytes = raw.maxFileBytes;
  if (raw.exposurePorts !== undefined) c.exposurePorts = [...(base?.exposurePorts ?? []), ...raw.exposurePorts];
  if (raw.unsuppressible !== undefined) c.unsuppressible = [...(base?.unsuppressible ?? []), ...raw.unsuppressible];
  if (raw.waivers !== undefined) c.waivers = [...(base?.waivers ?? []), ...raw.waivers];
  if (raw.baseline !== undefined) c.baseline = raw.baseline;
  return c;
}

/** Makes the file paths of an extended config relative to the extending config's directory. */
function rebase(base: Config, toDir: string): void {
  const fix = (p: string): string => relative(toDir, resolve(base.baseDir, p)).split('\\').join('/');
  if (base.inventory) base.inventory = base.inventory.map((e) => (typeof e === 'string' ? fix(e) : e.data ? e : { ...e, path: fix(e.path) }));
  // A policy entry is a file when such a file exists; otherwise it is a name from the inputs (or inline).
  if (base.ram) {
    const docs = base.ram.documents ?? {};
    base.ram = { ...base.ram, policies: base.ram.policies.map((p) => (!(p in docs) && existsSync(resolve(base.baseDir, p)) ? fix(p) : p)) };
  }
  if (base.baseline) base.baseline = fix(base.baseline);
}

// ---------------------------------------------------------------------------------------------------
// Locating values and schema errors

/** JSON-pointer escaping (RFC 6901), as ajv's instancePath uses. */
function esc(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every value's span, by JSON pointer. */
export function locations(tree: Tree): Record<string, Span> {
  const out: Record<string, Span> = {};
  const walk = (t: Tree, ptr: string): void => {
    out[ptr] = t.span;
    if (isMap(t)) for (const e of t.entries) walk(e.value, `${ptr}/${esc(e.key)}`);
    else if (isSeq(t)) t.items.forEach((it, i) => walk(it, `${ptr}/${i}`));
  };
  walk(tree, '');
  return out;
}

/** The value at a JSON pointer, and the key span of the entry holding it. */
export function at(tree: Tree, pointer: string): { value: Tree; keySpan?: Span } | undefined {
  if (pointer === '') return { value: tree };
  let cur: Tree = tree;
  let keySpan: Span | undefined;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(cur)) {
      const e = cur.entries.find((x) => x.key === seg);
      if (!e) return undefined;
      cur = e.value;
      keySpan = e.keySpan;
    } else if (isSeq(cur)) {
      const item = cur.items[Number(seg)];
      if (!item) return undefined;
      cur = item;
      keySpan = undefined;
    } else return undefined;
  }
  return { value: cur, keySpan };
}

/** `/ram/policies/0` → `ram.policies[0]`. */
function where(pointer: string): string {
  if (pointer === '') return 'the config';
  let s = '';
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    s += /^\d+$/.test(seg) ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  }
  return s;
}

/** Property names the schema allows at an error's schema path (for "did you mean"). */
function allowedKeys(schemaPath: string): string[] {
  const node = schemaAt(schemaPath.replace(/^#/, '').replace(/\/additionalProperties$/, ''));
  const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

function schemaAt(pointer: string): unknown {
  let cur: unknown = schemaJson;
  for (const raw of pointer.split('/').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}

const ANY_OF_FORMS: Record<string, string> = {
  '/inventory': 'a file path, a map { path, region } or an export written inline (a map with Vpcs, ResourceGroups or SecurityGroups)',
  '/ram/policies': 'a policy file path, a policy name from the inputs, or a policy document { Version, Statement }',
};

/** Schema errors → located problems, one per offending value (alternatives collapsed into one message). */
export function schemaProblems(tree: Tree, errors: AjvError[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const dropped = alternatives(errors);
  const seen = new Set<string>();
  for (const e of errors) {
    if (dropped.has(e)) continue;
    const found = at(tree, e.instancePath);
    const value = found?.value;
    const plain = value ? toPlain(value) : undefined;
    const w = where(e.instancePath);
    let message: string;
    let span = value?.span;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        const ptr = `${e.instancePath}/${esc(key)}`;
        const child = at(tree, ptr);
        span = child?.keySpan ?? span;
        const hint = suggest(key, allowedKeys(e.schemaPath));
        const known = allowedKeys(e.schemaPath);
        message = `unknown key "${key}" in ${w}` + (hint ? `; did you mean "${hint}"?` : known.length ? ` (known keys: ${known.join(', ')})` : '');
        break;
      }
      case 'required':
        message = `${w} needs "${String(e.params.missingProperty)}"`;
        break;
      case 'type':
        message = `${w} must be ${article(String(e.params.type))}, not ${typeName(plain)}`;
        if (e.instancePath === '/accountId' && typeof plain === 'number') message += '; quote the account id ("1234…"): it is a string of digits and YAML reads it as a number';
        break;
      case 'enum': {
        const allowed = (e.params.allowedValues as unknown[]).map(String);
        const hint = typeof plain === 'string' ? (suggest(plain, allowed) ?? allowed.find((a) => plain.length >= 3 && a.startsWith(plain))) : undefined;
        message = `${w} must be one of ${allowed.join(', ')}, not ${typeName(plain)}` + (hint ? `; did you mean "${hint}"?` : '');
        break;
      }
      case 'anyOf':
      case 'oneOf':
        message = `${w} must be ${ANY_OF_FORMS[e.instancePath.replace(/\/\d+$/, '')] ?? 'one of the allowed forms'}, not ${typeName(plain)}`;
        break;
      case 'pattern':
        message = `${w} ${JSON.stringify(plain)} ${e.instancePath === '/accountId' ? 'must be the account id (digits only)' : `must match ${String(e.params.pattern)}`}`;
        break;
      case 'minLength':
        message = `${w} must not be empty`;
        break;
      case 'minItems':
        message = `${w} needs at least ${String(e.params.limit)} item(s)`;
        break;
      case 'minimum':
        message = `${w} must be at least ${String(e.params.limit)}, not ${typeName(plain)}`;
        break;
      default:
        message = `${w} ${e.message ?? 'is not valid'}`;
    }
    const key = `${message}@${span?.line}:${span?.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ message, span });
  }
  return out;
}

/**
 * Errors under an anyOf are its alternatives' complaints. When only one alternative has the value's type
 * (a map given where a path or a map is allowed), that alternative's errors are the useful ones; otherwise
 * the anyOf's own one-line message is. Returns the errors not to report.
 */
function alternatives(errors: AjvError[]): Set<AjvError> {
  const dropped = new Set<AjvError>();
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const a of anyOfs) {
    if (dropped.has(a)) continue;
    const prefix = `${a.schemaPath}/`;
    const byAlt = new Map<string, AjvError[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const k = e.schemaPath.slice(prefix.length).split('/')[0]!;
      addTo(byAlt, k, e);
    }
    const fits = [...byAlt.values()].filter(
      (errs) => !errs.some((e) => e.instancePath === a.instancePath && (e.keyword === 'type' || e.keyword === 'not')),
    );
    for (const errs of byAlt.values()) if (fits.length !== 1 || errs !== fits[0]) for (const e of errs) dropped.add(e);
    if (fits.length === 1) dropped.add(a);
  }
  return dropped;
}

function article(t: string): string {
  const word = t === 'array' ? 'list' : t === 'object' ? 'map' : t;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** Rule ids named in the config must exist in the catalog. */
function checkRuleIds(tree: Tree, raw: RawConfig, opts: LoadConfigOptions, known: readonly string[], problems: ConfigProblem[]): void {
  const bad = (id: string, span: Span | undefined, where: string, codes: readonly string[] = []): void => {
    const hint = suggest(id, [...known, ...codes]);
    problems.push({ message: `unknown rule id "${id}" in ${where}` + (hint ? `; did you mean "${hint}"?` : ''), span });
  };
  const set = new Set(known);
  for (const [id, severity] of Object.entries(raw.rules ?? {})) {
    if (!set.has(id)) bad(id, at(tree, `/rules/${esc(id)}`)?.keySpan, 'rules');
    const fixed = opts.fixedRules?.get(id);
    if (fixed !== undefined && severity !== fixed) {
      problems.push({ message: `the severity of ${id} cannot be changed (it stays ${fixed}: a file that cannot be checked, or a suppression that cannot apply, must not pass unnoticed)`, span: at(tree, `/rules/${esc(id)}`)?.value.span });
    }
  }
  (raw.unsuppressible ?? []).forEach((id, i) => {
    if (!set.has(id)) bad(id, at(tree, `/unsuppressible/${i}`)?.value.span, 'unsuppressible');
  });
  const codes = new Set(opts.knownCodes ?? []);
  (raw.waivers ?? []).forEach((w, i) =>
    w.rules.forEach((id, j) => {
      if (!set.has(id) && !codes.has(id)) bad(id, at(tree, `/waivers/${i}/rules/${j}`)?.value.span, `waivers[${i}].rules`, opts.knownCodes);
    }),
  );
}
