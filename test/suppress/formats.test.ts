// The README's per-format examples (test/fixtures/suppress/formats): HCL comments and ROS Metadata.
// The Terraform and ROS loaders are not on this branch, so findings are constructed at the spans those
// loaders place them on (the name value, the VpcId value, the template resource).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySuppressions, inlineSuppressions, metadataSuppressions } from '../../src/engine/suppress.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import { catalog } from '../../rules/index.ts';
import type { Finding } from '../../src/engine/rule.ts';

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

describe('formats/template.json', () => {
  it('suppresses the resource\'s finding through Metadata until it expires', () => {
    expect(metadataSuppressions('template.json', read('template.json')).map((s) => [s.resource, s.ids, s.span.line])).toEqual([['Resources.WebSg', ['name-malformed'], 9]]);
    const f = [finding('template.json', 'name-malformed', 13, 43, 'Resources.WebSg')];
    expect(apply('template.json', f, '2026-06-01')).toEqual([]);
    expect(apply('template.json', f, '2026-10-01')).toEqual([
      ['suppression-expired', 9],
      ['name-malformed', 13],
    ]);
  });
});
