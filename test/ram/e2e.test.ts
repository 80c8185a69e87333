// End to end: a config file found in the fixture directory, policy files, inventory exports and a native
// spec, through the engine with the full catalog. Asserts rule id, API error code and span.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '../../src/engine/config-file.ts';
import { lintSources } from '../../src/index.ts';
import type { Finding } from '../../src/engine/rule.ts';
import { cliInProcess, key, workspace } from '../helpers.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ram');
const rel = (p: string) => relative(process.cwd(), p).split('\\').join('/');

async function run(dir: string, spec = 'spec.yaml', extra: Record<string, unknown> = {}): Promise<Finding[]> {
  const { config, problems } = await loadConfig({ cwd: join(fixtures, dir) });
  expect(problems).toEqual([]);
  const path = rel(join(fixtures, dir, spec));
  const result = await lintSources([{ path, text: readFileSync(join(fixtures, dir, spec), 'utf8') }], { ...config, ...extra });
  return result.findings;
}

const row = (f: Finding) => ({ ...key(f), file: f.span.file });

describe('native spec with RAM policies and inventory', () => {
  it('reports each prerequisite failure where it happens, and nothing for the group that is fine', async () => {
    const findings = await run('native');
    const spec = rel(join(fixtures, 'native', 'spec.yaml'));
    const at = (ruleId: string, errorCode: string | null, line: number, column: number, endLine: number, endColumn: number) => ({
      ruleId,
      errorCode,
      line,
      column,
      endLine,
      endColumn,
      file: spec,
    });
    expect(findings.map(row)).toEqual([
      // securityGroups[1]: VPC Pending in the inventory (core rule), and the policy allows only VPC ...0001.
      at('ram-create-denied', 'Forbidden.RAM', 13, 12, 13, 37),
      at('vpc-not-available', 'IncorrectVpcStatus', 13, 12, 13, 37),
      // securityGroups[2]: 98 existing (DescribeSecurityGroups TotalCount) + 3 → 101 > 100.
      at('group-quota', 'QuotaExceed.SecurityGroup', 14, 5, 15, 37),
      at('ram-create-denied', 'Forbidden.RAM', 15, 12, 15, 37),
      at('vpc-not-found', 'InvalidVpcId.NotFound', 15, 12, 15, 37),
      // securityGroups[3]: the VPC is inventoried in cn-shanghai (core rule).
      at('ram-create-denied', 'Forbidden.RAM', 17, 12, 17, 37),
      at('vpc-wrong-region', 'InvalidVpcId.NotFound', 17, 12, 17, 37),
      // securityGroups[4]: unknown resource group; the guard policy denies the 0.0.0.0/0 rule only.
      at('resource-group-not-found', 'InvalidResourceGroup.NotFound', 20, 22, 20, 40),
      at('ram-authorize-denied', 'Forbidden.RAM', 26, 9, 29, 32),
      // The same rule opens SSH to the internet (an exposure warning, no API code).
      at('exposed-port', null, 29, 23, 29, 32),
    ]);
    const denied = findings.find((f) => f.ruleId === 'ram-authorize-denied')!;
    expect(denied.httpStatus).toBe(403);
    expect(denied.resource).toBe('securityGroups[4]');
    // The message names the action and the denying statement's file and position.
    expect(denied.message).toContain('ecs:AuthorizeSecurityGroup');
    expect(denied.message).toContain(`${rel(join(fixtures, 'native', 'iam', 'guard.json'))}:4:5`);
    expect(findings.find((f) => f.ruleId === 'vpc-not-found')!.httpStatus).toBe(404);
  });

  it('without accountId an account-specific Allow cannot be proven: warnings, not errors', async () => {
    const findings = await run('native', 'spec.yaml', { accountId: undefined });
    const create = findings.filter((f) => f.ruleId === 'ram-cannot-prove');
    // Every group's securitygroup/* ARN, and the VPC ARN of the groups whose VPC the policy names.
    expect(create.length).toBeGreaterThanOrEqual(5);
    for (const f of create) {
      expect(f.severity).toBe('warning');
      expect(f.errorCode).toBe('Forbidden.RAM');
    }
    expect(create.map((f) => f.span.line)).toContain(3);
  });

  it('without ram.policies no RAM rule runs', async () => {
    const findings = await run('native', 'spec.yaml', { ram: undefined });
    expect(findings.filter((f) => f.ruleId.startsWith('ram-'))).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toContain('vpc-not-found');
  });

  it('without inventory, existence is unknown: no vpc-not-found, no resource-group-not-found', async () => {
    const findings = await run('native', 'spec.yaml', { inventory: undefined });
    const ids = findings.map((f) => f.ruleId);
    expect(ids).not.toContain('vpc-not-found');
    expect(ids).not.toContain('resource-group-not-found');
    expect(ids).not.toContain('group-quota');
  });
});

