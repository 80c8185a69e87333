import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/load/parse.ts';
import { emptyInventory, readInventory } from '../../src/load/inventory.ts';
import type { InventoryResult } from '../../src/load/inventory.ts';

function read(files: { text: string; region?: string }[]): InventoryResult {
  const into: InventoryResult = { vpcs: [], inventory: emptyInventory(), problems: [] };
  files.forEach((f, i) => {
    const parsed = parseJson(`inv${i}.json`, f.text);
    expect(parsed.problems).toEqual([]);
    readInventory(parsed.docs[0]!, f.region, into);
  });
  return into;
}

const spans = (r: InventoryResult) => r.problems.map((p) => ('span' in p.at ? p.at.span : p.at)).map((s) => [s.file, s.line, s.column]);

describe('inventory exports', () => {
  it('DescribeVpcs: VPCs with source inventory, their region closed', () => {
    const r = read([{ text: '{\n  "TotalCount": 1,\n  "Vpcs": {"Vpc": [\n    {"VpcId": "vpc-a", "RegionId": "cn-beijing", "Status": "Pending"}\n  ]}\n}' }]);
    expect(r.problems).toEqual([]);
    expect([...r.inventory.vpcRegions]).toEqual(['cn-beijing']);
    expect(r.vpcs).toHaveLength(1);
    expect(r.vpcs[0]!.source).toBe('inventory');
    expect(r.vpcs[0]!.Status?.span).toMatchObject({ file: 'inv0.json', line: 4, column: 60 });
  });

  it('an empty VPC list closes the region the config names, and is an error without one', () => {
    expect([...read([{ text: '{"Vpcs": {"Vpc": []}}', region: 'cn-qingdao' }]).inventory.vpcRegions]).toEqual(['cn-qingdao']);
    const r = read([{ text: '{"Vpcs": {"Vpc": []}}' }]);
    expect(r.inventory.vpcRegions.size).toBe(0);
    expect(spans(r)).toEqual([['inv0.json', 1, 10]]);
  });

  it('a config region none of the export\'s VPCs is in does not close that region, and is reported', () => {
    const vpc = (region: string) => `{"VpcId": "vpc-${region}", "RegionId": "${region}", "Status": "Available"}`;
    const wrong = read([{ text: `{"Vpcs": {"Vpc": [\n${vpc('cn-beijing')}]}}`, region: 'cn-hangzhou' }]);
    expect([...wrong.inventory.vpcRegions]).toEqual(['cn-beijing']);
    expect(spans(wrong)).toEqual([['inv0.json', 2, 41]]); // no location of the config's region: the export's RegionId
    // One of its VPCs in the region given (a merged export), or none giving its own: the region stays closed.
    const merged = read([{ text: `{"Vpcs": {"Vpc": [${vpc('cn-beijing')}, ${vpc('cn-hangzhou')}]}}`, region: 'cn-hangzhou' }]);
    expect(merged.problems).toEqual([]);
    expect([...merged.inventory.vpcRegions].sort()).toEqual(['cn-beijing', 'cn-hangzhou']);
    const bare = read([{ text: '{"Vpcs": {"Vpc": [{"VpcId": "vpc-a", "Status": "Available"}]}}', region: 'cn-hangzhou' }]);
    expect(bare.problems).toEqual([]);
    expect([...bare.inventory.vpcRegions]).toEqual(['cn-hangzhou']);
  });

  it('ListResourceGroups and DescribeSecurityGroups fill the inventory', () => {
    const r = read([
      { text: '{"ResourceGroups": {"ResourceGroup": [{"Id": "rg-1"}, {"Id": "rg-2"}]}, "TotalCount": 2}' },
      { text: '{"RegionId": "cn-hangzhou", "TotalCount": 42, "SecurityGroups": {"SecurityGroup": []}}' },
      { text: '{"TotalCount": 7, "SecurityGroups": {"SecurityGroup": []}}', region: 'cn-shanghai' },
    ]);
    expect(r.problems).toEqual([]);
    expect([...r.inventory.resourceGroups!]).toEqual(['rg-1', 'rg-2']);
    expect([...r.inventory.securityGroups]).toEqual([
      ['cn-hangzhou', 42],
      ['cn-shanghai', 7],
    ]);
  });

  it('DescribeSecurityGroups --pager: the merged list without TotalCount counts its groups', () => {
    const r = read([{ text: '{"SecurityGroups": {"SecurityGroup": [{"SecurityGroupId": "sg-a"}, {"SecurityGroupId": "sg-b"}]}}', region: 'cn-hangzhou' }]);
    expect(r.problems).toEqual([]);
    expect([...r.inventory.securityGroups]).toEqual([['cn-hangzhou', 2]]);
  });

  it('wrong shapes are located where they go wrong', () => {
    const r = read([
      { text: '[1, 2]' },
      { text: '{"Vpcs": {"Vpc": {"VpcId": "vpc-a"}}}' },
      { text: '{"Vpcs": {"Vpc": [{"RegionId": "cn-hangzhou", "VpcId": 5}]}}' },
      { text: '{"SecurityGroups": {"SecurityGroup": []}}' },
      { text: '{"SecurityGroups": {"SecurityGroup": []}, "TotalCount": "many", "RegionId": "cn-hangzhou"}' },
      { text: '{"ResourceGroups": {"ResourceGroup": [{"Name": "x"}]}}' },
    ]);
    expect(spans(r)).toEqual([
      ['inv0.json', 1, 1],
      ['inv1.json', 1, 18],
      ['inv2.json', 1, 56],
      ['inv3.json', 1, 1],
      ['inv4.json', 1, 57],
      ['inv5.json', 1, 39],
    ]);
    expect(r.vpcs).toEqual([]);
    expect(r.inventory.vpcRegions.size).toBe(0);
    expect(r.inventory.securityGroups.size).toBe(0);
    expect(r.inventory.resourceGroups).toBeUndefined();
  });
});
