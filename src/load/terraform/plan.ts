/**
 * Terraform plan JSON (`terraform show -json plan.out`): fully resolved values. When the configuration
 * is beside the plan file (`.tf` / `.tf.json` files in its directory; a module's in the directory its `source` names,
 * or where `terraform init` installed it),
 * each value is placed on the argument that wrote it and each resource on its block; otherwise in the
 * plan file. What the plan does not know yet (`after_unknown`, omitted from `planned_values`) is unknown
 * when the configuration writes it, and not set when only the provider computes it (`prefix_list_id`);
 * when the configuration section names the one resource instance it refers to (directly, through
 * `count.index` / `each.key`, or through a module output), that address is kept for linking. An
 * instance the plan does not create (left as it is, or updated in place) is read but marked
 * (Node.existing): only what an update sends is reported.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DocLoader, LoadContext, SourceFile } from '../loader.ts';
import type { Model, Node } from '../../model.ts';
import { get, LineIndex, toPlain } from '../tree.ts';
import type { Span, Tree } from '../tree.ts';
import { placed, resourceKey, unknown } from './eval.ts';
import { isPlan } from './plan-claims.ts';
import { marked } from './join.ts';
import { InstalledModules, isLocal } from './installed.ts';
import type { Installed } from './installed.ts';
import { locateBlocks } from './locate.ts';
import { jsonChars, lineStarts, tfJsonBlocks } from './json.ts';
import { ignoredByTerraform, isOverrideFile } from './syntax.ts';
import { DEPRECATED, jsonDocument, MAPPED_DATA, MAPPED_RESOURCES, mapGroup, mapPermission, mapVpc } from './map.ts';
import type { Region, Val } from './map.ts';

export const planLoader = {
  id: 'terraform-plan',
  claims: isPlan,
  load: (doc: Tree, file: SourceFile, ctx: LoadContext): Partial<Model> => loadPlan(doc, file, ctx),
} satisfies DocLoader;

const NOT_RESOURCES = new Set(['var', 'local', 'count', 'each', 'path', 'module', 'self', 'terraform']);

function items(t: Tree | undefined): Tree[] {
  return t?.type === 'seq' ? t.items : [];
}

function str(t: Tree | undefined): string | undefined {
  return t?.type === 'scalar' && typeof t.value === 'string' ? t.value : undefined;
}

/** The `references` of a configuration expression. */
function references(expr: Tree | undefined): string[] {
  return items(get(expr, 'references')).map(str).filter((x): x is string => x !== undefined);
}

/** What one reference of the plan's configuration names (references list every step of a traversal). */
type Named =
  /** `alicloud_vpc.main`, with the literal instance key written (`[0]`, `["a"]`) or none. */
  | { k: 'resource'; base: string; key: string }
  /** `module.net.sg_id`, with the module instance key written or none. */
  | { k: 'output'; call: string; key: string; output: string }
  /** `count.index` / `each.key`: an index written as an expression (`sg[count.index]` lists `sg` and `count.index`). */
  | { k: 'index'; by: 'count' | 'each' };

const KEY = String.raw`((?:\[[^\]]*\])?)`;
const OUTPUT_REF = new RegExp(String.raw`^module\.([A-Za-z_][\w-]*)${KEY}\.([A-Za-z_][\w-]*)`);
const RESOURCE_REF = new RegExp(String.raw`^(data\.)?([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)${KEY}`);

function named(ref: string): Named | undefined {
  if (ref === 'count.index') return { k: 'index', by: 'count' };
  if (ref === 'each.key') return { k: 'index', by: 'each' };
  const o = OUTPUT_REF.exec(ref);
  if (o) return { k: 'output', call: o[1]!, key: o[2]!, output: o[3]! };
  const m = RESOURCE_REF.exec(ref);
  if (!m || (!m[1] && NOT_RESOURCES.has(m[2]!))) return undefined;
  return { k: 'resource', base: `${m[1] ?? ''}${m[2]}.${m[3]}`, key: m[4]! };
}

