// SARIF 2.1.0 output, validated offline against the official schema and checked against what GitHub
// code scanning requires (tooling.md §7): catalog in tool.driver.rules, repository-relative uris, full
// regions, line-number-free fingerprints, the API error code in properties.
//
// test/fixtures/sarif/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 Committee Specification schema
// (oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json, commit
// 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab; draft-07) with its "description" annotations removed; every
// validation keyword is as published. No npm package installable here ships the schema.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { catalog, lintPaths } from '../../src/index.ts';
import { toEslint } from '../../src/format/results.ts';
import { formatSarif, sarifLog } from '../../src/format/sarif.ts';
import { ruleText } from '../../src/docs.ts';
import type { Rule } from '../../src/engine/rule.ts';
import { defineRule } from '../../src/engine/rule.ts';
import { lint } from '../../src/engine/lint.ts';
import { BAD, GOOD, bundle, tree } from '../action/bundle.ts';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// Formats the schema uses, checked for real (ajv-formats is not a dependency): RFC 3986 shapes.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  formats: {
    uri: /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i,
    'uri-reference': /^(?:[^\s"<>\\^`{|}%]|%[0-9a-f]{2})*$/i,
    'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:z|[+-]\d\d:\d\d)$/i,
  },
});
const validate = ajv.compile(schema);

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

async function sarifOf(files: Record<string, string>, sub = '') {
  const dir = tree(files);
  mkdirSync(join(dir, '.git'));
  const cwd = join(dir, sub);
  const results = toEslint(await lintPaths(['.'], {}, cwd), catalog);
  return sarifLog(results, { catalog, cwd, version: VERSION });
}

type Log = Awaited<ReturnType<typeof sarifOf>>;
const results = (log: Log) => log.runs[0]!.results;

