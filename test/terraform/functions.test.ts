// flatten, split and element on known values are computed as Terraform computes them: the rules a
// module builds from a list of maps (one per CIDR block and port of a comma-separated string) are read
// one by one. What Terraform would reject, or an element that may itself be a list, stays unknown.
import { describe, expect, it } from 'vitest';
import { key, lintFiles, only } from '../helpers.ts';

const config = { region: 'cn-hangzhou' };
const GROUP = 'resource "alicloud_security_group" "g" {\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';

/** A rule with the given count and port_range, its CIDR block from `cidr`. */
const rule = (count: string, port: string, cidr = '"10.0.0.0/8"') =>
  `${GROUP}resource "alicloud_security_group_rule" "r" {\n  count = ${count}\n  type = "ingress"\n  ip_protocol = "tcp"\n  port_range = ${port}\n  cidr_ip = ${cidr}\n  security_group_id = alicloud_security_group.g.id\n}\n`;

const LOCALS = `locals {
  flat = flatten([
    for r in var.rules : [
      for p in split(",", lookup(r, "ports", "22/22")) : {
        port = p
        cidr = r.cidr
      }
    ]
  ])
}
`;

/** Where `needle` is written in `text`: [line, column, endLine, endColumn] of the quoted string. */
function at(text: string, needle: string) {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

describe('flatten over nested for expressions, with split', () => {
  const vars = 'variable "rules" {\n  default = [\n    { ports = "22/22,80/70", cidr = "10.0.0.0/8" },\n    { cidr = "0.0.0.0/0" },\n  ]\n}\n';

  it('one rule per port: the malformed second port of "22/22,80/70" is found, placed on that string', async () => {
    const f = await lintFiles({ 'main.tf': `${rule('length(local.flat)', 'local.flat[count.index].port', 'local.flat[count.index].cidr')}${LOCALS}`, 'variables.tf': vars }, config);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([
      { ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', ...at(vars, '"22/22,80/70"') },
    ]);
    expect(only(f, 'terraform-rule-type-unknown')).toEqual([]);
  });

  it('the count is the number of ports over all maps (three rules): a fourth index is not created', async () => {
    // count = length(local.flat) is 3: index 3 would be an error in Terraform, so no rule is made for it.
    const main = `${rule('length(local.flat) > 2 ? 1 : 0', '"80/70"')}${LOCALS}`;
    const f = await lintFiles({ 'main.tf': main, 'variables.tf': vars }, config);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', ...at(main, '"80/70"') }]);
    const none = await lintFiles({ 'main.tf': `${rule('length(local.flat) > 3 ? 1 : 0', '"80/70"')}${LOCALS}`, 'variables.tf': vars }, config);
    expect(only(none, 'rule-port-range-malformed')).toEqual([]);
  });

  it('a list that is not known inside flatten may hold lists: the count stays unknown, nothing is guessed', async () => {
    const main = `${rule('length(flatten([var.more, ["a"]])) == 2 ? 0 : 1', '"80/70"')}variable "more" {}\n`;
    const f = await lintFiles({ 'main.tf': main }, config);
    // One representative instance ([*]) is read: its port range is still checked, but only once.
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', ...at(main, '"80/70"') }]);
  });
});

describe('element', () => {
  const vars = 'variable "ports" {\n  default = ["22/22", "80/70"]\n}\n';

  it('element(list, 3) wraps around a two-item list to its second item', async () => {
    const f = await lintFiles({ 'main.tf': rule('1', 'element(var.ports, 3)'), 'variables.tf': vars }, config);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', ...at(vars, '"80/70"') }]);
  });

  it('element(list, count.index) gives each instance its item', async () => {
    const f = await lintFiles({ 'main.tf': rule('2', 'element(var.ports, count.index)'), 'variables.tf': vars }, config);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', ...at(vars, '"80/70"') }]);
  });

  it('a negative index (an error in Terraform) is not known: nothing is reported from it', async () => {
    const f = await lintFiles({ 'main.tf': rule('1', 'element(var.ports, -1)'), 'variables.tf': vars }, config);
    expect(only(f, 'rule-port-range-malformed')).toEqual([]);
  });
});

describe('optional object attributes and coalesce', () => {
  const TYPE = `map(object({
    type        = optional(string, "ingress")
    ip_protocol = string
    port_range  = string
    cidr_ip     = optional(string)
    priority    = optional(number, 200)
  }))`;
  const vars = (value: string) => `variable "rules" {\n  type = ${TYPE}\n  default = {\n    ssh = ${value}\n  }\n}\n`;
  const each = (type: string) =>
    `${GROUP}resource "alicloud_security_group_rule" "r" {\n  for_each = var.rules\n  type = ${type}\n  ip_protocol = each.value.ip_protocol\n  port_range = each.value.port_range\n  cidr_ip = coalesce(each.value.cidr_ip, "10.0.0.0/8")\n  priority = each.value.priority\n  security_group_id = alicloud_security_group.g.id\n}\n`;

  it('an absent optional attribute takes its default: the type is known, the default priority 200 is out of range (placed on the default)', async () => {
    const v = vars('{ ip_protocol = "tcp", port_range = "80/70" }');
    const f = await lintFiles({ 'main.tf': each('coalesce(each.value.type, "egress")'), 'variables.tf': v }, config);
    expect(only(f, 'terraform-rule-type-unknown')).toEqual([]);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', ...at(v, '"80/70"') }]);
    const pri = at(v, '200');
    expect(only(f, 'rule-priority-invalid').map(key)).toEqual([{ ruleId: 'rule-priority-invalid', errorCode: 'InvalidPriority.Malformed', ...pri, endColumn: pri.column + 3 }]);
  });

  it('a null optional attribute takes its default too (the rule is read as ingress); a given one is kept (as a number)', async () => {
    const v = vars('{ type = null, ip_protocol = "tcp", port_range = "80/70", priority = "100" }');
    const f = await lintFiles({ 'main.tf': each('each.value.type'), 'variables.tf': v }, config);
    expect(only(f, 'terraform-rule-type-unknown')).toEqual([]);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', ...at(v, '"80/70"') }]);
    expect(only(f, 'rule-priority-invalid')).toEqual([]);
  });

  it('coalesce skips null and "" ; of values of different types it is not known', async () => {
    const v = vars('{ ip_protocol = "tcp", port_range = "80/70" }');
    const ok = await lintFiles({ 'main.tf': each('coalesce(null, "", "ingress")'), 'variables.tf': v }, config);
    expect(only(ok, 'terraform-rule-type-unknown')).toEqual([]);
    expect(only(ok, 'rule-port-range-malformed').length).toBe(1);
    const mixed = await lintFiles({ 'main.tf': each('coalesce(1, "ingress")'), 'variables.tf': v }, config);
    expect(only(mixed, 'terraform-rule-type-unknown').length).toBe(1);
  });
});

describe('try and can', () => {
  // Rules per element of a map whose objects may lack `port` (line 3: the map).
  const tf = (port: string) =>
    'variable "missing" {}\nresource "alicloud_security_group_rule" "r" {\n  for_each          = { a = { port = "80/70" }, b = {} }\n' +
    `  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = ${port}\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-bp1fg655nh68xyz91234"\n}\n`;
  const bad = (f: Awaited<ReturnType<typeof lintFiles>>) => only(f, 'rule-port-range-malformed').map(key);
  const at = (line: number, column: number) => ({ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line, column, endLine: line, endColumn: column + 7 });

  it('try takes the first argument that does not fail: the port an object has, else the fallback', async () => {
    expect(bad(await lintFiles({ 'main.tf': tf('try(each.value.port, "22/22")') }))).toEqual([at(3, 38)]);
    expect(bad(await lintFiles({ 'main.tf': tf('try(each.value.port, "90/71")') }))).toEqual([at(3, 38), at(6, 44)]);
  });

  it('can tells whether it fails', async () => {
    expect(bad(await lintFiles({ 'main.tf': tf('can(each.value.port) ? "22/22" : "90/71"') }))).toEqual([at(6, 56)]);
  });

  it('an argument that is not known may fail or not: the result is not known', async () => {
    expect(bad(await lintFiles({ 'main.tf': tf('try(var.missing.port, "90/71")') }))).toEqual([]);
    expect(bad(await lintFiles({ 'main.tf': tf('can(var.missing.port) ? "22/22" : "90/71"') }))).toEqual([]);
  });
});

describe('keys, values, lower and upper', () => {
  const rule = (port: string) =>
    `resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = ${port}\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-bp1fg655nh68xyz91234"\n}\n`;
  const group = (name: string) => `resource "alicloud_security_group" "g" {\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n  security_group_name = ${name}\n}\n`;

  it('values and keys list a map in the lexical order of its keys', async () => {
    const f = await lintFiles({ 'main.tf': rule('values({ b = "22/22", a = "80/70" })[0]') });
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([{ ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line: 4, column: 49, endLine: 4, endColumn: 56 }]);
    const k = await lintFiles({ 'main.tf': group('keys({ web = 1, "1st" = 2 })[0]') }, { region: 'cn-hangzhou' });
    expect(only(k, 'name-malformed').map(key)).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 3, column: 41, endLine: 3, endColumn: 46 }]);
  });

  it('lower and upper of ASCII text; other text is not guessed', async () => {
    const f = await lintFiles({ 'main.tf': group('lower("1WEB")') }, { region: 'cn-hangzhou' });
    expect(only(f, 'name-malformed').map(key)).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 3, column: 31, endLine: 3, endColumn: 37 }]);
    expect(only(await lintFiles({ 'main.tf': group('upper("1wéb")') }, { region: 'cn-hangzhou' }), 'name-malformed')).toEqual([]);
  });
});
