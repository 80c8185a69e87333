import type { Rule } from './engine/rule.ts';
import { ruleText } from './docs.ts';
import { uncheckable } from '../rules/data/uncheckable.ts';

/** Docs of the rule with this id, or of every rule predicting this error code; undefined when none. */
export function explain(query: string | undefined, catalog: Rule[]): string | undefined {
  if (!query) return undefined;
  const byId = catalog.find((r) => r.id === query);
  if (byId) return ruleText(byId);
  const byCode = catalog.filter((r) => r.api.errorCode?.toLowerCase() === query.toLowerCase());
  const notes = uncheckable.filter((u) => u.errorCode.toLowerCase() === query.toLowerCase());
  if (byCode.length === 0 && notes.length === 0) return undefined;
  return [...byCode.map(ruleText), ...notes.map((u) => `${u.errorCode} (HTTP ${u.httpStatus}) in the CreateSecurityGroup error table: ${u.why}.\n`)].join('\n');
}
