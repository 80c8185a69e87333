/** Library entry: lint in-memory sources or paths with the full catalog. */
import { catalog } from '../rules/index.ts';
import { lint } from './engine/lint.ts';
import { displayPath } from './util/paths.ts';
import { discover } from './load/discover.ts';
import { ignoreMatcher } from './util/glob.ts';
import type { LintInput, LintResult, Prerequisites } from './engine/lint.ts';
import type { Config } from './engine/config.ts';
import { loadPrerequisites } from './ram/index.ts';
import { FileTooLarge, ioReason, readRegularFile } from './util/io.ts';

export { catalog };
export type { LintInput, LintResult };
export type { Finding, Rule } from './engine/rule.ts';
export type { Config } from './engine/config.ts';

/** Hooks run before linking (RAM policies, inventories named by the config). */
export const prerequisites: Prerequisites[] = [loadPrerequisites];

export function lintSources(inputs: LintInput[], config: Partial<Config> = {}): Promise<LintResult> {
  return lint(inputs, config, { catalog, prerequisites });
}

/** Files larger than this are not read unless the configuration's `maxFileBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Lint files and directories: discovery, reading (bounded by maxFileBytes), then lint. `extra`: inputs
 * that are not files of the paths (standard input), checked with them; `standsFor`: the path of a file
 * of the walk that one of them replaces (`--stdin-filepath`: an editor's unsaved buffer), not read.
 */
export async function lintPaths(
  paths: string[],
  config: Partial<Config> = {},
  cwd = process.cwd(),
  extra: LintInput[] = [],
  standsFor?: string,
): Promise<LintResult & { missing: { path: string; reason: string }[]; notWalked: string[]; ignored: string[] }> {
  const max = config.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const isIgnored = config.isIgnored ?? (config.ignore?.length ? ignoreMatcher(config.ignore, config.baseDir ?? cwd) : undefined);
  const found = discover(paths, cwd, isIgnored);
  const inputs: LintInput[] = [];
  for (const abs of found.files) {
    const path = displayPath(abs, cwd);
    if (path === standsFor) continue;
    try {
      inputs.push({ path, abs, bytes: readRegularFile(abs, max) });
    } catch (e) {
      inputs.push({
        path,
        abs,
        unreadable:
          e instanceof FileTooLarge
            ? { rule: 'file-too-large', message: `${path} is ${e.size} bytes; files over ${max} bytes (maxFileBytes) are not read` }
            : { rule: 'file-unreadable', message: `cannot read ${path}: ${ioReason(e)}` },
      });
    }
  }
  for (const s of found.skipped) inputs.push({ path: displayPath(s.path, cwd), abs: s.path, skipped: s.reason });
  for (const u of found.unreadable) {
    const path = displayPath(u.path, cwd);
    inputs.push({ path, abs: u.path, unreadable: { rule: 'file-unreadable', message: `cannot read ${path}: ${u.reason}` } });
  }
  // Standard input under its default name may meet a file of that name: each keeps its own findings.
  const taken = new Set(inputs.map((i) => i.path));
  const others = extra.map((e) => (e.path !== standsFor && taken.has(e.path) ? { ...e, path: e.path.replace(/(\.[^./]+)?$/, ' (standard input)$1') } : e));
  const result = await lintSources([...inputs, ...others], { ...config, ...(isIgnored ? { isIgnored } : {}), walked: found.walked, unwalked: [...found.notWalked, ...found.ignored] });
  return { ...result, missing: found.missing, notWalked: found.notWalked.map((d) => displayPath(d, cwd)), ignored: found.ignored.map((d) => displayPath(d, cwd)) };
}
