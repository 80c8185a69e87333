import { afterEach, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, loadDir, loadFiles, pos } from './load.ts';
import { get, isScalar, text } from '../../src/load/tree.ts';
import type { Tree } from '../../src/load/tree.ts';
import type { SecurityGroup } from '../../src/model.ts';
import { resourceKey } from '../../src/load/terraform/eval.ts';

function group(groups: SecurityGroup[], address: string): SecurityGroup {
  const g = groups.find((x) => x.resource === address);
  if (!g) throw new Error(`no group ${address}; have ${groups.map((x) => x.resource).join(', ')}`);
  return g;
}

/** The key of a resource of a root module directory (relative to the fixtures), as ids and `ref`s hold it. */
const key = (dir: string, address: string): string => resourceKey(join(FIXTURES, dir), address);

function file(path: string, text: string) {
  return { path, abs: join(FIXTURES, '__mem__', path), text };
}

describe('project: variables, tfvars, locals, for_each, count, modules, providers', async () => {
  const { model, reports } = await loadDir('project');

  test('a variable value is placed where it is written, with the use site as origin', () => {
    const name = group(model.groups, 'alicloud_security_group.web').fields.SecurityGroupName!;
    expect(text(name)).toBe('1web');
    expect(name.span.file).toBe('project/variables.tf');
    expect(pos(name.span)).toEqual([8, 13, 8, 19]);
    expect(name.origin).toContain('project/main.tf:15:25');
  });

  test('tfvars precedence: *.auto.tfvars over terraform.tfvars over defaults', () => {
    const region = group(model.groups, 'alicloud_security_group.web').fields.RegionId!;
    // region only in terraform.tfvars; env in both (auto wins)
    expect(text(region)).toBe('cn-shanghai');
    expect(region.span.file).toBe('project/terraform.tfvars');
    const env = group(model.groups, 'alicloud_security_group.web').Tag!.items[0]!.Value!;
    expect(text(env)).toBe('prod');
    expect(env.span.file).toBe('project/prod.auto.tfvars');
    expect(pos(env.span)).toEqual([1, 7, 1, 13]);
  });

  test('heredoc description with a known interpolation, indentation removed', () => {
    const d = group(model.groups, 'alicloud_security_group.web').fields.Description!;
    expect(text(d)).toBe('Web tier of app-prod.\nManaged by Terraform.\n');
    expect(pos(d.span)).toEqual([16, 25, 19, 8]);
  });

  test('tags from a local map become Tag items with key and value spans', () => {
    const tags = group(model.groups, 'alicloud_security_group.web').Tag!;
    expect(tags.items.map((t) => text(t.Key))).toEqual(['Environment', 'Owner']);
    expect(pos(tags.items[1]!.Key!.span)).toEqual([5, 5, 5, 10]);
    expect(pos(tags.items[1]!.Value!.span)).toEqual([5, 19, 5, 29]);
  });

  test('references to resources are unknown values that keep the address', () => {
    const vpc = group(model.groups, 'alicloud_security_group.web').fields.VpcId!;
    expect(vpc.type).toBe('unknown');
    expect(vpc.type === 'unknown' && vpc.ref).toBe(key('project', 'alicloud_vpc.main'));
    expect(model.vpcs.find((v) => v.resource === 'alicloud_vpc.main')!.id).toBe(key('project', 'alicloud_vpc.main'));
    const p = model.permissions.find((x) => x.resource === 'alicloud_security_group_rule.https')!;
    expect(p.groupRef?.type === 'unknown' && p.groupRef.ref).toBe(group(model.groups, 'alicloud_security_group.web').id);
  });

  test('for_each: one group per element, addressed by key, each.key/each.value resolved', () => {
    const api = group(model.groups, 'alicloud_security_group.team["api"]');
    const batch = group(model.groups, 'alicloud_security_group.team["batch"]');
    expect(text(api.fields.SecurityGroupName)).toBe('app-prod-api');
    expect(text(batch.fields.SecurityGroupName)).toBe('app-prod-batch');
    expect(text(batch.fields.Description)).toBe('Batch jobs');
    expect(pos(batch.fields.Description!.span)).toEqual([4, 11, 4, 23]);
    expect(batch.resource).toBe('alicloud_security_group.team["batch"]');
  });

  test('count: one rule per index, count.index resolved in templates and arithmetic', () => {
    const out = model.permissions.filter((p) => p.resource.startsWith('alicloud_security_group_rule.out'));
    expect(out.map((p) => p.resource)).toEqual(['alicloud_security_group_rule.out[0]', 'alicloud_security_group_rule.out[1]']);
    expect(out.map((p) => p.direction)).toEqual(['egress', 'egress']);
    expect(out.map((p) => text(p.fields.DestCidrIp))).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    // priority = count.index + 1, placed on the expression.
    expect(out.map((p) => text(p.fields.Priority))).toEqual(['1', '2']);
    expect(pos(out[1]!.fields.Priority!.span)).toEqual([45, 23, 45, 38]);
    expect(new Set(out.map((p) => p.request)).size).toBe(2);
    expect(out[0]!.groupRef?.type === 'unknown' && out[0]!.groupRef.ref).toBe(key('project', 'alicloud_security_group.team["api"]'));
  });

  test('ingress rule fields use the API names', () => {
    const p = model.permissions.find((x) => x.resource === 'alicloud_security_group_rule.https')!;
    expect(p.direction).toBe('ingress');
    expect(text(p.fields.IpProtocol)).toBe('tcp');
    expect(text(p.fields.PortRange)).toBe('443/443');
    expect(text(p.fields.SourceCidrIp)).toBe('0.0.0.0/0');
    expect(pos(p.fields.SourceCidrIp!.span)).toEqual([35, 23, 35, 34]);
    expect(p.fields.DestCidrIp).toBeUndefined();
  });

  test('region comes from the provider block; a resource with provider = alicloud.hz uses the alias', () => {
    const web = group(model.groups, 'alicloud_security_group.web');
    expect(web.regionSource).toContain('project/providers.tf:1:1');
    const data = model.vpcs.find((v) => v.resource === 'data.alicloud_vpcs.existing')!;
    expect(data.source).toBe('data');
    expect(text(data.RegionId)).toBe('cn-hangzhou');
    expect(pos(data.RegionId!.span)).toEqual([7, 12, 7, 25]);
  });

  test('declared VPC: address id, provider region, CIDR, no status', () => {
    const v = model.vpcs.find((x) => x.resource === 'alicloud_vpc.main')!;
    expect(v.source).toBe('declared');
    expect(text(v.CidrBlock)).toBe('172.16.0.0/16');
    expect(text(v.RegionId)).toBe('cn-shanghai');
    expect(v.Status).toBeUndefined();
  });

  test('local module: followed with its inputs, addressed module.db., providers passed in', () => {
    const g = group(model.groups, 'module.db.alicloud_security_group.this');
    expect(g.span.file).toBe('project/modules/sg/main.tf');
    expect(text(g.fields.SecurityGroupName)).toBe('app-prod-db');
    expect(g.fields.SecurityGroupName!.span.file).toBe('project/main.tf');
    expect(pos(g.fields.SecurityGroupName!.span)).toEqual([56, 15, 56, 35]);
    expect(text(g.fields.SecurityGroupType)).toBe('enterprise');
    expect(text(g.fields.InnerAccessPolicy)).toBe('Drop');
    expect(text(g.fields.RegionId)).toBe('cn-hangzhou');
    const vpc = g.fields.VpcId!;
    expect(vpc.type === 'unknown' && vpc.ref).toBe(key('project', 'data.alicloud_vpcs.existing'));
  });

  test('remote module reported once (info rule), deprecated attributes at the attribute name', () => {
    expect(reports.map((r) => [r.ruleId, r.span.file, ...pos(r.span)!])).toEqual([
      ['terraform-module-not-followed', 'project/main.tf', 64, 13, 64, 35],
      ['terraform-deprecated-attribute', 'project/modules/sg/main.tf', 15, 3, 15, 7],
      ['terraform-deprecated-attribute', 'project/modules/sg/main.tf', 18, 3, 18, 15],
    ]);
  });
});

