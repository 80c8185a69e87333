/**
 * RAM policy documents: grammar check (located problems) and the parsed statements evaluation uses.
 * Grammar: { Version: "1", Statement: [ { Effect, Action|NotAction, Resource|NotResource, Condition? } ] };
 * single values may be strings instead of one-element lists.
 */
import { readJson, readJsonSync } from '../load/parsers.ts';
import type { Parsed } from '../load/parse.ts';
import { describe, isMap, isScalar, isSeq, isUnknown, toPlain } from '../load/tree.ts';
import type { Span, TMap, Tree } from '../load/tree.ts';
import { suggest } from '../util/suggest.ts';
import { CONDITION_OPERATORS } from './condition.ts';

export interface Pattern {
  text: string;
  tree: Tree;
}

export interface Statement {
  /** 0-based position in Statement. */
  index: number;
  node: Tree;
  effect: 'Allow' | 'Deny';
  actions: Pattern[];
  notAction: boolean;
  resources: Pattern[];
  notResource: boolean;
  condition?: TMap;
}

export interface PolicyProblem {
  at: Tree | Span;
  message: string;
}

export interface ParsedPolicy {
  /** Well-formed statements (a malformed statement takes no part in evaluation). */
  statements: Statement[];
  problems: PolicyProblem[];
  /** False when part of the document is not known statically (a reference); such a policy cannot prove a grant. */
  complete: boolean;
}

/** Largest policy document RAM accepts (fact sheet §6.2, from the Terraform provider's RAM policy docs). */
export const MAX_DOCUMENT_BYTES = 6144;

const TOP_KEYS = ['Version', 'Statement'];
const STATEMENT_KEYS = ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

const cache = new WeakMap<Tree, ParsedPolicy>();

/** Parses and checks a policy document; results are cached per document tree. */
export function parsePolicy(doc: Tree): ParsedPolicy {
  let p = cache.get(doc);
  if (!p) {
    p = parseUncached(doc);
    cache.set(doc, p);
  }
  return p;
}

/**
 * Parses the documents written as JSON strings ahead of the (synchronous) rules, so that a string the fast
 * JSON path refuses (a syntax error, comments) gets the full parser, which locates the problem.
 */
export async function preparePolicies(docs: Iterable<Tree>): Promise<void> {
  for (const doc of docs) {
    if (cache.has(doc) || !isScalar(doc) || typeof doc.value !== 'string') continue;
    cache.set(doc, parseUncached(doc, await readJson(doc.span.file, doc.value)));
  }
}

function parseUncached(doc: Tree, parsedString?: Parsed): ParsedPolicy {
  const out: ParsedPolicy = { statements: [], problems: [], complete: true };
  let root = doc;
  if (isScalar(doc) && typeof doc.value === 'string') {
    // A document written as a JSON string (Terraform heredoc, ROS string): parse it; problems inside it
    // are placed on the string, naming the line and column inside the document.
    const inner = parsedString ?? readJsonSync(doc.span.file, doc.value);
    if (inner.problems.length > 0 || inner.docs.length === 0) {
      for (const p of inner.problems) {
        out.problems.push({ at: doc, message: `policy document is not valid JSON (document line ${p.span.line}, column ${p.span.column}): ${p.message}` });
      }
      if (inner.problems.length === 0) out.problems.push({ at: doc, message: 'policy document is empty' });
      return out;
    }
    const parsed = parseUncached(inner.docs[0]!);
    parsed.problems = parsed.problems.map((p) => {
      const s = 'span' in p.at ? p.at.span : p.at;
      return { at: doc, message: `${p.message} (document line ${s.line}, column ${s.column})` };
    });
    return parsed;
  }
  if (isUnknown(doc)) {
    out.complete = false;
    return out;
  }
  if (!isMap(root)) {
    out.problems.push({ at: root, message: `a policy document must be a JSON object, not ${describe(root)}` });
    return out;
  }
  root = root as TMap;
  unknownKeys(root, TOP_KEYS, 'policy document', out);
  const version = root.entries.find((e) => e.key === 'Version');
  if (!version) out.problems.push({ at: root, message: 'policy document needs "Version": "1"' });
  else if (isUnknown(version.value)) out.complete = false;
  else if (!(isScalar(version.value) && version.value.value === '1')) {
    out.problems.push({ at: version.value, message: `"Version" must be the string "1", not ${describe(version.value)}` });
  }
  const st = root.entries.find((e) => e.key === 'Statement');
  if (!st) {
    out.problems.push({ at: root, message: 'policy document needs "Statement": a non-empty list of statements' });
    return out;
  }
  if (isUnknown(st.value)) {
    out.complete = false;
    return out;
  }
  if (!isSeq(st.value)) {
    out.problems.push({ at: st.value, message: `"Statement" must be a list of statements, not ${describe(st.value)}` });
    return out;
  }
  if (st.value.items.length === 0) out.problems.push({ at: st.value, message: '"Statement" must not be empty' });
  st.value.items.forEach((item, index) => {
    const s = statement(item, index, out);
    if (s) out.statements.push(s);
  });
  // Measured without whitespace, so only a document that cannot fit however it is written is reported.
  const bytes = out.complete ? Buffer.byteLength(JSON.stringify(toPlain(root))) : 0;
  if (bytes > MAX_DOCUMENT_BYTES) {
    out.problems.push({ at: root, message: `the policy document is ${bytes} bytes even without whitespace; RAM accepts at most ${MAX_DOCUMENT_BYTES}` });
  }
  return out;
}

