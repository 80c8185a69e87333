import { describe, expect, it } from 'vitest';
import { hclComments, inlineSuppressions, yamlComments } from '../../src/engine/suppress.ts';
import { lintFiles } from '../helpers.ts';
import { fullParsers } from '../../src/load/parsers.ts';

// These call the synchronous scanners directly; in a run, lint() loads the full parsers before they are needed.
await fullParsers();

describe('comment scanning on hostile input', () => {
  it('deep nesting and unterminated constructs do not throw (a hang fails at the test timeout)', async () => {
    const deep = '# sglint-ignore-file name-malformed reason="x"\n' + 'a: ' + '['.repeat(50_000) + '\n';
    expect(() => yamlComments(deep)).not.toThrow();
    const fs = await lintFiles({ 'spec.yaml': deep });
    expect(fs.some((f) => f.ruleId === 'parse-error')).toBe(true);
    expect(() => hclComments('a = "${'.repeat(50_000) + '\n/* open')).not.toThrow();
    expect(hclComments('x = <<EOF\n# inside\n').length).toBe(0); // unterminated heredoc: no comments
    expect(inlineSuppressions('main.tf', '# sglint-ignore a reason="x\n')[0]!.problems.length).toBeGreaterThan(0);
  });
});
