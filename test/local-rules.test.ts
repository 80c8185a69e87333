// Rules marked `local` run over blocks of the model (src/engine/lint.ts). Their findings must not depend
// on the blocks: the whole catalog gives the same findings with blocks of one item as with no blocks, on
// inputs where every local rule fires, and the engine hands each block the whole model for its indexes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from '../src/engine/lint.ts';
import type { LintInput } from '../src/engine/lint.ts';
import { defineRule } from '../src/engine/rule.ts';
import type { Rule } from '../src/engine/rule.ts';
import type { Model } from '../src/model.ts';
import { catalog, prerequisites } from '../src/index.ts';
import { ros, specYaml, terraform } from '../bench/gen.mjs';

const root = join(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every documented example of every rule (each in its own directory), examples/, and generated corpora. */
function corpus(): LintInput[] {
  const inputs: LintInput[] = [];
  for (const r of catalog) {
    [...r.docs.invalid, ...r.docs.valid].forEach((ex, i) => inputs.push({ path: `docs/${r.id}/${i}/${ex.file ?? 'spec.yaml'}`, text: ex.code }));
  }
  for (const abs of filesUnder(join(root, 'examples'))) inputs.push({ path: relative(root, abs), text: readFileSync(abs, 'utf8') });
  inputs.push({ path: 'gen/spec.yaml', text: specYaml(400) });
  inputs.push({ path: 'gen/tf/main.tf', text: terraform(60_000) });
  inputs.push({ path: 'gen/template.ros.json', text: ros(150) });
  return inputs;
}

const view = (f: { ruleId: string; errorCode: string | null; severity: string; message: string; span: object; resource?: string }) => ({
  ruleId: f.ruleId,
  errorCode: f.errorCode,
  severity: f.severity,
  span: f.span,
  resource: f.resource,
  message: f.message,
});

describe('local rules', () => {
  it('give the same findings in blocks of 1 and 7 items as over the whole model', async () => {
    const inputs = corpus();
    const config = { quota: { securityGroupsPerRegion: 150, rulesPerGroup: 3 } };
    const whole = await lint(inputs, config, { catalog, prerequisites, blockSize: 0 });
    const ones = await lint(inputs, config, { catalog, prerequisites, blockSize: 1 });
    const sevens = await lint(inputs, config, { catalog, prerequisites, blockSize: 7 });
    expect(ones.findings.map(view)).toEqual(whole.findings.map(view));
    expect(sevens.findings.map(view)).toEqual(whole.findings.map(view));
    // Not vacuous: every local rule fires on this corpus, and so do the whole-model rules that compare items.
    const fired = new Set(whole.findings.map((f) => f.ruleId));
    const local = catalog.filter((r) => r.local).map((r) => r.id);
    expect(local.length).toBeGreaterThan(40);
    expect(local.filter((id) => !fired.has(id))).toEqual([]);
    for (const id of ['group-quota', 'client-token-reused', 'rule-duplicate']) expect(fired).toContain(id);
  });

  it('are never the rules that compare items with each other', () => {
    const local = new Set(catalog.filter((r) => r.local).map((r) => r.id));
    for (const id of ['group-quota', 'client-token-reused', 'rule-duplicate', 'rule-request-too-many']) expect(local.has(id), id).toBe(false);
  });
});

describe('blocks', () => {
  const meta = {
    group: 'create' as const,
    api: { operation: 'CreateSecurityGroup', errorCode: 'Test.Code', httpStatus: 400 },
    severity: 'error' as const,
    certainty: 'documented' as const,
    summary: 'test',
    docs: { description: 'test', fix: 'test', valid: [], invalid: [] },
    sources: [],
  };
  const spec = (n: number) =>
    'securityGroups:\n' +
    Array.from({ length: n }, (_, i) => `  - RegionId: cn-hangzhou\n    SecurityGroupName: g${i}\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8}\n`).join('');

  it('split groups and rules in order, each block knowing the whole model; other rules see the whole model once', async () => {
    const seen: { groups: string[]; permissions: number; whole: Model | undefined }[] = [];
    const wholeSeen: Model[] = [];
    const local = defineRule({
      ...meta,
      id: 'test-local',
      local: true,
      check({ model, report }) {
        seen.push({ groups: model.groups.map((g) => g.resource), permissions: model.permissions.length, whole: model.whole });
        for (const g of model.groups) report({ at: g, message: g.resource });
      },
    });
    const global = defineRule({ ...meta, id: 'test-global', check: ({ model }) => void wholeSeen.push(model) });
    const result = await lint([{ path: 'spec.yaml', text: spec(5) }], {}, { catalog: [local, global], blockSize: 2 });
    expect(seen.map((b) => b.groups)).toEqual([['securityGroups[0]'], ['securityGroups[1]', 'securityGroups[2]'], ['securityGroups[3]', 'securityGroups[4]']]);
    expect(seen.map((b) => b.permissions)).toEqual([1, 2, 2]);
    expect(wholeSeen).toHaveLength(1);
    expect(wholeSeen[0]!.groups).toHaveLength(5);
    for (const b of seen) expect(b.whole).toBe(wholeSeen[0]);
    expect(result.findings.map((f) => [f.ruleId, f.span.line])).toEqual([1, 5, 9, 13, 17].map((line) => ['test-local', line + 1]));
  });

  it('run a small model in one piece, as the model itself', async () => {
    const models: Model[] = [];
    const local = defineRule({ ...meta, id: 'test-local', local: true, check: ({ model }) => void models.push(model) });
    await lint([{ path: 'spec.yaml', text: spec(3) }], {}, { catalog: [local] });
    expect(models).toHaveLength(1);
    expect(models[0]!.groups).toHaveLength(3);
    expect(models[0]!.whole).toBeUndefined();
  });

  it('stop a local rule that throws at the first block: one internal-error, the other rules still report', async () => {
    let calls = 0;
    const broken: Rule = defineRule({
      ...meta,
      id: 'test-broken',
      local: true,
      check() {
        calls++;
        throw new Error('boom');
      },
    });
    const fine = defineRule({ ...meta, id: 'test-fine', local: true, check: ({ model, report }) => model.groups.forEach((g) => report({ at: g, message: 'x' })) });
    const result = await lint([{ path: 'spec.yaml', text: spec(6) }], {}, { catalog: [broken, fine], blockSize: 2 });
    expect(calls).toBe(1);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toHaveLength(1);
    expect(result.findings.filter((f) => f.ruleId === 'test-fine')).toHaveLength(6);
  });
});
