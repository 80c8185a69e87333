// Hostile and degenerate input ends in a located finding or a clean pass: never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/index.ts';

async function run(path: string, data: string | Uint8Array) {
  const input = typeof data === 'string' ? { path, text: data } : { path, bytes: data };
  return lintSources([input]);
}

describe('hostile input', () => {
  it('YAML alias bomb: a located parse error, quickly', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const p = String.fromCharCode(97 + i);
      const q = String.fromCharCode(96 + i);
      lines.push(`${p}: &${p} [*${q},*${q},*${q},*${q},*${q},*${q},*${q},*${q},*${q}]`);
    }
    lines.push('securityGroups:\n  - RegionId: *l');
    const r = await run('bomb.yaml', lines.join('\n'));
    const f = r.findings.find((x) => x.ruleId === 'parse-error');
    expect(f).toBeDefined();
    expect(f!.span.line).toBeGreaterThan(1);
    expect(r.files[0]!.status).toBe('failed');
  });

  it('YAML merge keys in every group of a large spec: read without an alias limit error', async () => {
    // 12,000 aliases used side by side, more than the flat limit for one document: each costs one expansion.
    const groups = Array.from({ length: 12_000 }, (_, i) => `  - <<: *base\n    SecurityGroupName: ${i === 11_999 ? '1web' : `web-${i}`}\n`);
    const r = await run('merged.yaml', `x-base: &base\n  RegionId: cn-hangzhou\nsecurityGroups:\n${groups.join('')}`);
    const found = r.findings.filter((f) => f.ruleId !== 'group-quota');
    expect(found.map((f) => [f.ruleId, f.span.line])).toEqual([['name-malformed', 3 + 2 * 12_000]]);
  });

  it('YAML aliases that cannot be expanded, and merges of what is no mapping: a parse-error there; in other YAML, a skip with a note', async () => {
    const undefinedAlias = await run('a.yaml', 'securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupName: *name\n');
    expect(undefinedAlias.findings.map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endColumn])).toEqual([['parse-error', 3, 24, 29]]);
    expect(undefinedAlias.files[0]!.status).toBe('failed');
    const selfAlias = await run('b.yaml', 'securityGroups:\n  - &g\n    RegionId: cn-hangzhou\n    Tag: [*g]\n');
    expect(selfAlias.findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['parse-error', 4, 11]]);
    const scalarMerge = await run('c.yaml', 'x-a: &a web\nsecurityGroups:\n  - <<: *a\n    RegionId: cn-hangzhou\n');
    expect(scalarMerge.findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['parse-error', 3, 9]]);
    const workflow = await run('ci.yml', 'on: push\njobs:\n  a:\n    steps: *steps\n');
    expect(workflow.findings).toEqual([]);
    expect(workflow.files[0]!.status).toBe('skipped');
  });

  it('YAML anchors defined twice: an alias refers to the latest one before it', async () => {
    const text = 'x-a: &n web-one\nx-b: &n 1web\nsecurityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupName: *n\n';
    const r = await run('anchors.yaml', text);
    expect(r.findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['name-malformed', 5, 24]]);
  });

  it('a binary file named .yaml: parse-error at the NUL byte', async () => {
    const bytes = new Uint8Array([0x61, 0x3a, 0x0a, 0x62, 0x00, 0xff, 0x10]);
    const r = await run('blob.yaml', bytes);
    expect(r.findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['parse-error', 2, 2]]);
  });

  it('invalid UTF-8: parse-error at the first bad byte', async () => {
    const bytes = new Uint8Array([...Buffer.from('RegionId: cn-hangzhou\nSecurityGroupName: w'), 0xc3, 0x28]);
    const r = await run('latin1.yaml', bytes);
    expect(r.findings.map((f) => [f.ruleId, f.span.line, f.span.column])).toEqual([['parse-error', 2, 21]]);
  });

  it('an empty file is skipped cleanly', async () => {
    const r = await run('empty.yaml', '');
    expect(r.findings).toEqual([]);
    expect(r.files[0]!.status).toBe('skipped');
  });

  it('10,000-level nesting (YAML flow, JSON, YAML block) ends in a located finding', async () => {
    for (const [path, text] of [
      ['deep.yaml', '['.repeat(10_000) + ']'.repeat(10_000)],
      ['deep.json', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
      ['block.yaml', '- '.repeat(10_000) + 'x'],
      ['deeper.yaml', '['.repeat(100_000) + ']'.repeat(100_000)],
    ] as const) {
      const r = await run(path, text);
      expect(r.findings.map((f) => f.ruleId), path).toEqual(['parse-error']);
      expect(r.findings[0]!.span.line, path).toBe(1);
    }
  });

  it('a 5 MB spec is checked completely', async () => {
    const groups: string[] = ['securityGroups:'];
    let i = 0;
    while (i < 26_000) {
      for (let k = 0; k < 1000; k++, i++) {
        groups.push(`  - RegionId: cn-hangzhou\n    SecurityGroupName: ${i % 97 === 0 ? '1bad' : 'web'}-${i}\n    VpcId: vpc-bp1opxu1zkhn00gzv${i}\n    Description: group number ${i} of the generated spec\n    Tag:\n      - Key: env\n        Value: prod`);
      }
    }
    const text = groups.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(5_000_000);
    const r = await lintSources([{ path: 'big.yaml', text }], { quota: { securityGroupsPerRegion: 1_000_000, rulesPerGroup: 200 } });
    const bad = r.findings.filter((f) => f.ruleId === 'name-malformed');
    expect(bad.length).toBe(Math.ceil(i / 97));
    expect(bad[0]!.span.line).toBe(3);
  });

  it('CRLF line endings and a BOM keep columns right', async () => {
    const r = await run('crlf.yaml', '\ufeffsecurityGroups:\r\n  - RegionId: cn-hangzhou\r\n    SecurityGroupName: 1web\r\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\r\n');
    expect(r.findings.map((f) => [f.ruleId, f.span.line, f.span.column, f.span.endColumn])).toEqual([['name-malformed', 3, 24, 28]]);
  });
});
