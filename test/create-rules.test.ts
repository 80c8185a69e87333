// One valid and one invalid case per CreateSecurityGroup constraint, asserting rule id, API code and span.
import { describe, expect, it } from 'vitest';
import { key, lintFiles } from './helpers.ts';
import { fastJson, fastYaml } from '../src/load/fast.ts';
import { PERMISSION_PARAMS, SG_PARAMS } from '../src/model.ts';

const group = (...lines: string[]) => `securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n${lines.map((l) => `    ${l}\n`).join('')}`;
const at = (ruleId: string, errorCode: string | null, line: number, column: number, endLine: number, endColumn: number) => ({ ruleId, errorCode, line, column, endLine, endColumn });

async function check(text: string, config = {}) {
  return (await lintFiles({ 'spec.yaml': text }, config)).map(key);
}

describe('CreateSecurityGroup constraints', () => {
  const cases: [string, string, ReturnType<typeof at>[], Record<string, unknown>?][] = [
    ['RegionId required', 'securityGroups:\n  - SecurityGroupName: web\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n', [at('region-required', null, 2, 5, 3, 37)]],
    ['RegionId unknown', 'securityGroups:\n  - RegionId: cn-hangzou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n', [at('region-unknown', 'InvalidRegionId.NotFound', 2, 15, 2, 25)]],
    ['RegionId closed (warning)', 'securityGroups:\n  - RegionId: ap-southeast-2\n    VpcId: vpc-p0w9alkte4w2htrqe1234\n', [at('region-closed', 'InvalidRegionId.NotFound', 2, 15, 2, 29)]],
    ['name starts with a digit', group('SecurityGroupName: 1web'), [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 28)]],
    ['name too short', group('SecurityGroupName: w'), [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 25)]],
    ['name too long', group(`SecurityGroupName: w${'x'.repeat(128)}`), [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 153)]],
    ['name with a space', group('SecurityGroupName: "web app"'), [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 33)]],
    ['name starting with http://', group('SecurityGroupName: "http://web"'), [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 36)]],
    ['name with a colon (warning only)', group('SecurityGroupName: "web:a"'), [at('name-uncertain-characters', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 31)]],
    ['description too short', group('Description: x'), [at('description-malformed', 'InvalidDescription.Malformed', 4, 18, 4, 19)]],
    ['description too long', group(`Description: ${'d'.repeat(257)}`), [at('description-malformed', 'InvalidDescription.Malformed', 4, 18, 4, 275)]],
    ['description starting with https://', group('Description: https://x'), [at('description-malformed', 'InvalidDescription.Malformed', 4, 18, 4, 27)]],
    ['type not normal/enterprise', group('SecurityGroupType: basic'), [at('group-type-invalid', 'InvalidParams.GroupType', 4, 24, 4, 29)]],
    ['enterprise without VpcId', 'securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupType: enterprise\n', [at('enterprise-needs-vpc', 'InvalidParams.VpcIdGroupType', 3, 24, 3, 34)]],
    ['VpcId missing where no classic network', 'securityGroups:\n  - RegionId: eu-central-1\n    SecurityGroupName: web\n', [at('vpc-required-in-region', 'InvalidVpcId.NotFound', 2, 5, 3, 27)]],
    ['VpcId malformed', 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-XYZ\n', [at('vpc-id-malformed', 'InvalidVpcId.NotFound', 3, 12, 3, 19)]],
    ['VpcId in another region', 'securityGroups:\n  - RegionId: cn-shanghai\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\nvpcs:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n    RegionId: cn-hangzhou\n', [at('vpc-wrong-region', 'InvalidVpcId.NotFound', 3, 12, 3, 37)]],
    ['VPC Pending', 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\nvpcs:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n    RegionId: cn-hangzhou\n    Status: Pending\n', [at('vpc-not-available', 'IncorrectVpcStatus', 3, 12, 3, 37)]],
    ['VPC status written in lower case', 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\nvpcs:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n    RegionId: cn-hangzhou\n    Status: available\n', []],
    ['VPC pending, in lower case', 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\nvpcs:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n    RegionId: cn-hangzhou\n    Status: pending\n', [at('vpc-not-available', 'IncorrectVpcStatus', 3, 12, 3, 37)]],
    ['tag key acs:', group('Tag:', '  - Key: "acs:x"', '    Value: v'), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 14, 5, 21)]],
    ['tag key aliyun', group('Tag:', '  - Key: aliyunx', '    Value: v'), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 14, 5, 21)]],
    ['tag key empty', group('Tag:', '  - Key: ""', '    Value: v'), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 14, 5, 16)]],
    ['tag key too long', group('Tag:', `  - Key: ${'k'.repeat(129)}`), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 14, 5, 143)]],
    ['tag key with https://', group('Tag:', '  - Key: "a-https://b"'), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 14, 5, 27)]],
    ['tag value with http://', group('Tag:', '  - Key: k', '    Value: "x http://y"'), [at('tag-value-malformed', 'InvalidTagValue.Malformed', 6, 16, 6, 28)]],
    ['tag value too long', group('Tag:', '  - Key: k', `    Value: ${'v'.repeat(129)}`), [at('tag-value-malformed', 'InvalidTagValue.Malformed', 6, 16, 6, 145)]],
    ['duplicate tag key', group('Tag:', '  - Key: k', '    Value: a', '  - Key: k', '    Value: b'), [at('tag-key-duplicate', 'Duplicate.TagKey', 7, 14, 7, 15)]],
    // A YAML alias repeating a whole tag: placed on the alias, not on the key both share.
    ['duplicate tag by alias', group('Tag:', '  - &t {Key: k, Value: a}', '  - *t'), [at('tag-key-duplicate', 'Duplicate.TagKey', 6, 9, 6, 11)]],
    ['21 tags', group('Tag:', ...Array.from({ length: 21 }, (_, i) => `  - {Key: k${i}, Value: v}`)), [at('tag-count', 'QuotaExceed.Tags', 25, 9, 25, 29)]],
    ['ClientToken reused', `${group('SecurityGroupName: web-a', 'ClientToken: t-1')}  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: web-b\n    ClientToken: t-1\n`, [at('client-token-reused', 'IdempotentProcessing', 9, 18, 9, 21)]],
    ['ClientToken non-ASCII', group('ClientToken: jeton-é'), [at('client-token-malformed', null, 4, 18, 4, 25)]],
    ['ClientToken too long', group(`ClientToken: ${'t'.repeat(65)}`), [at('client-token-malformed', null, 4, 18, 4, 83)]],
    ['ServiceManaged set', group('ServiceManaged: false'), [at('service-managed-set', null, 4, 21, 4, 26)]],
    ['ResourceGroupId malformed', group('ResourceGroupId: default'), [at('resource-group-malformed', 'InvalidResourceGroup.NotFound', 4, 22, 4, 29)]],
    ['InnerAccessPolicy invalid', group('InnerAccessPolicy: Allow'), [at('inner-access-policy-invalid', 'InvalidPolicy.Malformed', 4, 24, 4, 29)]],
    ['InnerAccessPolicy Accept on enterprise', group('SecurityGroupType: enterprise', 'InnerAccessPolicy: Accept'), [at('inner-access-policy-enterprise', null, 5, 24, 5, 30)]],
    ['quota', `${group('SecurityGroupName: web-a')}${group('SecurityGroupName: web-b').replace('securityGroups:\n', '')}`, [at('group-quota', 'QuotaExceed.SecurityGroup', 5, 5, 7, 29)], { quota: { securityGroupsPerRegion: 1, rulesPerGroup: 200 } }],
    // Each document of a YAML file is read on its own: the first group of each is another group.
    ['quota, one group in each of two documents', `${group('SecurityGroupName: web-a')}---\n${group('SecurityGroupName: web-b')}`, [at('group-quota', 'QuotaExceed.SecurityGroup', 7, 5, 9, 29)], { quota: { securityGroupsPerRegion: 1, rulesPerGroup: 200 } }],
  ];
  for (const [name, text, expected, config] of cases) {
    it(`invalid: ${name}`, async () => {
      expect(await check(text, config)).toEqual(expected);
    });
  }

  it('a URL scheme in capitals, which the reference does not name: the same finding as a warning', async () => {
    const severities = async (text: string) => (await lintFiles({ 'spec.yaml': text })).map((f) => [f.ruleId, f.errorCode, f.severity]);
    expect(await severities(group('Description: HTTPS://wiki/web', 'Tag:', '  - {Key: "see HTTP://x", Value: "HTTPS://y"}'))).toEqual([
      ['description-malformed', 'InvalidDescription.Malformed', 'warning'],
      ['tag-key-malformed', 'InvalidTagKey.Malformed', 'warning'],
      ['tag-value-malformed', 'InvalidTagValue.Malformed', 'warning'],
    ]);
    expect(await severities(group('Description: https://wiki/web', 'Tag:', '  - {Key: "see http://x", Value: "https://y"}'))).toEqual([
      ['description-malformed', 'InvalidDescription.Malformed', 'error'],
      ['tag-key-malformed', 'InvalidTagKey.Malformed', 'error'],
      ['tag-value-malformed', 'InvalidTagValue.Malformed', 'error'],
    ]);
  });

  it('a tag without a Key: a warning in a native spec (the API marks Key optional), an error in a ROS template (Key required)', async () => {
    const spec = (await lintFiles({ 'spec.yaml': group('Tag:', '  - Value: orphan') })).map((f) => [f.ruleId, f.severity, f.span.line, f.span.column]);
    expect(spec).toEqual([['tag-key-malformed', 'warning', 5, 9]]);
    const ros =
      'ROSTemplateFormatVersion: "2015-09-01"\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      Tags:\n        - Value: orphan\n';
    const found = (await lintFiles({ 't.ros.yaml': ros }, { region: 'cn-hangzhou' })).filter((f) => f.ruleId === 'tag-key-malformed').map((f) => [f.severity, f.span.line]);
    expect(found).toEqual([['error', 8]]);
  });

  it('an empty VpcId where a VPC is required: reported at the value', async () => {
    expect(await check('securityGroups:\n  - RegionId: eu-central-1\n    VpcId: ""\n')).toEqual([at('vpc-required-in-region', 'InvalidVpcId.NotFound', 3, 12, 3, 14)]);
  });

  it('an empty RegionId is a missing one, not an unknown region; an empty SecurityGroupType is the default', async () => {
    expect(await check('region: cn-hangzhou\nsecurityGroups:\n  - RegionId: ""\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n')).toEqual([at('region-required', null, 3, 15, 3, 17)]);
    // No other rule reads it as a region called "": no classic-network, VPC-region or quota finding.
    const others = 'securityGroups:\n  - RegionId: ""\n  - RegionId: ""\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\nvpcs:\n  - {VpcId: vpc-bp1opxu1zkhn00gzv1234, RegionId: cn-hangzhou, Status: Available}\n';
    expect((await check(others, { quota: { securityGroupsPerRegion: 0, rulesPerGroup: 200 } })).map((f) => f.ruleId)).toEqual(['region-required', 'region-required']);
    expect(await check(group('SecurityGroupType: ""'))).toEqual([]);
  });

  it('group quota: past the default of at least 100 a warning, past a configured quota (or a configured severity) an error', async () => {
    const spec = `securityGroups:\n${'  - {RegionId: cn-hangzhou, VpcId: vpc-bp1opxu1zkhn00gzv1234}\n'.repeat(101)}`;
    const quota = async (config: Record<string, unknown>) =>
      (await lintFiles({ 'spec.yaml': spec }, config)).filter((f) => f.ruleId === 'group-quota').map((f) => [f.errorCode, f.severity, f.span.line]);
    expect(await quota({})).toEqual([['QuotaExceed.SecurityGroup', 'warning', 102]]);
    expect(await quota({ quota: { securityGroupsPerRegion: 100, rulesPerGroup: 200 } })).toEqual([['QuotaExceed.SecurityGroup', 'error', 102]]);
    expect(await quota({ rules: { 'group-quota': 'error' } })).toEqual([['QuotaExceed.SecurityGroup', 'error', 102]]);
    expect(await quota({ quota: { securityGroupsPerRegion: 101, rulesPerGroup: 200 } })).toEqual([]);
  });

  it('valid: a complete, correct group has no finding', async () => {
    const text = group(
      'SecurityGroupName: 前端-web_1.a',
      'Description: Web tier',
      'SecurityGroupType: normal',
      'ResourceGroupId: rg-bp67acfmxazb4p1234',
      'ClientToken: 123e4567-e89b-12d3-a456-426655440000',
      'InnerAccessPolicy: accept',
      'Tag:',
      ...Array.from({ length: 20 }, (_, i) => `  - {Key: k${i}, Value: ""}`),
    );
    expect(await check(text)).toEqual([at('name-uncertain-characters', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 34)]);
  });

  it('valid: same token on identical requests, empty name and description, classic region without VPC', async () => {
    const text = 'securityGroups:\n  - {RegionId: cn-hangzhou, SecurityGroupName: "", Description: "", ClientToken: t}\n  - {RegionId: cn-hangzhou, SecurityGroupName: "", Description: "", ClientToken: t}\n';
    expect(await check(text)).toEqual([]);
  });

  it('valid: --region fills a missing RegionId; unknown values are never guessed', async () => {
    expect(await check('securityGroups:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n', { region: 'cn-hangzhou' })).toEqual([]);
  });

  it('flattened request form and legacy lowercase tags', async () => {
    const f = await lintFiles({ 'req.yaml': 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nTag.1.key: "acs:a"\nTag.1.value: v\nTag.2.Key: k\nTag.2.Value: v\n' });
    expect(f.map(key)).toEqual([
      at('tag-legacy-lowercase', null, 3, 1, 3, 10),
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 3, 12, 3, 19),
      at('tag-legacy-lowercase', null, 4, 1, 4, 12),
    ]);
  });

  it('unknown key with did-you-mean, and non-spec YAML is skipped', async () => {
    const f = await lintFiles({ 'a.yaml': group('SecurityGroupname: web'), 'workflow.yaml': 'on: push\njobs: {}\n' });
    expect(f.map(key)).toEqual([at('spec-unknown-key', null, 4, 5, 4, 22)]);
    expect(f[0]!.message).toContain('SecurityGroupName');
  });

  it('top-level x- keys are extension fields (YAML anchors): not reported, other unknown top-level keys are', async () => {
    const text = 'x-defaults: &d\n  RegionId: cn-hangzhou\n  VpcId: vpc-bp1opxu1zkhn00gzv1234\ndefaults: 1\nsecurityGroups:\n  - <<: *d\n    SecurityGroupName: 1web\n';
    const f = await lintFiles({ 'a.yaml': text });
    expect(f.map(key)).toEqual([at('spec-unknown-key', null, 4, 1, 4, 9), at('name-malformed', 'InvalidSecurityGroupName.Malformed', 7, 24, 7, 28)]);
  });

  it('top-level x- keys of a one-request file are extension fields too', async () => {
    const text = 'x-tags: &tags\n  - {Key: env, Value: prod}\nRegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nSecurityGroupName: 1web\nTag: *tags\nx_other: 1\n';
    expect((await lintFiles({ 'request.yaml': text })).map(key)).toEqual([at('name-malformed', 'InvalidSecurityGroupName.Malformed', 5, 20, 5, 24), at('spec-unknown-key', null, 7, 1, 7, 8)]);
  });

  it('a key written after `<<: *defaults` overrides the merged one, as YAML merge keys define', async () => {
    const defaults = 'x-defaults: &d\n  RegionId: cn-hangzhou\n  VpcId: vpc-bp1opxu1zkhn00gzv1234\n  Tag:\n    - {Key: team, Value: "https://fill-me-in"}\n  Permissions:\n    - {IpProtocol: tcp, PortRange: 0/0, SourceCidrIp: 10.0.0.0/8}\n';
    const own = '    Tag:\n      - {Key: "acs:team", Value: web}\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 22/21, SourceCidrIp: 10.0.0.0/8}\n';
    // Only the group's own Tag and Permissions are sent: their mistakes are reported, not the defaults'.
    const f = await lintFiles({ 'a.yaml': `${defaults}securityGroups:\n  - <<: *d\n    SecurityGroupName: web\n${own}` });
    expect(f.map(key)).toEqual([
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 12, 15, 12, 25),
      at('rule-port-range-malformed', 'InvalidParam.PortRange', 14, 38, 14, 43),
    ]);
    // The same when the own keys come before the merge.
    const before = await lintFiles({ 'a.yaml': `${defaults}securityGroups:\n  - SecurityGroupName: web\n${own}    <<: *d\n` });
    expect(before.map(key)).toEqual([
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 11, 15, 11, 25),
      at('rule-port-range-malformed', 'InvalidParam.PortRange', 13, 38, 13, 43),
    ]);
  });

  it('merge keys under a `%YAML 1.1` directive are merged too', async () => {
    const text = 'x-defaults: &d\n  RegionId: cn-hangzhou\n  VpcId: vpc-bp1opxu1zkhn00gzv1234\n  Description: 1\nsecurityGroups:\n  - <<: *d\n    SecurityGroupName: web\n';
    const expected = (line: number) => [at('description-malformed', 'InvalidDescription.Malformed', line, 16, line, 17)];
    expect((await lintFiles({ 'a.yaml': text })).map(key)).toEqual(expected(4));
    expect((await lintFiles({ 'a.yaml': `%YAML 1.1\n---\n${text}` })).map(key)).toEqual(expected(6));
  });

  it('JSON specs give the same spans as YAML would', async () => {
    const f = await lintFiles({ 'a.json': '{\n  "securityGroups": [\n    {"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "SecurityGroupName": "1web"}\n  ]\n}\n' });
    expect(f.map(key)).toEqual([at('name-malformed', 'InvalidSecurityGroupName.Malformed', 3, 92, 3, 98)]);
  });
});

