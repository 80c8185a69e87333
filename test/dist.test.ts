// dist/ is committed (the Action and the pre-commit hook run it as is): it must match a fresh build.
import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');

function list(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? list(join(dir, n)) : [join(dir, n)]));
}

it('dist/ is what `npm run build` produces from the current sources', () => {
  const fresh = join(mkdtempSync(join(tmpdir(), 'sglint-dist-')), 'dist');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), fresh]);
  const want = list(fresh).map((f) => relative(fresh, f)).sort();
  const have = list(join(root, 'dist')).map((f) => relative(join(root, 'dist'), f)).sort();
  expect(have, 'dist/ is stale: run `npm run build` and commit dist/').toEqual(want);
  for (const f of want) {
    expect(readFileSync(join(root, 'dist', f)).equals(readFileSync(join(fresh, f))), `dist/${f} is stale: run \`npm run build\``).toBe(true);
  }
});
