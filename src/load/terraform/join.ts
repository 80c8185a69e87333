/**
 * A plan checked together with the configuration it was made from reads each resource instance twice:
 * from the `.tf` files, placed exactly, and from the plan, resolved. Counted twice, every group and rule
 * would count double against the quotas, and every finding would be reported twice, once per placement.
 *
 * The two become the configuration's object; the plan fills in only what the configuration left
 * unknown (a variable set with `-var` when planning, a data source's result). A configuration instance
 * whose key is unknown (`count = var.n` without a value: the one representative `[*]`) gives way to the
 * plan's instances of that resource, which know how many there are. Plan instances the configuration did
 * not read (another count, a rule whose type the configuration could not resolve) are kept. An instance
 * the plan does not create (Node.existing) exists in both readings.
 */
import { PERMISSION_PARAMS, SG_PARAMS } from '../../model.ts';
import type { Model, Node } from '../../model.ts';
import { isUnknown } from '../tree.ts';
import type { Tree } from '../tree.ts';

/** Records on a model object the resource instance it was read from (Node.terraform). */
export function marked<T extends Node>(o: T, root: string, moduleDir: string, address: string, plan: boolean): T {
  o.terraform = { root, moduleDir, address, plan };
  return o;
}

const instance = (t: NonNullable<Node['terraform']>, address = t.address): string => `${t.root}\u0000${t.moduleDir}\u0000${address}`;

export function joinPlans(model: Model): void {
  model.groups = join(model.groups, (a, b) => {
    const region = a.fields.RegionId;
    fill(a.fields, b.fields, SG_PARAMS);
    if (a.fields.RegionId !== region && b.regionSource !== undefined) a.regionSource = b.regionSource;
    if (!a.Tag && b.Tag) a.Tag = b.Tag;
  });
  model.permissions = join(model.permissions, (a, b) => {
    fill(a.fields, b.fields, PERMISSION_PARAMS);
    fill(a, b, ['groupRef']);
  });
  model.vpcs = join(model.vpcs, (a, b) => fill(a, b, ['VpcId', 'RegionId', 'Status', 'CidrBlock']));
  model.policies = join(model.policies, (a, b) => fill(a, b, ['document']));
}

/** Instance keys in an address (`[0]`, `["a"]`, `[*]`), for matching an unknown key with any. */
const KEYS = /\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g;

function join<T extends Node>(list: T[], fillFrom: (config: T, plan: T) => void): T[] {
  const plans = new Map<string, T>();
  for (const o of list) if (o.terraform?.plan) plans.set(instance(o.terraform), o);
  if (plans.size === 0) return list;
  const anyKey = (address: string): string => address.replace(KEYS, '[*]');
  const planned = new Set([...plans.values()].map((o) => instance(o.terraform!, anyKey(o.terraform!.address))));
  const drop = new Set<T>();
  for (const o of list) {
    const t = o.terraform;
    if (!t || t.plan) continue;
    const p = plans.get(instance(t));
    if (p) {
      fillFrom(o, p);
      // What the plan does with the instance holds for the configuration's reading of it too.
      if (p.existing) o.existing = p.existing;
      if (p.replacing) o.replacing = true;
      drop.add(p);
    } else if (t.address.includes('[*]') && planned.has(instance(t, anyKey(t.address)))) {
      drop.add(o);
    }
  }
  return drop.size === 0 ? list : list.filter((o) => !drop.has(o));
}

/**
 * Each value the configuration left unknown, from the plan when the plan knows it (or at least which
 * resource it refers to). Values the configuration does not set stay unset: a plan also lists provider
 * defaults, which no argument wrote.
 */
function fill<K extends string>(a: Partial<Record<K, Tree>>, b: Partial<Record<K, Tree>>, keys: readonly K[]): void {
  for (const k of keys) {
    const mine = a[k];
    const theirs = b[k];
    if (!isUnknown(mine) || theirs === undefined) continue;
    if (!isUnknown(theirs) || (mine.ref === undefined && theirs.ref !== undefined)) a[k] = theirs;
  }
}
