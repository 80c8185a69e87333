// Terraform's JSON syntax read as Terraform reads it: a string is an HCL template, parsed like one in a
// .tf file and placed exactly in the JSON file; meta-arguments hold references written as strings.
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
    // At the `${` nothing closes, as in a .tf file.
    expect(findings.map(key)).toEqual([{ ruleId: 'parse-error', errorCode: null, line: 4, column: 33, endLine: 4, endColumn: 35 }]);
    expect(findings[0]!.message).toContain('unclosed `${`');
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

describe('.tf.json meta-arguments are references written as strings', () => {
  test('"provider": "alicloud.hz" places the resource in that provider\'s region', async () => {
    const findings = await lintFiles(
      json([
        '{',
        '  "provider": { "alicloud": [ { "region": "cn-beijing" }, { "alias": "hz", "region": "cn-hangzhou" } ] },',
        '  "resource": {',
        '    "alicloud_vpc": { "hz": { "provider": "alicloud.hz", "vpc_name": "hz", "cidr_block": "10.0.0.0/8" } },',
        '    "alicloud_security_group": { "web": { "security_group_name": "web", "vpc_id": "${alicloud_vpc.hz.id}" } }',
        '  }',
        '}',
      ]),
    );
    expect(findings.filter((f) => f.severity === 'error').map(key)).toEqual([
      { ruleId: 'vpc-wrong-region', errorCode: 'InvalidVpcId.NotFound', line: 5, column: 86, endLine: 5, endColumn: 104 },
    ]);
  });

  test('a module\'s "providers" map passes an aliased provider, whose region the module\'s resources use', async () => {
    const findings = await lintFiles({
      'main.tf.json': [
        '{',
        '  "provider": { "alicloud": [ { "region": "cn-beijing" }, { "alias": "typo", "region": "cn-hangzou" } ] },',
        '  "module": { "sg": { "source": "./sg", "providers": { "alicloud": "alicloud.typo" } } }',
        '}',
      ].join('\n'),
      'sg/main.tf.json': '{ "resource": { "alicloud_security_group": { "this": { "security_group_name": "web" } } } }\n',
    });
    const r = findings.filter((f) => f.ruleId === 'region-unknown');
    expect(r.map((f) => f.resource)).toEqual(['module.sg.alicloud_security_group.this']);
    expect(r.map(key)).toEqual([{ ruleId: 'region-unknown', errorCode: 'InvalidRegionId.NotFound', line: 2, column: 88, endLine: 2, endColumn: 100 }]);
  });

  test('a variable\'s "type" is a type expression: --var of a "number" variable is a number', async () => {
    const { model } = await loadFiles(
      [
        file(
          'main.tf.json',
          '{"variable": {"n": {"type": "number"}},\n "resource": {"alicloud_security_group": {"web": {"count": "${var.n}", "security_group_name": "web"}}}}\n',
        ),
      ],
      { vars: { n: '2' } },
    );
    expect(model.groups.map((g) => g.resource)).toEqual(['alicloud_security_group.web[0]', 'alicloud_security_group.web[1]']);
  });

  test('nested blocks are objects: "lifecycle", "timeouts", "provisioner", "connection" and "dynamic" are no unknown arguments', async () => {
    const findings = await lintFiles(
      json([
        '{',
        '  "resource": { "alicloud_security_group": { "web": {',
        '    "security_group_name": "web", "vpc_id": "vpc-bp1opxu1zkhn00gzv1234",',
        '    "lifecycle": { "create_before_destroy": true }, "timeouts": { "create": "5m" },',
        '    "provisioner": [{ "local-exec": { "command": "echo created" } }], "connection": { "host": "127.0.0.1" },',
        '    "dynamic": { "timeouts": { "for_each": [1], "content": { "delete": "5m" } } },',
        '    "descripton": { "text": "an object is no block the resource takes" }, "timeouts_x": "5m"',
        '  } } }',
        '}',
      ]),
    );
    expect(findings.map(key)).toEqual([
      { ruleId: 'terraform-unknown-argument', errorCode: null, line: 7, column: 5, endLine: 7, endColumn: 17 },
      { ruleId: 'terraform-unknown-argument', errorCode: null, line: 7, column: 75, endLine: 7, endColumn: 87 },
    ]);
  });

  test('"depends_on" holds references: one that is not valid HCL is a syntax error where it breaks', async () => {
    const { reports } = await loadFiles([
      file('main.tf.json', '{"resource": {"alicloud_security_group": {"web": {\n  "depends_on": ["alicloud_vpc.main", "alicloud_vpc."]\n}}}}\n'),
    ]);
    // `"alicloud_vpc."`: the name missing after the dot, at the closing quote
    expect(reports.map((r) => [r.ruleId, ...pos(r.span)!])).toEqual([['parse-error', 2, 53, 2, 53]]);
  });
});

