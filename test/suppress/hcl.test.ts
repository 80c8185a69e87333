// Inline suppressions in HCL (Terraform). The Terraform loader is not on this branch yet, so these tests
// run the comment scanner and the suppression filter on .tf text with findings constructed at known spans.
import { describe, expect, it } from 'vitest';
import { applySuppressions, hclComments, inlineSuppressions } from '../../src/engine/suppress.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import type { Config } from '../../src/engine/config.ts';
import { catalog } from '../../rules/index.ts';
import { key } from '../helpers.ts';
import type { Finding } from '../../src/engine/rule.ts';

const TODAY = '2026-06-15';

function finding(line: number, column: number, ruleId = 'name-malformed', file = 'main.tf'): Finding {
  const rule = catalog.find((r) => r.id === ruleId)!;
  return { ruleId, errorCode: rule.api.errorCode, httpStatus: rule.api.httpStatus, severity: rule.severity, message: 'm', span: { file, line, column, endLine: line, endColumn: column + 6 }, resource: 'alicloud_security_group.web' };
}

async function apply(text: string, findings: Finding[], config: Partial<Config> = {}, today = TODAY) {
  const result = { files: [{ path: 'main.tf', status: 'checked' as const, findings, source: text }], findings };
  return (await applySuppressions(result, { ...defaultConfig(), ...config }, catalog, today)).findings.map(key);
}

const TF = (nameLine: string, before = '') => `resource "alicloud_security_group" "web" {\n${before}  name   = "1web"${nameLine}\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n`;

describe('HCL comment scanner', () => {
  it('finds #, // and /* */ comments, not text in strings, interpolations or heredocs', () => {
    const text = [
      'a = "x # not // not /* not */" # one',
      'b = "${lookup(var.m, "k#", "}")} // still string" // two',
      'c = <<-EOT',
      '  # not a comment',
      '  EOT',
      '/* three',
      '   lines */ d = 1',
      'e = "$${literal # x}" # four',
    ].join('\n');
    expect(hclComments(text).map((c) => [c.body.trim(), c.trailing])).toEqual([
      ['one', true],
      ['two', true],
      ['three\n   lines', false],
      ['four', true],
    ]);
  });
});

describe('HCL inline suppressions', () => {
  const f = () => [finding(2, 12)];

  it('# on the line before', async () => {
    expect(await apply(TF('', '  # sglint-ignore name-malformed reason="imported group"\n'), [finding(3, 12)])).toEqual([]);
  });

  it('// on the line before, and /* */ block comments', async () => {
    expect(await apply(TF('', '  // sglint-ignore name-malformed reason="imported group"\n'), [finding(3, 12)])).toEqual([]);
    expect(await apply(TF('', '  /* sglint-ignore name-malformed reason="imported group" */\n'), [finding(3, 12)])).toEqual([]);
  });

  it('at the end of the line, with # or //', async () => {
    expect(await apply(TF(' # sglint-ignore name-malformed reason="imported"'), f())).toEqual([]);
    expect(await apply(TF(' // sglint-ignore InvalidSecurityGroupName.Malformed reason="imported"'), f())).toEqual([]);
  });

  it('file-level before any content (after other comments), and not after content', async () => {
    const top = '// Managed by the platform team\n# sglint-ignore-file name-malformed reason="names come from the CMDB"\n\n';
    expect(await apply(top + TF(''), [finding(5, 12)])).toEqual([]);
    const late = TF('') + '# sglint-ignore-file name-malformed reason="x"\n';
    expect(await apply(late, f())).toEqual([key(finding(2, 12)), { ruleId: 'suppression-invalid', errorCode: null, line: 5, column: 1, endLine: 5, endColumn: 47 }]);
  });

  it('expired: the finding comes back and the comment is reported', async () => {
    const c = ' # sglint-ignore name-malformed reason="imported" expires=2026-01-31';
    expect(await apply(TF(c), f())).toEqual([key(finding(2, 12)), { ruleId: 'suppression-expired', errorCode: null, line: 2, column: 19, endLine: 2, endColumn: 18 + c.length }]);
    expect(await apply(TF(c), f(), {}, '2026-01-30')).toEqual([]);
  });

  it('unused', async () => {
    const c = ' # sglint-ignore description-malformed reason="x"';
    expect(await apply(TF(c), f())).toEqual([key(finding(2, 12)), { ruleId: 'suppression-unused', errorCode: null, line: 2, column: 19, endLine: 2, endColumn: 18 + c.length }]);
  });

  it('missing reason', async () => {
    const c = ' // sglint-ignore name-malformed';
    expect(await apply(TF(c), f())).toEqual([key(finding(2, 12)), { ruleId: 'suppression-invalid', errorCode: null, line: 2, column: 19, endLine: 2, endColumn: 18 + c.length }]);
  });

  it('disabled by inlineSuppressions: false', async () => {
    expect(await apply(TF(' # sglint-ignore name-malformed reason="imported"'), f(), { inlineSuppressions: false })).toEqual([key(finding(2, 12))]);
  });

  it('the directive records the line it covers', () => {
    const s = inlineSuppressions('main.tf', TF('', '  # sglint-ignore name-malformed reason="a"\n  # plain comment\n'));
    expect(s.map((x) => [x.kind, x.line, x.ids, x.reason])).toEqual([['line', 4, ['name-malformed'], 'a']]);
  });
});

describe('HCL lines that hold code after a /* */ comment', () => {
  const TEXT = [
    'resource "alicloud_security_group" "web" {',
    '  # sglint-ignore name-malformed reason="imported group"',
    '  /* owner: team-a */ name = "1web"',
    '  /* sglint-ignore description-malformed reason="kept" */ description = "http://x"',
    '  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"',
    '}',
    '',
  ].join('\n');

  it('are not comment-only lines: a directive above covers that line, and one before code on its line covers its own line', async () => {
    expect(inlineSuppressions('main.tf', TEXT).map((s) => [s.line, s.ids])).toEqual([
      [3, ['name-malformed']],
      [4, ['description-malformed']],
    ]);
    expect(await apply(TEXT, [finding(3, 30), finding(4, 73, 'description-malformed')])).toEqual([]);
  });

  it('a directive above such a line does not reach past it to the next line', async () => {
    const text = [
      'resource "alicloud_security_group" "web" {',
      '  # sglint-ignore name-malformed reason="imported group"',
      '  /* owner: team-a */ description = "intranet"',
      '  name = "1web"',
      '}',
      '',
    ].join('\n');
    const name = finding(4, 10);
    expect(await apply(text, [name])).toEqual([{ ruleId: 'suppression-unused', errorCode: null, line: 2, column: 3, endLine: 2, endColumn: 57 }, key(name)]);
  });
});
