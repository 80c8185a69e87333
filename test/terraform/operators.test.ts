// Terraform operators on known values (arithmetic, comparison, logic) are computed as Terraform computes
// them; what Terraform might convert otherwise, or rejects, stays unknown.
import { describe, expect, it } from 'vitest';
import { key, lintFiles, only } from '../helpers.ts';

const GROUP = 'resource "alicloud_security_group" "g" {\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';
const config = { region: 'cn-hangzhou' };

/** A rule (lines 4-9 after GROUP's three) with the given count, type and priority expressions. */
const rule = (count: string, type = '"ingress"', priority = '1', port = 'var.ports[count.index]') =>
  `${GROUP}resource "alicloud_security_group_rule" "r" {\n  count = ${count}\n  type = ${type}\n  ip_protocol = "tcp"\n  port_range = ${port}\n  cidr_ip = "10.0.0.0/8"\n  security_group_id = alicloud_security_group.g.id\n  priority = ${priority}\n}\n`;

const VARS = 'variable "ports" {\n  default = ["22/22", "80/70"]\n}\nvariable "none" {\n  default = []\n}\nvariable "on" {\n  default = true\n}\nvariable "five" {\n  default = "5"\n}\n';
// The second port range, `"80/70"`, written at variables.tf:2:23.
const BAD_PORT = { ruleId: 'rule-port-range-malformed', errorCode: 'InvalidParam.PortRange', line: 2, column: 23, endLine: 2, endColumn: 30 };

describe('count from comparisons and logic', () => {
  it('length(var.ports) > 0 && var.on ? length(var.ports) : 0 makes one instance per port: the bad one is found', async () => {
    const f = await lintFiles({ 'main.tf': rule('length(var.ports) > 0 && var.on ? length(var.ports) : 0'), 'variables.tf': VARS }, config);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([BAD_PORT]);
    expect(only(f, 'terraform-rule-type-unknown')).toEqual([]);
  });

  it('length(var.none) > 0 ? 1 : 0 is 0: the rule is not created, so its bad port range is not reported', async () => {
    const f = await lintFiles({ 'main.tf': rule('length(var.none) > 0 ? 1 : 0', '"ingress"', '1', '"80/70"'), 'variables.tf': VARS }, config);
    expect(f.filter((x) => x.ruleId.startsWith('rule-'))).toEqual([]);
    const control = await lintFiles({ 'main.tf': rule('length(var.none) == 0 ? 1 : 0', '"ingress"', '1', '"80/70"'), 'variables.tf': VARS }, config);
    expect(only(control, 'rule-port-range-malformed').map(key)).toEqual([{ ...BAD_PORT, line: 8, column: 16, endLine: 8, endColumn: 23 }]);
  });

  it('!, ||, <= and != are computed too', async () => {
    const f = await lintFiles({ 'main.tf': rule('!var.on || 3 <= 2 ? 0 : (var.on != false ? 2 : 0)'), 'variables.tf': VARS }, config);
    expect(only(f, 'rule-port-range-malformed').map(key)).toEqual([BAD_PORT]);
  });
});

describe('arithmetic', () => {
  it('priority = 50 * 3 is 150: out of range, reported at the expression', async () => {
    const f = await lintFiles({ 'main.tf': rule('1', '"ingress"', '50 * 3', '"22/22"') }, config);
    expect(only(f, 'rule-priority-invalid').map(key)).toEqual([{ ruleId: 'rule-priority-invalid', errorCode: 'InvalidPriority.Malformed', line: 11, column: 14, endLine: 11, endColumn: 20 }]);
  });

  it('precedence and number strings: 1 + 2 * 3 - "10" / 5 % 3 is 5, in range', async () => {
    const ok = await lintFiles({ 'main.tf': rule('1', '"ingress"', '1 + 2 * 3 - "10" / 5 % 3', '"22/22"') }, config);
    expect(only(ok, 'rule-priority-invalid')).toEqual([]);
    const bad = await lintFiles({ 'main.tf': rule('1', '"ingress"', '(1 + 2) * 3 * 40', '"22/22"') }, config);
    expect(only(bad, 'rule-priority-invalid').map((x) => x.span.line)).toEqual([11]);
  });

  it('an operand with steps after a call: values({ a = 50 })[0] * 3 is 150', async () => {
    const f = await lintFiles({ 'main.tf': rule('1', '"ingress"', 'values({ a = 50 })[0] * 3', '"22/22"') }, config);
    expect(only(f, 'rule-priority-invalid').map(key)).toEqual([{ ruleId: 'rule-priority-invalid', errorCode: 'InvalidPriority.Malformed', line: 11, column: 14, endLine: 11, endColumn: 39 }]);
  });

  it('in a .tf.json string: "${50 * 3}" is placed on the expression in the string', async () => {
    const json = JSON.stringify({
      resource: {
        alicloud_security_group: { g: { vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' } },
        alicloud_security_group_rule: { r: { type: 'ingress', ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '10.0.0.0/8', security_group_id: '${alicloud_security_group.g.id}', priority: '${50 * 3}' } },
      },
    });
    const f = only(await lintFiles({ 'main.tf.json': json }, config), 'rule-priority-invalid');
    const col = json.indexOf('50 * 3') + 1;
    expect(f.map(key)).toEqual([{ ruleId: 'rule-priority-invalid', errorCode: 'InvalidPriority.Malformed', line: 1, column: col, endLine: 1, endColumn: col + 6 }]);
  });
});

describe('nothing guessed', () => {
  it('"5" == 5 (a type constraint may have converted the string): not known, the type is reported as not known', async () => {
    const f = await lintFiles({ 'main.tf': rule('1', 'var.five == 5 ? "ingress" : "sideways"', '1', '"22/22"'), 'variables.tf': VARS }, config);
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    expect(only(f, 'terraform-rule-type-unknown').map((x) => x.span.line)).toEqual([6]);
  });

  it('a division by zero, a % of negatives and an operand not known stay unknown', async () => {
    for (const p of ['1 / 0', '-7 % 3', 'var.missing * 2']) {
      const f = await lintFiles({ 'main.tf': rule('1', '"ingress"', p, '"22/22"') }, config);
      expect(f.filter((x) => x.severity === 'error').map((x) => x.ruleId)).toEqual([]);
    }
  });
});
