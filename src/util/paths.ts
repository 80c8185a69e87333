/** Path helpers shared by discovery, the config search, `--init` and the Action. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** True when `p` is `root` or below it (both absolute; no symbolic links are resolved here). */
export function within(root: string, p: string): boolean {
  return below(root, p) !== undefined;
}

/**
 * `p` relative to `root`, `/`-separated, when `p` is `root` (the empty string) or below it; undefined when
 * outside. A name that merely starts with two dots (`..old.yaml`) is inside.
 */
export function below(root: string, p: string): string | undefined {
  const rel = relative(root, p);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** A path as the user should see it: relative to the working directory when inside it, `/`-separated. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = below(cwd, abs);
  return rel === '' ? '.' : (rel ?? abs.split(sep).join('/'));
}

/**
 * `start` and its parent directories, nearest first, up to the repository root (the first directory
 * holding `.git`, a directory or, in worktrees and submodules, a file) or the file-system root.
 */
export function* upToRepoRoot(start: string): Generator<string> {
  let dir = resolve(start);
  for (;;) {
    yield dir;
    if (existsSync(join(dir, '.git'))) return;
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/** The repository root holding `start` (the nearest directory upward with `.git`), or undefined. */
export function repoRoot(start: string): string | undefined {
  let last: string | undefined;
  for (const dir of upToRepoRoot(start)) last = dir;
  return last !== undefined && existsSync(join(last, '.git')) ? last : undefined;
}

/** Where the paths of findings are made relative to: one directory, or a directory chosen per file. */
export type RootOf = string | ((abs: string) => string);

/**
 * The repository root of each file below `top`: the nearest directory at or above the file that holds
 * `.git` and that `counts` (by default every one), never above `top`; `top` itself when there is none.
 * A repository checked out into a subdirectory of the workspace (actions/checkout with `path:`) is its
 * own root, and GitHub places annotations by paths relative to it. Looked up once per directory.
 */
export function repoRootsBelow(top: string, counts: (dir: string) => boolean = () => true): (abs: string) => string {
  const topAbs = resolve(top);
  const cache = new Map<string, string>();
  const rootOf = (dir: string): string => {
    const hit = cache.get(dir);
    if (hit !== undefined) return hit;
    const up = dirname(dir);
    const root = dir === topAbs || up === dir || !within(topAbs, dir) ? topAbs : existsSync(join(dir, '.git')) && counts(dir) ? dir : rootOf(up);
    cache.set(dir, root);
    return root;
  };
  return (abs) => rootOf(dirname(resolve(topAbs, abs)));
}
