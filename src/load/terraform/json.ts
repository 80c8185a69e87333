/**
 * Terraform's JSON configuration syntax (`.tf.json`) → the same syntax as native HCL, with positions.
 * A string is a template (`"web-${var.env}"`; `$${` is a literal), read by the HCL parser like a `.tf`
 * template, except where Terraform reads a string as a bare expression (`"provider": "alicloud.hz"`) or a
 * literal (a variable's `default`). Strings without `${` or `%{` are literal text and need no parser.
 */
import { parseJson } from '../parse.ts';
import type { Parsed } from '../parse.ts';
import { cover, LineIndex } from '../tree.ts';
import type { Span, TEntry, Tree } from '../tree.ts';
import type { Attr, Block, Body, ConfigFile, DuplicateKey, Expr, LitPart, SyntaxProblem } from './syntax.ts';
import { emptyBody, redefinedArgument, repeatedKeys, TOP_LEVEL_BLOCKS, unsupportedAtTop } from './syntax.ts';
import type { PlacedChars } from './hcl.ts';
import { ARGUMENTS, META_ARGUMENTS } from './map.ts';

/** Start offset of every line, with LineIndex's idea of a line break. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Offset of a 1-based line/column. */
export function offsetAt(starts: number[], line: number, column: number): number {
  return (starts[line - 1] ?? 0) + column - 1;
}

/** A JSON string's characters, unescaped, each with its offset in the file (`t`: the string's tree or key). */
export function jsonChars(text: string, starts: number[], t: { span: Span }): { c: string; o: number }[] {
  const a = offsetAt(starts, t.span.line, t.span.column);
  const b = offsetAt(starts, t.span.endLine, t.span.endColumn);
  const out: { c: string; o: number }[] = [];
  for (let i = a + 1; i < b - 1; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      out.push({ c: ch, o: i });
      continue;
    }
    const n = text[i + 1] ?? '';
    if (n in JSON_ESCAPES) {
      out.push({ c: JSON_ESCAPES[n]!, o: i });
      i += 1;
    } else if (n === 'u') {
      out.push({ c: String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), o: i });
      i += 5;
    } else out.push({ c: ch, o: i });
  }
  return out;
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A JSON file read for Terraform. Terraform's JSON syntax judges a key written twice by where it stands
 * (an argument or an object's key: rejected; a block type or a block's name: one more block), so the
 * JSON reader's own duplicate-key problems are left to the readers below.
 */
function readJson(path: string, text: string): Parsed {
  const parsed = parseJson(path, text);
  return { ...parsed, problems: parsed.problems.filter((p) => !p.duplicate) };
}

/** A key an object writes twice: Terraform's JSON syntax rejects it (unlike an object in a `.tf` file). */
function duplicateKeyInJson(d: DuplicateKey): SyntaxProblem {
  return {
    message: `key "${d.key}" is already written in this object at line ${d.first.line}; Terraform rejects a key written twice in a JSON object (Duplicate object attribute): remove one of the two entries, or rename one key`,
    span: d.span,
  };
}

/**
 * The entries of a JSON object, each key written twice (of those `judged`) reported at its second place
 * and left out: Terraform rejects it, and keeps the first in what it read.
 */
function firstOfEachKey(entries: TEntry[], problems: SyntaxProblem[], judged: (e: TEntry) => boolean = () => true): TEntry[] {
  const again = repeatedKeys(entries.map((e) => ({ key: judged(e) ? e.key : undefined, span: e.keySpan })));
  if (again.length === 0) return entries;
  for (const d of again) problems.push(duplicateKeyInJson(d));
  const dropped = new Set(again.map((d) => d.span));
  return entries.filter((e) => !dropped.has(e.keySpan));
}

/** How Terraform reads a JSON string as HCL, or undefined: as literal text (a template without `${` or `%{`). */
function readAsHcl(value: string, mode: Mode): 'template' | 'expression' | undefined {
  if (mode === 'expression') return mode;
  return mode === 'template' && (value.includes('${') || value.includes('%{')) ? mode : undefined;
}