describe('modules given in the input are not roots of their own', () => {
  test('recursive input: module dir is called, not loaded as a root (no duplicate group)', async () => {
    const { model, reports } = await loadDir('project', { recursive: true });
    const ids = model.groups.map((g) => g.resource);
    expect(ids.filter((i) => i.endsWith('alicloud_security_group.this'))).toEqual(['module.db.alicloud_security_group.this']);
    expect(reports.filter((r) => r.ruleId === 'terraform-deprecated-attribute')).toHaveLength(2);
  });
});

describe('flags: --var-file and --var take precedence', () => {
  test('--var beats var-files, var-files beat auto.tfvars', async () => {
    const { model } = await loadDir('project', {
      config: { varFiles: [join(FIXTURES, 'project/terraform.tfvars')], vars: { name: 'from-flag' } },
    });
    const web = group(model.groups, 'alicloud_security_group.web');
    expect(text(web.fields.SecurityGroupName)).toBe('from-flag');
    expect(web.fields.SecurityGroupName!.origin).toContain('--var name');
    // The flag value has no file: it is placed at the use site.
    expect(pos(web.fields.SecurityGroupName!.span)).toEqual([15, 25, 15, 33]);
    // the var-file re-applies env = "staging" over prod.auto.tfvars
    expect(text(web.Tag!.items[0]!.Value)).toBe('staging');
  });

  test('--var of a map type is parsed as HCL', async () => {
    const { model } = await loadDir('project', { config: { vars: { teams: '{ web = "Web" }' } } });
    expect(model.groups.filter((g) => g.resource.startsWith('alicloud_security_group.team')).map((g) => g.resource)).toEqual([
      'alicloud_security_group.team["web"]',
    ]);
  });
});