/**
 * Findings of a native spec as the fast parser reads it, checked to be the same as the full parser's: a
 * trailing document end (YAML `...`) or comment (JSON) sends the same text to the full parser.
 */
async function checkBoth(text: string, path = 'spec.yaml', config = {}) {
  const json = path.endsWith('.json');
  const fast = json ? fastJson : fastYaml;
  const full = text + (json ? '// the full parser reads comments\n' : '...\n');
  expect(fast(path, text), 'the fast parser reads the text').toBeDefined();
  expect(fast(path, full), 'the fast parser leaves the text to the full parser').toBeUndefined();
  const found = (await lintFiles({ [path]: text }, config)).map(key);
  expect((await lintFiles({ [path]: full }, config)).map(key), 'the full parser finds the same').toEqual(found);
  return found;
}

describe('native spec values: null is absent', () => {
  const cases: [string, string, ReturnType<typeof at>[], string?][] = [
    ['RegionId with no value', 'securityGroups:\n  - RegionId:\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n', [at('region-required', null, 2, 5, 3, 37)]],
    ['RegionId: ~', 'securityGroups:\n  - RegionId: ~\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n', [at('region-required', null, 2, 5, 3, 37)]],
    ['"RegionId": null (JSON)', '{"securityGroups": [{"RegionId": null, "VpcId": "vpc-bp1opxu1zkhn00gzv1234"}]}\n', [at('region-required', null, 1, 21, 1, 77)], 'spec.json'],
    ['a null RegionId takes the file-level region', 'region: cn-hangzou\nsecurityGroups:\n  - RegionId: ~\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n', [at('region-unknown', 'InvalidRegionId.NotFound', 1, 9, 1, 19)]],
    ['a null file-level region is no region', 'region:\nsecurityGroups:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n', [at('region-required', null, 3, 5, 3, 37)]],
    ['enterprise with VpcId: ~', 'securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupType: enterprise\n    VpcId: ~\n', [at('enterprise-needs-vpc', 'InvalidParams.VpcIdGroupType', 3, 24, 3, 34)]],
    ['"VpcId": null on an enterprise group (JSON)', '{"securityGroups": [{"RegionId": "cn-hangzhou", "SecurityGroupType": "enterprise", "VpcId": null}]}\n', [at('enterprise-needs-vpc', 'InvalidParams.VpcIdGroupType', 1, 70, 1, 82)], 'spec.json'],
    ['VpcId with no value where there is no classic network', 'securityGroups:\n  - RegionId: eu-central-1\n    VpcId:\n    SecurityGroupName: web\n', [at('vpc-required-in-region', 'InvalidVpcId.NotFound', 2, 5, 4, 27)]],
    ['tag Key: ~', group('Tag:', '  - Key: ~', '    Value: v'), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 14, 5, 15)]],
    ['tag Key with no value', group('Tag:', '  - Value: v', '    Key:'), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 6, 13, 6, 13)]],
    ['tag "Key": null (JSON)', '{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "Tag": [{"Key": null, "Value": "v"}]}\n', [at('tag-key-malformed', 'InvalidTagKey.Malformed', 1, 83, 1, 87)], 'spec.json'],
    // An empty and a null tag value are one value: two requests differing only so are one request.
    ['a null tag Value is the empty value', `${group('ClientToken: t', 'Tag:', '  - Key: k', '    Value: ~')}  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    ClientToken: t\n    Tag:\n      - Key: k\n        Value: ""\n`, []],
    // A list parameter with no value is not set either: the group is checked without tags or rules.
    ['Tag and Permissions with no value', group('Tag:', 'Permissions:', 'SecurityGroupName: 1web'), [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 6, 24, 6, 28)]],
    ['Tag: ~ and Permissions: ~', group('Tag: ~', 'Permissions: ~', 'SecurityGroupName: 1web'), [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 6, 24, 6, 28)]],
    ['"Tag": null and "Permissions": null (JSON request)', '{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "Tag": null, "Permissions": null, "SecurityGroupName": "1web"}\n', [at('name-malformed', 'InvalidSecurityGroupName.Malformed', 1, 122, 1, 128)], 'spec.json'],
    ['a rule with PortRange: ~ has none', group('Permissions:', '  - IpProtocol: tcp', '    PortRange: ~', '    SourceCidrIp: 10.0.0.0/8'), [at('rule-port-range-missing', 'InvalidPortRange.Malformed', 5, 9, 7, 33)]],
  ];
  for (const [name, text, expected, path] of cases) {
    it(name, async () => {
      expect(await checkBoth(text, path)).toEqual(expected);
    });
  }
});

