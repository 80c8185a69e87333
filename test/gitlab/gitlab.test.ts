// GitLab Code Quality output (`--format gitlab`): the fields GitLab reads from a codequality report
// (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"): description, check_name,
// fingerprint, severity (info, minor, major, critical, blocker) and location.path / location.lines.begin,
// with paths relative to the repository root and fingerprints that survive moving code.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { catalog, lintPaths } from '../../src/index.ts';
import { toEslint } from '../../src/format/results.ts';
import { formatters } from '../../src/format/index.ts';
import { BAD, tree } from '../action/bundle.ts';
import { cliInProcess } from '../helpers.ts';

const ISSUE = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', pattern: '^[^/]' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true }).compile(ISSUE);

interface Issue {
  check_name: string;
  fingerprint: string;
  severity: string;
  description: string;
  location: { path: string; lines: { begin: number; end: number } };
}

async function report(files: Record<string, string>, sub = ''): Promise<Issue[]> {
  const dir = tree(files);
  mkdirSync(join(dir, '.git'));
  const cwd = join(dir, sub);
  const results = toEslint(await lintPaths(['.'], {}, cwd), catalog);
  return JSON.parse(await formatters.gitlab!(results, { catalog, cwd, version: '0' })) as Issue[];
}

// A malformed name (error) and an SSH port open to anywhere (warning).
const MIXED = `${BAD}    Permissions:\n      - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 0.0.0.0/0}\n`;

describe('GitLab Code Quality format', () => {
  it('one issue per finding: rule id, severity by level, repository-relative path and lines', async () => {
    const issues = await report({ 'infra/sg/web.yaml': MIXED }, 'infra');
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.location.lines.end])).toEqual([
      ['name-malformed', 'major', 'infra/sg/web.yaml', 4, 4],
      ['exposed-port', 'minor', 'infra/sg/web.yaml', 6, 6],
    ]);
    expect(issues[0]!.description.startsWith('InvalidSecurityGroupName.Malformed: ')).toBe(true);
    expect(validate([{ ...issues[0], severity: 'error' }])).toBe(false);
  });

  it('fingerprints are unique per finding and do not change when the code moves', async () => {
    const twice = `${MIXED}  - RegionId: cn-hangzhou\n    SecurityGroupName: 1web\n`;
    const before = await report({ 'a.yaml': twice, 'b.yaml': twice });
    expect(before).toHaveLength(6);
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(6);
    const after = await report({ 'a.yaml': `# moved down\n\n${twice}`, 'b.yaml': twice });
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
    expect(after.map((i) => i.location.lines.begin)).not.toEqual(before.map((i) => i.location.lines.begin));
  });

  it('an empty report is an empty list', async () => {
    expect(await report({ 'ok.yaml': 'securityGroups: []\n' })).toEqual([]);
  });

  // A file outside the repository (a shared module checked out beside it): GitLab cannot link it either
  // way; a path relative to the root keeps the runner's build directory out of the path and fingerprint.
  it('a file outside the repository root: a path with .. steps, the same fingerprints from any build directory, one warning', async () => {
    const run = async () => {
      const dir = tree({ 'project/sg/ok.yaml': 'securityGroups: []\n', 'shared/web.yaml': MIXED });
      mkdirSync(join(dir, 'project', '.git'));
      const cwd = join(dir, 'project');
      const results = toEslint(await lintPaths(['.', '../shared/web.yaml'], {}, cwd), catalog);
      const warnings: string[] = [];
      const issues = JSON.parse(await formatters.gitlab!(results, { catalog, cwd, version: '0', warn: (m) => warnings.push(m) })) as Issue[];
      return { issues, warnings };
    };
    const first = await run();
    const second = await run();
    expect(validate(first.issues), JSON.stringify(validate.errors)).toBe(true);
    expect(first.issues.map((i) => [i.check_name, i.location.path, i.location.lines.begin])).toEqual([
      ['name-malformed', '../shared/web.yaml', 4],
      ['exposed-port', '../shared/web.yaml', 6],
    ]);
    expect(second.issues.map((i) => i.fingerprint)).toEqual(first.issues.map((i) => i.fingerprint));
    expect(first.warnings).toHaveLength(1);
    expect(first.warnings[0]).toContain('../shared/web.yaml');
  });

  it('the CLI prints that warning on standard error, the report intact on standard output', async () => {
    const dir = tree({ 'project/ok.yaml': 'securityGroups: []\n', 'shared/web.yaml': MIXED });
    mkdirSync(join(dir, 'project', '.git'));
    const r = await cliInProcess(['--format', 'gitlab', '.', '../shared/web.yaml'], join(dir, 'project'));
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Issue[]).map((i) => i.location.path)).toEqual(['../shared/web.yaml', '../shared/web.yaml']);
    expect(r.stderr.split('\n').filter((l) => l.includes('../shared/web.yaml'))).toHaveLength(1);
  });

  it('files inside the root give no warning', async () => {
    const dir = tree({ 'sg/web.yaml': MIXED });
    mkdirSync(join(dir, '.git'));
    const warnings: string[] = [];
    await formatters.gitlab!(toEslint(await lintPaths(['.'], {}, dir), catalog), { catalog, cwd: dir, version: '0', warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
  });
});
