/**
 * The loader registry. Document loaders are tried in order on every parsed YAML/JSON document (first
 * claim wins); set loaders take whole groups of files and are imported only when such a file is present.
 */
import type { DocLoader, SetLoader } from './loader.ts';
import { rosLoader } from './ros.ts';
import { isPlan } from './terraform/plan-claims.ts';
import { ignoredByTerraform } from './terraform/syntax.ts';
import { specLoader } from './spec.ts';

// A plan is claimed cheaply here; its loader (and the Terraform mapping it shares) loads only for a plan.
const planLoader: DocLoader = {
  id: 'terraform-plan',
  claims: isPlan,
  load: async (doc, file, ctx) => (await import('./terraform/plan.ts')).planLoader.load(doc, file, ctx),
};

export const docLoaders: DocLoader[] = [rosLoader, planLoader, specLoader];

/**
 * Keys the document loaders claim a document by. A file that does not parse is taken for an input when
 * what could be read of it is claimed, or when its text names one of these: its syntax error is then a
 * finding. Otherwise (JSONC editor settings, templated YAML) it is skipped with a note.
 */
export const INPUT_KEYS = /\b(?:securityGroups|RegionId|ROSTemplateFormatVersion|planned_values|resource_changes)\b/;

export interface LazySetLoader {
  id: string;
  matches(path: string): boolean;
  /** Why a file it matches is not read (the tool it is written for does not load it); undefined to read it. */
  skips?(path: string): string | undefined;
  get(): Promise<SetLoader>;
}

export const setLoaders: LazySetLoader[] = [
  {
    id: 'terraform',
    matches: (p) => /\.tf$|\.tf\.json$|\.tfvars$|\.tfvars\.json$/.test(p),
    skips: ignoredByTerraform,
    get: async () => (await import('./terraform/index.ts')).terraformLoader,
  },
];
