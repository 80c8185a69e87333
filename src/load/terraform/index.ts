/**
 * Terraform modules: `.tf`, `.tf.json` and variable files of one directory, read together.
 *
 * A directory is one module. Directories of the input that no module directory calls as a local module
 * are root modules; their variables take values from (lowest to highest) defaults, `terraform.tfvars`,
 * `*.auto.tfvars` (name order), `--var-file` and `--var`. Local modules (`source = "./..."`) are read
 * first, then followed with their inputs, once per instance of the call (their resources are addressed
 * `module.x.…`; a call with `count = 0` has none); remote ones are reported once as not followed.
 * Resources become model objects, one per `count`/`for_each` instance.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { displayPath, within } from '../../util/paths.ts';
import type { Parser } from 'web-tree-sitter';
import type { LoadContext, SetLoader, SourceFile } from '../loader.ts';
import type { Model, Node, RamPolicy } from '../../model.ts';
import { describe, LineIndex, spanAt } from '../tree.ts';
import type { Span, Tree } from '../tree.ts';
import { hclParser, parseHcl, parseHclIn } from './hcl.ts';
import { InstalledModules, isLocal } from './installed.ts';
import type { UnplacedHcl } from './hcl.ts';
import { parseTfJson, parseTfvarsJson } from './json.ts';
import type { Attr, Block, ConfigFile, Expr } from './syntax.ts';
import { emptyBody, ignoredByTerraform, isOverrideFile, TOP_LEVEL_BLOCKS, unsupportedAtTop } from './syntax.ts';
import { mayRead, readRegularFile } from '../../util/io.ts';
import { evalConst, evaluate, indexKey, newScope, placed, resourceKey, toNumber, unknown } from './eval.ts';
import type { Arguments } from './map.ts';
import { ARGUMENTS, conflicts, DEPRECATED, jsonDocument, MAPPED_DATA, MAPPED_RESOURCES, mapGroup, mapPermission, mapVpc, META_ARGUMENTS, SG_TYPES } from './map.ts';
import { suggest, suggestWithin } from '../../util/suggest.ts';
import type { EvalCtx, ModuleScope, VarSource } from './eval.ts';
import { marked } from './join.ts';

const TF_FILE = /\.tf$|\.tf\.json$|\.tfvars$|\.tfvars\.json$/;
const CONFIG_FILE = /\.tf$|\.tf\.json$/;

function fileSize(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0;
  }
}

/** A variable file Terraform reads without being told: terraform.tfvars(.json), *.auto.tfvars(.json). */
function isAutoVarFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
}

export const terraformLoader: SetLoader = {
  id: 'terraform',
  matches: (p) => TF_FILE.test(p),
  load: (files, ctx) => new TerraformLoad(ctx).run(files),
};


/** Module block arguments that are not inputs. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
/** Deepest chain of local modules followed. */
const MAX_MODULE_DEPTH = 16;
/** Instances read of one resource or module block, and of all blocks (`count = 1000000000` must not stall the run). */
const MAX_BLOCK_INSTANCES = 10_000;
const MAX_INSTANCES = 100_000;

interface Provider {
  block?: Block;
  ctx: EvalCtx;
  region?: { tree?: Tree; source: string };
}

/** A module instance ready to be mapped: its scope, its resources and the providers it sees. */
interface Built {
  mod: ModuleScope;
  absDir: string;
  resources: Block[];
  providers: Map<string, Provider>;
}

interface Instance {
  key: string;
  count?: Tree;
  each?: { key: Tree; value: Tree };
}

class TerraformLoad {
  /** The HCL parser once loaded; `parserError` when it could not be. */
  private parser: Parser | undefined;
  private parserError: string | undefined;
  /** Characters of HCL in the input: picks the parser's wasm compiler (hcl.ts). */
  private hclChars = 0;
  /** What the HCL written in `.tf.json` strings reads as, by text (a reference is often written many times). */
  private readonly hclInStrings = new Map<string, UnplacedHcl>();
  private readonly reported = new Set<string>();
  private readonly installed = new InstalledModules(() => this.dirs.keys());
  private readonly texts = new Map<string, string>();
  private readonly lineIndexes = new Map<string, LineIndex>();
  private readonly configByAbs = new Map<string, ConfigFile>();
  /** The input's configuration files by directory. */
  private readonly dirs = new Map<string, SourceFile[]>();
  /** Configuration of every module directory: the input's, and local modules they call, read from disk. */
  private readonly modules = new Map<string, ConfigFile[]>();
  /** Module directory → the local module directories it calls, whatever the calls' `count`. */
  private readonly calls = new Map<string, string[]>();
  private readonly varFilesByDir = new Map<string, SourceFile[]>();
  private readonly built: Built[] = [];
  private readonly model: Model = { groups: [], permissions: [], vpcs: [], policies: [] };
  /** Instances still to be read before MAX_INSTANCES is reached. */
  private instancesLeft = MAX_INSTANCES;

