// The Action's bundle run as GitHub runs it: `node action.js` with INPUT_* (hyphens kept, upper case),
// GITHUB_WORKSPACE, a pull_request event payload, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT, on fixture
// workspaces (a temporary git repository with two commits for only-changed).
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BAD, GOOD, bundle, tree } from './bundle.ts';

const CAP = join(import.meta.dirname, '..', 'fixtures', 'action', 'cap');

interface Run {
  status: number | null;
  stdout: string;
  /** Parsed workflow commands: `::level k=v,...::message`. */
  commands: { level: string; props: Record<string, string>; message: string }[];
  outputs: Record<string, string>;
  summary: string;
}

function unescape(s: string): string {
  return s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}): Run {
  const io = mkdtempSync(join(tmpdir(), 'sglint-io-'));
  const summaryFile = join(io, 'summary.md');
  const outputFile = join(io, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')) base[k] = v;
  const r = spawnSync(process.execPath, [join(bundle(), 'action.js')], {
    cwd: workspace,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...base,
      FORCE_COLOR: '0',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...env,
    },
  });
  const commands = r.stdout
    .split('\n')
    .map((l) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      level: m[1]!,
      props: Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))])),
      message: unescape(m[3]!),
    }));
  // GITHUB_OUTPUT holds `name<<delimiter\nvalue\ndelimiter` blocks.
  const outputs: Record<string, string> = {};
  const text = readFileSync(outputFile, 'utf8');
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  return { status: r.status, stdout: r.stdout + r.stderr, commands, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

/** A repository whose base commit has sg/old.yaml (bad) and whose head commit adds sg/new.yaml (bad). */
function pullRequestRepo(): { dir: string; base: string; head: string; event: string } {
  const dir = tree({ 'sg/old.yaml': BAD, 'sg/ok.yaml': GOOD });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(join(dir, 'sg', 'new.yaml'), `# added by the pull request\n${BAD}`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'head');
  const head = git(dir, 'rev-parse', 'HEAD');
  const event = join(mkdtempSync(join(tmpdir(), 'sglint-event-')), 'event.json');
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } }));
  return { dir, base, head, event };
}

