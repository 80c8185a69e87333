import { readFileSync } from 'node:fs';
import { fastYaml } from './src/load/fast.ts';
const text = readFileSync(process.argv[2] ?? 'bench/out/corpora/big/20k.yaml', 'utf8');
const keep = [];
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) {
  const t = performance.now();
  keep.push(fastYaml('20k.yaml', text)!);
  console.log(`parse ${(performance.now() - t).toFixed(0)}`);
  if (keep.length > 1) keep.shift();
}
