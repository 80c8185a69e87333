/**
 * The positioned value tree every loader produces. Whatever the input format (YAML, JSON, HCL, ROS),
 * a value is one of these, and every value carries the span of the text it was read from.
 */

/** 1-based lines and columns; columns count UTF-16 code units; endColumn is the column just after the end. */
export interface Span {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Scalar = string | number | boolean | null;

export interface TScalar {
  type: 'scalar';
  value: Scalar;
  span: Span;
  /** Where the value flowed through before reaching its use, e.g. "var.name used at main.tf:4:25". */
  origin?: string;
  /** YAML tag, e.g. ROS short forms (`!Ref`). */
  tag?: string;
  /** Where the value is written when that is not where it is used: a YAML alias (`*release`) names it. */
  written?: Span;
}

/**
 * A map entry. Copy one by naming its fields (`{ key: e.key, keySpan: e.keySpan, value }`): the fast
 * parsers' entries make keySpan in a getter, which an object spread does not copy.
 */
export interface TEntry {
  key: string;
  keySpan: Span;
  value: Tree;
}

export interface TMap {
  type: 'map';
  entries: TEntry[];
  span: Span;
  origin?: string;
  tag?: string;
}

export interface TSeq {
  type: 'seq';
  items: Tree[];
  span: Span;
  origin?: string;
  tag?: string;
  /** A Terraform set (`toset(...)`, a variable of type `set(...)`): its elements are unique, and a `for` gives each as its own key. */
  set?: true;
}

/** A value that cannot be known statically (a reference, a function of unknowns). Rules skip it. */
export interface TUnknown {
  type: 'unknown';
  /** The expression as written, for messages. */
  expr: string;
  span: Span;
  /**
   * The resource the value refers to, for linking: its key, unique in the run (the id of the model object
   * read from it), which holds its address and where it is declared (a Terraform root module, a ROS
   * template file). Not for messages.
   */
  ref?: string;
  origin?: string;
  /**
   * The text a string value is known to start with when only its rest is unknown (`https://${var.host}`,
   * `!Sub 'web-${Env}'`): the checks of a string's start (a letter first, no URL) still apply to it.
   */
  prefix?: string;
  /**
   * Entries a map is known to hold when the map as a whole is not known (`merge(var.tags, { env = "prod" })`,
   * `{ (var.k) = "a", env = "b" }`): more may be there, and a value that an unknown part may replace is
   * itself unknown. Keys and values listed here are checked; nothing is guessed about the rest.
   */
  entries?: TEntry[];
  /** Not known because it is invalid where written (a list where a string belongs), which is reported already. */
  rejected?: true;
  /** Terraform fails to evaluate it: an attribute or index a known value does not have (`try` moves on). */
  missing?: true;
}

export type Tree = TScalar | TMap | TSeq | TUnknown;

export function isScalar(t: Tree | undefined): t is TScalar {
  return t !== undefined && t.type === 'scalar';
}

export function isMap(t: Tree | undefined): t is TMap {
  return t !== undefined && t.type === 'map';
}

export function isSeq(t: Tree | undefined): t is TSeq {
  return t !== undefined && t.type === 'seq';
}

export function isUnknown(t: Tree | undefined): t is TUnknown {
  return t !== undefined && t.type === 'unknown';
}

/** The entry of a map with this key (exact match), if any. */
export function entry(map: Tree | undefined, key: string): TEntry | undefined {
  if (!isMap(map)) return undefined;
  return map.entries.find((e) => e.key === key);
}

/** The value of a map's key (exact match), if any. */
export function get(map: Tree | undefined, key: string): Tree | undefined {
  return entry(map, key)?.value;
}

/** A known scalar's value as the API would receive it in a query string; undefined when unknown or absent. */
export function text(t: Tree | undefined): string | undefined {
  if (!isScalar(t) || t.value === null) return undefined;
  return String(t.value);
}

/** A span covering both spans (they must be in one file). */
export function cover(a: Span, b: Span): Span {
  const startFirst = a.line < b.line || (a.line === b.line && a.column <= b.column);
  const endLast = a.endLine > b.endLine || (a.endLine === b.endLine && a.endColumn >= b.endColumn);
  return {
    file: a.file,
    line: startFirst ? a.line : b.line,
    column: startFirst ? a.column : b.column,
    endLine: endLast ? a.endLine : b.endLine,
    endColumn: endLast ? a.endColumn : b.endColumn,
  };
}

/** `file:line:column` of a span's start, as messages and origins name a place. */
export function spanAt(s: Span): string {
  return `${s.file}:${s.line}:${s.column}`;
}

/** Turns character offsets of one text into spans. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset. */
  pos(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** The offset of a 1-based line and column (the inverse of pos). */
  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }

  /** The text a span of this text covers. */
  slice(span: Span): string {
    return this.text.slice(this.offset(span.line, span.column), this.offset(span.endLine, span.endColumn));
  }

  span(start: number, end: number): Span {
    const a = this.pos(start);
    const b = this.pos(Math.max(start, end));
    return { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of a 1-based line, without its line break ('' past the end). */
  line(n: number): string {
    const start = this.starts[n - 1];
    if (start === undefined) return '';
    let end = this.starts[n] ?? this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}

/** Plain JS value of a tree (unknowns become undefined); cycles are impossible since trees are built fresh. */
export function toPlain(t: Tree | undefined): unknown {
  if (t === undefined) return undefined;
  switch (t.type) {
    case 'scalar':
      return t.value;
    case 'unknown':
      return undefined;
    case 'seq':
      return t.items.map(toPlain);
    case 'map': {
      const o: Record<string, unknown> = {};
      // Defined, not assigned: a key `__proto__` is data like any other, not the object's prototype.
      for (const e of t.entries) Object.defineProperty(o, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
      return o;
    }
  }
}

export function describe(t: Tree): string {
  switch (t.type) {
    case 'scalar':
      return JSON.stringify(t.value);
    case 'unknown':
      return t.expr;
    case 'seq':
      return 'a list';
    case 'map':
      return 'a map';
  }
}
