import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/load/parse.ts';
import { evaluate } from '../../src/ram/evaluate.ts';
import type { NamedPolicy } from '../../src/ram/evaluate.ts';
import { globMatch } from '../../src/ram/match.ts';
import type { Subject } from '../../src/ram/match.ts';
import { parsePolicy } from '../../src/ram/policy.ts';
import type { RequestContext } from '../../src/ram/condition.ts';

function policy(doc: unknown, name = 'p.json'): NamedPolicy {
  const parsed = parseJson(name, JSON.stringify(doc, null, 2));
  const p = parsePolicy(parsed.docs[0]!);
  expect(p.problems).toEqual([]);
  return { name, parsed: p };
}

const stmt = (s: Record<string, unknown>) => ({ Version: '1', Statement: [s] });
const SG = (region: string | null, account: string | null): Subject => ['acs:ecs:', region, ':', account, ':securitygroup/*'];
const VPC = (account: string | null, id: string | null): Subject => ['acs:vpc:cn-hangzhou:', account, ':vpc/', id];
const ACCT = '1234567890123456';

function decide(policies: NamedPolicy[], action: string, resource: Subject, context?: RequestContext) {
  return evaluate(policies, { action, resource, context }).result;
}

describe('wildcard matching', () => {
  it('* matches any sequence, ? exactly one character', () => {
    expect(globMatch('ecs:Describe*', ['ecs:DescribeSecurityGroups'], 'all', true)).toBe(true);
    expect(globMatch('ecs:*SecurityGroup*', ['ecs:AuthorizeSecurityGroupEgress'], 'all', true)).toBe(true);
    expect(globMatch('ecs:Create?ecurityGroup', ['ecs:CreateSecurityGroup'], 'all', true)).toBe(true);
    expect(globMatch('ecs:Create?SecurityGroup', ['ecs:CreateSecurityGroup'], 'all', true)).toBe(false);
    expect(globMatch('acs:ecs:*:*:securitygroup/*', ['acs:ecs:cn-hangzhou:1:securitygroup/*'], 'all')).toBe(true);
    expect(globMatch('acs:ecs:*:*:instance/*', ['acs:ecs:cn-hangzhou:1:securitygroup/*'], 'all')).toBe(false);
  });
  it('holes are covered by * for every value, and by literals only for some values', () => {
    const s: Subject = ['acs:ecs:cn-hangzhou:', null, ':securitygroup/*'];
    expect(globMatch('acs:ecs:*:*:securitygroup/*', s, 'all')).toBe(true);
    expect(globMatch(`acs:ecs:*:${ACCT}:securitygroup/*`, s, 'all')).toBe(false);
    expect(globMatch(`acs:ecs:*:${ACCT}:securitygroup/*`, s, 'some')).toBe(true);
    expect(globMatch('acs:ecs:*:*:instance/*', s, 'some')).toBe(false);
  });
});

