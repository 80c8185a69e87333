/**
 * GitLab Code Quality (`--format gitlab`): the Code Climate issue fields GitLab reads from a job's
 * `artifacts: reports: codequality:` file: description, check_name, fingerprint, severity and a location
 * with a repository-relative path and lines. The fingerprint is SARIF's line-content hash joined with the
 * path, without line numbers: moving code does not make its findings new in the merge request widget.
 */
import { createHash } from 'node:crypto';
import type { EslintResult } from './results.ts';
import { isAbsolute, relative, sep } from 'node:path';
import { rootFor, rootOf } from './github.ts';
import { fingerprint } from './sarif.ts';
import { jsonText } from './display.ts';
import { below } from '../util/paths.ts';
import type { RootOf } from '../util/paths.ts';

/** GitLab's scale is info, minor, major, critical, blocker; an API error ranks above advice. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/**
 * A file's path relative to the repository root, `/`-separated; of a file outside the root (a module
 * `source = "../shared"` beside the checkout) with `..` steps, so that its findings' fingerprints stay
 * the same from one runner's build directory to the next; absolute only when no relative path leads
 * there (another drive).
 */
function gitlabPath(filePath: string, cwd: string, root: RootOf): { path: string; outside: boolean } {
  const { abs, dir } = rootFor(filePath, cwd, root);
  const inside = below(dir, abs);
  if (inside !== undefined) return { path: inside, outside: false };
  const rel = relative(dir, abs);
  return { path: (isAbsolute(rel) ? abs : rel).split(sep).join('/'), outside: true };
}

export function formatGitlab(results: EslintResult[], ctx: { cwd: string; root?: RootOf; warn?: (message: string) => void }): string {
  const root = ctx.root ?? rootOf(ctx.cwd);
  const issues = [];
  const outside: string[] = [];
  for (const r of results) {
    const { path, outside: out } = gitlabPath(r.filePath, ctx.cwd, root);
    if (out && r.messages.length > 0) outside.push(path);
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
  if (outside.length > 0) {
    const at = typeof root === 'string' ? ` ${root.split(sep).join('/')}` : '';
    const shown = `${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', ...' : ''}`;
    ctx.warn?.(`sglint: findings in ${outside.length} file(s) outside the repository root${at} (${shown}): GitLab cannot link them to a file of the merge request (the report gives their paths relative to the root); to have them placed, check those files in their own repository's pipeline`);
  }
  return jsonText(issues) + '\n';
}
