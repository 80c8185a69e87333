/**
 * The loader contract. Loaders are the only format-aware code: each turns files into model objects
 * whose fields are positioned trees, and reports input problems (unknown keys, deprecated attributes)
 * through the catalog like any rule.
 */
import type { Model } from '../model.ts';
import type { Tree } from './tree.ts';
import type { Config } from '../engine/config.ts';
import type { Report } from '../engine/rule.ts';

export interface SourceFile {
  /** Path as shown to the user: relative to the working directory, `/`-separated. */
  path: string;
  /** Absolute path. */
  abs: string;
  text: string;
}

export interface LoadContext {
  config: Config;
  /** Report an input problem under a catalog rule id. */
  report(ruleId: string, r: Report): void;
  /** Read another file (a variable file, a local module); undefined with a reported problem when unreadable. */
  readFile?(abs: string): SourceFile | undefined;
  /**
   * The absolute directories of the Terraform configuration files of the input: a plan in one of them is
   * a plan of the configuration checked with it, whose resources it names (terraform/plan.ts).
   */
  terraformDirs?: ReadonlySet<string>;
}

/**
 * What the ids of the model objects read from one document of a file start with (their keys, and the
 * `ref` of values that refer to them): each document has its own, as resources of one name in two
 * documents are two resources.
 */
export function documentKey(file: SourceFile, document: number): string {
  return document === 0 ? `${file.path}#` : `${file.path}#${document}#`;
}

/** A loader for one parsed YAML/JSON document, chosen by content. */
export interface DocLoader {
  id: string;
  /** True when this document is this loader's format (checked in catalog order; first claim wins). */
  claims(doc: Tree, file: SourceFile): boolean;
  /** `document`: the document's place among the file's documents (a YAML file may hold several), from 0. */
  load(doc: Tree, file: SourceFile, ctx: LoadContext, document: number): Partial<Model> | Promise<Partial<Model>>;
}

/** A loader that reads a set of files together (a Terraform module is a directory of files). */
export interface SetLoader {
  id: string;
  /** True for file names this loader takes (`.tf`, `.tf.json`, `.tfvars`...). */
  matches(path: string): boolean;
  load(files: SourceFile[], ctx: LoadContext): Promise<Partial<Model>>;
}
