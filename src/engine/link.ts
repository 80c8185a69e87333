/**
 * Cross-resource links: a group's VpcId to a known VPC, a standalone rule to its group. Links use the
 * value when it is known and the reference (`ref`) when the value is an unknown resource reference.
 */
import type { Model, SecurityGroup, Vpc } from '../model.ts';
import { isUnknown, text } from '../load/tree.ts';
import type { Tree } from '../load/tree.ts';

/**
 * The VPCs sharing one VpcId, indexed so that picking the one a group means costs the same however many
 * there are: the first (in input order) written in the group's file and region, else in its file, else
 * in its region, else the first of all.
 */
interface Candidates {
  first: Vpc;
  byFileRegion: Map<string, Vpc>;
  byFile: Map<string, Vpc>;
  byRegion: Map<string, Vpc>;
}

/** A region as a map key; an absent region matches an absent region. */
const regionKey = (t: Tree | undefined): string => text(t) ?? '\u0000';

function keepFirst(m: Map<string, Vpc>, k: string, v: Vpc): void {
  if (!m.has(k)) m.set(k, v);
}

export function link(model: Model): void {
  const vpcsByRef = new Map<string, Vpc>();
  const vpcsById = new Map<string, Candidates>();
  for (const v of model.vpcs) {
    vpcsByRef.set(v.id, v);
    const id = text(v.VpcId);
    if (id === undefined) continue;
    let c = vpcsById.get(id);
    if (!c) {
      c = { first: v, byFileRegion: new Map(), byFile: new Map(), byRegion: new Map() };
      vpcsById.set(id, c);
    }
    const region = regionKey(v.RegionId);
    keepFirst(c.byFileRegion, `${v.span.file}\u0000${region}`, v);
    keepFirst(c.byFile, v.span.file, v);
    keepFirst(c.byRegion, region, v);
  }
  for (const g of model.groups) {
    g.permissions = [];
    const vpcId = g.fields.VpcId;
    if (vpcId === undefined) continue;
    if (isUnknown(vpcId)) {
      if (vpcId.ref) g.vpc = vpcsByRef.get(vpcId.ref);
      continue;
    }
    const id = text(vpcId);
    const c = id === undefined ? undefined : vpcsById.get(id);
    if (!c) continue;
    // Prefer what the group's own file says, then a VPC of the group's region.
    const region = regionKey(g.fields.RegionId);
    g.vpc = c.byFileRegion.get(`${g.span.file}\u0000${region}`) ?? c.byFile.get(g.span.file) ?? c.byRegion.get(region) ?? c.first;
  }

  // Groups by reference, built only when a standalone rule names its group (inline rules know theirs).
  let groupsByRef: Map<string, SecurityGroup> | undefined;
  for (const p of model.permissions) {
    if (!p.group && p.groupRef) {
      if (!groupsByRef) {
        groupsByRef = new Map();
        for (const g of model.groups) groupsByRef.set(g.id, g);
      }
      p.group = findGroup(p.groupRef, groupsByRef);
    }
    p.group?.permissions.push(p);
  }
}

function findGroup(ref: Tree, byRef: Map<string, SecurityGroup>): SecurityGroup | undefined {
  if (isUnknown(ref)) return ref.ref ? byRef.get(ref.ref) : undefined;
  const name = text(ref);
  return name === undefined ? undefined : byRef.get(name);
}
