// Modules `terraform init` installed in .terraform/modules are read like local ones, through modules.json.
import { describe, expect, test } from 'vitest';
import { isAbsolute, join, relative } from 'node:path';
import type { Finding } from '../../src/engine/rule.ts';
import { workspace } from '../helpers.ts';
import { lintPaths } from '../../src/index.ts';
import { allows } from '../../src/load/terraform/installed.ts';

/** A finding's rule, code and place; files read from disk outside the working directory are shown absolute, here relative to `dir`. */
const rowIn = (dir: string) => (f: Finding) => [f.ruleId, f.errorCode, isAbsolute(f.span.file) ? relative(dir, f.span.file) : f.span.file, f.span.line, f.span.column];

const manifest = (records: { Key: string; Source: string; Dir: string; Version?: string }[]): string =>
  JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, ...records] });

const SG_MODULE =
  'variable "name" {}\nresource "alicloud_security_group" "this" {\n  security_group_name = var.name\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' +
  'module "rules" {\n  source = "./modules/rules"\n  group  = alicloud_security_group.this.id\n}\n';
const RULES_MODULE =
  'variable "group" {}\nresource "alicloud_security_group_rule" "ssh" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n' +
  '  port_range        = "22/22"\n  cidr_ip           = "0.0.0.0/0"\n  security_group_id = var.group\n}\n';