function unknownKeys(map: TMap, known: string[], what: string, out: ParsedPolicy): void {
  for (const e of map.entries) {
    if (known.includes(e.key)) continue;
    const hint = suggest(e.key, known);
    const extra = e.key === 'Principal' ? ' (Principal belongs in trust policies, not in policies attached to an identity)' : '';
    out.problems.push({ at: e.keySpan, message: `unknown key "${e.key}" in ${what}${extra}` + (hint ? `; did you mean "${hint}"?` : '') });
  }
}

function statement(item: Tree, index: number, out: ParsedPolicy): Statement | undefined {
  const where = `Statement[${index}]`;
  if (isUnknown(item)) {
    out.complete = false;
    return undefined;
  }
  if (!isMap(item)) {
    out.problems.push({ at: item, message: `${where} must be an object, not ${describe(item)}` });
    return undefined;
  }
  const before = out.problems.length;
  unknownKeys(item, STATEMENT_KEYS, where, out);
  const get = (k: string): Tree | undefined => item.entries.find((e) => e.key === k)?.value;

  let effect: 'Allow' | 'Deny' | undefined;
  const eff = get('Effect');
  if (eff === undefined) out.problems.push({ at: item, message: `${where} needs "Effect": "Allow" or "Deny"` });
  else if (isUnknown(eff)) out.complete = false;
  else if (isScalar(eff) && (eff.value === 'Allow' || eff.value === 'Deny')) effect = eff.value;
  else {
    const hint = isScalar(eff) && typeof eff.value === 'string' ? suggest(eff.value, ['Allow', 'Deny']) : undefined;
    out.problems.push({ at: eff, message: `"Effect" must be "Allow" or "Deny" (exactly), not ${describe(eff)}` + (hint ? `; did you mean "${hint}"?` : '') });
  }

  const actions = pair(item, where, 'Action', 'NotAction', out, checkAction);
  const resources = pair(item, where, 'Resource', 'NotResource', out, checkResource);

  const cond = get('Condition');
  let condition: TMap | undefined;
  if (cond !== undefined) {
    if (isUnknown(cond)) out.complete = false;
    else if (!isMap(cond)) out.problems.push({ at: cond, message: `"Condition" must be an object { operator: { key: value } }, not ${describe(cond)}` });
    else {
      condition = cond;
      for (const op of cond.entries) {
        if (!(CONDITION_OPERATORS as readonly string[]).includes(op.key)) {
          const hint = suggest(op.key, CONDITION_OPERATORS);
          out.problems.push({ at: op.keySpan, message: `unknown condition operator "${op.key}"` + (hint ? `; did you mean "${hint}"?` : '') });
        }
        if (isUnknown(op.value)) continue;
        if (!isMap(op.value)) {
          out.problems.push({ at: op.value, message: `condition operator "${op.key}" takes an object { key: value or [values] }, not ${describe(op.value)}` });
          continue;
        }
        for (const k of op.value.entries) {
          const v = k.value;
          // A value is a string, a number or a boolean: null is none.
          const value = (x: Tree) => isUnknown(x) || (isScalar(x) && x.value !== null);
          const bad = isSeq(v) ? (v.items.length === 0 ? v : v.items.find((x) => !value(x))) : value(v) ? undefined : v;
          if (bad) out.problems.push({ at: bad, message: `condition key "${k.key}" takes a value or a non-empty list of values, not ${describe(bad)}` });
        }
      }
    }
  }
  if (out.problems.length > before || !effect || !actions || !resources) return undefined;
  return {
    index,
    node: item,
    effect,
    actions: actions.patterns,
    notAction: actions.not,
    resources: resources.patterns,
    notResource: resources.not,
    condition,
  };
}

/** Action/NotAction or Resource/NotResource: exactly one of the two, a string or a non-empty list of strings. */
function pair(
  item: TMap,
  where: string,
  key: string,
  notKey: string,
  out: ParsedPolicy,
  check: (t: Tree, v: string) => string | undefined,
): { patterns: Pattern[]; not: boolean } | undefined {
  const a = item.entries.find((e) => e.key === key);
  const b = item.entries.find((e) => e.key === notKey);
  if (a && b) {
    out.problems.push({ at: b.keySpan, message: `${where} has both "${key}" and "${notKey}"; use one` });
    return undefined;
  }
  const e = a ?? b;
  if (!e) {
    out.problems.push({ at: item, message: `${where} needs "${key}" (or "${notKey}")` });
    return undefined;
  }
  const v = e.value;
  if (isUnknown(v)) {
    out.complete = false;
    return undefined;
  }
  const items = isSeq(v) ? v.items : [v];
  if (isSeq(v) && v.items.length === 0) {
    out.problems.push({ at: v, message: `"${e.key}" must not be an empty list` });
    return undefined;
  }
  const patterns: Pattern[] = [];
  let bad = false;
  for (const t of items) {
    if (isUnknown(t)) {
      out.complete = false;
      bad = true;
      continue;
    }
    if (!isScalar(t) || typeof t.value !== 'string') {
      out.problems.push({ at: t, message: `"${e.key}" must be a string or a list of strings, not ${describe(t)}` });
      bad = true;
      continue;
    }
    const msg = check(t, t.value);
    if (msg) {
      out.problems.push({ at: t, message: msg });
      bad = true;
      continue;
    }
    patterns.push({ text: t.value, tree: t });
  }
  return bad ? undefined : { patterns, not: e === b };
}

function checkAction(_t: Tree, v: string): string | undefined {
  if (v === '*') return undefined;
  if (!/^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(v)) return `action ${JSON.stringify(v)} must be "<service>:<Action>" (wildcards * and ? allowed) or "*"`;
  return undefined;
}

function checkResource(_t: Tree, v: string): string | undefined {
  if (v === '*' || v.startsWith('acs:')) return undefined;
  return `resource ${JSON.stringify(v)} must be "*" or an ARN "acs:<service>:<region>:<account>:<resource>"`;
}