describe('region without a provider region', () => {
  const saved = process.env.ALICLOUD_REGION;
  afterEach(() => {
    if (saved === undefined) delete process.env.ALICLOUD_REGION;
    else process.env.ALICLOUD_REGION = saved;
  });
  const tf = 'resource "alicloud_security_group" "a" {\n  security_group_name = "a"\n}\n';

  test('ALICLOUD_REGION, placed on the resource header', async () => {
    process.env.ALICLOUD_REGION = 'eu-central-1';
    const { model } = await loadFiles([file('main.tf', tf)], { region: 'cn-beijing' });
    const r = model.groups[0]!.fields.RegionId!;
    expect(text(r)).toBe('eu-central-1');
    expect(pos(r.span)).toEqual([1, 1, 1, 39]);
  });

  test('else the configured default', async () => {
    delete process.env.ALICLOUD_REGION;
    const { model } = await loadFiles([file('main.tf', tf)], { region: 'cn-beijing' });
    expect(text(model.groups[0]!.fields.RegionId)).toBe('cn-beijing');
  });
});

describe('syntax errors', () => {
  test('located parse-error; the rest of the file and other files are still read', async () => {
    const { model, reports } = await loadDir('errors');
    const errs = reports.filter((r) => r.ruleId === 'parse-error');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.every((e) => e.span.file === 'errors/main.tf')).toBe(true);
    expect(errs.some((e) => e.span.line >= 2 && e.span.line <= 5)).toBe(true);
    const fine = group(model.groups, 'alicloud_security_group.fine');
    expect(text(fine.fields.SecurityGroupName)).toBe('fine');
    expect(pos(fine.fields.SecurityGroupName!.span)).toEqual([6, 25, 6, 31]);
    expect(model.vpcs.map((v) => v.resource)).toEqual(['alicloud_vpc.main']);
  });

  test('unterminated string and stray tokens never throw', async () => {
    const { reports } = await loadFiles([file('a.tf', 'resource "x" "y" {\n  a = "abc\n}\n'), file('b.tf', '}}}{{{ = = "')]);
    expect(reports.filter((r) => r.ruleId === 'parse-error').map((r) => r.span.file).sort()).toEqual(expect.arrayContaining(['a.tf', 'b.tf']));
  });

  test('a redefined argument is reported at the second name', async () => {
    const { reports } = await loadFiles([
      file('main.tf', 'resource "alicloud_security_group" "a" {\n  description = "x"\n  description = "y"\n}\n'),
    ]);
    expect(reports.map((r) => [r.ruleId, ...pos(r.span)!])).toEqual([['parse-error', 3, 3, 3, 14]]);
  });
});

