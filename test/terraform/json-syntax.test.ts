// Terraform's JSON syntax read as Terraform reads it: a string is an HCL template, parsed like one in a
// .tf file and placed exactly in the JSON file.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { key, lintFiles } from '../helpers.ts';
import { FIXTURES, loadFiles, pos } from './load.ts';

const json = (lines: string[]) => ({ 'main.tf.json': lines.join('\n') + '\n' });

function file(path: string, text: string) {
  return { path, abs: join(FIXTURES, '__mem__', path), text };
}

describe('.tf.json strings are HCL templates', () => {
  test('a conditional inside "${}" is evaluated; the chosen string is placed on its characters, escapes included', async () => {
    const findings = await lintFiles(
      json([
        '{',
        '  "variable": { "public": { "default": true } },',
        '  "resource": { "alicloud_security_group": { "web": {',
        '    "security_group_name": "${var.public ? \\"_pub\\" : \\"web\\"}"',
        '  } } }',
        '}',
      ]),
    );
    // `\"_pub\"`, 8 characters in the file, starts at column 44.
    expect(findings.map(key)).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 4, column: 44, endLine: 4, endColumn: 52 }]);
  });

  test('an object property name is a template too', async () => {
    const findings = await lintFiles(
      json([
        '{',
        '  "locals": { "vendor": "aliyun:" },',
        '  "resource": { "alicloud_security_group": { "web": {',
        '    "security_group_name": "web",',
        '    "tags": { "${local.vendor}team": "web" }',
        '  } } }',
        '}',
      ]),
    );
    expect(findings.map(key)).toEqual([{ ruleId: 'tag-key-malformed', errorCode: 'InvalidTagKey.Malformed', line: 5, column: 15, endLine: 5, endColumn: 36 }]);
  });

  test('an unterminated "${" is a syntax error on the string, not a name with a "$" in it', async () => {
    const findings = await lintFiles(
      json([
        '{',
        '  "variable": { "env": { "default": "prod" } },',
        '  "resource": { "alicloud_security_group": { "web": {',
        '    "security_group_name": "web-${var.env"',
        '  } } }',
        '}',
      ]),
    );
    expect(findings.map(key)).toEqual([{ ruleId: 'parse-error', errorCode: null, line: 4, column: 29, endLine: 4, endColumn: 42 }]);
    expect(findings[0]!.message).toContain('web-${var.env');
  });

  test('a "%{}" directive makes the value unknown rather than literal text', async () => {
    const { model, reports } = await loadFiles([
      file(
        'main.tf.json',
        '{"variable": {"public": {"default": true}},\n "resource": {"alicloud_security_group": {"web": {"security_group_name": "%{ if var.public }_pub%{ else }web%{ endif }"}}}}\n',
      ),
    ]);
    expect(reports).toEqual([]);
    expect(model.groups[0]!.fields.SecurityGroupName!.type).toBe('unknown');
  });

  test('"$${" is a literal "${"; an escaped "\\u0024{" is an interpolation, as JSON decoding comes first', async () => {
    const { model } = await loadFiles([
      file(
        'main.tf.json',
        '{"variable": {"n": {"default": "web"}},\n "resource": {"alicloud_security_group": {"web": {"security_group_name": "\\u0024{var.n}", "description": "$${x}"}}}}\n',
      ),
    ]);
    const g = model.groups[0]!;
    expect(g.fields.SecurityGroupName).toMatchObject({ type: 'scalar', value: 'web' });
    expect(g.fields.Description).toMatchObject({ type: 'scalar', value: '${x}' });
    expect(pos(g.fields.Description!.span)).toEqual([2, 106, 2, 113]);
  });
});

test('hostile templates in .tf.json never throw past the loader: deep nesting is a located syntax error', async () => {
  const deep = JSON.stringify('${"'.repeat(5000));
  const findings = await lintFiles({ 'main.tf.json': `{"resource": {"alicloud_security_group": {"web": {\n  "description": ${deep}\n}}}}\n` });
  expect(findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['parse-error', 2, 19]]);
}, 20000);
