// Syntax errors in .tf files: reported where the mistake is to be fixed, their text quoted as written,
// and no finding taken from an argument a syntax error cuts.
import { describe, expect, test } from 'vitest';
import { lintFiles } from '../helpers.ts';

const parseError = async (code: string) => (await lintFiles({ 'main.tf': code })).filter((f) => f.ruleId === 'parse-error');

describe('messages quote source text as written', () => {
  test('in backticks, without JSON escapes of quotes; control characters stay escaped', async () => {
    const [e] = await parseError('resource "alicloud_security_group" "a" {\n  name = "web"\n}\n}\n');
    expect(e!.message).toContain('`}`');
    const [g] = await parseError('"web" \u0007 ===\n');
    expect(g!.message).not.toContain('\\"');
    expect(g!.message).not.toContain('\u0007');
  });
});
