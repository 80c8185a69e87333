// Several Terraform root modules checked in one run (`sglint .` on envs/prod and envs/staging): they
// declare the same addresses, and each resource links only with the resources of its own root.
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/engine/rule.ts';
import type { Config } from '../../src/engine/config.ts';
import { lintPaths } from '../../src/index.ts';
import { key, lintFiles, only, workspace } from '../helpers.ts';
import { block, planText, spanOf } from './plan-text.ts';

async function lintTree(files: Record<string, string>, config: Partial<Config> = {}): Promise<Finding[]> {
  const dir = workspace(files);
  return (await lintPaths(['.'], config, dir)).findings;
}

/** Findings as [file, rule, API code, line, column, end line, end column]. */
const rows = (findings: Finding[]) => findings.map((f) => [f.span.file.slice(f.span.file.indexOf('envs/')), ...Object.values(key(f))]);

const rule = (name: string, port: string, extra = '') =>
  `resource "alicloud_security_group_rule" "${name}" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "${port}"\n` +
  `  cidr_ip           = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.g.id\n${extra}}\n`;

describe('roots with the same addresses', () => {
  test('nic_type = "internet": refused on the rule of the VPC group, accepted on the rule of the classic group of another root', async () => {
    const internet = rule('r', '80/80', '  nic_type          = "internet"\n');
    const findings = await lintTree({
      // A classic group (no vpc_id): internet rules are allowed.
      'envs/a/main.tf': `resource "alicloud_security_group" "g" {\n  security_group_name = "classic"\n}\n${internet}`,
      'envs/b/main.tf': `resource "alicloud_security_group" "g" {\n  security_group_name = "in-vpc"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n${internet}`,
    });
    expect(rows(findings.filter((f) => f.ruleId.startsWith('rule-nic-type')))).toEqual([
      ['envs/b/main.tf', 'rule-nic-type-mismatch', 'InvalidNicType.Mismatch', 11, 23, 11, 33],
    ]);
  });

  test('rules count against the quota of their own root\'s group, and a rule is no duplicate of the same rule in another root', async () => {
    const rules = rule('ssh', '22/22') + rule('http', '80/80');
    const group = 'resource "alicloud_security_group" "g" {\n  security_group_name = "web"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';
    const config = { quota: { rulesPerGroup: 2, securityGroupsPerRegion: 100 } } as Partial<Config>;
    const findings = await lintTree({ 'envs/prod/main.tf': group + rules, 'envs/staging/main.tf': group + rules + rule('https', '443/443') }, config);
    // Only staging has three rules on its group: the third is past the quota of 2.
    expect(rows(findings.filter((f) => f.ruleId === 'rule-quota' || f.ruleId === 'rule-duplicate'))).toEqual([
      ['envs/staging/main.tf', 'rule-quota', 'AuthorizationLimitExceed', 19, 1, 25, 2],
    ]);
  });

  test('a group reference names the group of its own root: groups of one VPC in each root are no groups of other VPCs', async () => {
    const root = (a: string, b: string) =>
      `resource "alicloud_security_group" "g" {\n  security_group_name = "app"\n  vpc_id              = "${a}"\n}\n` +
      `resource "alicloud_security_group" "peer" {\n  security_group_name = "peer"\n  vpc_id              = "${b}"\n}\n` +
      rule('r', '22/22', '  source_security_group_id = alicloud_security_group.peer.id\n').replace('  cidr_ip           = "10.0.0.0/8"\n', '');
    const one = 'vpc-bp1opxu1zkhn00gzv1111';
    const two = 'vpc-bp1opxu1zkhn00gzv2222';
    const findings = await lintTree({ 'envs/prod/main.tf': root(one, one), 'envs/staging/main.tf': root(two, two), 'envs/test/main.tf': root(one, two) });
    // Only test's peer is in another VPC than its group.
    expect(rows(findings.filter((f) => f.errorCode === 'InvalidSourceGroupId.Mismatch'))).toEqual([
      ['envs/test/main.tf', 'rule-source-group-other-vpc', 'InvalidSourceGroupId.Mismatch', 14, 30, 14, 61],
    ]);
  });

  test('vpc_id = alicloud_vpc.main.id names the VPC of its own root, in that root\'s region', async () => {
    const root = (region: string, vpcRegion = region) =>
      `provider "alicloud" {\n  region = "${region}"\n}\nprovider "alicloud" {\n  alias  = "v"\n  region = "${vpcRegion}"\n}\n` +
      'resource "alicloud_vpc" "main" {\n  provider   = alicloud.v\n  vpc_name   = "main"\n  cidr_block = "10.0.0.0/8"\n}\n' +
      'resource "alicloud_security_group" "g" {\n  security_group_name = "web"\n  vpc_id              = alicloud_vpc.main.id\n}\n';
    const findings = await lintTree({
      'envs/prod/main.tf': root('cn-hangzhou'),
      'envs/staging/main.tf': root('cn-beijing'),
      'envs/test/main.tf': root('cn-shanghai', 'cn-beijing'),
    });
    expect(rows(findings.filter((f) => f.errorCode === 'InvalidVpcId.NotFound'))).toEqual([
      ['envs/test/main.tf', 'vpc-wrong-region', 'InvalidVpcId.NotFound', 15, 25, 15, 45],
    ]);
  });
});