test('hostile templates in .tf.json never throw past the loader: deep nesting is a located syntax error', async () => {
  const deep = JSON.stringify('${"'.repeat(5000));
  const findings = await lintFiles({ 'main.tf.json': `{"resource": {"alicloud_security_group": {"web": {\n  "description": ${deep}\n}}}}\n` });
  // At the 201st `${` (200 openings of `${\"`, 4 characters each, after the string's quote at column 18).
  expect(findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['parse-error', 2, 19 + 200 * 4]]);
}, 20000);

test('a --var collection is read as HCL when the input holds only .tf.json', async () => {
  const { model } = await loadFiles(
    [file('main.tf.json', '{"variable": {"teams": {}},\n "resource": {"alicloud_security_group": {"t": {"for_each": "${var.teams}", "security_group_name": "${each.value}"}}}}\n')],
    { vars: { teams: '{ web = "Web" }' } },
  );
  expect(model.groups.map((g) => [g.resource, g.fields.SecurityGroupName?.type === 'scalar' && g.fields.SecurityGroupName.value])).toEqual([
    ['alicloud_security_group.t["web"]', 'Web'],
  ]);
});

describe('an unclosed sequence in a .tf.json string', () => {
  test('is placed at its `${` or `%{`, as in a .tf file, and the rest of the file is checked', async () => {
    const text = [
      '{"resource": {"alicloud_security_group": {',
      '  "a": {"security_group_name": "web-${var.x", "description": "d %{ if true }x"},',
      '  "b": {"security_group_name": "1b"}',
      '}}}',
    ];
    const found = (await lintFiles(json(text), { region: 'cn-hangzhou' })).map((f) => [f.ruleId, f.span.line, f.span.column, /unclosed|not closed/.test(f.message)]);
    expect(found).toEqual([
      ['parse-error', 2, 37, true],
      ['parse-error', 2, 65, true],
      ['name-malformed', 3, 32, false],
    ]);
  });
});

