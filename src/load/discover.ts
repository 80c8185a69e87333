/**
 * Paths → the files to check. Directories are walked (skipping VCS, dependency and tool folders, and
 * symlink loops); every path given is either returned, or reported as a problem.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ioReason } from '../util/io.ts';

export const CANDIDATE = /\.(ya?ml|json|tf|tfvars)$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', '.terraform', '.hg', '.svn', 'dist', 'coverage', '.venv', '__pycache__']);

export interface Discovered {
  files: string[];
  /** Paths the user named that do not exist: a usage error (exit 2). */
  missing: { path: string; reason: string }[];
  /** Paths named, or entries met while walking, that could not be read: reported as findings, the run goes on. */
  unreadable: { path: string; reason: string }[];
  /** Named pipes, sockets and devices met while walking, under a name that would be checked: skipped, not read. */
  special: string[];
}

export function discover(paths: string[], cwd = process.cwd(), isIgnored: (abs: string) => boolean = () => false): Discovered {
  const out: Discovered = { files: [], missing: [], unreadable: [], special: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const add = (list: string[], abs: string) => {
    if (!seenFiles.has(abs)) {
      seenFiles.add(abs);
      list.push(abs);
    }
  };
  const addFile = (abs: string) => add(out.files, abs);
  const walk = (dir: string) => {
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
      if (isIgnored(abs)) continue;
      let st;
      try {
        st = lstatSync(abs);
        if (st.isSymbolicLink()) st = statSync(abs);
      } catch (e) {
        out.unreadable.push({ path: abs, reason: ioReason(e) });
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(abs);
      } else if (CANDIDATE.test(name)) {
        if (st.isFile()) addFile(abs);
        else add(out.special, abs);
      }
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') out.missing.push({ path: p, reason: ioReason(e) });
      else out.unreadable.push({ path: abs, reason: ioReason(e) });
      continue;
    }
    // A named file that is not a regular one (a pipe, a device) is refused when read, with its reason.
    if (st.isDirectory()) walk(abs);
    else addFile(abs);
  }
  return out;
}
