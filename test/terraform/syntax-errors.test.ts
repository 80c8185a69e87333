// Syntax errors in .tf files: reported where the mistake is to be fixed, their text quoted as written,
// and no finding taken from an argument a syntax error cuts.
import { describe, expect, test } from 'vitest';
import { displayText } from '../../src/format/display.ts';
import { key, lintFiles } from '../helpers.ts';

const rows = async (code: string) => (await lintFiles({ 'main.tf': code })).map((f) => [f.ruleId, f.span.line, f.span.column]);
const parseError = async (code: string) => (await lintFiles({ 'main.tf': code })).filter((f) => f.ruleId === 'parse-error');

const sg = (body: string) => `resource "alicloud_security_group" "a" {\n${body}}\n`;

describe('a value left out after "="', () => {
  test('is reported on the line of the "=", where the value should start', async () => {
    expect(await rows(sg('  vpc_id = \n'))).toEqual([['parse-error', 2, 12]]);
    expect(await rows(sg('  vpc_id =\n'))).toEqual([['parse-error', 2, 11]]);
    const [e] = await parseError(sg('  vpc_id = \n'));
    expect(e!.message).toMatch(/expected a value/);
  });

  test('followed by another argument, which error recovery reads as its value: the next argument is read from its own line', async () => {
    expect(await rows(sg('  vpc_id = \n  security_group_name = "x"\n'))).toEqual([
      ['parse-error', 2, 12],
      ['name-malformed', 3, 25],
    ]);
    expect(await rows(sg('  vpc_id =\n  security_group_name = "1web"\n'))).toEqual([
      ['parse-error', 2, 11],
      ['name-malformed', 3, 25],
    ]);
    // The argument left without a value is still set (an enterprise group needs a VPC): no finding that it is missing.
    expect(await rows(sg('  security_group_type = "enterprise"\n  vpc_id =\n  security_group_name = "web"\n'))).toEqual([['parse-error', 3, 11]]);
    // The next argument broken too: no finding from it.
    expect(await rows(sg('  vpc_id =\n  security_group_name = "1web" "x"\n'))).toEqual([['parse-error', 2, 11]]);
  });

  test('before a "}" that error recovery reads as an object: on its line, and the next resource is still checked', async () => {
    const code = 'resource "alicloud_security_group" "broken" {\n  security_group_name =\n}\n\nresource "alicloud_security_group" "fine" {\n  security_group_name = "x"\n}\n';
    expect(await rows(code)).toEqual([
      ['parse-error', 2, 24],
      ['name-malformed', 6, 25],
    ]);
  });

  test('at the end of the file, and in a nested block', async () => {
    expect(await rows('resource "alicloud_security_group" "a" {\n  vpc_id =')).toEqual([['parse-error', 2, 11]]);
    expect(await rows(sg('  timeouts {\n    create = \n  }\n'))).toEqual([['parse-error', 3, 14]]);
  });
});

