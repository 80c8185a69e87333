// Strings whose start is known and whose rest is not (`"https://${var.host}"`, `!Sub '1-${Env}'`): the
// checks of a string's start apply to the known start; nothing is guessed about the rest.
import { describe, expect, it } from 'vitest';
import { key, lintFiles } from './helpers.ts';

const region = { region: 'cn-hangzhou' };
const at = (ruleId: string, errorCode: string, line: number, column: number, endLine: number, endColumn: number) => ({ ruleId, errorCode, line, column, endLine, endColumn });

describe('Terraform templates with unknown parts', () => {
  const tf = (name: string, description: string) =>
    `variable "host" {}\nresource "alicloud_security_group" "a" {\n  security_group_name = "${name}"\n  description = "${description}"\n}\n`;

  it('a name or description whose known start breaks a rule is reported on the template', async () => {
    expect((await lintFiles({ 'main.tf': tf('-${var.host}', 'https://${var.host}/wiki') }, region)).map(key)).toEqual([
      at('name-malformed', 'InvalidSecurityGroupName.Malformed', 3, 25, 3, 39),
      at('description-malformed', 'InvalidDescription.Malformed', 4, 17, 4, 43),
    ]);
    expect((await lintFiles({ 'main.tf': tf('web_${var.host}x', 'http:/${var.host}') }, region)).map(key)).toEqual([]);
    expect((await lintFiles({ 'main.tf': tf('we b${var.host}', 'See ${var.host}') }, region)).map((f) => f.ruleId)).toEqual(['name-malformed']);
  });

  it('a prefix made of known values and an unknown one counts its known part only', async () => {
    const t = `variable "host" {}\nlocals {\n  scheme = "https"\n}\nresource "alicloud_security_group" "a" {\n  description = "\${local.scheme}://\${var.host}"\n}\n`;
    expect((await lintFiles({ 'main.tf': t }, region)).map(key)).toEqual([at('description-malformed', 'InvalidDescription.Malformed', 6, 17, 6, 48)]);
  });
});

describe('ROS Fn::Sub with unknown variables', () => {
  const ros = (name: string, description: string) =>
    "ROSTemplateFormatVersion: '2015-09-01'\nParameters:\n  Host: {Type: String}\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n" +
    `      SecurityGroupName: !Sub '${name}'\n      Description: !Sub '${description}'\n`;

  it('the known start of the substituted text is checked', async () => {
    expect((await lintFiles({ 't.ros.yaml': ros('1-${Host}', 'https://${Host}') }, region)).map(key)).toEqual([
      at('name-malformed', 'InvalidSecurityGroupName.Malformed', 8, 31, 8, 42),
      at('description-malformed', 'InvalidDescription.Malformed', 9, 25, 9, 42),
    ]);
    expect((await lintFiles({ 't.ros.yaml': ros('web-${Host}', 'See ${Host}') }, region)).map(key)).toEqual([]);
    const join = ros('web', 'ok').replace("!Sub 'ok'", "!Join ['', ['https://', !Ref Host, /x]]").replace("!Sub 'web'", "!Join ['-', ['1', !Sub 'a${Host}']]");
    expect((await lintFiles({ 't.ros.yaml': join }, region)).map(key)).toEqual([
      at('name-malformed', 'InvalidSecurityGroupName.Malformed', 8, 32, 8, 61),
      at('description-malformed', 'InvalidDescription.Malformed', 9, 26, 9, 59),
    ]);
    expect((await lintFiles({ 't.ros.yaml': join.replace("['1', ", "['w', ").replace("'https://'", 'see') }, region)).map(key)).toEqual([]);
    // Known variables before the first unknown one are part of the known start.
    expect((await lintFiles({ 't.ros.yaml': ros('${AWS::NoSuch}x', '${ALIYUN::Region}') }, region)).map(key)).toEqual([]);
  });
});

