/**
 * The door to the YAML and JSON parsers for code that runs on every start. The fast paths (fast.ts) read
 * most texts; the full parsers (parse.ts, with the `yaml` and `jsonc-parser` libraries) are loaded only when
 * a text needs them, so a run that never does, such as a one-file check of a plain spec, does not compile
 * those libraries. The asynchronous readers load them on demand; synchronous code (rules, suppressions)
 * uses the `*Sync` readers after its asynchronous caller made sure, with `fullParsers()`, that they are there.
 */
import { fastJson, fastYaml } from './fast.ts';
import type { Parsed } from './parse.ts';

type Full = typeof import('./parse.ts');
let full: Full | undefined;

/** Loads the full parsers (once). */
export async function fullParsers(): Promise<Full> {
  return (full ??= await import('./parse.ts'));
}

/** The full parsers, which must have been loaded by `fullParsers()`. */
export function loadedParsers(): Full {
  if (!full) throw new Error('internal: the full YAML/JSON parsers were needed before they were loaded');
  return full;
}

/** YAML text → trees (the fast path, else the full parser, loaded when first needed). */
export async function readYaml(file: string, text: string): Promise<Parsed> {
  return fastYaml(file, text) ?? (await fullParsers()).parseYamlFully(file, text);
}

/** JSON text → trees (the fast path, else the full parser, loaded when first needed). */
export async function readJson(file: string, text: string): Promise<Parsed> {
  return fastJson(file, text) ?? (await fullParsers()).parseJsonFully(file, text);
}

const isJson = (file: string): boolean => /\.json$/i.test(file);

/** YAML or JSON by the file name (`.json` is JSON, anything else YAML). */
export function readDocument(file: string, text: string): Promise<Parsed> {
  return isJson(file) ? readJson(file, text) : readYaml(file, text);
}

/** As readDocument, synchronously (the full parsers must be loaded if the fast path gives up). */
export function readDocumentSync(file: string, text: string): Parsed {
  return isJson(file) ? readJsonSync(file, text) : readYamlSync(file, text);
}

/** YAML text → trees, synchronously: the fast path, else the full parser, which must be loaded. */
export function readYamlSync(file: string, text: string): Parsed {
  return fastYaml(file, text) ?? loadedParsers().parseYamlFully(file, text);
}

/** JSON text → trees, synchronously: the fast path, else the full parser, which must be loaded. */
export function readJsonSync(file: string, text: string): Parsed {
  return fastJson(file, text) ?? loadedParsers().parseJsonFully(file, text);
}
