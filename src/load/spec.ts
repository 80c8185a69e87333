/**
 * The native spec format: YAML or JSON whose field names are the API's own request parameters.
 *
 *   region: cn-hangzhou
 *   securityGroups: [ { RegionId, SecurityGroupName, ..., Tag: [{Key, Value}], Permissions: [...] } ]
 *   vpcs: [ { VpcId, RegionId, Status } ]
 *
 * Also one CreateSecurityGroup request per file (top-level RegionId), including the flattened query
 * form (`Tag.1.Key`, `Permissions.1.IpProtocol`).
 */
import { documentKey } from './loader.ts';
import type { DocLoader, LoadContext, SourceFile } from './loader.ts';
import { cover, describe, entry, get, isMap, isSeq, isScalar, LineIndex, text } from './tree.ts';
import type { Span, TEntry, TMap, Tree } from './tree.ts';
import { writtenText } from './fast.ts';
import { groupFields, isPermissionParam, isSgParam, NOT_STRING, PERMISSION_PARAMS, permissionFields, SG_PARAMS } from '../model.ts';
import type { FlatIndex, Model, Permission, SecurityGroup, Tag, TagList, Vpc } from '../model.ts';
import { suggest } from '../util/suggest.ts';

const META_KEYS = ['$schema', '$comment'];
const TOP_KEYS = ['region', 'securityGroups', 'vpcs', ...META_KEYS];
/** Top-level keys with this prefix are extension fields, not read: the place for YAML anchors (`x-defaults: &defaults`). */
const EXTENSION = 'x-';
const GROUP_KEYS = [...SG_PARAMS, 'Tag', 'Permissions'];
const VPC_KEYS = ['VpcId', 'RegionId', 'Status', 'CidrBlock', 'VpcName'];
const PERMISSION_KEYS = ['Direction', ...PERMISSION_PARAMS];
const INVENTORY_KEYS = ['SecurityGroups', 'Vpcs', 'ResourceGroups'];
const FLAT = /^(Tag|Permissions)\.(\d+)\.([A-Za-z0-9]+)$/;

export const specLoader: DocLoader = {
  id: 'spec',
  claims(doc) {
    if (!isMap(doc)) return false;
    // An official CLI export (DescribeSecurityGroups has a top-level RegionId) is inventory, not a request.
    if (doc.entries.some((e) => e.key === 'TotalCount' || e.key === 'RequestId') && doc.entries.some((e) => INVENTORY_KEYS.includes(e.key))) return false;
    return doc.entries.some((e) => e.key === 'securityGroups' || e.key === 'RegionId' || (e.key === 'vpcs' && isSeq(e.value)));
  },
  load(doc, file, ctx, document) {
    const out: Model = { groups: [], permissions: [], vpcs: [], policies: [] };
    const root = doc as TMap;
    const r = new Reader(file, ctx, document);
    if (!entry(root, 'securityGroups') && !entry(root, 'vpcs')) {
      // One request per file.
      readGroup(root, 'request', r, out, undefined);
      return out;
    }
    for (const e of root.entries) {
      if (!TOP_KEYS.includes(e.key) && !e.key.startsWith(EXTENSION)) unknownKey(e, TOP_KEYS, 'top level', ctx);
    }
    const region = r.value('region', get(root, 'region'));
    const groups = get(root, 'securityGroups');
    if (groups !== undefined) {
      if (!isSeq(groups)) shape(ctx, groups, '`securityGroups` must be a list of CreateSecurityGroup requests');
      else groups.items.forEach((g, i) => {
        if (!isMap(g)) shape(ctx, g, `securityGroups[${i}] must be a mapping of request parameters`);
        else readGroup(g, `securityGroups[${i}]`, r, out, region);
      });
    }
    const vpcs = get(root, 'vpcs');
    if (vpcs !== undefined) {
      if (!isSeq(vpcs)) shape(ctx, vpcs, '`vpcs` must be a list of VPCs ({VpcId, RegionId, Status})');
      else vpcs.items.forEach((v, i) => {
        if (!isMap(v)) shape(ctx, v, `vpcs[${i}] must be a mapping ({VpcId, RegionId, Status})`);
        else out.vpcs.push(readVpc(v, `vpcs[${i}]`, r));
      });
    }
    return out;
  },
};

function shape(ctx: LoadContext, at: Tree | Span, message: string): void {
  ctx.report('spec-shape', { at, message });
}

