/**
 * The Terraform configuration syntax both readers produce: native HCL (tree-sitter) and Terraform's JSON
 * syntax (`.tf.json`). Expressions are kept unevaluated; eval.ts gives them values in a module scope.
 */
import type { Scalar, Span } from '../tree.ts';
import { suggest } from '../../util/suggest.ts';

export interface Attr {
  name: string;
  nameSpan: Span;
  expr: Expr;
  span: Span;
  /**
   * Cut by a syntax error (its value broken, or read from inside an error node): the argument is there,
   * its value is unknown (`expr` is `other`), and no finding is taken from it.
   */
  broken?: true;
  /**
   * A `.tf.json` property holding an object or a list of objects: Terraform's JSON syntax writes a nested
   * block (`"lifecycle": {...}`) so, and the resource's schema tells which of the two it is.
   */
  objectInJson?: true;
}

export interface Body {
  attrs: Map<string, Attr>;
  blocks: Block[];
}

export interface Block {
  type: string;
  labels: string[];
  /** The block's whole text. */
  span: Span;
  /** The header: block type and labels (findings about the resource as a whole that need a short place). */
  headSpan: Span;
  body: Body;
}

/**
 * A template part that is literal text, with, per character, the offset in the source file it was read
 * from (escapes and heredoc indentation make this irregular), so that a JSON document written in a
 * string can be placed exactly in the file.
 */
export interface LitPart {
  text: string;
  offsets: number[];
}

export type Expr =
  | { k: 'lit'; value: Scalar; span: Span }
  /** A string template: literal parts and interpolations. A template that is one interpolation yields its value as is. */
  | { k: 'tmpl'; parts: (LitPart | Expr)[]; span: Span; text: string; heredoc?: boolean; file: string }
  | { k: 'obj'; items: { key: Expr; value: Expr }[]; span: Span }
  | { k: 'tuple'; items: Expr[]; span: Span }
  /** `root.a.b[0]["k"][expr]`; with `base`, the steps apply to that expression's value (`concat(a, b)[0]`), `root` is empty. */
  | { k: 'trav'; root: string; base?: Expr; steps: (string | Expr)[]; span: Span; text: string }
  /** A step of a traversal only: a splat (`.*`, `[*]`), whose `each` steps apply to every element of the list before it. */
  | { k: 'splat'; each: (string | Expr)[]; span: Span }
  | { k: 'call'; name: string; args: Expr[]; span: Span; text: string }
  | { k: 'cond'; cond: Expr; then: Expr; else: Expr; span: Span; text: string }
  /** `[for v in coll : value if cond]`, `{for k, v in coll : key => value if cond}` (`keyVar` names the key or index). */
  | { k: 'for'; keyVar?: string; valueVar: string; coll: Expr; key?: Expr; value: Expr; cond?: Expr; span: Span; text: string }
  /** An arithmetic, comparison or logical operator (`!`, unary `-`, `*`, `/`, `%`, `+`, `-`, `<`, `>`, `<=`, `>=`, `==`, `!=`, `&&`, `||`) on one or two operands. */
  | { k: 'op'; op: string; args: Expr[]; span: Span; text: string }
  /** Anything else (grouping for expressions, splats, template directives): unknown. */
  | { k: 'other'; span: Span; text: string };

/** A problem found while reading (syntax error), placed where it is. */
export interface SyntaxProblem {
  message: string;
  span: Span;
}

/** A key an object constructor writes again (`first`: where it was written before). */
export interface DuplicateKey {
  key: string;
  span: Span;
  first: Span;
}

/** The keys `keys` writes again (an undefined key is not compared), each with where it was first written. */
export function repeatedKeys(keys: { key: string | undefined; span: Span }[]): DuplicateKey[] {
  const seen = new Map<string, Span>();
  const out: DuplicateKey[] = [];
  for (const { key, span } of keys) {
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first) out.push({ key, span, first });
    else seen.set(key, span);
  }
  return out;
}

/** The text of an object key written as a literal (`env`, `"env"`, `1`); undefined for any other expression. */
export function literalKey(e: Expr): string | undefined {
  if (e.k === 'lit') return e.value === null ? undefined : String(e.value);
  if (e.k === 'tmpl' && e.parts.every((p) => 'offsets' in p)) return e.parts.map((p) => ('offsets' in p ? p.text : '')).join('');
  return undefined;
}

/** An argument a block sets twice: Terraform rejects it ("Attribute redefined", "Duplicate argument"). */
export function redefinedArgument(d: DuplicateKey): SyntaxProblem {
  return { message: `argument "${d.key}" is already set at line ${d.first.line}; Terraform rejects a redefined argument`, span: d.span };
}

export interface ConfigFile {
  path: string;
  body: Body;
  problems: SyntaxProblem[];
  /** Keys written twice in one object; Terraform keeps the last value silently. */
  duplicateKeys?: DuplicateKey[];
  /**
   * Read despite a syntax error or past a nesting limit (among `problems`): error recovery may have read a
   * line twice or closed a block early, and what is nested too deep is not read.
   */
  readInPart?: true;
}

/** The block types Terraform reads at the top of a configuration file; nothing else may stand there. */
/**
 * Why Terraform does not load a configuration file of a module directory, by its name: one whose name
 * starts with a dot (an editor's or a backup copy of main.tf); undefined for the files it loads. (Names
 * ending in `~` or written `#...#`, which it ignores too, are not `.tf` / `.tf.json` names.)
 */
export function ignoredByTerraform(path: string): string | undefined {
  const name = fileName(path);
  return /^\./.test(name) && /\.tf$|\.tf\.json$/.test(name)
    ? 'Terraform does not load a configuration file whose name starts with a dot (an editor\'s or a backup copy); not checked'
    : undefined;
}

/** `override.tf`, `*_override.tf` (and .tf.json): their blocks merge into the ones they name. */
export function isOverrideFile(path: string): boolean {
  return /^(?:override|.+_override)\.tf(?:\.json)?$/.test(fileName(path));
}

/** The last part of a path, whichever separator it uses. */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export const TOP_LEVEL_BLOCKS: readonly string[] = ['resource', 'data', 'ephemeral', 'action', 'variable', 'locals', 'provider', 'module', 'output', 'terraform', 'moved', 'import', 'removed', 'check'];

/**
 * What a configuration file holds at its top that Terraform rejects ("Unsupported argument", "Unsupported
 * block type"): an argument, or a block of a type Terraform does not know (`resouce "alicloud_security_group"`),
 * whose contents would otherwise go unchecked. `what` names the thing found (`.tf.json` has keys, not blocks).
 */
export function unsupportedAtTop(name: string, span: Span, what: 'argument' | 'block' | 'key'): SyntaxProblem {
  if (what === 'argument') {
    return { message: `an argument \`${name}\` outside any block: Terraform rejects it (Unsupported argument); move it into the block it belongs to (a \`}\` above may close that block early)`, span };
  }
  const meant = suggest(name, TOP_LEVEL_BLOCKS);
  const found = what === 'block' ? `a \`${name}\` block` : `the key \`${name}\``;
  return { message: `${found} at the top of the file: not a block type Terraform reads (Unsupported block type), so nothing in it is checked${meant ? `; did you mean \`${meant}\`?` : ''}`, span };
}

export function emptyBody(): Body {
  return { attrs: new Map(), blocks: [] };
}
