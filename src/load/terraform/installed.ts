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
  records: Map<string, { source: string; dir: string }>;
}

/** Where a module call was installed, or the source the manifest holds for it when another was installed. */
export type Installed = { dir: string } | { stale: string; manifest: string };

export class InstalledModules {
  /** Directory → the manifest of the nearest root module at or above it (undefined: none). */
  private readonly byDir = new Map<string, Manifest | undefined>();

  /**
   * The installed directory of module `name`, called with `source` from the module in `callerDir`:
   * undefined when no manifest above `callerDir` lists that call.
   */
  find(callerDir: string, name: string, source: string): Installed | undefined {
    const m = this.manifest(callerDir);
    if (!m) return undefined;
    for (const [key, rec] of m.records) {
      const cut = key.lastIndexOf('.');
      if (key.slice(cut + 1) !== name) continue;
      const parentKey = cut < 0 ? '' : key.slice(0, cut);
      const parent = parentKey === '' ? '.' : m.records.get(parentKey)?.dir;
      if (parent === undefined || resolve(m.root, parent) !== callerDir) continue;
      // A directory removed since (a partial clean-up) is not installed: Terraform asks for `terraform init`.
      if (sameSource(rec.source, source)) return existsSync(resolve(m.root, rec.dir)) ? { dir: resolve(m.root, rec.dir) } : undefined;
      return { stale: rec.source, manifest: join(m.root, MANIFEST) };
    }
    return undefined;
  }

  private manifest(dir: string): Manifest | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: Manifest | undefined;
    const file = join(dir, MANIFEST);
    if (mayRead(dir) && existsSync(file)) found = read(dir, file);
    else {
      const up = dirname(dir);
      if (up !== dir) found = this.manifest(up);
    }
    this.byDir.set(dir, found);
    return found;
  }
}

/** The records of a manifest; undefined when it cannot be read or is not one (Terraform would reinstall). */
function read(root: string, file: string): Manifest | undefined {
  try {
    const doc: unknown = JSON.parse(readRegularFile(file, MAX_MANIFEST_BYTES).toString('utf8'));
    const list = (doc as { Modules?: unknown })?.Modules;
    if (!Array.isArray(list)) return undefined;
    const records = new Map<string, { source: string; dir: string }>();
    for (const r of list as { Key?: unknown; Source?: unknown; Dir?: unknown }[]) {
      if (typeof r?.Key !== 'string' || typeof r.Dir !== 'string' || records.has(r.Key)) continue;
      records.set(r.Key, { source: typeof r.Source === 'string' ? r.Source : '', dir: r.Dir });
    }
    return { root, records };
  } catch {
    return undefined;
  }
}

/** Terraform records a registry source with its host (`registry.terraform.io/ns/name/provider`). */
function sameSource(recorded: string, written: string): boolean {
  const bare = (s: string): string => s.replace(/^registry\.terraform\.io\//i, '');
  return bare(recorded) === bare(written);
}
