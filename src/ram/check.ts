/**
 * The RAM prerequisite check: which calls the inputs imply for each security group, and whether the
 * policies attached to the deploying identity (config `ram.policies`) allow each of them.
 *
 *   CreateSecurityGroup         ecs:CreateSecurityGroup on acs:ecs:{region}:{account}:securitygroup/*
 *                               and, when VpcId is set, on acs:vpc:{region}:{account}:vpc/{vpcId}
 *   ModifySecurityGroupPolicy   ecs:ModifySecurityGroupPolicy, when InnerAccessPolicy is set
 *   AuthorizeSecurityGroup      ecs:AuthorizeSecurityGroup / ecs:AuthorizeSecurityGroupEgress, when the
 *                               group has ingress / egress rules
 */
import type { Config } from '../engine/config.ts';
import { INSTANCE_KEY, regionOf } from '../model.ts';
import type { Model, Node, Permission, RamPolicy, SecurityGroup } from '../model.ts';
import { isUnknown, spanAt, text } from '../load/tree.ts';
import type { Span, Tree } from '../load/tree.ts';
import type { RequestContext } from './condition.ts';
import { evaluate, showArn } from './evaluate.ts';
import type { Decision, NamedPolicy, StatementRef } from './evaluate.ts';
import type { Subject } from './match.ts';
import { parsePolicy } from './policy.ts';

export const RAM_RULES = {
  create: 'ram-create-denied',
  modify: 'ram-modify-policy-denied',
  authorize: 'ram-authorize-denied',
  cannotProve: 'ram-cannot-prove',
  notFound: 'ram-policy-not-found',
} as const;

export interface RamReport {
  ruleId: string;
  at: Node | Tree | Span;
  /** The group the call is for. */
  node?: Node;
  message: string;
}

/**
 * The model's policies that config `ram.policies` names, in config order, and the names that match none.
 * A Terraform address without instance keys names every instance of a block with count or for_each.
 */
export function resolvePolicies(model: Model, config: Config): { policies: { name: string; policy: RamPolicy }[]; missing: number[] } {
  const names = config.ram?.policies ?? [];
  const policies: { name: string; policy: RamPolicy }[] = [];
  const missing: number[] = [];
  names.forEach((name, i) => {
    const hits = model.policies.filter(
      (p) => p.name === name || p.resource === name || p.name === `Resources.${name}` || p.resource === `Resources.${name}` || (p.terraform !== undefined && p.resource.replace(INSTANCE_KEY, '') === name),
    );
    if (hits.length === 0) missing.push(i);
    for (const policy of hits) policies.push({ name: hits.length > 1 ? policy.resource : name, policy });
  });
  return { policies, missing };
}

const cache = new WeakMap<Model, WeakMap<Config, RamReport[]>>();

/** All RAM reports for a model (computed once, shared by the RAM rules). */
export function ramReports(model: Model, config: Config): RamReport[] {
  let byConfig = cache.get(model);
  if (!byConfig) cache.set(model, (byConfig = new WeakMap()));
  let out = byConfig.get(config);
  if (!out) byConfig.set(config, (out = compute(model, config)));
  return out;
}

function compute(model: Model, config: Config): RamReport[] {
  const out: RamReport[] = [];
  if (!config.ram) return out;
  const { policies: resolved, missing } = resolvePolicies(model, config);
  for (const i of missing) {
    const name = config.ram.policies[i]!;
    out.push({
      ruleId: RAM_RULES.notFound,
      at: configSpan(config, `/ram/policies/${i}`),
      message: `no policy file ${name} (relative to ${config.file ? 'the config file' : 'the working directory'}) and no RAM policy named ${name} in the inputs; the RAM checks use the other policies only`,
    });
  }
  const named: NamedPolicy[] = resolved.map(({ name, policy }) => ({ name, parsed: parsePolicy(policy.document) }));
  const consulted = named.length
    ? named.map((p) => p.name).join(', ')
    : `no policy (${config.ram.policies.length === 0 ? 'ram.policies is empty' : 'none of those ram.policies names was found'})`;
  const account: string | null = config.accountId ?? null;

  for (const g of model.groups) {
    const region = regionOf(g) ?? (g.fields.RegionId === undefined ? config.region : undefined) ?? null;
    const holes = (extra: string[] = []): string[] => [...(region === null ? ['region'] : []), ...(account === null ? ['account'] : []), ...extra];
    const arn = (service: string, rest: Subject, extra: string[] = []) => ({
      subject: ['acs:', service, ':', region, ':', account, ':', ...rest] as Subject,
      holes: holes(extra),
    });

    const sg = arn('ecs', ['securitygroup/*']);
    const create = (resource: Subject) => evaluate(named, { action: 'ecs:CreateSecurityGroup', resource, context: NO_RULE_KEYS });
    report(out, create(sg.subject), consulted, g, RAM_RULES.create, 'ecs:CreateSecurityGroup', sg.subject, sg.holes, g);
    const vpcField = g.fields.VpcId;
    if (vpcField !== undefined && !(text(vpcField) === undefined && !isUnknown(vpcField))) {
      const vpcId = text(vpcField) ?? text(g.vpc?.VpcId) ?? null;
      const v = arn('vpc', ['vpc/', vpcId], vpcId === null ? ['vpcId'] : []);
      report(out, create(v.subject), consulted, g, RAM_RULES.create, 'ecs:CreateSecurityGroup', v.subject, v.holes, vpcField);
    }
    // The group's own id is only known after creation.
    const own = arn('ecs', ['securitygroup/', null], ['securityGroupId']);
    if (g.fields.InnerAccessPolicy !== undefined) {
      const d = evaluate(named, { action: 'ecs:ModifySecurityGroupPolicy', resource: own.subject, context: NO_RULE_KEYS });
      report(out, d, consulted, g, RAM_RULES.modify, 'ecs:ModifySecurityGroupPolicy', own.subject, own.holes, g.fields.InnerAccessPolicy);
    }
    for (const direction of ['ingress', 'egress'] as const) {
      const perms = g.permissions.filter((p) => p.direction === direction);
      if (perms.length === 0) continue;
      const action = direction === 'ingress' ? 'ecs:AuthorizeSecurityGroup' : 'ecs:AuthorizeSecurityGroupEgress';
      // Evaluated per rule (conditions may look at a rule's protocol and CIDR); reported once on the group
      // when every rule gets the same answer for the same reason.
      const decisions = perms.map((p) => evaluate(named, { action, resource: own.subject, context: permissionContext(p) }));
      // A Deny decided by a rule's own protocol or CIDR is placed on that rule.
      const byRule = decisions.some((d) => d.deniedBy?.statement.condition !== undefined);
      const same = !byRule && decisions.every((d) => key(d) === key(decisions[0]!));
      if (same) report(out, decisions[0]!, consulted, g, RAM_RULES.authorize, action, own.subject, own.holes, g, perms.length);
      else perms.forEach((p, i) => report(out, decisions[i]!, consulted, g, RAM_RULES.authorize, action, own.subject, own.holes, p));
    }
  }
  return out;
}

