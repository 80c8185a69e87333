// Bundles the CLI (and the Action) into dist/: ESM with code splitting so that the Terraform parser
// and the Action runtime load only when used, plus the wasm files the HCL parser needs.
// `node scripts/build.mjs [outdir]`: another directory lets a test compare a fresh build with dist/.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(process.argv[2] ?? 'dist');
process.chdir(fileURLToPath(new URL('..', import.meta.url)));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const entryPoints = { cli: 'src/bin.ts' };
if (existsSync('src/action.ts')) entryPoints.action = 'src/action.ts';

await build({
  entryPoints,
  outdir: out,
  absWorkingDir: process.cwd(),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: "import { createRequire as __sglintCreateRequire } from 'node:module'; const require = __sglintCreateRequire(import.meta.url);" },
  define: { __SGLINT_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  logLevel: 'warning',
});

writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
for (const [pkg, file] of [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
]) {
  copyFileSync(join('node_modules', pkg, file), join(out, file));
}
