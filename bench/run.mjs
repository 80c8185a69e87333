// The benchmark: `npm run bench [-- --runs N] [-- --no-spectral] [-- --no-hyperfine]`.
// Generates corpora into bench/out/, builds the current sources into bench/out/dist, then times, in one
// run on one machine: sglint, the bare parse of the same files with the same parser (the floor of that
// design), `node -e 0` (the floor of any one-file check), other position-tracking parsers, and Spectral
// with an equivalent ruleset (installed on demand into bench/.peers, never a project dependency).
// Medians of N runs (hyperfine when installed, else a node loop); peak RSS from /usr/bin/time -v. The
// target ratios are measured a second time with the two commands alternating, so load changes on a
// shared machine hit both sides alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ros, smallFiles, specJson, specYaml, terraform, writeCorpus } from './gen.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 10;
const out = join(root, 'bench/out');
const corpora = join(out, 'corpora');
mkdirSync(corpora, { recursive: true });
const log = (s) => process.stdout.write(s + '\n');
const rel = (p) => relative(root, p);

// ------------------------------------------------------------------------------------ tools present
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const HYPERFINE = !args.includes('--no-hyperfine') && has('hyperfine');
const TIME = existsSync('/usr/bin/time');

// ------------------------------------------------------------------------------------------- build
log('building current sources into bench/out/dist ...');
execFileSync(process.execPath, ['scripts/build.mjs', join(out, 'dist')], { stdio: 'inherit' });
const SGLINT = join(out, 'dist/cli.js');
// The bare-parse floor uses the very parser code sglint runs (src/load/fast.ts), bundled the same way.
await build({
  entryPoints: { parse: 'bench/parse.mjs' },
  outdir: join(out, 'bin'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const PARSE = join(out, 'bin/parse.js');

// ----------------------------------------------------------------------------------------- corpora
log('generating corpora ...');
const one = join(corpora, 'one/spec.yaml');
writeCorpus(join(corpora, 'one'), { 'spec.yaml': specYaml(3) });
const small = writeCorpus(join(corpora, 'small'), smallFiles(1000));
const smallList = Object.keys(smallFiles(1000)).map((f) => join(small, f));
writeCorpus(join(corpora, 'big'), { '10k.yaml': specYaml(10_000), '20k.yaml': specYaml(20_000), '10k.json': specJson(10_000), '20k.json': specJson(20_000) });
const big = (f) => join(corpora, 'big', f);
const size = (p) => statSync(p).size;
const MiB = (n) => `${(n / 1048576).toFixed(2)} MiB`;

// Each loader is measured when its sources are present (the script also runs on older checkouts).
const terraformPresent = existsSync('src/load/terraform/hcl.ts');
const rosPresent = existsSync('src/load/ros/template.ts');
const tfDir = join(corpora, 'terraform');
const tfOne = join(corpora, 'terraform-one');
if (terraformPresent) {
  writeCorpus(tfDir, { 'main.tf': terraform(2 * 1024 * 1024) });
  writeCorpus(tfOne, { 'main.tf': terraform(2 * 1024) });
}
const rosFile = join(corpora, 'ros/template.json');
if (rosPresent) writeCorpus(join(corpora, 'ros'), { 'template.json': ros(5000) });

// --------------------------------------------------------------------------------------- Spectral
const peers = join(root, 'bench/.peers');
const SPECTRAL = join(peers, 'node_modules/@stoplight/spectral-cli/dist/index.js');
let spectralWhy = '';
if (args.includes('--no-spectral')) spectralWhy = 'skipped (--no-spectral)';
else if (!existsSync(SPECTRAL)) {
  log('installing @stoplight/spectral-cli@6.16.3 into bench/.peers (benchmark only) ...');
  mkdirSync(peers, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', '--no-save', '@stoplight/spectral-cli@6.16.3'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(SPECTRAL)) spectralWhy = `not measured: npm install of @stoplight/spectral-cli@6.16.3 failed (exit ${r.status})`;
}
const spectralOk = !spectralWhy;
const STOPLIGHT_YAML = join(peers, 'node_modules/@stoplight/yaml');
const stoplightOk = spectralOk && existsSync(STOPLIGHT_YAML);
const spectralVersion = spectralOk ? JSON.parse(readFileSync(join(peers, 'node_modules/@stoplight/spectral-cli/package.json'), 'utf8')).version : '';
// The constraints Spectral's core functions can express, from the same data sglint uses (regions list);
// not expressible: duplicate tag keys, cross-resource checks (VPC linking, quotas, client tokens).
const RULESET = join(out, 'spectral.json');
const regions = JSON.parse(readFileSync('rules/data/regions.json', 'utf8')).regions;
// Each rule reads the native spec and ROS templates (`given` lists both places).
const ROS_SG = "$.Resources[?(@.Type == 'ALIYUN::ECS::SecurityGroup')].Properties";
const ROS_PATH = { RegionId: null, SecurityGroupName: 'SecurityGroupName', Description: 'Description', VpcId: null, SecurityGroupType: 'SecurityGroupType', 'Tag[*].Key': 'Tags[*].Key', 'Tag[*].Value': 'Tags[*].Value', Tag: 'Tags' };
const rule = (field, then) => ({
  severity: 'error',
  given: [`$.securityGroups[*].${field}`, ...(ROS_PATH[field] ? [`${ROS_SG}.${ROS_PATH[field]}`] : [])],
  then,
});
writeFileSync(
  RULESET,
  JSON.stringify(
    {
      rules: {
        'region-unknown': rule('RegionId', { function: 'enumeration', functionOptions: { values: regions } }),
        'name-malformed': rule('SecurityGroupName', [
          { function: 'pattern', functionOptions: { match: '/^\\p{L}[\\p{L}\\p{Nd}:_.-]{1,127}$/u' } },
          { function: 'pattern', functionOptions: { notMatch: '^https?://' } },
        ]),
        'description-malformed': rule('Description', [
          { function: 'length', functionOptions: { min: 2, max: 256 } },
          { function: 'pattern', functionOptions: { notMatch: '^https?://' } },
        ]),
        'vpc-id-malformed': rule('VpcId', { function: 'pattern', functionOptions: { match: '^vpc-[0-9a-z]+$' } }),
        'group-type-invalid': rule('SecurityGroupType', { function: 'enumeration', functionOptions: { values: ['normal', 'enterprise'] } }),
        'tag-key-malformed': rule('Tag[*].Key', [
          { function: 'truthy' },
          { function: 'length', functionOptions: { max: 128 } },
          { function: 'pattern', functionOptions: { notMatch: '^(aliyun|acs:)|https?://' } },
        ]),
        'tag-value-malformed': rule('Tag[*].Value', [
          { function: 'length', functionOptions: { max: 128 } },
          { function: 'pattern', functionOptions: { notMatch: 'https?://' } },
        ]),
        'tag-count': rule('Tag', { function: 'length', functionOptions: { max: 20 } }),
      },
    },
    null,
    2,
  ),
);
const spectral = (files) => [process.execPath, SPECTRAL, 'lint', '--ruleset', RULESET, '--format', 'json', '--quiet', ...files];

// ---------------------------------------------------------------------------------------- measure
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time (ms) and peak RSS (MiB) of a command run `runs` times after one warm-up run. */
function measure(cmd, runs = RUNS) {
  let ms;
  let min;
  let cpu = NaN;
  if (HYPERFINE) {
    const json = join(out, 'hyperfine.json');
    const quoted = cmd.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const r = spawnSync('hyperfine', ['-N', '-i', '--warmup', '1', '--runs', String(runs), '--export-json', json, quoted], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`hyperfine failed: ${r.stderr}`);
    const res = JSON.parse(readFileSync(json, 'utf8')).results[0];
    ms = res.median * 1000;
    min = res.min * 1000;
    cpu = (res.user + res.system) * 1000;
  } else {
    const times = [];
    for (let i = 0; i <= runs; i++) {
      const t = process.hrtime.bigint();
      spawnSync(cmd[0], cmd.slice(1), { stdio: 'ignore' });
      if (i > 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    ms = median(times);
    min = Math.min(...times);
  }
  let rss = NaN;
  if (TIME) {
    const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) rss = Number(m[1]) / 1024;
  }
  return { ms, min, cpu, rss };
}

/**
 * A ratio measured in pairs: the two commands alternate, one run each, `runs` times (after one warm-up
 * each), so both see the same load on a shared machine; returns the ratio of their median wall times.
 * The rows above time each command in its own block of runs, minutes apart for the slow ones.
 */
function paired(a, b, runs) {
  const once = (cmd) => {
    const t = process.hrtime.bigint();
    spawnSync(cmd[0], cmd.slice(1), { stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  once(a);
  once(b);
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(once(a));
    tb.push(once(b));
  }
  return median(ta) / median(tb);
}

const rows = [];
function bench(corpus, label, cmd, note = '', runs = RUNS) {
  process.stdout.write(`  ${corpus} · ${label} ... `);
  const r = measure(cmd, runs);
  log(`${r.ms.toFixed(0)} ms (cpu ${Number.isNaN(r.cpu) ? "n/a" : r.cpu.toFixed(0) + " ms"}), ${Number.isNaN(r.rss) ? 'n/a' : r.rss.toFixed(0) + ' MiB'}`);
  const row = { corpus, label, ms: r.ms, min: r.min, cpu: r.cpu, rss: r.rss, note };
  rows.push(row);
  return row;
}
const skip = (corpus, label, why) => rows.push({ corpus, label, ms: NaN, min: NaN, cpu: NaN, rss: NaN, note: why });

log(`measuring (${RUNS} runs each, ${HYPERFINE ? 'hyperfine' : 'node loop'}; peak RSS ${TIME ? 'from /usr/bin/time -v' : 'not available'}) ...`);
// Start-up rows last ~0.1 s and vary by several ms from run to run on a shared machine: more runs.
const QUICK = Math.max(RUNS, 40);
const floor = bench('-', '`node -e 0`', [process.execPath, '-e', '0'], '', QUICK);

// One small file: the pre-commit case.
const oneSg = bench('1 file', 'sglint (stylish)', [process.execPath, SGLINT, one], '', QUICK);
const oneSgJson = bench('1 file', 'sglint -f json', [process.execPath, SGLINT, '-f', 'json', one], '', QUICK);
bench('1 file', 'bare parse (fast path)', [process.execPath, PARSE, 'fast', one], '', QUICK);
bench('1 file', 'bare parse (`yaml` parseDocument)', [process.execPath, PARSE, 'yaml', one], '', QUICK);
const oneSp = spectralOk ? bench('1 file', `Spectral ${spectralVersion}`, spectral([one])) : skip('1 file', 'Spectral', spectralWhy);

// 1,000 small files.
const manySg = bench('1,000 files', 'sglint -f json', [process.execPath, SGLINT, '-f', 'json', small]);
const manyBare = bench('1,000 files', 'bare parse (fast path)', [process.execPath, PARSE, 'fast', ...smallList]);
// What both cores would buy: two worker threads parse half the files each and send the trees back.
const manyWorkers = bench('1,000 files', 'bare parse (fast path), 2 worker threads, trees sent back', [process.execPath, PARSE, 'fast-workers', ...smallList]);
const manySp = spectralOk ? bench('1,000 files', `Spectral ${spectralVersion}`, spectral([`${small}/**/*.yaml`])) : skip('1,000 files', 'Spectral', spectralWhy);

// The 20,000-group spec, YAML and JSON, and 10,000 groups for scaling.
const res = {};
for (const ext of ['yaml', 'json']) {
  for (const n of ['10k', '20k']) {
    const f = big(`${n}.${ext}`);
    const c = `${n === '10k' ? '10,000' : '20,000'} groups ${ext.toUpperCase()} (${MiB(size(f))})`;
    res[`${n}.${ext}.sg`] = bench(c, 'sglint -f json', [process.execPath, SGLINT, '-f', 'json', f]);
    res[`${n}.${ext}.bare`] = bench(c, 'bare parse (fast path, positions)', [process.execPath, PARSE, 'fast', f]);
    if (n === '10k' && ext === 'yaml') {
      const c2 = `2 × 10,000 groups YAML (${MiB(2 * size(f))})`;
      res['2x10k.bare'] = bench(c2, 'bare parse (fast path), one thread', [process.execPath, PARSE, 'fast', f, f]);
      res['2x10k.workers'] = bench(c2, 'bare parse (fast path), 2 worker threads, trees sent back', [process.execPath, PARSE, 'fast-workers', f, f]);
    }
    if (n === '20k') {
      if (ext === 'yaml') {
        res['20k.yaml.lib'] = bench(c, 'bare parse (`yaml` 2.9.1 parseDocument + LineCounter)', [process.execPath, PARSE, 'yaml', f]);
        if (stoplightOk) res['20k.yaml.stoplight'] = bench(c, 'bare parse (`@stoplight/yaml` parseWithPointers)', [process.execPath, PARSE, 'stoplight', f]);
        else skip(c, 'bare parse (`@stoplight/yaml`)', spectralWhy || '@stoplight/yaml not found');
      } else {
        res['20k.json.lib'] = bench(c, 'bare parse (jsonc-parser parseTree)', [process.execPath, PARSE, 'jsonc', f]);
        res['20k.json.native'] = bench(c, 'bare parse (JSON.parse, no positions)', [process.execPath, PARSE, 'json', f]);
      }
      res[`20k.${ext}.sp`] = spectralOk ? bench(c, `Spectral ${spectralVersion}`, spectral([f])) : skip(c, 'Spectral', spectralWhy);
    }
  }
}
if (terraformPresent) {
  const c = `Terraform (${MiB(size(join(tfDir, 'main.tf')))}, 3 blocks per group)`;
  res['tf.sg'] = bench(c, 'sglint -f json', [process.execPath, SGLINT, '-f', 'json', tfDir]);
  res['tf.bare'] = bench(c, 'bare parse (web-tree-sitter, terraform grammar)', [process.execPath, PARSE, 'tree-sitter', join(tfDir, 'main.tf')]);
  skip(c, 'Spectral', 'not applicable: Spectral reads YAML/JSON, not HCL');
  res['tf.one'] = bench('1 .tf file (2 KiB)', 'sglint -f json', [process.execPath, SGLINT, '-f', 'json', join(tfOne, 'main.tf')], '', QUICK);
} else skip('Terraform 2 MiB', 'all', 'not measured: loader not present');
if (rosPresent) {
  const c = `ROS template, 5,000 groups JSON (${MiB(size(rosFile))})`;
  res['ros.sg'] = bench(c, 'sglint -f json', [process.execPath, SGLINT, '-f', 'json', rosFile]);
  res['ros.bare'] = bench(c, 'bare parse (fast path, positions)', [process.execPath, PARSE, 'fast', rosFile]);
  res['ros.sp'] = spectralOk ? bench(c, `Spectral ${spectralVersion}`, spectral([rosFile])) : skip(c, 'Spectral', spectralWhy);
} else skip('ROS template', 'all', 'not measured: loader not present');

// The target ratios again, measured in alternating pairs (see paired()).
log('measuring the target ratios in alternating pairs ...');
const pairs = {
  one: paired([process.execPath, SGLINT, one], [process.execPath, '-e', '0'], QUICK),
  oneJson: paired([process.execPath, SGLINT, '-f', 'json', one], [process.execPath, '-e', '0'], QUICK),
  yamlSp: spectralOk ? paired(spectral([big('20k.yaml')]), [process.execPath, SGLINT, '-f', 'json', big('20k.yaml')], RUNS) : NaN,
  jsonSp: spectralOk ? paired(spectral([big('20k.json')]), [process.execPath, SGLINT, '-f', 'json', big('20k.json')], RUNS) : NaN,
  yamlBare: paired([process.execPath, SGLINT, '-f', 'json', big('20k.yaml')], [process.execPath, PARSE, 'fast', big('20k.yaml')], RUNS),
  jsonBare: paired([process.execPath, SGLINT, '-f', 'json', big('20k.json')], [process.execPath, PARSE, 'fast', big('20k.json')], RUNS),
};

// ------------------------------------------------------------------------------------------ report
const fmt = (x, d = 0) => (Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const ratio = (a, b) => (a && b && !Number.isNaN(a.ms) && !Number.isNaN(b.ms) ? a.ms / b.ms : NaN);
// CPU time (user+sys) is steadier than wall time on a shared machine; shown next to the wall ratios.
const ratioCpu = (a, b) => (a && b && !Number.isNaN(a.cpu) && !Number.isNaN(b.cpu) ? a.cpu / b.cpu : NaN);
const targets = [
  ['one-file YAML check (stylish) vs `node -e 0`', ratio(oneSg, floor), '≤ 1.6', (x) => x <= 1.6],
  ['one-file YAML check (json) vs `node -e 0`', ratio(oneSgJson, floor), '≤ 1.6', (x) => x <= 1.6],
  ['paired: one-file YAML check (stylish) vs `node -e 0`', pairs.one, '≤ 1.6', (x) => x <= 1.6],
  ['paired: one-file YAML check (json) vs `node -e 0`', pairs.oneJson, '≤ 1.6', (x) => x <= 1.6],
  ['paired: Spectral vs sglint, 20k YAML', pairs.yamlSp, '≥ 3', (x) => x >= 3],
  ['paired: Spectral vs sglint, 20k JSON', pairs.jsonSp, '≥ 3', (x) => x >= 3],
  ['paired: sglint vs bare fast parse, 20k YAML', pairs.yamlBare, '≤ 1.5', (x) => x <= 1.5],
  ['paired: sglint vs bare fast parse, 20k JSON', pairs.jsonBare, '≤ 1.5', (x) => x <= 1.5],
  ['Spectral vs sglint, 1 file', ratio(oneSp, oneSg), '(info)', () => true],
  ['Spectral vs sglint, 1,000 files', ratio(manySp, manySg), '(info)', () => true],
  ['2 worker threads vs one thread, bare parse of 1,000 files', ratio(manyWorkers, manyBare), '(info)', () => true],
  ['2 worker threads vs one thread, bare parse of 2 × 10k groups', ratio(res['2x10k.workers'], res['2x10k.bare']), '(info)', () => true],
  ['Spectral vs sglint, 20k YAML', ratio(res['20k.yaml.sp'], res['20k.yaml.sg']), '≥ 3', (x) => x >= 3],
  ['Spectral vs sglint, 20k JSON', ratio(res['20k.json.sp'], res['20k.json.sg']), '≥ 3', (x) => x >= 3],
  ['sglint vs bare fast parse, 20k YAML', ratio(res['20k.yaml.sg'], res['20k.yaml.bare']), '≤ 1.5', (x) => x <= 1.5],
  ['sglint vs bare `@stoplight/yaml` parse, 20k YAML', ratio(res['20k.yaml.sg'], res['20k.yaml.stoplight']), '≤ 1.5', (x) => x <= 1.5],
  ['sglint vs bare fast parse, 20k JSON', ratio(res['20k.json.sg'], res['20k.json.bare']), '≤ 1.5', (x) => x <= 1.5],
  ['sglint vs bare jsonc-parser parse, 20k JSON', ratio(res['20k.json.sg'], res['20k.json.lib']), '≤ 1.5', (x) => x <= 1.5],
  ['scaling 10k → 20k groups, YAML (wall)', ratio(res['20k.yaml.sg'], res['10k.yaml.sg']), '≤ 2', (x) => x <= 2],
  ['scaling 10k → 20k groups, JSON (wall)', ratio(res['20k.json.sg'], res['10k.json.sg']), '≤ 2', (x) => x <= 2],
  ['CPU: one-file YAML check (json) vs `node -e 0`', ratioCpu(oneSgJson, floor), '≤ 1.6', (x) => x <= 1.6],
  ['CPU: Spectral vs sglint, 20k YAML', ratioCpu(res['20k.yaml.sp'], res['20k.yaml.sg']), '≥ 3', (x) => x >= 3],
  ['CPU: sglint vs bare fast parse, 20k YAML', ratioCpu(res['20k.yaml.sg'], res['20k.yaml.bare']), '≤ 1.5', (x) => x <= 1.5],
  ['CPU: sglint vs bare fast parse, 20k JSON', ratioCpu(res['20k.json.sg'], res['20k.json.bare']), '≤ 1.5', (x) => x <= 1.5],
  ['sglint vs bare tree-sitter parse, Terraform 2 MiB', ratio(res['tf.sg'], res['tf.bare']), '(info)', () => true],
  ['one-file .tf check vs `node -e 0`', ratio(res['tf.one'], floor), '(info)', () => true],
  ['sglint vs bare fast parse, ROS', ratio(res['ros.sg'], res['ros.bare']), '(info)', () => true],
  ['Spectral vs sglint, ROS', ratio(res['ros.sp'], res['ros.sg']), '(info)', () => true],
  [
    'scaling 10k → 20k groups, YAML (minus `node -e 0`)',
    (res['20k.yaml.sg'].ms - floor.ms) / (res['10k.yaml.sg'].ms - floor.ms),
    '≤ 2',
    (x) => x <= 2,
  ],
];
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · node ${process.version} · ${RUNS} runs per row, ${Math.max(RUNS, 40)} for the start-up rows (node -e 0, one file; ${HYPERFINE ? 'hyperfine ' + execFileSync('hyperfine', ['--version'], { encoding: 'utf8' }).trim().split(' ')[1] : "node loop"}), median wall time; peak RSS of one extra run.`);
lines.push('');
lines.push('| corpus | command | median wall ms | min wall ms | mean CPU ms (user+sys) | peak RSS MiB | note |');
lines.push('|---|---|---:|---:|---:|---:|---|');
for (const r of rows) lines.push(`| ${r.corpus} | ${r.label} | ${fmt(r.ms)} | ${fmt(r.min)} | ${fmt(r.cpu)} | ${fmt(r.rss)} | ${r.note} |`);
lines.push('');
lines.push('| target | measured | wanted | met? |');
lines.push('|---|---:|---:|---|');
for (const [name, x, want, ok] of targets) lines.push(`| ${name} | ${Number.isNaN(x) ? 'n/a' : x.toFixed(2) + '×'} | ${want} | ${Number.isNaN(x) ? 'not measured' : want === '(info)' ? '' : ok(x) ? 'yes' : '**no**'} |`);
const table = lines.join('\n') + '\n';
writeFileSync(join(out, 'results.md'), table);
writeFileSync(join(out, 'results.json'), JSON.stringify({ rows, targets: targets.map(([n, x, w]) => ({ target: n, measured: x, wanted: w })) }, null, 2));
log('\n' + table);
log(`tables written to ${rel(join(out, 'results.md'))} (copy them into bench/RESULTS.md)`);