describe('RAM evaluation', () => {
  it('implicit deny when nothing matches', () => {
    const p = policy(stmt({ Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' }));
    const d = evaluate([p], { action: 'ecs:CreateSecurityGroup', resource: SG('cn-hangzhou', ACCT) });
    expect(d.result).toBe('denied');
    expect(d.deniedBy).toBeUndefined();
    expect(decide([], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('denied');
  });

  it('wildcard actions match case-insensitively', () => {
    const p = policy(stmt({ Effect: 'Allow', Action: ['ECS:*securitygroup*'], Resource: '*' }));
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('allowed');
    expect(decide([p], 'ecs:RunInstances', SG('cn-hangzhou', ACCT))).toBe('denied');
  });

  it('ARNs match case-sensitively', () => {
    const p = policy(stmt({ Effect: 'Allow', Action: 'ecs:CreateSecurityGroup', Resource: 'acs:ecs:*:*:SecurityGroup/*' }));
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('denied');
  });

  it('string and list forms are the same', () => {
    const a = policy(stmt({ Effect: 'Allow', Action: 'ecs:CreateSecurityGroup', Resource: 'acs:ecs:*:*:securitygroup/*' }));
    const b = policy(stmt({ Effect: 'Allow', Action: ['ecs:CreateSecurityGroup'], Resource: ['acs:ecs:*:*:securitygroup/*'] }));
    for (const p of [a, b]) {
      expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('allowed');
      expect(decide([p], 'ecs:CreateSecurityGroup', VPC(ACCT, 'vpc-1'))).toBe('denied');
    }
  });

  it('wildcard resources: region and VPC id patterns', () => {
    const p = policy(stmt({ Effect: 'Allow', Action: 'ecs:CreateSecurityGroup', Resource: ['acs:ecs:cn-*:*:securitygroup/*', 'acs:vpc:*:*:vpc/vpc-bp1?'] }));
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('allowed');
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('ap-southeast-1', ACCT))).toBe('denied');
    expect(decide([p], 'ecs:CreateSecurityGroup', VPC(ACCT, 'vpc-bp1x'))).toBe('allowed');
    expect(decide([p], 'ecs:CreateSecurityGroup', VPC(ACCT, 'vpc-bp1xy'))).toBe('denied');
  });

  it('a matching Deny wins over any Allow, in the same or another policy', () => {
    const allow = policy(stmt({ Effect: 'Allow', Action: '*', Resource: '*' }), 'admin.json');
    const deny = policy(stmt({ Effect: 'Deny', Action: 'ecs:CreateSecurityGroup', Resource: 'acs:vpc:*:*:vpc/*' }), 'guard.json');
    expect(decide([allow, deny], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('allowed');
    const d = evaluate([allow, deny], { action: 'ecs:CreateSecurityGroup', resource: VPC(ACCT, 'vpc-1') });
    expect(d.result).toBe('denied');
    expect(d.deniedBy?.policy.name).toBe('guard.json');
    expect(d.deniedBy?.statement.index).toBe(0);
    const both = policy({ Version: '1', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }, { Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect(decide([both], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('denied');
  });

  it('NotAction allows everything except the listed actions', () => {
    const p = policy(stmt({ Effect: 'Allow', NotAction: ['ecs:Delete*', 'ecs:CreateSecurityGroup'], Resource: '*' }));
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('denied');
    expect(decide([p], 'ecs:AuthorizeSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('allowed');
    const deny = policy(stmt({ Effect: 'Deny', NotAction: 'ecs:Describe*', Resource: '*' }));
    expect(decide([p, deny], 'ecs:AuthorizeSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('denied');
  });

  it('NotResource applies to every resource except the listed ones', () => {
    const p = policy(stmt({ Effect: 'Allow', Action: 'ecs:CreateSecurityGroup', NotResource: 'acs:vpc:*:*:vpc/*' }));
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('allowed');
    expect(decide([p], 'ecs:CreateSecurityGroup', VPC(ACCT, 'vpc-1'))).toBe('denied');
  });

  it('an explicit account is proven only when the account id is known', () => {
    const p = policy(stmt({ Effect: 'Allow', Action: 'ecs:CreateSecurityGroup', Resource: `acs:ecs:*:${ACCT}:securitygroup/*` }));
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('allowed');
    expect(decide([p], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', '9999999999999999'))).toBe('denied');
    const d = evaluate([p], { action: 'ecs:CreateSecurityGroup', resource: SG('cn-hangzhou', null) });
    expect(d.result).toBe('unknown');
    expect(d.maybeAllow[0]?.undecided).toBe('resource');
    // The account wildcard holds for every account.
    const any = policy(stmt({ Effect: 'Allow', Action: 'ecs:CreateSecurityGroup', Resource: 'acs:ecs:*:*:securitygroup/*' }));
    expect(decide([any], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', null))).toBe('allowed');
  });

  it('a Deny for a specific account makes an unknown account unprovable, never allowed', () => {
    const allow = policy(stmt({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const deny = policy(stmt({ Effect: 'Deny', Action: 'ecs:CreateSecurityGroup', Resource: `acs:ecs:*:${ACCT}:*` }));
    expect(decide([allow, deny], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', null))).toBe('unknown');
    expect(decide([allow, deny], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', '1111111111111111'))).toBe('allowed');
  });

  it('conditions on request context cannot be proven', () => {
    const allow = policy(stmt({ Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': ['10.0.0.0/8'] } } }));
    const d = evaluate([allow], { action: 'ecs:CreateSecurityGroup', resource: SG('cn-hangzhou', ACCT) });
    expect(d.result).toBe('unknown');
    expect(d.maybeAllow[0]?.undecided).toBe('condition');
    // A conditional Deny beside an unconditional Allow: cannot prove either.
    const all = policy(stmt({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const deny = policy(stmt({ Effect: 'Deny', Action: 'ecs:*', Resource: '*', Condition: { Bool: { 'acs:MFAPresent': 'false' } } }));
    expect(decide([all, deny], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('unknown');
  });

  it('conditions on keys the request carries are decided', () => {
    const all = policy(stmt({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const deny = policy(
      stmt({ Effect: 'Deny', Action: 'ecs:AuthorizeSecurityGroup', Resource: '*', Condition: { StringEquals: { 'ecs:SecurityGroupSourceCidrIps': ['0.0.0.0/0'] } } }),
    );
    const ctx = (cidr: string | null): RequestContext => new Map([['ecs:securitygroupsourcecidrips', cidr === null ? null : [cidr]]]);
    const r = SG('cn-hangzhou', ACCT);
    expect(decide([all, deny], 'ecs:AuthorizeSecurityGroup', r, ctx('0.0.0.0/0'))).toBe('denied');
    expect(decide([all, deny], 'ecs:AuthorizeSecurityGroup', r, ctx('10.0.0.0/8'))).toBe('allowed');
    expect(decide([all, deny], 'ecs:AuthorizeSecurityGroup', r, ctx(null))).toBe('allowed');
    expect(decide([all, deny], 'ecs:AuthorizeSecurityGroup', r, new Map())).toBe('unknown');
    const like = policy(stmt({ Effect: 'Deny', Action: 'ecs:Authorize*', Resource: '*', Condition: { StringNotLike: { 'ecs:SecurityGroupSourceCidrIps': '10.*' } } }));
    expect(decide([all, like], 'ecs:AuthorizeSecurityGroup', r, ctx('192.168.0.0/16'))).toBe('denied');
    expect(decide([all, like], 'ecs:AuthorizeSecurityGroup', r, ctx('10.1.0.0/16'))).toBe('allowed');
    expect(decide([all, like], 'ecs:AuthorizeSecurityGroup', r, ctx(null))).toBe('unknown');
  });

  it('a policy with parts unknown statically cannot prove a grant', () => {
    const p = parsePolicy({ type: 'unknown', expr: 'var.doc', span: { file: 'main.tf', line: 1, column: 1, endLine: 1, endColumn: 8 } });
    expect(p.complete).toBe(false);
    expect(decide([{ name: 'alicloud_ram_policy.x', parsed: p }], 'ecs:CreateSecurityGroup', SG('cn-hangzhou', ACCT))).toBe('unknown');
  });
});
