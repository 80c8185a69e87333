// ROS resource Metadata (JSON has no comments) and config waivers.
import { describe, expect, it } from 'vitest';
import { applySuppressions, metadataSuppressions } from '../../src/engine/suppress.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import { catalog } from '../../rules/index.ts';
import { configFromYaml, key, lintFiles } from '../helpers.ts';
import type { Finding } from '../../src/engine/rule.ts';

const TODAY = '2026-06-15';

const TEMPLATE = `{
  "ROSTemplateFormatVersion": "2015-09-01",
  "Resources": {
    "WebSg": {
      "Type": "ALIYUN::ECS::SecurityGroup",
      "Metadata": { "sglint": { "ignore": [
        { "rule": "name-malformed", "reason": "imported from the old account" },
        { "rule": ["description-malformed"], "reason": "kept", "expires": "2026-01-01" }
      ] } },
      "Properties": { "SecurityGroupName": "1web", "VpcId": "vpc-bp1opxu1zkhn00gzv1234" }
    },
    "DbSg": {
      "Type": "ALIYUN::ECS::SecurityGroup",
      "Metadata": { "sglint": { "ignore": [ { "rule": "name-malformed" } ] } },
      "Properties": { "SecurityGroupName": "2db", "VpcId": "vpc-bp1opxu1zkhn00gzv1234" }
    }
  }
}
`;

function finding(resource: string, line: number, column: number, ruleId = 'name-malformed'): Finding {
  const rule = catalog.find((r) => r.id === ruleId)!;
  return { ruleId, errorCode: rule.api.errorCode, httpStatus: rule.api.httpStatus, severity: rule.severity, message: 'm', span: { file: 'template.json', line, column, endLine: line, endColumn: column + 6 }, resource };
}

describe('ROS Metadata.sglint.ignore', () => {
  it('reads each entry with its resource and span', () => {
    const s = metadataSuppressions('template.json', TEMPLATE);
    expect(s.map((x) => [x.resource, x.ids, x.expires, x.problems.length, x.span.line, x.span.column])).toEqual([
      ['Resources.WebSg', ['name-malformed'], undefined, 0, 7, 9],
      ['Resources.WebSg', ['description-malformed'], '2026-01-01', 0, 8, 9],
      ['Resources.DbSg', ['name-malformed'], undefined, 1, 14, 45],
    ]);
  });

  it('suppresses the resource\'s findings; an entry without reason, or expired, does not', async () => {
    const findings = [finding('Resources.WebSg', 10, 45), finding('Resources.WebSg', 10, 80, 'description-malformed'), finding('Resources.DbSg', 15, 45)];
    const result = { files: [{ path: 'template.json', status: 'checked' as const, findings, source: TEMPLATE }], findings };
    const out = (await applySuppressions(result, defaultConfig(), catalog, TODAY)).findings.map(key);
    expect(out).toEqual([
      { ruleId: 'suppression-expired', errorCode: null, line: 8, column: 9, endLine: 8, endColumn: 89 },
      { ruleId: 'description-malformed', errorCode: 'InvalidDescription.Malformed', line: 10, column: 80, endLine: 10, endColumn: 86 },
      { ruleId: 'suppression-invalid', errorCode: null, line: 14, column: 45, endLine: 14, endColumn: 73 },
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 15, column: 45, endLine: 15, endColumn: 51 },
    ]);
  });

  it('is ignored in files that are not ROS templates', () => {
    expect(metadataSuppressions('other.json', TEMPLATE.replace('ROSTemplateFormatVersion', 'Version'))).toEqual([]);
  });
});

describe('config waivers', () => {
  const SPEC = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';

  it('suppress by rule id or error code, limited by path globs and resources', async () => {
    const cfg = async (w: string) => ({ ...(await configFromYaml(`waivers:\n${w}`)), today: TODAY });
    expect(await lintFiles({ 'legacy/spec.yaml': SPEC }, await cfg('  - rules: [name-malformed]\n    paths: ["legacy/**"]\n    reason: imported\n'))).toEqual([]);
    expect(await lintFiles({ 'legacy/spec.yaml': SPEC }, await cfg('  - rules: [InvalidSecurityGroupName.Malformed]\n    resources: ["securityGroups[0]"]\n    reason: imported\n'))).toEqual([]);
    const elsewhere = await lintFiles({ 'app/spec.yaml': SPEC }, await cfg('  - rules: [name-malformed]\n    paths: ["legacy/**"]\n    reason: imported\n'));
    // The waiver does not cover app/: the finding stays and the waiver (line 2 of the config) is unused.
    expect(elsewhere.map((f) => [f.ruleId, f.span.file, f.span.line, f.span.column])).toEqual([
      ['suppression-unused', '.sglint.yaml', 2, 5],
      ['name-malformed', 'app/spec.yaml', 4, 24],
    ]);
  });

  it('an expired waiver stops suppressing and is reported where it is written', async () => {
    const config = { ...(await configFromYaml('rules:\n  tag-count: error\nwaivers:\n  - rules: [name-malformed]\n    reason: imported\n    expires: "2026-06-01"\n')), today: TODAY };
    const fs = await lintFiles({ 'spec.yaml': SPEC }, config);
    expect(fs.map((f) => [f.ruleId, f.span.file, f.span.line, f.span.column])).toEqual([
      ['suppression-expired', '.sglint.yaml', 4, 5],
      ['name-malformed', 'spec.yaml', 4, 24],
    ]);
  });

  it('cannot suppress rules listed as unsuppressible', async () => {
    const config = { ...(await configFromYaml('unsuppressible: [name-malformed]\nwaivers:\n  - rules: [name-malformed]\n    reason: imported\n')), today: TODAY };
    const fs = await lintFiles({ 'spec.yaml': SPEC }, config);
    expect(fs.map((f) => [f.ruleId, f.span.file, f.span.line])).toEqual([
      ['suppression-invalid', '.sglint.yaml', 3],
      ['name-malformed', 'spec.yaml', 4],
    ]);
  });
});

describe('suppressions of Terraform instances (count / for_each) folded into one finding', () => {
  const TF = 'resource "alicloud_security_group" "web" {\n  count               = 2\n  security_group_name = "1web"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';
  const waived = async (resource: string) =>
    lintFiles({ 'main.tf': TF }, { ...(await configFromYaml(`waivers:\n  - rules: [name-malformed]\n    resources: ['${resource}']\n    reason: legacy\n`)), today: TODAY });
  const name = { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 3, column: 25, endLine: 3, endColumn: 31 };

  it('a waiver for one instance covers that instance only: the other is still reported, and the waiver is used', async () => {
    const first = await waived('alicloud_security_group.web[0]');
    expect(first.map(key)).toEqual([name]);
    expect(first.map((f) => f.resource)).toEqual(['alicloud_security_group.web[1]']);
    const second = await waived('alicloud_security_group.web[1]');
    expect(second.map(key)).toEqual([name]);
    expect(second.map((f) => f.resource)).toEqual(['alicloud_security_group.web[0]']);
  });

  it('a waiver for the block, and a comment on the line, cover every instance', async () => {
    expect(await waived('alicloud_security_group.web')).toEqual([]);
    const text = TF.replace('"1web"', '"1web" # sglint-ignore name-malformed reason="legacy"');
    expect(await lintFiles({ 'main.tf': text }, { today: TODAY })).toEqual([]);
  });
});