  constructor(private readonly ctx: LoadContext) {}

  async run(files: SourceFile[]): Promise<Partial<Model>> {
    this.hclChars = files.filter((f) => /\.tf$|\.tfvars$/.test(f.path)).reduce((n, f) => n + f.text.length, 0);
    // `--var` values are read when evaluated, synchronously: a collection needs the parser ready.
    if (Object.values(this.ctx.config.vars).some((v) => /^\s*[[{]/.test(v))) await this.loadParser();
    for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const dir = dirname(f.abs);
      if (CONFIG_FILE.test(f.path)) {
        await this.parse(f);
        push(this.dirs, dir, f);
      } else {
        push(this.varFilesByDir, dir, f);
      }
    }
    // Variable files are read for syntax errors even when nothing applies them.
    for (const fs of this.varFilesByDir.values()) for (const f of fs) await this.variableFile(f);
    // A variable file Terraform loads by itself (terraform.tfvars, *.auto.tfvars), named alone as a
    // pre-commit hook names a staged file, is checked with the module of its directory.
    for (const [dir, fs] of this.varFilesByDir) {
      if (!this.dirs.has(dir) && fs.some((f) => isAutoVarFile(f.path)) && (await this.readDir(dir)).length > 0) this.dirs.set(dir, fs);
    }
    await this.readModules();

    // Roots: directories of the input that no module directory calls, then, for directories only called
    // from each other (a cycle), the first of each such group, so that it is read rather than not at all.
    // A directory called only where `count = 0` is never a root: its resources do not exist.
    const called = new Set<string>();
    for (const [dir, targets] of this.calls) for (const t of targets) if (t !== dir) called.add(t);
    const roots = [...this.dirs.keys()].filter((d) => !called.has(d));
    const reached = new Set<string>();
    const reach = (from: string): void => {
      const stack = [from];
      for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
        if (reached.has(d)) continue;
        reached.add(d);
        stack.push(...(this.calls.get(d) ?? []));
      }
    };
    for (const d of roots) reach(d);
    for (const d of this.dirs.keys()) {
      if (reached.has(d)) continue;
      roots.push(d);
      reach(d);
    }
    for (const dir of roots) {
      const mod = newScope('', posix.dirname(this.dirs.get(dir)![0]!.path), dir);
      await this.rootInputs(mod, dir);
      this.build(mod, dir, this.modules.get(dir)!, new Map(), [dir]);
    }
    for (const b of this.built) this.mapModule(b);
    return this.model;
  }

  // ---- reading ---------------------------------------------------------------------------------------

  private readonly problem = (ruleId: string, at: Span, message: string): void => this.report(ruleId, at, message);