describe('GitHub Action bundle', () => {
  it('on a pull request with only-changed: annotates the changed file only, writes summary, outputs, SARIF; exit 1', () => {
    const pr = pullRequestRepo();
    const r = runAction(
      pr.dir,
      { paths: 'sg', 'only-changed': 'true', 'sarif-file': 'out/sglint.sarif', 'fail-on': 'error' },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pr.event, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'f'.repeat(40) },
    );
    expect(r.status).toBe(1);
    const errors = r.commands.filter((c) => c.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.props).toEqual({ file: 'sg/new.yaml', line: '5', endLine: '5', col: '24', endColumn: '28', title: 'InvalidSecurityGroupName.Malformed (name-malformed)' });
    expect(r.outputs.errors).toBe('1');
    expect(r.outputs.warnings).toBe('0');
    expect(r.outputs['sarif-file']).toBe(join(pr.dir, 'out', 'sglint.sarif'));
    // The summary lists the finding with a link to the head commit, and counts the one outside the PR.
    expect(r.summary).toContain(`<a href="https://github.com/o/r/blob/${pr.head}/sg/new.yaml#L5">sg/new.yaml:5</a>`);
    expect(r.summary).not.toContain('sg/old.yaml');
    expect(r.summary).toMatch(/1 more finding\(s\) are in files this pull request does not change/);
    // SARIF keeps every finding (code scanning would otherwise close the old file's alert).
    const sarif = JSON.parse(readFileSync(join(pr.dir, 'out', 'sglint.sarif'), 'utf8'));
    const uris = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort();
    expect(uris).toEqual(['sg/new.yaml', 'sg/old.yaml']);
  });

  it('a repository checked out into a subdirectory of the workspace (checkout `path:`): paths relative to it, only-changed diffs it', () => {
    const pr = pullRequestRepo();
    const workspace = mkdtempSync(join(tmpdir(), 'sglint-ws-'));
    git(pr.dir, 'remote', 'add', 'origin', 'https://github.com/o/r');
    renameSync(pr.dir, join(workspace, 'repo'));
    writeFileSync(join(workspace, 'loose.yaml'), BAD); // beside the repository, in no repository: never changed
    const r = runAction(
      workspace,
      { paths: 'repo/sg\nloose.yaml', 'only-changed': 'true', 'sarif-file': 'out/sglint.sarif' },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pr.event, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' },
    );
    expect(r.status).toBe(1);
    expect(r.commands.filter((c) => c.level === 'error').map((c) => [c.props.file, c.props.line, c.props.col])).toEqual([['sg/new.yaml', '5', '24']]);
    expect(r.outputs.errors).toBe('1');
    expect(r.summary).toContain(`<a href="https://github.com/o/r/blob/${pr.head}/sg/new.yaml#L5">sg/new.yaml:5</a>`);
    expect(r.summary).toMatch(/2 more finding\(s\) are in files this pull request does not change/);
    const sarif = JSON.parse(readFileSync(join(workspace, 'out', 'sglint.sarif'), 'utf8'));
    const uris = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort();
    expect(uris).toEqual(['loose.yaml', 'sg/new.yaml', 'sg/old.yaml']);
  });

  it('another repository checked out inside the workflow\'s (shared modules): its paths stay relative to the workspace, never naming the workflow repository\'s files', () => {
    const pr = pullRequestRepo();
    git(pr.dir, 'remote', 'add', 'origin', 'https://github.com/o/r.git');
    const shared = tree({ 'sg/new.yaml': BAD });
    git(shared, 'init', '-q', '-b', 'main');
    git(shared, 'remote', 'add', 'origin', 'https://github.com/o/shared-modules');
    renameSync(shared, join(pr.dir, 'shared'));
    const r = runAction(pr.dir, { paths: 'sg\nshared', 'sarif-file': 'out/sglint.sarif' }, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' });
    expect(r.status).toBe(1);
    expect(r.commands.filter((c) => c.level === 'error').map((c) => [c.props.file, c.props.line]).sort()).toEqual([
      ['sg/new.yaml', '5'],
      ['sg/old.yaml', '4'],
      ['shared/sg/new.yaml', '4'],
    ]);
    const sarif = JSON.parse(readFileSync(join(pr.dir, 'out', 'sglint.sarif'), 'utf8'));
    const uris = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation.uri).sort();
    expect(uris).toEqual(['sg/new.yaml', 'sg/old.yaml', 'shared/sg/new.yaml']);
  });

  it('only-changed keeps a finding placed in an unchanged file about a resource in a changed one (a variable\'s default)', () => {
    const dir = tree({ 'infra/variables.tf': 'variable "name" {\n  default = "1web"\n}\n', 'infra/main.tf': 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    const base = git(dir, 'rev-parse', 'HEAD');
    writeFileSync(join(dir, 'infra', 'main.tf'), 'resource "alicloud_security_group" "web" {\n  security_group_name = var.name\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n');
    git(dir, 'commit', '-q', '-am', 'head');
    const head = git(dir, 'rev-parse', 'HEAD');
    const event = join(mkdtempSync(join(tmpdir(), 'sglint-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: head } } }));
    const r = runAction(dir, { 'only-changed': 'true', format: 'compact' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, ALICLOUD_REGION: 'cn-hangzhou' });
    expect(r.status).toBe(1);
    expect(r.commands.filter((c) => c.level === 'error').map((c) => [c.props.file, c.props.line, c.props.col])).toEqual([['infra/variables.tf', '2', '13']]);
    expect(r.outputs.errors).toBe('1');
  });

  it('only-changed falls back to every file, with a notice, when git cannot see the base commit', () => {
    const pr = pullRequestRepo();
    const event = join(mkdtempSync(join(tmpdir(), 'sglint-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: 'a'.repeat(40) }, head: { sha: pr.head } } }));
    const r = runAction(pr.dir, { paths: 'sg', 'only-changed': 'true' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(r.status).toBe(1);
    expect(r.commands.filter((c) => c.level === 'error').map((c) => c.props.file).sort()).toEqual(['sg/new.yaml', 'sg/old.yaml']);
    expect(r.commands.some((c) => c.level === 'notice' && /only-changed: git could not list/.test(c.message))).toBe(true);
    expect(r.outputs.errors).toBe('2');
  });

  it('caps annotations at 10 per level, most important first, and says where the rest are', () => {
    const r = runAction(tree({}, CAP), { paths: '.', 'sarif-file': 'sglint.sarif' });
    expect(r.status).toBe(1);
    const errors = r.commands.filter((c) => c.level === 'error');
    const warnings = r.commands.filter((c) => c.level === 'warning');
    const notices = r.commands.filter((c) => c.level === 'notice');
    // 13 errors: the 10 shown are API-error rule findings; the input check (spec-shape) comes after them.
    expect(errors).toHaveLength(10);
    expect(errors.map((c) => [c.props.file, c.props.line, c.props.col, c.props.title])).toEqual(
      [5, 8, 11, 14, 17, 20, 23, 26, 29, 32].map((l) => ['sg/many.yaml', String(l), '24', 'InvalidSecurityGroupName.Malformed (name-malformed)']),
    );
    // Warnings: the API-error rule (group-type-case) before the input check, although it is on a later line.
    expect(warnings.map((c) => [c.props.line, c.props.col, c.props.title])).toEqual([
      ['6', '24', 'InvalidParams.GroupType (group-type-case)'],
      ['4', '5', 'spec-unknown-key'],
    ]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/3 more finding\(s\).*3 error\(s\)/);
    expect(notices[0]!.message).toMatch(/job summary/);
    expect(notices[0]!.message).toMatch(/sglint\.sarif/);
    // The summary has a row for every finding, including those past the cap, and counts per code.
    const rows = [...r.summary.matchAll(/<tr><td><code>(sg\/[\w-]+\.yaml:\d+)<\/code><\/td><td>([^<]*)/g)].map((m) => [m[1], m[2]!.trim()]);
    expect(rows).toHaveLength(15);
    expect(rows).toContainEqual(['sg/many.yaml:38', 'InvalidSecurityGroupName.Malformed (']);
    expect(rows).toContainEqual(['sg/a-shape.yaml:3', '— (']);
    expect(r.summary).toMatch(/<td>InvalidSecurityGroupName\.Malformed<\/td><td><code>name-malformed<\/code><\/td><td>error<\/td><td>12<\/td>/);
    expect(r.outputs).toMatchObject({ errors: '13', warnings: '2' });
  });

  it('the job summary stays within GitHub\'s 1 MiB limit with thousands of findings, and counts the rows it leaves out', () => {
    // Long paths and values: 2,400 rows of about 700 bytes would be 1.6 MiB, and GitHub would drop the whole summary.
    const dir = 'infrastructure/security-groups/production/cn-hangzhou/platform-team/service-subdirectory';
    const group = (i: number) => `  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: 1web-${'x'.repeat(70)}-${i}\n`;
    const files: Record<string, string> = {};
    for (let f = 0; f < 48; f++) files[`${dir}/spec-${f}-with-a-descriptive-name.yaml`] = `securityGroups:\n${Array.from({ length: 50 }, (_, i) => group(i)).join('')}`;
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/infra', GITHUB_SHA: 'a'.repeat(40) };
    const r = runAction(tree(files), { paths: '.', format: 'compact' }, env);
    expect(r.status).toBe(1);
    const total = Number(r.outputs.errors) + Number(r.outputs.warnings);
    expect(total).toBeGreaterThanOrEqual(2400);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    const listed = r.summary.match(/<tr><td><a href=/g)?.length ?? 0;
    expect(listed).toBeGreaterThan(1000);
    expect(listed).toBeLessThan(total);
    expect(r.summary).toContain(`</table>\n<p>${total - listed} `);
  });

  it('a job summary cut at its size limit lists the errors first, whatever files they are in', () => {
    const dir = 'infrastructure/security-groups/production/cn-hangzhou/platform-team/service-subdirectory';
    const group = (i: number, bad: boolean) =>
      `  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: ${bad ? '1' : ''}web-${'x'.repeat(70)}-${i}\n` + (bad ? '' : '    SecurityGroupType: Normal\n');
    const files: Record<string, string> = {};
    // Warnings in the files listed first, errors in the last ones.
    for (let f = 0; f < 44; f++) files[`${dir}/a-spec-${f}.yaml`] = `securityGroups:\n${Array.from({ length: 50 }, (_, i) => group(i, false)).join('')}`;
    for (let f = 0; f < 6; f++) files[`${dir}/z-spec-${f}.yaml`] = `securityGroups:\n${Array.from({ length: 50 }, (_, i) => group(i, true)).join('')}`;
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/infra', GITHUB_SHA: 'a'.repeat(40) };
    const r = runAction(tree(files), { paths: '.', format: 'compact' }, env);
    expect(Number(r.outputs.errors)).toBe(300);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    const listed = [...r.summary.matchAll(/<tr><td><a href=.*?<\/td><td>[^<]*\(<code>[^<]*<\/code>\)<\/td><td>(\w+)<\/td>/g)].map((m) => m[1]);
    expect(listed.length).toBeLessThan(300 + Number(r.outputs.warnings));
    expect(listed.filter((l) => l === 'error').length).toBe(300);
    // Rows stay in file order: the errors (z-spec files) come after the warnings listed.
    expect(listed.indexOf('error')).toBe(listed.length - 300);
  });

  it('fail-on: never passes with errors; warning fails on warnings alone; a clean workspace passes', () => {
    const bad = tree({ 'sg.yaml': BAD });
    expect(runAction(bad, { 'fail-on': 'never' }).status).toBe(0);
    const warnOnly = tree({ 'sg.yaml': 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupType: Normal\n' });
    const w = runAction(warnOnly, { 'fail-on': 'warning' });
    expect(w.status).toBe(1);
    expect(w.commands.map((c) => [c.level, c.props.title])).toEqual([['warning', 'InvalidParams.GroupType (group-type-case)']]);
    expect(runAction(warnOnly, { 'fail-on': 'error' }).status).toBe(0);
    const good = runAction(tree({ 'sg.yaml': GOOD }), {});
    expect(good.status).toBe(0);
    expect(good.commands).toEqual([]);
    expect(good.outputs).toMatchObject({ errors: '0', warnings: '0', 'sarif-file': '' });
    expect(good.summary).toMatch(/1 file\(s\) checked: <b>0<\/b> error/);
  });

  it('annotations: false prints no annotation; format github makes the annotations the report', () => {
    const dir = tree({ 'sg.yaml': BAD });
    const off = runAction(dir, { annotations: 'false', format: 'compact' });
    expect(off.commands).toEqual([]);
    expect(off.stdout).toMatch(/^sg\.yaml:4:24: error InvalidSecurityGroupName\.Malformed /m);
    expect(off.status).toBe(1);
    const gh = runAction(dir, { format: 'github' });
    expect(gh.commands.filter((c) => c.level === 'error')).toHaveLength(1);
  });

  it('annotations: false wins over format github: no annotations, the findings are still in the log', () => {
    const r = runAction(tree({ 'sg.yaml': BAD }), { annotations: 'false', format: 'github' });
    expect(r.commands).toEqual([]);
    expect(r.stdout).toMatch(/^sg\.yaml:4:24: error InvalidSecurityGroupName\.Malformed /m);
    expect(r.status).toBe(1);
    // only-changed's fallback notice is a log line then, not an annotation.
    const pr = pullRequestRepo();
    const off = runAction(pr.dir, { paths: 'sg', annotations: 'false', 'only-changed': 'true' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(pr.dir, 'no-event.json') });
    expect(off.commands).toEqual([]);
    expect(off.stdout).toMatch(/only-changed/);
  });

  it('paths: one per line when the value has several lines (a path may hold spaces); one line is split at spaces', () => {
    const dir = tree({ 'my sg/a.yaml': BAD, 'b.yaml': BAD, 'c.yaml': BAD, 'd.yaml': GOOD });
    const files = (r: Run) => r.commands.filter((c) => c.level === 'error').map((c) => c.props.file).sort();
    const lines = runAction(dir, { paths: 'my sg/a.yaml\n  b.yaml  \n\n' });
    expect(lines.status).toBe(1);
    expect(files(lines)).toEqual(['b.yaml', 'my sg/a.yaml']);
    // A block scalar with one line (`paths: |`) ends with a line break: one path, spaces and all.
    expect(files(runAction(dir, { paths: 'my sg/a.yaml\n' }))).toEqual(['my sg/a.yaml']);
    expect(files(runAction(dir, { paths: 'b.yaml c.yaml d.yaml' }))).toEqual(['b.yaml', 'c.yaml']);
  });

  it('a path in paths that does not exist is one input error naming it as written, not a configuration problem', () => {
    const dir = tree({ 'sg.yaml': BAD });
    const r = runAction(dir, { paths: 'sg.yaml\nsg/missing.yaml\n' });
    expect(r.status).toBe(2);
    expect(r.commands.map((c) => c.level)).toEqual(['error']);
    expect(r.commands[0]!.message).toContain('sg/missing.yaml');
    expect(r.commands[0]!.message).not.toContain(dir);
    expect(r.commands[0]!.props.title).not.toBe('sglint configuration');
  });

  it('refuses paths outside the workspace, also through a symbolic link, and bad inputs, with exit 2', () => {
    const dir = tree({ 'sg.yaml': BAD });
    const outside = tree({ 'x.yaml': BAD });
    symlinkSync(outside, join(dir, 'link'));
    const outsideInputs: Record<string, string>[] = [{ paths: `../${outside.split('/').pop()}` }, { paths: outside }, { paths: 'link' }, { paths: 'sg.yaml', config: '/etc/passwd' }];
    for (const inputs of outsideInputs) {
      const r = runAction(dir, inputs);
      expect(r.status, JSON.stringify(inputs)).toBe(2);
      expect(r.commands).toHaveLength(1);
      expect(r.commands[0]!.level).toBe('error');
      expect(r.commands[0]!.message).toMatch(/outside the workspace/);
    }
    const badInputs: Record<string, string>[] = [{ 'fail-on': 'sometimes' }, { annotations: 'yes' }, { format: 'xml' }, { paths: 'missing.yaml' }, { 'sarif-file': join(outside, 'x.sarif') }];
    for (const inputs of badInputs) {
      const r = runAction(dir, inputs);
      expect(r.status, JSON.stringify(inputs)).toBe(2);
      expect(r.commands.map((c) => c.level)).toEqual(['error']);
    }
  });

  it('format gitlab is refused (exit 2, one error naming the input), every other format is printed', () => {
    const dir = tree({ 'sg.yaml': BAD });
    const r = runAction(dir, { format: 'gitlab' });
    expect(r.status).toBe(2);
    expect(r.commands.map((c) => c.level)).toEqual(['error']);
    expect(r.commands[0]!.message).toMatch(/^sglint: input format: "gitlab"/);
    expect(r.stdout).not.toContain('"check_name"');
    expect(r.outputs).toEqual({});
    for (const format of ['stylish', 'compact', 'json', 'sarif', 'github']) expect(runAction(dir, { format }).status, format).toBe(1);
  });

  it('a symbolic link in the workspace that leads outside it is skipped with a note, never read or printed', () => {
    const outside = tree({ 'secret.yaml': BAD.replace('1web', '1topsecret') });
    const dir = tree({ 'sg/ok.yaml': GOOD });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'sg', 'leak.yaml'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    const r = runAction(dir, { paths: '.', format: 'stylish' });
    expect(r.status).toBe(0);
    expect(r.commands).toEqual([]);
    expect(r.stdout).not.toContain('1topsecret');
    expect(r.summary).not.toContain('1topsecret');
    expect(r.stdout).toMatch(/^sglint: skipped sg\/leak\.yaml: /m);
    expect(r.stdout).toMatch(/^sglint: skipped elsewhere: /m);
  });

  it('a Terraform module outside the workspace is not read nor printed: a note at its source says so', () => {
    const outside = tree({ 'mod/main.tf': 'resource "alicloud_security_group" "g" {\n  security_group_name = "1topsecret"\n  vpc_id = "vpc-bp1opxu1zkhn00gzv1234"\n}\n' });
    const dir = tree({});
    writeFileSync(join(dir, 'main.tf'), `module "m" {\n  source = "${relative(dir, join(outside, 'mod'))}"\n}\n`);
    const r = runAction(dir, { paths: '.', format: 'stylish' });
    expect(r.stdout).not.toContain('1topsecret');
    expect(r.summary).not.toContain('1topsecret');
    expect(r.commands.map((c) => [c.level, c.props.title, c.props.file, c.props.line, c.props.col])).toEqual([['notice', 'terraform-module-not-followed', 'main.tf', '2', '12']]);
    expect(r.commands[0]!.message).toMatch(/outside the workspace/);
    expect(r.status).toBe(0);
  });

  it('reads the config file like the CLI (input config or .sglint.yaml); a bad one is annotated where it is, exit 2', () => {
    const dir = tree({ 'sg.yaml': BAD, 'ci/sglint.yaml': 'rules:\n  name-malformed: warning\n', '.sglint.yaml': 'rules:\n  name-malformed: off\n' });
    const viaInput = runAction(dir, { paths: 'sg.yaml', config: 'ci/sglint.yaml' });
    expect(viaInput.status).toBe(0);
    expect(viaInput.commands.map((c) => [c.level, c.props.title])).toEqual([['warning', 'InvalidSecurityGroupName.Malformed (name-malformed)']]);
    const found = runAction(dir, { paths: 'sg.yaml' });
    expect(found.status).toBe(0);
    expect(found.commands).toEqual([]);
    const broken = tree({ 'sg.yaml': BAD, '.sglint.yaml': 'rules:\n  name-malformd: off\n' });
    const r = runAction(broken, {});
    expect(r.status).toBe(2);
    expect(r.commands).toHaveLength(1);
    expect(r.commands[0]!.props).toMatchObject({ file: '.sglint.yaml', line: '2', col: '3', title: 'sglint configuration' });
  });

  it('annotations and summary links name the real file, whatever characters its name holds', () => {
    const r = runAction(tree({ 'win\\path.yaml': BAD }), { format: 'compact' }, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc123' });
    expect(r.commands.map((c) => c.props.file)).toEqual(['win\\path.yaml']);
    expect(r.summary).toContain('href="https://github.com/o/r/blob/abc123/win%5Cpath.yaml#L4"');
  });

  it('the config search stops at the workspace: a .sglint.yaml above it, in a checkout without .git, is not looked for', () => {
    const parent = tree({ '.sglint.yaml': 'rules:\n  name-malformed: off\n', 'ws/sg.yaml': BAD });
    const r = runAction(join(parent, 'ws'), { format: 'compact' });
    expect(r.status).toBe(1);
    expect(r.commands.map((c) => [c.level, c.props.title, c.props.file])).toEqual([['error', 'InvalidSecurityGroupName.Malformed (name-malformed)', 'sg.yaml']]);
  });

  it('sarif-file may also go to RUNNER_TEMP, outside the workspace', () => {
    const temp = mkdtempSync(join(tmpdir(), 'sglint-runner-temp-'));
    const r = runAction(tree({ 'sg.yaml': BAD }), { 'sarif-file': join(temp, 'sglint.sarif') }, { RUNNER_TEMP: temp });
    expect(r.status).toBe(1);
    expect(r.outputs['sarif-file']).toBe(join(temp, 'sglint.sarif'));
    expect(JSON.parse(readFileSync(join(temp, 'sglint.sarif'), 'utf8')).runs[0].results[0].ruleId).toBe('name-malformed');
    // The summary names it by its own path, not one relative to the workspace (`../../_temp/...`).
    expect(r.summary).toContain(`SARIF written to <code>${join(temp, 'sglint.sarif')}</code>`);
    // Values the message quotes in backticks are code in the summary's HTML.
    expect(r.summary).toContain('SecurityGroupName <code>1web</code>');
  });

  it('a sarif-file that cannot be written: exit 2, one error naming the file and the reason', () => {
    const r = runAction(tree({ 'sg.yaml': BAD }), { 'sarif-file': 'sg.yaml/sglint.sarif' });
    expect(r.status).toBe(2);
    expect(r.commands.map((c) => c.level)).toEqual(['error']);
    expect(r.commands[0]!.message).toMatch(/^sglint: input sarif-file: cannot write sg\.yaml\/sglint\.sarif: [a-z]/);
    expect(r.commands[0]!.message).not.toMatch(/internal error|\bE[A-Z]{3,}\b/);
  });

  it('text from the files is escaped in the log, the annotations and the job summary: no line is a workflow command', () => {
    const raw = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]/;
    const group = (i: number) => `  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: "1web\\n::add-mask::secret\\r\\n\\n<img src=x>##[stop-commands]t\\a${i}"\n`;
    const dir = tree({ 'evil.yaml': `securityGroups:\n${Array.from({ length: 12 }, (_, i) => group(i)).join('')}`, '.sglint.yaml': '' });
    const r = runAction(dir, { format: 'compact' });
    expect(r.status).toBe(1);
    for (const line of r.stdout.split('\n')) {
      if (!/^::(error|warning|notice|group|endgroup)[ :]/.test(line)) expect(line).not.toMatch(/^\s*::/);
      expect(line).not.toMatch(raw);
      expect(line).not.toContain('##[');
    }
    const errors = r.commands.filter((c) => c.level === 'error');
    expect(errors).toHaveLength(10);
    for (const c of errors) {
      const message = c.message.split('\nFix: ')[0]!;
      expect(message).not.toMatch(raw);
      expect(message).toContain(String.raw`1web\n::add-mask::secret\r\n\n<img src=x>##\u005bstop-commands]t\u0007`);
    }
    // Every finding is a row of the summary's table, which stays on one line: no value ends the HTML block.
    const rows = r.summary.split('\n').filter((l) => l.includes('add-mask'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.match(/<tr>/g)).toHaveLength(1 + 12);
    expect(rows[0]).not.toMatch(raw);
    expect(rows[0]).not.toContain('<img');

    // A file name is text from the repository too: the note that skips it is escaped.
    const named = runAction(tree({ 'x\n::error title=Injected::fake\n::stop-commands::t\n.yaml': 'foo: [unclosed\n', 'sg.yaml': BAD }), { format: 'compact' });
    expect(named.stdout).toMatch(/^sglint: skipped x\\n::error title=Injected::fake\\n::stop-commands::t\\n\.yaml: /m);
    expect(named.stdout).not.toMatch(/^::stop-commands/m);
    expect(named.commands.filter((c) => c.props.title === 'Injected')).toEqual([]);

    const config = runAction(tree({ 'sg.yaml': BAD, '.sglint.yaml': 'rules:\n  "x\\n::add-mask::secret\\a": off\n' }), {});
    expect(config.status).toBe(2);
    expect(config.commands).toHaveLength(1);
    expect(config.commands[0]!.message).not.toMatch(raw);
  });

  it('inputs and payload values are data, never shell: metacharacters in a path or a commit id run nothing', () => {
    const pr = pullRequestRepo();
    writeFileSync(join(pr.dir, 'sg', '$(id>pwned);x.yaml'), BAD);
    const event = join(mkdtempSync(join(tmpdir(), 'sglint-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: `${pr.base};touch pwned2` }, head: { sha: '$(touch pwned3)' } } }));
    const r = runAction(pr.dir, { paths: 'sg/$(id>pwned);x.yaml', 'only-changed': 'true' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    expect(r.status).toBe(1);
    expect(r.commands.filter((c) => c.level === 'error').map((c) => c.props.file)).toEqual(['sg/$(id>pwned);x.yaml']);
    expect(r.commands.some((c) => c.level === 'notice' && /names no pull_request base and head commits/.test(c.message))).toBe(true);
    for (const f of ['pwned', 'pwned2', 'pwned3']) expect(() => readFileSync(join(pr.dir, f))).toThrow();
  });
});

describe('baseline and audits', () => {
  it('the baseline input reports only new findings; inline-suppressions false ignores sglint-ignore comments', () => {
    const ws = tree({ 'sg/old.yaml': BAD });
    const cli = join(bundle(), 'cli.js');
    execFileSync(process.execPath, [cli, '--write-baseline', '.sglint-baseline.json', 'sg'], { cwd: ws, encoding: 'utf8' });
    writeFileSync(join(ws, 'sg', 'new.yaml'), BAD);
    const r = runAction(ws, { paths: 'sg', baseline: '.sglint-baseline.json' });
    const errors = r.commands.filter((c) => c.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((c) => c.props.file))).toEqual(new Set(['sg/new.yaml']));
    expect(r.status).toBe(1);

    const suppressed = tree({ 'a.yaml': BAD.replace(/^(\s*)SecurityGroupName:/m, '$1# sglint-ignore name-malformed reason="kept for now"\n$1SecurityGroupName:') });
    expect(runAction(suppressed, { paths: '.' }).commands.filter((c) => c.props.title?.includes('name-malformed'))).toEqual([]);
    expect(runAction(suppressed, { paths: '.', 'inline-suppressions': 'false' }).commands.filter((c) => c.props.title?.includes('name-malformed')).length).toBe(1);
  });
});
