import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { workspace as tree } from '../helpers.ts';
import { findConfigFile, loadConfig } from '../../src/engine/config-file.ts';

const pos = (p: { span?: { line: number; column: number } }) => p.span && [p.span.line, p.span.column];

describe('config file discovery', () => {
  it('finds .sglint.yaml in a parent directory', async () => {
    const root = tree({ '.git/HEAD': '', '.sglint.yaml': 'region: cn-hangzhou\n', 'infra/sg/x.txt': '' });
    expect(findConfigFile(join(root, 'infra/sg'))).toBe(join(root, '.sglint.yaml'));
    const { config, problems } = await loadConfig({ cwd: join(root, 'infra/sg') });
    expect(problems).toEqual([]);
    expect(config.region).toBe('cn-hangzhou');
    expect(config.baseDir).toBe(root);
  });

  it('stops at the repository root (a directory holding .git)', async () => {
    const root = tree({ '.sglint.yaml': 'region: cn-beijing\n', 'repo/.git/HEAD': '', 'repo/src/a.txt': '' });
    expect(findConfigFile(join(root, 'repo/src'))).toBeUndefined();
    expect((await loadConfig({ cwd: join(root, 'repo/src') })).config.region).toBeUndefined();
  });

  it('prefers .sglint.yaml over .yml over .json in one directory, and reads .json', async () => {
    const a = tree({ '.git/x': '', '.sglint.yml': 'region: a-b\n', '.sglint.json': '{"region": "c-d"}' });
    expect((await loadConfig({ cwd: a })).config.region).toBe('a-b');
    const b = tree({ '.git/x': '', '.sglint.json': '{"region": "c-d", "quota": {"securityGroupsPerRegion": 300}}' });
    const { config } = await loadConfig({ cwd: b });
    expect(config.region).toBe('c-d');
    expect(config.quota).toEqual({ securityGroupsPerRegion: 300, rulesPerGroup: 200 });
  });

  it('reads an explicit file and reports one that does not exist', async () => {
    const root = tree({ 'conf/lint.yaml': 'accountId: "1234567890123456"\n' });
    expect((await loadConfig({ cwd: root, file: 'conf/lint.yaml' })).config.accountId).toBe('1234567890123456');
    const missing = await loadConfig({ cwd: root, file: 'nope.yaml' });
    expect(missing.problems).toHaveLength(1);
    expect(missing.problems[0]!.span).toBeUndefined();
  });
});

describe('config validation with positions', () => {
  const load = async (text: string, name = '.sglint.yaml', knownRules?: string[]) => {
    const root = tree({ '.git/x': '', [name]: text });
    return await loadConfig({ cwd: root, knownRules });
  };

  it('an unknown top-level key is located on the key, with a suggestion', async () => {
    const { problems } = await load('region: cn-hangzhou\nacountId: "1"\n');
    expect(problems.map(pos)).toEqual([[2, 1]]);
    expect(problems[0]!.message).toContain('accountId');
    expect(problems[0]!.span!.file.endsWith('.sglint.yaml')).toBe(true);
  });

  it('a key named __proto__ is an unknown key like any other, and its settings do not apply', async () => {
    const top = await load('{"__proto__": {"region": "cn-nowhere", "rules": {"name-malformed": "off"}}}', '.sglint.json');
    expect(top.problems.map(pos)).toEqual([[1, 2]]);
    expect(top.config.region).toBeUndefined();
    expect(top.config.rules['name-malformed']).toBeUndefined();
    const rules = await load('rules:\n  __proto__: off\n', '.sglint.yaml', ['name-malformed']);
    expect(rules.problems.map(pos)).toEqual([[2, 3]]);
  });

  it('an unknown nested key is located on the key', async () => {
    const { problems } = await load('ram:\n  polices:\n    - a.json\n');
    // "polices" is unknown and "policies" is missing: both reported on the ram map / key.
    expect(problems.map(pos)).toContainEqual([2, 3]);
    expect(problems.find((p) => p.span?.line === 2)!.message).toContain('"policies"');
  });

  it('a wrong type is located on the value (accountId as a YAML number)', async () => {
    const { problems } = await load('region: cn-hangzhou\naccountId: 1234567890123456\n');
    expect(problems.map(pos)).toEqual([[2, 12]]);
  });

  it('a bad rule severity is located on the value, with a suggestion', async () => {
    const { problems } = await load('rules:\n  name-malformed: warn\n');
    expect(problems.map(pos)).toEqual([[2, 19]]);
    expect(problems[0]!.message).toContain('"warning"');
  });

  it('rules map into Config.rules', async () => {
    const { config, problems } = await load('rules:\n  name-malformed: warning\n  group-quota: off\n');
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ 'name-malformed': 'warning', 'group-quota': 'off' });
  });

  it('unknown rule ids are located on the key when the catalog is given', async () => {
    const { problems } = await load('rules:\n  name-malformd: off\n', '.sglint.yaml', ['name-malformed', 'group-quota']);
    expect(problems.map(pos)).toEqual([[2, 3]]);
    expect(problems[0]!.message).toContain('"name-malformed"');
  });

  it('a negative quota is located on the value', async () => {
    const { problems } = await load('quota:\n  securityGroupsPerRegion: -1\n');
    expect(problems.map(pos)).toEqual([[2, 28]]);
  });

  it('errors in JSON config files are located too', async () => {
    const { problems } = await load('{\n  "region": "cn-hangzhou",\n  "inventory": [42]\n}\n', '.sglint.json');
    expect(problems.map(pos)).toEqual([[3, 17]]);
  });

  it('an inventory map with a misspelt key names the key', async () => {
    const { problems } = await load('inventory:\n  - path: vpcs.json\n    regoin: cn-hangzhou\n');
    expect(problems.map(pos)).toEqual([[3, 5]]);
    expect(problems[0]!.message).toContain('"region"');
  });

  it('YAML syntax errors are located', async () => {
    const { problems } = await load('region: [cn-hangzhou\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.span).toBeDefined();
  });

  it('every schema error is reported, not only the first', async () => {
    const { problems } = await load('region: 5\nquota:\n  rulesPerGroup: -1\nignore: [""]\n');
    expect(problems.map(pos)).toEqual([[1, 9], [3, 18], [4, 10]]);
  });
});

describe('extends', () => {
  it('applies the extended file first and rebases its paths', async () => {
    const root = tree({
      '.git/x': '',
      'shared/base.yaml': 'region: cn-beijing\nrules:\n  a: off\n  b: info\ninventory:\n  - state/vpcs.json\n',
      'shared/state/vpcs.json': '{}',
      '.sglint.yaml': 'extends: shared/base.yaml\nrules:\n  b: error\n',
    });
    const { config, problems } = await loadConfig({ cwd: root });
    expect(problems).toEqual([]);
    expect(config.region).toBe('cn-beijing');
    expect(config.rules).toEqual({ a: 'off', b: 'error' });
    expect(config.inventory).toEqual(['shared/state/vpcs.json']);
  });

  it('a missing or circular extends is located on the value', async () => {
    const root = tree({ '.git/x': '', '.sglint.yaml': 'region: x-y\nextends: other.yaml\n', 'other.yaml': 'extends: .sglint.yaml\n' });
    const { problems } = await loadConfig({ cwd: root });
    expect(problems.map(pos)).toEqual([[1, 10]]);
    const r2 = tree({ '.git/x': '', '.sglint.yaml': 'extends: none.yaml\n' });
    expect((await loadConfig({ cwd: r2 })).problems.map(pos)).toEqual([[1, 10]]);
  });
});
