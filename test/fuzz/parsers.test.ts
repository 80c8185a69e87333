// The fast YAML/JSON paths against the full parsers: whenever a fast path accepts a text, its trees
// (values, keys, spans) must equal the full parser's, and the full parser must find no problem. Any
// text, valid or not, parses without throwing and with every span inside the file.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fastJson, fastYaml, fastYamlComments } from '../../src/load/fast.ts';
import { fullParsers } from '../../src/load/parsers.ts';
import { yamlCstComments } from '../../src/engine/suppress.ts';
import { parseJson, parseJsonFully, parseYaml, parseYamlFully } from '../../src/load/parse.ts';
import { expectInside, mutate, plain, treeSpans } from './spans.ts';

const examples = join(import.meta.dirname, '..', '..', 'examples', 'spec');
const fixtureYaml = [readFileSync(join(examples, 'good.yaml'), 'utf8'), readFileSync(join(examples, 'bad.yaml'), 'utf8')];
const fixtureJson = readFileSync(join(examples, 'request.json'), 'utf8');

// Scalars as written: ordinary values, every core-schema form, and text that is only valid in some places.
const SCALARS = [
  'web', 'web-1', 'cn-hangzhou', '0.0.0.0/0', '22/22', '22:22', 'on', 'yes', 'No', 'true', 'False', 'TRUE', 'null', 'NULL', 'Null', '~',
  '1', '-1', '+1', '0', '-0', '08', '0o17', '0x1F', '0xg', '1e3', '-1.5E-3', '.5', '1.', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1_000',
  '12345678901234567890', '1719650000000000001', '1.0', '-0.0', 'a b', 'a:b', 'a #b', 'x#y', 'é', '前端组', '"q"', "'s'", '"a\\tb"', '"\\u00e9\\x41"', '"\\U0001F600"', '"\\ud800"',
  "'it''s'", '"a: b"', '"\\q"', '"a\\"b"', 'a:', '- a', '? a', '[a]', '{a: 1}', '&a x', '*a', '!Ref x', '!!str 1', '|', '>', '"open', "'open",
  '#', '@a', '`a', '%a', '-', ':', '--- a', '... a', 'a: b', 'a  ', '<<', 'a\u00a0', '\u3000a\u3000',
];
const scalar = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SCALARS) }, fc.string({ maxLength: 6 }));
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'Key', 'Value', 'RegionId', 'Tag.1.Key', 'Tag.01.Key', '"q k"', "'s'", '1', 'true', '~', '0x10', 'a b') }, scalar);

type Doc = string | { map: [string, Doc][] } | { seq: Doc[] };
const doc: fc.Arbitrary<Doc> = fc.letrec<{ node: Doc }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ map: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
  ),
}) as never).node;

interface Style {
  step: number;
  compact: boolean;
  seqUnderKey: boolean;
  noise: number[];
}

/** Block YAML as people write it, with comments and blank lines sprinkled in by `noise`. */
function render(d: Doc, s: Style): string {
  const out: string[] = [];
  let n = 0;
  const noisy = (indent: number) => {
    const k = s.noise[n++ % s.noise.length]!;
    if (k === 1) out.push('');
    else if (k === 2) out.push(' '.repeat(indent) + '# note');
    else if (k === 3) out.push(' '.repeat(indent + s.step) + '# deeper');
    else if (k === 4) out.push('# top');
  };
  const trail = () => (s.noise[n++ % s.noise.length] === 5 ? ' # c' : '');
  const block = (v: Doc, indent: number, first: string | undefined): void => {
    // `first` is the text already on the current line (a key or a dash); v goes after it or below it.
    if (typeof v === 'string') {
      out.push(`${first ?? ' '.repeat(indent)}${first === undefined ? '' : ' '}${v}${trail()}`.replace(/^ +$/, ''));
      return;
    }
    if ('map' in v) {
      v.map.forEach(([k, val], i) => {
        const head = i === 0 && first !== undefined && s.compact && first.endsWith('-') ? `${first} ${k}:` : `${' '.repeat(indent)}${k}:`;
        if (i === 0 && first !== undefined && !head.startsWith(first)) out.push(first + trail());
        if (typeof val === 'string') out.push(`${head} ${val}${trail()}`);
        else {
          out.push(head + trail());
          const under = 'seq' in val && s.seqUnderKey ? indent : indent + s.step;
          block(val, under, undefined);
        }
        noisy(indent);
      });
      return;
    }
    v.seq.forEach((item, i) => {
      const dash = `${i === 0 && first !== undefined ? first + '\n' : ''}${' '.repeat(indent)}-`;
      if (typeof item === 'string') out.push(`${dash} ${item}${trail()}`);
      else if ('map' in item && s.compact) block(item, indent + 2, dash);
      else {
        out.push(dash + trail());
        block(item, indent + s.step, undefined);
      }
      noisy(indent);
    });
  };
  block(d, 0, undefined);
  return out.join('\n') + '\n';
}

const style = fc.record({
  step: fc.constantFrom(2, 4),
  compact: fc.boolean(),
  seqUnderKey: fc.boolean(),
  noise: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }),
});

