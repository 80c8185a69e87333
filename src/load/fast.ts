/**
 * Fast paths for the common shapes of YAML and JSON: single-pass scanners that build positioned trees
 * directly, with no intermediate document model. They accept a strict subset of each language and give
 * up (return undefined) on anything outside it, or on anything that would be an error; the caller then
 * runs the full parser (parse.ts), which locates errors and handles the rest of YAML. For every input a
 * fast path accepts, its trees are identical to the full parser's (values, keys and spans; tested).
 *
 * YAML subset: block mappings and sequences (compact forms included), single-line plain, single- and
 * double-quoted scalars, comments; no tabs or CR, no anchors, aliases, tags, flow collections, block
 * scalars, multi-line scalars, complex keys, merge keys or document markers. Plain scalars resolve with
 * the YAML 1.2 core schema, as the `yaml` package does.
 * JSON subset: RFC 8259 JSON (no comments, no trailing commas), no duplicate keys.
 */
import { LineIndex } from './tree.ts';
import type { Scalar, Span, TEntry, TScalar, Tree } from './tree.ts';
import type { Parsed } from './parse.ts';

/**
 * Deepest nesting accepted; deeper input is reported, not parsed. Both full parsers recurse, and a stack
 * overflow deep inside them can take the process down instead of raising an error.
 */
export const MAX_DEPTH = 500;
/** Most tree nodes one document may expand to. */
export const MAX_NODES = 5_000_000;

/** Thrown inside a scanner to give up; always caught in this module. */
const GIVE_UP = Symbol('give up');

/**
 * Gives up on a key the map already has (the full parsers report duplicates); small maps are searched,
 * larger ones get a set of their keys. Returns the set to use for the next key.
 */
function unique(entries: TEntry[], keys: Set<string> | undefined, key: string): Set<string> | undefined {
  if (!keys && entries.length < 8) {
    for (const e of entries) if (e.key === key) throw GIVE_UP;
    return undefined;
  }
  keys ??= new Set(entries.map((e) => e.key));
  if (keys.has(key)) throw GIVE_UP;
  keys.add(key);
  return keys;
}

/** A result without problems; its line index (a pass over the text) is built only if asked for. */
function parsed(file: string, text: string, docs: Tree[]): Parsed {
  let lines: LineIndex | undefined;
  return {
    docs,
    problems: [],
    get lines() {
      return (lines ??= new LineIndex(file, text));
    },
  };
}

// ---------------------------------------------------------------------------------------------- YAML

