/**
 * Inventory: the cloud's current state as exported by the official CLI, read from the files listed under
 * the config's `inventory`. Three export shapes are understood:
 *   aliyun vpc DescribeVpcs --RegionId R                → { Vpcs: { Vpc: [ { VpcId, RegionId, Status, CidrBlock } ] }, TotalCount }
 *   aliyun resourcemanager ListResourceGroups           → { ResourceGroups: { ResourceGroup: [ { Id } ] }, TotalCount }
 *   aliyun ecs DescribeSecurityGroups --RegionId R      → { RegionId, TotalCount, SecurityGroups: { SecurityGroup: [...] } }
 * With --pager the CLI merges every page and writes the list alone ({ SecurityGroups: { SecurityGroup: [...] } }):
 * no TotalCount (the list is complete) and no RegionId (the config entry gives the region).
 * A VPC export makes its region a closed world (a VPC not listed there does not exist); a wrong shape is a
 * located `inventory-malformed` finding and the file then says nothing.
 */
import type { Inventory, Vpc } from '../model.ts';
import { describe, entry, get, isMap, isScalar, isSeq, text } from './tree.ts';
import type { Span, TMap, Tree } from './tree.ts';
import { pushAll } from '../util/array.ts';

export const INVENTORY_RULE = 'inventory-malformed';

export interface InventoryProblem {
  at: Tree | Span;
  message: string;
}

export interface InventoryResult {
  vpcs: Vpc[];
  inventory: Inventory;
  problems: InventoryProblem[];
}

export function emptyInventory(): Inventory {
  return { vpcRegions: new Set(), securityGroups: new Map() };
}

const SHAPES = 'the JSON output of `aliyun vpc DescribeVpcs` (Vpcs.Vpc[]), `aliyun resourcemanager ListResourceGroups` (ResourceGroups.ResourceGroup[]) or `aliyun ecs DescribeSecurityGroups` (SecurityGroups.SecurityGroup[] with RegionId)';

/**
 * Reads one parsed export into `into` (VPCs appended to `vpcs`). `region`: the region the config says the
 * export was taken in, if it says so; `regionAt`: where the config says it.
 */
export function readInventory(doc: Tree, region: string | undefined, into: InventoryResult, regionAt?: Span): void {
  const p = into.problems;
  if (!isMap(doc)) {
    p.push({ at: doc, message: `an inventory file must be ${SHAPES}; found ${describe(doc)}` });
    return;
  }
  const vpcs = entry(doc, 'Vpcs');
  const rgs = entry(doc, 'ResourceGroups');
  const sgs = entry(doc, 'SecurityGroups');
  if (!vpcs && !rgs && !sgs) {
    p.push({ at: doc, message: `not a recognised inventory export: expected ${SHAPES}` });
    return;
  }
  if (vpcs) readVpcs(doc, vpcs.value, region, into, regionAt);
  if (rgs) readResourceGroups(doc, rgs.value, into);
  if (sgs) readSecurityGroups(doc, region, into);
}

/** The items of `{ Key: { Item: [...] } }`, checked; undefined (with a problem) when the shape is wrong. */
function list(container: Tree, item: string, outer: string, p: InventoryProblem[]): Tree[] | undefined {
  if (!isMap(container)) {
    p.push({ at: container, message: `${outer} must be a map { "${item}": [...] }, not ${describe(container)}` });
    return undefined;
  }
  const items = get(container, item);
  if (items === undefined) {
    p.push({ at: container, message: `${outer} needs "${item}": a list` });
    return undefined;
  }
  if (!isSeq(items)) {
    p.push({ at: items, message: `${outer}.${item} must be a list, not ${describe(items)}` });
    return undefined;
  }
  return items.items;
}

/** A paged export that holds fewer items than TotalCount is not the complete list. */
function complete(doc: TMap, count: number, what: string, p: InventoryProblem[]): boolean {
  const total = get(doc, 'TotalCount');
  if (total === undefined) return true;
  if (!isScalar(total) || typeof total.value !== 'number') {
    p.push({ at: total, message: `TotalCount must be a number, not ${describe(total)}` });
    return false;
  }
  if (total.value > count) {
    p.push({
      at: total,
      message: `the export lists ${count} of ${total.value} ${what}: export every page (aliyun ... --pager, or a larger --PageSize); until then this file is not used as a complete list`,
    });
    return false;
  }
  return true;
}

function str(item: TMap, key: string, where: string, p: InventoryProblem[], required: boolean): Tree | undefined {
  const v = get(item, key);
  if (v === undefined) {
    if (required) p.push({ at: item, message: `${where} needs "${key}"` });
    return undefined;
  }
  if (!isScalar(v) || typeof v.value !== 'string' || v.value === '') {
    p.push({ at: v, message: `${where}.${key} must be a non-empty string, not ${describe(v)}` });
    return undefined;
  }
  return v;
}

