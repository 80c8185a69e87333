/**
 * YAML and JSON text → positioned value trees. Syntax errors come back as located problems, never as
 * exceptions; hostile input (alias bombs, deep nesting, huge lines) is bounded here.
 */
import { parseAllDocuments, visit, isAlias, isMap as yIsMap, isScalar as yIsScalar, isSeq as yIsSeq, isPair, Parser as CstParser } from 'yaml';
import type { Document, Node as YNode, YAMLError } from 'yaml';
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JNode, ParseError } from 'jsonc-parser';
import { LineIndex } from './tree.ts';
import type { Span, Tree, TEntry } from './tree.ts';
import { MAX_DEPTH, MAX_NODES, fastJson, fastYaml } from './fast.ts';
import { pushAll } from '../util/array.ts';
import { firstSyntaxError } from './syntax-errors.ts';

export { MAX_DEPTH };
/** The `yaml` package's concrete-syntax parser (comments are read from its tokens). */
export { Parser as YamlParser } from 'yaml';

export interface ParseProblem {
  message: string;
  span: Span;
  /** A JSON key the object already has (not a syntax error: the file was read, all entries kept). */
  duplicate?: true;
}

export interface Parsed {
  docs: Tree[];
  problems: ParseProblem[];
  lines: LineIndex;
  /**
   * Set when every problem is a syntax error (no limit was hit): what could be read despite them, to tell
   * whether the file is a security-group input at all. `jsonc` when the text is valid JSON with comments
   * and trailing commas (JSONC, as editor settings are).
   */
  recovered?: { docs: Tree[]; jsonc: boolean };
}

/**
 * Most alias dereferences one YAML document may need: this many, and ten per alias written in it. An
 * alias inside an anchored value is expanded again wherever that value is used, so a few aliases can
 * expand exponentially (the "billion laughs"); aliases used side by side (`<<: *defaults` in every
 * group) each cost one.
 */
const MAX_ALIASES = 10_000;

class Budget {
  aliases = 0;
  nodes = 0;
  /** What each alias of the document refers to: the latest node before it with its anchor. */
  readonly targets = new Map<YNode, YNode | undefined>();
  /** The anchored values being expanded: an alias to one of them is inside the value it names. */
  readonly expanding = new Set<YNode>();
  /** Aliases that cannot be expanded (read as no value): syntax errors of the document. */
  readonly broken: ParseProblem[] = [];
  readonly maxAliases: number;
  constructor(doc: Document.Parsed) {
    // One walk for the whole document: the package's own lookup walks the document for each alias.
    const anchors = new Map<string, YNode>();
    visit(doc, (_key, node) => {
      if (isAlias(node)) this.targets.set(node as YNode, anchors.get(node.source));
      else if ((yIsScalar(node) || yIsMap(node) || yIsSeq(node)) && node.anchor) anchors.set(node.anchor, node as YNode);
    });
    this.maxAliases = MAX_ALIASES + 10 * this.targets.size;
  }
}

/** A limit a document reached (its size once aliases are expanded, its depth), and where: not read further. */
class Exhausted extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * The offset at which bracket nesting first exceeds MAX_DEPTH, or -1. A cheap scan that protects the
 * recursive parsers; it knows JSON/YAML flow strings well enough to skip brackets inside them.
 */
export function tooDeepAt(text: string): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34) quote = 34;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/**
 * Like tooDeepAt, for YAML block nesting as well: each nesting level needs one column of indentation
 * or one inline `- ` / `? `, so indentation plus inline indicators bounds the depth of a line.
 */
export function yamlTooDeepAt(text: string): number {
  const flow = tooDeepAt(text.replace(/'[^'\n]*'/g, (m) => ' '.repeat(m.length)));
  if (flow >= 0) return flow;
  let i = 0;
  while (i < text.length) {
    let j = i;
    let depth = 0;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 32 || c === 9) {
        depth++;
        j++;
      } else if ((c === 45 || c === 63) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
        depth += 2;
        j += 2;
      } else break;
    }
    if (depth > 2 * MAX_DEPTH) return j;
    const nl = text.indexOf('\n', j);
    if (nl < 0) break;
    i = nl + 1;
  }
  return -1;
}

function deepProblem(lines: LineIndex, at: number): ParseProblem {
  return {
    message: `nesting deeper than ${MAX_DEPTH} levels; the file is not read further`,
    span: lines.span(at, at + 1),
  };
}

