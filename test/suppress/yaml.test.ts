// Inline suppressions in YAML inputs, end to end through lintSources (so every entry point gets them).
import { describe, expect, it } from 'vitest';
import { key, lintFiles, only } from '../helpers.ts';
import type { Finding } from '../../src/engine/rule.ts';

const HEAD = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n';
const TODAY = '2026-06-15';
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

async function run(body: string, config: Record<string, unknown> = {}): Promise<Finding[]> {
  return lintFiles({ 'spec.yaml': HEAD + body }, { today: TODAY, ...config });
}

describe('YAML inline suppressions', () => {
  it('without a suppression the malformed name is reported on its line (the baseline for the cases below)', async () => {
    const fs = await run('    SecurityGroupName: 1web\n');
    expect(only(fs, 'name-malformed').map(key)).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 4, column: 24, endLine: 4, endColumn: 28 }]);
  });

  it('a comment on the line before suppresses the finding', async () => {
    const fs = await run('    # sglint-ignore name-malformed reason="legacy name, renamed in Q3"\n    SecurityGroupName: 1web\n');
    expect(ids(fs)).toEqual([]);
  });

  it('a comment at the end of the line suppresses the finding on that line', async () => {
    const fs = await run('    SecurityGroupName: 1web # sglint-ignore name-malformed reason="legacy"\n');
    expect(ids(fs)).toEqual([]);
  });

  it('stacked comment lines: each applies to the first line below that is not a comment', async () => {
    const fs = await run(
      '    # sglint-ignore name-malformed reason="legacy"\n    # a note between\n    # sglint-ignore description-malformed reason="kept"\n    SecurityGroupName: 1web\n    Description: http://x\n',
    );
    // description-malformed is on line 8, not on the line below the comments: its suppression is unused.
    expect(fs.map(key)).toEqual([
      { ruleId: 'suppression-unused', errorCode: null, line: 6, column: 5, endLine: 6, endColumn: 56 },
      { ruleId: 'description-malformed', errorCode: 'InvalidDescription.Malformed', line: 8, column: 18, endLine: 8, endColumn: 26 },
    ]);
  });

  it('an API error code works as an id, and one comment may name several ids', async () => {
    const fs = await run('    SecurityGroupName: 1web # sglint-ignore InvalidSecurityGroupName.Malformed reason="legacy"\n');
    expect(ids(fs)).toEqual([]);
    const two = await run('    Description: http://x # sglint-ignore name-malformed,description-malformed reason="legacy"\n    SecurityGroupName: 1web\n');
    // the comment is on line 4; the name finding is on line 5 and stays; the unused part is reported.
    expect(two.map(key)).toEqual([
      { ruleId: 'suppression-unused', errorCode: null, line: 4, column: 27, endLine: 4, endColumn: 95 },
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 5, column: 24, endLine: 5, endColumn: 28 },
    ]);
    expect(only(two, 'suppression-unused')[0]!.message).toContain('name-malformed');
    expect(only(two, 'suppression-unused')[0]!.message).not.toContain('description-malformed');
  });

  it('sglint-ignore-file at the top covers every finding of those rules in the file', async () => {
    const fs = await lintFiles(
      {
        'spec.yaml': '# header comment\n# sglint-ignore-file name-malformed reason="generated names"\n---\n' + HEAD + '    SecurityGroupName: 1web\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 2web\n',
      },
      { today: TODAY },
    );
    expect(ids(fs)).toEqual([]);
  });

  it('sglint-ignore-file after content is invalid and suppresses nothing', async () => {
    const fs = await run('    SecurityGroupName: 1web\n# sglint-ignore-file name-malformed reason="generated"\n');
    expect(fs.map(key)).toEqual([
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 4, column: 24, endLine: 4, endColumn: 28 },
      { ruleId: 'suppression-invalid', errorCode: null, line: 5, column: 1, endLine: 5, endColumn: 55 },
    ]);
  });

  it('an expired suppression stops suppressing and is reported; it is active until the day before', async () => {
    const comment = '# sglint-ignore name-malformed reason="rename planned" expires=2026-06-15';
    const body = `    ${comment}\n    SecurityGroupName: 1web\n`;
    const expired = await run(body);
    expect(expired.map(key)).toEqual([
      { ruleId: 'suppression-expired', errorCode: null, line: 4, column: 5, endLine: 4, endColumn: 5 + comment.length },
      { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 5, column: 24, endLine: 5, endColumn: 28 },
    ]);
    expect(only(expired, 'suppression-expired')[0]!.severity).toBe('warning');
    expect(ids(await run(body, { today: '2026-06-14' }))).toEqual([]);
  });

  it('an unused suppression is a warning at the comment', async () => {
    const fs = await run('    # sglint-ignore name-malformed reason="legacy"\n    SecurityGroupName: web\n');
    expect(fs.map(key)).toEqual([{ ruleId: 'suppression-unused', errorCode: null, line: 4, column: 5, endLine: 4, endColumn: 51 }]);
    expect(fs[0]!.severity).toBe('warning');
  });

  it('config `rules` sets the suppression rules\' severity; suppression-invalid cannot be switched off', async () => {
    const unused = '    # sglint-ignore name-malformed reason="legacy"\n    SecurityGroupName: web\n';
    expect(ids(await run(unused, { rules: { 'suppression-unused': 'off' } }))).toEqual([]);
    expect((await run(unused, { rules: { 'suppression-unused': 'error' } })).map((f) => [f.ruleId, f.severity])).toEqual([['suppression-unused', 'error']]);
    const invalid = await run('    # sglint-ignore name-malformed\n    SecurityGroupName: 1web\n', { rules: { 'suppression-invalid': 'off' } });
    expect(ids(invalid)).toEqual(['suppression-invalid', 'name-malformed']);
  });

  it('a suppression naming a rule switched off in the config is not reported as unused', async () => {
    const fs = await run('    # sglint-ignore name-malformed reason="legacy"\n    SecurityGroupName: 1web\n', { rules: { 'name-malformed': 'off' } });
    expect(ids(fs)).toEqual([]);
  });

  it('a suppression without a reason is an error and suppresses nothing', async () => {
    for (const comment of ['# sglint-ignore name-malformed', '# sglint-ignore name-malformed reason=""', '# sglint-ignore name-malformed reason="unclosed']) {
      const fs = await run(`    ${comment}\n    SecurityGroupName: 1web\n`);
      expect(fs.map(key), comment).toEqual([
        { ruleId: 'suppression-invalid', errorCode: null, line: 4, column: 5, endLine: 4, endColumn: 5 + comment.length },
        { ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 5, column: 24, endLine: 5, endColumn: 28 },
      ]);
      expect(fs[0]!.severity).toBe('error');
    }
  });

  it('unknown ids, unknown options, malformed dates and missing ids are invalid', async () => {
    for (const comment of [
      '# sglint-ignore name-malformd reason="typo"',
      '# sglint-ignore name-malformed reson="typo"',
      '# sglint-ignore name-malformed reason="x" expires=2026-02-30',
      '# sglint-ignore reason="no id"',
    ]) {
      const fs = await run(`    ${comment}\n    SecurityGroupName: 1web\n`);
      expect(ids(fs), comment).toEqual(['suppression-invalid', 'name-malformed']);
      expect(fs[0]!.span.line).toBe(4);
    }
    const typo = await run('    # sglint-ignore name-malformd reason="typo"\n    SecurityGroupName: 1web\n');
    expect(typo[0]!.message).toContain('"name-malformed"'); // the did-you-mean names the real id
  });

  it('rules that may not be suppressed (parse-error, config `unsuppressible`) are reported, not suppressed', async () => {
    const parse = await lintFiles({ 'spec.yaml': '# sglint-ignore-file parse-error reason="x"\nsecurityGroups: [\n' }, { today: TODAY });
    expect(ids(parse).sort()).toEqual(['parse-error', 'suppression-invalid']);
    const cfg = await run('    # sglint-ignore name-malformed reason="legacy"\n    SecurityGroupName: 1web\n', { unsuppressible: ['name-malformed'] });
    expect(ids(cfg)).toEqual(['suppression-invalid', 'name-malformed']);
    const self = await run('    # sglint-ignore suppression-unused reason="x"\n    SecurityGroupName: web\n');
    expect(ids(self)).toEqual(['suppression-invalid']);
  });

  it('inlineSuppressions: false (--no-inline-suppressions) ignores every comment: findings are reported, comments are not', async () => {
    const fs = await run('    # sglint-ignore name-malformed reason="legacy"\n    SecurityGroupName: 1web\n    # sglint-ignore description-malformed\n', { inlineSuppressions: false });
    expect(fs.map(key)).toEqual([{ ruleId: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', line: 5, column: 24, endLine: 5, endColumn: 28 }]);
  });

  it('a directive in a file that does not parse is not reported as unused (what it covers is not read yet)', async () => {
    const broken = '    # sglint-ignore name-malformed reason="legacy"\n    SecurityGroupName: 1web\n    Description: "unclosed\n';
    expect((await run(broken)).map(key)).toEqual([{ ruleId: 'parse-error', errorCode: null, line: 6, column: 18, endLine: 6, endColumn: 19 }]);
    // A waiver over that file is not judged either; one over files that all parsed still is.
    const waivers = (paths: string[]) => [{ rules: ['name-malformed'], paths, reason: 'legacy' }];
    const files = { 'legacy/spec.yaml': HEAD + broken, 'app/spec.yaml': HEAD + '    SecurityGroupName: web\n' };
    expect((await lintFiles(files, { today: TODAY, waivers: waivers(['legacy/**']) })).map((f) => [f.ruleId, f.span.file])).toEqual([['parse-error', 'legacy/spec.yaml']]);
    expect((await lintFiles(files, { today: TODAY, waivers: waivers(['app/**']) })).map((f) => f.ruleId)).toEqual(['suppression-unused', 'parse-error']);
  });

  it('CRLF line endings', async () => {
    const text = (HEAD + '    # sglint-ignore name-malformed reason="legacy"\n    SecurityGroupName: 1web\n    Description: http://x # sglint-ignore description-malformed reason="old"\n').replace(/\n/g, '\r\n');
    expect(await lintFiles({ 'spec.yaml': text }, { today: TODAY })).toEqual([]);
  });

  it('text that only looks like a directive (inside quotes or a block scalar) is not one', async () => {
    const fs = await run(
      '    SecurityGroupName: 1web\n    Description: "a # sglint-ignore name-malformed reason=\\"x\\""\n    Tag:\n      - Key: note\n        Value: |\n          # sglint-ignore-file name-malformed reason="x"\n',
    );
    expect(ids(fs)).toEqual(['name-malformed']);
  });
});