describe('a Deny on ecs:* conditioned on a rule key', () => {
  it('is decided for CreateSecurityGroup and ModifySecurityGroupPolicy, which carry no rule key: only the rule it forbids is reported', async () => {
    const policy = {
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'ecs:*', Resource: '*', Condition: { StringLike: { 'ecs:SecurityGroupSourceCidrIps': '0.0.0.0/0' } } },
      ],
    };
    const dir = workspace({ '.git/x': '', '.sglint.yaml': 'accountId: "1234567890123456"\nram:\n  policies: [guard.json]\n', 'guard.json': JSON.stringify(policy) });
    const { config, problems } = await loadConfig({ cwd: dir });
    expect(problems).toEqual([]);
    const spec = [
      'securityGroups:',
      '  - RegionId: cn-hangzhou',
      '    VpcId: vpc-bp1opxu1zkhn00gzv1234',
      '    SecurityGroupName: web',
      '    InnerAccessPolicy: Drop',
      '    Permissions:',
      '      - {IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8}',
      '      - {IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 0.0.0.0/0}',
      '',
    ].join('\n');
    const { findings } = await lintSources([{ path: 'spec.yaml', text: spec }], config);
    expect(findings.filter((f) => f.ruleId.startsWith('ram-')).map(key)).toEqual([
      { ruleId: 'ram-authorize-denied', errorCode: 'Forbidden.RAM', line: 8, column: 9, endLine: 8, endColumn: 71 },
    ]);
  });
});

describe('a condition value that is null', () => {
  it('is ram-policy-malformed at the null, alone or in a list', async () => {
    const pol = [
      '{"Version": "1", "Statement": [',
      '  {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"ecs:SecurityGroupIpProtocols": null}}},',
      '  {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"acs:SourceIp": ["192.0.2.1", null]}}}',
      ']}',
      '',
    ].join('\n');
    const dir = workspace({ '.git/x': '', '.sglint.yaml': 'ram:\n  policies: [pol.json]\n', 'pol.json': pol });
    const { config, problems } = await loadConfig({ cwd: dir });
    expect(problems).toEqual([]);
    const spec = 'securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupName: web\n';
    const { findings } = await lintSources([{ path: 'spec.yaml', text: spec }], config);
    expect(findings.filter((f) => f.ruleId === 'ram-policy-malformed').map(key)).toEqual([
      { ruleId: 'ram-policy-malformed', errorCode: null, line: 2, column: 118, endLine: 2, endColumn: 122 },
      { ruleId: 'ram-policy-malformed', errorCode: null, line: 3, column: 115, endLine: 3, endColumn: 119 },
    ]);
  });
});

describe('a DescribeSecurityGroups export merged with --pager', () => {
  it('counts the groups it lists (it has no TotalCount) toward the quota', async () => {
    const dir = workspace({
      '.git/x': '',
      '.sglint.yaml': 'inventory:\n  - {path: sgs.json, region: cn-hangzhou}\nquota:\n  securityGroupsPerRegion: 2\n',
      'sgs.json': '{"SecurityGroups": {"SecurityGroup": [{"SecurityGroupId": "sg-bp1fg655nh68xyz91234"}, {"SecurityGroupId": "sg-bp1fg655nh68xyz91235"}]}}\n',
    });
    const { config, problems } = await loadConfig({ cwd: dir });
    expect(problems).toEqual([]);
    const spec = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: web\n';
    const { findings } = await lintSources([{ path: 'spec.yaml', text: spec }], config);
    expect(findings.map(key)).toEqual([{ ruleId: 'group-quota', errorCode: 'QuotaExceed.SecurityGroup', line: 2, column: 5, endLine: 4, endColumn: 27 }]);
  });
});

describe('an inventory entry whose region none of its VPCs is in', () => {
  it('is reported at the region in the config and does not close that region (no vpc-not-found)', async () => {
    const dir = workspace({
      '.git/x': '',
      '.sglint.yaml': 'inventory:\n  - path: vpcs.json\n    region: cn-hangzhou\n',
      'vpcs.json': '{"TotalCount": 1, "Vpcs": {"Vpc": [{"VpcId": "vpc-2zeaaaaaaaaaaaaaaaaaa", "RegionId": "cn-beijing", "Status": "Available"}]}}\n',
    });
    const { config, problems } = await loadConfig({ cwd: dir });
    expect(problems).toEqual([]);
    // A group in the mislabelled region, and one in the export's real region naming a VPC it does not list.
    const spec = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: web\n  - RegionId: cn-beijing\n    VpcId: vpc-2zebbbbbbbbbbbbbbbbbb\n    SecurityGroupName: db\n';
    const { findings } = await lintSources([{ path: 'spec.yaml', text: spec }], config);
    expect(findings.map((f) => ({ ...key(f), file: f.span.file.endsWith('.sglint.yaml') ? 'config' : f.span.file }))).toEqual([
      { ruleId: 'inventory-malformed', errorCode: null, line: 3, column: 13, endLine: 3, endColumn: 24, file: 'config' },
      { ruleId: 'vpc-not-found', errorCode: 'InvalidVpcId.NotFound', line: 6, column: 12, endLine: 6, endColumn: 37, file: 'spec.yaml' },
    ]);
  });
});