/** YAML text → trees: the fast path when the text is in its subset (fast.ts), else the full parser. */
export function parseYaml(file: string, text: string): Parsed {
  return fastYaml(file, text) ?? parseYamlFully(file, text);
}

/** The full YAML parser (the `yaml` package), which also locates syntax errors. */
export function parseYamlFully(file: string, text: string): Parsed {
  const lines = new LineIndex(file, text);
  const problems: ParseProblem[] = [];
  const docs: Tree[] = [];
  const deep = yamlTooDeepAt(text);
  if (deep >= 0) return { docs, problems: [deepProblem(lines, deep)], lines };
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true }) as Document.Parsed[];
  } catch (e) {
    // The parser guards itself; this is a last resort so that one file never stops the run.
    problems.push({ message: `YAML parser failed: ${(e as Error).message}`, span: lines.span(0, 0) });
    return { docs, problems, lines };
  }
  if (!Array.isArray(parsed)) parsed = [parsed as unknown as Document.Parsed];
  // Duplicate keys are each a mistake of their own; other syntax errors are reported once per file.
  const syntax: ParseProblem[] = [];
  const recovered: Tree[] = [];
  let limited = false;
  for (const doc of parsed) {
    for (const err of doc.errors) {
      (err.code === 'DUPLICATE_KEY' ? problems : syntax).push(yamlProblem(err, text, lines));
    }
    // A document whose only errors are duplicate keys is read as JSON ones are: each duplicate is
    // reported, and the rest of the document is still checked (a template with a section written twice
    // would otherwise have nothing else reported until the duplicate is gone).
    if (doc.errors.length > 0 && !doc.errors.every((e) => e.code === 'DUPLICATE_KEY')) {
      try {
        if (doc.contents !== null) recovered.push(fromYaml(doc.contents as YNode, lines, new Budget(doc), 0));
      } catch {
        // what could not be read back does not tell what the file is
      }
      continue;
    }
    if (doc.contents === null) continue;
    const budget = new Budget(doc);
    try {
      const t = fromYaml(doc.contents as YNode, lines, budget, 0);
      // An alias that cannot be expanded is a syntax error: the document is not checked, as with others.
      if (budget.broken.length === 0) docs.push(t);
      else {
        syntax.push(...budget.broken);
        recovered.push(t);
      }
    } catch (e) {
      if (e instanceof Exhausted) {
        problems.push({ message: e.message, span: lines.span(e.offset, e.offset + 1) });
        limited = true;
      } else throw e;
    }
  }
  problems.unshift(...firstSyntaxError(syntax));
  if (problems.length === 0 || limited) return { docs, problems, lines };
  return { docs, problems, lines, recovered: { docs: recovered, jsonc: false } };
}

/**
 * A `yaml` error, said as the mistake it usually is where the parser's words would mislead: an unclosed
 * quote at its opening quote (not at the end of the file), `Key:value` without a space, and a plain value
 * holding `: `. Otherwise the parser's message, at its place, with its code.
 */
