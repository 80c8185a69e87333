// End to end: Terraform inputs through the whole pipeline, findings asserted by rule id, API code and span.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../../src/engine/rule.ts';
import type { Config } from '../../src/engine/config.ts';
import { key, lintFiles, workspace } from '../helpers.ts';
import { lintPaths, lintSources } from '../../src/index.ts';
import { FIXTURES } from './load.ts';

function walk(d: string): string[] {
  return readdirSync(d)
    .sort()
    .flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

function sources(dir: string) {
  return walk(join(FIXTURES, dir)).map((p) => ({ path: relative(FIXTURES, p).split('\\').join('/'), abs: p, text: readFileSync(p, 'utf8') }));
}

async function lintDir(dir: string, config: Partial<Config> = {}): Promise<Finding[]> {
  return (await lintSources(sources(dir), config)).findings;
}

const row = (f: Finding) => [f.ruleId, f.errorCode, f.span.file, f.span.line, f.span.column, f.span.endLine, f.span.endColumn];

describe('fixture corpus', () => {
  test('project: a variable default is reported where it is written, with the use site named', async () => {
    const findings = await lintDir('project');
    expect(findings.map(row)).toEqual([
      ['terraform-module-not-followed', null, 'project/main.tf', 64, 13, 64, 35],
      ['terraform-deprecated-attribute', null, 'project/modules/sg/main.tf', 15, 3, 15, 7],
      ['terraform-deprecated-attribute', null, 'project/modules/sg/main.tf', 18, 3, 18, 15],
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', 'project/variables.tf', 8, 13, 8, 19],
    ]);
    const name = findings.find((f) => f.ruleId === 'name-malformed')!;
    expect(name.resource).toBe('alicloud_security_group.web');
    expect(name.message).toContain('project/main.tf:15:25');
    expect(findings.find((f) => f.ruleId === 'terraform-module-not-followed')!.severity).toBe('info');
  });

  test('good: written like the provider documentation examples, no API error (the documented allow-all tcp rule is an exposure)', async () => {
    expect((await lintDir('good')).map(row)).toEqual([['exposed-all-ports', null, 'good/main.tf', 30, 23, 30, 34]]);
  });

  test('errors: syntax errors located, the rest of the file still checked', async () => {
    const findings = await lintDir('errors');
    // One syntax error, one finding, on the line where the value is left out: the "missing }" at the end
    // of the file follows from it.
    expect(findings.map(row)).toEqual([
      ['parse-error', null, 'errors/main.tf', 2, 24, 2, 24],
      ['description-malformed', 'InvalidDescription.Malformed', 'errors/main.tf', 7, 25, 7, 28],
    ]);
  });

  test('RAM policy documents: invalid JSON inside a heredoc is located in the .tf file, which still counts as checked', async () => {
    const result = await lintSources(sources('ram'), {});
    const findings = result.findings.filter((f) => f.ruleId === 'ram-policy-malformed' && f.message.includes('not valid JSON'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.span.file === 'ram/main.tf' && f.span.line >= 33 && f.span.line <= 37)).toBe(true);
    expect(result.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
    expect(result.files.find((f) => f.path === 'ram/main.tf')?.status).toBe('checked');
  });
});

describe('loader equivalence: one group as native spec, .tf, .tf.json and plan JSON', async () => {
  const results = Object.fromEntries(
    await Promise.all(['spec', 'tf', 'tfjson', 'plan'].map(async (d) => [d, await lintDir(`equiv/${d}`)] as const)),
  );
  const codes = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.errorCode}`).sort();

  test('the native spec gives the expected findings', () => {
    expect(codes(results.spec!)).toEqual([
      'description-malformed InvalidDescription.Malformed',
      'inner-access-policy-enterprise null',
      'name-malformed InvalidSecurityGroupName.Malformed',
      'tag-key-malformed InvalidTagKey.Malformed',
    ]);
  });

  test.each(['tf', 'tfjson', 'plan'])('%s gives the same (rule, code) findings as the spec', (d) => {
    expect(codes(results[d]!)).toEqual(codes(results.spec!));
  });

  test('each finding is on its own format\'s value', () => {
    const at = (d: string, id: string) => key(results[d]!.find((f) => f.ruleId === id)!);
    expect(at('tf', 'description-malformed')).toMatchObject({ line: 16, column: 25, endLine: 16, endColumn: 45 });
    expect(at('tf', 'tag-key-malformed')).toMatchObject({ line: 21, column: 5, endColumn: 18 });
    expect(at('tfjson', 'name-malformed')).toMatchObject({ line: 3, column: 38, endColumn: 44 });
    expect(at('plan', 'inner-access-policy-enterprise')).toMatchObject({ line: 19, column: 36, endColumn: 44 });
  });
});

describe('region, VPC links, instances', () => {
  test('an unknown region in the provider block is InvalidRegionId.NotFound at that attribute', async () => {
    const findings = await lintFiles({
      'main.tf':
        'provider "alicloud" {\n  region = "cn-hangzou"\n}\n\nresource "alicloud_security_group" "a" {\n  security_group_name = "a"\n}\n\nresource "alicloud_security_group" "b" {\n  security_group_name = "b"\n}\n',
    });
    const r = findings.filter((f) => f.ruleId === 'region-unknown');
    expect(r.length).toBeGreaterThan(0);
    for (const f of r) expect(key(f)).toEqual({ ruleId: 'region-unknown', errorCode: 'InvalidRegionId.NotFound', line: 2, column: 12, endLine: 2, endColumn: 24 });
  });

  test('a VPC created through another provider alias is in the wrong region: InvalidVpcId.NotFound', async () => {
    const findings = await lintFiles({
      'main.tf':
        'provider "alicloud" {\n  region = "cn-beijing"\n}\n\nprovider "alicloud" {\n  alias  = "hz"\n  region = "cn-hangzhou"\n}\n\n' +
        'resource "alicloud_vpc" "hz" {\n  provider   = alicloud.hz\n  vpc_name   = "hz"\n  cidr_block = "10.0.0.0/8"\n}\n\n' +
        'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  vpc_id              = alicloud_vpc.hz.id\n}\n',
    });
    const r = findings.filter((f) => f.errorCode === 'InvalidVpcId.NotFound');
    expect(r.map((f) => f.ruleId)).toEqual(['vpc-wrong-region']);
    expect(r[0]!.span.line).toBe(18);
    expect(r[0]!.span.column).toBe(25);
  });

  test('a VPC from a data source exists: no VPC error, no guess about its state', async () => {
    const findings = await lintFiles({
      'main.tf':
        'provider "alicloud" {\n  region = "cn-beijing"\n}\n\ndata "alicloud_vpcs" "shared" {\n  name_regex = "^shared"\n}\n\n' +
        'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  vpc_id              = data.alicloud_vpcs.shared.ids[0]\n}\n',
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('an argument a security-group resource does not have: a warning at its name, with the name meant', async () => {
    const json = '{"resource": {"alicloud_security_group": {"j": {"security_group_name": "web", "descripton": "https://x"}}}}';
    const key = json.indexOf('"descripton"') + 1;
    const findings = await lintFiles({
      'main.tf':
        'resource "alicloud_security_group" "g" {\n  count               = 1\n  security_group_nmae = "1web"\n  id                  = "sg-1"\n' +
        '  lifecycle {\n    create_before_destroy = true\n  }\n  timeouts {\n    create = "5m"\n  }\n  rules {\n  }\n}\n\n' +
        'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n' +
        '  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-1"\n  depends_on        = [alicloud_security_group.g]\n  priorty           = 1\n}\n',
      'other.tf.json': json,
    });
    const unknown = findings.filter((f) => f.ruleId === 'terraform-unknown-argument');
    expect(unknown.map((f) => [f.span.file, f.span.line, f.span.column, f.span.endColumn, /did you mean `(\w+)`/.exec(f.message)?.[1]])).toEqual([
      ['main.tf', 3, 3, 22, 'security_group_name'],
      ['main.tf', 4, 3, 5, undefined],
      ['main.tf', 11, 3, 8, undefined],
      ['main.tf', 22, 3, 10, 'priority'],
      ['other.tf.json', 1, key, key + '"descripton"'.length, 'description'],
    ]);
    expect(unknown.every((f) => f.severity === 'warning')).toBe(true);
    // Each sentence ends with its punctuation, with a suggestion or without.
    expect(unknown.filter((f) => !/[.?] It is not checked\.$/.test(f.message))).toEqual([]);
  });

  test('a resource type a letter or two from a security-group type: a warning at the header, with the type meant', async () => {
    const findings = await lintFiles({
      'main.tf':
        'resource "alicloud_instance" "i" {\n}\n\ndata "alicloud_security_groups" "d" {\n}\n\n' +
        'resource "alicloud_securitygroup" "g" {\n  security_group_name = "web"\n}\n\n  resource "alicloud_Security_Group_Rule" "r" {\n}\n',
      'other.tf.json': '{"resource": {"alicloud_security_groups": {"j": {}}, "alicloud_vswitch": {"v": {}}}}',
    });
    const typo = findings.filter((f) => f.ruleId === 'terraform-unknown-resource-type');
    expect(typo.map((f) => [f.span.file, f.span.line, f.span.column, /did you mean "(\w+)"/.exec(f.message)?.[1], f.severity])).toEqual([
      ['main.tf', 7, 1, 'alicloud_security_group', 'warning'],
      ['main.tf', 11, 3, 'alicloud_security_group_rule', 'warning'],
      ['other.tf.json', 1, expect.any(Number), 'alicloud_security_group', 'warning'],
    ]);
    expect(findings.filter((f) => f.ruleId !== 'terraform-unknown-resource-type')).toEqual([]);
  });

  test('values the provider validates case-sensitively, in another case: an error at the value (plan values are not judged)', async () => {
    const findings = await lintFiles({
      'main.tf':
        'resource "alicloud_security_group" "g" {\n  security_group_type = "Normal"\n  inner_access_policy = "accept"\n}\n\n' +
        'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "TCP"\n  policy            = "ACCEPT"\n' +
        '  port_range        = "22/22"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.g.id\n}\n',
    });
    expect(findings.filter((f) => f.ruleId === 'terraform-value-case' || f.ruleId === 'group-type-case').map((f) => [f.ruleId, f.severity, f.span.line, f.span.column])).toEqual([
      ['terraform-value-case', 'error', 2, 25],
      ['terraform-value-case', 'error', 3, 25],
      ['terraform-value-case', 'error', 8, 23],
      ['terraform-value-case', 'error', 9, 23],
    ]);
  });

  test('.tf.json: a finding on a resource starts at its name, not at the type key every resource of that type shares', async () => {
    const findings = await lintFiles({
      'main.tf.json':
        '{\n  "resource": {\n    "alicloud_security_group_rule": {\n' +
        '      "a": {"type": "ingress", "ip_protocol": "tcp", "port_range": "22/22", "cidr_ip": "10.0.0.0/8", "security_group_id": "sg-bp67acfmxazb4p1234"},\n' +
        '      "b": {\n        "type": "ingress", "ip_protocol": "tcp", "port_range": "22/22", "security_group_id": "sg-bp67acfmxazb4p1234"\n      }\n' +
        '    }\n  }\n}\n',
    });
    expect(findings.map((f) => [f.ruleId, f.errorCode, f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([['rule-source-missing', 'MissingParameter.Source', 5, 7, 7, 8]]);
  });

  test('.tf.json: a finding on a resource\'s header (a required argument missing) is at its own name, not at the shared type key', async () => {
    const findings = await lintFiles({
      'main.tf.json':
        '{\n  "resource": {\n    "alicloud_security_group_rule": {\n' +
        '      "a": {"type": "ingress", "ip_protocol": "tcp", "port_range": "22/22", "cidr_ip": "10.0.0.0/8", "security_group_id": "sg-bp67acfmxazb4p1234"},\n' +
        '      "b": {"ip_protocol": "tcp", "port_range": "22/22", "cidr_ip": "10.0.0.0/8"}\n' +
        '    }\n  }\n}\n',
    });
    expect(findings.map((f) => [f.ruleId, f.errorCode, f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([['terraform-argument-missing', null, 5, 7, 5, 10]]);
  });

  test('arguments the provider declares as conflicting, both known: an error at the first; an unknown value defers it', async () => {
    const rule = (name: string, extra: string) =>
      `resource "alicloud_security_group_rule" "${name}" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n` +
      `  cidr_ip           = "10.0.0.0/8"\n${extra}  security_group_id = "sg-bp67acfmxazb4p1234"\n}\n\n`;
    const findings = await lintFiles({
      'main.tf':
        'resource "alicloud_security_group" "g" {\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n  inner_access_policy = "Drop"\n  inner_access        = false\n}\n\n' +
        rule('both', '  source_security_group_id = "sg-bp1fg655nh68xyz1234"\n') +
        rule('unknown', '  source_security_group_id = alicloud_security_group.g.id\n') +
        rule('empty', '  source_security_group_id = ""\n'),
    });
    expect(findings.filter((f) => f.ruleId === 'terraform-argument-conflict').map((f) => [f.ruleId, f.errorCode, f.severity, f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([
      ['terraform-argument-conflict', null, 'error', 3, 25, 3, 31],
      ['terraform-argument-conflict', null, 'error', 12, 30, 12, 54],
    ]);
  });

  test('a list or a map for an argument that takes one value (or the reverse): an error at the value, not checked further', async () => {
    const findings = await lintFiles({
      'main.tf':
        'variable "names" {\n  default = ["1web", "api"]\n}\n\nresource "alicloud_security_group" "g" {\n  security_group_name = var.names\n' +
        '  description         = { text = "https://x" }\n  tags                = ["acs:env"]\n  vpc_id              = 12\n}\n\n' +
        'resource "alicloud_security_group" "h" {\n  security_group_name = "web"\n  tags                = merge(var.extra, { env = "prod" })\n}\n\n' +
        'variable "extra" {\n  type = map(string)\n}\n',
    });
    expect(findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([
      ['terraform-argument-type', 2, 13],
      ['terraform-argument-type', 7, 25],
      ['terraform-argument-type', 8, 25],
      // A number is converted to a string, as Terraform does: checked as the text "12".
      ['vpc-id-malformed', 9, 25],
    ]);
  });

  test('one mistake in a block with instances is one finding, at the first instance, counting the others', async () => {
    const findings = await lintFiles({
      'main.tf':
        'resource "alicloud_security_group" "g" {\n  count               = 3\n  security_group_name = "1web-${count.index}"\n}\n\n' +
        'resource "alicloud_security_group" "h" {\n  for_each            = toset(["a", "b"])\n  security_group_name = "1web"\n}\n\n' +
        'module "m" {\n  source = "./m"\n  count  = 2\n}\n',
      'm/main.tf': 'resource "alicloud_security_group" "i" {\n  security_group_name = "1web"\n}\n',
    });
    expect(findings.map((f) => [f.ruleId, f.resource, f.span.file, f.span.line, f.span.column])).toEqual([
      ['name-malformed', 'module.m[0].alicloud_security_group.i', 'm/main.tf', 2, 25],
      ['name-malformed', 'alicloud_security_group.g[0]', 'main.tf', 3, 25],
      ['name-malformed', 'alicloud_security_group.h["a"]', 'main.tf', 8, 25],
    ]);
    expect(findings.map((f) => /\b(\d+) more instances? of (\S+)\)$/.exec(f.message)?.slice(1))).toEqual([
      ['1', 'module.m[*].alicloud_security_group.i'],
      ['2', 'alicloud_security_group.g[*]'],
      ['1', 'alicloud_security_group.h[*]'],
    ]);
  });

  test('for_each instances each count for the quota, and findings name the instance address', async () => {
    const findings = await lintFiles(
      {
        'main.tf':
          'provider "alicloud" {\n  region = "cn-beijing"\n}\n\nresource "alicloud_security_group" "web" {\n  for_each            = toset(["ab", "1b"])\n  security_group_name = each.key\n}\n',
      },
      { quota: { securityGroupsPerRegion: 1, rulesPerGroup: 200 } },
    );
    const name = findings.filter((f) => f.ruleId === 'name-malformed');
    expect(name.map((f) => [f.resource, f.errorCode, f.span.line, f.span.column, f.span.endColumn])).toEqual([
      ['alicloud_security_group.web["1b"]', 'InvalidSecurityGroupName.Malformed', 6, 38, 42],
    ]);
    expect(findings.filter((f) => f.ruleId === 'group-quota').map((f) => f.errorCode)).toContain('QuotaExceed.SecurityGroup');
  });

  test('module inputs: a bad value passed to a local module is reported where the caller wrote it', async () => {
    const findings = await lintFiles({
      'infra/main.tf': 'provider "alicloud" {\n  region = "cn-beijing"\n}\n\nmodule "sg" {\n  source = "./modules/sg"\n  name   = "_bad"\n}\n',
      'infra/modules/sg/main.tf':
        'variable "name" {}\n\nresource "alicloud_security_group" "this" {\n  security_group_name = var.name\n}\n',
    });
    const r = findings.filter((f) => f.ruleId === 'name-malformed');
    expect(r.map((f) => [f.resource, f.span.file, f.span.line, f.span.column])).toEqual([['module.sg.alicloud_security_group.this', 'infra/main.tf', 7, 12]]);
  });

  describe('a module called with count = 0 or an empty for_each has no resources, and its directory is no root module', () => {
    const sg = { 'infra/modules/sg/main.tf': 'resource "alicloud_security_group" "this" {\n  security_group_name = "_bad"\n}\n' };
    const calling = (meta: string) => ({ 'infra/main.tf': `module "sg" {\n  source = "./modules/sg"\n  ${meta}\n}\n`, ...sg });

    test('count = 1: the module\'s resource is checked, once', async () => {
      const findings = await lintFiles(calling('count = 1'));
      expect(findings.map((f) => [f.resource, f.span.file, key(f)])).toEqual([
        [
          'module.sg[0].alicloud_security_group.this',
          'infra/modules/sg/main.tf',
          { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 2, column: 25, endLine: 2, endColumn: 31 },
        ],
      ]);
    });

    test.each(['count = 0', 'for_each = {}'])('%s: nothing is checked in it', async (meta) => {
      expect(await lintFiles(calling(meta))).toEqual([]);
    });

    test('nor in a module called only from there', async () => {
      const findings = await lintFiles({
        'infra/main.tf': 'module "outer" {\n  source = "./modules/outer"\n  count  = 0\n}\n',
        'infra/modules/outer/main.tf': 'module "sg" {\n  source = "../sg"\n}\n',
        ...sg,
      });
      expect(findings).toEqual([]);
    });
  });

  test('a .tf module read from disk is parsed when the input holds only .tf.json', async () => {
    const dir = workspace({
      'main.tf.json': '{ "module": { "m": { "source": "./mod" } } }\n',
      'mod/main.tf': 'resource "alicloud_security_group" "g" {\n  security_group_name = "_bad"\n}\n',
    });
    const { findings } = await lintPaths([join(dir, 'main.tf.json')], {}, dir);
    expect(findings.map((f) => [f.resource, f.span.file.endsWith('mod/main.tf'), key(f)])).toEqual([
      ['module.m.alicloud_security_group.g', true, { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 2, column: 25, endLine: 2, endColumn: 31 }],
    ]);
  });

  test('a file named alone is read with the configuration files beside it (a pre-commit hook names only the staged ones)', async () => {
    const dir = workspace({
      'mod/main.tf': 'resource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
      'mod/variables.tf': 'variable "name" {\n  default = "1web"\n}\n',
    });
    const { findings } = await lintPaths([join(dir, 'mod/main.tf')], {}, dir);
    expect(findings.map((f) => [f.resource, f.span.file.endsWith('/mod/variables.tf'), key(f)])).toEqual([
      ['alicloud_security_group.web', true, { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 2, column: 13, endLine: 2, endColumn: 19 }],
    ]);
  });

  test('a file named alone gets the values of the variable files Terraform loads by itself; such a file named alone is checked with its module', async () => {
    const files = (tfvars: string) =>
      workspace({
        'mod/main.tf': 'resource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
        'mod/variables.tf': 'variable "name" {\n  default = "1web"\n}\n',
        'mod/terraform.tfvars': tfvars,
        'mod/prod.tfvars': 'name = "3bad"\n',
      });
    const at = (findings: { span: { file: string; line: number; column: number }; ruleId: string }[]) => findings.map((f) => [f.ruleId, f.span.file.split('/').pop(), f.span.line, f.span.column]);
    const ok = files('name = "web-ok"\n');
    expect(at((await lintPaths([join(ok, 'mod/main.tf')], {}, ok)).findings)).toEqual([]);
    const bad = files('name = "2bad"\n');
    expect(at((await lintPaths([join(bad, 'mod/main.tf')], {}, bad)).findings)).toEqual([['name-malformed', 'terraform.tfvars', 1, 8]]);
    expect(at((await lintPaths([join(bad, 'mod/terraform.tfvars')], {}, bad)).findings)).toEqual([['name-malformed', 'terraform.tfvars', 1, 8]]);
    // A variable file Terraform does not load by itself is read for its syntax only.
    expect(at((await lintPaths([join(bad, 'mod/prod.tfvars')], {}, bad)).findings)).toEqual([]);
    // terraform.tfvars.json comes after terraform.tfvars, whichever of them is named.
    const json = files('name = "1old"\n');
    writeFileSync(join(json, 'mod/terraform.tfvars.json'), '{"name": "webjson"}');
    expect(at((await lintPaths([join(json, 'mod/main.tf'), join(json, 'mod/terraform.tfvars.json')], {}, json)).findings)).toEqual([]);
    // A walk gives the files it checks: an ignored or too large variable file is not read behind its back.
    const walked = files('name = "2bad"\n');
    expect(at((await lintPaths(['.'], { ignore: ['terraform.tfvars'] }, walked)).findings)).toEqual([['name-malformed', 'variables.tf', 2, 13]]);
    expect(at((await lintPaths(['.'], { maxFileBytes: 10 }, walked)).findings).filter((f) => f[0] === 'name-malformed')).toEqual([]);
    // Beside a file named alone, an ignored one is not read either.
    expect(at((await lintPaths([join(walked, 'mod/main.tf')], { ignore: ['terraform.tfvars'] }, walked)).findings)).toEqual([['name-malformed', 'variables.tf', 2, 13]]);
  });

  test('a missing local module directory is reported at its source', async () => {
    const findings = await lintFiles({ 'main.tf': 'module "net" {\n  source = "./nowhere"\n}\n' });
    expect(findings.map(key)).toEqual([{ ruleId: 'terraform-module-missing', errorCode: null, line: 2, column: 12, endLine: 2, endColumn: 23 }]);
  });
});

describe('an argument set to null is not set', () => {
  test('security_group_name = null (a variable defaulting to null): the deprecated name is what is sent, and checked', async () => {
    const findings = await lintFiles({
      'main.tf':
        'variable "sg_name" {\n  default = null\n}\n\nresource "alicloud_security_group" "a" {\n  security_group_name = var.sg_name\n  name                = "bad name"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
    });
    expect(findings.filter((f) => f.ruleId === 'name-malformed').map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 7, column: 25, endLine: 7, endColumn: 35 },
    ]);
  });

  test('policy_document = null: the deprecated document is the policy, not a null document', async () => {
    const findings = await lintFiles({
      'main.tf':
        'resource "alicloud_ram_policy" "p" {\n  policy_name     = "p"\n  policy_document = null\n  document        = <<EOF\n{"Version": "1", "Statement": [{"Effect": "Allw", "Action": "ecs:*", "Resource": "*"}]}\nEOF\n}\n',
    });
    expect(findings.filter((f) => f.ruleId === 'ram-policy-malformed').map(key)).toEqual([
      { ruleId: 'ram-policy-malformed', errorCode: null, line: 5, column: 43, endLine: 5, endColumn: 49 },
    ]);
  });
});

describe('for expressions over known collections are evaluated', () => {
  const rules =
    'locals {\n  rules = [\n    { name = "ssh", ports = "22/22", on = true },\n    { name = "bad", ports = "0/0", on = true },\n    { name = "off", ports = "99999/1", on = false },\n  ]\n' +
    '  by_name = { for r in local.rules : r.name => r if r.on }\n  names   = [for i, r in local.rules : "${r.name} ${i}"]\n  tags    = { for k in ["aliyun:a", "ok"] : k => "v" }\n}\n' +
    'resource "alicloud_security_group" "g" {\n  security_group_name = local.names[0]\n  tags                = local.tags\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' +
    'resource "alicloud_security_group_rule" "r" {\n  for_each          = local.by_name\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = each.value.ports\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.g.id\n}\n';

  test('a for_each map built by a for expression (with if), a list of templates and a map of tags', async () => {
    const findings = await lintFiles({ 'main.tf': rules });
    expect(findings.map((f) => [f.resource, key(f)])).toEqual([
      ['alicloud_security_group_rule.r["bad"]', { ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line: 4, column: 29, endLine: 4, endColumn: 34 }],
      ['alicloud_security_group.g', { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 8, column: 40, endLine: 8, endColumn: 56 }],
      ['alicloud_security_group.g', { ruleId: 'tag-key-malformed', errorCode: 'InvalidTagKey.Malformed', line: 9, column: 25, endLine: 9, endColumn: 35 }],
    ]);
  });

  test('over a set (a `set(...)` variable, toset()), the key is the element itself, as in Terraform', async () => {
    const findings = await lintFiles({
      'main.tf':
        'variable "tiers" {\n  type    = set(string)\n  default = ["web", "1db", "web"]\n}\nlocals {\n  groups = { for k, v in var.tiers : k => "${v} tier" }\n  names  = [for k, v in toset(["ok", "2x"]) : k]\n}\n' +
        'resource "alicloud_security_group" "tier" {\n  for_each            = local.groups\n  security_group_name = each.key\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' +
        'resource "alicloud_security_group" "n" {\n  security_group_name = local.names[0]\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
    });
    expect(findings.map((f) => [f.resource, key(f)])).toEqual([
      ['alicloud_security_group.tier["1db"]', { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 3, column: 21, endLine: 3, endColumn: 26 }],
      ['alicloud_security_group.n', { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 7, column: 38, endLine: 7, endColumn: 42 }],
    ]);
  });

  test('over an unknown collection, or with a condition not known, the result is unknown, not guessed', async () => {
    const findings = await lintFiles({
      'main.tf':
        'variable "rules" {}\nvariable "on" {}\nlocals {\n  names = [for n in ["a b"] : n if var.on]\n}\nresource "alicloud_security_group" "g" {\n  tags   = { for k in var.rules : k => "v" }\n' +
        '  security_group_name = local.names[0]\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
    });
    expect(findings.map(key)).toEqual([]);
  });
});

describe('a key written twice in an object keeps its last value, as in Terraform', () => {
  test('a warning at the second key, and what is checked is the value Terraform keeps', async () => {
    const findings = await lintFiles({
      'main.tf':
        'locals {\n  rules = {\n    ssh = { port = "22/22" }\n    "ssh" = { port = "443/443" }\n    web = { ssh = "x", port = "80/80" }\n  }\n}\n\n' +
        'resource "alicloud_security_group_rule" "r" {\n  for_each          = local.rules\n  type              = "ingress"\n  ip_protocol       = "tcp"\n' +
        '  port_range        = each.value.port\n  cidr_ip           = "0.0.0.0/0"\n  security_group_id = "sg-123"\n}\n\n' +
        'resource "alicloud_security_group" "g" {\n  security_group_name = "web"\n  tags = {\n    1 = "a"\n    "1" = "b"\n    "${var.k}" = "c"\n    k = "d"\n  }\n}\n\n' +
        'variable "k" {\n  default = "k"\n}\n',
      'broken.tf': 'locals {\n  t = { a = 1, a = 2 }\n  u = \n}\n',
      // A block type Terraform does not read is a parse-error too, but the file parsed: its keys are judged.
      'stray.tf': 'resouce "x" "y" {}\nlocals {\n  v = { a = 1, a = 2 }\n}\n',
      // So is an argument set twice: no syntax error, the file is read as written.
      'redefined.tf': 'locals {\n  w = 1\n  w = 2\n  x = { a = 1, a = 2 }\n}\n',
    });
    const dup = findings.filter((f) => f.ruleId === 'terraform-duplicate-key');
    expect(dup.map((f) => [f.span.file, f.span.line, f.span.column, f.span.endColumn, f.errorCode, f.severity])).toEqual([
      ['main.tf', 4, 5, 10, null, 'warning'],
      ['main.tf', 22, 5, 8, null, 'warning'],
      ['redefined.tf', 4, 16, 17, null, 'warning'],
      ['stray.tf', 3, 16, 17, null, 'warning'],
    ]);
    // Port 22 was dropped by Terraform: only 443 and 80 are checked.
    const exposed = findings.filter((f) => f.ruleId === 'exposed-port').map((f) => f.span.line);
    expect(exposed).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'parse-error').map((f) => [f.span.file, f.span.line, f.span.column])).toEqual([
      ['broken.tf', 3, 7],
      ['redefined.tf', 3, 3],
      ['stray.tf', 1, 1],
    ]);
  });

  test('tags: one tag is sent, no Duplicate.TagKey; the last value is the one checked', async () => {
    const findings = await lintFiles({
      'main.tf':
        'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n' +
        '  tags = {\n    Name = "see https://x"\n    Team = "platform"\n    Name = "web https://y"\n  }\n}\n',
    });
    expect(findings.map(key)).toEqual([
      { ruleId: 'terraform-duplicate-key', errorCode: null, line: 7, column: 5, endLine: 7, endColumn: 9 },
      { ruleId: 'tag-value-malformed', errorCode: 'InvalidTagValue.Malformed', line: 7, column: 12, endLine: 7, endColumn: 27 },
    ]);
  });
});

describe('template strip markers', () => {
  test('`${~ ...}` and `%{ ... ~}` strip the white space Terraform strips: no space is left in the name', async () => {
    const findings = await lintFiles({
      'main.tf':
        'variable "suffix" {\n  default = ""\n}\nresource "alicloud_security_group" "a" {\n  security_group_name = "db ${~ var.suffix}"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' +
        'resource "alicloud_security_group" "b" {\n  security_group_name = "web %{~ if var.suffix != "" }-${var.suffix}%{ endif ~}"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
    });
    expect(findings.map(key)).toEqual([]);
  });
});

describe('merge, concat, lookup and join over known values are evaluated', () => {
  test('tags merged from a local map, a port looked up, a name joined, a CIDR from concatenated lists', async () => {
    const findings = await lintFiles({
      'main.tf':
        'variable "extra" {\n  default = {}\n}\nlocals {\n  common = { env = "prod", "acs:team" = "web" }\n  ports  = { ssh = "22/22", web = "0/0" }\n  cidrs  = concat(["10.0.0.0/8"], ["10.0.0.0/33"])\n}\n' +
        'resource "alicloud_security_group" "a" {\n  security_group_name = join("-", ["web", "1 x"])\n  tags                = merge(local.common, var.extra, { Name = "a" })\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' +
        'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = lookup(local.ports, "web", "22/22")\n  cidr_ip           = local.cidrs[1]\n  security_group_id = alicloud_security_group.a.id\n}\n',
    });
    expect(findings.map(key)).toEqual([
      { ruleId: 'tag-key-malformed', errorCode: 'InvalidTagKey.Malformed', line: 5, column: 28, endLine: 5, endColumn: 38 },
      { ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line: 6, column: 35, endLine: 6, endColumn: 40 },
      { ruleId: 'rule-source-cidr-malformed', errorCode: 'InvalidSourceCidrIp.Malformed', line: 7, column: 36, endLine: 7, endColumn: 49 },
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 10, column: 25, endLine: 10, endColumn: 50 },
    ]);
  });

  test('a lookup of a missing key without default is unknown; a merge with an unknown map is known in part', async () => {
    const findings = await lintFiles({
      'main.tf':
        'variable "more" {}\nlocals {\n  ports = { ssh = "22/22" }\n}\nresource "alicloud_security_group" "a" {\n  tags   = merge({ "acs:x" = "v" }, var.more)\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' +
        'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = lookup(local.ports, "web")\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.a.id\n}\n',
    });
    // The lookup is unknown; the merge is known in part: its known key is still checked.
    expect(findings.map(key)).toEqual([{ ruleId: 'tag-key-malformed', errorCode: 'InvalidTagKey.Malformed', line: 6, column: 20, endLine: 6, endColumn: 27 }]);
  });
});

describe('a rule whose type is not known before the run', () => {
  // The shape of the provider's examples/ecs-new-vpc: rules made per element of a list variable.
  const rules = (protocols: string, type: string) =>
    `variable "ip_protocols" {\n  type    = list(string)\n  default = ${protocols}\n}\nvariable "directions" {\n  default = ["ingress"]\n}\n` +
    'resource "alicloud_security_group_rule" "rules" {\n  count             = length(var.ip_protocols)\n' +
    `  type              = ${type}\n  ip_protocol       = var.ip_protocols[count.index]\n  port_range        = "22/22"\n  cidr_ip           = "0.0.0.0/0"\n  security_group_id = "sg-bp1fg655nh68xyz91234"\n}\n`;

  test('is reported as not checked (info), once per instance, at the type', async () => {
    // var.directions has no default here: what the type compares is not known.
    const findings = await lintFiles({ 'main.tf': rules('["tcp", "udp"]', 'count.index >= length(var.others) ? "ingress" : var.directions[count.index]') });
    expect(findings.map((f) => [f.ruleId, f.severity, f.resource ?? null, f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([
      ['terraform-rule-type-unknown', 'info', null, 10, 23, 10, 98],
      ['terraform-rule-type-unknown', 'info', null, 10, 23, 10, 98],
    ]);
    expect(findings.map((f) => f.message.match(/rules\[\d\]/)?.[0])).toEqual(['rules[0]', 'rules[1]']);
  });

  test('count = length() of a known list makes one instance per element; of an empty list, none', async () => {
    const open = await lintFiles({ 'main.tf': rules('["tcp", "udp"]', 'var.directions[0]') });
    expect(open.map(key)).toEqual([
      { ruleId: 'exposed-port', errorCode: null, line: 13, column: 23, endLine: 13, endColumn: 34 },
    ]);
    expect(await lintFiles({ 'main.tf': rules('[]', 'var.directions[count.index]') })).toEqual([]);
  });

  test('a type Terraform rejects (a list) is reported once, as terraform-argument-type, not also as not known', async () => {
    const findings = await lintFiles({ 'main.tf': rules('["tcp"]', '["ingress"]') });
    expect(findings.map(key)).toEqual([{ ruleId: 'terraform-argument-type', errorCode: null, line: 10, column: 23, endLine: 10, endColumn: 34 }]);
  });
});

describe('a name declared twice in one module directory', () => {
  test('a second resource, data source, module call, variable or output of one name is a parse-error at its header, and is not read', async () => {
    const sg = (name: string) => `resource "alicloud_security_group" "web" {\n  security_group_name = "${name}"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n`;
    const dir = workspace({
      // b.tf's copy (a bad name, and one group more against the quota) is the one left unread.
      'a.tf': `${sg('web')}\nvariable "x" {}\nvariable "x" {}\n\nmodule "m" {\n  source = "./m"\n}\nmodule "m" {\n  source = "./m"\n}\n\ndata "alicloud_vpcs" "v" {}\ndata "alicloud_vpcs" "v" {}\noutput "o" { value = 1 }\noutput "o" { value = 2 }\n`,
      'b.tf': sg('1web'),
      'c.tf.json': '{"output": {"o": {"value": 3}}}\n',
      'm/main.tf': 'variable "n" { default = "ok" }\n',
      // An override file merges into the block it names: not a second declaration.
      'override.tf': 'resource "alicloud_security_group" "web" {\n  description = "web tier"\n}\n',
    });
    const { findings } = await lintPaths(['.'], { quota: { securityGroupsPerRegion: 2, rulesPerGroup: 200 }, region: 'cn-hangzhou' }, dir);
    expect(findings.map(row)).toEqual([
      ['parse-error', null, 'a.tf', 7, 1, 7, 13],
      ['parse-error', null, 'a.tf', 12, 1, 12, 11],
      ['parse-error', null, 'a.tf', 17, 1, 17, 25],
      ['parse-error', null, 'a.tf', 19, 1, 19, 11],
      ['parse-error', null, 'b.tf', 1, 1, 1, 41],
      ['parse-error', null, 'c.tf.json', 1, 13, 1, 16],
    ]);
  });

  test('override files merge into the blocks they name, in name order: arguments and local values replaced, a block with nothing to override reported', async () => {
    const dir = workspace({
      'main.tf':
        'locals {\n  port = "80/80"\n}\n\n' +
        'resource "alicloud_security_group" "web" {\n  security_group_name = "1web"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n\n' +
        'resource "alicloud_security_group_rule" "in" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = local.port\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.web.id\n}\n',
      // Read after override.tf: its name wins, and its short description is checked where it is written.
      'z_override.tf': 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  description         = "x"\n}\n',
      'override.tf':
        'resource "alicloud_security_group" "web" {\n  security_group_name = "2web"\n}\n\n' +
        'locals {\n  port = "90/80"\n}\n\n' +
        'resource "alicloud_security_group" "gone" {\n  security_group_name = "x"\n}\n',
    });
    const { findings } = await lintPaths(['.'], { region: 'cn-hangzhou' }, dir);
    expect(findings.map(row)).toEqual([
      ['rule-port-range-malformed', 'InvalidParam.PortRange', 'override.tf', 6, 10, 6, 17],
      ['parse-error', null, 'override.tf', 9, 1, 9, 42],
      ['description-malformed', 'InvalidDescription.Malformed', 'z_override.tf', 3, 25, 3, 28],
    ]);
  });

  test('a file whose name starts with a dot, which Terraform does not load, is skipped with a note, and adds nothing to its module', async () => {
    const tf = (name: string) =>
      `resource "alicloud_security_group" "web" {\n  security_group_name = "${name}"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n\n` +
      'resource "alicloud_security_group_rule" "ssh" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.web.id\n}\n';
    // A backup copy beside main.tf, and in a module's directory, read from disk.
    const dir = workspace({ 'main.tf': `${tf('web')}\nmodule "m" {\n  source = "./m"\n}\n`, '.main.tf': tf('1web'), 'm/main.tf': tf('web'), 'm/.main.tf': tf('1web') });
    const config = { region: 'cn-hangzhou', quota: { securityGroupsPerRegion: 2, rulesPerGroup: 1 } };
    const walked = await lintPaths(['.'], config, dir);
    expect(walked.findings.map(row)).toEqual([]);
    expect(walked.files.filter((f) => f.status === 'skipped').map((f) => [f.path, f.note !== undefined])).toEqual([['.main.tf', true], ['m/.main.tf', true]]);
    // Named alone, as a pre-commit hook names a staged file: the files beside it and the module's are read
    // from disk, not the copies.
    expect((await lintPaths(['main.tf'], config, dir)).findings.map(row)).toEqual([]);
  });

  test('in .tf.json, a block declared again in another object of an array is reported too', async () => {
    const sg = (name: string) => `{"alicloud_security_group": {"web": {"security_group_name": "${name}", "vpc_id": "vpc-bp1opxu1zkhn00gzv1234"}}}`;
    const dir = workspace({ 'main.tf.json': `{\n  "resource": [\n    ${sg('web')},\n    ${sg('1web')}\n  ]\n}\n` });
    const { findings } = await lintPaths(['.'], { region: 'cn-hangzhou' }, dir);
    expect(findings.map(row)).toEqual([['parse-error', null, 'main.tf.json', 4, 34, 4, 39]]);
  });
});

describe('a required argument whose value is null', () => {
  const rule = (type: string, count = '2') =>
    'variable "t" {\n  default = null\n}\nvariable "keep" {\n  default  = "ingress"\n  nullable = false\n}\nmodule "m" {\n  source = "./m"\n  t      = null\n}\n' +
    `resource "alicloud_security_group_rule" "r" {\n  count             = ${count}\n  type              = ${type}\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-bp1fg655nh68xyz91234"\n}\n`;
  const mod = 'variable "t" {\n  default  = "ingress"\n  nullable = false\n}\noutput "t" {\n  value = var.t\n}\n';
  const rows = (findings: Finding[]) => findings.map((f) => [f.ruleId, f.span.file, f.span.line, f.span.column, f.span.endLine, f.span.endColumn]);

  test('is not set: reported once for the block, where the null is written (a variable default here)', async () => {
    const findings = await lintFiles({ 'main.tf': rule('var.t'), 'm/main.tf': mod });
    expect(rows(findings)).toEqual([['terraform-argument-missing', 'main.tf', 2, 13, 2, 17]]);
    expect(findings[0]!.severity).toBe('error');
  });

  test('a null literal too; a variable with nullable = false given null takes its default, and is set', async () => {
    expect(rows(await lintFiles({ 'main.tf': rule('null', '1'), 'm/main.tf': mod }))).toEqual([['terraform-argument-missing', 'main.tf', 14, 23, 14, 27]]);
    expect(await lintFiles({ 'main.tf': rule('module.m.t'), 'm/main.tf': mod })).toEqual([]);
    expect(await lintFiles({ 'main.tf': rule('var.keep'), 'm/main.tf': mod })).toEqual([]);
  });
});