/** Whether an instance key is what `count.index` (`[0]`) or `each.key` (`["a"]`) stands for. */
function indexedBy(by: 'count' | 'each', key: string): boolean {
  return by === 'count' ? /^\[\d+\]$/.test(key) : key.startsWith('["');
}

/**
 * Whether a change's `actions` keep an instance that exists already: `no-op`, `forget` (no longer
 * managed, not destroyed) and `update` (in place: only the arguments that change are sent, by the Modify
 * APIs, which take the create call's constraints). A replacement (`delete` and `create`) is created anew.
 */
function isExisting(actions: Tree | undefined): boolean {
  const list = items(actions).map(str);
  return list.length === 1 && (list[0] === 'no-op' || list[0] === 'forget' || list[0] === 'update');
}

/** A value as JSON text, null and absent alike, for comparing a change's `before` and `after`. */
const plainText = (t: Tree | undefined): string => JSON.stringify(toPlain(t) ?? null);

/** Per resource type: replacement argument → the deprecated argument it replaces. */
const REPLACED = new Map(Object.entries(DEPRECATED).map(([type, pairs]) => [type, new Map(Object.entries(pairs).map(([old, repl]) => [repl, old]))]));

/** Where a resource block of the configuration is: its header, the whole block, and its arguments' values. */
interface Place {
  head: Span;
  span: Span;
  attrs: Map<string, Span>;
}

interface PlanResource {
  node: Tree;
  address: string;
  values: Tree | undefined;
  /** `module.db.` for a resource of a called module. */
  prefix: string;
}

/** Where the resource and data blocks of a configuration file (`.tf` or `.tf.json`) are, by `resource.type.name`. */
function blockPlaces(src: SourceFile): Map<string, Place> {
  const out = new Map<string, Place>();
  if (src.path.endsWith('.json')) {
    for (const b of tfJsonBlocks(src.path, src.text)) {
      const k = `${b.type}.${b.labels.join('.')}`;
      if ((b.type === 'resource' || b.type === 'data') && !out.has(k)) {
        out.set(k, { head: b.headSpan, span: b.span, attrs: new Map([...b.body.attrs].map(([a, x]) => [a, x.expr.span])) });
      }
    }
    return out;
  }
  const li = new LineIndex(src.path, src.text);
  for (const [k, p] of locateBlocks(src.text)) {
    out.set(k, { head: li.span(p.start, p.headEnd), span: li.span(p.start, p.end), attrs: new Map([...p.attrs].map(([a, [s, e]]) => [a, li.span(s, e)])) });
  }
  return out;
}

