// The README's per-format examples (test/fixtures/suppress/formats): HCL comments and ROS Metadata.
// The Terraform loader is not on this branch yet, so its findings are constructed at the spans it places
// them on (the name value, the VpcId value, the tag value); ROS templates run end to end.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySuppressions, inlineSuppressions, metadataSuppressions } from '../../src/engine/suppress.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import { catalog } from '../../rules/index.ts';
import type { Finding } from '../../src/engine/rule.ts';
import { key, lintFiles } from '../helpers.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'suppress', 'formats');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

function finding(file: string, ruleId: string, line: number, column: number, resource: string): Finding {
  const rule = catalog.find((r) => r.id === ruleId)!;
  return { ruleId, errorCode: rule.api.errorCode, httpStatus: rule.api.httpStatus, severity: rule.severity, message: 'm', span: { file, line, column, endLine: line, endColumn: column + 5 }, resource };
}

function apply(file: string, findings: Finding[], today: string) {
  const result = { files: [{ path: file, status: 'checked' as const, findings, source: read(file) }], findings };
  return applySuppressions(result, defaultConfig(), catalog, today).findings.map((f) => [f.ruleId, f.span.line]);
}

describe('formats/main.tf', () => {
  const tf = () => [
    finding('main.tf', 'name-malformed', 5, 12, 'alicloud_security_group.web'),
    finding('main.tf', 'vpc-required-in-region', 6, 12, 'alicloud_security_group.web'),
    finding('main.tf', 'tag-value-reserved-prefix', 8, 12, 'alicloud_security_group.web'),
  ];

  it('holds one file-level, one line-before and one end-of-line suppression', () => {
    expect(inlineSuppressions('main.tf', read('main.tf')).map((s) => [s.kind, s.line, s.ids])).toEqual([
      ['file', undefined, ['tag-value-reserved-prefix']],
      ['line', 5, ['name-malformed']],
      ['line', 6, ['vpc-required-in-region']],
    ]);
  });

  it('suppresses all three until the name suppression expires', () => {
    expect(apply('main.tf', tf(), '2026-09-29')).toEqual([]);
    expect(apply('main.tf', tf(), '2026-09-30')).toEqual([
      ['suppression-expired', 4],
      ['name-malformed', 5],
    ]);
  });
});

describe('formats/template.json (ROS, end to end)', () => {
  it('suppresses the resource\'s finding through Metadata until it expires', async () => {
    expect(metadataSuppressions('template.json', read('template.json')).map((s) => [s.resource, s.ids, s.span.line])).toEqual([['Resources.WebSg', ['name-malformed'], 9]]);
    const text = read('template.json');
    expect(await lintFiles({ 'template.json': text }, { today: '2026-06-01' })).toEqual([]);
    expect((await lintFiles({ 'template.json': text }, { today: '2026-09-30' })).map(key)).toEqual([
      { ruleId: 'suppression-expired', errorCode: null, line: 9, column: 13, endLine: 9, endColumn: 109 },
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 13, column: 44, endLine: 13, endColumn: 50 },
    ]);
    // --no-inline-suppressions: Metadata is part of the input, so it is ignored too
    expect((await lintFiles({ 'template.json': text }, { today: '2026-06-01', inlineSuppressions: false })).map((f) => f.ruleId)).toEqual(['name-malformed']);
  });
});

describe('ROS YAML templates take comments and Metadata', () => {
  const tpl = (props: string, meta = '') =>
    `ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n${meta}    Properties:\n${props}`;
  it('a comment on the line before the property', async () => {
    const text = tpl('      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      # sglint-ignore name-malformed reason="imported"\n      SecurityGroupName: 1web\n');
    expect(await lintFiles({ 'template.ros.yaml': text }, { today: '2026-06-01' })).toEqual([]);
    expect((await lintFiles({ 'template.ros.yaml': text.replace(' reason="imported"', '') }, { today: '2026-06-01' })).map((f) => [f.ruleId, f.span.line])).toEqual([
      ['suppression-invalid', 7],
      ['name-malformed', 8],
    ]);
  });
  it('Metadata in YAML', async () => {
    const meta = '    Metadata:\n      sglint:\n        ignore:\n          - rule: InvalidSecurityGroupName.Malformed\n            reason: imported\n';
    expect(await lintFiles({ 'template.ros.yaml': tpl('      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      SecurityGroupName: 1web\n', meta) }, { today: '2026-06-01' })).toEqual([]);
  });
});