describe('two values on one line', () => {
  test('the error is at the second value, and neither value is used', async () => {
    const findings = await lintFiles({ 'main.tf': sg('  name = "web" "x"\n') });
    expect(findings.map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([['parse-error', 2, 16, 2, 19]]);
    expect(findings[0]!.message).toMatch(/newline/);
  });

  test('a broken argument is still set (its value unknown): no finding that it is missing', async () => {
    // An enterprise group needs a VPC: vpc_id is there, its value is not known.
    const code = sg('  security_group_type = "enterprise"\n  vpc_id = "vpc-1" "vpc-2"\n');
    expect(await rows(code)).toEqual([['parse-error', 3, 20]]);
  });
});

describe('messages quote source text as written', () => {
  test('in backticks, without JSON escapes of quotes; control characters escaped once, where reports show them', async () => {
    const [e] = await parseError('resource "alicloud_security_group" "a" {\n  name = "web"\n}\n}\n');
    expect(e!.message).toContain('`}`');
    const [g] = await parseError('"web" \u0007 ===\n');
    expect(g!.message).not.toContain('\\"');
    // The finding keeps the text as written (JSON and SARIF show it so); the human formats escape it.
    expect(g!.message).toContain('\u0007');
    expect(displayText(g!.message)).toContain('\\u0007');
    expect(displayText(g!.message)).not.toContain('\\\\u0007');
  });
});

describe('other mistakes, placed on their line', () => {
  test('an unclosed "${" or "%{" in a string: placed at it, not at the block around it (or the top of the file)', async () => {
    const db = 'resource "alicloud_security_group" "db" {\n  security_group_name = "db"\n}\n';
    expect(await rows(`provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\n${sg('  security_group_name = "web-${var.env"\n  description = "ok"\n')}${db}`)).toEqual([['parse-error', 6, 30]]);
    expect(await rows(sg('  security_group_name = "a %{ if true"\n'))).toEqual([['parse-error', 2, 28]]);
  });

  test('past an unclosed "${" or "%{ if }" the file is read on: the resources after it are checked, the broken argument is not', async () => {
    const after = 'resource "alicloud_security_group" "b" {\n  security_group_name = "1b"\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';
    for (const [broken, column] of [['"web-${var.x"', 30], ['"a %{ if true }x"', 28]] as const) {
      const text = `provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\n${sg(`  security_group_name = ${broken}\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n`)}${after}`;
      expect(await rows(text), broken).toEqual([['parse-error', 6, column], ['name-malformed', 10, 25]]);
    }
  });

  test('"%{ if }" or "%{ for }" without its "%{ endif }" / "%{ endfor }": placed at the directive', async () => {
    expect((await parseError(sg('  security_group_name = "web-%{ if true }x"\n'))).map((f) => [f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([[2, 30, 2, 42]]);
    expect(await rows(sg('  security_group_name = "web-%{ for v in [1] }x"\n'))).toEqual([['parse-error', 2, 30]]);
  });

  test('a heredoc without its closing line: placed at the opening "<<EOT"', async () => {
    const f = await parseError(sg('  security_group_name = "web"\n  description = <<EOT\nabc\n'));
    expect(f.map((x) => [x.span.line, x.span.column, x.span.endLine, x.span.endColumn])).toEqual([[3, 17, 3, 22]]);
    expect((await parseError(sg('  description = <<-EOT\n    abc\n    EOT2\n'))).map((x) => [x.span.line, x.span.column, x.span.endColumn])).toEqual([[2, 17, 23]]);
  });

  test('an interpolation on several lines is no unclosed "${"', async () => {
    expect(await rows(sg('  description = "a ${join(",",\n    ["x"])} b"\n'))).toEqual([]);
  });

  test('a missing "}" at the end of the file', async () => {
    expect(await rows(sg('  security_group_name = "web"\n').replace(/}\n$/, ''))).toEqual([['parse-error', 3, 1]]);
  });

  test('a missing "}" before the next resource: placed at that resource, which is still checked', async () => {
    const code = 'resource "alicloud_security_group" "a" {\n  security_group_name = "web"\n\nresource "alicloud_security_group" "b" {\n  security_group_name = "x"\n}\n';
    expect(await rows(code)).toEqual([
      ['parse-error', 4, 1],
      ['name-malformed', 5, 25],
    ]);
  });

  test('an extra "}"', async () => {
    expect(await rows(sg('  security_group_name = "web"\n') + '}\n')).toEqual([['parse-error', 4, 1]]);
  });

  test('an extra "}" before another resource: placed at the "}", and the next resources are still checked', async () => {
    const b = 'resource "alicloud_security_group" "b" {\n  security_group_name = "1web"\n}\n';
    expect(await rows(sg('  security_group_name = "web"\n') + '}\n' + b)).toEqual([
      ['parse-error', 4, 1],
      ['name-malformed', 6, 25],
    ]);
    expect(await rows(sg('  security_group_name = "web"\n') + '}\n}\n\n' + b + b.replace('"b"', '"c"'))).toEqual([
      ['parse-error', 4, 1],
      ['name-malformed', 8, 25],
      ['name-malformed', 11, 25],
    ]);
    // A second mistake after it: still one parse-error, and no finding from the argument it cuts.
    const [e, ...rest] = await lintFiles({ 'main.tf': sg('  security_group_name = "web"\n') + '}\n' + b.replace('"1web"', '"1web" "x"') });
    expect(rest).toEqual([]);
    expect([e!.ruleId, e!.span.line, e!.span.column]).toEqual(['parse-error', 4, 1]);
    expect(e!.message).toMatch(/1 more syntax error/);
  });

  test('a "}" inside a block, or after an argument at the top of a file: the resources after it are still checked', async () => {
    const b = 'resource "alicloud_security_group" "b" {\n  security_group_name = "1web"\n}\n';
    // The `}` on line 5 closes the block early: `description` lands at the top, the block's own `}` is the extra one.
    expect(await rows(sg('  tags = {\n    env = "x"\n  }\n  }\n  description = "y"\n') + b)).toEqual([
      ['parse-error', 7, 1],
      ['name-malformed', 9, 25],
    ]);
    expect(await rows('variable "x" {}\nregion = "a"\n}\n' + b)).toEqual([
      ['parse-error', 3, 1],
      ['name-malformed', 5, 25],
    ]);
  });

  test('a missing closing quote: at the end of its line, and no finding from the string run on', async () => {
    expect(await rows(sg('  security_group_name = "web\n  description = "d"\n'))).toEqual([['parse-error', 2, 29]]);
    // CRLF line endings: the end of the line is before the "\r".
    expect(await rows(sg('  security_group_name = "web\n  description = "d"\n').replace(/\n/g, '\r\n'))).toEqual([['parse-error', 2, 29]]);
  });

  test('a missing "=" between a name and its value', async () => {
    const [e] = await parseError(sg('  name "web"\n'));
    expect([e!.span.line, e!.span.column]).toEqual([2, 8]);
    expect(e!.message).toMatch(/`=`/);
  });

  test('a resource with one label', async () => {
    const findings = await lintFiles({ 'main.tf': 'resource "alicloud_security_group" {\n  security_group_name = "x"\n}\n' });
    expect(findings.map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([['parse-error', 1, 1, 1, 35]]);
    expect(findings[0]!.message).toMatch(/label/);
  });
});

describe('a quoted argument name (Terraform 0.11 syntax)', () => {
  test('is reported at the name, not at the `{` of its block', async () => {
    const code = 'data "alicloud_zones" "z" {\n  "available_disk_category" = "cloud_efficiency"\n}\n';
    const [e, ...rest] = await parseError(code);
    expect(rest).toEqual([]);
    expect([e!.span.line, e!.span.column, e!.span.endLine, e!.span.endColumn]).toEqual([2, 3, 2, 28]);
    expect(e!.message).toMatch(/argument names must not be quoted: `"available_disk_category"`/);
  });

  test('in a nested block too; resources before it are still checked', async () => {
    const code = 'resource "alicloud_security_group" "ok" {\n  security_group_name = "1x"\n}\n\n' + sg('  timeouts {\n    "create" = "5m"\n  }\n');
    expect(await rows(code)).toEqual([
      ['name-malformed', 2, 25],
      ['parse-error', 7, 5],
    ]);
  });

  test('at the top of a .tfvars file, also after an argument written right', async () => {
    for (const [text, line] of [
      ['"region" = "cn-hangzhou"\n', 1],
      ['env = "prod"\n\n"region" = "cn-hangzhou"\n', 3],
    ] as const) {
      const findings = await lintFiles({ 'main.tf': sg('  security_group_name = "web"\n'), 'terraform.tfvars': text });
      expect(findings.map((f) => [f.ruleId, f.span.file, f.span.line, f.span.column, f.span.endLine, f.span.endColumn])).toEqual([
        ['parse-error', 'terraform.tfvars', line, 1, line, 9],
      ]);
      expect(findings[0]!.message).toMatch(/must not be quoted/);
    }
  });

  test('a quoted key of an object (valid HCL) is not one, also in a file with an error elsewhere', async () => {
    expect(await rows(sg('  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n  tags = {\n    "k8s.io/role" = "web"\n  }\n'))).toEqual([]);
    expect(await rows(sg('  tags = {\n    "k8s.io/role" = "web"\n  }\n  description =\n'))).toEqual([['parse-error', 5, 16]]);
  });
});

describe('characters HCL never reads, and commas between arguments', () => {
  const spans = async (code: string) =>
    (await lintFiles({ 'main.tf': code })).map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endLine, f.span.endColumn]);
  const next = 'resource "alicloud_security_group" "b" {\n  security_group_name = "1b"\n}\n';

  test('a string in single quotes is reported on the string and read as the double-quoted string it means', async () => {
    expect(await spans(sg("  security_group_name = '1web'\n") + next)).toEqual([
      ['name-malformed', 2, 25, 2, 31],
      ['parse-error', 2, 25, 2, 31],
      ['name-malformed', 5, 25, 5, 29],
    ]);
    expect((await parseError(sg("  security_group_name = 'web'\n")))[0]!.message).toMatch(/double quotes/);
  });

  test('`;` or `,` after an argument is reported where it is; the next arguments and resources are still checked', async () => {
    for (const end of [';', ',']) {
      expect(await spans(sg(`  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"${end}\n  security_group_name = "1a"\n`) + next), end).toEqual([
        ['parse-error', 2, 39, 2, 40],
        ['name-malformed', 3, 25, 3, 29],
        ['name-malformed', 6, 25, 6, 29],
      ]);
    }
  });

  test('a backslash or another stray character is reported where it is, not where error recovery ends', async () => {
    // Before: the whole file was one error at 1:1, and nothing in it was checked.
    const tagged = 'variable "v" {}\n' + sg('  tags = {\n    k0 = "v"\\n    k1 = "v"\n  }\n') + next;
    const found = await spans(tagged);
    expect(found[0]).toEqual(['parse-error', 4, 13, 4, 14]);
    expect(found.slice(1)).toEqual([['name-malformed', 8, 25, 8, 29]]);
    for (const c of ['@', '`', '^', '~', '$', '&', '|']) {
      const [e] = await parseError(sg(`  security_group_name = "web" ${c} 3\n`));
      expect([e!.span.line, e!.span.column, e!.span.endColumn], c).toEqual([2, 31, 32]);
    }
  });

  test('the same characters in strings, templates, heredocs and comments, and commas in collections, are not reported', async () => {
    const valid = [
      '# a comment; with \' @ ` ^ ~ $ & | \\ and, commas',
      '// another; one',
      '/* and; a \' block */',
      'locals {',
      '  a = "semi; colon \' @ ` ^ ~ & | \\" \\\\ $${not} %%{not}"',
      '  b = "${join(",", ["x", "y"])}-${var.v == "a;b" ? "c,d" : "e"}"',
      '  c = { for k, v in { x = 1, y = 2 } : k => v if v > 1 && k != "z" || true }',
      '  d = [for s in ["a", "b"] : upper(s)]',
      '  e = <<-EOT',
      "    it's; here @ ` ^ ~ $ & | \\ ${var.v}, %{ if true }yes%{ endif }",
      '  EOT',
      '  f = { "k8s.io/role" = "web", other = "x" }',
      '  g = !false',
      '  h = 10 % 3 * 2',
      '}',
      'variable "v" {',
      '  default = "a"',
      '}',
      sg('  security_group_name = "web"\n  tags = merge(local.f, { env = "prod" })\n').trimEnd(),
    ].join('\n');
    expect(await spans(valid + '\n')).toEqual([]);
    // The file with an error elsewhere: only that error is reported.
    expect(await spans(valid + '\nresource "alicloud_security_group" "c" {\n  description =\n}\n')).toEqual([['parse-error', 24, 16, 24, 16]]);
  });
});

describe('what stands at the top of a file outside any block Terraform reads', () => {
  test('an argument after a block closed early: reported at its name, the resource above still checked', async () => {
    const code = 'resource "alicloud_security_group" "a" {\n  vpc_id = "vpc-1"\n}\n  security_group_name = "1web"\n  tags = { "acs:x" = "y" }\n';
    expect(await rows(code)).toEqual([
      ['parse-error', 4, 3],
      ['parse-error', 5, 3],
    ]);
    const [e] = await parseError(code);
    expect(e!.span.endColumn).toBe(22);
  });

  test('a misspelt block type: reported at its header, with the type meant', async () => {
    const code = 'resouce "alicloud_security_group" "a" {\n  security_group_name = "1web"\n}\nprovider "alicloud" {\n  region = "cn-hangzhou"\n}\n';
    const [e, ...more] = await parseError(code);
    expect([e!.span.line, e!.span.column, e!.span.endColumn, more.length]).toEqual([1, 1, 38, 0]);
    expect(e!.message).toContain('`resource`');
  });

  test('every block type Terraform reads is left alone, and variable files may hold arguments', async () => {
    const code = [
      'terraform {\n  required_version = ">= 1.5"\n}',
      'variable "v" {\n  default = "x"\n}',
      'locals {\n  a = 1\n}',
      'data "alicloud_vpcs" "d" {\n  name_regex = "x"\n}',
      'ephemeral "random_password" "p" {\n  length = 16\n}',
      'action "aws_lambda_invoke" "a" {\n  config {\n    function_name = "f"\n  }\n}',
      'module "m" {\n  source = "./m"\n}',
      'output "o" {\n  value = 1\n}',
      'moved {\n  from = alicloud_vpc.a\n  to = alicloud_vpc.b\n}',
      'import {\n  to = alicloud_vpc.b\n  id = "vpc-1"\n}',
      'removed {\n  from = alicloud_vpc.c\n}',
      'check "c" {\n  assert {\n    condition = true\n    error_message = "x"\n  }\n}',
    ].join('\n');
    const found = await lintFiles({ 'main.tf': code, 'm/main.tf': '', 'prod.tfvars': 'region = "cn-hangzhou"\n' });
    expect(found.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  });

  test('not reported on top of a syntax error, which is the mistake to fix first', async () => {
    expect(await rows('resource "alicloud_security_group" "a" {\n  vpc_id = "vpc-1" "x"\n}\n  name = "web"\n')).toEqual([['parse-error', 2, 20]]);
  });

  test('in .tf.json, a key that is no block type: at the key, with the type meant; "//" comments are fine', async () => {
    const json = '{\n  "//": "x",\n  "resources": { "alicloud_security_group": { "g": { "security_group_name": "1web" } } },\n  "locals": {}\n}\n';
    const found = await lintFiles({ 'main.tf.json': json });
    expect(found.map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endColumn])).toEqual([['parse-error', 3, 3, 14]]);
    expect(found[0]!.message).toContain('`resource`');
  });
});

describe('a list missing a "," between two items', () => {
  // `cidrs` stands for any list argument; not one of alicloud_security_group's, it is reported apart.
  const lint = async (code: string) => (await lintFiles({ 'main.tf': code })).filter((f) => f.ruleId !== 'terraform-unknown-argument');
  const at = async (list: string) => {
    const found = await lint(sg(`  tags = { a = "b" }\n  cidrs = ${list}\n  security_group_name = "1web"\n`));
    return found.map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endLine, f.span.endColumn]);
  };

  test('is reported at the second item, and the resource is read on past it', async () => {
    expect(await at('["a" "b"]')).toEqual([
      ['parse-error', 3, 16, 3, 19],
      ['name-malformed', 4, 25, 4, 31],
    ]);
    expect(await at('["a", "b" "c"]')).toEqual([
      ['parse-error', 3, 21, 3, 24],
      ['name-malformed', 4, 25, 4, 31],
    ]);
    expect(await at('[var.a "b"]')).toEqual([
      ['parse-error', 3, 18, 3, 21],
      ['name-malformed', 4, 25, 4, 31],
    ]);
    // Numbers, where the grammar's recovery gives up on the whole file.
    expect(await at('[1 2]')).toEqual([
      ['parse-error', 3, 14, 3, 15],
      ['name-malformed', 4, 25, 4, 31],
    ]);
  });

  test('across lines and comments, the "," placed before the item on its line', async () => {
    expect(await at('[\n    "a"\n    "b"\n  ]')).toEqual([
      ['parse-error', 5, 5, 5, 8],
      ['name-malformed', 7, 25, 7, 31],
    ]);
    expect(await at('["a" # first\n    "b"]')).toEqual([
      ['parse-error', 4, 5, 4, 8],
      ['name-malformed', 5, 25, 5, 31],
    ]);
    expect(await at('["a" /* x */ "b"]')).toEqual([
      ['parse-error', 3, 24, 3, 27],
      ['name-malformed', 4, 25, 4, 31],
    ]);
  });

  test('each missing "," counts: the first is reported, the message counts the rest', async () => {
    const found = await lint(sg('  cidrs = [a b c]\n  security_group_name = "1web"\n'));
    expect(found.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([
      ['parse-error', 2, 14],
      ['name-malformed', 3, 25],
    ]);
    expect(found[0]!.message).toMatch(/\b1 more syntax error\b/);
  });

  test('a mistake a "," does not mend keeps the parser\'s report, and valid lists are left alone', async () => {
    const [e] = await parseError(sg('  cidrs = ["a" = 1]\n'));
    expect(e!.message).not.toMatch(/missing `,`/);
    expect(await at('[for c in var.cidrs : c if c != ""]')).toEqual([['name-malformed', 4, 25, 4, 31]]);
  });
});

