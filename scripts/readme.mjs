// Regenerates the rule catalog table in README.md from rule metadata (between the catalog markers).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const out = await build({
  stdin: { contents: "export { catalog } from './rules/index.ts'; export { catalogTable } from './src/docs.ts';", resolveDir: '.', loader: 'ts' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const { catalog, catalogTable } = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/<!-- catalog:start -->\n[\s\S]*?<!-- catalog:end -->/, `<!-- catalog:start -->\n${catalogTable(catalog)}<!-- catalog:end -->`);
if (next === readme && !readme.includes('<!-- catalog:start -->')) throw new Error('README.md has no catalog markers');
writeFileSync('README.md', next);
