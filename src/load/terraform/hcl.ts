/**
 * Native HCL (`.tf`, `.tfvars`) → syntax (syntax.ts), with the position of every attribute, key and value.
 * Parsing uses tree-sitter's terraform grammar compiled to wasm, initialised once per process on first use.
 * Syntax errors become located problems; the rest of the file is still read.
 */
import { Parser, Language } from 'web-tree-sitter';
import type { Node as TSNode, Tree as TSTree } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { cover, LineIndex } from '../tree.ts';
import type { Span } from '../tree.ts';
import type { Attr, Block, Body, ConfigFile, DuplicateKey, Expr, LitPart, SyntaxProblem } from './syntax.ts';
import { emptyBody, literalKey, redefinedArgument, repeatedKeys, TOP_LEVEL_BLOCKS } from './syntax.ts';
import { firstSyntaxError } from '../syntax-errors.ts';
import { lexHcl } from './lex.ts';
import { commentEnd, exponentNumbers, stringEnd, tooDeep } from './scan.ts';
import type { TooDeep } from './scan.ts';

let parser: Promise<Parser> | undefined;

/**
 * A wasm file next to the running module or one directory up (a bundle in dist/, where this code may sit
 * in dist/chunks/), else from its package.
 */
function wasmFile(name: string, packagePath: string): string {
  for (const rel of [`./${name}`, `../${name}`]) {
    try {
      const p = fileURLToPath(new URL(rel, import.meta.url));
      if (existsSync(p)) return p;
    } catch {
      // not a file: URL (never the case under Node); try the next place
    }
  }
  return createRequire(import.meta.url).resolve(packagePath);
}

/**
 * Below this many characters of HCL the parser runs on wasm's baseline compiler alone: optimizing it
 * costs a short run more than it saves (a 32 KB file: 0.15 s instead of 0.18 s; tooling.md §4). From
 * about 512 KB the optimized code pays for itself (2 MiB: parse 1.0 s instead of 1.2 s).
 */
const BASELINE_ONLY_BELOW = 512 * 1024;

/**
 * The HCL parser, initialised on first use; `expectedChars`, the size of the HCL about to be read, picks
 * the wasm compiler for the process. Rejects (with a reason) when the wasm cannot be loaded.
 */
