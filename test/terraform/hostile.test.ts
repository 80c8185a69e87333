// Hostile or broken Terraform input never throws past the loader: it becomes located findings.
import { expect, test } from 'vitest';
import { lintFiles } from '../helpers.ts';

const cases: Record<string, string> = {
  'deep tuple': `resource "alicloud_security_group" "a" {\n  description = ${'['.repeat(20000)}${']'.repeat(20000)}\n}\n`,
  'deep unclosed': `resource "alicloud_security_group" "a" {\n  description = ${'{ a = '.repeat(20000)}\n`,
  'deep blocks': `${'resource "a" "b" {\n'.repeat(5000)}`,
  'deep blocks with an error': `${'a {\n'.repeat(20000)}x =\n${'}\n'.repeat(20000)}`,
  'deep template': `resource "alicloud_security_group" "a" {\n  description = "${'${"'.repeat(5000)}"\n}\n`,
  'unterminated heredoc': 'resource "alicloud_security_group" "a" {\n  description = <<EOT\nno end\n',
  'garbage': '\u0000\u0001}}{{"""=== <<<< ${ %{ \\',
  'module calling itself': 'module "me" {\n  source = "./"\n}\nresource "alicloud_security_group" "a" {\n  security_group_name = "web"\n}\n',
};

test.each(Object.entries(cases))('%s', async (_name, code) => {
  const findings = await lintFiles({ 'main.tf': code });
  for (const f of findings) {
    expect(f.span.file).toBe('main.tf');
    expect(f.span.line).toBeGreaterThanOrEqual(1);
  }
  expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  // A loader that threw (a stack overflow) would be reported as "could not be read: <what it threw>".
  expect(findings.map((f) => f.message).join('\n')).not.toMatch(/could not be read|call stack/);
  if (/unclosed|blocks|unterminated|garbage|with an error/.test(_name)) expect(findings.map((f) => f.ruleId)).toContain('parse-error');
}, 20000);

test('blocks or brackets nested deep: the first opening past the limit is a located parse-error', async () => {
  const rows = async (code: string) => (await lintFiles({ 'main.tf': code })).map((f) => [f.ruleId, f.span.line, f.span.column, f.message.replace(/ nested.*/, '')]);
  // 300 blocks: the 201st is not read; 20,000 with an error inside: the file is refused at the 501st `{`.
  expect(await rows('a {\n'.repeat(300) + '}\n'.repeat(300))).toEqual([['parse-error', 201, 1, 'block']]);
  expect(await rows('a {\n'.repeat(20000) + 'x =\n' + '}\n'.repeat(20000))).toEqual([['parse-error', 501, 3, 'brackets']]);
  expect(await rows(`x = ${'['.repeat(20000)}1,,${']'.repeat(20000)}\n`)).toEqual([['parse-error', 1, 505, 'brackets']]);
});

test('modules calling each other are still read (as roots), the cycle is reported', async () => {
  const findings = await lintFiles({
    'a/main.tf': 'module "b" {\n  source = "../b"\n}\nresource "alicloud_security_group" "a" {\n  security_group_name = "1a"\n}\n',
    'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
  });
  expect(findings.filter((f) => f.ruleId === 'name-malformed').map((f) => [f.resource, f.span.file])).toEqual([
    ['alicloud_security_group.a', 'a/main.tf'],
  ]);
  expect(findings.map((f) => f.ruleId)).toContain('terraform-module-not-followed');
});

test('a module that calls itself is followed once and reported', async () => {
  const findings = await lintFiles({ 'main.tf': cases['module calling itself']! });
  expect(findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['terraform-module-not-followed', 2, 12]]);
});

test('an expression nested too deeply to read is a located parse-error, not a value lost silently', async () => {
  const deep = `${'('.repeat(300)}"h"${')'.repeat(300)}`;
  const findings = await lintFiles({ 'main.tf': `resource "alicloud_security_group" "a" {\n  security_group_name = "bad name"\n  description = ${deep}\n}\n` });
  expect(findings.map((f) => [f.ruleId, f.errorCode, f.span.line, f.span.column, f.span.endLine])).toEqual([
    ['name-malformed', 'InvalidSecurityGroupName.Malformed', 2, 25, 2],
    ['parse-error', null, 3, 218, 3],
  ]);
  // The same in a .tf.json string, placed on the string's characters.
  const json = await lintFiles({ 'main.tf.json': JSON.stringify({ resource: { alicloud_security_group: { a: { description: `\${${deep}}` } } } }) });
  expect(json.map((f) => [f.ruleId, f.span.line])).toEqual([['parse-error', 1]]);
});
