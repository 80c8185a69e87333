// Whatever a repository holds, lintSources() returns: no exception, no hang (sizes are bounded), and
// every finding is placed inside its file. Loaders covered here: the native spec (YAML and JSON); the
// Terraform and ROS loaders are fuzzed in terraform-ros.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSources } from '../../src/index.ts';
import type { LintInput } from '../../src/index.ts';
import { fastJson, fastYaml } from '../../src/load/fast.ts';
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

// Values a request file may give its parameters: no value, numbers and booleans for strings, lists, maps,
// and the flattened form's N. The spec loader reads some of them from the source text, so the fast and
// the full parser must give not only the same trees but the same findings.
const PARAMS = ['VpcId', 'SecurityGroupType', 'SecurityGroupName', 'Description', 'ClientToken', 'ServiceManaged', 'Tag.1.Key', 'Tag.1.Value', 'Tag.01.Key', 'Tag.0.Value', 'Tag.21.Key', 'Permissions.1.IpProtocol', 'Permissions.1.PortRange', 'Permissions.1.Priority', 'Permissions.1.SourceCidrIp', 'Permissions.01.Policy', 'Permissions.101.SourceCidrIp'];
/** [YAML, JSON] texts of one value; undefined YAML text is an empty value. */
const VALUES: [string, string][] = [
  ['', 'null'], ['~', 'null'], ['null', 'null'], ['1719650000000000001', '1719650000000000001'], ['1.0', '1.0'], ['-0.0', '-0.0'], ['1e3', '1e3'], ['true', 'true'], ['false', 'false'],
  ['cn-hangzhou', '"cn-hangzhou"'], ['eu-central-1', '"eu-central-1"'], ['enterprise', '"enterprise"'], ['vpc-bp1opxu1zkhn00gzv1234', '"vpc-bp1opxu1zkhn00gzv1234"'], ['tcp', '"tcp"'], ['22/22', '"22/22"'],
  ['0.0.0.0/0', '"0.0.0.0/0"'], ['"acs:x"', '"acs:x"'], ['""', '""'], ['1'.repeat(65), '1'.repeat(65)], ['\n  - a\n  - b', '["a", "b"]'], ['\n  x: 1', '{"x": 1}'],
];
const value = fc.nat({ max: VALUES.length - 1 });
// Every file has a RegionId, which makes it a request (its value may still be null, a list...).
const request = fc
  .tuple(value, fc.uniqueArray(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 10, selector: ([k]) => k }))
  .map(([region, rest]): [string, number][] => [['RegionId', region], ...rest]);

async function sameFindings(path: string, text: string, full: string): Promise<boolean> {
  const key = (f: { ruleId: string; span: unknown; message: string }) => [f.ruleId, f.span, f.message];
  const a = (await lintSources([{ path, text }])).findings.map(key);
  const b = (await lintSources([{ path, text: full }])).findings.map(key);
  expect(b, text).toEqual(a);
  return (path.endsWith('.json') ? fastJson : fastYaml)(path, text) !== undefined;
}

describe('the fast and the full parser give the same findings', () => {
  it('on request files with null, numeric, boolean, list and map values and flattened keys', async () => {
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(request, async (fields) => {
        runs += 2;
        const yaml = fields.map(([k, v]) => `${k}:${VALUES[v]![0].startsWith('\n') || VALUES[v]![0] === '' ? '' : ' '}${VALUES[v]![0]}\n`).join('');
        // A document end sends the YAML to the full parser, a comment the JSON.
        if (await sameFindings('req.yaml', yaml, `${yaml}...\n`)) fast++;
        const json = `{${fields.map(([k, v]) => `"${k}": ${VALUES[v]![1]}`).join(', ')}}\n`;
        if (await sameFindings('req.json', json, `${json}// full\n`)) fast++;
      }),
      { numRuns: 150 },
    );
    // Not vacuous: the fast parsers read the texts.
    expect(fast / runs).toBeGreaterThan(0.9);
  });
});
