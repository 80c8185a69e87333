/** The default terminal output: eslint-formatter-friendly, with the API error code beside the rule id. */
import friendly from 'eslint-formatter-friendly';
import type { EslintResult } from './results.ts';
import { shownId } from './results.ts';

export function formatStylish(results: EslintResult[]): string {
  process.env.EFF_NO_LINK_RULES = 'true';
  const input = results
    .filter((r) => r.messages.length > 0)
    .map((r) => ({
      filePath: r.filePath,
      source: r.source || ' ',
      errorCount: r.errorCount,
      warningCount: r.warningCount + r.infoCount,
      messages: r.messages.map((m) => ({
        ...m,
        ruleId: shownId(m),
        message: `${m.level === 'info' ? '(info) ' : ''}${m.message}${m.httpStatus ? ` [HTTP ${m.httpStatus}]` : ''}${m.resource ? ` in ${m.resource}` : ''}${m.fix ? `\n     Fix: ${m.fix}` : ''}`,
      })),
    }));
  if (input.length === 0) return '';
  const out = friendly(input);
  return out.endsWith('\n') ? out : out + '\n';
}
