// A ROS resource's Count: how many groups or rules it creates, counted against the quotas.
import { describe, expect, it } from 'vitest';
import { key, lintFiles, only } from '../helpers.ts';
import type { Config } from '../../src/engine/config.ts';

const HEAD = "ROSTemplateFormatVersion: '2015-09-01'\n";

const quota = (groups?: number, rules = 200): Partial<Config> =>
  groups === undefined ? { region: 'cn-hangzhou' } : { region: 'cn-hangzhou', quota: { securityGroupsPerRegion: groups, rulesPerGroup: rules } };

describe('Count on ALIYUN::ECS::SecurityGroup', () => {
  // Sg is on lines 9-13 (its key at 9:3, its VpcId value ending at 13:39).
  const template = (count: string) =>
    `${HEAD}Parameters:\n  N:\n    Type: Number\n    Default: 150\n  Unset:\n    Type: Number\nResources:\n` +
    `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Count: ${count}\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n`;
  const at = { ruleId: 'group-quota', errorCode: 'QuotaExceed.SecurityGroup', line: 9, column: 3, endLine: 13, endColumn: 39 };

  it('Count 150 with the default quota: one warning, at the group', async () => {
    const f = only(await lintFiles({ 't.ros.yaml': template('150') }, quota()), 'group-quota');
    expect(f.map(key)).toEqual([at]);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.resource).toBe('Resources.Sg');
    expect(f[0]!.message).toContain('150 security groups');
  });

  it('Count 150 past a configured quota of 120: one error, at the group', async () => {
    const f = only(await lintFiles({ 't.ros.yaml': template('150') }, quota(120)), 'group-quota');
    expect(f.map(key)).toEqual([at]);
    expect(f[0]!.severity).toBe('error');
  });

  it('Count under the quota: no finding; one past it: a finding', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('100') }, quota()), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('120') }, quota(120)), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('121') }, quota(120)), 'group-quota').map(key)).toEqual([at]);
  });

  it('Count as a Ref to a parameter with a Default counts that many (and a --parameter value)', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('!Ref N') }, quota(120)), 'group-quota').map(key)).toEqual([at]);
    expect(only(await lintFiles({ 't.ros.yaml': template('{Ref: N}') }, quota()), 'group-quota').map(key)).toEqual([at]);
    expect(only(await lintFiles({ 't.ros.yaml': template('!Ref N') }, { ...quota(120), parameters: { N: '100' } }), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('!Ref Unset') }, { ...quota(1), parameters: { Unset: '2' } }), 'group-quota').map(key)).toEqual([at]);
  });

  it('Count as a Ref to a parameter without a Default counts one: no false finding', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('!Ref Unset') }, quota(1)), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('2') }, quota(1)), 'group-quota').map(key)).toEqual([at]);
  });

  it('Count 0 creates no group', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('0') }, quota(0)), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('1') }, quota(0)), 'group-quota').map(key)).toEqual([at]);
  });

  it('groups of several resources add up, and the one that crosses the quota is reported', async () => {
    const t =
      `${HEAD}Resources:\n  A:\n    Type: ALIYUN::ECS::SecurityGroup\n    Count: 60\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
      `  B:\n    Type: ALIYUN::ECS::SecurityGroup\n    Count: 60\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n`;
    const f = only(await lintFiles({ 't.ros.yaml': t }, quota()), 'group-quota');
    expect(f.map(key)).toEqual([{ ...at, line: 8, endLine: 12 }]);
    expect(f[0]!.resource).toBe('Resources.B');
  });

  it('the rules of a group with a Count are each group\'s own: not multiplied by it', async () => {
    const t =
      `${HEAD}Resources:\n  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Count: 3\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      SecurityGroupIngress:\n` +
      `        - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}\n        - {IpProtocol: tcp, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8}\n`;
    expect(only(await lintFiles({ 't.ros.yaml': t }, quota(100, 2)), 'rule-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': t }, quota(2, 2)), 'group-quota').map((x) => [x.span.line, x.severity])).toEqual([[3, 'error']]);
  });
});

describe('Count on ALIYUN::ECS::SecurityGroupIngress / Egress', () => {
  // Sg and Peer are groups of one VPC; Sg has `inline` rules referencing Peer, then Rule authorises on Sg,
  // one port per copy (ALIYUN::Index).
  const template = (count: string, opts: { type?: string; inline?: number; port?: string } = {}) => {
    const type = opts.type ?? 'SecurityGroupIngress';
    const peer = type === 'SecurityGroupIngress' ? 'SourceGroupId' : 'DestGroupId';
    const inline = Array.from({ length: opts.inline ?? 0 }, (_, i) => `        - {IpProtocol: tcp, PortRange: ${9000 + i}/${9000 + i}, SourceGroupId: !Ref Peer}\n`).join('');
    return (
      `${HEAD}Parameters:\n  N:\n    Type: Number\n    Default: 25\n  Unset:\n    Type: Number\nResources:\n` +
      `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
      (inline ? `      SecurityGroupIngress:\n${inline}` : '') +
      `  Peer:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n` +
      `  Rule:\n    Type: ALIYUN::ECS::${type}\n    Count: ${count}\n    Properties:\n      SecurityGroupId: !Ref Sg\n      IpProtocol: tcp\n      ${peer}: !Ref Peer\n` +
      `      PortRange: ${opts.port ?? "!Sub '${ALIYUN::Index}/${ALIYUN::Index}'"}\n`
    );
  };
  // Without inline rules, Rule is on lines 17-24; its SourceGroupId's `Peer` on line 23, columns 27-31
  // (DestGroupId's: 25-29).
  const shift = (inline = 0) => (inline ? inline + 1 : 0);
  const limitAt = (inline = 0, egress = false) => ({
    ruleId: 'rule-group-reference-limit',
    errorCode: 'AuthorizedGroupRule.LimitExceed',
    line: 23 + shift(inline),
    column: egress ? 25 : 27,
    endLine: 23 + shift(inline),
    endColumn: egress ? 29 : 31,
  });
  const quotaAt = (inline = 0) => ({ ruleId: 'rule-quota', errorCode: 'AuthorizationLimitExceed', line: 17 + shift(inline), column: 3, endLine: 24 + shift(inline), endColumn: 58 });

  it('an Ingress with Count 25 referencing a group: past the 20 group references, reported once at its SourceGroupId', async () => {
    const f = only(await lintFiles({ 't.ros.yaml': template('25') }, quota()), 'rule-group-reference-limit');
    expect(f.map(key)).toEqual([limitAt()]);
    expect(f[0]!.resource).toBe('Resources.Rule');
    expect(f[0]!.message).toContain('25 rules');
  });

  it('an Egress with Count 21: past the limit; with Count 20: not', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('21', { type: 'SecurityGroupEgress' }) }, quota()), 'rule-group-reference-limit').map(key)).toEqual([limitAt(0, true)]);
    expect(only(await lintFiles({ 't.ros.yaml': template('20', { type: 'SecurityGroupEgress' }) }, quota()), 'rule-group-reference-limit')).toEqual([]);
  });

  it("Count adds to the group's other rules: 15 + Count 5 is 20, 15 + Count 6 is 21", async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('5', { inline: 15 }) }, quota()), 'rule-group-reference-limit')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('6', { inline: 15 }) }, quota()), 'rule-group-reference-limit').map(key)).toEqual([limitAt(15)]);
  });

  it('the rule quota: Count 25 past a quota of 20 is one finding at the rule resource; under it none', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('25') }, quota(100, 20)), 'rule-quota').map(key)).toEqual([quotaAt()]);
    expect(only(await lintFiles({ 't.ros.yaml': template('25') }, quota(100, 25)), 'rule-quota')).toEqual([]);
  });

  it('Count as a Ref to a parameter with a Default counts that many', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('!Ref N') }, quota()), 'rule-group-reference-limit').map(key)).toEqual([limitAt()]);
    expect(only(await lintFiles({ 't.ros.yaml': template('!Ref N') }, quota(100, 24)), 'rule-quota').map(key)).toEqual([quotaAt()]);
  });

  it('Count as a Ref to a parameter without a Default counts one: no false finding', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('!Ref Unset', { inline: 19 }) }, quota()), 'rule-group-reference-limit')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('2', { inline: 19 }) }, quota()), 'rule-group-reference-limit').map(key)).toEqual([limitAt(19)]);
  });

  it('Count 0 adds no rule', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('0', { inline: 20 }) }, quota()), 'rule-group-reference-limit')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('0', { inline: 20 }) }, quota(100, 20)), 'rule-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('1', { inline: 20 }) }, quota(100, 20)), 'rule-quota').map(key)).toEqual([quotaAt(20)]);
  });

  it('copies that are one and the same rule (no ALIYUN::Index) add it once; an Index in the Description only does not make them differ', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('25', { port: '22/22' }) }, quota()), 'rule-group-reference-limit')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('25', { port: "22/22\n      Description: !Sub 'copy ${ALIYUN::Index}'" }) }, quota()), 'rule-group-reference-limit')).toEqual([]);
    for (const port of ['!Select [!Ref ALIYUN::Index, [1/1, 2/2]]', "{'Fn::Sub': '${ALIYUN::Index}/${ALIYUN::Index}'}", "!Sub ['${I}/${I}', {I: !Ref ALIYUN::Index}]"]) {
      expect(only(await lintFiles({ 't.ros.yaml': template('25', { port }) }, quota()), 'rule-group-reference-limit').map(key), port).toEqual([limitAt()]);
    }
  });
});