describe('installed modules', () => {
  test('a registry module installed by terraform init is followed: findings in it, and at the caller for values it passes', async () => {
    const dir = workspace({
      'main.tf': 'module "sg" {\n  source  = "alibaba/security-group/alicloud"\n  version = "2.4.0"\n  name    = "http://web"\n}\n',
      '.terraform/modules/modules.json': manifest([
        { Key: 'sg', Source: 'registry.terraform.io/alibaba/security-group/alicloud', Version: '2.4.0', Dir: '.terraform/modules/sg' },
        { Key: 'sg.rules', Source: './modules/rules', Dir: '.terraform/modules/sg/modules/rules' },
      ]),
      '.terraform/modules/sg/main.tf': SG_MODULE,
      '.terraform/modules/sg/modules/rules/main.tf': RULES_MODULE,
    });
    const { findings } = await lintPaths(['.'], {}, dir);
    expect(findings.map(rowIn(dir))).toEqual([
      ['exposed-port', null, '.terraform/modules/sg/modules/rules/main.tf', 6, 23],
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', 'main.tf', 4, 13],
    ]);
    expect(findings.find((f) => f.ruleId === 'name-malformed')!.resource).toBe('module.sg.alicloud_security_group.this');
  });

  test('a module nested in an installed one is found by its key path; a source written with its registry host matches too', async () => {
    const dir = workspace({
      'main.tf': 'module "app" {\n  source = "./app"\n}\n',
      'app/main.tf': 'module "sg" {\n  source = "registry.terraform.io/alibaba/security-group/alicloud"\n  name   = "web"\n}\n',
      '.terraform/modules/modules.json': manifest([
        { Key: 'app', Source: './app', Dir: 'app' },
        { Key: 'app.sg', Source: 'registry.terraform.io/alibaba/security-group/alicloud', Dir: '.terraform/modules/app.sg' },
        { Key: 'app.sg.rules', Source: './modules/rules', Dir: '.terraform/modules/app.sg/modules/rules' },
      ]),
      '.terraform/modules/app.sg/main.tf': SG_MODULE,
      '.terraform/modules/app.sg/modules/rules/main.tf': RULES_MODULE,
    });
    const { findings } = await lintPaths(['.'], {}, dir);
    expect(findings.map(rowIn(dir))).toEqual([['exposed-port', null, '.terraform/modules/app.sg/modules/rules/main.tf', 6, 23]]);
    expect(findings[0]!.resource).toBe('module.app.module.sg.module.rules.alicloud_security_group_rule.ssh');
  });

  test('a module called from a local module outside the root directory (envs/prod calling ../../modules/app) is found in the root manifest', async () => {
    const dir = workspace({
      'envs/prod/main.tf': 'module "app" {\n  source = "../../modules/app"\n}\n',
      'modules/app/main.tf': 'module "sg" {\n  source = "alibaba/security-group/alicloud"\n  name   = "web"\n}\n',
      'envs/prod/.terraform/modules/modules.json': manifest([
        { Key: 'app', Source: '../../modules/app', Dir: '../../modules/app' },
        { Key: 'app.sg', Source: 'registry.terraform.io/alibaba/security-group/alicloud', Dir: '.terraform/modules/app.sg' },
      ]),
      'envs/prod/.terraform/modules/app.sg/main.tf': SG_MODULE,
      'envs/prod/.terraform/modules/app.sg/modules/rules/main.tf': RULES_MODULE,
    });
    const { findings } = await lintPaths(['envs/prod'], {}, dir);
    expect(findings.map(rowIn(dir))).toEqual([['exposed-port', null, 'envs/prod/.terraform/modules/app.sg/modules/rules/main.tf', 6, 23]]);
  });

  test('GitHub and SSH shorthands match the Git URLs terraform init records for them', async () => {
    const dir = workspace({
      'main.tf':
        'module "a" {\n  source = "github.com/acme/infra//sg?ref=v1"\n  name   = "http://a"\n}\n\n' +
        'module "b" {\n  source = "git@github.com:acme/infra.git//sg"\n  name   = "http://b"\n}\n',
      '.terraform/modules/modules.json': manifest([
        { Key: 'a', Source: 'git::https://github.com/acme/infra.git//sg?ref=v1', Dir: '.terraform/modules/a/sg' },
        { Key: 'b', Source: 'git::ssh://git@github.com/acme/infra.git//sg', Dir: '.terraform/modules/b/sg' },
      ]),
      '.terraform/modules/a/sg/main.tf': SG_MODULE.replace(/module "rules"[^]*$/, ''),
      '.terraform/modules/b/sg/main.tf': SG_MODULE.replace(/module "rules"[^]*$/, ''),
    });
    const { findings } = await lintPaths(['.'], {}, dir);
    expect(findings.map(rowIn(dir))).toEqual([
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', 'main.tf', 3, 12],
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', 'main.tf', 8, 12],
    ]);
  });

  test('not installed, or installed from another source (stale): not followed, reported at the source', async () => {
    const dir = workspace({
      'main.tf':
        'module "sg" {\n  source = "alibaba/security-group/alicloud"\n  name   = "http://web"\n}\n\n' +
        'module "git" {\n  source = "git::https://example.com/sg.git"\n}\n',
      '.terraform/modules/modules.json': manifest([{ Key: 'sg', Source: 'registry.terraform.io/alibaba/old-sg/alicloud', Dir: '.terraform/modules/sg' }]),
      '.terraform/modules/sg/main.tf': SG_MODULE,
      '.terraform/modules/sg/modules/rules/main.tf': RULES_MODULE,
    });
    const { findings } = await lintPaths(['.'], {}, dir);
    expect(findings.map(rowIn(dir))).toEqual([
      ['terraform-module-not-followed', null, 'main.tf', 2, 12],
      ['terraform-module-not-followed', null, 'main.tf', 7, 12],
    ]);
  });

  test('installed at a version the call\'s constraint no longer allows (stale): not followed; one it allows, or one not read here: followed', async () => {
    const call = (name: string, version: string) => `module "${name}" {\n  source  = "alibaba/security-group/alicloud"\n  version = "${version}"\n  name    = "http://${name}"\n}\n\n`;
    const dir = workspace({
      'main.tf': call('old', '~> 2.4') + call('ok', '>= 2.0, < 3.0') + call('pre', '2.5.0-beta1') + call('pinned', '2.4.0'),
      '.terraform/modules/modules.json': manifest(
        ['old', 'ok', 'pre', 'pinned'].map((k, i) => ({ Key: k, Source: 'registry.terraform.io/alibaba/security-group/alicloud', Version: ['3.1.0', '2.9.9', '2.5.0-beta2', '2.4.1'][i]!, Dir: `.terraform/modules/${k}` })),
      ),
      '.terraform/modules/old/main.tf': SG_MODULE.replace(/module "rules"[^]*$/, ''),
      '.terraform/modules/ok/main.tf': SG_MODULE.replace(/module "rules"[^]*$/, ''),
      '.terraform/modules/pre/main.tf': SG_MODULE.replace(/module "rules"[^]*$/, ''),
      '.terraform/modules/pinned/main.tf': SG_MODULE.replace(/module "rules"[^]*$/, ''),
    });
    const { findings } = await lintPaths(['.'], {}, dir);
    expect(findings.map(rowIn(dir))).toEqual([
      ['terraform-module-not-followed', null, 'main.tf', 2, 13], // 3.1.0 is not ~> 2.4
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', 'main.tf', 10, 13], // 2.9.9: followed
      ['name-malformed', 'InvalidSecurityGroupName.Malformed', 'main.tf', 16, 13], // a pre-release: nothing claimed, followed
      ['terraform-module-not-followed', null, 'main.tf', 20, 13], // 2.4.1 is not 2.4.0
    ]);
  });

  test('version constraints are read as Terraform reads them', () => {
    const cases: [string, string, boolean | undefined][] = [
      ['2.4.0', '2.4.0', true],
      ['= 2.4', '2.4.0', true],
      ['!= 2.4.0', '2.4.0', false],
      ['> 2.4.0', '2.4.1', true],
      ['>= 2.4.0, < 2.5', '2.5.0', false],
      ['<= 2.4.0', '2.4.0', true],
      ['~> 2.4', '2.9.0', true],
      ['~> 2.4', '3.0.0', false],
      ['~> 2.4', '2.3.9', false],
      ['~> 2.4.1', '2.4.9', true],
      ['~> 2.4.1', '2.5.0', false],
      ['~> 2', '7.0.0', true],
      ['~> 2', '1.9.0', false],
      ['v1.2.0', '1.2.0', true],
      ['>= 1.0', '1.2.0-rc1', undefined],
      ['=> 1.0', '1.2.0', undefined],
    ];
    expect(cases.map(([c, v]) => allows(c, v))).toEqual(cases.map((x) => x[2]));
  });

  test('a manifest that is not one, a record of another caller, or an installed directory removed since: not followed', async () => {
    const bad = workspace({
      'main.tf': 'module "sg" {\n  source = "alibaba/security-group/alicloud"\n}\n',
      '.terraform/modules/modules.json': '{"Modules": 3',
      '.terraform/modules/sg/main.tf': SG_MODULE,
    });
    expect((await lintPaths(['.'], {}, bad)).findings.map(rowIn(bad))).toEqual([['terraform-module-not-followed', null, 'main.tf', 2, 12]]);
    // `other.sg` is the call of another module: not the one in the root.
    const other = workspace({
      'main.tf': 'module "sg" {\n  source = "alibaba/security-group/alicloud"\n}\n',
      '.terraform/modules/modules.json': manifest([{ Key: 'other.sg', Source: 'alibaba/security-group/alicloud', Dir: '.terraform/modules/sg' }]),
      '.terraform/modules/sg/main.tf': SG_MODULE,
    });
    expect((await lintPaths(['.'], {}, other)).findings.map(rowIn(other))).toEqual([['terraform-module-not-followed', null, 'main.tf', 2, 12]]);
    // Listed, but its directory is gone: not installed (Terraform asks for terraform init), not a missing local module.
    const gone = workspace({
      'main.tf': 'module "sg" {\n  source = "alibaba/security-group/alicloud"\n}\n',
      '.terraform/modules/modules.json': manifest([{ Key: 'sg', Source: 'alibaba/security-group/alicloud', Dir: '.terraform/modules/sg' }]),
    });
    expect((await lintPaths(['.'], {}, gone)).findings.map(rowIn(gone))).toEqual([['terraform-module-not-followed', null, 'main.tf', 2, 12]]);
  });

  test('a staged file of the root module, named alone, follows the installed module too', async () => {
    const dir = workspace({
      'main.tf': 'module "sg" {\n  source = "alibaba/security-group/alicloud"\n  name   = "http://web"\n}\n',
      '.terraform/modules/modules.json': manifest([{ Key: 'sg', Source: 'alibaba/security-group/alicloud', Dir: '.terraform/modules/sg' }]),
      '.terraform/modules/sg/main.tf': SG_MODULE,
      '.terraform/modules/sg/modules/rules/main.tf': RULES_MODULE,
    });
    const { findings } = await lintPaths([join(dir, 'main.tf')], {}, dir);
    expect(findings.filter((f) => f.span.file === 'main.tf').map(rowIn(dir))).toEqual([['name-malformed', 'InvalidSecurityGroupName.Malformed', 'main.tf', 3, 12]]);
  });
});

