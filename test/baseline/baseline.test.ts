// Baselines: keyed by (file, resource, rule, error code), never by line.
import { describe, expect, it } from 'vitest';
import { lintSources, catalog } from '../../src/index.ts';
import { applyBaseline, createBaseline, formatBaseline, readBaseline } from '../../src/engine/baseline.ts';
import { key } from '../helpers.ts';
import type { Finding } from '../../src/engine/rule.ts';

const group = (name: string, extra = '') => `  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: ${name}\n${extra}`;
const spec = (...groups: string[]) => `securityGroups:\n${groups.join('')}`;

async function lintText(text: string) {
  return lintSources([{ path: 'spec.yaml', text }], { today: '2026-06-15' });
}

/** Write a baseline for `before`, read it back from its text, and apply it to `after`. */
async function roundTrip(before: string, after: string) {
  const b = createBaseline((await lintText(before)).findings, catalog);
  const read = await readBaseline('.sglint-baseline.json', formatBaseline(b));
  expect(read.problems).toEqual([]);
  return applyBaseline(await lintText(after), read.baseline!, catalog);
}

describe('baseline', () => {
  it('records findings by file, resource, rule and code, with counts and no line numbers', async () => {
    const b = createBaseline((await lintText(spec(group('1web'), group('2db', '    Description: http://x\n')))).findings, catalog);
    expect(b.entries).toEqual([
      { file: 'spec.yaml', resource: 'securityGroups[0]', rule: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', count: 1 },
      { file: 'spec.yaml', resource: 'securityGroups[1]', rule: 'description-malformed', errorCode: 'InvalidDescription.Malformed', count: 1 },
      { file: 'spec.yaml', resource: 'securityGroups[1]', rule: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', count: 1 },
    ]);
    expect(formatBaseline(b)).not.toMatch(/"line"/);
  });

  it('an unchanged input reports nothing new and counts the known findings', async () => {
    const text = spec(group('1web'), group('2db'));
    const out = await roundTrip(text, text);
    expect(out.result.findings).toEqual([]);
    expect(out.known).toBe(2);
    expect(out.fixed).toEqual([]);
  });

  it('survives lines inserted above the findings', async () => {
    const before = spec(group('1web'));
    const after = '# a new comment\n\n' + spec(group('1web', '    # another note\n'));
    const out = await roundTrip(before, after);
    expect(out.result.findings).toEqual([]);
    expect(out.known).toBe(1);
  });

  it('survives reordered resources: the key is the resource address, not the position', async () => {
    // Terraform / ROS addresses name the resource; moving a resource block changes only its lines.
    const f = (resource: string, ruleId: string, errorCode: string, line: number): Finding => ({
      ruleId, errorCode, httpStatus: 400, severity: 'error', message: 'm', resource,
      span: { file: 'main.tf', line, column: 3, endLine: line, endColumn: 9 },
    });
    const before = [f('alicloud_security_group.web', 'name-malformed', 'InvalidSecurityGroupName.Malformed', 2), f('alicloud_security_group.db', 'description-malformed', 'InvalidDescription.Malformed', 9)];
    const after = [f('alicloud_security_group.db', 'description-malformed', 'InvalidDescription.Malformed', 4), f('alicloud_security_group.web', 'name-malformed', 'InvalidSecurityGroupName.Malformed', 15)];
    const b = (await readBaseline('b.json', formatBaseline(createBaseline(before, catalog)))).baseline!;
    const files = [{ path: 'main.tf', status: 'checked' as const, findings: [] }];
    const out = applyBaseline({ files, findings: after }, b, catalog);
    expect(out.result.findings).toEqual([]);
    expect(out.known).toBe(2);
    // ...and a finding moved to another resource is new.
    const moved = applyBaseline({ files, findings: [f('alicloud_security_group.api', 'name-malformed', 'InvalidSecurityGroupName.Malformed', 2)] }, b, catalog);
    expect(moved.result.findings.map((x) => [x.resource, x.span.line])).toEqual([['alicloud_security_group.api', 2]]);
    expect(moved.fixed.map((e) => e.resource)).toEqual(['alicloud_security_group.db', 'alicloud_security_group.web']);
  });

  it('survives reordered resources end to end (ROS template: resources are addressed by logical name)', async () => {
    const res = (name: string, props: string) => `  ${name}:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: vpc-bp1opxu1zkhn00gzv1234\n${props}`;
    const web = res('WebSg', '      SecurityGroupName: 1web\n');
    const db = res('DbSg', '      SecurityGroupName: db\n      Description: http://db\n');
    const tpl = (...r: string[]) => `ROSTemplateFormatVersion: '2015-09-01'\nResources:\n${r.join('')}`;
    const lintTpl = (text: string) => lintSources([{ path: 'template.ros.yaml', text }], { today: '2026-06-15', region: 'cn-hangzhou' });
    const before = await lintTpl(tpl(web, db));
    expect(before.findings.map((f) => [f.resource, f.ruleId])).toEqual([
      ['Resources.WebSg', 'name-malformed'],
      ['Resources.DbSg', 'description-malformed'],
    ]);
    const b = (await readBaseline('b.json', formatBaseline(createBaseline(before.findings, catalog)))).baseline!;
    const after = await lintTpl(`# moved around\n${tpl(db, web)}`);
    expect(after.findings.map((f) => [f.resource, f.span.line])).toEqual([
      ['Resources.DbSg', 9],
      ['Resources.WebSg', 14],
    ]);
    const out = applyBaseline(after, b, catalog);
    expect(out.result.findings).toEqual([]);
    expect(out.known).toBe(2);
  });

  it('reports only new findings, and the extra ones of a key whose count grew (the last by position)', async () => {
    const before = spec(group('1web'));
    const after = spec(group('1web', '    Description: http://x\n'));
    const out = await roundTrip(before, after);
    expect(out.result.findings.map(key)).toEqual([{ ruleId: 'description-malformed', errorCode: 'InvalidDescription.Malformed', line: 5, column: 18, endLine: 5, endColumn: 26 }]);
    expect(out.known).toBe(1);

    // Same key twice: a tag key malformed twice in one group where the baseline knew one.
    const tag = (k: string) => `      - Key: "${k}"\n        Value: v\n`;
    const b1 = spec(group('web', `    Tag:\n${tag('aliyun:a')}`));
    const b2 = spec(group('web', `    Tag:\n${tag('aliyun:a')}${tag('acs:b')}`));
    const grown = await roundTrip(b1, b2);
    expect(grown.result.findings.map((f) => [f.ruleId, f.span.line])).toEqual([['tag-key-malformed', 8]]);
    expect(grown.known).toBe(1);
  });

  it('lists baseline entries that are fixed', async () => {
    const out = await roundTrip(spec(group('1web'), group('2db')), spec(group('web'), group('2db')));
    expect(out.result.findings).toEqual([]);
    expect(out.known).toBe(1);
    expect(out.fixed).toEqual([{ file: 'spec.yaml', resource: 'securityGroups[0]', rule: 'name-malformed', errorCode: 'InvalidSecurityGroupName.Malformed', count: 1 }]);
  });

  it('never records findings that may not be suppressed (parse errors)', async () => {
    const broken = await lintText('securityGroups: [\n');
    expect(broken.findings.map((f) => f.ruleId)).toEqual(['parse-error']);
    const b = createBaseline(broken.findings, catalog);
    expect(b.entries).toEqual([]);
    expect(applyBaseline(broken, b, catalog).result.findings.map((f) => f.ruleId)).toEqual(['parse-error']);
  });

  it('maps paths through pathOf, so a baseline in another directory matches', async () => {
    const r = await lintText(spec(group('1web')));
    const b = createBaseline(r.findings, catalog, (f) => `infra/${f}`);
    expect(b.entries[0]!.file).toBe('infra/spec.yaml');
    expect(applyBaseline(r, b, catalog, (f) => `infra/${f}`).known).toBe(1);
    expect(applyBaseline(r, b, catalog).known).toBe(0);
  });

  it('a malformed baseline file is a located problem', async () => {
    expect((await readBaseline('b.json', '{"version": 1, "entries": [{"file": "a"}]}')).problems.map((p) => [p.span?.line, p.span?.column])).toEqual([[1, 28]]);
    expect((await readBaseline('b.json', '[1,')).problems.length).toBeGreaterThan(0);
    expect((await readBaseline('b.json', '{"entries": []}')).problems.map((p) => p.span?.line)).toEqual([1]);
  });

  it('an entry whose key an earlier entry already has (a hand edit) is a located problem, not a count dropped', async () => {
    const e = (file: string, count: number) => `    {"file":"${file}","resource":"securityGroups[0]","rule":"name-malformed","errorCode":"InvalidSecurityGroupName.Malformed","count":${count}}`;
    const text = `{\n  "version": 1,\n  "entries": [\n${[e('a.yaml', 1), e('b.yaml', 1), e('a.yaml', 2)].join(',\n')}\n  ]\n}\n`;
    const read = await readBaseline('b.json', text);
    expect(read.baseline).toBeUndefined();
    expect(read.problems.map((p) => [p.span?.line, p.span?.column])).toEqual([[6, 5]]);
  });
});