describe('values', () => {
  async function one(expr: string, extra = ''): Promise<Tree | undefined> {
    const { model } = await loadFiles([
      file('main.tf', `${extra}resource "alicloud_security_group" "a" {\n  description = ${expr}\n}\n`),
    ]);
    return model.groups[0]?.fields.Description;
  }

  test('escapes in quoted strings, UTF-16 columns', async () => {
    const t = await one('"a\\"b\\u00e9\\n$${x}"');
    expect(text(t)).toBe('a"bé\n${x}');
    const cjk = await loadFiles([file('main.tf', 'resource "alicloud_security_group" "a" {\n  name = "日本" tags = {}\n  description = "日本語"\n}\n')]);
    expect(pos(cjk.model.groups[0]!.fields.Description!.span)).toEqual([3, 17, 3, 22]);
  });

  test('conditionals with a known condition are resolved, else unknown', async () => {
    expect(text(await one('true ? "yes" : "no"'))).toBe('yes');
    expect(text(await one('var.on ? "yes" : "no"', 'variable "on" {\n  default = false\n}\n'))).toBe('no');
    expect((await one('var.missing ? "yes" : "no"'))?.type).toBe('unknown');
  });

  test('functions not computed are unknown; identity-like conversions are computed', async () => {
    expect((await one('md5("x")'))?.type).toBe('unknown');
    expect(text(await one('tostring(5)'))).toBe('5');
  });

  test('strip markers remove the white space next to an interpolation or a directive', async () => {
    expect(text(await one('"a \\t\\n ${~ "b" ~}\\u00a0 c ${"d"}"'))).toBe('abc d');
    const t = await one('"web %{~ if var.x != "" }-${var.x}%{ endif ~} end"');
    expect(t?.type === 'unknown' && t.prefix).toBe('web');
    // A heredoc is read line by line: stripping stops at a line break (as `terraform output` shows).
    expect(text(await one('<<-EOT\n      a\n    ${ "b" ~}  \n    c\n  EOT\n'))).toBe('  a\nb    c\n');
  });

  test('a template with an unknown part is unknown with its text', async () => {
    const t = await one('"web-${random_id.x.hex}"');
    expect(t?.type).toBe('unknown');
    expect(t?.type === 'unknown' && t.expr).toBe('"web-${random_id.x.hex}"');
  });

  test('a variable without value stays unknown at the use site', async () => {
    const t = await one('var.nothing', 'variable "nothing" {}\n');
    expect(t?.type).toBe('unknown');
    expect(pos(t!.span)).toEqual([3, 17, 3, 28]);
  });

  test('cyclic locals do not hang', async () => {
    const t = await one('local.a', 'locals {\n  a = local.b\n  b = local.a\n}\n');
    expect(t?.type).toBe('unknown');
  });

  test('unknown count gives one representative instance', async () => {
    const { model } = await loadFiles([
      file('main.tf', 'resource "alicloud_security_group" "a" {\n  count = length(var.x)\n  description = "d"\n}\n'),
    ]);
    expect(model.groups.map((g) => g.resource)).toEqual(['alicloud_security_group.a[*]']);
  });

  test('a count written as a string is converted to a number, as Terraform does: "0" gives no instance', async () => {
    const { model } = await loadFiles([
      file(
        'main.tf',
        'variable "n" {\n  type    = number\n  default = 1\n}\nresource "alicloud_security_group" "a" {\n  count = var.n\n}\n' +
          'resource "alicloud_security_group" "b" {\n  count = "0"\n}\nresource "alicloud_security_group" "c" {\n  count = "2"\n}\n',
      ),
      file('terraform.tfvars', 'n = "0"\n'),
    ]);
    expect(model.groups.map((g) => g.resource)).toEqual(['alicloud_security_group.c[0]', 'alicloud_security_group.c[1]']);
  });

  test('count = 0 gives no instance', async () => {
    const { model } = await loadFiles([
      file('main.tf', 'resource "alicloud_security_group" "a" {\n  count = 0\n  description = "d"\n}\n'),
    ]);
    expect(model.groups).toEqual([]);
  });
});