// Terraform's JSON syntax rejects a key written twice where it is an argument or an object's key (HCL's
// "Duplicate argument", "Duplicate object attribute"); a block type or a block's first name written again
// is only more blocks. Unlike a `.tf` object, which keeps its last value without a word (terraform-duplicate-key).
describe('a key written twice in .tf.json', () => {
  const errors = (findings: Awaited<ReturnType<typeof lintFiles>>) => findings.filter((f) => f.severity === 'error').map((f) => ({ file: f.span.file, ...key(f) }));
  const at = (ruleId: string, errorCode: string | null, line: number, column: number, endColumn: number, file = 'main.tf.json') => ({ file, ruleId, errorCode, line, column, endLine: line, endColumn });

  test('an argument or an object key: a parse-error at the second key, and the first value is the one checked', async () => {
    const findings = await lintFiles(
      json([
        '{',
        '  "resource": { "alicloud_security_group": { "web": {',
        '    "security_group_name": "1web",',
        '    "tags": { "env": "see http://x", "env": "dev", "team": "a" },',
        '    "security_group_name": "web",',
        '    "vpc_id": "vpc-bp1opxu1zkhn00gzv1234"',
        '  } } }',
        '}',
      ]),
    );
    expect(findings.filter((f) => f.ruleId === 'terraform-duplicate-key')).toEqual([]);
    expect(errors(findings)).toEqual([
      at('name-malformed', 'InvalidSecurityGroupName.Malformed', 3, 28, 34),
      at('tag-value-malformed', 'InvalidTagValue.Malformed', 4, 22, 36),
      at('parse-error', null, 4, 38, 43),
      at('parse-error', null, 5, 5, 26),
    ]);
  });

  test('a block type, a resource type, a provider or a nested block written again is one more block: no finding', async () => {
    const findings = await lintFiles(
      json([
        '{',
        '  "resource": { "alicloud_security_group": { "a": { "security_group_name": "1a" } } },',
        '  "resource": { "alicloud_security_group": { "b": { "security_group_name": "1b" } }, "alicloud_security_group": { "c": { "security_group_name": "1c" } } },',
        '  "provider": { "alicloud": { "region": "cn-hangzhou" }, "alicloud": { "alias": "bj", "region": "cn-beijing" } },',
        '  "variable": { "v": { "validation": { "condition": "${true}", "error_message": "x" }, "validation": { "condition": "${true}", "error_message": "y" } } },',
        '  "resource": { "alicloud_security_group": { "d": { "security_group_name": "1d",',
        '    "provisioner": { "local-exec": { "command": "a" }, "local-exec": { "command": "b" } } } } }',
        '}',
      ]),
    );
    expect(errors(findings).map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['name-malformed', 2, 76],
      ['name-malformed', 3, 76],
      ['name-malformed', 3, 145],
      ['name-malformed', 6, 76],
    ]);
  });

  test('a block declared twice under one name, a local, a module input and a variable default: each a parse-error at its second key', async () => {
    const findings = await lintFiles({
      ...json([
        '{',
        '  "resource": { "alicloud_security_group": { "web": { "security_group_name": "web" }, "web": { "security_group_name": "web" } } },',
        '  "locals": { "ports": "22/22", "ports": "80/80" },',
        '  "module": { "m": { "source": "./m", "n": 1, "n": 2 } },',
        '  "variable": { "v": { "default": { "k": [{ "a": 1, "a": 2 }] } } },',
        '  "resource": { "alicloud_security_group_rule": { "r": { "for_each": { "ssh": { "p": "22/22" }, "ssh": { "p": "443/443" } },',
        '    "type": "ingress", "ip_protocol": "tcp", "port_range": "${each.value.p}", "cidr_ip": "0.0.0.0/0", "security_group_id": "sg-1" } } }',
        '}',
      ]),
      'm/main.tf.json': '{ "variable": { "n": {} } }\n',
    });
    // The map names one rule twice: Terraform rejects it, and the first (port 22, exposed) is checked, not 443.
    expect(findings.filter((f) => f.ruleId === 'exposed-port').map((f) => [f.span.line, f.span.column])).toEqual([[7, 90]]);
    expect(errors(findings).filter((f) => f.ruleId === 'parse-error')).toEqual([
      at('parse-error', null, 2, 87, 92),
      at('parse-error', null, 3, 33, 40),
      at('parse-error', null, 4, 47, 50),
      at('parse-error', null, 5, 53, 56),
      at('parse-error', null, 6, 97, 102),
    ]);
  });

  test('in a module called twice: reported once, in the module\'s file', async () => {
    const findings = await lintFiles({
      'main.tf': 'module "a" {\n  source = "./sg"\n}\nmodule "b" {\n  source = "./sg"\n  count  = 2\n}\n',
      'sg/main.tf.json': '{ "resource": { "alicloud_security_group": { "this": {\n  "security_group_name": "web", "vpc_id": "vpc-bp1opxu1zkhn00gzv1234",\n  "tags": { "env": "a", "env": "b" }\n} } } }\n',
    });
    expect(errors(findings)).toEqual([at('parse-error', null, 3, 25, 30, 'sg/main.tf.json')]);
  });

  test('.tfvars.json: a variable given twice, or a key written twice in a value, is a parse-error; the first value is the one used', async () => {
    const findings = await lintFiles({
      'main.tf': 'variable "name" {}\nvariable "tags" {}\nresource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n  tags = var.tags\n}\n',
      'terraform.tfvars.json': '{\n  "name": "1web",\n  "tags": { "a": "see http://x", "a": "y" },\n  "name": "web"\n}\n',
    });
    expect(errors(findings)).toEqual([
      at('name-malformed', 'InvalidSecurityGroupName.Malformed', 2, 11, 17, 'terraform.tfvars.json'),
      at('tag-value-malformed', 'InvalidTagValue.Malformed', 3, 18, 32, 'terraform.tfvars.json'),
      at('parse-error', null, 3, 34, 37, 'terraform.tfvars.json'),
      at('parse-error', null, 4, 3, 9, 'terraform.tfvars.json'),
    ]);
  });

  test('.tfvars.json: `//` comment keys, however many, are neither variables nor values given twice', async () => {
    const findings = await lintFiles({
      'main.tf': 'variable "name" {}\nresource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n',
      'terraform.tfvars.json': '{\n  "//": "values for the web tier",\n  "name": "1web",\n  "//": "owned by the network team"\n}\n',
    });
    expect(errors(findings)).toEqual([at('name-malformed', 'InvalidSecurityGroupName.Malformed', 3, 11, 17, 'terraform.tfvars.json')]);
  });
});
