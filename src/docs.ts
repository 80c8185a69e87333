/** Rule documentation, rendered once: `sglint explain`, the README catalog and SARIF help use these. */
import type { Example, Rule } from './engine/rule.ts';

function apiLine(r: Rule): string {
  const code = r.api.errorCode ? `${r.api.errorCode}${r.api.httpStatus ? ` (HTTP ${r.api.httpStatus})` : ''}` : 'no documented error code';
  return r.api.operation === 'none' ? 'input check (no API call involved)' : `${r.api.operation} → ${code}`;
}

function exampleText(e: Example): string {
  return `  # ${e.file ?? 'spec.yaml'}\n${e.code.replace(/\n$/, '').split('\n').map((l) => `  ${l}`).join('\n')}`;
}

export function ruleText(r: Rule): string {
  const parts = [
    `${r.id}: ${r.summary}`,
    `API: ${apiLine(r)}`,
    `Severity: ${r.severity}${r.certainty === 'uncertain' ? ' (sources disagree)' : ''}`,
    '',
    r.docs.description,
    '',
    `Fix: ${r.docs.fix}`,
  ];
  if (r.docs.uncertainty) parts.push('', `Where sources disagree: ${r.docs.uncertainty}`);
  if (r.docs.invalid.length) parts.push('', 'Reported:', ...r.docs.invalid.map(exampleText));
  if (r.docs.valid.length) parts.push('', 'Not reported:', ...r.docs.valid.map(exampleText));
  parts.push('', `Sources: ${r.sources.join('; ')}`);
  return parts.join('\n') + '\n';
}

export function ruleMarkdown(r: Rule): string {
  const block = (e: Example) => `\`\`\`${/\.tf$/.test(e.file ?? '') ? 'hcl' : /\.json$/.test(e.file ?? '') ? 'json' : 'yaml'}\n${e.code.replace(/\n$/, '')}\n\`\`\``;
  const parts = [
    `**${r.id}** — ${r.summary}`,
    '',
    `API: ${apiLine(r)}. Severity: ${r.severity}${r.certainty === 'uncertain' ? ' (sources disagree)' : ''}.`,
    '',
    r.docs.description,
    '',
    `**Fix:** ${r.docs.fix}`,
  ];
  if (r.docs.uncertainty) parts.push('', `**Where sources disagree:** ${r.docs.uncertainty}`);
  if (r.docs.invalid[0]) parts.push('', 'Reported:', '', block(r.docs.invalid[0]));
  if (r.docs.valid[0]) parts.push('', 'Not reported:', '', block(r.docs.valid[0]));
  parts.push('', `Sources: ${r.sources.join('; ')}`);
  return parts.join('\n') + '\n';
}

/** The catalog table of the README. */
export function catalogTable(catalog: Rule[]): string {
  const rows = catalog.map(
    (r) => `| \`${r.id}\` | ${r.api.errorCode ? `\`${r.api.errorCode}\`` : '—'} | ${r.api.httpStatus ?? '—'} | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} |`,
  );
  return ['| rule | API error code | HTTP | severity | summary |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
