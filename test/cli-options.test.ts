// Command-line options, run in-process: option parsing, exit codes and what counts toward them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliInProcess, workspace } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

const good = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n';
const bad = `${good}    SecurityGroupName: 1web\n`;
/** One warning (name-uncertain-characters), no error. */
const warn = good.replace('VpcId', 'SecurityGroupName: "a:b"\n    VpcId');

const ruleIds = (stdout: string) => (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]).map((f) => [f.filePath, f.messages.map((m) => [m.ruleId, m.line, m.column])]);

describe('--', () => {
  it('ends the options: a file whose name starts with "-" is a path', async () => {
    const dir = workspace({ '-bad.yaml': bad });
    const r = await cliInProcess(['-f', 'json', '--', '-bad.yaml'], dir);
    expect(r.status).toBe(1);
    expect(ruleIds(r.stdout)).toEqual([['-bad.yaml', [['name-malformed', 4, 24]]]]);
  });

  it('without it, such a name is still an unknown option (exit 2)', async () => {
    const dir = workspace({ '-bad.yaml': bad });
    expect((await cliInProcess(['-bad.yaml'], dir)).status).toBe(2);
  });
});

describe('--max-warnings', () => {
  it('takes a non-negative decimal integer only; anything else is exit 2', async () => {
    const dir = workspace({ 'w.yaml': warn });
    for (const args of [['--max-warnings='], ['--max-warnings', ''], ['--max-warnings', '0x10'], ['--max-warnings', '1e1'], ['--max-warnings', ' 1'], ['--max-warnings', '-1'], ['--max-warnings', '1.0'], ['--max-warnings', '99999999999999999999']]) {
      const r = await cliInProcess([...args, 'w.yaml'], dir);
      expect(r.status, JSON.stringify(args)).toBe(2);
      expect(r.stdout, JSON.stringify(args)).toBe('');
    }
    expect((await cliInProcess(['--max-warnings=1', 'w.yaml'], dir)).status).toBe(0);
    expect((await cliInProcess(['--max-warnings', '00', 'w.yaml'], dir)).status).toBe(1);
  });

  it('an empty inline value is not a value for any option', async () => {
    const dir = workspace({ 'w.yaml': warn });
    for (const flag of ['--format=', '--output=', '--config=', '--region=', '--var-file=']) {
      expect((await cliInProcess([flag, 'w.yaml'], dir)).status, flag).toBe(2);
    }
  });
});

describe('--output', () => {
  it('-o - is standard output, not a file named "-"', async () => {
    const dir = workspace({ 'b.yaml': bad });
    const r = await cliInProcess(['-f', 'json', '-o', '-', 'b.yaml'], dir);
    expect(ruleIds(r.stdout)).toEqual([['b.yaml', [['name-malformed', 4, 24]]]]);
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${dir}/-`)).toBe(false);
  });
});

describe('the summary line', () => {
  it('counts info findings apart from warnings', async () => {
    const info = `${good}    Permissions:\n      - {Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0}\n`;
    const r = await cliInProcess(['--max-warnings', '0', 'i.yaml'], workspace({ 'i.yaml': info }));
    expect(r.stdout).toMatch(/; 0 error\(s\), 0 warning\(s\), 1 info\n$/);
    expect(r.status).toBe(0);
  });
});

describe('flags', () => {
  it('a flag takes no value: --quiet=false is exit 2, not --quiet; --force without --init is exit 2', async () => {
    const dir = workspace({ 'w.yaml': warn });
    for (const flag of ['--quiet=false', '--no-inline-suppressions=false', '--init=no', '--force=', '--help=x', '--version=1']) {
      const r = await cliInProcess([flag, 'w.yaml'], dir);
      expect(r.status, flag).toBe(2);
      expect(r.stdout, flag).toBe('');
    }
    expect((await cliInProcess(['--force', 'w.yaml'], dir)).status).toBe(2);
    expect((await cliInProcess(['--quiet', 'w.yaml'], dir)).status).toBe(0);
  });

  it('--baseline with --write-baseline is exit 2, and no baseline is written', async () => {
    const dir = workspace({ 'w.yaml': warn });
    const r = await cliInProcess(['--baseline', 'a.json', '--write-baseline', 'b.json', 'w.yaml'], dir);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'b.json'))).toBe(false);
    expect((await cliInProcess(['--write-baseline', 'b.json', 'w.yaml'], dir)).status).toBe(0);
    expect(existsSync(join(dir, 'b.json'))).toBe(true);
  });
});

describe('--quiet', () => {
  it('hides warnings, which still count toward --max-warnings', async () => {
    const dir = workspace({ 'w.yaml': warn });
    const r = await cliInProcess(['-f', 'json', '--quiet', '--max-warnings', '0', 'w.yaml'], dir);
    expect(ruleIds(r.stdout)).toEqual([['w.yaml', []]]);
    expect(r.status).toBe(1);
    expect((await cliInProcess(['--quiet', '--max-warnings', '1', 'w.yaml'], dir)).status).toBe(0);
    expect((await cliInProcess(['--quiet', 'w.yaml'], dir)).status).toBe(0);
  });
});

describe('--var-file', () => {
  it('a variable file that does not exist or is not a file is exit 2, before anything is checked', async () => {
    const dir = workspace({ 'main.tf': 'variable "name" {}\nresource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n', 'vars/x': '' });
    for (const f of ['missing.tfvars', 'vars']) {
      const r = await cliInProcess(['-f', 'json', '--var-file', f, '.'], dir);
      expect(r.status, f).toBe(2);
      expect(r.stdout, f).toBe('');
      expect(r.stderr, f).toContain(f);
    }
  });
});
