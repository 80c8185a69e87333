// Every file under examples/ states what it expects near its top (`expect: <codes or rule ids>` or
// `expect: no findings`); the run must match that statement exactly, and the JSON output is snapshotted.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadConfig } from '../src/engine/config-file.ts';
import { catalog, lintPaths } from '../src/index.ts';
import { formatJson, toEslint } from '../src/format/results.ts';

const root = join(import.meta.dirname, '..');

function expectation(text: string): Set<string> | undefined {
  const line = text.split('\n').slice(0, 4).find((l) => /expect:/.test(l));
  if (!line) return undefined;
  const body = line.replace(/^.*expect:\s*/, '').replace(/["',]*\s*$/, '');
  if (/^no findings/.test(body)) return new Set();
  return new Set(body.split(/,\s*/).map((s) => s.trim()).filter(Boolean));
}

// A directory with its own .sglint.yaml is linted as `sglint` run there would: with that config.
const configDirs = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'examples', d.name, '.sglint.yaml')))
  .map((d) => join(root, 'examples', d.name));

describe('examples/', async () => {
  const isIgnored = (abs: string) => configDirs.some((d) => abs === d || abs.startsWith(d + sep));
  const result = await lintPaths(['examples'], { isIgnored }, root);
  const withConfig = [];
  for (const dir of configDirs) {
    const { config, problems } = await loadConfig({ cwd: dir });
    expect(problems).toEqual([]);
    withConfig.push(await lintPaths([relative(root, dir)], config, root));
  }
  const files = [result, ...withConfig].flatMap((r) => r.files).filter((f) => f.status !== 'skipped');

  it('finds the example files', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const f of files) {
    it(`${f.path} reports exactly what its first lines state`, () => {
      const expected = expectation(readFileSync(join(root, f.path), 'utf8'));
      expect(expected, `${f.path} must state its expectation on one of its first lines`).toBeDefined();
      const got = new Set(f.findings.map((x) => (expected!.has(x.ruleId) ? x.ruleId : (x.errorCode ?? x.ruleId))));
      expect([...got].sort()).toEqual([...expected!].sort());
    });
  }

  it('JSON output matches the snapshot', async () => {
    const json = formatJson(toEslint(result, catalog));
    await expect(json).toMatchFileSnapshot('__snapshots__/examples.json');
  });
});