export function hclParser(expectedChars = 0): Promise<Parser> {
  parser ??= (async () => {
    if (expectedChars < BASELINE_ONLY_BELOW) setFlagsFromString('--liftoff-only');
    const runtime = wasmFile('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    const lang = await Language.load(
      wasmFile('tree-sitter-terraform.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
    );
    const p = new Parser();
    p.setLanguage(lang);
    return p;
  })();
  return parser;
}

/** Block types that only ever appear at the top of a file: recovered from wherever error recovery put them. */
const TOP_LEVEL = new Set(TOP_LEVEL_BLOCKS);
/**
 * Parses of a file again to read past a slip (a `}` closing no block, a missing `,`), for each kind: at most
 * this many, and fewer for a large file (about 4 MB of text parsed again), which takes a second to parse.
 */
const MAX_REPARSES = 8;
const reparses = (text: string): number => Math.max(1, Math.min(MAX_REPARSES, Math.floor(4_000_000 / Math.max(1, text.length))));
/** Expressions nested deeper than this are not followed (they are unknown), so hostile input cannot overflow the stack. */
const MAX_EXPR_DEPTH = 200;
/** Brackets nested deeper than this are refused before the parse: walks of the tree recurse with its depth. */
const MAX_BRACKETS = 500;
const LIMITS = { templates: MAX_EXPR_DEPTH, brackets: MAX_BRACKETS };
const tooDeepMessage = (d: TooDeep, what: string): string =>
  `${d.what} nested more than ${d.what === 'templates' ? MAX_EXPR_DEPTH : MAX_BRACKETS} levels deep: the ${what} is not read`;

/**
 * Parses HCL text. Numbers with an exponent and no fraction (`1e3`), valid HCL the grammar does not read,
 * are parsed as zeros of the same length (every position stays); `numbers` keeps their text by offset.
 */
function parseText(p: Parser, text: string): { tree: TSTree | null; src: string; numbers?: Map<number, string> } {
  const tree = p.parse(text);
  const found = tree?.rootNode.hasError ? exponentNumbers(text) : [];
  if (!tree || found.length === 0) return { tree, src: text };
  const numbers = new Map<number, string>();
  const parts: string[] = [];
  let last = 0;
  for (const [a, b] of found) {
    numbers.set(a, text.slice(a, b));
    parts.push(text.slice(last, a), '0'.repeat(b - a));
    last = b;
  }
  parts.push(text.slice(last));
  const src = parts.join('');
  const again = p.parse(src);
  if (!again) return { tree, src: text };
  tree.delete();
  return { tree: again, src, numbers };
}

export function parseHcl(p: Parser, path: string, text: string): ConfigFile {
  const lines = new LineIndex(path, text);
  const deep = tooDeep(text, LIMITS);
  if (deep) return { path, body: emptyBody(), problems: [{ message: tooDeepMessage(deep, 'file'), span: lines.span(deep.index, deep.index + (deep.what === 'templates' ? 2 : 1)) }] };
  // Spans from offsets, lines counted as every other loader counts them: tree-sitter's rows do not end at
  // a lone CR (nor does HCL), editors and the code frames do.
  const place: Placement = { offset: (i) => i, span: (a, b) => lines.span(a, b) };
  const parsed = parseText(p, text);
  let tree = parsed.tree;
  if (!tree) return { path, body: emptyBody(), problems: [{ message: 'the HCL parser gave no result', span: at(path, 0, 0) }] };
  const errors: SyntaxProblem[] = [];
  let src = parsed.src;
  const failed = tree.rootNode.hasError;
  if (failed) {
    // Characters HCL never reads (`'`, `;`, `\`...): reported where they are, the file read again without them.
    const lex = lexHcl(src);
    if (lex.problems.length > 0) {
      for (const q of lex.problems) errors.push({ message: q.message, span: lines.span(q.index, q.index + q.length) });
      const again = p.parse(lex.text);
      if (again) {
        tree.delete();
        tree = again;
        src = lex.text;
      }
    }
  }
  // A `}` closing no block: error recovery would take in the rest of the file. Reported, then the file is
  // read again without it (the same length, so every position stays); a few times, for `}` after `}`.
  for (let tries = 0; failed && tries < reparses(text) && tree.rootNode.hasError; tries++) {
    const stray = strayBraces(tree.rootNode);
    if (!stray) break;
    const again = p.parse(src.slice(0, stray.brace) + ' ' + src.slice(stray.brace + 1));
    if (!again) break;
    errors.push(errorNodeError(stray.error, new Converter(path, src, place), (n) => n.text, true));
    src = src.slice(0, stray.brace) + ' ' + src.slice(stray.brace + 1);
    tree.delete();
    tree = again;
  }
  // Two list items with no `,` between them: reported at the second, then read with a `,` in the space
  // before it (the same length, so every position stays), for `[a b c]` more than once. Each place tried
  // costs a parse of the file.
  for (let parses = 0, mended = true; failed && mended && tree.rootNode.hasError; ) {
    mended = false;
    for (const gap of commaPlaces(tree.rootNode, src)) {
      if (parses++ >= reparses(text)) break;
      const fixed = src.slice(0, gap.at) + ',' + src.slice(gap.at + 1);
      const again = p.parse(fixed);
      if (!again) break;
      // Kept only when the text then reads without an error up to the second item at least.
      if (firstError(again.rootNode) < gap.next) {
        again.delete();
        continue;
      }
      errors.push({ message: 'syntax error: missing `,` between list items', span: new Converter(path, fixed, place).span(itemAt(again.rootNode, gap.next)) });
      src = fixed;
      tree.delete();
      tree = again;
      mended = true;
      break;
    }
  }
  // A `${` or `%{` that nothing closes in its string: error recovery would take in the blocks after it.
  // Reported at it, then the file is read with a space in place of its `{` (the same length), the rest of
  // its line cut (the argument is broken), so that the resources after it are still read.
  const templateCut: [number, number][] = [];
  if (failed && tree.rootNode.hasError && reparses(text) > 0) {
    const open = unclosedTemplateStarts(tree.rootNode, new Converter(path, src, place));
    let fixed = src;
    for (const o of open) fixed = fixed.slice(0, o.brace) + ' ' + fixed.slice(o.brace + 1);
    const again = open.length > 0 ? p.parse(fixed) : null;
    if (again) {
      errors.push(...open.map((o) => o.problem));
      for (const o of open) {
        const eol = src.indexOf('\n', o.brace);
        templateCut.push([o.brace - 1, eol < 0 ? src.length : eol]);
      }
      src = fixed;
      tree.delete();
      tree = again;
    }
  }
  try {
    const root = tree.rootNode;
    const cut: [number, number][] = [...templateCut];
    if (root.hasError) {
      const strings = unclosedStrings(root, new Converter(path, src, place));
      errors.push(...strings.problems);
      cut.push(...strings.cut);
    }
    const conv = new Converter(path, src, place, failed ? cut : undefined, parsed.numbers);
    if (root.hasError) {
      collectErrors(root, conv, errors);
      unclosedTemplates(root, conv, errors);
      quotedNames(root, conv, errors);
    }
    const problems: SyntaxProblem[] = [];
    const bodyNode = root.namedChildren.find((c) => c?.type === 'body');
    const body = bodyNode ? conv.body(bodyNode, problems) : emptyBody();
    if (failed) hoist(body, body);
    errors.push(...labelProblems(body, (b) => conv.brokenHeads.has(b)));
    const deep = conv.depthProblems();
    const read: ConfigFile = { path, body, problems: [...firstSyntaxError(inOrder(errors)), ...problems, ...deep], duplicateKeys: conv.duplicateKeys };
    if (errors.length > 0 || deep.length > 0) read.readInPart = true;
    return read;
  } finally {
    tree.delete();
  }
}

/** Characters read from another syntax, unescaped, each with its offset in `lines`' file; `end` follows the last. */
export interface PlacedChars {
  chars: { c: string; o: number }[];
  end: number;
  lines: LineIndex;
}

/** HCL read from a string, positions given as indexes of the string's characters (`column`, `endColumn`). */
export type UnplacedHcl = { expr: Expr; problems: SyntaxProblem[] };

/**
 * HCL written in a string of another syntax (a `.tf.json` string): a template (`web-${var.env}`) or, for
 * the arguments Terraform reads as bare expressions, an expression (`alicloud.hz`). Read by the same
 * parser and converter as `.tf` files, every position placed back on the string's characters in its file.
 * `cache` keeps what a text reads as, for the next string with the same text.
 */
export function parseHclIn(p: Parser, s: PlacedChars, as: 'template' | 'expression', cache?: Map<string, UnplacedHcl>): { expr: Expr; problems: SyntaxProblem[] } {
  const content = s.chars.map((x) => x.c).join('');
  const key = `${as}:${content}`;
  let read = cache?.get(key);
  if (!read) {
    read = readHclText(p, content, as);
    cache?.set(key, read);
  }
  const at = (k: number): number => s.chars[k]?.o ?? s.end;
  const span = (x: Span): Span => s.lines.span(at(x.column), at(x.endColumn));
  return { expr: placeExpr(read.expr, span, at, s.lines.file), problems: read.problems.map((q) => ({ message: q.message, span: span(q.span) })) };
}

/** A template is parsed as the body of a heredoc (no escapes, as in a JSON template), an expression as an argument's value. */
function readHclText(p: Parser, content: string, as: 'template' | 'expression'): UnplacedHcl {
  let head = 'v = ';
  let tail = '\n';
  if (as === 'template') {
    let marker = 'EOT';
    for (let i = 0; content.includes(marker); i++) marker = `EOT${i}`;
    head = `v = <<${marker}\n`;
    tail = `\n${marker}\n`;
  }
  const index = (i: number): number => Math.min(Math.max(i - head.length, 0), content.length);
  const whole: Span = { file: '', line: 0, column: 0, endLine: 0, endColumn: content.length };
  const deep = tooDeep(content, LIMITS, as === 'template');
  if (deep) {
    const span = { ...whole, column: deep.index, endColumn: deep.index + (deep.what === 'templates' ? 2 : 1) };
    return { expr: { k: 'other', span: whole, text: content }, problems: [{ message: tooDeepMessage(deep, 'string'), span }] };
  }
  const { tree, src, numbers } = parseText(p, head + content + tail);
  const conv = new Converter('', src, {
    offset: index,
    span: (a, b) => ({ file: '', line: 0, column: index(a), endLine: 0, endColumn: index(b) }),
  }, undefined, numbers);
  if (!tree) return { expr: { k: 'other', span: whole, text: content }, problems: [{ message: 'the HCL parser gave no result', span: whole }] };
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const problems: SyntaxProblem[] = [];
      // Error nodes can take in the text around the string's: only the string's own text is shown.
      const own = (n: TSNode): string => content.slice(index(n.startIndex), index(n.endIndex));
      // An unclosed `${` is the mistake, placed at it; the errors it causes are not.
      const open = as === 'template' ? unclosedTemplateStarts(root, conv, true) : [];
      if (open.length > 0) problems.push(...open.map((o) => o.problem));
      else collectErrors(root, conv, problems, own, false);
      return { expr: { k: 'other', span: whole, text: content }, problems: firstSyntaxError(inOrder(problems)) };
    }
    const attr = root.namedChildren.find((c) => c?.type === 'body')?.namedChildren.find((c) => c?.type === 'attribute');
    let n = attr?.namedChildren.find((c) => c?.type === 'expression') ?? undefined;
    if (as === 'expression') return { expr: n ? conv.expr(n, 0) : { k: 'other', span: whole, text: content }, problems: conv.depthProblems() };
    // expression → template_expr → heredoc_template
    while (n && n.type !== 'heredoc_template') n = n.namedChildren[0] ?? undefined;
    const expr = n ? conv.template(n, 0, [head.length, head.length + content.length]) : undefined;
    return { expr: expr ?? { k: 'other', span: whole, text: content }, problems: conv.depthProblems() };
  } finally {
    tree.delete();
  }
}

/** A copy of an expression read by readHclText, with its positions placed in the file. */
function placeExpr(e: Expr, span: (s: Span) => Span, at: (k: number) => number, file: string): Expr {
  const place = (x: Expr): Expr => placeExpr(x, span, at, file);
  switch (e.k) {
    case 'lit':
    case 'other':
      return { ...e, span: span(e.span) };
    case 'tmpl':
      return { ...e, file, span: span(e.span), parts: e.parts.map((x) => ('offsets' in x ? { text: x.text, offsets: x.offsets.map(at) } : place(x))) };
    case 'obj':
      return { ...e, span: span(e.span), items: e.items.map((it) => ({ key: place(it.key), value: place(it.value) })) };
    case 'tuple':
      return { ...e, span: span(e.span), items: e.items.map(place) };
    case 'trav':
      return { ...e, span: span(e.span), ...(e.base ? { base: place(e.base) } : {}), steps: e.steps.map((x) => (typeof x === 'string' ? x : place(x))) };
    case 'splat':
      return { ...e, span: span(e.span), each: e.each.map((x) => (typeof x === 'string' ? x : place(x))) };
    case 'call':
    case 'op':
      return { ...e, span: span(e.span), args: e.args.map(place) };
    case 'cond':
      return { ...e, span: span(e.span), cond: place(e.cond), then: place(e.then), else: place(e.else) };
    case 'for':
      return {
        ...e,
        span: span(e.span),
        coll: place(e.coll),
        value: place(e.value),
        ...(e.key ? { key: place(e.key) } : {}),
        ...(e.cond ? { cond: place(e.cond) } : {}),
      };
  }
}

