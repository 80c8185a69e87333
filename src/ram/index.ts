/**
 * Prerequisite inputs named by the config: RAM policy documents (`ram.policies`) and cloud inventory
 * exports (`inventory`). The engine calls loadPrerequisites once per run, after the input loaders; the
 * result is merged into the model before linking.
 */
import { resolve } from 'node:path';
import { below } from '../util/paths.ts';
import type { Config } from '../engine/config.ts';
import type { LoadContext } from '../load/loader.ts';
import { emptyInventory, INVENTORY_RULE, readInventory } from '../load/inventory.ts';
import type { InventoryResult } from '../load/inventory.ts';
import { readJson, readYaml } from '../load/parsers.ts';
import type { Model, RamPolicy } from '../model.ts';
import { ioReason } from '../util/io.ts';
import { readText } from '../engine/text.ts';
import type { Decoded } from '../engine/text.ts';
import type { Span, Tree } from '../load/tree.ts';

export const POLICY_MALFORMED = 'ram-policy-malformed';

import { configSpan } from './check.ts';
export { ramReports, resolvePolicies, RAM_RULES } from './check.ts';
export { parsePolicy } from './policy.ts';
export { evaluate } from './evaluate.ts';

function shown(abs: string): string {
  return below(process.cwd(), abs) ?? abs.split('\\').join('/');
}

type Read = { file: string; docs: Tree[]; failed: boolean } | { error: string } | undefined;

/** Reads and parses a JSON (or YAML) file; parse problems are reported under `ruleId`. Undefined when there is no such file. */
async function readDoc(abs: string, ruleId: string, ctx: LoadContext): Promise<Read> {
  let decoded: Decoded;
  try {
    decoded = readText(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { error: `cannot read ${shown(abs)}: ${ioReason(e)}` };
  }
  const file = shown(abs);
  if ('error' in decoded) {
    ctx.report(ruleId, { at: decoded.at(file), message: decoded.error });
    return { file, docs: [], failed: true };
  }
  const parsed = await (/\.ya?ml$/i.test(abs) ? readYaml(file, decoded.text) : readJson(file, decoded.text));
  for (const p of parsed.problems) ctx.report(ruleId, { at: p.span, message: p.message });
  return { file, docs: parsed.problems.length ? [] : parsed.docs, failed: parsed.problems.length > 0 };
}

const unreadable = (file: string, span: Span): Tree => ({ type: 'unknown', expr: `unreadable policy file ${file}`, span });

export async function loadPrerequisites(config: Config, ctx: LoadContext): Promise<Partial<Model>> {
  const out: Partial<Model> = {};
  const policies: RamPolicy[] = [];

  // RAM policies: a name that is a file is read here; other names are looked up among the inputs' policies by the rules.
  for (const [i, name] of (config.ram?.policies ?? []).entries()) {
    const inline = config.ram?.documents?.[name];
    if (inline) {
      policies.push({ kind: 'RamPolicy', name, document: inline, span: inline.span, resource: name });
      continue;
    }
    const r = await readDoc(resolve(config.baseDir, name), POLICY_MALFORMED, ctx);
    if (r === undefined) continue;
    const at = configSpan(config, `/ram/policies/${i}`);
    if ('error' in r) {
      ctx.report(POLICY_MALFORMED, { at, message: r.error });
      policies.push({ kind: 'RamPolicy', name, document: unreadable(name, at), span: at, resource: name });
      continue;
    }
    const doc = r.docs[0];
    if (doc === undefined) {
      // A syntax error (already reported) or an empty file: the policy is there but unknown.
      if (!r.failed) ctx.report(POLICY_MALFORMED, { at, message: `${r.file} holds no policy document` });
      policies.push({ kind: 'RamPolicy', name, document: unreadable(name, at), span: at, resource: name });
      continue;
    }
    policies.push({ kind: 'RamPolicy', name, document: doc, span: doc.span, resource: name });
  }
  if (policies.length) out.policies = policies;

  // Inventory exports.
  if (config.inventory?.length) {
    const inv: InventoryResult = { vpcs: [], inventory: emptyInventory(), problems: [] };
    for (const [i, e] of config.inventory.entries()) {
      const entry = typeof e === 'string' ? { path: e } : e;
      const at = configSpan(config, typeof e === 'string' ? `/inventory/${i}` : `/inventory/${i}/path`);
      let docs: Tree[];
      if (entry.data) docs = [entry.data];
      else {
        const r = await readDoc(resolve(config.baseDir, entry.path), INVENTORY_RULE, ctx);
        if (r === undefined) {
          ctx.report(INVENTORY_RULE, { at, message: `inventory file ${entry.path} does not exist (paths are relative to ${config.file ? 'the config file' : 'the working directory'})` });
          continue;
        }
        if ('error' in r) {
          ctx.report(INVENTORY_RULE, { at, message: r.error });
          continue;
        }
        docs = r.docs;
      }
      const regionAt = config.locations?.[`/inventory/${i}/region`];
      for (const doc of docs) readInventory(doc, entry.region, inv, regionAt);
    }
    for (const p of inv.problems) ctx.report(INVENTORY_RULE, { at: p.at, message: p.message });
    out.vpcs = inv.vpcs;
    out.inventory = inv.inventory;
  }
  return out;
}
