import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planLoader } from '../../src/load/terraform/plan.ts';
import { parseJson } from '../../src/load/parse.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import { get, text } from '../../src/load/tree.ts';
import type { Span } from '../../src/load/tree.ts';
import { FIXTURES, pos } from './load.ts';

function loadPlan(path: string, text: string) {
  const doc = parseJson(path, text).docs[0]!;
  const file = { path, abs: join(FIXTURES, path), text };
  const reports: { ruleId: string; span: Span }[] = [];
  const ctx = { config: defaultConfig(FIXTURES), report: (ruleId: string, r: { at: unknown }) => reports.push({ ruleId, span: r.at as Span }) };
  return { claims: planLoader.claims(doc), model: planLoader.load(doc, file, ctx), reports };
}

describe('plan JSON', () => {
  const path = 'equiv/plan/plan.json';
  const { claims, model } = loadPlan(path, readFileSync(join(FIXTURES, path), 'utf8'));

  test('is claimed by format_version + planned_values; other documents are not', () => {
    expect(claims).toBe(true);
    expect(loadPlan('x.json', '{"format_version": "1.0"}').claims).toBe(false);
    expect(loadPlan('x.json', '{"securityGroups": []}').claims).toBe(false);
  });

  test('resolved values placed in the plan file; null is absent', () => {
    const g = model.groups![0]!;
    expect(g.id).toBe('alicloud_security_group.web');
    expect(text(g.fields.SecurityGroupName)).toBe('1web');
    expect(pos(g.fields.SecurityGroupName!.span)).toEqual([21, 36, 21, 42]);
    expect(g.fields.ResourceGroupId).toBeUndefined();
    expect(text(g.fields.RegionId)).toBe('cn-beijing');
    expect(g.Tag!.items.map((t) => [text(t.Key), text(t.Value)])).toEqual([['aliyun:team', 'web']]);
  });

  test('values known only after apply are unknown, linked through the configuration references', () => {
    const v = model.groups![0]!.fields.VpcId!;
    expect(v.type).toBe('unknown');
    expect(v.type === 'unknown' && v.ref).toBe('alicloud_vpc.main');
    expect(model.vpcs!.map((x) => [x.id, x.source, text(x.RegionId), text(x.CidrBlock)])).toEqual([
      ['alicloud_vpc.main', 'declared', 'cn-beijing', '172.16.0.0/16'],
    ]);
  });

  test('module resources, rules and RAM documents from resource_changes when planned_values is absent', () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'module.net.alicloud_security_group_rule.r[0]',
          module_address: 'module.net',
          mode: 'managed',
          type: 'alicloud_security_group_rule',
          name: 'r',
          change: { actions: ['create'], after: { type: 'egress', ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '10.0.0.0/8' }, after_unknown: { security_group_id: true } },
        },
        {
          address: 'alicloud_ram_policy.p',
          mode: 'managed',
          type: 'alicloud_ram_policy',
          name: 'p',
          change: { actions: ['create'], after: { policy_document: '{"Version":"1","Statement":[]}' } },
        },
      ],
    };
    const textJson = JSON.stringify(plan, null, 2);
    const { model: m } = loadPlan('p.json', textJson);
    const p = m.permissions![0]!;
    expect(p.resource).toBe('module.net.alicloud_security_group_rule.r[0]');
    expect(p.direction).toBe('egress');
    expect(text(p.fields.DestCidrIp)).toBe('10.0.0.0/8');
    expect(p.groupRef?.type).toBe('unknown');
    const version = get(m.policies![0]!.document, 'Version')!;
    expect(text(version)).toBe('1');
    // placed inside the escaped JSON string of the plan file
    const line = textJson.split('\n')[version.span.line - 1]!;
    expect(line.slice(version.span.column - 1, version.span.endColumn - 1)).toBe('\\"1\\"');
  });
});
