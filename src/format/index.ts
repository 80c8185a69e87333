/** Output formats: pure functions from results to text. */
import type { EslintResult } from './results.ts';
import { formatCompact, formatJson } from './results.ts';
import { formatGithub } from './github.ts';
import { forDisplay } from './display.ts';
import type { Rule } from '../engine/rule.ts';
import type { RootOf } from '../util/paths.ts';

export interface FormatContext {
  catalog: Rule[];
  cwd: string;
  version: string;
  /** Repository root that SARIF and GitHub paths are relative to (one, or one per file); default: the git root above cwd, else cwd. */
  root?: RootOf;
  /** The report goes to a file (`-o`), not to the terminal. */
  toFile?: boolean;
  /** Where a format says what its report cannot do (the CLI: standard error). */
  warn?: (message: string) => void;
}

type Formatter = (results: EslintResult[], ctx: FormatContext) => string | Promise<string>;

/** The human formats show text from the files escaped (forDisplay); JSON and SARIF keep it exact. */
const human =
  (f: Formatter): Formatter =>
  (r, ctx) =>
    f(forDisplay(r), ctx);

/**
 * A formatter may load its code on demand: stylish pulls in a code-frame renderer only when there is a
 * message to show (with none its output is empty and the summary line says it all).
 */
export const formatters: Record<string, Formatter> = {
  stylish: human(async (r, ctx) => (r.some((x) => x.messages.length > 0) ? (await import('./stylish.ts')).formatStylish(r, ctx.toFile) : '')),
  json: (r) => formatJson(r),
  compact: human((r) => formatCompact(r)),
  // SARIF fingerprints hash with node:crypto, which costs a one-file run a few ms to load.
  sarif: async (r, ctx) => (await import('./sarif.ts')).formatSarif(r, ctx),
  // Annotations need the real path (see forDisplay).
  github: (r, ctx) => formatGithub(forDisplay(r, false), ctx),
  // GitLab Code Quality: exact text, as JSON and SARIF; node:crypto loaded on demand, as for SARIF.
  gitlab: async (r, ctx) => (await import('./gitlab.ts')).formatGitlab(r, ctx),
};
