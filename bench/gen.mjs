// Corpus generators for the benchmark. Deterministic: the same arguments give the same bytes.
// Each corpus mixes valid values with a known share of invalid ones, so that the linters under test
// have findings to place (and their output cost is part of the measurement).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1'];
const pad = (n, w = 5) => String(n).padStart(w, '0');

/** One security group as a plain object (API parameter names), with invalid values mixed in. */
export function group(i) {
  const region = i % 131 === 7 ? 'cn-hangzou' : REGIONS[i % REGIONS.length];
  const g = {
    RegionId: region,
    SecurityGroupName: i % 97 === 3 ? `1web-${pad(i)}` : `web-${pad(i)}`,
    Description: i % 89 === 5 ? 'https://wiki.example.com/sg' : `Web tier ${i}`,
    VpcId: i % 151 === 11 ? `vpc_${pad(i)}` : `vpc-bp1opxu1zkhn00gz${pad(i)}`,
    Tag: [
      { Key: i % 101 === 9 ? 'acs:env' : 'env', Value: 'prod' },
      { Key: 'team', Value: i % 113 === 13 ? 'api' : 'web' },
    ],
    Permissions: [{ IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0' }],
  };
  if (i % 4 === 0) g.SecurityGroupType = 'enterprise';
  // Idempotency tokens on a third of the groups; now and then one reused by a different request.
  if (i % 3 === 0) g.ClientToken = `123e4567-e89b-12d3-a456-${pad(i % 211 === 6 ? i - 3 : i, 12)}`;
  if (i % 113 === 13) g.Tag.push({ Key: 'team', Value: 'dup' });
  return g;
}

/** The VPCs a spec declares (every 10th group's), some not available or in another region. */
export function vpc(i) {
  const g = group(i);
  return { VpcId: g.VpcId, RegionId: i % 110 === 20 ? 'cn-qingdao' : g.RegionId, Status: i % 70 === 10 ? 'Pending' : 'Available' };
}
const vpcsOf = (n, offset) => Array.from({ length: Math.ceil(n / 10) }, (_, k) => vpc(offset + k * 10));

/** A native spec with n groups, as YAML written the way people write it (block style, plain scalars). */
export function specYaml(n, offset = 0) {
  const out = ['# generated benchmark spec', 'securityGroups:'];
  for (let k = 0; k < n; k++) {
    const g = group(offset + k);
    out.push(`  - RegionId: ${g.RegionId}`);
    out.push(`    SecurityGroupName: ${g.SecurityGroupName}`);
    out.push(`    Description: ${g.Description.includes(':') ? JSON.stringify(g.Description) : g.Description}`);
    out.push(`    VpcId: ${g.VpcId}`);
    if (g.SecurityGroupType) out.push(`    SecurityGroupType: ${g.SecurityGroupType}`);
    if (g.ClientToken) out.push(`    ClientToken: ${g.ClientToken}`);
    out.push('    Tag:');
    for (const t of g.Tag) out.push(`      - Key: ${t.Key.includes(':') ? `"${t.Key}"` : t.Key}`, `        Value: ${t.Value}`);
    out.push('    Permissions:');
    for (const p of g.Permissions) out.push(`      - IpProtocol: ${p.IpProtocol}`, `        PortRange: ${p.PortRange}`, `        SourceCidrIp: ${p.SourceCidrIp}`);
  }
  out.push('vpcs:');
  for (const v of vpcsOf(n, offset)) out.push(`  - VpcId: ${v.VpcId}`, `    RegionId: ${v.RegionId}`, `    Status: ${v.Status}`);
  return out.join('\n') + '\n';
}

/** The same spec as pretty-printed JSON. */
export function specJson(n, offset = 0) {
  const groups = [];
  for (let k = 0; k < n; k++) groups.push(group(offset + k));
  return JSON.stringify({ securityGroups: groups, vpcs: vpcsOf(n, offset) }, null, 2) + '\n';
}

/** Terraform: VPC + group + standalone rule blocks, with variables, references and conditionals. */
export function terraform(targetBytes) {
  const out = ['variable "open" {\n  type    = bool\n  default = false\n}\n'];
  let size = out[0].length;
  for (let i = 0; size < targetBytes; i++) {
    const g = group(i);
    const block = `resource "alicloud_vpc" "v${i}" {
  vpc_name   = "vpc-${i}"
  cidr_block = "10.${i % 250}.0.0/16"
}

resource "alicloud_security_group" "g${i}" {
  security_group_name = "${g.SecurityGroupName}"
  description         = "${g.Description}"
  vpc_id              = alicloud_vpc.v${i}.id
  security_group_type = "${g.SecurityGroupType ?? 'normal'}"
  tags = {
    env  = "prod"
    team = "web"
  }
}

resource "alicloud_security_group_rule" "r${i}" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  security_group_id = alicloud_security_group.g${i}.id
  cidr_ip           = var.open ? "0.0.0.0/0" : "10.0.0.0/8"
}
`;
    out.push(block);
    size += block.length;
  }
  return out.join('\n');
}

/** A ROS template with n groups (JSON), with Ref/Fn::GetAtt between VPCs and groups. */
export function ros(n) {
  const resources = {};
  for (let i = 0; i < n; i++) {
    const g = group(i);
    resources[`Vpc${i}`] = { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8', VpcName: `vpc-${i}` } };
    resources[`Sg${i}`] = {
      Type: 'ALIYUN::ECS::SecurityGroup',
      Properties: {
        SecurityGroupName: g.SecurityGroupName,
        Description: g.Description,
        VpcId: { Ref: `Vpc${i}` },
        SecurityGroupType: g.SecurityGroupType ?? 'normal',
        Tags: g.Tag,
        SecurityGroupIngress: [{ IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0' }],
      },
    };
  }
  return JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', Resources: resources }, null, 2) + '\n';
}

/** Writes a corpus directory from { relativePath: text }. */
export function writeCorpus(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

/** 1,000 small spec files (1-3 groups each) spread over 10 directories. */
export function smallFiles(count = 1000) {
  const files = {};
  for (let i = 0; i < count; i++) files[`team${i % 10}/sg-${pad(i, 4)}.yaml`] = specYaml(1 + (i % 3), i * 3);
  return files;
}
