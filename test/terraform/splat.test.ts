// Splat expressions (`.*`, `[*]`) over lists and over the instances of a resource, and steps after another
// expression (`concat(...)[0]`): a rule's security_group_id written as the official security-group module
// writes it links to its group, so the group's checks apply to the rule.
import { describe, expect, it } from 'vitest';
import { key, lintFiles, only } from '../helpers.ts';

const MOD =
  'variable "create" {\n  default = true\n}\nvariable "existing_security_group_id" {\n  default = ""\n}\nvariable "vpc_id" {\n  default = ""\n}\n' +
  'resource "alicloud_security_group" "this" {\n  count  = var.create && var.existing_security_group_id == "" ? 1 : 0\n  vpc_id = var.vpc_id\n}\n' +
  'locals {\n  this_sg_id = var.existing_security_group_id != "" ? var.existing_security_group_id : concat(alicloud_security_group.this.*.id, [""])[0]\n}\n' +
  'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n  nic_type          = "internet"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = local.this_sg_id\n}\n';
const ROOT = 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\nmodule "sg" {\n  source = "../mod"\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';
// nic_type = "internet" on a rule of a VPC group: mod/main.tf:21:23.
const NIC = { ruleId: 'rule-nic-type-mismatch', errorCode: 'InvalidNicType.Mismatch', line: 21, column: 23, endLine: 21, endColumn: 33 };

describe('the instances of a resource', () => {
  it('concat(alicloud_security_group.this.*.id, [""])[0] names the group: its VPC makes nic_type internet a mismatch', async () => {
    const f = await lintFiles({ 'mod/main.tf': MOD, 'root/main.tf': ROOT });
    expect(only(f, 'rule-nic-type-mismatch').map(key)).toEqual([NIC]);
  });

  const two = (ref: string) =>
    'resource "alicloud_security_group" "g" {\n  count  = 2\n  vpc_id = count.index == 0 ? "vpc-bp1opxu1zkhn00gzv1234" : null\n}\n' +
    `resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n  nic_type          = "internet"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = ${ref}\n}\n`;
  // nic_type = "internet" of the rule: main.tf:9:23.
  const nic = { ...NIC, line: 9, endLine: 9 };

  it('each instance in order: element(g[*].id, 0) is the VPC group, element(g[*].id, 1) the classic one', async () => {
    expect(only(await lintFiles({ 'main.tf': two('element(alicloud_security_group.g[*].id, 0)') }, { region: 'cn-hangzhou' }), 'rule-nic-type-mismatch').map(key)).toEqual([nic]);
    expect(only(await lintFiles({ 'main.tf': two('element(alicloud_security_group.g[*].id, 1)') }, { region: 'cn-hangzhou' }), 'rule-nic-type-mismatch')).toEqual([]);
  });

  it('after .* an index applies to the list: alicloud_security_group.g.*.id[0] is the first instance', async () => {
    expect(only(await lintFiles({ 'main.tf': two('alicloud_security_group.g.*.id[0]') }, { region: 'cn-hangzhou' }), 'rule-nic-type-mismatch').map(key)).toEqual([nic]);
    expect(only(await lintFiles({ 'main.tf': two('alicloud_security_group.g.*.id[1]') }, { region: 'cn-hangzhou' }), 'rule-nic-type-mismatch')).toEqual([]);
  });

  it('a resource with for_each is not guessed: no link, no finding', async () => {
    const each = 'resource "alicloud_security_group" "g" {\n  for_each = toset(["a"])\n  vpc_id   = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';
    const rule = 'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = "22/22"\n  nic_type          = "internet"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.g.*.id[0]\n}\n';
    expect(only(await lintFiles({ 'main.tf': each + rule }, { region: 'cn-hangzhou' }), 'rule-nic-type-mismatch')).toEqual([]);
  });
});

describe('over a known list', () => {
  it('var.rules[*].port takes each element\'s attribute: the second port range is checked where it is written', async () => {
    const tf =
      'variable "rules" {\n  default = [{ port = "22/22" }, { port = "80/70" }]\n}\n' +
      'resource "alicloud_security_group_rule" "r" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = element(var.rules[*].port, 1)\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-bp1fg655nh68xyz91234"\n}\n';
    expect(only(await lintFiles({ 'main.tf': tf }), 'rule-port-range-malformed').map(key)).toEqual([
      { ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line: 2, column: 43, endLine: 2, endColumn: 50 },
    ]);
  });
});

describe('bounded work', () => {
  it('splats share the budget of for expressions: past it a splat is not known (never guessed, never a hang)', async () => {
    // 130,000 instances listed twice is past the 250,000 elements a root module's expressions may visit.
    const tf =
      'resource "alicloud_security_group" "g" {\n  count  = 130000\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' +
      'locals {\n  a = length(alicloud_security_group.g.*.id)\n  b = length(alicloud_security_group.g.*.id)\n}\n' +
      'resource "alicloud_security_group_rule" "first" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = local.a > 0 ? "80/70" : "22/22"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-bp1fg655nh68xyz91234"\n}\n' +
      'resource "alicloud_security_group_rule" "second" {\n  type              = "ingress"\n  ip_protocol       = "tcp"\n  port_range        = local.b > 0 ? "80/70" : "22/22"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-bp1fg655nh68xyz91234"\n}\n';
    const f = only(await lintFiles({ 'main.tf': tf }, { region: 'cn-hangzhou' }), 'rule-port-range-malformed');
    expect(f.map((x) => x.span.line)).toEqual([12]);
  }, 30_000);
});