describe('security_group_name wins over name; inner_access maps to InnerAccessPolicy', () => {
  test('both set', async () => {
    const { model, reports } = await loadFiles([
      file(
        'main.tf',
        'resource "alicloud_security_group" "a" {\n  name                = "old"\n  security_group_name = "new"\n  inner_access        = true\n}\n',
      ),
    ]);
    const g = model.groups[0]!;
    expect(text(g.fields.SecurityGroupName)).toBe('new');
    expect(text(g.fields.InnerAccessPolicy)).toBe('Accept');
    expect(pos(g.fields.InnerAccessPolicy!.span)).toEqual([4, 25, 4, 29]);
    expect(reports.map((r) => [r.ruleId, ...pos(r.span)!])).toEqual([
      ['terraform-deprecated-attribute', 2, 3, 2, 7],
      ['terraform-deprecated-attribute', 4, 3, 4, 15],
    ]);
  });

  test('an invalid rule type is reported and the rule is not mapped', async () => {
    const { model, reports } = await loadFiles([
      file('main.tf', 'resource "alicloud_security_group_rule" "r" {\n  type = "Ingress"\n  ip_protocol = "tcp"\n  security_group_id = "sg-1"\n}\n'),
    ]);
    expect(model.permissions).toEqual([]);
    expect(reports.map((r) => [r.ruleId, ...pos(r.span)!])).toEqual([['terraform-rule-type-invalid', 2, 10, 2, 19]]);
  });

  test('a rule without type or security_group_id, which the provider requires, is reported at its header', async () => {
    const { model, reports } = await loadFiles([
      file('main.tf', 'resource "alicloud_security_group_rule" "r" {\n  ip_protocol = "tcp"\n}\n\nresource "alicloud_security_group_rule" "s" {\n  type = "egress"\n  ip_protocol = "tcp"\n}\n'),
    ]);
    expect(reports.map((r) => [r.ruleId, ...pos(r.span)!])).toEqual([
      ['terraform-argument-missing', 1, 1, 1, 44],
      ['terraform-argument-missing', 5, 1, 5, 44],
    ]);
    expect(reports.map((r) => r.message.match(/`\w+`/g))).toEqual([['`type`', '`security_group_id`'], ['`security_group_id`']]);
    // With a type, the rule is still read (its other checks run); without, it cannot be.
    expect(model.permissions.map((p) => p.resource)).toEqual(['alicloud_security_group_rule.s']);
  });
});

describe('RAM policies', async () => {
  const { model, reports } = await loadDir('ram');
  const doc = (n: string) => model.policies.find((p) => p.name === `alicloud_ram_policy.${n}`)!.document;

  test('heredoc JSON is parsed and placed in the .tf file', () => {
    const d = doc('heredoc');
    const effect = get((get(d, 'Statement') as { items: Tree[] }).items[0], 'Effect')!;
    expect(text(effect)).toBe('Allow');
    expect(effect.span.file).toBe('ram/main.tf');
    expect(pos(effect.span)).toEqual([7, 21, 7, 28]);
    expect(pos(get(d, 'Version')!.span)).toEqual([5, 18, 5, 21]);
  });

  test('jsonencode({...}) is read as HCL with its positions', () => {
    const d = doc('encoded');
    expect(text(get(d, 'Version'))).toBe('1');
    expect(pos(get(d, 'Version')!.span)).toEqual([16, 15, 16, 18]);
  });

  test('quoted JSON with escapes (deprecated document) is placed exactly', () => {
    const d = doc('quoted');
    expect(text(get(d, 'Version'))).toBe('1');
    expect(pos(get(d, 'Version')!.span)).toEqual([27, 29, 27, 34]);
    expect(reports.filter((r) => r.ruleId === 'terraform-deprecated-attribute').map((r) => pos(r.span))).toEqual([
      [26, 3, 26, 7],
      [27, 3, 27, 11],
    ]);
  });

  test('invalid JSON is a malformed policy inside the heredoc, document unknown', () => {
    expect(doc('broken').type).toBe('unknown');
    const e = reports.filter((r) => r.ruleId === 'ram-policy-malformed');
    expect(e.length).toBeGreaterThan(0);
    expect(e[0]!.span.file).toBe('ram/main.tf');
    expect(e[0]!.span.line).toBeGreaterThanOrEqual(33);
    expect(e[0]!.span.line).toBeLessThanOrEqual(36);
  });
});