/** Random edits at YAML/JSON-significant characters. */
const edits = fc.array(
  fc.tuple(fc.nat(), fc.constantFrom('', ' ', '\n', '\t', '\r\n', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '\0', '\ufeff', 'é'), fc.nat({ max: 3 })),
  { minLength: 1, maxLength: 4 },
);

let commented = 0;

function agree(text: string, fast: typeof fastYaml, full: typeof parseYamlFully): boolean {
  const f = fast('f', text);
  const s = full('f', text);
  if (f === undefined) return false;
  expect(s.problems, JSON.stringify(text)).toEqual([]);
  expect(f.docs.map(plain), JSON.stringify(text)).toEqual(s.docs.map(plain));
  if (fast === fastYaml) {
    // The comments the fast scan finds (for sglint-ignore directives) are the full parser's, to the offset.
    const comments = fastYamlComments(text);
    const cst = yamlCstComments(text).map((c) => [c.start, c.end]);
    expect(comments?.map((c) => [c.start, c.end]), JSON.stringify(text)).toEqual(cst);
    if (cst.length > 0) commented++;
  }
  return true;
}

beforeAll(async () => {
  await fullParsers();
});

function wellFormed(text: string, parse: typeof parseYaml): void {
  const p = parse('f', text);
  for (const d of p.docs) for (const s of treeSpans(d)) expectInside(s, text, 'tree');
  for (const pr of p.problems) expectInside(pr.span, text, 'problem');
}

describe('fast YAML path', () => {
  it('agrees with the full parser on generated block YAML (and accepts most of it)', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(doc, style, (d, s) => {
        runs++;
        if (agree(render(d, s), fastYaml, parseYamlFully)) accepted++;
      }),
      { numRuns: 400 },
    );
    // Not a vacuous property: the generated texts are mostly in the fast subset, many with comments.
    expect(accepted / runs).toBeGreaterThan(0.25);
    expect(commented / runs).toBeGreaterThan(0.03);
  });

  it('agrees with the full parser on mutated fixtures and generated documents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtureYaml), edits, (t, es) => {
        const m = mutate(t, es);
        agree(m, fastYaml, parseYamlFully);
        wellFormed(m, parseYaml);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(doc, style, edits, (d, s, es) => {
        const m = mutate(render(d, s), es);
        agree(m, fastYaml, parseYamlFully);
        wellFormed(m, parseYaml);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the comments the full parser finds, never a `#` inside a quoted scalar or a plain one', () => {
    const t = 'a: "x #y" # c1\nb: \'p #q\'  #c2  \n# whole\n  # indented\nc: v#w # c3\nd: # c4\n  - e #c5\n  - k: v # c6\n- x\n';
    expect(fastYamlComments(t)).toBeUndefined(); // a sequence after a map: outside the subset
    const ok = t.replace('- x\n', '');
    const fast = fastYamlComments(ok)!.map((c) => ok.slice(c.start, c.end));
    expect(fast).toEqual(['# c1', '#c2  ', '# whole', '# indented', '# c3', '# c4', '#c5', '# c6']);
    expect(fast).toEqual(yamlCstComments(ok).map((c) => ok.slice(c.start, c.end)));
  });

  it('accepts the fixtures and a realistic spec', () => {
    for (const t of fixtureYaml) expect(agree(t, fastYaml, parseYamlFully)).toBe(true);
  });

  it('never throws on arbitrary text; spans stay inside the file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: fc.constantFrom('a', ' ', '\n', ':', '-', '#', '"', "'", '[', '{', ']', '}', ',', '&', '*', '!', '|', '>', '?', '\t', '\r', 'é', '1', '.') }), (t) => {
        agree(t, fastYaml, parseYamlFully);
        wellFormed(t, parseYaml);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 100, unit: 'binary' }), (t) => wellFormed(t, parseYaml)), { numRuns: 200 });
  });
});

describe('fast JSON path', () => {
  it('accepts all JSON without duplicate keys and agrees with jsonc-parser', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 1, 2, '\t', '\r\n  '), (v, indent) => {
        let t = typeof indent === 'string' && indent.startsWith('\r') ? JSON.stringify(v, null, 2).replace(/\n/g, '\r\n') : JSON.stringify(v, null, indent);
        if (t === undefined) t = 'null';
        expect(agree(t, fastJson, parseJsonFully), t).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees or gives up on mutated JSON; never throws; spans inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(fixtureJson), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v, null, 2) ?? 'null')), edits, (t, es) => {
        const m = mutate(t, es);
        agree(m, fastJson, parseJsonFully);
        wellFormed(m, parseJson);
      }),
      { numRuns: 500 },
    );
  });

  it('gives up on what strict JSON forbids, so the full parser reports or accepts it', () => {
    for (const t of ['{"a":1,"a":2}', '{"a":1,}', '// c\n{}', '[1 2]', '{"a" 1}', '01', '"\t"', '', '  ', '[1]x', '{"a":"\\x"}']) {
      expect(fastJson('f', t), t).toBeUndefined();
    }
  });
});
