// Regenerates the rule catalog table in README.md from rule metadata (between the catalog markers).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const out = await build({
  stdin: { contents: "export { catalog } from './rules/index.ts'; export { catalogTable } from './src/docs.ts';", resolveDir: '.', loader: 'ts' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const dir = mkdtempSync(join(tmpdir(), 'sglint-readme-'));
const file = join(dir, 'catalog.mjs');
writeFileSync(file, out.outputFiles[0].text);
const { catalog, catalogTable } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/<!-- catalog:start -->\n[\s\S]*?<!-- catalog:end -->/, `<!-- catalog:start -->\n${catalogTable(catalog)}<!-- catalog:end -->`);
if (next === readme && !readme.includes('<!-- catalog:start -->')) throw new Error('README.md has no catalog markers');
writeFileSync('README.md', next);