  private report(ruleId: string, at: Span, message: string): void {
    const key = `${ruleId}@${at.file}:${at.line}:${at.column}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.ctx.report(ruleId, { at, message });
  }

  /** The HCL parser, loaded on first need; or why it cannot be loaded. */
  private async loadParser(): Promise<Parser | string> {
    if (!this.parser && this.parserError === undefined) {
      try {
        this.parser = await hclParser(this.hclChars);
      } catch (e) {
        this.parserError = (e as Error).message;
      }
    }
    return this.parser ?? this.parserError!;
  }

  private async parse(f: SourceFile): Promise<ConfigFile> {
    const hit = this.configByAbs.get(f.abs);
    if (hit) return hit;
    this.texts.set(f.path, f.text);
    let cf: ConfigFile;
    if (f.path.endsWith('.json')) {
      cf = await parseTfJson(f.path, f.text, async (chars) => {
        this.hclChars += chars;
        const p = await this.loadParser();
        return typeof p === 'string' ? p : (s, as) => parseHclIn(p, s, as, this.hclInStrings);
      });
    } else {
      const p = await this.loadParser();
      if (typeof p !== 'string') cf = parseHcl(p, f.path, f.text);
      else {
        const span = { file: f.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
        cf = { path: f.path, body: emptyBody(), problems: [{ message: `the HCL parser could not be loaded (${p}); the file is not checked`, span }] };
      }
    }
    // In a configuration file read without a syntax error, what stands at the top outside any block Terraform
    // reads (an argument, a misspelt block type) would go unchecked: reported. (In .tf.json, the reader does it.)
    // Error recovery may read a line twice: duplicate keys are judged in files read whole only (a problem
    // that is no syntax error, as a redefined argument, leaves the file read as it is written).
    const parsedClean = !cf.readInPart;
    if (parsedClean && f.path.endsWith('.tf')) {
      for (const a of cf.body.attrs.values()) cf.problems.push(unsupportedAtTop(a.name, a.nameSpan, 'argument'));
      for (const b of cf.body.blocks) if (!TOP_LEVEL_BLOCKS.includes(b.type)) cf.problems.push(unsupportedAtTop(b.type, b.headSpan, 'block'));
    }
    for (const p of cf.problems) this.report('parse-error', p.span, p.message);
    if (parsedClean) {
      for (const d of cf.duplicateKeys ?? []) {
        this.report('terraform-duplicate-key', d.span, `key "${d.key}" is already written in this object at line ${d.first.line}; Terraform keeps this value and drops the other without a word`);
      }
    }
    this.configByAbs.set(f.abs, cf);
    return cf;
  }

  /** Values of a `.tfvars` / `.tfvars.json` file. */
  private async variableFile(f: SourceFile): Promise<Map<string, Tree>> {
    const out = new Map<string, Tree>();
    this.texts.set(f.path, f.text);
    if (f.path.endsWith('.json')) {
      const { values, problems } = parseTfvarsJson(f.path, f.text);
      for (const p of problems) this.report('parse-error', p.span, p.message);
      return values;
    }
    const cf = await this.parse(f);
    for (const a of cf.body.attrs.values()) out.set(a.name, evalConst(a.expr));
    return out;
  }

  private readSource(abs: string): SourceFile | undefined {
    if (this.ctx.readFile) return this.ctx.readFile(abs);
    try {
      return { path: displayPath(abs), abs, text: readRegularFile(abs).toString('utf8') };
    } catch {
      return undefined;
    }
  }

  /**
   * Reads every module directory the input's directories call, and those they call in turn (local
   * sources only, whatever the calls' `count`): from the input when given there, else from disk.
   * Reading is asynchronous (a file may need the HCL parser loaded); following the calls is not.
   */
  private async readModules(): Promise<void> {
    const queue = [...this.dirs.keys()];
    // A module is its whole directory: a file named alone (as a pre-commit hook names the staged ones)
    // is read with the configuration files beside it, whose variables, locals and resources it uses.
    for (const [dir, fs] of this.dirs) {
      const given = fs.flatMap((f) => this.configByAbs.get(f.abs) ?? []);
      const beside = await this.readDir(dir);
      this.modules.set(dir, [...new Set([...beside, ...given])]);
    }
    for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
      const targets: string[] = [];
      for (const cf of this.modules.get(dir)!) {
        for (const b of cf.body.blocks) {
          const target = b.type === 'module' ? this.moduleDir(dir, b) : undefined;
          if (target === undefined) continue;
          targets.push(target);
          if (this.modules.has(target)) continue;
          this.modules.set(target, mayRead(target) ? await this.readDir(target) : []);
          queue.push(target);
        }
      }
      this.calls.set(dir, targets);
    }
  }

  /**
   * The variable files Terraform loads by itself from a root module's directory that the input does not
   * hold (a pre-commit hook names only the staged files): a module is checked with the values it gets.
   */
  private autoVarFilesOnDisk(absDir: string): SourceFile[] {
    // A directory a walk read: the walk gave every file it checks (ignore and maxFileBytes applied).
    if ((this.ctx.config.walked ?? []).some((w) => within(w, absDir))) return [];
    const given = new Set((this.varFilesByDir.get(absDir) ?? []).map((f) => f.abs));
    const ignored = this.ctx.config.isIgnored ?? (() => false);
    let names: string[];
    try {
      names = readdirSync(absDir).filter(isAutoVarFile).sort();
    } catch {
      return [];
    }
    return names.flatMap((n) => {
      const abs = join(absDir, n);
      if (given.has(abs) || ignored(abs) || fileSize(abs) > this.ctx.config.maxFileBytes) return [];
      return this.readSource(abs) ?? [];
    });
  }

  /** The configuration files of a directory that is not in the input (none when it cannot be read). */
  private async readDir(absDir: string): Promise<ConfigFile[]> {
    let names: string[];
    try {
      names = readdirSync(absDir).filter((n) => CONFIG_FILE.test(n) && ignoredByTerraform(n) === undefined).sort();
    } catch {
      return [];
    }
    const out: ConfigFile[] = [];
    for (const n of names) {
      const f = this.readSource(join(absDir, n));
      if (f) out.push(await this.parse(f));
    }
    return out;
  }

  private lines(file: string): LineIndex | undefined {
    let li = this.lineIndexes.get(file);
    if (!li) {
      const text = this.texts.get(file);
      if (text === undefined) return undefined;
      li = new LineIndex(file, text);
      this.lineIndexes.set(file, li);
    }
    return li;
  }

  // ---- variables -------------------------------------------------------------------------------------

  private async rootInputs(mod: ModuleScope, dir: string): Promise<void> {
    const files = [...(this.varFilesByDir.get(dir) ?? []), ...this.autoVarFilesOnDisk(dir)];
    const base = (f: SourceFile): string => f.path.slice(f.path.lastIndexOf('/') + 1);
    // terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars(.json) in name order.
    const byName = (a: SourceFile, b: SourceFile) => (base(a) < base(b) ? -1 : 1);
    const layers: SourceFile[] = [
      ...files.filter((f) => isAutoVarFile(f.path) && !base(f).includes('.auto.')).sort(byName),
      ...files.filter((f) => isAutoVarFile(f.path) && base(f).includes('.auto.')).sort(byName),
    ];
    for (const f of layers) this.setInputs(mod, await this.variableFile(f));
    for (const p of this.ctx.config.varFiles) {
      const abs = isAbsolute(p) ? p : resolve(this.ctx.config.baseDir, p);
      const f = this.readSource(abs);
      if (f) this.setInputs(mod, await this.variableFile(f));
    }
    for (const [name, value] of Object.entries(this.ctx.config.vars)) {
      mod.inputs.set(name, (use) => this.flagValue(mod, name, value, use));
    }
  }

  private setInputs(mod: ModuleScope, values: Map<string, Tree>): void {
    for (const [name, t] of values) mod.inputs.set(name, () => t);
  }

  /**
   * `--var name=value`: a string (converted to the variable's type where it is read), or parsed as an HCL
   * value when the variable's type is not a simple one.
   */
  private flagValue(mod: ModuleScope, name: string, value: string, use: Span): Tree {
    const origin = `--var ${name}`;
    const type = mod.variables.get(name)?.body.attrs.get('type')?.expr;
    const simple = type?.k === 'trav' && type.steps.length === 0 ? type.root : undefined;
    let t: Tree = { type: 'scalar', value, span: use };
    if (simple === undefined && this.parser && /^\s*[[{]/.test(value)) {
      const cf = parseHcl(this.parser, origin, `v = ${value}\n`);
      const a = cf.body.attrs.get('v');
      t = a && cf.problems.length === 0 ? placed(evalConst(a.expr), use) : unknown(origin, use);
    }
    return { ...t, origin };
  }

  // ---- modules ---------------------------------------------------------------------------------------

  private build(mod: ModuleScope, absDir: string, files: ConfigFile[], inherited: Map<string, Provider>, chain: string[]): void {
    const resources: Block[] = [];
    const calls: Block[] = [];
    const providerBlocks: Block[] = [];
    for (const b of this.moduleBlocks(files)) {
      const [l0] = b.labels;
      switch (b.type) {
        case 'variable':
          if (l0 !== undefined) mod.variables.set(l0, b);
          break;
        case 'locals':
          for (const a of b.body.attrs.values()) {
            const prev = mod.locals.get(a.name);
            if (prev) this.report('parse-error', a.nameSpan, `local value "${a.name}" is already defined at ${spanAt(prev.nameSpan)}`);
            else mod.locals.set(a.name, a);
          }
          break;
        case 'output': {
          const v = b.body.attrs.get('value');
          if (l0 !== undefined && v) mod.outputs.set(l0, v);
          break;
        }
        case 'provider':
          if (l0 === 'alicloud') providerBlocks.push(b);
          break;
        case 'resource':
        case 'data':
          resources.push(b);
          if (b.type === 'resource' && l0 !== undefined && b.labels[1] !== undefined) mod.resources.set(`${l0}.${b.labels[1]}`, b);
          break;
        case 'module':
          calls.push(b);
          break;
      }
    }
    const providers = new Map(inherited);
    for (const b of providerBlocks) {
      const alias = b.body.attrs.get('alias');
      const a = alias ? evaluate(alias.expr, { mod }) : undefined;
      const name = a?.type === 'scalar' && typeof a.value === 'string' ? a.value : '';
      providers.set(name, { block: b, ctx: { mod } });
    }
    this.built.push({ mod, absDir, resources, providers });
    for (const c of calls) this.callModule(mod, absDir, c, providers, chain);
  }

  /**
   * The top-level blocks of a module directory as Terraform reads them. A second resource, data source,
   * module call, variable or output of one name is refused ("Duplicate resource configuration"): it is
   * reported and left out (it would be checked and counted twice). Override files (`override.tf`,
   * `*_override.tf`, and .tf.json) are read last, in name order, and each of their blocks merges into the
   * block of the same header: its arguments replace the block's, its nested blocks replace the block's of
   * their type, and its local values replace those of their names.
   */
  private moduleBlocks(files: ConfigFile[]): Block[] {
    const out: Block[] = [];
    const partial = new Set<Block>();
    const declared = new Map<string, number>();
    const locals = new Map<string, number>();
    for (const f of files) {
      if (isOverrideFile(f.path)) continue;
      for (const b of f.body.blocks) {
        const key = declaredKey(b);
        const prev = key === undefined ? undefined : declared.get(key);
        if (prev !== undefined) {
          const first = out[prev]!;
          // A file read in part may hold a block twice through error recovery: both are read, as written.
          if (f.readInPart || partial.has(first)) out.push(b);
          // Two in one .tf.json object are reported at the second name key as the file is read (json.ts);
          // two in one file's array of objects are not.
          else if (!f.problems.some((p) => p.span.line === b.headSpan.line && p.span.column === b.headSpan.column)) {
            this.report('parse-error', b.headSpan, `${describeBlock(b)} is already declared at ${spanAt(first.headSpan)}: Terraform refuses two of one name in a module directory; rename or remove this one (it is not read)`);
          }
          continue;
        }
        if (key !== undefined) declared.set(key, out.length);
        if (b.type === 'locals') for (const name of b.body.attrs.keys()) if (!locals.has(name)) locals.set(name, out.length);
        if (f.readInPart) partial.add(b);
        out.push(b);
      }
    }
    const overrides = files.filter((f) => isOverrideFile(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const f of overrides) {
      for (const b of f.body.blocks) {
        if (b.type === 'locals') {
          for (const a of b.body.attrs.values()) {
            const at = locals.get(a.name);
            if (at === undefined) this.report('parse-error', a.nameSpan, `override file: no local value "${a.name}" in this module directory to override`);
            else out[at] = withBody(out[at]!, new Map([...out[at]!.body.attrs, [a.name, a]]), out[at]!.body.blocks);
          }
          continue;
        }
        const key = declaredKey(b) ?? (b.type === 'provider' ? providerKey(b) : undefined);
        if (key === undefined) continue;
        const at = b.type === 'provider' ? out.findIndex((x) => x.type === 'provider' && providerKey(x) === key) : (declared.get(key) ?? -1);
        if (at < 0) {
          this.report('parse-error', b.headSpan, `override file: no ${describeBlock(b)} in this module directory to override`);
          continue;
        }
        const into = out[at]!;
        const replaced = new Set(b.body.blocks.map((x) => x.type));
        out[at] = withBody(into, new Map([...into.body.attrs, ...b.body.attrs]), [...into.body.blocks.filter((x) => !replaced.has(x.type)), ...b.body.blocks]);
      }
    }
    return out;
  }

  private callModule(parent: ModuleScope, parentDir: string, call: Block, providers: Map<string, Provider>, chain: string[]): void {
    const name = call.labels[0];
    const srcAttr = call.body.attrs.get('source');
    if (name === undefined || !srcAttr) return;
    const src = literalSource(call);
    const absDir = this.moduleDir(parentDir, call);
    if (src === undefined || absDir === undefined) {
      const got = src === undefined ? undefined : this.installed.find(parentDir, name, src, literalAttr(call, 'version'));
      const why =
        src === undefined
          ? 'a source that is not a literal string'
          : got && 'stale' in got
            ? `"${src}", but ${displayPath(got.manifest)} holds it as ${got.stale} (run \`terraform init\` again to have it read)`
            : `"${src}", which is not a local directory nor installed by \`terraform init\` in .terraform/modules`;
      this.report('terraform-module-not-followed', srcAttr.expr.span, `module "${name}" comes from ${why}; its resources are not checked`);
      return;
    }
    if (chain.includes(absDir) || chain.length > MAX_MODULE_DEPTH) {
      this.report('terraform-module-not-followed', srcAttr.expr.span, `module "${name}" calls a module that is already being read (a cycle, or nesting deeper than ${MAX_MODULE_DEPTH}); not followed`);
      return;
    }
    if (!mayRead(absDir)) {
      this.report('terraform-module-not-followed', srcAttr.expr.span, `module "${name}" comes from "${src}", outside the workspace; its resources are not checked`);
      return;
    }
    const files = this.modules.get(absDir) ?? [];
    if (files.length === 0) {
      this.report('terraform-module-missing', srcAttr.expr.span, `module "${name}": no .tf or .tf.json file found in "${src}"`);
      return;
    }
    // A module sees its caller's default provider, or those passed in `providers = { alicloud = alicloud.x }`.
    const given = new Map<string, Provider>();
    const def = providers.get('');
    if (def) given.set('', def);
    const passed = call.body.attrs.get('providers')?.expr;
    if (passed?.k === 'obj') {
      for (const it of passed.items) {
        const key = it.key.k === 'lit' ? String(it.key.value) : it.key.k === 'trav' ? [it.key.root, ...it.key.steps].join('.') : '';
        const [pname, alias = ''] = key.split('.');
        const v = it.value;
        if (pname !== 'alicloud' || v.k !== 'trav' || v.root !== 'alicloud') continue;
        const from = providers.get(typeof v.steps[0] === 'string' ? v.steps[0] : '');
        if (from) given.set(alias, from);
      }
    }
    const dir = posix.normalize(posix.join(parent.dir, relative(parentDir, absDir).split(sep).join('/')));
    const instances = new Map<string, ModuleScope>();
    parent.modules.set(name, instances);
    for (const inst of this.instances(call, { mod: parent })) {
      const child = newScope(`${parent.prefix}module.${name}${inst.key}.`, dir, parent.root, parent.budget);
      const ictx: EvalCtx = { mod: parent, ...(inst.count ? { count: inst.count } : {}), ...(inst.each ? { each: inst.each } : {}) };
      for (const a of call.body.attrs.values()) {
        if (MODULE_META.has(a.name)) continue;
        const input: VarSource = () => evaluate(a.expr, ictx);
        child.inputs.set(a.name, input);
      }
      instances.set(inst.key, child);
      this.build(child, absDir, files, given, [...chain, absDir]);
    }
  }