function unknownKey(e: TEntry, known: readonly string[], where: string, ctx: LoadContext): void {
  const near = suggest(e.key, known);
  ctx.report('spec-unknown-key', {
    at: e.keySpan,
    message: `unknown key \`${e.key}\` in ${where}${near ? `; did you mean \`${near}\`?` : ';'} it is ignored`,
  });
}

/** Reads the parameter values of one file. */
class Reader {
  /** The file's lines, made when a value must be read as written. */
  private lines: LineIndex | undefined;

  /** What the ids of the document's groups and VPCs start with: each document of a file has its own. */
  readonly idPrefix: string;

  constructor(
    readonly file: SourceFile,
    readonly ctx: LoadContext,
    document: number,
  ) {
    this.idPrefix = documentKey(file, document);
  }

  /**
   * A parameter's value as the request carries it. Null (an empty YAML value, `~`, JSON `null`) is no
   * value: the parameter is absent, so that a rule about a missing parameter sees it missing. A list or a
   * map cannot be sent as one parameter: it is reported here and read as an unknown value, which no rule
   * checks further. A number or a boolean given for a string parameter is the text written.
   */
  value(name: string, t: Tree | undefined): Tree | undefined {
    if (t === undefined) return undefined;
    if (t.type === 'map' || t.type === 'seq') {
      shape(this.ctx, t, `\`${name}\` takes ${NOT_STRING[name] ?? 'a string'}, not ${describe(t)}`);
      return { type: 'unknown', expr: describe(t), span: t.span };
    }
    if (t.type !== 'scalar' || typeof t.value === 'string') return t;
    if (t.value === null) return undefined;
    if (NOT_STRING[name] !== undefined) return t;
    return { ...t, value: writtenText(t, (this.lines ??= new LineIndex(this.file.path, this.file.text))) };
  }
}

function readVpc(map: TMap, resource: string, r: Reader): Vpc {
  const vpc: Vpc = { kind: 'Vpc', id: r.idPrefix + resource, source: 'spec', span: map.span, resource };
  for (const e of map.entries) {
    if (!VPC_KEYS.includes(e.key)) unknownKey(e, VPC_KEYS, resource, r.ctx);
    else if (e.key === 'VpcName') r.value(e.key, e.value);
    else vpc[e.key as 'VpcId' | 'RegionId' | 'Status' | 'CidrBlock'] = r.value(e.key, e.value);
  }
  return vpc;
}

interface FlatItem {
  fields: TEntry[];
  span: Span;
  index: FlatIndex;
}

function readGroup(map: TMap, resource: string, r: Reader, out: Model, region: Tree | undefined): void {
  const group: SecurityGroup = {
    kind: 'SecurityGroup',
    id: r.idPrefix + resource,
    format: 'spec',
    span: map.span,
    resource,
    fields: groupFields(),
    permissions: [],
  };
  // The flattened query form (`Tag.1.Key`), rare: its maps are made when a key needs them.
  let flatTags: Map<number, FlatItem> | undefined;
  let flatPerms: Map<number, FlatItem> | undefined;
  for (const e of map.entries) {
    const c = e.key.charCodeAt(0);
    const flat = (c === 84 || c === 80) && e.key.length > 4 && e.key.includes('.') ? FLAT.exec(e.key) : null;
    if (flat) {
      // N counts from 1; `Tag.01` is not `Tag.1` (nor merged with it).
      if (!/^[1-9]/.test(flat[2]!)) {
        shape(r.ctx, e.keySpan, `\`${e.key}\`: the N of \`${flat[1]}.N\` counts from 1, written without leading zeros; the key is ignored`);
        continue;
      }
      const bucket = flat[1] === 'Tag' ? (flatTags ??= new Map()) : (flatPerms ??= new Map());
      const n = Number(flat[2]);
      const item = bucket.get(n) ?? { fields: [], span: e.keySpan, index: { n, span: e.keySpan } };
      item.fields.push({ key: flat[3]!, keySpan: e.keySpan, value: e.value });
      item.span = cover(item.span, cover(e.keySpan, e.value.span));
      bucket.set(n, item);
      continue;
    }
    if (isSgParam(e.key)) {
      group.fields[e.key] = r.value(e.key, e.value);
    } else if (e.key !== 'Tag' && e.key !== 'Permissions' && !META_KEYS.includes(e.key) && !e.key.startsWith(EXTENSION)) {
      unknownKey(e, GROUP_KEYS, resource, r.ctx);
    }
  }
  if (group.fields.RegionId === undefined && region !== undefined) {
    group.fields.RegionId = region;
    group.regionSource = 'the file-level `region`';
  }

  const tagList = listParam(get(map, 'Tag'));
  if (tagList !== undefined || flatTags !== undefined) {
    const items: Tag[] = [];
    if (tagList !== undefined) {
      if (!isSeq(tagList)) shape(r.ctx, tagList, '`Tag` must be a list of {Key, Value}');
      else for (const t of tagList.items) {
        if (!isMap(t)) shape(r.ctx, t, 'a tag must be a mapping {Key, Value}');
        else items.push(readTag(t.entries, t.span, resource, r));
      }
    }
    if (flatTags) {
      for (const [, item] of [...flatTags].sort((a, b) => a[0] - b[0])) items.push({ ...readTag(item.fields, item.span, resource, r), flatIndex: item.index });
    }
    const span = tagList?.span ?? items.map((i) => i.span).reduce(cover);
    group.Tag = { span, items } satisfies TagList;
  }

  const perms = listParam(get(map, 'Permissions'));
  const permItems: { fields: TEntry[]; span: Span; index: number; flat?: FlatIndex }[] = [];
  if (perms !== undefined) {
    if (!isSeq(perms)) shape(r.ctx, perms, '`Permissions` must be a list of rules');
    else {
      for (let i = 0; i < perms.items.length; i++) {
        const p = perms.items[i]!;
        if (!isMap(p)) shape(r.ctx, p, 'a rule must be a mapping of Permissions.N fields');
        else permItems.push({ fields: p.entries, span: p.span, index: i });
      }
    }
  }
  if (flatPerms) for (const [n, item] of [...flatPerms].sort((a, b) => a[0] - b[0])) permItems.push({ fields: item.fields, span: item.span, index: n - 1, flat: item.index });
  for (const item of permItems) {
    const p = readPermission(item.fields, item.span, `${resource}.Permissions[${item.index}]`, group, r);
    if (!p) continue;
    if (item.flat) p.flatIndex = item.flat;
    out.permissions.push(p);
  }
  out.groups.push(group);
}