/** The span of the first occurrence of `needle` in a text (on one or more lines). */
function spanOf(text: string, needle: string) {
  const start = text.indexOf(needle);
  expect(start, needle).toBeGreaterThanOrEqual(0);
  const pos = (o: number) => ({ line: text.slice(0, o).split('\n').length, column: o - text.lastIndexOf('\n', o - 1) });
  const a = pos(start);
  const b = pos(start + needle.length);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

describe('native spec values: a list or a map where a parameter takes one value', () => {
  const shapeAt = (text: string, needle: string) => [{ ruleId: 'spec-shape', errorCode: null, ...spanOf(text, needle) }];
  const listOf = (indent: string) => `- a\n${indent}  - b`;
  /** YAML lines `name: value` indented by `indent`, with `name` given a block list (listOf) instead. */
  const fields = (base: [string, string][], name: string, indent: string) =>
    [...base.filter(([k]) => k !== name).map(([k, v]) => `${k}: ${v}`), `${name}:\n${indent}  ${listOf(indent)}`].map((l) => indent + l).join('\n');
  const GROUP: [string, string][] = [['RegionId', 'cn-hangzhou'], ['VpcId', 'vpc-bp1opxu1zkhn00gzv1234']];
  // A rule with one source of the family of the field under test (IPv4 and IPv6 in one rule would conflict).
  const rule = (name: string): [string, string][] => [['IpProtocol', 'tcp'], ['PortRange', '22/22'], name.startsWith('Ipv6') ? ['Ipv6SourceCidrIp', '"2001:db8::/32"'] : ['SourceCidrIp', '10.0.0.0/8']];

  for (const name of SG_PARAMS) {
    it(`group ${name}`, async () => {
      const text = `securityGroups:\n  - ${fields(GROUP, name, '    ').trimStart()}\n`;
      expect(await checkBoth(text)).toEqual(shapeAt(text, listOf('    ')));
    });
  }
  for (const name of ['Direction', ...PERMISSION_PARAMS]) {
    it(`rule ${name}`, async () => {
      const text = `${group('Permissions:')}      - ${fields(rule(name), name, '        ').trimStart()}\n`;
      expect(await checkBoth(text)).toEqual(shapeAt(text, listOf('        ')));
    });
  }
  for (const name of ['Key', 'Value']) {
    it(`tag ${name}`, async () => {
      const text = `${group('Tag:')}      - ${fields([['Key', 'k'], ['Value', 'v']], name, '        ').trimStart()}\n`;
      expect(await checkBoth(text)).toEqual(shapeAt(text, listOf('        ')));
    });
  }
  for (const name of ['VpcId', 'RegionId', 'Status', 'CidrBlock', 'VpcName']) {
    it(`vpc ${name}`, async () => {
      const text = `${group()}vpcs:\n  - ${fields([['VpcId', 'vpc-bp1opxu1zkhn00gzv1234'], ['RegionId', 'cn-hangzhou'], ['Status', 'Available']], name, '    ').trimStart()}\n`;
      expect(await checkBoth(text)).toEqual(shapeAt(text, listOf('    ')));
    });
  }
  it('file-level region', async () => {
    const text = `region:\n  - a\n  - b\nsecurityGroups:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n`;
    expect(await checkBoth(text)).toEqual(shapeAt(text, listOf('')));
  });
  it('maps, in YAML and JSON', async () => {
    const yaml = group('Description:', '  x: 1');
    expect(await checkBoth(yaml)).toEqual(shapeAt(yaml, 'x: 1'));
    const json = '{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "SecurityGroupName": ["a", "b"], "Tag": [{"Key": {"x": 1}}]}\n';
    expect(await checkBoth(json, 'spec.json')).toEqual([...shapeAt(json, '["a", "b"]'), ...shapeAt(json, '{"x": 1}')]);
  });
});

describe('native spec values: numbers and booleans given for strings are the text written', () => {
  /** Another group of the list `group()` starts. */
  const another = (...lines: string[]) => group(...lines).replace('securityGroups:\n', '');
  const cases: [string, string, ReturnType<typeof at>[], string?][] = [
    [
      'tokens that one double would round together are different tokens',
      group('SecurityGroupName: web-a', 'ClientToken: 1719650000000000001') + another('SecurityGroupName: web-b', 'ClientToken: 1719650000000000002') + another('SecurityGroupName: web-c', 'ClientToken: 1719650000000000001'),
      [at('client-token-reused', 'IdempotentProcessing', 13, 18, 13, 37)],
    ],
    [
      'tokens that one double would round together are different tokens (JSON)',
      '{"securityGroups": [\n{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "SecurityGroupName": "web-a", "ClientToken": 1719650000000000001},\n{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "SecurityGroupName": "web-b", "ClientToken": 1719650000000000002}\n]}\n',
      [],
      'spec.json',
    ],
    ['tokens differing in the case of a boolean are different tokens', group('SecurityGroupName: web-a', 'ClientToken: TRUE') + another('SecurityGroupName: web-b', 'ClientToken: true'), []],
    ['a 65-digit ClientToken is too long', group(`ClientToken: ${'1'.repeat(65)}`), [at('client-token-malformed', null, 4, 18, 4, 83)]],
    ['Description: 1.0 is three characters', group('Description: 1.0'), []],
    ['"Description": 1.0 is three characters (JSON)', '{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "Description": 1.0}\n', [], 'spec.json'],
    ['a 129-digit tag key is too long', group('Tag:', `  - Key: ${'1'.repeat(129)}`), [at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 14, 5, 143)]],
    ['a 129-digit tag value is too long', group('Tag:', '  - Key: k', `    Value: ${'1'.repeat(129)}`), [at('tag-value-malformed', 'InvalidTagValue.Malformed', 6, 16, 6, 145)]],
    [
      'a 513-digit rule Description is too long',
      group('Permissions:', '  - IpProtocol: tcp', '    PortRange: 22/22', '    SourceCidrIp: 10.0.0.0/8', `    Description: ${'1'.repeat(513)}`),
      [at('rule-description-malformed', 'InvalidSecurityGroupDiscription.Malformed', 8, 22, 8, 535)],
    ],
  ];
  for (const [name, text, expected, path] of cases) {
    it(name, async () => {
      expect(await checkBoth(text, path)).toEqual(expected);
    });
  }
  it('a value reached through a YAML alias keeps the text written at its anchor', async () => {
    const text =
      'x-release: &release 2.0\nx-token: &token 1719650000000000001\n' +
      group('SecurityGroupName: web-a', 'Description: *release', 'ClientToken: *token') +
      another('SecurityGroupName: web-b', 'ClientToken: 1719650000000000000') +
      another('SecurityGroupName: web-c', 'ClientToken: *token');
    expect((await lintFiles({ 'spec.yaml': text })).map(key)).toEqual([at('client-token-reused', 'IdempotentProcessing', 16, 18, 16, 24)]);
  });
});