  /**
   * The directory a module block's source names: a local directory, or where `terraform init` installed a
   * registry, Git or HTTP module (installed.ts); undefined when it is neither or not a literal string.
   */
  private moduleDir(callerDir: string, call: Block): string | undefined {
    const src = literalSource(call);
    const name = call.labels[0];
    if (src === undefined || name === undefined) return undefined;
    if (isLocal(src)) return resolve(callerDir, src);
    const got = this.installed.find(callerDir, name, src, literalAttr(call, 'version'));
    return got && 'dir' in got ? got.dir : undefined;
  }

  /**
   * The instances of a resource or module block: one, or one per `count` index / `for_each` element, at
   * most MAX_BLOCK_INSTANCES of a block and MAX_INSTANCES in all (the first ones; the cut is reported).
   */
  private instances(b: Block, ctx: EvalCtx): Instance[] {
    const count = b.body.attrs.get('count');
    const forEach = b.body.attrs.get('for_each');
    if (count) {
      const v = toNumber(evaluate(count.expr, ctx));
      if (v.type === 'scalar' && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 0) {
        const n = this.allowInstances(v.value, count.expr.span, 'count');
        return Array.from({ length: n }, (_, i) => ({ key: indexKey(i), count: { type: 'scalar', value: i, span: count.expr.span } }));
      }
      // Unknown count: one representative instance, so that its known values are still checked.
      return [{ key: '[*]', count: unknown('count.index', count.expr.span) }];
    }
    if (forEach) {
      const v = evaluate(forEach.expr, ctx);
      if (v.type === 'map') {
        const entries = v.entries.slice(0, this.allowInstances(v.entries.length, forEach.expr.span, 'for_each'));
        return entries.map((e) => ({ key: indexKey(e.key), each: { key: { type: 'scalar', value: e.key, span: e.keySpan }, value: e.value } }));
      }
      if (v.type === 'seq' && v.items.every((i) => i.type === 'scalar' && typeof i.value === 'string')) {
        const items = v.items.slice(0, this.allowInstances(v.items.length, forEach.expr.span, 'for_each'));
        return items.map((i) => ({ key: indexKey(String((i as { value: string }).value)), each: { key: i, value: i } }));
      }
      const u = unknown('each', forEach.expr.span);
      return [{ key: '[*]', each: { key: u, value: u } }];
    }
    return [{ key: '' }];
  }

