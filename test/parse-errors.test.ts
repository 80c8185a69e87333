// Files that do not parse: one finding per cause.
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/index.ts';

const rows = async (files: Record<string, string>) => {
  const r = await lintSources(Object.entries(files).map(([path, text]) => ({ path, text })));
  return {
    findings: r.findings.map((f) => [f.span.file, f.ruleId, f.span.line, f.span.column]),
    files: r.files.map((f) => [f.path, f.status]),
  };
};

describe('one syntax error, one finding', () => {
  it('JSON: a trailing comma or an unclosed object is one parse-error, where it is', async () => {
    const r = await rows({
      'comma.json': '{"securityGroups": [{"RegionId": "cn-hangzhou",}]}\n',
      'open.json': '{"securityGroups": [{"RegionId": "cn-hangzhou"\n',
    });
    expect(r.findings).toEqual([
      ['comma.json', 'parse-error', 1, 48],
      ['open.json', 'parse-error', 2, 1],
    ]);
  });

  it('YAML: a bad indentation that confuses the lines after it is one parse-error', async () => {
    const r = await rows({ 'sg.yaml': 'securityGroups:\n  - RegionId: cn\n   VpcId: x\n  x\n' });
    expect(r.findings).toEqual([['sg.yaml', 'parse-error', 3, 1]]);
  });

  it('Terraform: an unfinished argument is one parse-error, not another for the brace at the end of the file', async () => {
    const r = await rows({ 'main.tf': 'resource "alicloud_security_group" "broken" {\n  security_group_name =\n}\n\nresource "alicloud_security_group" "fine" {\n  security_group_name = "fine"\n}\n' });
    expect(r.findings).toEqual([['main.tf', 'parse-error', 3, 1]]);
  });
});