/** A list parameter (`Tag`, `Permissions`) as written; with no value (null) it is not set, as any parameter. */
function listParam(t: Tree | undefined): Tree | undefined {
  return isScalar(t) && t.value === null ? undefined : t;
}

function readTag(fields: TEntry[], span: Span, resource: string, r: Reader): Tag {
  const tag: Tag = { span };
  for (const f of fields) {
    if (f.key === 'Key' || f.key === 'Value') {
      tag[f.key] = tagValue(f.key, f.value, r);
    } else if (f.key === 'key' || f.key === 'value') {
      r.ctx.report('tag-legacy-lowercase', {
        at: f.keySpan,
        message: `\`${f.key}\` is the legacy lowercase tag field; the API recommends \`${f.key === 'key' ? 'Key' : 'Value'}\``,
      });
      const upper = f.key === 'key' ? 'Key' : 'Value';
      if (tag[upper] === undefined) tag[upper] = tagValue(upper, f.value, r);
    } else {
      unknownKey(f, ['Key', 'Value'], `${resource}.Tag`, r.ctx);
    }
  }
  return tag;
}

/**
 * A tag's Key or Value: null is the empty string, which the API reads the same way (a key with no value is
 * an empty key, which it rejects; an empty value is allowed).
 */
function tagValue(name: string, t: Tree, r: Reader): Tree {
  return r.value(name, t) ?? { type: 'scalar', value: '', span: t.span };
}

function readPermission(fields: TEntry[], span: Span, resource: string, group: SecurityGroup, r: Reader): Permission | undefined {
  const p: Permission = { kind: 'Permission', direction: 'ingress', fields: permissionFields(), span, resource, group, request: '' };
  let direction: Tree | undefined;
  for (const f of fields) {
    if (f.key === 'Direction') direction = f.value;
    else if (isPermissionParam(f.key)) p.fields[f.key] = r.value(f.key, f.value);
    else unknownKey(f, PERMISSION_KEYS, resource, r.ctx);
  }
  if (direction !== undefined) {
    const d = text(direction)?.toLowerCase();
    if (d === 'ingress' || d === 'egress') p.direction = d;
    else {
      // Not read as the default either: `Direction:` with no value is reported like any other value.
      if (isScalar(direction)) shape(r.ctx, direction, '`Direction` must be `ingress` (AuthorizeSecurityGroup) or `egress` (AuthorizeSecurityGroupEgress)');
      else r.value('Direction', direction);
      return undefined;
    }
  }
  p.request = `${group.id}#${p.direction}`;
  return p;
}