/** A JSON value holding an object or a list of objects: in a block, the way a nested block is written. */
function objectish(t: Tree): boolean {
  return t.type === 'map' || (t.type === 'seq' && t.items.length > 0 && t.items.every((i) => i.type === 'map'));
}

/**
 * The nested block types a block of type `type` takes (its other keys are arguments), or undefined where
 * only a provider's schema tells (a resource type whose arguments the reference does not list, `provider`,
 * `terraform`).
 */
function nestedBlockTypes(type: string, labels: string[]): readonly string[] | undefined {
  switch (type) {
    case 'locals':
    case 'module':
      return [];
    case 'variable':
      return ['validation'];
    case 'output':
      return ['precondition'];
    case 'resource':
    case 'data': {
      const args = type === 'resource' ? ARGUMENTS[labels[0] ?? ''] : undefined;
      return args ? [...args.blocks, ...META_ARGUMENTS.blocks] : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * How an object is read: `value`, an expression's (every key is a key of the value, and one written
 * twice is rejected); `block`, perhaps a nested block's body or labels, where a key whose value is an
 * object may be a block written again, which Terraform allows, and only other keys are judged.
 */
type Within = 'value' | 'block';

/** Reads HCL written in a string (hcl.ts `parseHclIn` with the parser loaded). */
export type HclIn = (s: PlacedChars, as: 'template' | 'expression') => { expr: Expr; problems: SyntaxProblem[] };

/** How Terraform reads a JSON string: as a template, as a bare expression, or as literal text. */
type Mode = 'template' | 'expression' | 'literal';

/**
 * Arguments whose JSON strings are not templates, by block type: references written as strings
 * (`"provider": "alicloud.hz"`, `"depends_on": ["alicloud_vpc.main"]`, `"providers": {"alicloud": "alicloud.hz"}`),
 * type expressions (`"type": "list(string)"`), and a variable's `default`, a literal value.
 */
const MODES: Record<string, Record<string, Mode>> = {
  resource: { provider: 'expression', depends_on: 'expression' },
  data: { provider: 'expression', depends_on: 'expression' },
  module: { providers: 'expression', depends_on: 'expression' },
  output: { depends_on: 'expression' },
  variable: { type: 'expression', default: 'literal' },
};

class JsonSyntax {
  readonly starts: number[];
  /** Strings that hold HCL, each with the expression standing for it until it is read. */
  readonly pending: { into: Expr; span: Span; text: string; as: 'template' | 'expression' }[] = [];
  constructor(
    readonly file: string,
    readonly text: string,
    readonly lines: LineIndex,
    readonly problems: SyntaxProblem[],
  ) {
    this.starts = lineStarts(text);
  }

  chars(span: Span): { c: string; o: number }[] {
    return jsonChars(this.text, this.starts, { span });
  }

  expr(t: Tree, mode: Mode, within: Within): Expr {
    switch (t.type) {
      case 'scalar':
        return typeof t.value === 'string' ? this.string(t.span, t.value, mode) : { k: 'lit', value: t.value, span: t.span };
      case 'seq':
        return { k: 'tuple', items: t.items.map((i) => this.expr(i, mode, within)), span: t.span };
      case 'map': {
        // Keys holding references are not compared; in what may be a block, nor are objects (blocks again).
        const judged = (e: TEntry): boolean => readAsHcl(e.key, mode) === undefined && !(within === 'block' && (e.key === '//' || objectish(e.value)));
        return {
          k: 'obj',
          // A property name is a template too (a reference in it names a key); elsewhere it is a plain key.
          items: firstOfEachKey(t.entries, this.problems, judged).map((e) => ({
            key: mode === 'template' ? this.string(e.keySpan, e.key, mode) : { k: 'lit', value: e.key, span: e.keySpan },
            value: this.expr(e.value, mode, within),
          })),
          span: t.span,
        };
      }
      case 'unknown':
        return { k: 'other', span: t.span, text: t.expr };
    }
  }

  /** A string: literal text, or HCL to read (templates without `${` or `%{` are literal text). */
  string(span: Span, value: string, mode: Mode): Expr {
    const as = readAsHcl(value, mode);
    if (as) {
      const into: Expr = { k: 'other', span, text: value };
      this.pending.push({ into, span, text: value, as });
      return into;
    }
    return { k: 'tmpl', parts: [this.lit(this.chars(span))], span, text: value, file: this.file };
  }

  /** Reads the pending strings; each stand-in becomes what its string says (an unreadable one stays unknown). */
  readPending(read: HclIn, problems: SyntaxProblem[]): void {
    for (const p of this.pending) {
      const end = offsetAt(this.starts, p.span.endLine, p.span.endColumn) - 1;
      const r = read({ chars: this.chars(p.span), end, lines: this.lines }, p.as);
      problems.push(...r.problems);
      // The template is placed on the whole string, quotes included, as a quoted template of a .tf file is.
      const e: Expr = r.expr.k === 'tmpl' ? { k: 'tmpl', parts: r.expr.parts, span: p.span, text: p.text, file: this.file } : r.expr;
      Object.assign(p.into, e);
    }
  }

  lit(cs: { c: string; o: number }[]): LitPart {
    return { text: cs.map((x) => x.c).join(''), offsets: cs.map((x) => x.o) };
  }

  body(type: string, labels: string[], t: Tree): Body {
    const body = emptyBody();
    if (t.type !== 'map') return body;
    const nested = nestedBlockTypes(type, labels);
    for (const e of t.entries) {
      if (e.key === '//') continue;
      const mode = MODES[type]?.[e.key] ?? 'template';
      // An object under a name that may be a nested block type may be a block (written again, one more).
      const maybeBlock = objectish(e.value) && (nested === undefined || nested.includes(e.key));
      const a: Attr = { name: e.key, nameSpan: e.keySpan, expr: this.expr(e.value, mode, maybeBlock ? 'block' : 'value'), span: cover(e.keySpan, e.value.span) };
      if (objectish(e.value)) a.objectInJson = true;
      const prev = body.attrs.get(e.key);
      // An argument set twice: Terraform rejects it, and keeps the first in what it read.
      if (!prev) body.attrs.set(e.key, a);
      else if (!(maybeBlock && prev.objectInJson)) this.problems.push(redefinedArgument({ key: e.key, span: e.keySpan, first: prev.nameSpan }));
    }
    return body;
  }

  /** Blocks with N labels: `{ "type": { "name": {...} } }`, each level possibly an array of objects. */
  blocks(type: string, t: Tree, labels: number, out: Block[], got: { key: string; span: Span }[] = []): void {
    const items = t.type === 'seq' ? t.items : [t];
    for (const it of items) {
      if (got.length === labels) {
        // The block starts, and its header is, at its own name: the keys above it (a resource type) are
        // shared by every block under them.
        const own = got[got.length - 1]?.span;
        const names = got.map((g) => g.key);
        out.push({ type, labels: names, span: own ? cover(own, it.span) : it.span, headSpan: own ?? it.span, body: this.body(type, names, it) });
        continue;
      }
      if (it.type !== 'map') continue;
      // A block's last name written twice in one object declares one block twice, which Terraform rejects
      // (providers excepted: an alias tells two apart). A block type or a first name written again is
      // only more blocks.
      if (got.length === labels - 1 && type !== 'provider') {
        for (const d of repeatedKeys(it.entries.map((e) => ({ key: e.key === '//' ? undefined : e.key, span: e.keySpan })))) {
          const name = [...got.map((g) => g.key), d.key].map((l) => `"${l}"`).join(' ');
          this.problems.push({ message: `${type} ${name} is already declared at line ${d.first.line}; Terraform rejects a second ${type} block of one name: remove one, or rename it`, span: d.span });
        }
      }
      for (const e of it.entries) {
        if (e.key === '//') continue;
        this.blocks(type, e.value, labels, out, [...got, { key: e.key, span: e.keySpan }]);
      }
    }
  }
}

const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0 };

/**
 * A `.tf.json` file's blocks, read synchronously: a string holding HCL stays an unknown expression placed
 * on the string (`js.pending`, read by parseTfJson).
 */
function readTfJson(path: string, text: string): { body: Body; problems: SyntaxProblem[]; js?: JsonSyntax } {
  const parsed = readJson(path, text);
  const body = emptyBody();
  const doc = parsed.docs[0];
  const problems: SyntaxProblem[] = [...parsed.problems];
  if (!doc) return { body, problems };
  if (doc.type !== 'map') {
    problems.push({ message: 'a Terraform JSON file must hold one object', span: doc.span });
    return { body, problems };
  }
  const js = new JsonSyntax(path, text, parsed.lines, problems);
  for (const e of doc.entries) {
    const n = LABELS[e.key];
    if (n === undefined) {
      if (e.key !== '//' && !TOP_LEVEL_BLOCKS.includes(e.key)) problems.push(unsupportedAtTop(e.key, e.keySpan, 'key'));
      continue;
    }
    js.blocks(e.key, e.value, n, body.blocks);
  }
  return { body, problems, js };
}

/** The blocks of a `.tf.json` text, with their arguments' places (the plan loader puts a plan's values on them). */
export function tfJsonBlocks(path: string, text: string): Block[] {
  return readTfJson(path, text).body.blocks;
}

/**
 * A `.tf.json` file. `hcl` gives the reader of HCL in strings (loading the parser), or why there is none;
 * it is asked only when a string holds HCL, and told how many characters of HCL are about to be read.
 */
export async function parseTfJson(path: string, text: string, hcl: (chars: number) => Promise<HclIn | string>): Promise<ConfigFile> {
  const { body, problems, js } = readTfJson(path, text);
  if (js && js.pending.length > 0) {
    const read = await hcl(js.pending.reduce((n, p) => n + p.text.length, 0));
    if (typeof read === 'string') {
      problems.push({ message: `the HCL parser could not be loaded (${read}); the templates and references in this file's strings are unknown`, span: js.pending[0]!.span });
    } else js.readPending(read, problems);
  }
  return { path, body, problems };
}

/**
 * A `.tfvars.json` file: one object of variable values, each value an expression. A variable given twice
 * is rejected by Terraform, and so is a key written twice in a value's object; the first is kept.
 */
export function parseTfvarsJson(path: string, text: string): { values: Map<string, Tree>; problems: SyntaxProblem[] } {
  const parsed = readJson(path, text);
  const problems: SyntaxProblem[] = [...parsed.problems];
  const values = new Map<string, Tree>();
  const doc = parsed.docs[0];
  if (doc?.type === 'map') {
    // A `//` key is a comment, as in a block's body: not a variable, and written as often as wanted.
    const entries = doc.entries.filter((e) => e.key !== '//');
    for (const d of repeatedKeys(entries.map((e) => ({ key: e.key, span: e.keySpan })))) {
      problems.push({ message: `variable "${d.key}" is already given a value at line ${d.first.line}; Terraform rejects a second value in one file: remove one of the two`, span: d.span });
    }
    for (const e of entries) if (!values.has(e.key)) values.set(e.key, firstOfEachKeyIn(e.value, problems));
  } else if (doc) problems.push({ message: 'a variable file must hold one object of variable values', span: doc.span });
  return { values, problems };
}

/** A JSON value (all of it an expression's value), with firstOfEachKey applied to each of its objects. */
function firstOfEachKeyIn(t: Tree, problems: SyntaxProblem[]): Tree {
  if (t.type === 'seq') return { ...t, items: t.items.map((i) => firstOfEachKeyIn(i, problems)) };
  if (t.type !== 'map') return t;
  return { ...t, entries: firstOfEachKey(t.entries, problems).map((e) => ({ ...e, value: firstOfEachKeyIn(e.value, problems) })) };
}
