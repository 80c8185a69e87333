// Whatever a repository holds, lintSources() returns: no exception, no hang (sizes are bounded), and
// every finding is placed inside its file. Loaders covered here: the native spec (YAML and JSON); the
// Terraform and ROS loaders are fuzzed in terraform-ros.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSources } from '../../src/index.ts';
import type { LintInput } from '../../src/index.ts';
import { expectInside, mutate } from './spans.ts';

const examples = join(import.meta.dirname, '..', '..', 'examples', 'spec');
const fixtures: [string, string][] = ['good.yaml', 'bad.yaml', 'request.json'].map((f) => [f, readFileSync(join(examples, f), 'utf8')]);

async function lintAndCheck(inputs: LintInput[]): Promise<void> {
  const r = await lintSources(inputs);
  // Every input has exactly one file result.
  expect(r.files.map((f) => f.path).sort()).toEqual([...new Set(inputs.map((i) => i.path))].sort());
  for (const f of r.findings) {
    const file = r.files.find((x) => x.path === f.span.file);
    expect(file, `finding in an unknown file ${f.span.file}`).toBeDefined();
    const input = inputs.find((i) => i.path === f.span.file)!;
    // Decoding errors are placed in the text decoded up to the bad byte; the lossy decode contains it.
    const text = file!.source ?? input.text ?? new TextDecoder().decode(input.bytes);
    expectInside(f.span, text, f.ruleId);
  }
}

const edits = fc.array(
  fc.tuple(fc.nat(), fc.constantFrom('', ' ', '\n', '\t', '\r\n', ':', '- ', '#', '"', "'", '[', '{', '}', ',', '&a ', '*a', '!Ref ', '|', '\0', '\ufeff', '前', '\ud800'), fc.nat({ max: 4 })),
  { minLength: 1, maxLength: 5 },
);

describe('lintSources under fuzzing', () => {
  it('arbitrary bytes as .yaml and .json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('f.yaml', 'f.json', 'f.yml'), async (bytes, path) => {
        await lintAndCheck([{ path, bytes }]);
      }),
      { numRuns: 300 },
    );
  });

  it('YAML- and JSON-shaped text', async () => {
    const unit = fc.constantFrom('a', 'RegionId', 'SecurityGroupName', 'securityGroups', 'Tag', 'Key', ':', ' ', '  ', '\n', '- ', '"', "'", '[', ']', '{', '}', ',', '#', 'cn-hangzhou', '1web', 'acs:', 'vpc-1', '\t', '&a', '*a', '!Ref', '<<');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 80 }), fc.constantFrom('f.yaml', 'f.json'), async (text, path) => {
        await lintAndCheck([{ path, text }]);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => {
        await lintAndCheck([{ path: 'f.json', text: JSON.stringify({ securityGroups: [v] }, null, 2) }]);
      }),
      { numRuns: 200 },
    );
  });

  it('mutations of valid fixtures, alone and together', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), edits, async ([path, text], es) => {
        await lintAndCheck([{ path, text: mutate(text, es) }]);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(edits, edits, async (a, b) => {
        await lintAndCheck([
          { path: 'a/bad.yaml', text: mutate(fixtures[1]![1], a) },
          { path: 'b/request.json', text: mutate(fixtures[2]![1], b) },
          { path: 'c/good.yaml', text: fixtures[0]![1] },
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
