// The CLI reads the config file (found upward or --config) before linting; a bad config is exit 2 with
// located messages. Runs the source entry in-process.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { cliInProcess, workspace } from '../helpers.ts';


const run = cliInProcess;

afterEach(() => vi.restoreAllMocks());

const spec = 'securityGroups:\n  - SecurityGroupName: web\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n';

describe('CLI and the config file', () => {
  it('a config error is exit 2 with file:line:column', async () => {
    const dir = workspace({ '.git/HEAD': '', '.sglint.yaml': 'region: cn-hangzhou\nrules:\n  name-malformd: off\n', 'sg.yaml': spec });
    const r = await run(['sg.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sglint: \.sglint\.yaml:3:3: /m);
  });

  it('the config found upward applies: region, RAM policies and inventory', async () => {
    const dir = workspace({
      '.git/HEAD': '',
      '.sglint.yaml': 'region: cn-hangzhou\naccountId: "1234567890123456"\nram:\n  policies: [iam/p.json]\ninventory: [state/vpcs.json]\n',
      'iam/p.json': '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]}',
      'state/vpcs.json': '{"Vpcs": {"Vpc": [{"VpcId": "vpc-bp1opxu1zkhn00gzv1234", "RegionId": "cn-hangzhou", "Status": "Available"}]}}',
      'infra/sg.yaml': spec,
    });
    const r = await run(['--format', 'json', '.'], join(dir, 'infra'));
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const msgs = results.flatMap((f) => f.messages.map((m) => `${f.filePath}:${m.line}:${m.column} ${m.ruleId}`));
    expect(msgs).toEqual(['sg.yaml:2:5 ram-create-denied', 'sg.yaml:3:12 ram-create-denied']);
  });

  it('maxFileBytes sets the size past which a file is not read; 0 or a fraction is a config error', async () => {
    const dir = workspace({ '.git/HEAD': '', '.sglint.yaml': 'region: cn-hangzhou\nmaxFileBytes: 40\n', 'sg.yaml': spec, 'small.yaml': 'securityGroups: []\n' });
    const r = await run(['--format', 'json', '.'], dir);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([['sg.yaml', ['file-too-large']], ['small.yaml', []]]);
    expect(r.status).toBe(1);
    for (const bad of ['0', '1.5', '"20MB"']) {
      const b = await run(['sg.yaml'], workspace({ '.git/HEAD': '', '.sglint.yaml': `maxFileBytes: ${bad}\n`, 'sg.yaml': spec }));
      expect(b.status, bad).toBe(2);
      expect(b.stderr, bad).toMatch(/^sglint: \.sglint\.yaml:1:15: /m);
    }
  });

  it('exposurePorts in the config: the ports exposed-port reports besides its own; a port out of range is a config error', async () => {
    const open = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 8080/8080, SourceCidrIp: 0.0.0.0/0}\n';
    const dir = workspace({ '.git/HEAD': '', '.sglint.yaml': 'exposurePorts:\n  - {port: 8080, name: admin UI}\n', 'sg.yaml': open });
    const r = await run(['--format', 'json', 'sg.yaml'], dir);
    const results = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['exposed-port', 5, 63]]);
    const bad = await run(['sg.yaml'], workspace({ '.git/HEAD': '', '.sglint.yaml': 'exposurePorts:\n  - {port: 70000, name: x}\n', 'sg.yaml': open }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sglint: \.sglint\.yaml:2:\d+: /m);
  });

  it('--config names the file explicitly', async () => {
    const dir = workspace({ 'conf/lint.yaml': 'region: cn-hangzhou\nrules:\n  ram-create-denied: off\n', 'sg.yaml': spec });
    const r = await run(['--config', 'conf/lint.yaml', '--format', 'json', 'sg.yaml'], dir);
    expect(r.status).toBe(0);
    const missing = await run(['--config', 'nope.yaml', 'sg.yaml'], dir);
    expect(missing.status).toBe(2);
  });
});