function key(d: Decision): string {
  const ref = (r: StatementRef | undefined) => (r ? `${r.policy.name}#${r.statement.index}` : '');
  return [d.result, ref(d.deniedBy), d.maybeDeny.map(ref).join(','), d.maybeAllow.map(ref).join(',')].join('|');
}

/** The condition keys of the rule calls (fact sheet §6.1), in lower case as a RequestContext holds them. */
const PROTOCOLS_KEY = 'ecs:securitygroupipprotocols';
const SOURCE_CIDRS_KEY = 'ecs:securitygroupsourcecidrips';

/**
 * CreateSecurityGroup has no service condition key (the reference's RAM table says None), and
 * ModifySecurityGroupPolicy none is listed for: a Condition on a rule key is false for those calls, not
 * undecided (a negated operator on an absent key stays undecided, as for rules).
 */
const NO_RULE_KEYS: RequestContext = new Map([
  [PROTOCOLS_KEY, null],
  [SOURCE_CIDRS_KEY, null],
]);

/** Condition keys the Authorize calls carry, as far as a rule's fields are known. */
function permissionContext(p: Permission): RequestContext {
  const ctx: RequestContext = new Map();
  const proto = p.fields.IpProtocol;
  if (proto === undefined) ctx.set(PROTOCOLS_KEY, null);
  else if (text(proto) !== undefined) ctx.set(PROTOCOLS_KEY, [text(proto)!]);
  if (p.direction === 'ingress') {
    const cidr = p.fields.SourceCidrIp;
    if (cidr === undefined && p.fields.Ipv6SourceCidrIp === undefined) ctx.set(SOURCE_CIDRS_KEY, null);
    else if (text(cidr) !== undefined) ctx.set(SOURCE_CIDRS_KEY, [text(cidr)!]);
  }
  return ctx;
}

function where(ref: StatementRef): string {
  return `Statement[${ref.statement.index}] of ${ref.policy.name} (${spanAt(ref.statement.node.span)})`;
}

function report(
  out: RamReport[],
  d: Decision,
  consulted: string,
  g: SecurityGroup,
  ruleId: string,
  action: string,
  resource: Subject,
  holes: string[],
  at: Node | Tree,
  count?: number,
): void {
  if (d.result === 'allowed') return;
  const arn = showArn(resource, holes);
  const what = `${action} on ${arn}${count ? ` (for ${count} rule${count > 1 ? 's' : ''})` : ''}`;
  if (d.result === 'denied') {
    const why = d.deniedBy ? `explicitly denied by ${where(d.deniedBy)}` : `no Allow statement matches (implicit deny); policies consulted: ${consulted}`;
    out.push({ ruleId, at, node: g, message: `${g.resource}: the deploying identity may not call ${what}: ${why}` });
    return;
  }
  const reasons: string[] = [];
  for (const r of d.maybeDeny) reasons.push(`the Deny in ${where(r)} may apply (${undecided(r, holes)})`);
  for (const r of d.incomplete) reasons.push(`${r.name} is not fully known statically`);
  if (!d.allowedBy) for (const r of d.maybeAllow) reasons.push(`the only matching Allow, ${where(r)}, may not apply (${undecided(r, holes)})`);
  out.push({
    ruleId: RAM_RULES.cannotProve,
    at,
    node: g,
    message: `${g.resource}: cannot prove the deploying identity may call ${what}: ${reasons.join('; ')}; policies consulted: ${consulted}`,
  });
}

function undecided(r: StatementRef, holes: string[]): string {
  if (r.undecided === 'condition') return 'its Condition depends on the request';
  const missing = holes.filter((h) => h === 'account' || h === 'region');
  return missing.length
    ? `its Resource names a specific ${missing.join('/')}; set ${missing.map((m) => (m === 'account' ? 'accountId' : 'region')).join(' and ')} in the config to decide`
    : `its Resource depends on ${holes.join(', ') || 'an id'} known only at deployment`;
}

/** Where a config value was written (the start of the config file when unknown). */
export function configSpan(config: Config, pointer: string): Span {
  return (
    config.locations?.[pointer] ?? { file: config.file ?? '.sglint.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 }
  );
}
