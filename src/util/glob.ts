/**
 * A small glob matcher for `/`-separated paths: `**` matches any number of whole segments (including
 * none), `*` any characters within a segment, `?` one character within a segment. Everything else is
 * literal. Used for config `ignore` patterns and waiver `paths` / `resources`.
 */
import { isAbsolute, relative } from 'node:path';

export function globToRegExp(pattern: string): RegExp {
  let p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p.endsWith('/')) p = p.slice(0, -1);
  // `dir/**` matches the directory itself too, so a walk need not enter it.
  let tail = '';
  if (p.endsWith('/**')) {
    p = p.slice(0, -3);
    tail = '(?:/.*)?';
  }
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      const atStart = i === 0 || p[i - 1] === '/';
      const atEnd = i + 2 === p.length || p[i + 2] === '/';
      if (atStart && atEnd) {
        // `**/` → zero or more segments; a trailing `**` → everything below.
        if (i + 2 === p.length) re += '.*';
        else {
          re += '(?:[^/]*/)*';
          i++; // the `/` after `**` is part of the group
        }
        i++;
        continue;
      }
      re += '[^/]*';
      i++;
      continue;
    }
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}${tail}$`);
}

const compiled = new Map<string, RegExp>();

/** Whether `path` matches `pattern`; each pattern is compiled once (waivers are tried on every finding). */
export function globMatch(pattern: string, path: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) compiled.set(pattern, (re = globToRegExp(pattern)));
  return re.test(path);
}

/**
 * `ignore` patterns → a predicate over absolute paths. Patterns are relative to `baseDir`; a pattern
 * without `/` (`*.tfvars`, `generated`) matches a file or directory of that name at any depth, like
 * .gitignore. A matching directory excludes everything below it. Paths outside `baseDir` never match.
 */
export function ignoreMatcher(patterns: readonly string[], baseDir: string): (abs: string) => boolean {
  const anchored: RegExp[] = [];
  const anywhere: RegExp[] = [];
  for (const raw of patterns) {
    const p = normalize(raw);
    if (p.startsWith('/')) anchored.push(globToRegExp(p.slice(1)));
    else if (p.includes('/')) anchored.push(globToRegExp(p));
    else anywhere.push(globToRegExp(p));
  }
  return (abs: string): boolean => {
    const rel = relative(baseDir, abs).split('\\').join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return false;
    const segments = rel.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      if (anchored.some((r) => r.test(prefix))) return true;
      if (anywhere.some((r) => r.test(segments[i - 1]!))) return true;
    }
    return false;
  };
}

function normalize(pattern: string): string {
  return pattern.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
}

/**
 * The directory (relative to baseDir, `/`-separated, '' for baseDir itself) that holds every path an
 * `ignoreMatcher` pattern matches: its segments before the first with a wildcard; baseDir for a pattern
 * without `/`, which matches at any depth.
 */
export function patternRoot(pattern: string): string {
  const p = normalize(pattern);
  if (!p.includes('/')) return '';
  const segments = p.replace(/^\//, '').split('/');
  const fixed = segments.findIndex((s) => /[*?[{]/.test(s));
  return segments.slice(0, fixed < 0 ? segments.length : fixed).join('/');
}

/**
 * Whether an `ignoreMatcher` pattern may match a path in the directory `dir` (relative to baseDir,
 * `/`-separated), or the directory itself: its segments match the directory's as far as both go (`**`
 * matches any). A pattern without `/` may, when it names one of the directory's segments.
 */
export function mayMatchBelow(pattern: string, dir: string): boolean {
  const p = normalize(pattern);
  const dirSegs = dir.split('/').filter(Boolean);
  if (!p.includes('/')) return dirSegs.some((d) => globToRegExp(p).test(d));
  const segs = p.replace(/^\//, '').split('/');
  for (let i = 0; i < dirSegs.length; i++) {
    const seg = segs[i];
    if (seg === undefined) return true; // the pattern matched a directory above: everything below it
    if (seg === '**') return true;
    if (!globToRegExp(seg).test(dirSegs[i]!)) return false;
  }
  return true;
}