describe('Count on a group with conditions', () => {
  it('a group read once per Fn::If branch counts its Count once', async () => {
    const t =
      `${HEAD}Parameters:\n  Env: {Type: String, Default: prod, AllowedValues: [prod, dev]}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n` +
      `  Sg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Count: 60\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n      SecurityGroupName: !If [IsProd, web-prod, web-dev]\n`;
    expect(only(await lintFiles({ 't.ros.yaml': t }, quota(60)), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': t }, quota(59)), 'group-quota').map((x) => [x.span.line, x.span.column])).toEqual([[7, 3]]);
  });
});

describe('Count on a nested stack whose template is written inline', () => {
  // The stack is on lines 3-13; its template's group Web is on lines 10-13.
  const template = (count: string) =>
    `${HEAD}Resources:\n  Net:\n    Type: ALIYUN::ROS::Stack\n    Count: ${count}\n    Properties:\n      TemplateBody:\n        ROSTemplateFormatVersion: '2015-09-01'\n        Resources:\n` +
    `          Web:\n            Type: ALIYUN::ECS::SecurityGroup\n            Properties:\n              VpcId: vpc-bp1opxu1zkhn00gzv1234\n`;

  it('each copy of the stack creates its groups again: Count 101 of one group is past the default quota', async () => {
    const f = only(await lintFiles({ 't.ros.yaml': template('101') }, quota()), 'group-quota');
    expect(f.map(key)).toEqual([{ ruleId: 'group-quota', errorCode: 'QuotaExceed.SecurityGroup', line: 10, column: 11, endLine: 13, endColumn: 47 }]);
    expect(f[0]!.resource).toBe('Resources.Net.Resources.Web');
  });

  it('the message names the Count that makes the copies: the stack, and the group after it when it has one too', async () => {
    const [f] = only(await lintFiles({ 't.ros.yaml': template('101') }, quota()), 'group-quota');
    expect(f!.message).toContain('101 of them by the Count of Resources.Net)');
    const both = template('51').replace('            Type: ALIYUN::ECS::SecurityGroup\n', '            Type: ALIYUN::ECS::SecurityGroup\n            Count: 2\n');
    const [g] = only(await lintFiles({ 't.ros.yaml': both }, quota()), 'group-quota');
    expect(key(g!)).toEqual({ ruleId: 'group-quota', errorCode: 'QuotaExceed.SecurityGroup', line: 10, column: 11, endLine: 14, endColumn: 47 });
    expect(g!.message).toContain('102 of them by the Count of Resources.Net times the Count of Resources.Net.Resources.Web)');
  });

  it('Count 100 or 0 is not past it', async () => {
    expect(only(await lintFiles({ 't.ros.yaml': template('100') }, quota()), 'group-quota')).toEqual([]);
    expect(only(await lintFiles({ 't.ros.yaml': template('0') }, quota(0)), 'group-quota')).toEqual([]);
  });
});