function readVpcs(doc: TMap, container: Tree, region: string | undefined, into: InventoryResult, regionAt: Span | undefined): void {
  const p = into.problems;
  const items = list(container, 'Vpc', 'Vpcs', p);
  if (!items) return;
  const regions = new Set<string>();
  if (region) regions.add(region);
  const found: Vpc[] = [];
  let ok = true;
  items.forEach((it, i) => {
    const where = `Vpcs.Vpc[${i}]`;
    if (!isMap(it)) {
      p.push({ at: it, message: `${where} must be a map with VpcId, RegionId and Status, not ${describe(it)}` });
      ok = false;
      return;
    }
    const before = p.length;
    const VpcId = str(it, 'VpcId', where, p, true);
    const RegionId = str(it, 'RegionId', where, p, region === undefined);
    const Status = str(it, 'Status', where, p, false);
    const CidrBlock = str(it, 'CidrBlock', where, p, false);
    if (p.length > before || !VpcId) {
      ok = false;
      return;
    }
    const r = text(RegionId) ?? region;
    if (r) regions.add(r);
    const vpc: Vpc = { kind: 'Vpc', id: text(VpcId)!, source: 'inventory', VpcId, span: it.span, resource: text(VpcId)! };
    if (RegionId) vpc.RegionId = RegionId;
    else if (region) vpc.RegionId = { type: 'scalar', value: region, span: it.span, origin: 'region of the inventory entry in the config' };
    if (Status) vpc.Status = Status;
    if (CidrBlock) vpc.CidrBlock = CidrBlock;
    found.push(vpc);
  });
  pushAll(into.vpcs, found);
  // The export's own RegionId is what the API said. A config region that none of its VPCs is in labels the
  // wrong file: it must not close that region (its real VPCs would all be vpc-not-found); it is reported.
  const other = region === undefined || found.some((v) => text(v.RegionId) === region) ? undefined : found[0];
  if (other && region !== undefined) {
    regions.delete(region);
    p.push({
      at: regionAt ?? other.RegionId!,
      message: `the inventory entry gives the region ${region}, but its export lists VPCs of ${text(other.RegionId)} only (${other.id} is in ${text(other.RegionId)}): correct the entry's region, or export ${region} into a file of its own; ${region} is not taken to have no VPCs`,
    });
  }
  if (!ok || !complete(doc, items.length, 'VPCs', p)) return;
  if (regions.size === 0) {
    p.push({
      at: container,
      message: 'the export lists no VPC and so names no region: give the region in the config (inventory: [{ path: ..., region: cn-... }]) to say that region has no VPC',
    });
    return;
  }
  for (const r of regions) into.inventory.vpcRegions.add(r);
}

function readResourceGroups(doc: TMap, container: Tree, into: InventoryResult): void {
  const p = into.problems;
  const items = list(container, 'ResourceGroup', 'ResourceGroups', p);
  if (!items) return;
  const ids = new Set<string>();
  let ok = true;
  items.forEach((it, i) => {
    const where = `ResourceGroups.ResourceGroup[${i}]`;
    if (!isMap(it)) {
      p.push({ at: it, message: `${where} must be a map with Id, not ${describe(it)}` });
      ok = false;
      return;
    }
    const id = str(it, 'Id', where, p, true);
    if (id) ids.add(text(id)!);
    else ok = false;
  });
  if (!ok || !complete(doc, items.length, 'resource groups', p)) return;
  const set = (into.inventory.resourceGroups ??= new Set());
  for (const id of ids) set.add(id);
}

function readSecurityGroups(doc: TMap, region: string | undefined, into: InventoryResult): void {
  const p = into.problems;
  const sgs = get(doc, 'SecurityGroups')!;
  const items = list(sgs, 'SecurityGroup', 'SecurityGroups', p);
  if (!items) return;
  // A page counts the region's groups in TotalCount; the pages merged by --pager are the groups alone.
  let count = items.length;
  const total = get(doc, 'TotalCount');
  if (total !== undefined) {
    if (!isScalar(total) || typeof total.value !== 'number' || !Number.isInteger(total.value) || total.value < 0) {
      p.push({ at: total, message: `TotalCount must be a whole number, not ${describe(total)}` });
      return;
    }
    count = total.value;
  }
  const r = get(doc, 'RegionId');
  let reg = region;
  if (r !== undefined) {
    if (!isScalar(r) || typeof r.value !== 'string' || r.value === '') {
      p.push({ at: r, message: `RegionId must be a non-empty string, not ${describe(r)}` });
      return;
    }
    reg = r.value;
  }
  if (!reg) {
    p.push({ at: doc, message: 'a DescribeSecurityGroups export needs "RegionId" (or give the region in the config: inventory: [{ path: ..., region: cn-... }])' });
    return;
  }
  const prev = into.inventory.securityGroups.get(reg) ?? 0;
  into.inventory.securityGroups.set(reg, Math.max(prev, count));
}