/** Nodes that step into the value before them: `.a`, `[0]`, `.*` / `[*]`. */
const STEP_NODES = new Set(['get_attr', 'index', 'splat']);

function at(file: string, line: number, column: number): Span {
  return { file, line: line + 1, column: column + 1, endLine: line + 1, endColumn: column + 1 };
}

function nspan(file: string, n: TSNode): Span {
  const s = n.startPosition;
  const e = n.endPosition;
  return { file, line: s.row + 1, column: s.column + 1, endLine: e.row + 1, endColumn: e.column + 1 };
}

/** Problems in the order of their places in the text: the first is the one reported. */
function inOrder(problems: SyntaxProblem[]): SyntaxProblem[] {
  return problems.length <= 1 ? problems : [...problems].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}

/**
 * Syntax errors under `n`; `text` gives the source text a node covers. tree-sitter's error recovery can
 * place an error node far from the mistake (a missing value makes the next line the error, two values
 * on a line make the first one the error): the usual mistakes are recognised from the tree around the
 * error and reported where they are to be fixed. `attributes`: false when the text's only argument is
 * the wrapper of a string's text (its errors are the string's, not an argument's).
 */
function collectErrors(n: TSNode, conv: Converter, out: SyntaxProblem[], text = (n: TSNode) => n.text, attributes = true): void {
  if (attributes && n.type === 'attribute') {
    const p = attributeError(n, conv);
    if (p) {
      out.push(p);
      return;
    }
  }
  if (n.isMissing) {
    out.push(missingError(n, conv));
    return;
  }
  if (n.isError) {
    out.push(errorNodeError(n, conv, text, attributes));
    return;
  }
  for (const c of n.children) if (c && (c.hasError || c.isMissing)) collectErrors(c, conv, out, text, attributes);
}

/** `name =` with nothing after it on its line: the value is expected just after the `=` and its spaces. */
function expectedValue(eq: TSNode, conv: Converter): SyntaxProblem {
  let i = eq.endIndex;
  while (conv.src[i] === ' ' || conv.src[i] === '\t') i++;
  return { message: 'syntax error: expected a value after `=`', span: conv.point(i, eq.endPosition.row, eq.endPosition.column + (i - eq.endIndex)) };
}

/** Nothing but blanks or a comment from `i` to the end of its line. */
function restOfLineEmpty(src: string, i: number): boolean {
  let j = i;
  while (src[j] === ' ' || src[j] === '\t') j++;
  const c = src[j];
  return c === undefined || c === '\n' || c === '\r' || c === '#' || src.startsWith('//', j);
}

/** An argument whose value is broken: nothing after the `=` on its line, or a second value on the line. */
function attributeError(n: TSNode, conv: Converter): SyntaxProblem | undefined {
  const kids = n.children.filter((c): c is TSNode => c !== null && c.type !== 'comment');
  const k = kids.findIndex((c) => c.type === '=');
  const eq = kids[k];
  if (!eq) return undefined;
  const after = kids[k + 1];
  // A value starts on the line of its `=`.
  if (!after || restOfLineEmpty(conv.src, eq.endIndex)) return expectedValue(eq, conv);
  if (after.isError) {
    // `name = "web" "x"`: the first value is the error node, the second one the argument's expression.
    const value = kids.slice(k + 2).find((c) => c.type === 'expression');
    if (value && value.startPosition.row === after.endPosition.row && !value.hasError) {
      const single = value.endPosition.row === value.startPosition.row;
      return {
        message: "syntax error: missing newline after the argument's value",
        span: single ? conv.span(value) : conv.point(value.startIndex, value.startPosition.row, value.startPosition.column),
      };
    }
  }
  return undefined;
}

const quotedName = (lit: TSNode, conv: Converter): SyntaxProblem => ({ message: `syntax error: argument names must not be quoted: \`${lit.text}\``, span: conv.span(lit) });

/**
 * `"name" = value` in a block body (Terraform 0.11 allowed quoted argument names; HCL 2 does not). Error
 * recovery then breaks the whole block and reports its `{`: the quoted name is reported instead, and the
 * errors between the block's header line and it (consequences of it) are dropped. A quoted key in an
 * object (`tags = { "k" = "v" }`) is valid and left alone.
 */
