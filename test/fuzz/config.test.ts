// The config parser under fuzzing: any `.sglint.yaml` / `.sglint.json` text gives a config (defaults
// when unusable) and problems, never an exception; every located problem lies inside the file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromText } from '../../src/engine/config-file.ts';
import { catalog } from '../../src/index.ts';
import { expectInside } from './spans.ts';

const cwd = mkdtempSync(join(tmpdir(), 'sglint-config-fuzz-'));
const opts = { cwd, knownRules: catalog.map((r) => r.id), knownCodes: catalog.flatMap((r) => (r.api.errorCode ? [r.api.errorCode] : [])) };

async function check(path: string, text: string): Promise<void> {
  const r = await configFromText(path, text, opts);
  expect(r.config.quota.securityGroupsPerRegion ?? 0).toBeGreaterThanOrEqual(0);
  expect(r.config.quota.rulesPerGroup).toBeGreaterThanOrEqual(0);
  for (const p of r.problems) {
    if (!p.span) continue;
    expect(p.span.file.endsWith(`/${path}`), p.span.file).toBe(true);
    expectInside(p.span, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, p.message);
  }
}

describe('config parser under fuzzing', () => {
  it('YAML- and JSON-shaped config text', async () => {
    const unit = fc.constantFrom('region', 'quota', 'securityGroupsPerRegion', 'rulesPerGroup', 'rules', 'name-malformed', 'off', 'warning', 'ignore', 'extends', 'waivers', 'baseline', 'maxFileBytes', ':', ' ', '  ', '\n', '- ', '"', '[', ']', '{', '}', ',', '1', '-1', 'x', '#', '\t', '&a', '*a');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 60 }), fc.constantFrom('.sglint.yaml', '.sglint.json'), (text, path) => check(path, text)),
      { numRuns: 400 },
    );
  });

  it('arbitrary JSON values as the config', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), (v) => check('.sglint.json', JSON.stringify(v, null, 2) ?? 'null')),
      { numRuns: 300 },
    );
  });
});
