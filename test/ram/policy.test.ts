import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/load/parse.ts';
import { parsePolicy } from '../../src/ram/policy.ts';
import type { Tree } from '../../src/load/tree.ts';
import { fullParsers } from '../../src/load/parsers.ts';

// These call the synchronous scanners directly; in a run, lint() loads the full parsers before they are needed.
await fullParsers();

function problems(text: string): [number, number][] {
  const parsed = parseJson('p.json', text);
  expect(parsed.problems).toEqual([]);
  return parsePolicy(parsed.docs[0]!).problems.map((p) => {
    const s = 'span' in p.at ? p.at.span : p.at;
    return [s.line, s.column];
  });
}

describe('RAM policy grammar', () => {
  it('a well-formed document has no problems and yields its statements', () => {
    const parsed = parseJson('p.json', '{"Version": "1", "Statement": [{"Effect": "Deny", "NotAction": "ecs:Describe*", "NotResource": ["acs:ecs:*:*:instance/*"], "Condition": {"StringLike": {"acs:ResourceTag/team": ["a*", "b"]}}}]}');
    const p = parsePolicy(parsed.docs[0]!);
    expect(p.problems).toEqual([]);
    expect(p.complete).toBe(true);
    expect(p.statements).toHaveLength(1);
    expect(p.statements[0]).toMatchObject({ effect: 'Deny', notAction: true, notResource: true });
  });

  it('top-level shape', () => {
    expect(problems('[]')).toEqual([[1, 1]]);
    expect(problems('{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}')).toEqual([[1, 1]]); // no Version
    expect(problems('{"Version": "2", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}')).toEqual([[1, 13]]);
    expect(problems('{"Version": "1"}')).toEqual([[1, 1]]);
    expect(problems('{"Version": "1", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}')).toEqual([[1, 31]]);
    expect(problems('{"Version": "1", "Statement": []}')).toEqual([[1, 31]]);
    expect(problems('{"Version": "1", "Statement": [], "Id": "x"}')).toEqual([[1, 35], [1, 31]]);
  });

  it('statement shape: each problem is on the offending value', () => {
    const S = (stmt: string) => `{"Version": "1", "Statement": [${stmt}]}`;
    // [statement, the text the problem must start at]
    const cases: [string, string][] = [
      ['"Allow"', '"Allow"'],
      ['{"Action": "*", "Resource": "*"}', '{"Action"'], // no Effect: on the statement
      ['{"Effect": "Allow", "Resource": "*"}', '{"Effect"'], // no Action
      ['{"Effect": "Allow", "Action": "*"}', '{"Effect"'], // no Resource
      ['{"Effect": "Allow", "Action": [], "Resource": "*"}', '[]'],
      ['{"Effect": "Allow", "Action": [5], "Resource": "*"}', '5]'],
      ['{"Effect": "Allow", "Action": "*", "Resource": "ecs:*"}', '"ecs:*"'],
      ['{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": []}', '[]}'],
      ['{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": "true"}}', '"true"'],
      ['{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {"acs:MFAPresent": {}}}}', '{}}'],
      ['{"Effect": "Allow", "Action": "*", "Resource": "*", "Sid": "x"}', '"Sid"'],
    ];
    for (const [stmt, at] of cases) {
      const text = S(stmt);
      expect(problems(text), stmt).toEqual([[1, text.indexOf(at) + 1]]);
    }
  });

  it('a document over 6144 bytes (without whitespace) is reported on the document', () => {
    const actions = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => `ecs:Action${String(i).padStart(4, '0')}`));
    const doc = (n: number) => `{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ${actions(n)}, "Resource": "*"}]}`;
    // 357 actions: 6143 bytes without whitespace; 358: 6160.
    expect(problems(doc(357))).toEqual([]);
    expect(problems(doc(358))).toEqual([[1, 1]]);
  });

  it('a document written as a JSON string is parsed; problems are placed on the string', () => {
    const span = { file: 'main.tf', line: 3, column: 21, endLine: 3, endColumn: 60 };
    const doc: Tree = { type: 'scalar', value: '{"Version": "1", "Statement": [{"Effect": "allow", "Action": "*", "Resource": "*"}]}', span };
    const p = parsePolicy(doc);
    expect(p.problems.map((x) => ('span' in x.at ? x.at.span : x.at))).toEqual([span]);
    const bad: Tree = { type: 'scalar', value: '{"Version": ', span };
    expect(parsePolicy(bad).problems.length).toBeGreaterThan(0);
    expect(parsePolicy(bad).statements).toEqual([]);
  });

  it('unknown parts make the policy incomplete, not malformed', () => {
    const span = { file: 'main.tf', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const doc: Tree = {
      type: 'map',
      span,
      entries: [
        { key: 'Version', keySpan: span, value: { type: 'scalar', value: '1', span } },
        { key: 'Statement', keySpan: span, value: { type: 'unknown', expr: 'local.statements', span } },
      ],
    };
    const p = parsePolicy(doc);
    expect(p.problems).toEqual([]);
    expect(p.complete).toBe(false);
  });
});
