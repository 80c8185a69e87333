/**
 * Terraform's JSON configuration syntax (`.tf.json`) → the same syntax as native HCL, with positions.
 * Strings are templates: `"${var.name}"` is a reference, `"web-${var.env}"` a template; `$${` is a literal.
 * Inside `${ }` only references (`var.x`, `local.x`, `alicloud_vpc.main.id`, `x[0]`) are understood;
 * any other expression is unknown.
 */
import { parseJson } from '../parse.ts';
import { cover, LineIndex } from '../tree.ts';
import type { Span, Tree } from '../tree.ts';
import type { Attr, Block, Body, ConfigFile, Expr, LitPart } from './syntax.ts';
import { emptyBody } from './syntax.ts';

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

/** A JSON string's characters, unescaped, each with its offset in the file (`t` is the string's tree). */
export function jsonChars(text: string, starts: number[], t: Tree): { c: string; o: number }[] {
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

class JsonSyntax {
  readonly starts: number[];
  constructor(
    readonly file: string,
    readonly text: string,
    readonly lines: LineIndex,
  ) {
    this.starts = lineStarts(text);
  }

  chars(t: Tree): { c: string; o: number }[] {
    return jsonChars(this.text, this.starts, t);
  }

  expr(t: Tree, templates: boolean): Expr {
    switch (t.type) {
      case 'scalar':
        if (typeof t.value === 'string' && templates && t.value.includes('${')) return this.template(t);
        if (typeof t.value === 'string') return { k: 'tmpl', parts: [this.lit(this.chars(t))], span: t.span, text: t.value, file: this.file };
        return { k: 'lit', value: t.value, span: t.span };
      case 'seq':
        return { k: 'tuple', items: t.items.map((i) => this.expr(i, templates)), span: t.span };
      case 'map':
        return {
          k: 'obj',
          items: t.entries.map((e) => ({ key: { k: 'lit', value: e.key, span: e.keySpan }, value: this.expr(e.value, templates) })),
          span: t.span,
        };
      case 'unknown':
        return { k: 'other', span: t.span, text: t.expr };
    }
  }

  lit(cs: { c: string; o: number }[]): LitPart {
    return { text: cs.map((x) => x.c).join(''), offsets: cs.map((x) => x.o) };
  }

  template(t: Tree): Expr {
    const cs = this.chars(t);
    const parts: (LitPart | Expr)[] = [];
    let buf: { c: string; o: number }[] = [];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!.c;
      const n = cs[i + 1]?.c;
      if ((c === '$' || c === '%') && n === c && cs[i + 2]?.c === '{') {
        buf.push(cs[i]!, cs[i + 2]!);
        i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && n === '{') {
        let depth = 0;
        let quote = false;
        let j = i + 1;
        for (; j < cs.length; j++) {
          const x = cs[j]!.c;
          if (quote) {
            if (x === '\\') j++;
            else if (x === '"') quote = false;
          } else if (x === '"') quote = true;
          else if (x === '{') depth++;
          else if (x === '}' && --depth === 0) break;
        }
        if (j >= cs.length) {
          buf.push(cs[i]!);
          continue;
        }
        if (buf.length) parts.push(this.lit(buf));
        buf = [];
        const inner = cs.slice(i + 2, j);
        const span = this.lines.span(cs[i]!.o, cs[j]!.o + 1);
        const src = inner.map((x) => x.c).join('');
        parts.push(c === '%' ? { k: 'other', span, text: `%{${src}}` } : reference(src, span));
        i = j;
        continue;
      }
      buf.push(cs[i]!);
    }
    if (buf.length) parts.push(this.lit(buf));
    return { k: 'tmpl', parts, span: t.span, text: String((t as { value: unknown }).value), file: this.file };
  }

  body(t: Tree): Body {
    const body = emptyBody();
    if (t.type !== 'map') return body;
    for (const e of t.entries) {
      if (e.key === '//') continue;
      const a: Attr = { name: e.key, nameSpan: e.keySpan, expr: this.expr(e.value, true), span: cover(e.keySpan, e.value.span) };
      body.attrs.set(e.key, a);
    }
    return body;
  }

  /** A variable's body: `default` is a literal value, never a template. */
  variableBody(t: Tree): Body {
    const body = this.body(t);
    const def = t.type === 'map' ? t.entries.find((e) => e.key === 'default') : undefined;
    if (def) body.attrs.set('default', { name: 'default', nameSpan: def.keySpan, expr: this.expr(def.value, false), span: cover(def.keySpan, def.value.span) });
    return body;
  }

  /** Blocks with N labels: `{ "type": { "name": {...} } }`, each level possibly an array of objects. */
  blocks(type: string, t: Tree, labels: number, out: Block[], got: { key: string; span: Span }[] = []): void {
    const items = t.type === 'seq' ? t.items : [t];
    for (const it of items) {
      if (got.length === labels) {
        const head = got.length ? cover(got[0]!.span, got[got.length - 1]!.span) : it.span;
        out.push({
          type,
          labels: got.map((g) => g.key),
          span: cover(head, it.span),
          headSpan: head,
          body: type === 'variable' ? this.variableBody(it) : this.body(it),
        });
        continue;
      }
      if (it.type !== 'map') continue;
      for (const e of it.entries) {
        if (e.key === '//') continue;
        this.blocks(type, e.value, labels, out, [...got, { key: e.key, span: e.keySpan }]);
      }
    }
  }
}

const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0 };

export function parseTfJson(path: string, text: string): ConfigFile {
  const parsed = parseJson(path, text);
  const body = emptyBody();
  const doc = parsed.docs[0];
  const problems = [...parsed.problems];
  if (!doc) return { path, body, problems };
  if (doc.type !== 'map') {
    problems.push({ message: 'a Terraform JSON file must hold one object', span: doc.span });
    return { path, body, problems };
  }
  const js = new JsonSyntax(path, text, parsed.lines);
  for (const e of doc.entries) {
    const n = LABELS[e.key];
    if (n === undefined) continue;
    js.blocks(e.key, e.value, n, body.blocks);
  }
  return { path, body, problems };
}

/** `${ ... }` in a JSON string: a plain reference is understood, anything else is unknown. */
function reference(src: string, span: Span): Expr {
  const m = /^\s*([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\.\d+|\[\s*\d+\s*\]|\[\s*"[^"]*"\s*\])*)\s*$/.exec(src);
  if (!m) return { k: 'other', span, text: src.trim() };
  const steps: (string | Expr)[] = [];
  const re = /\.([A-Za-z_][\w-]*)|\.(\d+)|\[\s*(\d+)\s*\]|\[\s*"([^"]*)"\s*\]/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(m[2]!)) !== null) {
    if (x[1] !== undefined) steps.push(x[1]);
    else if (x[2] !== undefined || x[3] !== undefined) steps.push({ k: 'lit', value: Number(x[2] ?? x[3]), span });
    else steps.push({ k: 'lit', value: x[4]!, span });
  }
  return { k: 'trav', root: m[1]!, steps, span, text: src.trim() };
}
