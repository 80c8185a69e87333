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
}

export function discover(paths: string[], cwd = process.cwd(), isIgnored: (abs: string) => boolean = () => false): Discovered {
  const out: Discovered = { files: [], missing: [], unreadable: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (abs: string) => {
    if (!seenFiles.has(abs)) {
      seenFiles.add(abs);
      out.files.push(abs);
    }
  };
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
      } else if (st.isFile() && CANDIDATE.test(name)) {
        addFile(abs);
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
    if (st.isDirectory()) walk(abs);
    else addFile(abs);
  }
  return out;
}
