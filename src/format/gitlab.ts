/**
 * GitLab Code Quality (`--format gitlab`): the Code Climate issue fields GitLab reads from a job's
 * `artifacts: reports: codequality:` file: description, check_name, fingerprint, severity and a location
 * with a repository-relative path and lines. The fingerprint is SARIF's line-content hash joined with the
 * path, without line numbers: moving code does not make its findings new in the merge request widget.
 */
import { createHash } from 'node:crypto';
import type { EslintResult } from './results.ts';
import { repoPath, rootOf } from './github.ts';
import { fingerprint } from './sarif.ts';
import { jsonText } from './display.ts';
import type { RootOf } from '../util/paths.ts';

/** GitLab's scale is info, minor, major, critical, blocker; an API error ranks above advice. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export function formatGitlab(results: EslintResult[], ctx: { cwd: string; root?: RootOf }): string {
  const root = ctx.root ?? rootOf(ctx.cwd);
  const issues = [];
  for (const r of results) {
    const path = repoPath(r.filePath, ctx.cwd, root);
    const lines = r.source?.split(/\r\n|\r|\n/);
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const begin = Math.max(1, m.line);
      issues.push({
        type: 'issue',
        description: `${m.errorCode ? `${m.errorCode}: ` : ''}${m.message}`,
        check_name: m.ruleId,
        fingerprint: createHash('sha256').update(`${path}\0${fingerprint(m, lines, seen)}`).digest('hex').slice(0, 32),
        severity: SEVERITY[m.level],
        location: { path, lines: { begin, end: Math.max(begin, m.endLine) } },
      });
    }
  }
  return jsonText(issues) + '\n';
}