describe('.tf.json', async () => {
  const { model, reports } = await loadDir('json');

  test('references in "${}" resolve like HCL, with positions in the JSON file', () => {
    const g = group(model.groups, 'alicloud_security_group.web');
    expect(text(g.fields.SecurityGroupName)).toBe('1web');
    expect(g.fields.SecurityGroupName!.span.file).toBe('json/main.tf.json');
    expect(pos(g.fields.SecurityGroupName!.span)).toEqual([7, 26, 7, 32]);
    expect(text(g.fields.Description)).toBe('web tier in cn-beijing');
    expect(g.fields.VpcId?.type === 'unknown' && g.fields.VpcId.ref).toBe(key('json', 'alicloud_vpc.main'));
    expect(text(g.fields.RegionId)).toBe('cn-beijing');
    expect(g.Tag!.items.map((t) => [text(t.Key), text(t.Value)])).toEqual([
      ['Env', 'prod'],
      ['Cost', '${literal}'],
    ]);
    expect(pos(g.Tag!.items[0]!.Key!.span)).toEqual([18, 19, 18, 24]);
    expect(reports).toEqual([]);
  });

  test('rules and VPCs', () => {
    const p = model.permissions[0]!;
    expect(p.resource).toBe('alicloud_security_group_rule.ssh');
    expect(text(p.fields.PortRange)).toBe('22/22');
    expect(p.groupRef?.type === 'unknown' && p.groupRef.ref).toBe(key('json', 'alicloud_security_group.web'));
    expect(model.vpcs.map((v) => [v.id, text(v.CidrBlock)])).toEqual([[key('json', 'alicloud_vpc.main'), '172.16.0.0/16']]);
  });

  test('strip markers in a template stop at a line break, as Terraform reads a .tf.json string line by line', async () => {
    const { model } = await loadFiles([
      file('x.tf.json', '{"resource": {"alicloud_security_group": {"a": {"description": "a \\n  ${~ \\"b\\" ~}  \\n  c", "security_group_name": "x ${~ \\"y\\"}"}}}}'),
    ]);
    expect(text(model.groups[0]!.fields.Description)).toBe('a \nb  c');
    expect(text(model.groups[0]!.fields.SecurityGroupName)).toBe('xy');
  });

  test('invalid JSON is a located parse-error', async () => {
    const r = await loadFiles([file('x.tf.json', '{\n  "resource": {\n}\n')]);
    expect(r.reports.map((x) => x.ruleId)).toContain('parse-error');
    expect(r.reports[0]!.span.file).toBe('x.tf.json');
  });
});

test('good: the provider documentation example gives no input finding', async () => {
  const { model, reports } = await loadDir('good');
  expect(reports).toEqual([]);
  expect(model.groups).toHaveLength(1);
  expect(isScalar(model.groups[0]!.fields.VpcId)).toBe(false);
  expect(text(get(model.policies[0]!.document, 'Version'))).toBe('1');
});

describe('more input shapes', () => {
  test('terraform.tfvars.json applies; values placed in the JSON file', async () => {
    const { model } = await loadFiles([
      file('main.tf', 'variable "n" {}\nresource "alicloud_security_group" "a" {\n  security_group_name = var.n\n}\n'),
      file('terraform.tfvars.json', '{\n  "n": "from-json"\n}\n'),
    ]);
    const n = model.groups[0]!.fields.SecurityGroupName!;
    expect(text(n)).toBe('from-json');
    expect([n.span.file, ...pos(n.span)!]).toEqual(['terraform.tfvars.json', 2, 8, 2, 19]);
  });

  test('.tf.json blocks written as arrays, and "${}" with other expressions stays unknown', async () => {
    const { model } = await loadFiles([
      file(
        'main.tf.json',
        '{"resource": [{"alicloud_security_group": {"a": [{"security_group_name": "${md5(\\"x\\")}", "description": "plain"}]}}]}',
      ),
    ]);
    const g = model.groups[0]!;
    expect(g.resource).toBe('alicloud_security_group.a');
    expect(g.fields.SecurityGroupName!.type).toBe('unknown');
    expect(text(g.fields.Description)).toBe('plain');
  });

  test('a .tfvars file with a syntax error is reported even when nothing applies it', async () => {
    const { reports } = await loadFiles([file('prod.tfvars', 'name = \n')]);
    expect(reports.map((r) => [r.ruleId, r.span.file])).toEqual([['parse-error', 'prod.tfvars']]);
  });
});

test('module for_each: one module instance per element, outputs readable from the caller', async () => {
  const { model } = await loadFiles([
    file(
      'main.tf',
      'module "m" {\n  for_each = toset(["ab", "cd"])\n  source   = "./mod"\n  name     = "sg-${each.key}"\n}\n\n' +
        'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n' +
        '  cidr_ip           = "10.0.0.0/8"\n  security_group_id = module.m["cd"].id\n}\n',
    ),
    file('mod/main.tf', 'variable "name" {}\nresource "alicloud_security_group" "this" {\n  security_group_name = var.name\n}\noutput "id" {\n  value = alicloud_security_group.this.id\n}\n'),
  ]);
  expect(model.groups.map((g) => [g.resource, text(g.fields.SecurityGroupName)])).toEqual([
    ['module.m["ab"].alicloud_security_group.this', 'sg-ab'],
    ['module.m["cd"].alicloud_security_group.this', 'sg-cd'],
  ]);
  const ref = model.permissions[0]!.groupRef!;
  expect(ref.type === 'unknown' && ref.ref).toBe(key('__mem__', 'module.m["cd"].alicloud_security_group.this'));
  expect(model.groups[1]!.id).toBe(key('__mem__', 'module.m["cd"].alicloud_security_group.this'));
});
