// Colour in the stylish report: on a terminal unless NO_COLOR; never in a file written with -o, where
// terminal escapes (colours, the iTerm2 working-directory hint) would be noise in the text.
import { afterEach, describe, expect, it } from 'vitest';
import { catalog, lintSources } from '../src/index.ts';
import { toEslint } from '../src/format/results.ts';
import { formatters } from '../src/format/index.ts';

const BAD = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web\n';
const tty = process.stdout.isTTY;
const env = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR, CI: process.env.CI };

afterEach(() => {
  process.stdout.isTTY = tty;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function report(toFile: boolean): Promise<string> {
  const results = toEslint(await lintSources([{ path: 'bad.yaml', text: BAD }]), catalog);
  return formatters.stylish!(results, { catalog, cwd: process.cwd(), version: '0', toFile });
}

describe('stylish colour', () => {
  it('on a terminal: coloured; with NO_COLOR or into a file: no escape sequence at all', async () => {
    process.stdout.isTTY = true;
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;
    delete process.env.CI;
    expect(await report(false)).toContain('\x1b[');
    const file = await report(true);
    expect(file).not.toContain('\x1b');
    expect(file).toMatch(/bad\.yaml:4:24/);
    process.env.NO_COLOR = '1';
    expect(await report(false)).not.toContain('\x1b');
  });
});

describe('stylish counts', () => {
  it('info findings are counted as info, not as warnings, as the summary line and --max-warnings count them', async () => {
    const spec = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: web\n    Permissions:\n      - {Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0}\n';
    const results = toEslint(await lintSources([{ path: 'info.yaml', text: spec }]), catalog);
    expect(results[0]!.messages.map((m) => [m.ruleId, m.level])).toEqual([['egress-unrestricted', 'info']]);
    const text = (await formatters.stylish!(results, { catalog, cwd: process.cwd(), version: '0', toFile: true })) as string;
    expect(text).toMatch(/^. 1 problem \(0 errors, 0 warnings, 1 info\)$/m);
    expect(text).toMatch(/^Info:$/m);
    expect(text).not.toMatch(/^Warnings:$/m);
  });
});