  /** How many of a block's `wanted` instances are read (the rest reported at `span`); at least one. */
  private allowInstances(wanted: number, span: Span, by: 'count' | 'for_each'): number {
    const n = Math.min(wanted, MAX_BLOCK_INSTANCES, Math.max(1, this.instancesLeft));
    this.instancesLeft -= n;
    if (n < wanted) {
      this.report('terraform-too-many-instances', span, `${by} makes ${wanted} instances; the first ${n} are checked (at most ${MAX_BLOCK_INSTANCES} of one block and ${MAX_INSTANCES} in all are read)`);
    }
    return n;
  }

  /**
   * A value of the shape its argument takes, as it is; a list or a map for an argument that takes a string
   * (or the reverse) is reported, and unknown to the checks: Terraform rejects it ("Inappropriate value").
   */
  private ofType(type: string, attr: string, v: Tree, map: boolean): Tree {
    if (v.type === 'unknown' || (map ? v.type === 'map' : v.type === 'scalar')) return v;
    this.report('terraform-argument-type', v.span, `\`${attr}\` of ${type} takes ${map ? 'a map of strings' : 'a string, a number or a bool'}, not ${describe(v)}; Terraform rejects it, and it is not checked`);
    return { type: 'unknown', expr: attr, span: v.span, rejected: true };
  }

