/**
 * Paths → the files to check. Directories are walked (skipping VCS, dependency and tool folders, and
 * symlink loops); every path given is either returned, or reported as a problem. Symbolic links are
 * followed only while they stay inside the directory being walked: one that leads outside it is
 * reported as skipped, so a walk never reads (or prints) files from elsewhere on the machine.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ioReason, notRegularReason } from '../util/io.ts';
import { within } from '../util/paths.ts';

export const CANDIDATE = /\.(ya?ml|json|tf|tfvars)$/i;
/** Version-control metadata: never walked, and not worth a note. */
const VCS_DIRS = new Set(['.git', '.hg', '.svn']);
/** Dependency, build and tool output: not walked unless named as a path; each one met is listed in a note. */
export const DEFAULT_SKIPPED_DIRS: readonly string[] = ['node_modules', '.terraform', 'dist', 'coverage', '.venv', '__pycache__'];
const SKIP_DIRS = new Set<string>([...VCS_DIRS, ...DEFAULT_SKIPPED_DIRS]);

export interface Discovered {
  files: string[];
  /** The directories named, walked in full. */
  walked: string[];
  /** Paths the user named that do not exist: a usage error (exit 2). */
  missing: { path: string; reason: string }[];
  /** Paths named, or entries met while walking, that could not be read: reported as findings, the run goes on. */
  unreadable: { path: string; reason: string }[];
  /** Files and directories not checked, with the reason to show: they are counted as skipped. */
  skipped: { path: string; reason: string }[];
  /** Directories met in walks and not entered because of their name (DEFAULT_SKIPPED_DIRS). */
  notWalked: string[];
  /** Directories and candidate files met in walks and left out because they match an `ignore` pattern. */
  ignored: string[];
}

export function discover(paths: string[], cwd = process.cwd(), isIgnored: (abs: string) => boolean = () => false): Discovered {
  const out: Discovered = { files: [], walked: [], missing: [], unreadable: [], skipped: [], notWalked: [], ignored: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (abs: string) => {
    if (!seenFiles.has(abs)) {
      seenFiles.add(abs);
      out.files.push(abs);
    }
  };
  /** Walks `dir`, part of the tree of the directory the user named (`root`, its real path; `given`, as written). */
  const walk = (dir: string, root: string, given: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      out.unreadable.push({ path: dir, reason: ioReason(e) });
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      out.unreadable.push({ path: dir, reason: ioReason(e) });
      return;
    }
    for (const name of entries) {
      const abs = join(dir, name);
      let st;
      let outside = false;
      try {
        st = lstatSync(abs);
        if (st.isSymbolicLink()) {
          st = statSync(abs);
          outside = !within(root, realpathSync(abs));
        }
      } catch (e) {
        // A link that leads nowhere: ignored as the configuration says; failed when it has the name of an
        // input (sg.yaml), skipped with a note otherwise (`latest -> /build/out` may have been a directory).
        if (isIgnored(abs)) out.ignored.push(abs);
        else if (st?.isSymbolicLink() && !CANDIDATE.test(name)) out.skipped.push({ path: abs, reason: `a symbolic link to ${readlinkSync(abs)}, which cannot be followed (${ioReason(e)}); not read` });
        else out.unreadable.push({ path: abs, reason: ioReason(e) });
        continue;
      }
      if ((st.isDirectory() || CANDIDATE.test(name)) && !VCS_DIRS.has(name) && isIgnored(abs)) {
        out.ignored.push(abs);
        continue;
      }
      const leaves = () => out.skipped.push({ path: abs, reason: `a symbolic link to ${readlinkSync(abs)}, outside the directory being checked (${given}); not followed` });
      if (st.isDirectory()) {
        if (SKIP_DIRS.has(name)) {
          if (!VCS_DIRS.has(name)) out.notWalked.push(abs);
        } else if (outside) leaves();
        else walk(abs, root, given);
      } else if (CANDIDATE.test(name)) {
        if (outside) leaves();
        else if (st.isFile()) addFile(abs);
        else out.skipped.push({ path: abs, reason: `${notRegularReason(st)}; not read` });
      }
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    let root: string;
    try {
      st = statSync(abs);
      root = realpathSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') out.missing.push({ path: p, reason: ioReason(e) });
      else out.unreadable.push({ path: abs, reason: ioReason(e) });
      continue;
    }
    // A path named explicitly is ignored as the walk would ignore it (pre-commit names every staged file).
    if (isIgnored(abs)) out.skipped.push({ path: abs, reason: 'matches an `ignore` pattern of the configuration' });
    else if (st.isDirectory()) {
      out.walked.push(abs);
      walk(abs, root, p);
    } else addFile(abs);
  }
  // A directory one walk does not enter but another path names is walked after all.
  out.notWalked = out.notWalked.filter((d) => !out.walked.includes(d));
  return out;
}