describe('broken prerequisites are located findings', () => {
  it('malformed policies, missing files, wrong inventory shapes and paged exports', async () => {
    const findings = await run('broken');
    const dir = rel(join(fixtures, 'broken'));
    const rows = findings.map((f) => `${f.ruleId} ${f.errorCode} ${f.span.file.replace(`${dir}/`, '')}:${f.span.line}:${f.span.column}`);
    expect(rows).toEqual([
      'ram-policy-not-found null .sglint.yaml:6:7',
      'inventory-malformed null .sglint.yaml:11:5',
      'ram-policy-malformed null iam/bad.json:2:14', // Version 1 (number)
      'ram-policy-malformed null iam/bad.json:4:17', // Effect "allow"
      'ram-policy-malformed null iam/bad.json:5:36', // action without service
      'ram-policy-malformed null iam/bad.json:5:76', // Principal
      'ram-policy-malformed null iam/bad.json:6:44', // Action and NotAction
      'ram-policy-malformed null iam/bad.json:7:77', // unknown condition operator
      'ram-policy-malformed null iam/syntax.json:1:34', // one syntax error, one finding
      // The unreadable policy and the account-specific Allow (no accountId): cannot prove, for both ARNs.
      'ram-cannot-prove Forbidden.RAM spec.yaml:3:5',
      'ram-cannot-prove Forbidden.RAM spec.yaml:4:12',
      'inventory-malformed null state/paged.json:2:17', // 1 of 25 VPCs: not a complete list
      'inventory-malformed null state/wrong.json:1:1',
    ]);
    // The incomplete VPC export does not close the region: no vpc-not-found.
    expect(findings.map((f) => f.ruleId)).not.toContain('vpc-not-found');
  });
});

describe('a byte order mark in the config file and in a policy file', () => {
  it('is dropped, as in inputs: the files are read, findings placed on the right columns', async () => {
    const dir = workspace({
      '.git/x': '',
      '.sglint.json': '\uFEFF{"region": "cn-hangzhou", "ram": {"policies": ["pol.json"]}}\r\n',
      'pol.json': '\uFEFF{"Version": "1", "Statement": [{"Effect": "Alow", "Action": "ecs:*", "Resource": "*"}]}\r\n',
    });
    const { config, problems } = await loadConfig({ cwd: dir });
    expect(problems).toEqual([]);
    const spec = "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: web\n";
    const { findings } = await lintSources([{ path: 't.ros.yaml', text: spec }], config);
    const malformed = findings.filter((f) => f.ruleId === 'ram-policy-malformed');
    expect(malformed.map((f) => [f.span.file.endsWith('pol.json'), key(f)])).toEqual([
      [true, { ruleId: 'ram-policy-malformed', errorCode: null, line: 1, column: 43, endLine: 1, endColumn: 49 }],
    ]);
  });
});

describe('a directory walk that meets the config file and a policy file', () => {
  // Both are skipped as inputs (neither is a security-group input), yet the findings placed in them are
  // reported and fail the run, as when the spec alone is named.
  it('reports the findings placed in them', async () => {
    const dir = workspace({
      '.git/x': '',
      '.sglint.yaml': 'accountId: "1234567890123456"\nram:\n  policies:\n    - iam/p.json\ninventory:\n  - state/vpcs.json\n',
      'iam/p.json': '{"Version": 1, "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]}\n',
      'sg.yaml': 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: web\n',
    });
    for (const args of [['-f', 'json'], ['-f', 'json', '.'], ['-f', 'json', 'sg.yaml']]) {
      const { status, stdout } = await cliInProcess(args, dir);
      const rows = (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; errorCode: string | null; line: number; column: number }[] }[]).flatMap((r) =>
        r.messages.map((m) => `${m.ruleId} ${m.errorCode} ${r.filePath}:${m.line}:${m.column}`),
      );
      expect(rows, args.join(' ')).toEqual(['inventory-malformed null .sglint.yaml:6:5', 'ram-policy-malformed null iam/p.json:1:13']);
      expect(status, args.join(' ')).toBe(1);
    }
  });
});