function quotedNames(root: TSNode, conv: Converter, errors: SyntaxProblem[]): void {
  const src = conv.src;
  const candidates: TSNode[] = [];
  for (const lit of root.descendantsOfType('string_lit')) {
    if (!lit || lit.parent?.type === 'object_elem' || lit.parent?.parent?.type === 'object_elem') continue;
    let b = lit.startIndex - 1;
    while (b >= 0 && (src[b] === ' ' || src[b] === '\t')) b--;
    // First on its line.
    if (b >= 0 && src[b] !== '\n' && src[b] !== '\r') continue;
    let j = lit.endIndex;
    while (src[j] === ' ' || src[j] === '\t') j++;
    if (src[j] === '=' && src[j + 1] !== '=' && src[j + 1] !== '>') candidates.push(lit);
  }
  if (candidates.length === 0) return;
  const opens = openBraces(root, src, candidates.map((c) => c.startIndex));
  const found: { problem: SyntaxProblem; from: number; at: number }[] = [];
  for (const [n, lit] of candidates.entries()) {
    const open = opens[n]!;
    if (open < 0) {
      // At the top of the file (a `.tfvars` file): error recovery reads the name as a value continuing the
      // line before it, whose errors are dropped with the name's own.
      const start = src.lastIndexOf('\n', lit.startIndex - 1) + 1;
      let prev = start;
      for (let e = start - 1; e > 0; ) {
        const s0 = src.lastIndexOf('\n', e - 1) + 1;
        prev = s0;
        if (!restOfLineEmpty(src, s0)) break;
        e = s0 - 1;
      }
      found.push({ problem: quotedName(lit, conv), from: prev, at: lit.startIndex });
      continue;
    }
    let k = open - 1;
    while (k >= 0 && /\s/.test(src[k]!)) k--;
    // A block's `{` follows its last label or its type; an object's follows `=`, `(`, `[`, `,`, `:`, `?`, `{`.
    if (k < 0 || !/["\w-]/.test(src[k]!)) continue;
    found.push({
      problem: quotedName(lit, conv),
      from: src.lastIndexOf('\n', open) + 1,
      at: lit.startIndex,
    });
  }
  if (found.length === 0) return;
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offsetOf = (sp: Span) => (lineStarts[sp.line - 1] ?? src.length) + sp.column - 1;
  // The text from each block's header line to its quoted name, as disjoint ranges in order.
  const ranges: [number, number][] = [];
  for (const f of [...found].sort((x, y) => x.from - y.from)) {
    const last = ranges[ranges.length - 1];
    if (last && f.from <= last[1]) last[1] = Math.max(last[1], f.at);
    else ranges.push([f.from, f.at]);
  }
  const covered = (o: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, z] = ranges[mid]!;
      if (o < a) hi = mid - 1;
      else if (o > z) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const kept = errors.filter((e) => !covered(offsetOf(e.span)));
  errors.splice(0, errors.length, ...kept, ...found.map((f) => f.problem));
}

/**
 * For each offset of `at` (ascending), the offset of the innermost `{` still open there, or -1: one pass
 * over the text, strings, heredocs and comments skipped.
 */
function openBraces(root: TSNode, src: string, at: number[]): number[] {
  const skip: [number, number][] = [];
  for (const n of root.descendantsOfType(['string_lit', 'heredoc_template', 'comment'])) if (n) skip.push([n.startIndex, n.endIndex]);
  skip.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  const stack: number[] = [];
  let s = 0;
  let next = 0;
  for (let k = 0; k < src.length && next < at.length; k++) {
    while (next < at.length && at[next]! <= k) out[next++] = stack.length ? stack[stack.length - 1]! : -1;
    while (s < skip.length && skip[s]![1] <= k) s++;
    if (s < skip.length && skip[s]![0] <= k) {
      // Inside a string (or nested strings): jump past the outermost one.
      let end = skip[s]![1];
      while (s + 1 < skip.length && skip[s + 1]![0] < end) end = Math.max(end, skip[++s]![1]);
      k = end - 1;
      continue;
    }
    if (src[k] === '{') stack.push(k);
    else if (src[k] === '}') stack.pop();
  }
  while (next < at.length) out[next++] = stack.length ? stack[stack.length - 1]! : -1;
  return out;
}

/**
 * `}` closing no block: the first error node at the top of the file when it starts with `}` and follows
 * blocks read without error. The offset of that `}`, and the error node.
 */
function strayBraces(root: TSNode): { brace: number; error: TSNode } | undefined {
  const kids = root.children.filter((c): c is TSNode => c !== null && c.type !== 'comment');
  const k = kids.findIndex((c) => c.hasError || c.isError || c.isMissing);
  const err = kids[k];
  const prev = kids[k - 1];
  if (!err?.isError || prev?.type !== 'body' || prev.hasError) return undefined;
  const last = prev.children.filter((c): c is TSNode => c !== null && c.type !== 'comment').pop();
  if ((last?.type !== 'block' && last?.type !== 'attribute') || last.hasError) return undefined;
  const first = err.children.find((c) => c !== null && c.type !== 'comment');
  return first?.type === '}' ? { brace: first.startIndex, error: err } : undefined;
}

/** A character an expression may start with. */
const ITEM_START = /[\w"[{(<!-]/;

/**
 * Where two list items may stand with no `,` between them, in the order of the text: for each, `at`, the
 * space or tab (the last before the second item) a `,` would go in, and `next`, where the second item
 * starts. Around an error node in a list: after the item before it, after each part of it, and at its end
 * when an item follows; after the first item when recovery closed the list there (a missing `]`); and,
 * when recovery gave up on the list, after the last item after its `[`. The caller keeps a `,` only
 * where it mends the text.
 */
function commaPlaces(root: TSNode, src: string): { at: number; next: number }[] {
  const ends: number[] = [];
  const found = root.descendantsOfType(['ERROR', 'tuple_end']);
  for (const e of root.isError ? [root, ...found] : found) {
    if (!e || (e.type === 'tuple_end' && !e.hasError && !e.isMissing)) continue;
    if (e.parent?.type === 'tuple') {
      if (e.previousSibling?.type === 'expression') ends.push(e.previousSibling.endIndex);
      if (e.type !== 'ERROR') continue;
      const parts = e.namedChildren.filter((c): c is TSNode => c !== null && c.type !== 'comment');
      for (const c of parts.slice(0, -1)) ends.push(c.endIndex);
      let after = e.nextNamedSibling;
      while (after?.type === 'comment') after = after.nextNamedSibling;
      if (after?.type === 'expression') ends.push(e.endIndex);
    } else if (e.type === 'ERROR') {
      const kids = e.children.filter((c): c is TSNode => c !== null && c.type !== 'comment');
      for (let k = kids.findIndex((c) => c.type === 'tuple_start') + 1; k > 0 && k < kids.length - 1; k += 2) {
        if (kids[k]!.type !== 'expression') break;
        if (kids[k + 1]!.type === ',') continue;
        if (kids[k + 1]!.type !== 'tuple_end') ends.push(kids[k]!.endIndex);
        break;
      }
    }
  }
  const out: { at: number; next: number }[] = [];
  for (const end of ends) {
    // Past spaces and comments to the next item; the `,` goes in the last space or tab outside a comment.
    let at = -1;
    let next = end;
    while (next < src.length) {
      const c = commentEnd(src, next);
      if (c >= 0) next = c;
      else if (src[next] === ' ' || src[next] === '\t') at = next++;
      else if (src[next] === '\n' || src[next] === '\r') next++;
      else break;
    }
    if (at >= 0 && ITEM_START.test(src[next] ?? '')) out.push({ at, next });
  }
  return out.sort((x, y) => x.at - y.at);
}

/** Offset of the first error or missing token in a tree (Infinity when it has none). */
function firstError(n: TSNode): number {
  if (n.isError || n.isMissing) return n.startIndex;
  if (!n.hasError) return Infinity;
  for (const c of n.children) {
    const at = c ? firstError(c) : Infinity;
    if (at < Infinity) return at;
  }
  return n.startIndex;
}

/** The largest node starting at `i` inside a list item (the item itself). */
function itemAt(root: TSNode, i: number): TSNode {
  const leaf = root.descendantForIndex(i) ?? root;
  let n = leaf;
  while (n.parent && n.parent.startIndex === i && n.parent.type !== 'tuple') n = n.parent;
  // An item on more than one line: its first token, a place a reader can see at once.
  return n.endPosition.row === n.startPosition.row ? n : leaf;
}

/** A token tree-sitter found missing, placed where it was left out when the tree shows it. */
function missingError(n: TSNode, conv: Converter): SyntaxProblem {
  const block = n.parent?.parent;
  if (block?.type === 'block' && n.type === '{') {
    // `name "web"` reads as the header of a block whose `{` is missing (on the next line).
    const head = block.children.filter((c): c is TSNode => c !== null && (c.type === 'identifier' || c.type === 'string_lit'));
    const last = head[head.length - 1];
    if (last && head[0] && n.startPosition.row > last.endPosition.row && head[0].startPosition.row === last.endPosition.row) {
      const nested = block.parent?.parent?.type === 'block';
      if (nested && head.length === 2) {
        return { message: `syntax error: missing \`=\` between \`${head[0].text}\` and its value`, span: conv.span(last) };
      }
      return { message: 'syntax error: missing `{` at the end of the block header', span: conv.point(last.endIndex, last.endPosition.row, last.endPosition.column) };
    }
  }
  if (block?.type === 'block' && n.type === '}') {
    const opened = block.startPosition.row + 1;
    // A block that cannot be nested read as nested in this one: this one's `}` is missing before it.
    const body = block.children.find((c) => c?.type === 'body');
    const inner = body?.children.find(
      (c) => c?.type === 'block' && TOP_LEVEL.has(c.children[0]?.text ?? '') && (c.children[1]?.type === 'string_lit' || c.children[1]?.type === 'identifier'),
    );
    if (inner) {
      return {
        message: `syntax error: missing \`}\` before this block, closing the block opened at line ${opened}`,
        span: conv.point(inner.startIndex, inner.startPosition.row, inner.startPosition.column),
      };
    }
    return { message: `syntax error: missing \`}\` closing the block opened at line ${opened}`, span: conv.span(n) };
  }
  const heredoc = n.parent?.type === 'heredoc_template' ? n.parent : undefined;
  const start = heredoc?.children.find((c) => c?.type === 'heredoc_start');
  const opener = heredoc?.children.find((c) => c?.type === 'heredoc_identifier' && !c.isMissing);
  if (n.type === 'heredoc_identifier' && start && opener) {
    // The heredoc runs to the end of the file: placed where it opens.
    return { message: `syntax error: heredoc \`${start.text}${opener.text}\` is not closed: no line \`${opener.text}\` ends it`, span: cover(conv.span(start), conv.span(opener)) };
  }
  return { message: `syntax error: missing \`${n.type}\``, span: conv.span(n) };
}

/** An error node: unexpected text, shown by its first line; `name =` ending it is a value left out. */
function errorNodeError(n: TSNode, conv: Converter, text: (n: TSNode) => string, attributes: boolean): SyntaxProblem {
  const kids = n.children.filter((c): c is TSNode => c !== null && c.type !== 'comment');
  const last = kids[kids.length - 1];
  const before = kids[kids.length - 2];
  if (attributes && last?.type === '=' && (before?.type === 'identifier' || before?.type === 'expression') && restOfLineEmpty(conv.src, last.endIndex)) {
    return expectedValue(last, conv);
  }
  const t = text(n);
  const nl = t.search(/\r?\n/);
  const first = nl < 0 ? t : t.slice(0, nl);
  const span = nl < 0 || first.trim() === '' ? conv.span(n) : conv.point(n.startIndex, n.startPosition.row, n.startPosition.column, first.length);
  // Shown as its first line that holds something (reports clip long values: format/display.ts).
  const shown = t.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? t;
  return { message: `syntax error: unexpected \`${shown}\``, span };
}

/**
 * Quoted strings that run past the end of their line: their closing `"` is missing (HCL strings are one
 * line), placed at the end of the line; `cut` holds their ranges (the arguments holding them are broken).
 */
function unclosedStrings(root: TSNode, conv: Converter): { problems: SyntaxProblem[]; cut: [number, number][] } {
  const problems: SyntaxProblem[] = [];
  const cut: [number, number][] = [];
  for (const lit of root.descendantsOfType('template_literal')) {
    const str = lit?.parent;
    if (!lit || !str || (str.type !== 'string_lit' && str.type !== 'quoted_template')) continue;
    const t = lit.text;
    const nl = t.indexOf('\n');
    if (nl < 0) continue;
    const eol = nl > 0 && t[nl - 1] === '\r' ? nl - 1 : nl;
    if (lit.startPosition.row !== str.startPosition.row) continue;
    problems.push({ message: 'syntax error: missing `"` closing the string (a quoted string cannot continue on the next line)', span: conv.point(lit.startIndex + eol, lit.startPosition.row, lit.startPosition.column + eol) });
    cut.push([str.startIndex, str.endIndex]);
  }
  return { problems, cut };
}

/**
 * `${` or `%{` in a string that nothing closes on its line, and `%{ if }` / `%{ for }` without its
 * `%{ endif }` / `%{ endfor }`: error recovery takes in the block around them and reports its header (or the
 * top of the file). Each is reported where it is, and the errors of the error nodes holding it (its
 * consequences) are dropped.
 */
function unclosedTemplates(root: TSNode, conv: Converter, errors: SyntaxProblem[]): void {
  const found = unclosedTemplateStarts(root, conv);
  if (found.length === 0) return;
  // The error nodes holding them start where their errors are placed.
  const holders = new Set<string>();
  for (const f of found) for (let p = f.node.parent; p; p = p.parent) if (p.isError) holders.add(`${p.startPosition.row + 1}:${p.startPosition.column + 1}`);
  const kept = errors.filter((e) => !holders.has(`${e.span.line}:${e.span.column}`));
  errors.splice(0, errors.length, ...kept, ...found.map((f) => f.problem));
}

/**
 * The sequences unclosedTemplates reports, each with the offset of the `{` that opens it. `wrapped`: the
 * text is a `.tf.json` string read as the body of a heredoc, whose directives end with the string.
 */
function unclosedTemplateStarts(root: TSNode, conv: Converter, wrapped = false): { problem: SyntaxProblem; node: TSNode; brace: number }[] {
  const found: { problem: SyntaxProblem; node: TSNode; brace: number }[] = [];
  for (const n of root.descendantsOfType(['template_interpolation_start', 'template_directive_start', 'template_if_intro', 'template_for_start'])) {
    if (!n?.parent?.isError) continue;
    if (n.type === 'template_if_intro' || n.type === 'template_for_start') {
      // A quoted string ends on its line; a heredoc's directive may be closed lines below: left alone.
      const end = n.type === 'template_if_intro' ? 'endif' : 'endfor';
      const eol = conv.src.indexOf('\n', n.endIndex);
      const heredoc = !wrapped && n.parent.children.some((c) => c?.type === 'heredoc_start' && c.startIndex < n.startIndex);
      if (heredoc || new RegExp(`%\\{~?\\s*${end}\\b`).test(conv.src.slice(n.endIndex, eol < 0 ? undefined : eol))) continue;
      const what = n.type === 'template_if_intro' ? 'if' : 'for';
      const brace = conv.src.lastIndexOf('%{', n.startIndex) + 1;
      found.push({ node: n, brace, problem: { message: `syntax error: \`%{ ${what} }\` in a string is not closed: no \`%{ ${end} }\` follows it before the string ends`, span: conv.span(n) } });
    } else if (!closedOnLine(conv.src, n.endIndex)) {
      found.push({ node: n, brace: n.startIndex + 1, problem: { message: `syntax error: unclosed \`${n.text}\` in a string: no \`}\` closes it before the string ends`, span: conv.span(n) } });
    }
  }
  return found;
}

/**
 * Whether the interpolation or directive whose text starts at `i` (after its `${` or `%{`) is closed on
 * its line: a `}` outside its brackets and strings. A string in it that is not closed on the line (the
 * `"` meant to end the outer string) or a line break outside brackets mean it is not; a bracket closed by
 * the wrong one, or a line break inside brackets (an expression on several lines), are other matters.
 */
function closedOnLine(src: string, i: number): boolean {
  const closers: string[] = [];
  for (let j = i; j < src.length; j++) {
    const c = src[j]!;
    if (c === '\n') return closers.length > 0;
    if (c === '"') {
      const end = stringEnd(src, j);
      if (src[end - 1] !== '"' || end - 1 === j) return closers.length > 0;
      j = end - 1;
    } else if (c === '(' || c === '[' || c === '{') closers.push(c === '(' ? ')' : c === '[' ? ']' : '}');
    else if ((c === ')' || c === ']' || c === '}') && (closers.length === 0 || closers.pop() !== c)) return true;
  }
  return closers.length > 0;
}

/** Labels a top-level block must have (Terraform rejects a `resource` with one label, and never reads it). */
const LABELS: Record<string, string[]> = {
  resource: ['type', 'name'],
  data: ['type', 'name'],
  variable: ['name'],
  module: ['name'],
  output: ['name'],
  provider: ['name'],
};

function labelProblems(body: Body, broken: (b: Block) => boolean): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  for (const b of body.blocks) {
    const want = LABELS[b.type];
    if (!want || b.labels.length === want.length || broken(b)) continue;
    const names = want.length === 1 ? want[0]! : want.join(' and ');
    out.push({
      message: `syntax error: a \`${b.type}\` block has ${want.length === 1 ? 'one label' : `${want.length} labels`} (${names}); this one has ${b.labels.length}`,
      span: b.headSpan,
    });
  }
  return out;
}

/** After error recovery a top-level block can end up inside another one: bring it back to the top. */
function hoist(top: Body, body: Body): void {
  for (const b of body.blocks) {
    const nested = b.body.blocks.filter((x) => TOP_LEVEL.has(x.type) && x.labels.length > 0);
    if (nested.length === 0) continue;
    b.body.blocks = b.body.blocks.filter((x) => !nested.includes(x));
    for (const x of nested) {
      top.blocks.push(x);
      hoist(top, x.body);
    }
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Where the parsed text's positions go: offset and span of text offsets. */
interface Placement {
  offset(i: number): number;
  span(start: number, end: number): Span;
}

class Converter {
  /**
   * `cut`, given when the text has syntax errors: ranges of text broken by them. Arguments overlapping
   * one, holding an error, or read from inside an error node are then kept as broken (their value unknown).
   */
  constructor(
    readonly file: string,
    readonly src: string,
    readonly place?: Placement,
    readonly cut?: [number, number][],
    /** Numbers read as zeros by parseText: their text, by offset. */
    readonly numbers?: Map<number, string>,
  ) {}

  span(n: TSNode): Span {
    return this.place ? this.place.span(n.startIndex, n.endIndex) : nspan(this.file, n);
  }

  /** The place at text index `i` (row and column given by the tree), `length` characters on its line. */
  point(i: number, row: number, column: number, length = 0): Span {
    if (this.place) return this.place.span(i, i + length);
    const s = at(this.file, row, column);
    return { ...s, endColumn: s.column + length };
  }

  offset(i: number): number {
    return this.place ? this.place.offset(i) : i;
  }

  /** `depth`: how many blocks enclose this body; blocks deeper than MAX_EXPR_DEPTH are not read. */
  body(n: TSNode, problems: SyntaxProblem[], depth = 0): Body {
    const body = emptyBody();
    const add = (a: Attr): void => {
      const prev = body.attrs.get(a.name);
      if (prev) {
        // An argument cut by a syntax error may be a line read twice by error recovery.
        if (a.broken || prev.broken) return;
        problems.push(redefinedArgument({ key: a.name, span: a.nameSpan, first: prev.nameSpan }));
      } else body.attrs.set(a.name, a);
    };
    const visit = (c: TSNode, inError: boolean): void => {
      if (c.type === 'attribute') {
        const split = this.cut && !inError && c.hasError ? this.valueLeftOut(c) : undefined;
        if (split) {
          for (const a of split) add(a);
          return;
        }
        const a = this.attribute(c, inError);
        if (a) add(a);
      } else if (c.type === 'block') {
        const b = this.block(c, problems, depth + 1);
        if (b) body.blocks.push(b);
      } else if (c.type === 'ERROR') {
        for (const x of c.namedChildren) if (x) visit(x, true);
      }
    };
    for (const c of n.namedChildren) if (c) visit(c, false);
    return body;
  }

  attribute(n: TSNode, inError = false): Attr | undefined {
    const kids = n.namedChildren;
    const id = kids.find((c) => c?.type === 'identifier');
    const ex = kids.find((c) => c?.type === 'expression');
    if (!id) return undefined;
    const span = this.span(n);
    if (this.cut && (inError || n.hasError || this.cut.some(([a, b]) => a < n.endIndex && b > n.startIndex))) {
      const eq = n.children.find((c) => c?.type === '=');
      const text = eq ? this.src.slice(eq.endIndex, n.endIndex).trim() : '';
      return { name: id.text, nameSpan: this.span(id), expr: { k: 'other', span, text }, span, broken: true };
    }
    const expr: Expr = ex ? this.expr(ex, 0) : { k: 'other', span, text: '' };
    return { name: id.text, nameSpan: this.span(id), expr, span };
  }

  /**
   * `name =` with nothing after it on its line, then `other = value` on a later line: error recovery reads
   * `other =` as an error inside the first argument and `value` as its value. Read as two arguments: the
   * first broken (set, its value unknown), the second as written, unless an error cuts it too.
   */
  valueLeftOut(n: TSNode): [Attr, Attr] | undefined {
    const kids = n.children.filter((c): c is TSNode => c !== null && c.type !== 'comment');
    const [id, eq, err, value] = kids;
    if (kids.length !== 4 || id?.type !== 'identifier' || eq?.type !== '=' || !err?.isError || value?.type !== 'expression') return undefined;
    if (err.startPosition.row <= eq.endPosition.row || !restOfLineEmpty(this.src, eq.endIndex)) return undefined;
    const inner = err.children.filter((c): c is TSNode => c !== null && c.type !== 'comment');
    const [name, eq2] = inner;
    if (inner.length !== 2 || name?.type !== 'expression' || eq2?.type !== '=' || name.hasError) return undefined;
    const v = name.namedChildren;
    const w = v.length === 1 && v[0]?.type === 'variable_expr' ? v[0].namedChildren : [];
    const id2 = w.length === 1 && w[0]?.type === 'identifier' ? w[0] : undefined;
    if (!id2 || value.startPosition.row !== eq2.endPosition.row) return undefined;
    const first: Attr = { name: id.text, nameSpan: this.span(id), expr: { k: 'other', span: cover(this.span(id), this.span(eq)), text: '' }, span: cover(this.span(id), this.span(eq)), broken: true };
    const span = cover(this.span(id2), this.span(value));
    if (value.hasError || this.cut?.some(([a, b]) => a < value.endIndex && b > id2.startIndex)) {
      return [first, { name: id2.text, nameSpan: this.span(id2), expr: { k: 'other', span, text: this.src.slice(eq2.endIndex, value.endIndex).trim() }, span, broken: true }];
    }
    return [first, { name: id2.text, nameSpan: this.span(id2), expr: this.expr(value, 0), span }];
  }

  block(n: TSNode, problems: SyntaxProblem[], depth: number): Block | undefined {
    if (depth > MAX_EXPR_DEPTH) {
      this.tooDeepBlock ??= this.span(n);
      return undefined;
    }
    let type: TSNode | undefined;
    const labels: string[] = [];
    let last: TSNode | undefined;
    let bodyNode: TSNode | undefined;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'identifier' && !type) {
        type = c;
        last = c;
      } else if (c.type === 'identifier' || c.type === 'string_lit') {
        labels.push(c.type === 'identifier' ? c.text : this.stringLit(c));
        last = c;
      } else if (c.type === 'body') bodyNode = c;
    }
    if (!type || !last) return undefined;
    const b: Block = {
      type: type.text,
      labels,
      span: this.span(n),
      headSpan: cover(this.span(type), this.span(last)),
      body: bodyNode ? this.body(bodyNode, problems, depth) : emptyBody(),
    };
    if (this.cut && n.children.some((c) => c !== null && c.type !== 'body' && (c.hasError || c.isMissing))) this.brokenHeads.add(b);
    return b;
  }

  /** Blocks whose header (type, labels, `{`, `}`) holds a syntax error: what their labels are is not known. */
  readonly brokenHeads = new WeakSet<Block>();

  stringLit(n: TSNode): string {
    const t = this.template(n, 0);
    return t.k === 'tmpl' ? t.parts.map((p) => ('text' in p ? p.text : '')).join('') : '';
  }

  /** The first expression, and the first block, not read because nested deeper than MAX_EXPR_DEPTH. */
  private tooDeep: Span | undefined;
  private tooDeepBlock: Span | undefined;

  /** Located problems for what is too deep to read, so that it is not lost silently. */
  depthProblems(): SyntaxProblem[] {
    const out: SyntaxProblem[] = [];
    if (this.tooDeep) out.push({ message: `expression nested more than ${MAX_EXPR_DEPTH} syntax levels deep; it is not read`, span: this.tooDeep });
    if (this.tooDeepBlock) out.push({ message: `block nested more than ${MAX_EXPR_DEPTH} blocks deep; it is not read`, span: this.tooDeepBlock });
    return out;
  }

  expr(n: TSNode, depth: number): Expr {
    if (depth > MAX_EXPR_DEPTH) {
      this.tooDeep ??= this.span(n);
      return { k: 'other', span: this.span(n), text: n.text };
    }
    const type = n.type;
    const kids = n.namedChildren.filter((c): c is TSNode => c !== null && c.type !== 'comment');
    // Wrappers of one node take that node's value (and span) without a span of their own.
    if (kids.length === 1 && (type === 'expression' || type === 'literal_value' || type === 'collection_value')) return this.expr(kids[0]!, depth + 1);
    const span = this.span(n);
    switch (type) {
      case 'expression': {
        if (kids.length === 1) return this.expr(kids[0]!, depth + 1);
        if (kids[0]?.type === 'variable_expr') return this.traversal(n, kids, depth);
        // Steps after another expression (`concat(a, b)[0]`, `(x).y`).
        if (kids[0] && kids.slice(1).every((c) => STEP_NODES.has(c.type))) return this.traversal(n, kids, depth, span, n.text, this.expr(kids[0], depth + 1));
        return { k: 'other', span, text: n.text };
      }
      case 'literal_value':
        return kids[0] ? this.expr(kids[0], depth + 1) : { k: 'other', span, text: n.text };
      case 'numeric_lit': {
        const v = Number(this.numbers?.get(n.startIndex) ?? n.text);
        return Number.isFinite(v) ? { k: 'lit', value: v, span } : { k: 'other', span, text: n.text };
      }
      case 'bool_lit':
        return { k: 'lit', value: n.text === 'true', span };
      case 'null_lit':
        return { k: 'lit', value: null, span };
      case 'string_lit':
      case 'template_expr':
      case 'quoted_template':
      case 'heredoc_template':
        return this.template(kids.length === 1 && n.type === 'template_expr' ? kids[0]! : n, depth);
      case 'collection_value':
        return kids[0] ? this.expr(kids[0], depth + 1) : { k: 'other', span, text: n.text };
      case 'tuple':
        return { k: 'tuple', items: kids.filter((c) => c.type === 'expression').map((c) => this.expr(c, depth + 1)), span };
      case 'object': {
        const items: { key: Expr; value: Expr }[] = [];
        for (const el of kids) {
          if (el.type !== 'object_elem') continue;
          const k = el.childForFieldName('key');
          const v = el.childForFieldName('val');
          if (!k || !v) continue;
          items.push({ key: this.objectKey(k, depth), value: this.expr(v, depth + 1) });
        }
        this.duplicateKeysOf(items);
        return { k: 'obj', items, span };
      }
      case 'variable_expr':
        return this.traversal(n, [n], depth);
      case 'function_call': {
        const name = kids.find((c) => c.type === 'identifier')?.text ?? '';
        const argsNode = kids.find((c) => c.type === 'function_arguments');
        const args = argsNode
          ? argsNode.namedChildren.filter((c): c is TSNode => c?.type === 'expression').map((c) => this.expr(c, depth + 1))
          : [];
        if (argsNode?.namedChildren.some((c) => c?.type === 'ellipsis')) return { k: 'other', span, text: n.text };
        return { k: 'call', name, args, span, text: n.text };
      }
      case 'conditional': {
        const [c, a, b] = kids;
        if (!c || !a || !b) return { k: 'other', span, text: n.text };
        return { k: 'cond', cond: this.expr(c, depth + 1), then: this.expr(a, depth + 1), else: this.expr(b, depth + 1), span, text: n.text };
      }
      case 'for_expr':
        return kids[0] ? this.forExpr(kids[0], depth + 1) : { k: 'other', span, text: n.text };
      case 'operation': {
        // The operator is the one unnamed child besides parentheses; the named children before and after it are the operands.
        const o = kids[0];
        const parts = o?.children.filter((c): c is TSNode => c !== null && c.type !== 'comment' && c.type !== '(' && c.type !== ')') ?? [];
        const at = parts.findIndex((c) => !c.isNamed);
        const sym = parts[at]?.type;
        if (!o || at < 0 || sym === undefined || (o.type === 'unary_operation') !== (at === 0)) return { k: 'other', span, text: n.text };
        const args = at === 0 ? [this.operand(parts.slice(1), depth)] : [this.operand(parts.slice(0, at), depth), this.operand(parts.slice(at + 1), depth)];
        if (args.some((a) => a === undefined)) return { k: 'other', span, text: n.text };
        // A negative number is written as unary minus on a literal.
        const [v] = args;
        if (sym === '-' && args.length === 1 && v?.k === 'lit' && typeof v.value === 'number') return { k: 'lit', value: -v.value, span };
        return { k: 'op', op: sym, args: args as Expr[], span, text: n.text };
      }
      default:
        return { k: 'other', span, text: n.text };
    }
  }

  /** `for_tuple_expr` / `for_object_expr`; a grouping object (`value...`) is left unknown. */
  forExpr(n: TSNode, depth: number): Expr {
    const span = this.span(n);
    const other: Expr = { k: 'other', span, text: n.text };
    const kids = n.namedChildren.filter((c): c is TSNode => c !== null && c.type !== 'comment');
    const intro = kids.find((c) => c.type === 'for_intro');
    const names = intro?.namedChildren.filter((c) => c?.type === 'identifier').map((c) => c!.text) ?? [];
    const coll = intro?.namedChildren.find((c) => c?.type === 'expression');
    const exprs = kids.filter((c) => c.type === 'expression');
    const cond = kids.find((c) => c.type === 'for_cond')?.namedChildren.find((c) => c?.type === 'expression');
    const object = n.type === 'for_object_expr';
    if (!coll || names.length < 1 || names.length > 2 || exprs.length !== (object ? 2 : 1) || kids.some((c) => c.type === 'ellipsis')) return other;
    return {
      k: 'for',
      ...(names.length === 2 ? { keyVar: names[0]! } : {}),
      valueVar: names[names.length - 1]!,
      coll: this.expr(coll, depth + 1),
      ...(object ? { key: this.expr(exprs[0]!, depth + 1) } : {}),
      value: this.expr(exprs[exprs.length - 1]!, depth + 1),
      ...(cond ? { cond: this.expr(cond, depth + 1) } : {}),
      span,
      text: n.text,
    };
  }

  /** Keys written as literals that an object repeats: Terraform keeps the last value without a word. */
  readonly duplicateKeys: DuplicateKey[] = [];

  private duplicateKeysOf(items: { key: Expr }[]): void {
    if (items.length > 1) this.duplicateKeys.push(...repeatedKeys(items.map(({ key }) => ({ key: literalKey(key), span: key.span }))));
  }

  /** An object key: a bare word is a literal string (`{ env = "prod" }`), anything else an expression. */
  objectKey(k: TSNode, depth: number): Expr {
    const kids = k.namedChildren.filter((c): c is TSNode => c !== null && c.type !== 'comment');
    if (kids.length === 1 && kids[0]!.type === 'variable_expr') return { k: 'lit', value: kids[0]!.text, span: this.span(k) };
    return this.expr(k, depth + 1);
  }

  /**
   * An operand of an operator: one node, or a variable or another expression and the steps after it
   * (`var.a.b[0]`, `values(m)[0]`), written as siblings.
   */
  operand(kids: TSNode[], depth: number): Expr | undefined {
    const [first] = kids;
    if (first === undefined) return undefined;
    if (kids.length === 1) return this.expr(first, depth + 1);
    if (!kids.slice(1).every((c) => STEP_NODES.has(c.type))) return undefined;
    const last = kids[kids.length - 1]!;
    const base = first.type === 'variable_expr' ? undefined : this.expr(first, depth + 1);
    return this.traversal(first, kids, depth, cover(this.span(first), this.span(last)), this.src.slice(first.startIndex, last.endIndex), base);
  }

  traversal(n: TSNode, kids: TSNode[], depth: number, span = this.span(n), text = n.text, base?: Expr): Expr {
    const steps: (string | Expr)[] = [];
    for (const c of kids.slice(1)) {
      if (c.type !== 'splat') {
        const st = this.step(c, depth);
        if (st === undefined) return { k: 'other', span, text };
        steps.push(st);
        continue;
      }
      // `[*]` applies every step after it to each element; `.*` only the attribute steps right after it,
      // what follows them applies to the list (HCL).
      const sp = c.namedChildren[0];
      const inner = sp?.namedChildren.filter((x): x is TSNode => x !== null && x.type !== 'comment') ?? [];
      const full = sp?.type === 'full_splat';
      const each: (string | Expr)[] = [];
      let i = 0;
      for (; i < inner.length && (full || inner[i]!.type === 'get_attr'); i++) {
        const st = this.step(inner[i]!, depth);
        if (st === undefined) return { k: 'other', span, text };
        each.push(st);
      }
      steps.push({ k: 'splat', each, span: this.span(c) });
      for (; i < inner.length; i++) {
        const st = this.step(inner[i]!, depth);
        if (st === undefined) return { k: 'other', span, text };
        steps.push(st);
      }
    }
    return base ? { k: 'trav', root: '', base, steps, span, text } : { k: 'trav', root: kids[0]!.text, steps, span, text };
  }

  /** One step of a traversal: an attribute name, or an index expression; undefined for anything else. */
  step(c: TSNode, depth: number): string | Expr | undefined {
    if (c.type === 'get_attr') return c.namedChildren.find((x) => x?.type === 'identifier')?.text;
    if (c.type !== 'index') return undefined;
    const ix = c.namedChildren[0];
    if (ix?.type === 'new_index') {
      const e = ix.namedChildren.find((x) => x?.type === 'expression');
      return e ? this.expr(e, depth + 1) : undefined;
    }
    if (ix?.type === 'legacy_index') return { k: 'lit', value: Number(ix.text.replace(/^\./, '')), span: this.span(ix) };
    return undefined;
  }

  /**
   * Quoted strings and heredocs: literal text read from the source (escapes, indentation) and interpolations.
   * `body`: the text range of a heredoc's content when it is not the text between its identifier lines.
   */
  template(n: TSNode, depth: number, body?: [number, number]): Expr {
    const span = this.span(n);
    const kids = n.children.filter((c): c is TSNode => c !== null);
    const heredoc = n.type === 'heredoc_template';
    let start: number;
    let end: number;
    let strip = false;
    if (heredoc && body) [start, end] = body;
    else if (heredoc) {
      strip = kids.find((c) => c.type === 'heredoc_start')?.text === '<<-';
      const ids = kids.filter((c) => c.type === 'heredoc_identifier');
      const opener = ids[0];
      if (!opener) return { k: 'other', span, text: n.text };
      const nl = this.src.indexOf('\n', opener.endIndex);
      start = nl < 0 ? n.endIndex : nl + 1;
      const closer = ids.length > 1 ? ids[ids.length - 1]! : undefined;
      end = closer ? closer.startIndex - closer.startPosition.column : n.endIndex;
      if (end < start) end = start;
    } else {
      const open = kids.find((c) => c.type === 'quoted_template_start');
      const close = kids.find((c) => c.type === 'quoted_template_end');
      start = open ? open.endIndex : n.startIndex;
      end = close && !close.isMissing ? close.startIndex : n.endIndex;
    }
    // Characters with their source offsets, and interpolations, in order.
    const items: ({ c: string; o: number } | Expr)[] = [];
    let pos = start;
    const literal = (a: number, b: number): void => {
      for (let i = a; i < b; i++) {
        const ch = this.src[i]!;
        const next = this.src[i + 1];
        const o = this.offset(i);
        if ((ch === '$' || ch === '%') && next === ch && this.src[i + 2] === '{') {
          items.push({ c: ch, o });
          items.push({ c: '{', o: this.offset(i + 2) });
          i += 2;
        } else if (!heredoc && ch === '\\' && next !== undefined) {
          if (next in ESCAPES) {
            items.push({ c: ESCAPES[next]!, o });
            i += 1;
          } else if ((next === 'u' || next === 'U') && /^[0-9a-fA-F]+$/.test(this.src.slice(i + 2, i + (next === 'u' ? 6 : 10)))) {
            const len = next === 'u' ? 4 : 8;
            const cp = parseInt(this.src.slice(i + 2, i + 2 + len), 16);
            const s = cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
            for (const unit of s.split('')) items.push({ c: unit, o });
            i += 1 + len;
          } else {
            items.push({ c: ch, o });
          }
        } else {
          items.push({ c: ch, o });
        }
      }
    };
    // `${~` and `%{~` strip the white space of the literal text before them, `~}` that of the text after.
    // Terraform reads a heredoc (and a `.tf.json` template) line by line: there, stripping stops at a line
    // break, and the one after `~}` goes with it.
    const lineBreak = (it: { c: string } | Expr): boolean => heredoc && !('k' in it) && it.c === '\n';
    let stripNext = false;
    const text = (a: number, b: number): void => {
      const from = items.length;
      literal(a, b);
      if (!stripNext) return;
      let k = from;
      while (k < items.length && isSpace(items[k]!)) if (lineBreak(items[k++]!)) break;
      items.splice(from, k - from);
    };
    for (const c of kids) {
      if (c.type !== 'template_interpolation' && c.type !== 'template_directive') continue;
      if (c.startIndex < start || c.endIndex > end) continue;
      text(pos, c.startIndex);
      if (this.src[c.startIndex + 2] === '~') while (items.length > 0 && isSpace(items[items.length - 1]!) && !lineBreak(items[items.length - 1]!)) items.pop();
      if (c.type === 'template_interpolation') {
        const e = c.namedChildren.find((x) => x?.type === 'expression');
        items.push(e ? this.expr(e, depth + 1) : { k: 'other', span: this.span(c), text: c.text });
      } else items.push({ k: 'other', span: this.span(c), text: c.text });
      stripNext = this.src.startsWith('~}', c.endIndex - 2);
      pos = c.endIndex;
    }
    text(pos, end);
    const chars = strip ? stripIndent(items) : items;
    const parts: (LitPart | Expr)[] = [];
    for (const it of chars) {
      if ('k' in it) parts.push(it);
      else {
        const last = parts[parts.length - 1];
        if (last && 'offsets' in last) {
          last.text += it.c;
          last.offsets.push(it.o);
        } else parts.push({ text: it.c, offsets: [it.o] });
      }
    }
    return { k: 'tmpl', parts, span, text: n.text, heredoc, file: this.file };
  }
}

/** A literal character a strip marker removes: white space as Go's unicode.IsSpace reads it. */
function isSpace(it: { c: string } | Expr): boolean {
  return !('k' in it) && /^\p{White_Space}$/u.test(it.c);
}

/** `<<-` heredocs: remove the indentation common to all lines that hold something (HCL's flush heredoc). */
function stripIndent<T extends { c: string; o: number }>(items: (T | Expr)[]): (T | Expr)[] {
  const lines: (T | Expr)[][] = [[]];
  for (const it of items) {
    lines[lines.length - 1]!.push(it);
    if (!('k' in it) && it.c === '\n') lines.push([]);
  }
  let min = Infinity;
  for (const line of lines) {
    let n = 0;
    let blank = true;
    for (const it of line) {
      if ('k' in it) {
        blank = false;
        break;
      }
      if (it.c === ' ' || it.c === '\t') n++;
      else {
        blank = it.c === '\n' || it.c === '\r';
        break;
      }
    }
    if (!blank) min = Math.min(min, n);
  }
  if (!Number.isFinite(min) || min === 0) return items;
  const out: (T | Expr)[] = [];
  for (const line of lines) {
    let skip = 0;
    for (const it of line) {
      if (skip < min && !('k' in it) && (it.c === ' ' || it.c === '\t')) {
        skip++;
        continue;
      }
      skip = min;
      out.push(it);
    }
  }
  return out;
}