/** Each result's ruleId has an entry in tool.driver.rules, and its ruleIndex points at that entry; ids are unique. */
function rulesResolve(log: Log): void {
  const rules = log.runs[0]!.tool.driver.rules;
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  for (const r of results(log)) {
    expect(r.ruleIndex, r.ruleId).toBeTypeOf('number');
    expect(rules[r.ruleIndex!]?.id, r.ruleId).toBe(r.ruleId);
  }
}

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, and the validator rejects a broken log', async () => {
    const log = await sarifOf({ 'sg/bad.yaml': BAD, 'sg/ok.yaml': GOOD, 'my specs/a b.yaml': BAD });
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(results(log)).toHaveLength(2);
    const broken = structuredClone(log) as unknown as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('tool.driver carries the whole catalog with GitHub-sized descriptions, help, level and API properties', async () => {
    const log = await sarifOf({ 'bad.yaml': BAD });
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'sglint', semanticVersion: VERSION });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r) => r.id)).toEqual(catalog.map((r) => r.id));
    const level = { error: 'error', warning: 'warning', info: 'note' };
    for (const [i, r] of driver.rules.entries()) {
      const rule = catalog[i]!;
      for (const text of [r.shortDescription.text, r.fullDescription.text, r.help.text]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(1024);
      }
      expect(r.help.markdown).toContain(`**${rule.id}**`);
      expect(r.helpUri).toMatch(/^https:\/\//);
      expect(r.defaultConfiguration.level).toBe(level[rule.severity]);
      expect(r.properties).toMatchObject({ errorCode: rule.api.errorCode, httpStatus: rule.api.httpStatus, operation: rule.api.operation });
      expect(r.properties.tags).toContain(rule.group);
    }
  });

  it('clips text fields to 1024 characters (GitHub limit) but keeps the full markdown help', () => {
    const long: Rule = { ...catalog[0]!, id: 'long-docs', summary: 's'.repeat(2000), docs: { ...catalog[0]!.docs, description: 'd'.repeat(3000) } };
    const log = sarifLog([], { catalog: [long], cwd: process.cwd(), version: VERSION });
    const r = log.runs[0]!.tool.driver.rules[0]!;
    expect(r.shortDescription.text).toHaveLength(1024);
    expect(r.fullDescription.text).toHaveLength(1024);
    expect(r.fullDescription.text.endsWith('…')).toBe(true);
    expect(r.help.text).toHaveLength(1024);
    expect(ruleText(long).length).toBeGreaterThan(1024);
    expect(r.help.markdown).toContain('d'.repeat(3000));
    expect(validate(log)).toBe(true);
  });

  it('results: rule id and index, level, message, repository-relative uri (from a subdirectory), full region, API code', async () => {
    const log = await sarifOf({ 'infra/sg/bad.yaml': BAD, 'infra/sg/warn.yaml': 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupType: Normal\n' }, 'infra');
    const rules = log.runs[0]!.tool.driver.rules;
    const byUri = Object.fromEntries(results(log).map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r]));
    expect(Object.keys(byUri).sort()).toEqual(['infra/sg/bad.yaml', 'infra/sg/warn.yaml']);
    const bad = byUri['infra/sg/bad.yaml']!;
    expect(bad).toMatchObject({
      ruleId: 'name-malformed',
      level: 'error',
      locations: [{ physicalLocation: { region: { startLine: 4, startColumn: 24, endLine: 4, endColumn: 28 } } }],
      properties: { errorCode: 'InvalidSecurityGroupName.Malformed', httpStatus: 400, resource: 'securityGroups[0]' },
    });
    expect(rules[bad.ruleIndex!]!.id).toBe('name-malformed');
    rulesResolve(log);
    expect(bad.message.text.length).toBeGreaterThan(0);
    const warn = byUri['infra/sg/warn.yaml']!;
    expect(warn).toMatchObject({ ruleId: 'group-type-case', level: 'warning', locations: [{ physicalLocation: { region: { startLine: 4, startColumn: 24 } } }], properties: { errorCode: 'InvalidParams.GroupType' } });
    expect(validate(log)).toBe(true);
  });

  it('every result names a rule of tool.driver.rules by id and index: input findings, suppressions and a rule that failed (internal-error)', async () => {
    const broken = defineRule({ ...catalog.find((r) => r.check)!, id: 'test-broken', check: () => { throw new Error('boom'); } });
    const all = [...catalog, broken];
    const inputs = [
      { path: 'bad.yaml', text: BAD },
      { path: 'broken.yaml', text: 'securityGroups:\n  - RegionId: [cn-hangzhou\n' },
      { path: 'waived.yaml', text: BAD.replace('    SecurityGroupName', '    # sglint-ignore name-malformed\n    SecurityGroupName') },
      { path: 'gone.yaml', unreadable: { rule: 'file-unreadable' as const, message: 'cannot read gone.yaml: permission denied' } },
      { path: 'huge.yaml', unreadable: { rule: 'file-too-large' as const, message: 'huge.yaml is 9 bytes' } },
    ];
    const cwd = tree({});
    mkdirSync(join(cwd, '.git'));
    const log = sarifLog(toEslint(await lint(inputs, {}, { catalog: all }), all), { catalog: all, cwd, version: VERSION });
    const ids = new Set(results(log).map((r) => r.ruleId));
    for (const id of ['name-malformed', 'parse-error', 'suppression-invalid', 'file-unreadable', 'file-too-large', 'internal-error']) expect(ids, id).toContain(id);
    rulesResolve(log);
    // The catalog keeps its indices; the entry of a failed rule says what happened and what to do.
    expect(log.runs[0]!.tool.driver.rules.slice(0, all.length).map((r) => r.id)).toEqual(all.map((r) => r.id));
    const internal = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'internal-error')!;
    expect(internal.shortDescription.text.length).toBeGreaterThan(0);
    expect(internal.help.text.length).toBeGreaterThan(0);
    expect(internal.defaultConfiguration.level).toBe('error');
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('a rule id no rule of the catalog has still gets an entry, once, after the catalog', () => {
    const message = { severity: 2 as const, level: 'error' as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, errorCode: null, httpStatus: null };
    const eslint = [{ filePath: 'a.yaml', messages: [{ ...message, ruleId: 'x-other' }, { ...message, ruleId: 'name-malformed' }, { ...message, ruleId: 'x-other', line: 2, endLine: 2 }], errorCount: 3, warningCount: 0, infoCount: 0 }];
    const log = sarifLog(eslint, { catalog, cwd: process.cwd(), version: VERSION });
    rulesResolve(log);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual([...catalog.map((r) => r.id), 'x-other']);
    expect(validate(log)).toBe(true);
  });

  it('uris percent-encode what a URI cannot hold and keep `/`', async () => {
    const log = await sarifOf({ 'my specs/a b#1.yaml': BAD });
    expect(results(log)[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('my%20specs/a%20b%231.yaml');
    expect(validate(log)).toBe(true);
  });

  it('primaryLocationLineHash ignores line numbers, separates equal lines by occurrence, and differs by rule', async () => {
    const one = await sarifOf({ 'sg.yaml': BAD });
    const moved = await sarifOf({ 'sg.yaml': `# a comment\n\n${BAD}` });
    const fp = (log: Log) => results(log).map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(results(moved)[0]!.locations[0]!.physicalLocation.region.startLine).toBe(6);
    expect(fp(moved)).toEqual(fp(one));
    expect(fp(one)[0]).toMatch(/^[0-9a-f]{16}:1$/);
    const twice = await sarifOf({ 'sg.yaml': `${BAD}  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n` });
    const [a, b] = fp(twice);
    expect(a!.split(':')[0]).toBe(b!.split(':')[0]);
    expect([a!.split(':')[1], b!.split(':')[1]]).toEqual(['1', '2']);
    const other = await sarifOf({ 'sg.yaml': BAD.replace('1web', '2web') });
    expect(fp(other)[0]).not.toBe(fp(one)[0]);
  });

  it('on a long (minified) line a fingerprint hashes the text around its finding, not the whole line', async () => {
    const group = (name: string, description: string) => ({ RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1opxu1zkhn00gzv1234', SecurityGroupName: name, Description: description });
    const file = (far: string) => ({ 'min.json': JSON.stringify({ securityGroups: [group('1web', 'first'), group('web', 'y'.repeat(200)), group('2web', far)] }) });
    const fp = (log: Log) => results(log).map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startColumn, r.partialFingerprints.primaryLocationLineHash]);
    const one = fp(await sarifOf(file('a far description')));
    const edited = fp(await sarifOf(file('another far description')));
    // The first finding's neighbourhood is unchanged: same alert. The last one's text changed: new alert.
    expect(one.map((r) => r[0])).toEqual(['name-malformed', 'name-malformed']);
    expect(edited[0]).toEqual(one[0]);
    expect(edited[1]![2]).not.toBe(one[1]![2]);
  });

  it('the bundled CLI writes the same SARIF with --format sarif, exit 1 on errors, report on stdout only', async () => {
    const dir = tree({ 'sg/bad.yaml': BAD });
    mkdirSync(join(dir, '.git'));
    const r = spawnSync(process.execPath, [join(bundle(), 'cli.js'), '--format', 'sarif', 'bad.yaml'], { cwd: join(dir, 'sg'), encoding: 'utf8' });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.map((x: Log['runs'][0]['results'][0]) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([['name-malformed', 'sg/bad.yaml']]);
    expect(r.stderr).toMatch(/1 error\(s\)/);
    // The same log the library formatter writes for the same results.
    const cwd = join(dir, 'sg');
    expect(log).toEqual(JSON.parse(formatSarif(toEslint(await lintPaths(['bad.yaml'], {}, cwd), catalog), { catalog, cwd, version: VERSION })));
  });
});