describe('plans of roots with the same addresses', () => {
  const toG = { references: ['alicloud_security_group.g.id', 'alicloud_security_group.g'] };
  const internet = { type: 'ingress', ip_protocol: 'tcp', port_range: '80/80', cidr_ip: '10.0.0.0/8', nic_type: 'internet' };
  const plan = (group: object) =>
    planText(
      [
        { address: 'alicloud_security_group.g', values: group },
        { address: 'alicloud_security_group_rule.r', values: internet, unknown: { security_group_id: true } },
      ],
      { resources: [block('alicloud_security_group.g', {}), block('alicloud_security_group_rule.r', { security_group_id: toG })] },
    );
  const classic = plan({ security_group_name: 'classic' });
  const inVpc = plan({ security_group_name: 'in-vpc', vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' });
  const nicType = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('rule-nic-type')).map((f) => [f.span.file.split('/').pop(), ...Object.values(key(f))]);
  const at = spanOf(inVpc, '"internet"');

  test('two plans in one directory (terraform show -json of each workspace): each is its own root', async () => {
    const findings = await lintTree({ 'plans/prod.json': inVpc, 'plans/staging.json': classic });
    expect(nicType(findings)).toEqual([['prod.json', 'rule-nic-type-mismatch', 'InvalidNicType.Mismatch', ...at]]);
  });

  test('a plan checked with its configuration is that configuration; another root with the same addresses stays apart', async () => {
    const tf = (vpc: string) =>
      `resource "alicloud_security_group" "g" {\n  security_group_name = "web"\n${vpc}}\n` +
      rule('r', '80/80', '  nic_type          = "internet"\n');
    const findings = await lintTree({
      'envs/prod/main.tf': tf('  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n'),
      'envs/prod/plan.json': inVpc,
      'envs/staging/main.tf': tf(''),
      'envs/staging/plan.json': classic,
    });
    // Once, on the configuration's argument (the plan's reading of the rule is the same rule).
    expect(nicType(findings)).toEqual([['main.tf', 'rule-nic-type-mismatch', 'InvalidNicType.Mismatch', 11, 23, 11, 33]]);
    expect(findings.find((f) => f.ruleId === 'rule-nic-type-mismatch')!.span.file).toContain('envs/prod/');
  });
});

const sgGroup = (type = 'normal') => `resource "alicloud_security_group" "g" {\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n  security_group_type = "${type}"\n}\n`;
// Lines 5-12 after the group's four.
const sgRule = (policy = 'accept') =>
  `resource "alicloud_security_group_rule" "r" {\n  type = "ingress"\n  ip_protocol = "tcp"\n  port_range = "22/22"\n  cidr_ip = "10.0.0.0/8"\n  policy = "${policy}"\n  security_group_id = alicloud_security_group.g.id\n}\n`;

describe('one address in two root modules, sources given in memory', () => {
  test('the same rule in two roots is not a duplicate in one request', async () => {
    const f = await lintFiles({ 'a/main.tf': sgGroup() + sgRule(), 'b/main.tf': sgGroup() + sgRule() }, { region: 'cn-hangzhou' });
    expect(only(f, 'rule-duplicate')).toEqual([]);
  });

  test('a rule belongs to the group of its own root: a drop rule of a basic group is not judged by the enterprise group of another root', async () => {
    const f = await lintFiles({ 'a/main.tf': sgGroup('normal') + sgRule('drop'), 'b/main.tf': sgGroup('enterprise') }, { region: 'cn-hangzhou' });
    expect(only(f, 'rule-enterprise-policy-drop')).toEqual([]);
    // The drop rule of the enterprise group's own root is reported, at its policy.
    const g = await lintFiles({ 'a/main.tf': sgGroup('normal'), 'b/main.tf': sgGroup('enterprise') + sgRule('drop') }, { region: 'cn-hangzhou' });
    expect(only(g, 'rule-enterprise-policy-drop').map((x) => ({ ...key(x), file: x.span.file }))).toEqual([
      { ruleId: 'rule-enterprise-policy-drop', errorCode: 'InvalidGroupParameter.OperationDenied', line: 10, column: 12, endLine: 10, endColumn: 18, file: 'b/main.tf' },
    ]);
  });

  test('two roots calling one module each have their own group and rules', async () => {
    const mod = sgGroup() + sgRule();
    const call = 'module "sg" {\n  source = "../../mod"\n}\n';
    const f = await lintFiles({ 'mod/main.tf': mod, 'examples/basic/main.tf': call, 'examples/complete/main.tf': call }, { region: 'cn-hangzhou' });
    expect(only(f, 'rule-duplicate')).toEqual([]);
  });
});
