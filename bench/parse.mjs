// The bare parse of files, one parser per run: `node parse.js <fast|yaml|jsonc|json|tree-sitter|stoplight> files...`.
// Bundled by run.mjs, so `fast` is the very code sglint runs (src/load/fast.ts) and `yaml` / `jsonc`
// the libraries sglint falls back to; `tree-sitter` is the HCL parser the Terraform loader uses. Exits 1 if a file does not parse, so a broken floor is noticed.
// `fast-workers` splits the files over two worker threads that parse with the fast path and send their
// trees back (structured clone), as a parallel loader would have to: the measure of what both cores buy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LineCounter, parseAllDocuments } from 'yaml';
import { parseTree } from 'jsonc-parser';
import { fastJson, fastYaml } from '../src/load/fast.ts';
import { hclParser } from '../src/load/terraform/hcl.ts';

const parseFast = (f) => {
  const text = readFileSync(f, 'utf8');
  return f.endsWith('.json') ? fastJson(f, text) : fastYaml(f, text);
};
if (!isMainThread) {
  parentPort.postMessage(workerData.map((f) => parseFast(f)?.docs ?? null));
  await new Promise(() => {});
}
const [parser, ...files] = process.argv.slice(2);
if (parser === 'fast-workers') {
  const half = Math.ceil(files.length / 2);
  const parts = [files.slice(0, half), files.slice(half)];
  const got = await Promise.all(
    parts.map((part) => new Promise((done, fail) => {
      const w = new Worker(new URL(import.meta.url), { workerData: part });
      w.once('message', (docs) => { done(docs); w.terminate(); });
      w.once('error', fail);
    })),
  );
  const bad = got.flat().filter((d) => d === null).length;
  if (bad) process.stderr.write(`${bad} file(s) not parsed by the fast path\n`);
  process.exit(bad ? 1 : 0);
}
let stoplight;
if (parser === 'stoplight') {
  stoplight = createRequire(new URL('./.peers/', `file://${process.cwd()}/bench/`))('@stoplight/yaml');
}
const hcl = parser === 'tree-sitter' ? await hclParser() : undefined;
let bad = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const json = f.endsWith('.json');
  let ok;
  switch (parser) {
    case 'fast':
      ok = (json ? fastJson(f, text) : fastYaml(f, text)) !== undefined;
      break;
    case 'yaml': {
      const lc = new LineCounter();
      ok = parseAllDocuments(text, { lineCounter: lc }).every((d) => d.errors.length === 0);
      break;
    }
    case 'jsonc': {
      const errors = [];
      parseTree(text, errors);
      ok = errors.length === 0;
      break;
    }
    case 'json':
      JSON.parse(text);
      ok = true;
      break;
    case 'tree-sitter': {
      const tree = hcl.parse(text);
      ok = tree !== null && !tree.rootNode.hasError;
      tree?.delete();
      break;
    }
    case 'stoplight':
      ok = stoplight.parseWithPointers(text).diagnostics.filter((d) => d.severity === 0).length === 0;
      break;
    default:
      throw new Error(`unknown parser ${parser}`);
  }
  if (!ok) {
    process.stderr.write(`${f}: not parsed by ${parser}\n`);
    bad++;
  }
}
process.exitCode = bad ? 1 : 0;
