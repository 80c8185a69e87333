import { readFileSync } from 'node:fs';
import { fastYaml } from './src/load/fast.ts';
import { specLoader } from './src/load/spec.ts';
import { defaultConfig } from './src/engine/config.ts';
const text = readFileSync('bench/out/corpora/big/20k.yaml', 'utf8');
const keep = [];
for (let i = 0; i < Number(process.argv[2] ?? 3); i++) {
  let t = performance.now();
  const p = fastYaml('20k.yaml', text)!;
  const tp = performance.now() - t; t = performance.now();
  let n = 0;
  const m = specLoader.load(p.docs[0]!, { path: '20k.yaml', abs: '/x', text }, { config: defaultConfig(), report: () => { n++; }, readFile: () => undefined } as never);
  const tl = performance.now() - t;
  keep.push(m);
  console.log(`parse ${tp.toFixed(0)} load ${tl.toFixed(0)} groups ${m.groups!.length} reports ${n}`);
}