describe('numbers with an exponent and no fraction', () => {
  const rule = (priority: string) =>
    `resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n  priority          = ${priority}\n  cidr_ip           = "0.0.0.0/0"\n}\n`;

  test('are valid HCL: read with their value, no syntax error, the rest of the file still checked', async () => {
    const found = await lintFiles({ 'main.tf': `${rule('1e4')}resource "alicloud_security_group" "a" {\n  security_group_name = "1web"\n}\n` });
    expect(found.map(key)).toEqual([
      { ruleId: 'rule-priority-invalid', errorCode: 'InvalidPriority.Malformed', line: 6, column: 23, endLine: 6, endColumn: 26 },
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 10, column: 25, endLine: 10, endColumn: 31 },
    ]);
    for (const n of ['1E+2', '"${1e2}"', '1.5e1']) expect((await lintFiles({ 'main.tf': rule(n) })).map((f) => f.ruleId), n).toEqual(['exposed-port']);
    // In .tf.json strings too.
    const json = JSON.stringify({ resource: { alicloud_security_group_rule: { r: { type: 'ingress', security_group_id: 'sg-1', ip_protocol: 'tcp', port_range: '22/22', priority: '${1e4}', cidr_ip: '0.0.0.0/0' } } } });
    expect((await lintFiles({ 'main.tf.json': json })).map((f) => f.ruleId)).toEqual(['rule-priority-invalid']);
  });

  test('a name with digits is no number: `var.a-1e2` is the variable named a-1e2', async () => {
    const found = await lintFiles({ 'main.tf': `variable "a-1e2" {\n  default = 1e3\n}\n${rule('var.a-1e2')}` });
    // Placed at the default the variable takes, read as 1000.
    expect(found.map(key)).toEqual([{ ruleId: 'rule-priority-invalid', errorCode: 'InvalidPriority.Malformed', line: 2, column: 13, endLine: 2, endColumn: 16 }]);
    expect(found[0]!.message).toMatch(/`1000`/);
  });
});

describe('a lone CR', () => {
  test('ends a line for the spans, as in the other formats and in editors, though HCL reads it as no line end', async () => {
    const code = 'provider "alicloud" {\r  region = "cn-beijing"\n}\nresource "alicloud_security_group" "a" {\n  security_group_name = "1web"\n}\n';
    expect((await lintFiles({ 'main.tf': code })).map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 5, column: 25, endLine: 5, endColumn: 31 },
    ]);
    // At the start of a line too, and for a syntax error.
    const broken = 'locals {\n\r  a = 1\n}\nresource "alicloud_security_group" "a" {\n  security_group_name = "web" x\n}\n';
    expect((await lintFiles({ 'main.tf': broken })).map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['parse-error', 6, 31]]);
  });
});
