/** Rule documentation, rendered once: `sglint explain`, the README catalog and SARIF help use these. */
import type { Example, Rule } from './engine/rule.ts';

function apiLine(r: Rule): string {
  const code = r.api.errorCode ? `${r.api.errorCode}${r.api.httpStatus ? ` (HTTP ${r.api.httpStatus})` : ''}` : 'no documented error code';
  return r.api.operation === 'none' ? 'input check (no API call involved)' : `${r.api.operation} → ${code}`;
}

const indent = (text: string) => text.replace(/\n$/, '').split('\n').map((l) => `  ${l}`).join('\n');

/** An example as `explain` prints it: the file, then the `.sglint.yaml` it runs with, if any. */
function exampleText(e: Example): string {
  const file = `  # ${e.file ?? 'spec.yaml'}\n${indent(e.code)}`;
  return e.config ? `${file}\n  # with .sglint.yaml:\n${indent(e.config)}` : file;
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
  const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text.replace(/\n$/, '')}\n\`\`\``;
  const block = (e: Example) => {
    const file = fence(/\.tf$/.test(e.file ?? '') ? 'hcl' : /\.json$/.test(e.file ?? '') ? 'json' : 'yaml', e.code);
    return e.config ? `${file}\n\nwith \`.sglint.yaml\`:\n\n${fence('yaml', e.config)}` : file;
  };
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
