// Text from the checked files in human output: escaped, never a line of its own nor a GitHub workflow
// command (`::name::` at the start of a line, `##[name]` anywhere); JSON and SARIF keep it exact.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundle, tree } from './action/bundle.ts';

/** A group name with line breaks, workflow commands, a bell, an escape sequence, C1 NEL and a literal `\n`. */
const EVIL = '1web\n::add-mask::secret\r::warning file=x::pwned\u2028##[stop-commands]tok\u0007\u001b[31m\u0085\\n';
const spec = (names: string[]) => JSON.stringify({ securityGroups: names.map((n) => ({ RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1opxu1zkhn00gzv1234', SecurityGroupName: n })) });
const BAD_WITH_COMMENT = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web # ##[add-mask]frame\n';

/** 14 errors: more than GitHub annotates, in files whose names are workflow commands too. */
const hostile = () =>
  tree({
    'evil.json': spec(Array.from({ length: 12 }, (_, i) => `${EVIL}${i}`)),
    '::warning::pwned.yaml': BAD_WITH_COMMENT,
    'x\n::error::injected.yaml': BAD_WITH_COMMENT,
  });

const sglint = (args: string[], cwd: string) => spawnSync(process.execPath, [join(bundle(), 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

/** Our own workflow commands: the annotations and the closing notice of `--format github`. */
const OURS = /^::(error|warning|notice) file=[^:]*::|^::notice::sglint: /;
/** Control characters (but the line feed that ends lines), line and paragraph separators. */
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/;

function expectInert(text: string): void {
  for (const line of text.split('\n')) {
    if (!OURS.test(line)) expect(line).not.toMatch(/^\s*::/);
    expect(line).not.toMatch(RAW);
    expect(line).not.toContain('##[');
  }
}

describe('text from the files in human output', () => {
  it.each(['stylish', 'compact', 'github'])('%s: escaped, no line starts a workflow command', (format) => {
    const r = sglint(['-f', format, '.'], hostile());
    expect(r.status).toBe(1);
    expectInert(r.stdout);
    expect(r.stdout + r.stderr).toMatch(/ 14 error\(s\)/);
    // Escaped, not dropped: the backslash of the literal `\n` is doubled, so it differs from a line feed.
    expect(r.stdout).toContain(String.raw`1web\n::add-mask::secret\r::warning file=x::pwned\u2028##\u005bstop-commands]tok\u0007\u001b[31m\u0085\\n0`);
  });

  it('github: the findings past the 10 annotations are printed escaped too', () => {
    const lines = sglint(['-f', 'github', '.'], hostile()).stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    const plain = lines.filter((l) => !OURS.test(l));
    expect(plain).toHaveLength(4);
    for (const l of plain) expect(l).toMatch(/^(evil\.json|x\\n::error::injected\.yaml):\d+:\d+: error InvalidSecurityGroupName\.Malformed SecurityGroupName `1web/);
    expect(plain.filter((l) => l.includes(String.raw`1web\n::add-mask::secret`))).toHaveLength(3);
  });

  it('json and sarif keep the exact text, with no `##[` in the output', () => {
    const dir = hostile();
    const json = sglint(['-f', 'json', 'evil.json'], dir);
    expect(json.stdout).not.toContain('##[');
    const messages = (JSON.parse(json.stdout) as { messages: { message: string }[] }[])[0]!.messages.map((m) => m.message);
    expect(messages[0]).toContain(`\`${EVIL}0\``);
    const sarif = sglint(['-f', 'sarif', 'evil.json'], dir);
    expect(sarif.stdout).not.toContain('##[');
    expect((JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]!.results[0]!.message.text).toContain(`\`${EVIL}0\``);
  });

  it('problems with a config file, on standard error, are escaped as well', () => {
    const dir = tree({ '.sglint.yaml': 'rules:\n  "x\\n::add-mask::secret##[stop-commands]t": error\n', 'a.yaml': BAD_WITH_COMMENT });
    const r = sglint(['a.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sglint: /);
    expectInert(r.stderr);
  });
});

describe('long values', () => {
  it('a value quoted in a message is clipped with its length; a long resource name too, in human output', () => {
    const big = 'x'.repeat(50_000);
    const dir = tree({
      'big.json': JSON.stringify({ securityGroups: [{ RegionId: 'cn-hangzhou', VpcId: `vpc_${big}`, SecurityGroupName: `1${big}`, Description: big, Tag: [{ Key: `acs:${big}`, Value: 'v' }] }] }),
      'ros.json': JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', Resources: { [`R${big}`]: { Type: 'ALIYUN::ECS::SecurityGroup', Properties: { SecurityGroupName: '1web', VpcId: 'vpc-bp1opxu1zkhn00gzv1234' } } } }),
    });
    const json = sglint(['-f', 'json', 'big.json'], dir);
    const messages = (JSON.parse(json.stdout) as { messages: { ruleId: string; message: string }[] }[])[0]!.messages;
    expect(messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['name-malformed', 'vpc-id-malformed', 'description-malformed', 'tag-key-malformed']));
    for (const m of messages) expect(m.message.length, m.ruleId).toBeLessThan(300);
    const echoed = messages.filter((m) => m.message.includes('…'));
    expect(echoed.map((m) => m.ruleId).sort()).toEqual(['name-malformed', 'tag-key-malformed', 'vpc-id-malformed']);
    for (const m of echoed) expect(m.message).toMatch(/` \(500\d\d characters\)/);
    // The annotation line ends with `in <resource>`: a 50,000-character ROS logical id is clipped there.
    const gh = sglint(['-f', 'github', 'ros.json'], dir);
    const lines = gh.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error .*\(name-malformed\)::.* in Resources\.Rx+… \(50011 characters\)%0AFix: /);
    for (const l of lines) expect(l.length).toBeLessThan(1000);
  });
});
