// The bundles as shipped: action.yml runs dist/action.js on node24; the CLI's module graph never
// reaches @actions/core (and its HTTP client, undici), which only the Action loads, on demand.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { bundle, root } from './bundle.ts';

/** Files reachable from an entry through `import ... from "./x.js"` (and `import("./x.js")` when dynamic). */
function graph(entry: string, dynamic: boolean): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const re = dynamic ? /(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g : /(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g;
    for (const m of code.matchAll(re)) visit(resolve(dirname(file), m[1]!));
  };
  visit(entry);
  return [...seen];
}

const mentions = (files: string[], word: string) => files.filter((f) => readFileSync(f, 'utf8').includes(word));

describe('bundles', () => {
  it('action.yml runs the committed Action bundle on node24, and the build writes it', () => {
    const meta = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(existsSync(join(bundle(), 'action.js'))).toBe(true);
    expect(Object.keys(meta.inputs).sort()).toEqual(['annotations', 'baseline', 'config', 'fail-on', 'format', 'inline-suppressions', 'only-changed', 'paths', 'sarif-file']);
    expect(Object.keys(meta.outputs).sort()).toEqual(['errors', 'sarif-file', 'warnings']);
    expect(meta.inputs.paths.default).toBe('.');
    expect(meta.inputs.annotations.default).toBe('true');
  });

  it('the CLI never loads @actions/core: no statically imported chunk contains undici; the Action reaches it', () => {
    const dist = bundle();
    const cli = graph(join(dist, 'cli.js'), false);
    expect(cli.length).toBeGreaterThan(1);
    expect(mentions(cli, 'undici')).toEqual([]);
    // The same probe finds it from the Action's entry (dynamic import), so the check above can fail.
    expect(mentions(graph(join(dist, 'action.js'), true), 'undici').length).toBeGreaterThan(0);
    expect(mentions(graph(join(dist, 'action.js'), false), 'undici')).toEqual([]);
  });
});
