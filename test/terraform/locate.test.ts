import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { locateBlocks } from '../../src/load/terraform/locate.ts';
import { lintSources } from '../../src/index.ts';
import { FIXTURES } from './load.ts';

describe('locating blocks and arguments without parsing', () => {
  const tf = [
    '# comment with resource "x" "y" {',
    'resource "alicloud_security_group" "web" {',
    '  name = "a { b" # not a brace',
    '  description = <<-EOT',
    '    } still the heredoc',
    '    EOT',
    '  tags = {',
    '    a = "${lookup(var.m, "k")}"',
    '  }',
    '  vpc_id = alicloud_vpc.main.id',
    '}',
    'data "alicloud_vpcs" "x" { name_regex = "^a" }',
  ].join('\n');
  const blocks = locateBlocks(tf);
  const slice = (k: string, a: string) => {
    const r = blocks.get(k)!.attrs.get(a)!;
    return tf.slice(r[0], r[1]);
  };

  test('blocks by address, comments ignored', () => {
    expect([...blocks.keys()]).toEqual(['resource.alicloud_security_group.web', 'data.alicloud_vpcs.x']);
    const b = blocks.get('resource.alicloud_security_group.web')!;
    expect(tf.slice(b.start, b.headEnd)).toBe('resource "alicloud_security_group" "web"');
    expect(tf.slice(b.end - 1, b.end)).toBe('}');
  });

  test('argument values: strings, heredocs, maps, references', () => {
    expect(slice('resource.alicloud_security_group.web', 'name')).toBe('"a { b"');
    expect(slice('resource.alicloud_security_group.web', 'description')).toBe('<<-EOT\n    } still the heredoc\n    EOT');
    expect(slice('resource.alicloud_security_group.web', 'tags')).toBe('{\n    a = "${lookup(var.m, "k")}"\n  }');
    expect(slice('resource.alicloud_security_group.web', 'vpc_id')).toBe('alicloud_vpc.main.id');
  });

  test('with CRLF line ends, a heredoc ends at its marker line', () => {
    const crlf = tf.replaceAll('\n', '\r\n');
    const r = locateBlocks(crlf).get('resource.alicloud_security_group.web')!.attrs;
    expect([...r.keys()]).toEqual(['name', 'description', 'tags', 'vpc_id']);
    const [a, b] = r.get('description')!;
    expect(crlf.slice(a, b)).toBe('<<-EOT\r\n    } still the heredoc\r\n    EOT');
  });
});

test('plan JSON beside its configuration: findings land on the .tf arguments', async () => {
  // The plan of equiv/tf, as if written beside that configuration.
  const dir = join(FIXTURES, 'equiv/tf');
  const plan = { path: 'equiv/tf/plan.json', abs: join(dir, 'plan.json'), text: readFileSync(join(FIXTURES, 'equiv/plan/plan.json'), 'utf8') };
  const { findings } = await lintSources([plan], {});
  const rows = findings.map((f) => [f.ruleId, f.errorCode, f.span.file.replace(/^.*equiv\/tf\//, 'equiv/tf/'), f.span.line, f.span.column, f.span.endLine, f.span.endColumn]);
  expect(rows).toEqual([
    ['name-malformed', 'InvalidSecurityGroupName.Malformed', 'equiv/tf/main.tf', 15, 25, 15, 33],
    ['description-malformed', 'InvalidDescription.Malformed', 'equiv/tf/main.tf', 16, 25, 16, 45],
    ['inner-access-policy-enterprise', null, 'equiv/tf/main.tf', 19, 25, 19, 33],
    ['tag-key-malformed', 'InvalidTagKey.Malformed', 'equiv/tf/main.tf', 20, 10, 22, 4],
  ]);
});

test('a plan and its configuration checked together count each group once against the quota', async () => {
  const dir = join(FIXTURES, 'equiv/tf');
  // Display paths as the CLI gives them (relative to the working directory), as files read by loaders get.
  const rel = (p: string) => relative(process.cwd(), p).split('\\').join('/');
  const files = [
    { path: rel(join(dir, 'plan.json')), abs: join(dir, 'plan.json'), text: readFileSync(join(FIXTURES, 'equiv/plan/plan.json'), 'utf8') },
    { path: rel(join(dir, 'main.tf')), abs: join(dir, 'main.tf'), text: readFileSync(join(dir, 'main.tf'), 'utf8') },
  ];
  const one = await lintSources(files, { quota: { securityGroupsPerRegion: 1, rulesPerGroup: 200 } });
  expect(one.findings.filter((f) => f.ruleId === 'group-quota')).toEqual([]);
  const zero = await lintSources(files, { quota: { securityGroupsPerRegion: 0, rulesPerGroup: 200 } });
  expect(zero.findings.filter((f) => f.ruleId === 'group-quota').map((f) => f.errorCode)).toEqual(['QuotaExceed.SecurityGroup']);
});