/** YAML 1.2 core schema resolution of a plain scalar, in the `yaml` package's tag order. */
export function resolvePlain(s: string): Scalar {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  const c = s.charCodeAt(0);
  if (c === 116 || c === 84 || c === 102 || c === 70) {
    if (s === 'true' || s === 'True' || s === 'TRUE') return true;
    if (s === 'false' || s === 'False' || s === 'FALSE') return false;
    return s;
  }
  // Every numeric form starts with a digit, a sign or a dot.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/**
 * The text of a scalar as written: `ClientToken: 1719650000000000001` is that token, not the nearest
 * double (which it shares with ...002), and `Description: 1.0` is three characters, not `1`. A value not
 * written as such where it is placed (given by a flag) is its own text.
 */
export function writtenText(t: TScalar, lines: LineIndex): string {
  const raw = lines.slice(t.written ?? t.span);
  return Object.is(resolvePlain(raw), t.value) ? raw : String(t.value);
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LEN: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The list at its exact size. A list grown by push keeps room for 16 items, and most lists of a spec hold
 * one to eight (a group's keys, its tags, a rule's fields): on a 20,000-group spec the spare room was about
 * 15 MB that the GC copied and kept. The copy costs less than it saves: the whole check and the bare parse
 * both take about 5% less time.
 */
function fit<T>(list: T[]): T[] {
  return list.slice();
}

/**
 * One string per distinct key. A large spec repeats a few keys (RegionId, Key, IpProtocol...) tens of
 * thousands of times: sharing them keeps that many strings out of the heap (less for the GC to copy) and
 * the loaders, which read every key, find it in the CPU cache. On a 20,000-group spec the whole check
 * takes about 6% less time; the bare parse takes the same.
 */
class KeyCache {
  private readonly seen = new Map<string, string>();
  get(k: string): string {
    const c = this.seen.get(k);
    if (c !== undefined) return c;
    this.seen.set(k, k);
    return k;
  }
}

/**
 * A map entry of the fast parsers. The key's position is kept as numbers and its span object made when
 * asked (findings about keys are rare): one object per entry instead of two, which on a 20,000-group
 * spec leaves 300,000 objects out of the heap (the whole check: 2-3% less time, 10 MB less memory).
 * Code that copies an entry names its fields (`{ key: e.key, keySpan: e.keySpan, value }`): a spread
 * would not copy the getter.
 */
class FastEntry implements TEntry {
  constructor(
    readonly key: string,
    public value: Tree,
    private readonly file: string,
    private readonly line: number,
    private readonly column: number,
    private readonly endLine: number,
    private readonly endColumn: number,
  ) {}

  get keySpan(): Span {
    return { file: this.file, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn };
  }
}

class YamlScanner {
  /** Current line: start offset, end offset (its `\n` or the end of text), indent, content start, number. */
  ls = 0;
  le = 0;
  ind = 0;
  cs = 0;
  line = 0;
  /** End column of the current line's content (trailing spaces trimmed). */
  endCol = 0;
  eof = false;
  /** Indents of the whole-line comments between the previous content line and the current one. */
  comments: number[] = [];
  /** Line of the last empty value (`key:` or `-` with nothing after it). */
  emptyLine = 0;
  /** The content line before the current one: where the collections that end here end. */
  prevLine = 0;
  prevEndCol = 0;
  nodes = 0;
  readonly keys = new KeyCache();
  private nextStart = 0;
  private nextLine = 1;

  constructor(
    readonly file: string,
    readonly text: string,
    /** When given, every comment met is recorded here (offsets of `#` and of its line's end). */
    readonly recorded?: { start: number; end: number }[],
  ) {}

  /** A comment from offset p to the end of the current line. */
  private comment(p: number): void {
    this.recorded?.push({ start: p, end: this.le });
  }

  /** Moves to the next line that holds content (skipping blank and comment-only lines). */
  advance(): void {
    const t = this.text;
    if (this.comments.length) this.comments = [];
    this.prevLine = this.line;
    this.prevEndCol = this.endCol;
    for (;;) {
      const ls = this.nextStart;
      if (ls >= t.length) {
        this.eof = true;
        this.ind = -1;
        return;
      }
      let le = t.indexOf('\n', ls);
      if (le < 0) le = t.length;
      this.nextStart = le + 1;
      const line = this.nextLine++;
      let cs = ls;
      while (cs < le && t.charCodeAt(cs) === 32) cs++;
      if (cs === le) continue;
      let e = le;
      while (t.charCodeAt(e - 1) === 32) e--;
      const c = t.charCodeAt(cs);
      if (c === 35) {
        this.comments.push(cs - ls);
        this.recorded?.push({ start: cs, end: le });
        continue;
      }
      if (cs === ls && (c === 37 || ((c === 45 || c === 46) && /^(?:---|\.\.\.)(?:[ \n]|$)/.test(t.slice(ls, ls + 4))))) throw GIVE_UP;
      this.ls = ls;
      this.le = le;
      this.cs = cs;
      this.ind = cs - ls;
      this.line = line;
      this.endCol = e - ls + 1;
      return;
    }
  }

  span(line: number, col: number, endLine: number, endCol: number): Span {
    return { file: this.file, line, column: col, endLine, endColumn: endCol };
  }

  /**
   * End of a collection of this indent that ends before the current line: its last content line. The
   * `yaml` package stretches a collection over some of the comment lines that follow it, by rules that
   * depend on the parent; only the clear cases stay here: comments at column 1, and comments less
   * indented than the collection, are never counted in. The rest goes to the full parser.
   */
  endOf(indent: number): [number, number] {
    if (this.comments.length > 0) {
      // An empty value at the end stretches over the comments that follow, whatever their indent.
      if (this.emptyLine === this.prevLine) throw GIVE_UP;
      for (const c of this.comments) if (c !== 0 && c >= indent) throw GIVE_UP;
    }
    return [this.prevLine, this.prevEndCol];
  }

  document(): Tree | undefined {
    this.advance();
    if (this.eof) return undefined;
    const t = this.node(this.cs, true, 0);
    if (!this.eof) throw GIVE_UP;
    return t;
  }

  private isSeqAt(p: number): boolean {
    return this.text.charCodeAt(p) === 45 && (p + 1 === this.le || this.text.charCodeAt(p + 1) === 32);
  }

  /** A node that starts at offset p of the current line. Returns with the next content line current. */
  node(p: number, allowCollection: boolean, depth: number): Tree {
    if (depth > MAX_DEPTH - 10 || p - this.ls > MAX_DEPTH || ++this.nodes > MAX_NODES) throw GIVE_UP;
    const t = this.text;
    const c = t.charCodeAt(p);
    if (this.isSeqAt(p)) {
      if (!allowCollection) throw GIVE_UP;
      return this.seq(p, depth);
    }
    if (c === 34 || c === 39) {
      const value = this.quoted(p);
      const end = this.end;
      let q = end;
      while (t.charCodeAt(q) === 32) q++;
      if (t.charCodeAt(q) === 58 && (q + 1 === this.le || t.charCodeAt(q + 1) === 32)) {
        if (!allowCollection) throw GIVE_UP;
        return this.map(p, depth);
      }
      if (q !== this.le && !(t.charCodeAt(q) === 35 && q > end)) throw GIVE_UP;
      if (q !== this.le) this.comment(q);
      const line = this.line;
      const ls = this.ls;
      this.advance();
      return { type: 'scalar', value, span: this.span(line, p - ls + 1, line, end - ls + 1) };
    }
    this.plain(p);
    const end = this.end;
    if (this.colon >= 0) {
      if (!allowCollection) throw GIVE_UP;
      return this.map(p, depth);
    }
    const line = this.line;
    const ls = this.ls;
    const value = resolvePlain(t.slice(p, end));
    if (this.stop !== this.le) this.comment(this.stop);
    this.advance();
    return { type: 'scalar', value, span: this.span(line, p - ls + 1, line, end - ls + 1) };
  }

  /** Results of plain() and quoted(): where the scalar's text ends, and where a `:` key indicator is (or -1). */
  end = 0;
  colon = -1;
  /** Where plain() stopped: the colon, a comment's `#` or the end of the line. */
  stop = 0;

  /** A plain scalar at p: sets end and colon. */
  private plain(p: number): void {
    const t = this.text;
    const c = t.charCodeAt(p);
    // Indicators that cannot start a plain scalar (or start one only in forms left to the full parser).
    if (c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96 || c === 63 || c === 58 || c === 35) {
      throw GIVE_UP;
    }
    const le = this.le;
    let i = p;
    let colon = -1;
    let stop = le;
    for (; i < le; i++) {
      const ch = t.charCodeAt(i);
      if (ch === 58) {
        if (i + 1 === le || t.charCodeAt(i + 1) === 32) {
          colon = i;
          stop = i;
          break;
        }
      } else if (ch === 35 && t.charCodeAt(i - 1) === 32) {
        stop = i;
        break;
      }
    }
    let end = stop;
    while (end > p && t.charCodeAt(end - 1) === 32) end--;
    this.end = end;
    this.colon = colon;
    this.stop = stop;
  }

  /** A single-line quoted scalar at p: its value; sets end (the offset just after the closing quote). */
  private quoted(p: number): string {
    const t = this.text;
    const le = this.le;
    const q = t.charCodeAt(p);
    let out = '';
    let from = p + 1;
    let i = p + 1;
    for (;;) {
      if (i >= le) throw GIVE_UP;
      const ch = t.charCodeAt(i);
      if (ch === q) {
        if (q === 39 && t.charCodeAt(i + 1) === 39) {
          out += t.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        this.end = i + 1;
        return out + t.slice(from, i);
      }
      if (ch === 92 && q === 34) {
        out += t.slice(from, i);
        const e = t[i + 1];
        if (e === undefined || i + 1 >= le) throw GIVE_UP;
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else {
          const n = HEX_LEN[e];
          const hex = n === undefined ? '' : t.slice(i + 2, i + 2 + n);
          if (n === undefined || hex.length !== n || i + 2 + n > le || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
          const code = parseInt(hex, 16);
          if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) throw GIVE_UP;
          out += String.fromCodePoint(code);
          i += 2 + n;
        }
        from = i;
        continue;
      }
      i++;
    }
  }

  private map(p: number, depth: number): Tree {
    const t = this.text;
    const indent = p - this.ls;
    const startLine = this.line;
    const startCol = indent + 1;
    const entries: TEntry[] = [];
    let keys: Set<string> | undefined;
    for (;;) {
      // The key, at p on the current line.
      const line = this.line;
      const ls = this.ls;
      let key: string;
      let keyEnd: number;
      let colon: number;
      const c = t.charCodeAt(p);
      if (c === 34 || c === 39) {
        key = this.keys.get(this.quoted(p));
        keyEnd = this.end;
        colon = keyEnd;
        while (t.charCodeAt(colon) === 32) colon++;
        if (t.charCodeAt(colon) !== 58 || !(colon + 1 === this.le || t.charCodeAt(colon + 1) === 32)) throw GIVE_UP;
      } else {
        this.plain(p);
        const end = this.end;
        const col = this.colon;
        if (col < 0 || end === p) throw GIVE_UP;
        const raw = t.slice(p, end);
        if (raw === '<<') throw GIVE_UP;
        key = this.keys.get(String(resolvePlain(raw)));
        keyEnd = end;
        colon = col;
      }
      if (keyEnd - p > 1000) throw GIVE_UP;
      keys = unique(entries, keys, key);
      const keyColumn = p - ls + 1;
      const keyEndColumn = keyEnd - ls + 1;
      let q = colon + 1;
      while (t.charCodeAt(q) === 32) q++;
      let value: Tree;
      if (q === this.le || t.charCodeAt(q) === 35) {
        const nullSpan = this.span(line, q - ls + 1, line, q - ls + 1);
        if (q !== this.le) this.comment(q);
        this.advance();
        if (!this.eof && this.ind > indent) {
          value = this.node(this.cs, true, depth + 1);
        } else if (!this.eof && this.ind === indent && this.isSeqAt(this.cs)) {
          value = this.seq(this.cs, depth + 1);
        } else {
          value = { type: 'scalar', value: null, span: nullSpan };
          this.emptyLine = line;
        }
      } else {
        value = this.node(q, false, depth + 1);
      }
      entries.push(new FastEntry(key, value, this.file, line, keyColumn, line, keyEndColumn));
      if (this.eof || this.ind < indent) break;
      if (this.ind > indent || this.isSeqAt(this.cs)) throw GIVE_UP;
      p = this.cs;
    }
    const [endLine, endCol] = this.endOf(indent);
    return { type: 'map', entries: fit(entries), span: this.span(startLine, startCol, endLine, endCol) };
  }

  private seq(p: number, depth: number): Tree {
    const t = this.text;
    const indent = p - this.ls;
    const startLine = this.line;
    const startCol = indent + 1;
    const items: Tree[] = [];
    for (;;) {
      const line = this.line;
      const ls = this.ls;
      let q = p + 1;
      while (t.charCodeAt(q) === 32) q++;
      let item: Tree;
      if (q === this.le || t.charCodeAt(q) === 35) {
        const nullSpan = this.span(line, q - ls + 1, line, q - ls + 1);
        if (q !== this.le) this.comment(q);
        this.advance();
        if (!this.eof && this.ind > indent) item = this.node(this.cs, true, depth + 1);
        else {
          item = { type: 'scalar', value: null, span: nullSpan };
          this.emptyLine = line;
        }
      } else {
        item = this.node(q, true, depth + 1);
      }
      items.push(item);
      if (this.eof || this.ind < indent) break;
      if (this.ind > indent) throw GIVE_UP;
      if (!this.isSeqAt(this.cs)) break;
      p = this.cs;
    }
    const [endLine, endCol] = this.endOf(indent);
    return { type: 'seq', items: fit(items), span: this.span(startLine, startCol, endLine, endCol) };
  }
}

/** Characters that send a YAML text to the full parser wherever they appear. */
// eslint-disable-next-line no-control-regex
const YAML_UNSUPPORTED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\r\ufeff\u2028\u2029\ud800-\udfff]/;

/** Parses a YAML text in the fast subset, or returns undefined to ask for the full parser. */
export function fastYaml(file: string, text: string): Parsed | undefined {
  const doc = scanYaml(file, text);
  return doc === undefined ? undefined : parsed(file, text, doc === null ? [] : [doc]);
}

/**
 * The comments of a YAML text in the fast subset (the offsets of each `#` and of its line's end, in
 * order), or undefined when the text is outside it. The same scan as fastYaml, so `#` inside a quoted
 * scalar is never taken for a comment.
 */
export function fastYamlComments(text: string): { start: number; end: number }[] | undefined {
  const out: { start: number; end: number }[] = [];
  return scanYaml('', text, out) === undefined ? undefined : out;
}

/** The document's tree (null when it is empty), or undefined when the text is outside the fast subset. */
function scanYaml(file: string, text: string, comments?: { start: number; end: number }[]): Tree | null | undefined {
  if (YAML_UNSUPPORTED.test(text) || tooManyBrackets(text)) return undefined;
  try {
    return new YamlScanner(file, text, comments).document() ?? null;
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** The full parser's nesting guard counts brackets anywhere outside quotes; leave such texts to it. */
function tooManyBrackets(text: string): boolean {
  let n = 0;
  let i = -1;
  while ((i = text.indexOf('[', i + 1)) >= 0) if (++n > MAX_DEPTH / 2) return true;
  i = -1;
  while ((i = text.indexOf('{', i + 1)) >= 0) if (++n > MAX_DEPTH / 2) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------- JSON

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;

class JsonScanner {
  i = 0;
  readonly keys = new KeyCache();
  /** Current line number and the offset its first character has. */
  line = 1;
  ls = 0;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** Skips JSON whitespace, counting lines as LineIndex does (LF, CRLF and a lone CR each end a line). */
  ws(): number {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 10) {
        i++;
        this.line++;
        this.ls = i;
      } else if (c === 13) {
        i++;
        if (t.charCodeAt(i) !== 10) {
          this.line++;
          this.ls = i;
        }
      } else {
        this.i = i;
        return c;
      }
    }
  }

  span(line: number, col: number): Span {
    return { file: this.file, line, column: col, endLine: this.line, endColumn: this.i - this.ls + 1 };
  }

  value(depth: number): Tree {
    const c = this.ws();
    const line = this.line;
    const col = this.i - this.ls + 1;
    const t = this.text;
    if (c === 123) {
      if (depth >= MAX_DEPTH) throw GIVE_UP;
      this.i++;
      const entries: TEntry[] = [];
      let keys: Set<string> | undefined;
      if (this.ws() === 125) this.i++;
      else {
        for (;;) {
          if (this.ws() !== 34) throw GIVE_UP;
          const kLine = this.line;
          const kCol = this.i - this.ls + 1;
          const key = this.keys.get(this.string());
          const kEndLine = this.line;
          const kEndCol = this.i - this.ls + 1;
          keys = unique(entries, keys, key);
          if (this.ws() !== 58) throw GIVE_UP;
          this.i++;
          entries.push(new FastEntry(key, this.value(depth + 1), this.file, kLine, kCol, kEndLine, kEndCol));
          const d = this.ws();
          this.i++;
          if (d === 125) break;
          if (d !== 44) throw GIVE_UP;
        }
      }
      return { type: 'map', entries: fit(entries), span: this.span(line, col) };
    }
    if (c === 91) {
      if (depth >= MAX_DEPTH) throw GIVE_UP;
      this.i++;
      const items: Tree[] = [];
      if (this.ws() === 93) this.i++;
      else {
        for (;;) {
          items.push(this.value(depth + 1));
          const d = this.ws();
          this.i++;
          if (d === 93) break;
          if (d !== 44) throw GIVE_UP;
        }
      }
      return { type: 'seq', items: fit(items), span: this.span(line, col) };
    }
    let value: Scalar;
    if (c === 34) value = this.string();
    else if (c === 116 && t.startsWith('true', this.i)) {
      value = true;
      this.i += 4;
    } else if (c === 102 && t.startsWith('false', this.i)) {
      value = false;
      this.i += 5;
    } else if (c === 110 && t.startsWith('null', this.i)) {
      value = null;
      this.i += 4;
    } else {
      NUMBER.lastIndex = this.i;
      const m = NUMBER.exec(t);
      if (!m) throw GIVE_UP;
      value = Number(m[0]);
      this.i += m[0].length;
    }
    return { type: 'scalar', value, span: this.span(line, col) };
  }

  /** A JSON string at the current offset (its opening quote); leaves the offset after the closing quote. */
  string(): string {
    const t = this.text;
    const start = this.i;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 32 || Number.isNaN(c)) throw GIVE_UP;
      i++;
    }
    this.i = i + 1;
    if (!escaped) return t.slice(start + 1, i);
    try {
      return JSON.parse(t.slice(start, i + 1)) as string;
    } catch {
      throw GIVE_UP;
    }
  }
}

/** Parses strict JSON, or returns undefined to ask for the full parser (comments, errors, duplicates). */
export function fastJson(file: string, text: string): Parsed | undefined {
  const s = new JsonScanner(file, text);
  try {
    const doc = s.value(0);
    s.ws();
    if (s.i < text.length) return undefined;
    return parsed(file, text, [doc]);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}
