// Terraform check timings: a generated 2 MiB .tf corpus, a one-file .tf check, and `node -e 0`.
// Builds the CLI bundle into a temporary directory (not dist/) and times fresh processes (median of N).
// Usage: node bench/terraform.mjs [runs=7]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 7);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'sglint-tf-bench-'));
const bundle = join(work, 'dist');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), bundle], { stdio: 'inherit' });

// A corpus like big.tf of tooling.md §4: vpc + security group + rules, with variables, templates,
// conditionals and references, until it reaches 2 MiB.
const corpus = join(work, 'big');
mkdirSync(corpus);
let tf = 'provider "alicloud" {\n  region = var.region\n}\n\nvariable "region" {\n  default = "cn-hangzhou"\n}\n\nvariable "open" {\n  default = false\n}\n\n';
for (let i = 0; tf.length < 2 * 1024 * 1024; i++) {
  tf += `resource "alicloud_vpc" "v${i}" {
  vpc_name   = "vpc-\${var.region}-${i}"
  cidr_block = "10.${i % 256}.0.0/16"
}

resource "alicloud_security_group" "sg${i}" {
  security_group_name = "web-${i}"
  description         = "tier ${i} in \${var.region}"
  vpc_id              = alicloud_vpc.v${i}.id
  inner_access_policy = var.open ? "Accept" : "Drop"
  tags = {
    team = "t${i % 17}"
    env  = "prod"
  }
}

resource "alicloud_security_group_rule" "r${i}" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "${(i % 60000) + 1}/${(i % 60000) + 1}"
  cidr_ip           = var.open ? "0.0.0.0/0" : "10.0.0.0/8"
  security_group_id = alicloud_security_group.sg${i}.id
}

`;
}
writeFileSync(join(corpus, 'main.tf'), tf);
const one = join(work, 'one');
mkdirSync(one);
writeFileSync(
  join(one, 'main.tf'),
  'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nresource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  description         = "web tier"\n}\n',
);

function time(args) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: work, stdio: 'ignore' });
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0] };
}

const cli = join(bundle, 'cli.js');
const rows = [
  ['node -e 0', time(['-e', '0'])],
  ['one-file .tf check', time([cli, '--format', 'json', join(one, 'main.tf')])],
  [`2 MiB .tf corpus (${(statSync(join(corpus, 'main.tf')).size / 1048576).toFixed(2)} MiB, one file)`, time([cli, '--format', 'json', corpus])],
];
console.log(`node ${process.version}, ${runs} runs each, fresh process per run\n`);
console.log('| what | median ms | min ms |\n|---|---|---|');
for (const [what, t] of rows) console.log(`| ${what} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)} |`);
rmSync(work, { recursive: true, force: true });
