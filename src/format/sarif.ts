/**
 * SARIF 2.1.0 (`--format sarif`) as GitHub code scanning reads it: the whole catalog in
 * tool.driver.rules (text fields clipped to GitHub's 1024 characters), then an entry for each other
 * rule id the results carry (a rule that failed), so that every result's ruleId and ruleIndex name an
 * entry; one result per finding with a repository-relative location, a full region and a
 * line-number-free fingerprint.
 */
import { createHash } from 'node:crypto';
import type { EslintMessage, EslintResult } from './results.ts';
import { INTERNAL_ERROR } from '../engine/rule.ts';
import type { Rule } from '../engine/rule.ts';
import { ruleMarkdown, ruleText } from '../docs.ts';
import { repoPath, rootOf } from './github.ts';
import type { RootOf } from '../util/paths.ts';
import { jsonText } from './display.ts';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/sglint';
const HELP_URI = `${INFORMATION_URI}#rule-catalog`;
/** GitHub's limit for shortDescription, fullDescription and help text. */
const TEXT_LIMIT = 1024;

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function clip(s: string, max = TEXT_LIMIT): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function descriptor(r: Rule) {
  return {
    id: r.id,
    shortDescription: { text: clip(r.summary) },
    fullDescription: { text: clip(r.docs.description) },
    help: { text: clip(ruleText(r)), markdown: ruleMarkdown(r) },
    helpUri: HELP_URI,
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ['sglint', r.group, ...(r.group === 'exposure' ? ['security'] : [])],
      precision: r.certainty === 'documented' ? 'very-high' : 'medium',
      errorCode: r.api.errorCode,
      httpStatus: r.api.httpStatus,
      operation: r.api.operation,
    },
  };
}

/** What the entry of a rule id outside the catalog says: a rule that failed, else an id the catalog given lacks. */
function outsideText(id: string): { summary: string; help: string } {
  if (id === INTERNAL_ERROR) {
    return {
      summary: 'A rule failed while checking the input; its findings are missing',
      help:
        'sglint could not finish a rule on this input: a defect in sglint, not in the input. The message names the rule; its findings are missing, ' +
        "the other rules' findings are reported. Report it with the input that triggers it; meanwhile `rules: { <rule-id>: off }` in .sglint.yaml turns that rule off.",
    };
  }
  return { summary: `${id}: not a rule of this catalog`, help: `Findings under ${id} come from a rule that is not in the catalog this log was written with.` };
}

function outsideDescriptor(id: string) {
  const { summary, help } = outsideText(id);
  return {
    id,
    shortDescription: { text: clip(summary) },
    fullDescription: { text: clip(help) },
    help: { text: clip(help), markdown: `**${id}** — ${summary}\n\n${help}\n` },
    helpUri: HELP_URI,
    defaultConfiguration: { level: LEVEL.error },
    properties: { tags: ['sglint'] },
  };
}

/** Percent-encodes each path segment so the uri is a valid URI reference; `/` stays the separator. */
function toUri(path: string): string {
  if (path.startsWith('/')) return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Characters of a long line that its findings' fingerprints hash. */
const HASHED = 256;

/**
 * The line a fingerprint hashes; of a longer line (minified JSON), the HASHED characters around the
 * finding's column, so that a long line is not hashed whole once per finding.
 */
function hashedText(m: EslintMessage, lines: string[] | undefined): string {
  const line = lines?.[m.line - 1];
  if (line === undefined) return m.message;
  if (line.length <= HASHED) return line;
  const from = Math.max(0, Math.min(m.column - 1 - HASHED / 4, line.length - HASHED));
  return line.slice(from, from + HASHED);
}

/**
 * GitHub's primaryLocationLineHash: `<hash>:<occurrence>`, the hash over the rule id and the finding's
 * line (of a line longer than HASHED, the part around the finding) with whitespace collapsed (not its number, so moving code does not open a new alert), the
 * occurrence counting equal (rule, line) pairs within the file.
 */
export function fingerprint(m: EslintMessage, lines: string[] | undefined, seen: Map<string, number>): string {
  const text = hashedText(m, lines).replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256').update(`${m.ruleId}\0${text}`).digest('hex').slice(0, 16);
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}

export function sarifLog(results: EslintResult[], ctx: { catalog: Rule[]; cwd: string; root?: RootOf; version: string }) {
  const root = ctx.root ?? rootOf(ctx.cwd);
  const index = new Map(ctx.catalog.map((r, i) => [r.id, i]));
  const rules: (ReturnType<typeof descriptor> | ReturnType<typeof outsideDescriptor>)[] = ctx.catalog.map(descriptor);
  const indexOf = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = rules.push(outsideDescriptor(id)) - 1;
      index.set(id, i);
    }
    return i;
  };
  const sarifResults = [];
  for (const r of results) {
    const uri = toUri(repoPath(r.filePath, ctx.cwd, root));
    const lines = r.source?.split(/\r\n|\r|\n/);
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const startLine = Math.max(1, m.line);
      const endLine = Math.max(startLine, m.endLine);
      const startColumn = Math.max(1, m.column);
      const endColumn = Math.max(endLine === startLine ? startColumn : 1, m.endColumn);
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: indexOf(m.ruleId),
        level: LEVEL[m.level],
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn, endLine, endColumn } } }],
        partialFingerprints: { primaryLocationLineHash: fingerprint(m, lines, seen) },
        properties: { errorCode: m.errorCode, httpStatus: m.httpStatus, ...(m.resource ? { resource: m.resource } : {}) },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'sglint',
            semanticVersion: ctx.version,
            version: ctx.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits' as const,
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: EslintResult[], ctx: { catalog: Rule[]; cwd: string; root?: RootOf; version: string }): string {
  return jsonText(sarifLog(results, ctx)) + '\n';
}
