/** ESLint-shaped results: the JSON contract, and the input of every ESLint formatter. */
import type { LintResult } from '../engine/lint.ts';
import type { Rule } from '../engine/rule.ts';
import { clipValues, jsonText } from './display.ts';

export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  /** `error`, `warning` or `info` (ESLint has no info level: it is severity 1). */
  level: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  errorCode: string | null;
  httpStatus: number | null;
  resource?: string;
  /** The file of the resource, when the finding is placed in another one (a variable's default). */
  resourceFile?: string;
  fix?: string;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  source?: string;
}

export function toEslint(result: LintResult, catalog: Rule[]): EslintResult[] {
  const fix = new Map(catalog.map((r) => [r.id, r.docs.fix]));
  return result.files
    .filter((f) => f.status !== 'skipped')
    .map((f) => {
      const messages: EslintMessage[] = f.findings.map((x) => ({
        ruleId: x.ruleId,
        severity: x.severity === 'error' ? 2 : 1,
        level: x.severity,
        message: clipValues(x.message),
        line: x.span.line,
        column: x.span.column,
        endLine: x.span.endLine,
        endColumn: x.span.endColumn,
        errorCode: x.errorCode,
        httpStatus: x.httpStatus,
        ...(x.resource ? { resource: x.resource } : {}),
        ...(x.resourceFile ? { resourceFile: x.resourceFile } : {}),
        ...(fix.get(x.ruleId) ? { fix: fix.get(x.ruleId) } : {}),
      }));
      return {
        filePath: f.path,
        messages,
        errorCount: messages.filter((m) => m.level === 'error').length,
        warningCount: messages.filter((m) => m.level === 'warning').length,
        infoCount: messages.filter((m) => m.level === 'info').length,
        ...(f.source !== undefined ? { source: f.source } : {}),
      };
    });
}

export function formatJson(results: EslintResult[]): string {
  return jsonText(results.map(({ source: _s, ...r }) => r)) + '\n';
}

/** One line per finding, `file:line:col: severity code message`, for editors, terminals and pre-commit (results from forDisplay). */
export function formatCompact(results: EslintResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      lines.push(`${r.filePath}:${m.line}:${m.column}: ${m.level} ${m.errorCode ?? '-'} ${m.message} [${m.ruleId}]`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** Rule id as shown by human formats: the API error code first, since that is what the deploy would print. */
export function shownId(m: EslintMessage): string {
  return m.errorCode ? `${m.errorCode} (${m.ruleId})` : m.ruleId;
}
