/** Output formats: pure functions from results to text. */
import type { EslintResult } from './results.ts';
import { formatCompact, formatJson } from './results.ts';
import { formatStylish } from './stylish.ts';
import type { Rule } from '../engine/rule.ts';

export interface FormatContext {
  catalog: Rule[];
  cwd: string;
  version: string;
}

export const formatters: Record<string, (results: EslintResult[], ctx: FormatContext) => string> = {
  stylish: (r) => formatStylish(r),
  json: (r) => formatJson(r),
  compact: (r) => formatCompact(r),
};