  /**
   * Arguments and blocks a resource does not take (Terraform rejects them, and the one meant stays unset),
   * and required ones it lacks.
   */
  private arguments(r: Block, type: string, args: Arguments): void {
    const missing = args.required.filter((a) => !r.body.attrs.has(a));
    if (missing.length > 0) {
      this.report('terraform-argument-missing', r.headSpan, `${type} requires ${missing.map((a) => `\`${a}\``).join(' and ')}; Terraform rejects it without${missing.includes('type') ? ', and without a type nothing else of it is checked' : ''}`);
    }
    const attrs = [...args.attrs, ...META_ARGUMENTS.attrs];
    const blocks = [...args.blocks, ...META_ARGUMENTS.blocks];
    for (const a of r.body.attrs.values()) {
      if (a.broken || attrs.includes(a.name) || (a.objectInJson && blocks.includes(a.name))) continue;
      const near = suggest(a.name, attrs);
      this.report('terraform-unknown-argument', a.nameSpan, `${type} has no argument \`${a.name}\`${near ? `; did you mean \`${near}\`?` : '.'} It is not checked.`);
    }
    for (const b of r.body.blocks) {
      if (blocks.includes(b.type) || attrs.includes(b.type)) continue;
      this.report('terraform-unknown-argument', b.headSpan, `${type} takes no \`${b.type}\` block. It is not checked.`);
    }
  }

  // ---- mapping ---------------------------------------------------------------------------------------

  private region(providers: Map<string, Provider>, b: Block): { tree?: Tree; source?: string } {
    const pa = b.body.attrs.get('provider')?.expr;
    let alias = '';
    if (pa?.k === 'trav' && pa.root === 'alicloud' && typeof pa.steps[0] === 'string') alias = pa.steps[0];
    else if (pa?.k === 'trav' && pa.root !== 'alicloud') return {};
    const p = providers.get(alias);
    if (p?.region) return p.region;
    const regionAttr = p?.block?.body.attrs.get('region');
    let out: { tree?: Tree; source: string };
    if (p?.block && regionAttr) {
      out = {
        tree: evaluate(regionAttr.expr, p.ctx),
        source: `provider "alicloud"${alias ? ` (alias "${alias}")` : ''} at ${spanAt(p.block.headSpan)}`,
      };
    } else if (process.env.ALICLOUD_REGION) {
      out = { tree: { type: 'scalar', value: process.env.ALICLOUD_REGION, span: b.headSpan, origin: 'ALICLOUD_REGION' }, source: 'the ALICLOUD_REGION environment variable' };
    } else if (this.ctx.config.region) {
      out = { tree: { type: 'scalar', value: this.ctx.config.region, span: b.headSpan, origin: 'the configured default region' }, source: 'the configured default region' };
    } else out = { source: 'no region: no provider "alicloud" region, no ALICLOUD_REGION, no configured default' };
    // Env and config regions are placed on each resource; a provider's region is one value for all.
    if (p && regionAttr) p.region = out;
    return out;
  }

  private mapModule(b: Built): void {
    for (const r of b.resources) {
      const [type, name] = r.labels;
      if (type === undefined || name === undefined) continue;
      if (r.type === 'resource' && !MAPPED_RESOURCES.has(type)) this.resourceType(r, type);
      const args = ARGUMENTS[type];
      if (r.type === 'resource' && args) this.arguments(r, type, args);
      const dep = DEPRECATED[type];
      if (r.type === 'resource' && dep) {
        for (const [old, repl] of Object.entries(dep)) {
          const a = r.body.attrs.get(old);
          if (a && !a.broken) this.report('terraform-deprecated-attribute', a.nameSpan, `"${old}" of ${type} is deprecated; use "${repl}"`);
        }
      }
      const wanted = r.type === 'resource' ? MAPPED_RESOURCES.has(type) : MAPPED_DATA.has(type);
      if (!wanted) continue;
      // A required argument whose value is null is not set (Terraform rejects the resource): once per block.
      const nulled = new Set<string>();
      for (const inst of this.instances(r, { mod: b.mod })) {
        const ctx: EvalCtx = { mod: b.mod, ...(inst.count ? { count: inst.count } : {}), ...(inst.each ? { each: inst.each } : {}) };
        const address = `${b.mod.prefix}${r.type === 'data' ? 'data.' : ''}${type}.${name}${inst.key}`;
        const at = { address, key: resourceKey(b.mod.root, address) };
        const val = (attr: string): Tree | undefined => {
          const a = r.body.attrs.get(attr);
          const got = a ? evaluate(a.expr, ctx) : undefined;
          if (got?.type === 'scalar' && got.value === null && r.type === 'resource' && args?.required.includes(attr) && !nulled.has(attr)) {
            nulled.add(attr);
            const via = got.origin ? ` (${got.origin})` : '';
            this.report('terraform-argument-missing', got.span, `\`${attr}\` of ${address} is null${via}: Terraform takes a null argument as not set and rejects ${type} without it${attr === 'type' ? '; without a type nothing else of it is checked' : ''}`);
          }
          const v = got && notNull(got);
          return v && args && r.type === 'resource' ? this.ofType(type, attr, v, args.maps.includes(attr)) : v;
        };
        const mark = <T extends Node>(o: T): T => marked(o, b.mod.root, b.absDir, address, false);
        if (r.type === 'data') {
          this.model.vpcs.push(mark(mapVpc(r.span, at, 'data', val, this.region(b.providers, r))));
          continue;
        }
        conflicts(type, val, this.problem);
        switch (type) {
          case 'alicloud_security_group':
            this.model.groups.push(mark(mapGroup(r.span, at, val, this.region(b.providers, r))));
            break;
          case 'alicloud_vpc':
            this.model.vpcs.push(mark(mapVpc(r.span, at, 'declared', val, this.region(b.providers, r))));
            break;
          case 'alicloud_security_group_rule': {
            const p = mapPermission(r.span, at, val, this.problem);
            if (p) this.model.permissions.push(mark(p));
            break;
          }
          case 'alicloud_ram_policy':
            this.model.policies.push(mark(this.policy(r, address, ctx)));
            break;
        }
      }
    }
  }

  /**
   * A resource type one or two letters away from a security-group type (`alicloud_securitygroup`,
   * `alicloud_security_groups`, a capital letter): its blocks would be read as some other resource, so
   * nothing of them is checked. Other unknown types are left alone: the provider has hundreds.
   */
  private resourceType(r: Block, type: string): void {
    const meant = SG_TYPES.find((t) => t.toLowerCase() === type.toLowerCase()) ?? suggestWithin(type, SG_TYPES, 2);
    if (meant) this.report('terraform-unknown-resource-type', r.headSpan, `the provider has no resource type "${type}"; did you mean "${meant}"? Nothing of this block is checked.`);
  }

  private policy(r: Block, address: string, ctx: EvalCtx): RamPolicy {
    const doc = (attr: string): Tree | undefined => {
      const a = r.body.attrs.get(attr);
      if (!a) return undefined;
      // `jsonencode(null)` is the text "null", which is set.
      const d = this.document(a, ctx);
      return a.expr.k === 'call' ? d : notNull(d);
    };
    const document = doc('policy_document') ?? doc('document') ?? unknown('policy_document (not set)', r.headSpan);
    return { kind: 'RamPolicy', name: address, document, span: r.span, resource: address };
  }

  /** A policy document: `jsonencode({...})` read as HCL, or a JSON string placed exactly in its file. */
  private document(a: Attr, ctx: EvalCtx): Tree {
    const e = a.expr;
    if (e.k === 'call' && e.name === 'jsonencode' && e.args.length === 1) return evaluate(e.args[0]!, ctx);
    const v = evaluate(e, ctx);
    return jsonDocument(v, literalOffsets(e), this.lines(v.span.file), this.problem);
  }
}