describe('tags with unknown parts', () => {
  it('a key starting with a reserved prefix or a value holding a URL in its known start is reported', async () => {
    const tf = 'variable "team" {}\nresource "alicloud_security_group" "a" {\n  tags = {\n    docs = "see https://${var.team}"\n    owner = "ok ${var.team}"\n  }\n}\n';
    expect((await lintFiles({ 'main.tf': tf }, region)).map(key)).toEqual([at('tag-value-malformed', 'InvalidTagValue.Malformed', 4, 12, 4, 37)]);
    const ros =
      "ROSTemplateFormatVersion: '2015-09-01'\nParameters:\n  Team: {Type: String}\nResources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      Tags:\n" +
      "        - {Key: !Sub 'acs:${Team}', Value: x}\n        - {Key: !Sub 'ali${Team}', Value: !Sub 'https://${Team}'}\n        - {Key: !Sub '${Team}-x', Value: !Sub 'a ${Team}'}\n";
    expect((await lintFiles({ 't.ros.yaml': ros }, region)).map(key)).toEqual([
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 9, 22, 9, 35),
      at('tag-value-malformed', 'InvalidTagValue.Malformed', 10, 48, 10, 65),
    ]);
  });
});

describe('Terraform tag maps known in part', () => {
  const tf = (tags: string, vars = 'variable "more" {}\nvariable "k" {}\n') => `${vars}resource "alicloud_security_group" "a" {\n  tags = ${tags}\n}\n`;

  it('the keys of the known maps of a merge with an unknown map are checked', async () => {
    expect((await lintFiles({ 'main.tf': tf('merge(var.more, { "acs:team" = "web", env = "prod" })') }, region)).map(key)).toEqual([
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 4, 28, 4, 38),
    ]);
    // The same map without the unknown part: the same finding, at its key.
    expect((await lintFiles({ 'main.tf': tf('merge({ "acs:team" = "web", env = "prod" })') }, region)).map(key)).toEqual([
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 4, 18, 4, 28),
    ]);
    expect((await lintFiles({ 'main.tf': tf('merge(var.more, { team = "web" })') }, region)).map(key)).toEqual([]);
  });

  it('a value that a later unknown map may replace is not judged; one after it is', async () => {
    const url = '{ docs = "https://wiki.example.com" }';
    expect((await lintFiles({ 'main.tf': tf(`merge(${url}, var.more)`) }, region)).map(key)).toEqual([]);
    expect((await lintFiles({ 'main.tf': tf(`merge(var.more, ${url})`) }, region)).map(key)).toEqual([
      at('tag-value-malformed', 'InvalidTagValue.Malformed', 4, 35, 4, 61),
    ]);
  });

  it('an object with a key that is not known keeps its other keys; values before that key may be replaced', async () => {
    expect((await lintFiles({ 'main.tf': tf('{\n    (var.k) = "x"\n    aliyun_env = "https://a"\n  }') }, region)).map(key)).toEqual([
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 6, 5, 6, 15),
      at('tag-value-malformed', 'InvalidTagValue.Malformed', 6, 18, 6, 29),
    ]);
    expect((await lintFiles({ 'main.tf': tf('{\n    aliyun_env = "https://a"\n    (var.k) = "x"\n  }') }, region)).map(key)).toEqual([
      at('tag-key-malformed', 'InvalidTagKey.Malformed', 5, 5, 5, 15),
    ]);
  });

  // Terraform orders a map's keys (k0, k1, k10 ... k19, k2, k20, k3 ... k9): the 21st is k9.
  it('more than 20 known keys beside an unknown map are reported; 20 are not', async () => {
    const many = (n: number) => `merge(var.more, {\n${Array.from({ length: n }, (_, i) => `    k${i} = "v"\n`).join('')}  })`;
    expect((await lintFiles({ 'main.tf': tf(many(20)) }, region)).map(key)).toEqual([]);
    expect((await lintFiles({ 'main.tf': tf(many(21)) }, region)).map(key)).toEqual([at('tag-count', 'QuotaExceed.Tags', 14, 5, 14, 13)]);
  });

  it('a local known in part keeps its entries where it is used', async () => {
    const t = 'variable "more" {}\nlocals {\n  tags = merge(var.more, { "acs:x" = "v" })\n}\nresource "alicloud_security_group" "a" {\n  tags = local.tags\n}\n';
    const f = await lintFiles({ 'main.tf': t }, region);
    expect(f.map(key)).toEqual([at('tag-key-malformed', 'InvalidTagKey.Malformed', 3, 28, 3, 35)]);
  });
});
