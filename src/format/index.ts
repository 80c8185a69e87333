/** Output formats: pure functions from results to text. */
import type { EslintResult } from './results.ts';
import { formatCompact, formatJson } from './results.ts';
import type { Rule } from '../engine/rule.ts';

export interface FormatContext {
  catalog: Rule[];
  cwd: string;
  version: string;
}

/** A formatter may load its code on demand (stylish pulls in a code-frame renderer only when used). */
export const formatters: Record<string, (results: EslintResult[], ctx: FormatContext) => string | Promise<string>> = {
  stylish: async (r) => (await import('./stylish.ts')).formatStylish(r),
  json: (r) => formatJson(r),
  compact: (r) => formatCompact(r),
};
