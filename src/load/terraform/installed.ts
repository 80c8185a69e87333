/**
 * Modules `terraform init` installed. The root module's `.terraform/modules/modules.json` lists each module
 * call by its path in the module tree (`Key`: `web`, `web.rules`), the source it was installed from and
 * the directory it is in (`Dir`, relative to the root module's directory). A registry, Git or HTTP module
 * installed there is read from disk like a local one; the check itself never downloads anything.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { mayRead, readRegularFile } from '../../util/io.ts';

const MANIFEST = join('.terraform', 'modules', 'modules.json');
/** A manifest is small (one short record a module); a larger file is not one. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

interface Manifest {
  root: string;
  /** Key → record. */
  records: Map<string, { source: string; dir: string; version?: string }>;
}

/**
 * Where a module call was installed, or, when what was installed is not what the call asks for (another
 * source, a version outside its constraint), what the manifest holds (`installed from "..."`).
 */
export type Installed = { dir: string } | { stale: string; manifest: string };

export class InstalledModules {
  /** Directory → the manifest in it (undefined: none). */
  private readonly at = new Map<string, Manifest | undefined>();
  /** Directory → the manifest of the nearest directory at or above it (undefined: none). */
  private readonly above = new Map<string, Manifest | undefined>();

  /**
   * @param roots the root modules' directories (the input's), whose manifests are searched first: a
   * module they call may live outside them (`envs/prod` calling `../../modules/app`).
   */
  constructor(private readonly roots: () => Iterable<string>) {}

  /**
   * The installed directory of module `name`, called with `source` from the module in `callerDir`:
   * undefined when no manifest of a root module, nor one above `callerDir`, lists that call.
   */
  find(callerDir: string, name: string, source: string, version?: string): Installed | undefined {
    const manifests = new Set([...this.roots()].map((r) => this.manifestAt(r)));
    manifests.add(this.nearest(callerDir));
    for (const m of manifests) {
      if (!m) continue;
      for (const [key, rec] of m.records) {
        const cut = key.lastIndexOf('.');
        if (key.slice(cut + 1) !== name) continue;
        const parentKey = cut < 0 ? '' : key.slice(0, cut);
        const parent = parentKey === '' ? '.' : m.records.get(parentKey)?.dir;
        if (parent === undefined || resolve(m.root, parent) !== callerDir) continue;
        // A directory removed since (a partial clean-up) is not installed: Terraform asks for `terraform init`.
        const manifest = join(m.root, MANIFEST);
        if (!sameSource(rec.source, source)) return { stale: `installed from "${rec.source}"`, manifest };
        // Terraform refuses to plan with a version the constraint no longer allows ("run terraform init").
        if (version !== undefined && rec.version !== undefined && allows(version, rec.version) === false) {
          return { stale: `installed at version ${rec.version}, which \`version = "${version}"\` does not allow`, manifest };
        }
        return existsSync(resolve(m.root, rec.dir)) ? { dir: resolve(m.root, rec.dir) } : undefined;
      }
    }
    return undefined;
  }

  private manifestAt(dir: string): Manifest | undefined {
    if (!this.at.has(dir)) {
      const file = join(dir, MANIFEST);
      this.at.set(dir, mayRead(dir) && existsSync(file) ? read(dir, file) : undefined);
    }
    return this.at.get(dir);
  }

  private nearest(dir: string): Manifest | undefined {
    if (this.above.has(dir)) return this.above.get(dir);
    const up = dirname(dir);
    const found = this.manifestAt(dir) ?? (up !== dir ? this.nearest(up) : undefined);
    this.above.set(dir, found);
    return found;
  }
}

/** Whether a module source is a local directory (`./x`, `../x`), read where it is rather than installed. */
export function isLocal(src: string): boolean {
  return src.startsWith('./') || src.startsWith('../') || src === '.' || src === '..';
}

/** The records of a manifest; undefined when it cannot be read or is not one (Terraform would reinstall). */
function read(root: string, file: string): Manifest | undefined {
  try {
    const doc: unknown = JSON.parse(readRegularFile(file, MAX_MANIFEST_BYTES).toString('utf8'));
    const list = (doc as { Modules?: unknown })?.Modules;
    if (!Array.isArray(list)) return undefined;
    const records = new Map<string, { source: string; dir: string; version?: string }>();
    for (const r of list as { Key?: unknown; Source?: unknown; Dir?: unknown; Version?: unknown }[]) {
      if (typeof r?.Key !== 'string' || typeof r.Dir !== 'string' || records.has(r.Key)) continue;
      records.set(r.Key, { source: typeof r.Source === 'string' ? r.Source : '', dir: r.Dir, ...(typeof r.Version === 'string' && r.Version ? { version: r.Version } : {}) });
    }
    return { root, records };
  } catch {
    return undefined;
  }
}

/**
 * Whether two ways of writing a source are the one Terraform installed. It records sources as its getter
 * normalised them: a registry source with its host (`registry.terraform.io/ns/name/provider`), GitHub and
 * Bitbucket shorthands as Git URLs (`github.com/o/r//sub?ref=v1` as `git::https://github.com/o/r.git//sub?ref=v1`,
 * `git@github.com:o/r.git` as `git::ssh://git@github.com/o/r.git`).
 */
function sameSource(recorded: string, written: string): boolean {
  return canonical(recorded) === canonical(written);
}

function canonical(source: string): string {
  return source
    .trim()
    .replace(/^registry\.terraform\.io\//i, '')
    .replace(/^git::/, '')
    .replace(/^(?:https?|ssh|git):\/\//, '')
    .replace(/^[^@/]+@([^:/]+):(?!\d)/, '$1/')
    .replace(/^[^@/]+@/, '')
    .replace(/\.git(?=\/\/|\?|$)/, '');
}

/** A version as numbers (`1.2.3` → [1, 2, 3]; missing parts 0), or undefined when not plain `N[.N[.N]]`. */
function parts(v: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/**
 * Whether a Terraform version constraint (`2.4.0`, `>= 2.0, < 3.0`, `~> 2.4`, `!= 2.5.1`) allows an
 * installed version; undefined when either is outside what is read here (pre-releases, build metadata,
 * an unknown operator): then nothing is claimed. `~>` lets only the rightmost part written grow
 * (`~> 2.4` is >= 2.4, < 3.0; `~> 2.4.1` is >= 2.4.1, < 2.5.0; `~> 2` is >= 2), as hashicorp/go-version reads it.
 */
export function allows(constraint: string, version: string): boolean | undefined {
  const have = parts(version);
  if (!have) return undefined;
  for (const c of constraint.split(',')) {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/.exec(c);
    const want = m ? parts(m[2]!) : undefined;
    if (!m || !want) return undefined;
    const d = compare(have, want);
    const written = m[2]!.replace(/^v/, '').split('.').length;
    let ok: boolean;
    switch (m[1] ?? '=') {
      case '=':
        ok = d === 0;
        break;
      case '!=':
        ok = d !== 0;
        break;
      case '>':
        ok = d > 0;
        break;
      case '>=':
        ok = d >= 0;
        break;
      case '<':
        ok = d < 0;
        break;
      case '<=':
        ok = d <= 0;
        break;
      default: {
        // ~>: at least the version written, with the parts before the rightmost one written unchanged.
        const upper = written === 2 ? [want[0]! + 1, 0, 0] : written === 3 ? [want[0]!, want[1]! + 1, 0] : undefined;
        ok = d >= 0 && (upper === undefined || compare(have, upper) < 0);
      }
    }
    if (!ok) return false;
  }
  return true;
}