describe('native spec values: a no-break or ideographic space ending a plain value is part of it', () => {
  for (const [name, space] of [['NBSP', '\u00a0'], ['U+3000', '\u3000']]) {
    it(`${name}: both parsers place the finding on the value with the space`, async () => {
      expect(await checkBoth(group(`SecurityGroupName: web${space}`))).toEqual([at('name-malformed', 'InvalidSecurityGroupName.Malformed', 4, 24, 4, 28)]);
      // The character is named by its code point, which a space-like character shown as is would hide.
      expect((await lintFiles({ 'spec.yaml': group(`SecurityGroupName: web${space}`) }))[0]!.message).toContain(`U+${space.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    });
  }
});

describe('the flattened query form: the N of Tag.N and Permissions.N', () => {
  const request = (...lines: string[]) => `RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\n${lines.map((l) => `${l}\n`).join('')}`;
  const rule = (n: string) => [`Permissions.${n}.IpProtocol: tcp`, `Permissions.${n}.PortRange: 22/22`, `Permissions.${n}.SourceCidrIp: 10.0.0.0/8`];
  const cases: [string, string, ReturnType<typeof at>[], string?][] = [
    ['Tag.0', request('Tag.0.Key: env', 'Tag.0.Value: prod'), [at('spec-shape', null, 3, 1, 3, 10), at('spec-shape', null, 4, 1, 4, 12)]],
    ['Tag.01 is not Tag.1', request('Tag.01.Key: env', 'Tag.1.Value: prod'), [at('spec-shape', null, 3, 1, 3, 11), at('tag-key-malformed', 'InvalidTagKey.Malformed', 4, 1, 4, 18)]],
    ['"Tag.01.Key" (JSON)', '{"RegionId": "cn-hangzhou", "VpcId": "vpc-bp1opxu1zkhn00gzv1234", "Tag.01.Key": "env"}\n', [at('spec-shape', null, 1, 67, 1, 79)], 'req.json'],
    ['Tag.25, above 20', request('Tag.25.Key: env', 'Tag.25.Value: prod'), [at('tag-count', 'QuotaExceed.Tags', 3, 1, 3, 11)]],
    ['Tag.1 to Tag.21: the 21st is reported once, at its N', request(...Array.from({ length: 21 }, (_, i) => [`Tag.${i + 1}.Key: k${i}`, `Tag.${i + 1}.Value: v`]).flat()), [at('tag-count', 'QuotaExceed.Tags', 43, 1, 43, 11)]],
    ['Permissions.0', request(...rule('0')), [at('spec-shape', null, 3, 1, 3, 25), at('spec-shape', null, 4, 1, 4, 24), at('spec-shape', null, 5, 1, 5, 27)]],
    ['Permissions.007 is not Permissions.7', request(...rule('007')), [at('spec-shape', null, 3, 1, 3, 27), at('spec-shape', null, 4, 1, 4, 26), at('spec-shape', null, 5, 1, 5, 29)]],
    ['Permissions.101, above 100', request(...rule('101')), [at('rule-request-too-many', null, 3, 1, 3, 27)]],
  ];
  for (const [name, text, expected, path] of cases) {
    it(name, async () => {
      expect(await checkBoth(text, path)).toEqual(expected);
    });
  }
});