describe('installed modules beside a plan', () => {
  test('a plan checked with its configuration reads each resource of an installed module once', async () => {
    const address = 'module.sg.alicloud_security_group.this';
    const values = { security_group_name: 'http://web', vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' };
    const plan = {
      format_version: '1.2',
      planned_values: { root_module: { child_modules: [{ address: 'module.sg', resources: [{ address, mode: 'managed', type: 'alicloud_security_group', name: 'this', values }] }] } },
      resource_changes: [{ address, module_address: 'module.sg', mode: 'managed', type: 'alicloud_security_group', name: 'this', change: { actions: ['create'], before: null, after: values, after_unknown: { id: true } } }],
      configuration: {
        provider_config: { alicloud: { name: 'alicloud', expressions: { region: { constant_value: 'cn-hangzhou' } } } },
        root_module: {
          module_calls: {
            sg: {
              source: 'alibaba/security-group/alicloud',
              expressions: { name: { constant_value: 'http://web' } },
              module: { resources: [{ address: 'alicloud_security_group.this', mode: 'managed', type: 'alicloud_security_group', name: 'this', provider_config_key: 'alicloud', expressions: { security_group_name: { references: ['var.name'] } } }] },
            },
          },
        },
      },
    };
    const dir = workspace({
      'main.tf': 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nmodule "sg" {\n  source  = "alibaba/security-group/alicloud"\n  version = "2.4.0"\n  name    = "http://web"\n}\n',
      'plan.json': JSON.stringify(plan, null, 2),
      '.terraform/modules/modules.json': manifest([{ Key: 'sg', Source: 'registry.terraform.io/alibaba/security-group/alicloud', Version: '2.4.0', Dir: '.terraform/modules/sg' }]),
      '.terraform/modules/sg/main.tf': 'variable "name" {}\nresource "alicloud_security_group" "this" {\n  security_group_name = var.name\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
    });
    const { findings } = await lintPaths(['.'], { quota: { securityGroupsPerRegion: 1, rulesPerGroup: 200 } }, dir);
    expect(findings.map(rowIn(dir))).toEqual([['name-malformed', 'InvalidSecurityGroupName.Malformed', 'main.tf', 8, 13]]);
  });
});
