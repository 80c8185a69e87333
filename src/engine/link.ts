/**
 * Cross-resource links: a group's VpcId to a known VPC, a standalone rule to its group. Links use the
 * value when it is known and the reference (`ref`) when the value is an unknown resource reference.
 */
import type { Model, SecurityGroup, Vpc } from '../model.ts';
import { isUnknown, text } from '../load/tree.ts';
import type { Tree } from '../load/tree.ts';

export function link(model: Model): void {
  const vpcsByRef = new Map<string, Vpc>();
  const vpcsById = new Map<string, Vpc[]>();
  for (const v of model.vpcs) {
    vpcsByRef.set(v.id, v);
    const id = text(v.VpcId);
    if (id !== undefined) vpcsById.set(id, [...(vpcsById.get(id) ?? []), v]);
  }
  const groupsByRef = new Map<string, SecurityGroup>();
  for (const g of model.groups) groupsByRef.set(g.id, g);

  for (const g of model.groups) {
    g.permissions = [];
    const vpcId = g.fields.VpcId;
    if (vpcId === undefined) continue;
    if (isUnknown(vpcId)) {
      if (vpcId.ref) g.vpc = vpcsByRef.get(vpcId.ref);
      continue;
    }
    const id = text(vpcId);
    const candidates = id === undefined ? undefined : vpcsById.get(id);
    if (!candidates) continue;
    // Prefer what the group's own file says, then a VPC of the group's region.
    const region = text(g.fields.RegionId);
    const score = (v: Vpc) => (v.span.file === g.span.file ? 2 : 0) + (text(v.RegionId) === region ? 1 : 0);
    g.vpc = [...candidates].sort((a, b) => score(b) - score(a))[0];
  }

  for (const p of model.permissions) {
    if (!p.group && p.groupRef) p.group = findGroup(p.groupRef, groupsByRef, model.groups);
    p.group?.permissions.push(p);
  }
}

function findGroup(ref: Tree, byRef: Map<string, SecurityGroup>, groups: SecurityGroup[]): SecurityGroup | undefined {
  if (isUnknown(ref)) return ref.ref ? byRef.get(ref.ref) : undefined;
  const name = text(ref);
  return name === undefined ? undefined : (byRef.get(name) ?? groups.find((g) => g.id === name));
}
