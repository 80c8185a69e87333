/**
 * RAM evaluation as the service does it: implicit deny; a request is allowed when an Allow statement
 * matches its action and resource and no Deny does; any matching Deny wins. Actions match
 * case-insensitively, ARNs case-sensitively. Whatever the linter cannot decide (a Condition on request
 * context, an account id it does not know) makes the answer "unknown", never "allowed".
 */
import { and, evalCondition } from './condition.ts';
import type { RequestContext, Tri } from './condition.ts';
import { globMatch } from './match.ts';
import type { Subject } from './match.ts';
import type { ParsedPolicy, Statement } from './policy.ts';

export interface NamedPolicy {
  /** How the user named it: a file path, a Terraform address, a ROS logical id. */
  name: string;
  parsed: ParsedPolicy;
}

export interface RamRequest {
  action: string;
  /** The resource ARN; holes (null) where a part is not known statically. */
  resource: Subject;
  context?: RequestContext;
}

export interface StatementRef {
  policy: NamedPolicy;
  statement: Statement;
  /** Why it may or may not apply: its Condition, or a hole in the ARN (account, VPC id). */
  undecided?: 'condition' | 'resource';
}

export interface Decision {
  result: 'allowed' | 'denied' | 'unknown';
  /** The Deny statement that applies (explicit deny). */
  deniedBy?: StatementRef;
  /** An Allow statement that certainly applies. */
  allowedBy?: StatementRef;
  /** Statements that may apply; the reason the result is unknown. */
  maybeDeny: StatementRef[];
  maybeAllow: StatementRef[];
  /** Policies with parts not known statically (they might hold a Deny or an Allow). */
  incomplete: NamedPolicy[];
}

export function actionMatches(st: Statement, action: string): boolean {
  const hit = st.actions.some((p) => globMatch(p.text, [action], 'all', true));
  return st.notAction ? !hit : hit;
}

export function resourceMatches(st: Statement, resource: Subject): Tri {
  const all = st.resources.some((p) => globMatch(p.text, resource, 'all'));
  const some = all || st.resources.some((p) => globMatch(p.text, resource, 'some'));
  if (st.notResource) return some ? (all ? 'no' : 'maybe') : 'yes';
  return all ? 'yes' : some ? 'maybe' : 'no';
}

export function evaluate(policies: NamedPolicy[], req: RamRequest): Decision {
  const d: Decision = { result: 'denied', maybeDeny: [], maybeAllow: [], incomplete: [] };
  const ctx: RequestContext = req.context ?? new Map();
  for (const policy of policies) {
    if (!policy.parsed.complete) d.incomplete.push(policy);
    for (const st of policy.parsed.statements) {
      if (!actionMatches(st, req.action)) continue;
      const res = resourceMatches(st, req.resource);
      const cond = evalCondition(st.condition, ctx);
      const t = and(res, cond);
      if (t === 'no') continue;
      const ref: StatementRef = { policy, statement: st };
      if (t === 'maybe') ref.undecided = cond === 'maybe' ? 'condition' : 'resource';
      if (st.effect === 'Deny') {
        if (t === 'yes') {
          d.deniedBy ??= ref;
        } else d.maybeDeny.push(ref);
      } else if (t === 'yes') d.allowedBy ??= ref;
      else d.maybeAllow.push(ref);
    }
  }
  if (d.deniedBy) d.result = 'denied';
  else if (!d.allowedBy && d.maybeAllow.length === 0 && d.incomplete.length === 0) d.result = 'denied';
  else if (d.maybeDeny.length > 0 || d.incomplete.length > 0 || !d.allowedBy) d.result = 'unknown';
  else d.result = 'allowed';
  return d;
}

/** An ARN with its holes shown as placeholders, for messages. */
export function showArn(resource: Subject, holes: string[]): string {
  let i = 0;
  return resource.map((p) => (p === null ? `{${holes[i++] ?? '?'}}` : p)).join('');
}