function loadPlan(doc: Tree, file: SourceFile, ctx: LoadContext): Partial<Model> {
  const model: Model = { groups: [], permissions: [], vpcs: [], policies: [] };
  const starts = lineStarts(file.text);
  const lines = new LineIndex(file.path, file.text);
  const problem = (ruleId: string, at: Span, message: string): void => ctx.report(ruleId, { at, message });
  const config = get(doc, 'configuration');
  const providers = get(config, 'provider_config');
  const variables = get(doc, 'variables');
  // A plan is its own root module, unless the configuration it was made from (its directory) is checked
  // with it: then its resources are that configuration's (join.ts makes each instance one object).
  const root = ctx.terraformDirs?.has(dirname(file.abs)) ? dirname(file.abs) : file.abs;
  const key = (address: string): string => resourceKey(root, address);

  const unknownAfter = new Map<string, Tree>();
  /** Instances that exist and that the plan does not create (Node.existing), with their change. */
  const existing = new Map<string, Tree>();
  /** Instances the plan deletes and then creates anew (Node.replacing). */
  const replacing = new Set<string>();
  for (const rc of items(get(doc, 'resource_changes'))) {
    const a = str(get(rc, 'address'));
    const change = get(rc, 'change');
    const u = get(change, 'after_unknown');
    if (a && u) unknownAfter.set(a, u);
    if (a && change && isExisting(get(change, 'actions'))) existing.set(a, change);
    if (a && items(get(change, 'actions')).map(str).join() === 'delete,create') replacing.add(a);
  }

  const resources: PlanResource[] = [];
  const walk = (mod: Tree | undefined, prefix: string): void => {
    for (const r of items(get(mod, 'resources'))) {
      const address = str(get(r, 'address'));
      if (address) resources.push({ node: r, address, values: get(r, 'values'), prefix });
    }
    for (const c of items(get(mod, 'child_modules'))) walk(c, `${str(get(c, 'address')) ?? ''}.`);
  };
  const planned = get(get(doc, 'planned_values'), 'root_module');
  if (planned) walk(planned, '');
  else {
    for (const rc of items(get(doc, 'resource_changes'))) {
      const address = str(get(rc, 'address'));
      const change = get(rc, 'change');
      const actions = items(get(change, 'actions')).map(str);
      if (!address || (actions.includes('delete') && !actions.includes('create'))) continue;
      const m = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/.exec(address);
      resources.push({ node: rc, address, values: get(change, 'after'), prefix: m?.[1] ?? '' });
    }
  }

  /**
   * The configuration of the module holding a resource (module_calls followed by name) and its directory:
   * a local source's, or where `terraform init` installed a registry, Git or HTTP module (as the
   * configuration loader reads it).
   */
  const installed = new InstalledModules(() => [dirname(file.abs)]);
  const configModule = (prefix: string): { mod: Tree | undefined; dir: string | undefined } => {
    let m = get(config, 'root_module');
    let dir: string | undefined = dirname(file.abs);
    for (const part of prefix.split(/\.?module\./).filter(Boolean)) {
      const name = part.replace(/\[.*$/, '').replace(/\.$/, '');
      const call = get(get(m, 'module_calls'), name);
      const src = str(get(call, 'source'));
      const got: Installed | undefined = dir === undefined || src === undefined || isLocal(src) ? undefined : installed.find(dir, name, src);
      dir = dir === undefined || src === undefined ? undefined : isLocal(src) ? resolve(dir, src) : got && 'dir' in got ? got.dir : undefined;
      m = get(call, 'module');
    }
    return { mod: m, dir };
  };

  /**
   * Where the blocks of the configuration files of a directory (`.tf`, `.tf.json`) are, read once: the
   * first of each address in the files Terraform loads, its arguments replaced by those of override files
   * (`override.tf`, `*_override.tf.json`, read last in name order), where the planned value of a merged
   * argument comes from.
   */
  const placesByDir = new Map<string, Map<string, Place>>();
  const places = (dir: string | undefined): Map<string, Place> => {
    const out = new Map<string, Place>();
    if (dir === undefined) return out;
    const hit = placesByDir.get(dir);
    if (hit) return hit;
    placesByDir.set(dir, out);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => /\.tf(?:\.json)?$/.test(n) && ignoredByTerraform(n) === undefined).sort();
    } catch {
      return out;
    }
    for (const n of [...names.filter((x) => !isOverrideFile(x)), ...names.filter(isOverrideFile)]) {
      const src = ctx.readFile?.(join(dir, n));
      if (!src) continue;
      for (const [k, place] of blockPlaces(src)) {
        const base = out.get(k);
        if (!isOverrideFile(n)) {
          if (!base) out.set(k, place);
        } else if (base) {
          for (const [a, at] of place.attrs) base.attrs.set(a, at);
        }
      }
    }
    return out;
  };

  const addresses = new Set(resources.map((r) => r.address));
  /**
   * The one resource instance that references of the module at `prefix` (configuration `mod`) name, for
   * the instance `key` of the resource that writes them; undefined when they name none, or two resources
   * (ambiguous: no guess). A module output is followed to the expression of that output. A reference
   * without key beside `count.index` / `each.key` (`sg[count.index].id`) names the instance with the
   * writer's own key, when the plan has it.
   */
  const targetOf = (refs: string[], prefix: string, mod: Tree | undefined, key: string): string | undefined => {
    const subjects = new Map<string, { n: Exclude<Named, { k: 'index' }>; keys: Set<string> }>();
    let index: 'count' | 'each' | undefined;
    for (const ref of refs) {
      const n = named(ref);
      if (!n) continue;
      if (n.k === 'index') {
        index = n.by;
        continue;
      }
      const id = n.k === 'resource' ? n.base : `module.${n.call}.${n.output}`;
      const s = subjects.get(id) ?? { n, keys: new Set<string>() };
      subjects.set(id, s);
      if (n.key !== '') s.keys.add(n.key);
    }
    const found = new Set<string>();
    for (const { n, keys } of subjects.values()) {
      if (keys.size > 1) return undefined;
      let k = [...keys][0] ?? '';
      if (n.k === 'resource') {
        if (k === '' && index && indexedBy(index, key) && addresses.has(`${prefix}${n.base}${key}`)) k = key;
        found.add(`${prefix}${n.base}${k}`);
        continue;
      }
      const call = get(get(mod, 'module_calls'), n.call);
      const child = get(call, 'module');
      const t = targetOf(references(get(get(get(child, 'outputs'), n.output), 'expression')), `${prefix}module.${n.call}${k}.`, child, '');
      if (t === undefined) return undefined;
      found.add(t);
    }
    return found.size === 1 ? [...found][0] : undefined;
  };

  for (const r of resources) {
    const type = str(get(r.node, 'type'));
    const name = str(get(r.node, 'name'));
    const mode = str(get(r.node, 'mode'));
    if (!type || !name) continue;
    const data = mode === 'data';
    if (data ? !MAPPED_DATA.has(type) : !MAPPED_RESOURCES.has(type)) continue;
    const local = `${data ? 'data.' : ''}${type}.${name}`;
    const cm = configModule(r.prefix);
    const cfg = items(get(cm.mod, 'resources')).find((x) => str(get(x, 'address')) === local);
    const exprs = get(cfg, 'expressions');
    /** The instance key of this resource (`[0]`, `["a"]`), or ''. */
    const instanceKey = r.address.slice(r.prefix.length + local.length);
    const after = unknownAfter.get(r.address);
    const src = places(cm.dir).get(`${data ? 'data' : 'resource'}.${type}.${name}`);
    const headSpan = src?.head ?? get(r.node, 'address')?.span ?? r.node.span;
    const span = src?.span ?? r.node.span;

    const known = (attr: string): boolean => {
      const v = get(r.values, attr);
      return v !== undefined && !(v.type === 'scalar' && v.value === null);
    };
    const afterUnknown = (attr: string): boolean => {
      const u = get(after, attr);
      return u?.type === 'scalar' && u.value === true;
    };
    const replaced = REPLACED.get(type);
    // An update sends the arguments it changes: the spans of their values, as read (Node.existing).
    const change = existing.get(r.address);
    const sends = new Set<Span>();
    const updated = str(items(get(change, 'actions'))[0]) === 'update';
    const changes = (attr: string): boolean => updated && (afterUnknown(attr) || plainText(get(get(change, 'before'), attr)) !== plainText(get(get(change, 'after'), attr)));
    const val: Val = (attr) => {
      const v = read(attr);
      if (v && changes(attr)) sends.add(v.span);
      return v;
    };
    const read: Val = (attr) => {
      // Known beats unknown: a replacement the plan leaves null, or computes (unknown because only the
      // deprecated argument is written), is not set, and the deprecated value is what is sent. It stays
      // unknown only when the configuration writes the replacement itself.
      const old = replaced?.get(attr);
      if (old !== undefined && !known(attr) && known(old) && !(afterUnknown(attr) && get(exprs, attr) !== undefined)) return undefined;
      const at = src?.attrs.get(attr);
      const v0 = plannedValue(attr);
      return v0 && at ? placed(v0, at) : v0;
    };
    const plannedValue: Val = (attr) => {
      const v = get(r.values, attr);
      const refs = references(get(exprs, attr));
      const isUnknown = afterUnknown(attr);
      if (known(attr)) return v;
      if (!isUnknown && refs.length === 0) return undefined;
      // Computed by the provider (`prefix_list_id`, `nic_type`), not written in the configuration: not set.
      if (cfg && get(exprs, attr) === undefined) return undefined;
      const at = get(exprs, attr)?.span ?? v?.span ?? headSpan;
      const target = targetOf(refs, r.prefix, cm.mod, instanceKey);
      return unknown(refs[0] ?? `(known after apply)`, at, target === undefined ? undefined : key(target));
    };

    const region = (): Region => {
      const key = str(get(cfg, 'provider_config_key')) ?? 'alicloud';
      const pc = get(providers, key) ?? get(providers, key.replace(/^.*:/, ''));
      const re = get(get(pc, 'expressions'), 'region');
      const constant = get(re, 'constant_value');
      const alias = str(get(pc, 'alias'));
      const source = `provider "alicloud"${alias ? ` (alias "${alias}")` : ''} in the plan's configuration`;
      if (constant) return { tree: constant, source };
      const ref = str(items(get(re, 'references'))[0]);
      const fromVar = ref?.startsWith('var.') ? get(get(variables, ref.slice(4)), 'value') : undefined;
      if (fromVar) return { tree: { ...fromVar, origin: `${ref} used by provider "alicloud"` } as Tree, source };
      if (re) return { tree: unknown(ref ?? 'region', re.span), source };
      if (process.env.ALICLOUD_REGION) {
        return { tree: { type: 'scalar', value: process.env.ALICLOUD_REGION, span: headSpan, origin: 'ALICLOUD_REGION' }, source: 'the ALICLOUD_REGION environment variable' };
      }
      if (ctx.config.region) {
        return { tree: { type: 'scalar', value: ctx.config.region, span: headSpan, origin: 'the configured default region' }, source: 'the configured default region' };
      }
      return { source: 'no region in the plan, no ALICLOUD_REGION, no configured default' };
    };

    // Not marked when the module's directory is unknown (a remote module not installed): the configuration
    // loader does not read those.
    const mark = <T extends Node>(o: T, also: string[] = []): T => {
      if (change) {
        const fields = Object.entries((o as { fields?: Record<string, Tree | undefined> }).fields ?? {});
        const tag = (o as { Tag?: { span: Span } }).Tag;
        const changed = [...fields.filter(([, t]) => t !== undefined && sends.has(t.span)).map(([k]) => k), ...(tag && sends.has(tag.span) ? ['Tag'] : []), ...also];
        o.existing = { changed };
      }
      if (replacing.has(r.address)) o.replacing = true;
      return cm.dir === undefined ? o : marked(o, root, cm.dir, r.address, true);
    };
    const at = { address: r.address, key: key(r.address) };
    if (data) {
      model.vpcs.push(mark(mapVpc(span, at, 'data', val, region())));
      continue;
    }
    switch (type) {
      case 'alicloud_security_group':
        model.groups.push(mark(mapGroup(span, at, val, region(), 'terraform-plan')));
        break;
      case 'alicloud_vpc':
        model.vpcs.push(mark(mapVpc(span, at, 'declared', val, region())));
        break;
      case 'alicloud_security_group_rule': {
        const p = mapPermission(span, at, val, problem);
        if (p) model.permissions.push(mark(p));
        break;
      }
      case 'alicloud_ram_policy': {
        const d = val('policy_document') ?? val('document');
        const inPlan = d?.span.file === file.path && d.type === 'scalar';
        const document = d
          ? jsonDocument(d, inPlan ? jsonChars(file.text, starts, d).map((c) => c.o) : undefined, lines, problem)
          : unknown('policy_document (not set)', headSpan);
        model.policies.push(mark({ kind: 'RamPolicy', name: r.address, document, span, resource: r.address }, d && sends.has(d.span) ? ['document'] : []));
        break;
      }
    }
  }
  return model;
}