/** An argument whose value is null is not set: Terraform treats it as omitted (the provider sees no value). */
function notNull(t: Tree): Tree | undefined {
  return t.type === 'scalar' && t.value === null ? undefined : t;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Blocks whose names Terraform requires to be unique in a module, as its messages name them. */
const DECLARED: Record<string, string> = { resource: 'resource', data: 'data source', module: 'module call', variable: 'variable', output: 'output' };

/** The address that must be unique in a module: `resource\0type\0name`, `module\0name`...; undefined for other blocks. */
function declaredKey(b: Block): string | undefined {
  const n = DECLARED[b.type] === undefined ? 0 : b.type === 'resource' || b.type === 'data' ? 2 : 1;
  return n === 0 || b.labels.length < n ? undefined : [b.type, ...b.labels.slice(0, n)].join('\0');
}

/** A provider block by its name and literal alias (`provider\0alicloud\0west`). */
function providerKey(b: Block): string {
  return ['provider', b.labels[0] ?? '', b.body.attrs.has('alias') ? (literalAttr(b, 'alias') ?? '?') : ''].join('\0');
}

/** A block as Terraform's messages name it: `resource alicloud_security_group.web`, `module call "m"`. */
function describeBlock(b: Block): string {
  const what = DECLARED[b.type] ?? b.type;
  return b.labels.length >= 2 ? `${what} ${b.labels[0]}.${b.labels[1]}` : `${what} "${b.labels[0] ?? ''}"`;
}

/** A block with another body (its place and header kept): the result of merging an override into it. */
function withBody(b: Block, attrs: Map<string, Attr>, blocks: Block[]): Block {
  return { ...b, body: { attrs, blocks } };
}

function literalSource(b: Block): string | undefined {
  return literalAttr(b, 'source');
}

/** An attribute of a block written as a literal string (Terraform allows no other `source` or module `version`). */
function literalAttr(b: Block, name: string): string | undefined {
  const s = b.body.attrs.get(name);
  if (!s) return undefined;
  const v = evalConst(s.expr);
  return v.type === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

/** Per-character file offsets of a string written as one literal (quoted or heredoc), else undefined. */
function literalOffsets(e: Expr): number[] | undefined {
  if (e.k !== 'tmpl') return undefined;
  const out: number[] = [];
  for (const p of e.parts) {
    if (!('offsets' in p)) return undefined;
    for (const o of p.offsets) out.push(o);
  }
  return out;
}