function yamlProblem(err: YAMLError, text: string, lines: LineIndex): ParseProblem {
  const [a, b] = err.pos;
  const said = (message: string, span: Span): ParseProblem => ({ message: `${message} (${err.code})`, span });
  if (err.code === 'MISSING_CHAR' && /^Missing closing ['"]quote/.test(err.message)) {
    let open = -1;
    try {
      open = openingQuote(text, a);
    } catch {
      // the parser's own place is kept
    }
    if (open >= 0) return said(`this ${text[open] === '"' ? 'double' : 'single'}-quoted string is never closed`, lines.span(open, open + 1));
  }
  if (err.code === 'MULTILINE_IMPLICIT_KEY' || err.code === 'MISSING_CHAR') {
    const m = /^([^\s:#'"\-[\]{},][^\s:]*):(?=[^\s:])/.exec(text.slice(a, a + 300));
    if (m) return said(`\`${m[1]}:\` needs a space after its colon to be a key`, lines.span(a + m[1]!.length, a + m[1]!.length + 1));
  }
  if (err.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const eol = text.indexOf('\n', a);
    const rest = text.slice(a, eol < 0 ? text.length : eol).trimEnd();
    if (rest.includes(': ') && !/^['"]/.test(rest)) return said('a value that holds `: ` must be quoted', lines.span(a, a + rest.length));
  }
  // The message of `yaml` ends with " at line L, column C" when prettyErrors is off; the span says that.
  return said(err.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ''), lines.span(a, b));
}

/** Offset of the opening quote of the quoted scalar that runs on to `at` (an unclosed one), or -1. */
function openingQuote(text: string, at: number): number {
  let found = -1;
  const stack: unknown[] = [...new CstParser().parse(text)];
  while (stack.length > 0) {
    const t = stack.pop();
    if (t === null || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      pushAll(stack, t);
      continue;
    }
    const tok = t as { type?: string; offset?: number; source?: string };
    if ((tok.type === 'double-quoted-scalar' || tok.type === 'single-quoted-scalar') && tok.offset !== undefined && tok.source !== undefined) {
      if (tok.offset < at && tok.offset + tok.source.length >= at && tok.offset > found) found = tok.offset;
      continue;
    }
    pushAll(stack, Object.values(t));
  }
  return found;
}

function yspan(node: YNode, lines: LineIndex): Span {
  const r = node.range ?? [0, 0, 0];
  // Block collections end after their last line break; a span ends at the last character written. Only
  // YAML's own white space is trimmed: a no-break or ideographic space ending a plain scalar is its value's.
  let end = r[1];
  while (end > r[0] && /[ \t\r\n]/.test(lines.text[end - 1]!)) end--;
  return lines.span(r[0], end);
}

/** A scalar key as text; under `%YAML 1.1` the `yaml` package gives the merge key `<<` as a symbol. */
function scalarKey(v: unknown): string {
  return typeof v === 'symbol' ? (v.description ?? '') : String(v);
}

function fromYaml(node: YNode, lines: LineIndex, budget: Budget, depth: number): Tree {
  if (++budget.nodes > MAX_NODES) {
    throw new Exhausted(`document expands to more than ${MAX_NODES} values; not read further`, node.range?.[0] ?? 0);
  }
  if (depth > MAX_DEPTH) throw new Exhausted(`nesting deeper than ${MAX_DEPTH} levels`, node.range?.[0] ?? 0);
  if (isAlias(node)) {
    if (++budget.aliases > budget.maxAliases) {
      throw new Exhausted(
        `more than ${budget.maxAliases} alias expansions (a resource exhaustion attack?); not read further`,
        node.range?.[0] ?? 0,
      );
    }
    const target = budget.targets.get(node);
    if (!target || budget.expanding.has(target)) {
      const message = target
        ? `alias *${node.source} is inside the value &${node.source} names, which cannot contain itself`
        : `alias *${node.source} names no anchor (&${node.source}) before it`;
      budget.broken.push({ message, span: yspan(node, lines) });
      return { type: 'scalar', value: null, span: yspan(node, lines) };
    }
    budget.expanding.add(target);
    const t = fromYaml(target, lines, budget, depth + 1);
    budget.expanding.delete(target);
    // An alias is reported where it is used: the value was written there by reference.
    if (t.type === 'scalar') return { ...t, span: yspan(node, lines), written: t.written ?? t.span };
    return { ...t, span: yspan(node, lines) } as Tree;
  }
  const tag = node.tag && !node.tag.startsWith('tag:yaml.org,2002:') ? node.tag : undefined;
  if (yIsScalar(node)) {
    let v = node.value;
    if (typeof v === 'bigint') v = Number(v);
    if (v instanceof Date) v = v.toISOString();
    if (v !== null && typeof v === 'object') v = String(v);
    const t: Tree = { type: 'scalar', value: v as string | number | boolean | null, span: yspan(node, lines) };
    if (tag) t.tag = tag;
    return t;
  }
  if (yIsMap(node)) {
    let entries: TEntry[] = [];
    // Merge keys (`<<: *defaults`), as YAML 1.1 defines them: the entries of the merged map(s) whose keys
    // the mapping does not have itself, wherever it writes them; of several maps merged, the first wins.
    const merged = new Set<TEntry>();
    const own = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YNode | null;
      const keyText = k && yIsScalar(k) ? scalarKey(k.value) : k && isAlias(k) ? String(k.source) : '';
      const keySpan = k ? yspan(k, lines) : yspan(node, lines);
      if (keyText === '<<' && pair.value) {
        const value = fromYaml(pair.value as YNode, lines, budget, depth + 1);
        for (const m of value.type === 'seq' ? value.items : [value]) {
          if (m.type === 'map') {
            for (const e of m.entries) {
              if (own.has(e.key) || entries.some((x) => x.key === e.key)) continue;
              merged.add(e);
              entries.push(e);
            }
          } else if (!(m.type === 'scalar' && m.value === null && budget.broken.length > 0)) {
            // (A broken alias already reported reads as no value.)
            budget.broken.push({ message: '`<<` merges a mapping or a list of mappings', span: m.span });
          }
        }
        continue;
      }
      const value: Tree = pair.value
        ? fromYaml(pair.value as YNode, lines, budget, depth + 1)
        : { type: 'scalar', value: null, span: { ...keySpan, line: keySpan.endLine, column: keySpan.endColumn } };
      if (merged.size > 0 && !own.has(keyText)) entries = entries.filter((x) => !(merged.has(x) && x.key === keyText));
      own.add(keyText);
      entries.push({ key: keyText, keySpan, value });
    }
    const t: Tree = { type: 'map', entries, span: yspan(node, lines) };
    if (tag) t.tag = tag;
    return t;
  }
  if (yIsSeq(node)) {
    const items = node.items.map((i) =>
      i === null
        ? ({ type: 'scalar', value: null, span: yspan(node, lines) } as Tree)
        : fromYaml(i as YNode, lines, budget, depth + 1),
    );
    const t: Tree = { type: 'seq', items, span: yspan(node, lines) };
    if (tag) t.tag = tag;
    return t;
  }
  return { type: 'scalar', value: null, span: yspan(node, lines) };
}

/** JSON text → trees: the fast path for strict JSON (fast.ts), else jsonc-parser, which locates errors. */
export function parseJson(file: string, text: string): Parsed {
  return fastJson(file, text) ?? parseJsonFully(file, text);
}

/** The full JSON parser (jsonc-parser: comments allowed, errors located). */
export function parseJsonFully(file: string, text: string): Parsed {
  const lines = new LineIndex(file, text);
  const problems: ParseProblem[] = [];
  const deep = tooDeepAt(text);
  if (deep >= 0) return { docs: [], problems: [deepProblem(lines, deep)], lines };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: true });
  const syntax = errors.map((e) => jsonProblem(e, text, lines));
  pushAll(problems, firstSyntaxError(syntax));
  if (errors.length > 0) {
    // Read again as JSONC (trailing commas allowed), only to tell what the file is.
    const lenient: ParseError[] = [];
    const partial = parseTree(text, lenient, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    return { docs: [], problems, lines, recovered: { docs: partial ? [fromJson(partial, lines, [])] : [], jsonc: lenient.length === 0 } };
  }
  if (!root) return { docs: [], problems, lines };
  const seen: ParseProblem[] = [];
  const tree = fromJson(root, lines, seen);
  pushAll(problems, seen);
  // Duplicate keys are reported, and the rest of the document is still checked (`recovered` tells
  // whether the file is an input at all: a JSON file of another kind with a duplicate key is skipped).
  if (problems.length) return { docs: [tree], problems, lines, recovered: { docs: [], jsonc: false } };
  return { docs: [tree], problems, lines };
}

/** A jsonc-parser error; a name or value expected at a `}` or `]` right after a comma is that comma's mistake. */
function jsonProblem(e: ParseError, text: string, lines: LineIndex): ParseProblem {
  const code = printParseErrorCode(e.error);
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && (text[e.offset] === '}' || text[e.offset] === ']')) {
    let k = e.offset - 1;
    while (k > 0 && /\s/.test(text[k]!)) k--;
    if (text[k] === ',') return { message: 'JSON syntax error: a comma after the last item (JSON allows none)', span: lines.span(k, k + 1) };
  }
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return { message: `JSON syntax error: ${words}`, span: lines.span(e.offset, e.offset + Math.max(1, e.length)) };
}

function fromJson(node: JNode, lines: LineIndex, problems: ParseProblem[]): Tree {
  const span = lines.span(node.offset, node.offset + node.length);
  switch (node.type) {
    case 'object': {
      const entries: TEntry[] = [];
      const keys = new Set<string>();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = String(k.value);
        const keySpan = lines.span(k.offset, k.offset + k.length);
        if (keys.has(key)) problems.push({ message: `duplicate key "${key}": only one value would be kept (DUPLICATE_KEY)`, span: keySpan, duplicate: true });
        keys.add(key);
        entries.push({ key, keySpan, value: v ? fromJson(v, lines, problems) : { type: 'scalar', value: null, span: keySpan } });
      }
      return { type: 'map', entries, span };
    }
    case 'array':
      return { type: 'seq', items: (node.children ?? []).map((c) => fromJson(c, lines, problems)), span };
    default:
      return { type: 'scalar', value: node.value as string | number | boolean | null, span };
  }
}
