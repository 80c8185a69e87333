// End to end with policies declared in the inputs: Terraform `alicloud_ram_policy` and ROS
// `ALIYUN::RAM::ManagedPolicy`, named in the config's ram.policies. These need the Terraform and ROS
// loaders; while a loader is the placeholder (it yields no group), its block is skipped.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '../../src/engine/config-file.ts';
import { lintSources } from '../../src/index.ts';
import { key } from '../helpers.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ram');
const rel = (p: string) => relative(process.cwd(), p).split('\\').join('/');

async function run(dir: string, file: string) {
  const { config, problems } = await loadConfig({ cwd: join(fixtures, dir) });
  expect(problems).toEqual([]);
  const path = rel(join(fixtures, dir, file));
  const result = await lintSources([{ path, text: readFileSync(join(fixtures, dir, file), 'utf8') }], config);
  return { path, findings: result.findings };
}

/** Does the loader for this file produce groups (a malformed name is then reported)? */
async function loads(file: string, text: string): Promise<boolean> {
  const r = await lintSources([{ path: file, text }], { rules: {} });
  return r.findings.some((f) => f.ruleId === 'name-malformed');
}

const hasTerraform = await loads('probe.tf', 'resource "alicloud_security_group" "x" {\n  security_group_name = "1x"\n}\n');
const hasRos = await loads(
  'probe.ros.yaml',
  "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  X:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: 1x\n",
);

describe.skipIf(!hasTerraform)('Terraform alicloud_ram_policy', () => {
  it('a policy by address: malformed statement located in the heredoc, the VPC ARN not allowed', async () => {
    const { path, findings } = await run('terraform', 'main.tf');
    const ram = findings.filter((f) => f.ruleId.startsWith('ram-') || f.ruleId === 'vpc-not-found');
    expect(ram.map((f) => ({ ...key(f), file: f.span.file }))).toEqual([
      { ruleId: 'ram-policy-malformed', errorCode: null, line: 22, column: 29, endLine: 22, endColumn: 36, file: path },
      { ruleId: 'ram-create-denied', errorCode: 'Forbidden.RAM', line: 29, column: 25, endLine: 29, endColumn: 52, file: path },
    ]);
    expect(ram[1]!.resource).toBe('alicloud_security_group.web');
  });
});

describe.skipIf(!hasTerraform)('Terraform alicloud_ram_policy with count', () => {
  it('the address without an instance key names every instance', async () => {
    const tf = [
      'provider "alicloud" {',
      '  region = "cn-hangzhou"',
      '}',
      'resource "alicloud_ram_policy" "deployer" {',
      '  count           = 2',
      '  policy_name     = "deployer-${count.index}"',
      '  policy_document = jsonencode({',
      '    Version   = "1"',
      '    Statement = [',
      '      { Effect = "Allow", Action = ["ecs:*"], Resource = ["*"] },',
      '      { Effect = "Deny", Action = ["ecs:CreateSecurityGroup"], Resource = ["acs:vpc:*:*:vpc/*"] },',
      '    ]',
      '  })',
      '}',
      'resource "alicloud_security_group" "web" {',
      '  security_group_name = "web"',
      '  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"',
      '}',
      '',
    ].join('\n');
    const { findings } = await lintSources([{ path: 'main.tf', text: tf }], { accountId: '1234567890123456', ram: { policies: ['alicloud_ram_policy.deployer'] } });
    expect(findings.filter((f) => f.ruleId.startsWith('ram-')).map(key)).toEqual([
      { ruleId: 'ram-create-denied', errorCode: 'Forbidden.RAM', line: 17, column: 25, endLine: 17, endColumn: 52 },
    ]);
  });
});

describe.skipIf(!hasRos)('ROS ALIYUN::RAM::ManagedPolicy', () => {
  it('a policy by logical id; the VPC is not in the inventoried region', async () => {
    const { path, findings } = await run('ros', 'template.ros.yaml');
    const rows = findings.filter((f) => f.ruleId.startsWith('ram-') || f.ruleId === 'vpc-not-found').map((f) => ({ ...key(f), file: f.span.file }));
    expect(rows).toEqual([
      { ruleId: 'ram-create-denied', errorCode: 'Forbidden.RAM', line: 17, column: 14, endLine: 17, endColumn: 39, file: path },
      { ruleId: 'vpc-not-found', errorCode: 'InvalidVpcId.NotFound', line: 17, column: 14, endLine: 17, endColumn: 39, file: path },
    ]);
  });
});
