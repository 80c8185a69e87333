// The catalog covers the whole CreateSecurityGroup error table, and the README's catalog is generated.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../rules/index.ts';
import { uncheckable } from '../rules/data/uncheckable.ts';
import table from '../rules/data/create-security-group-errors.json' with { type: 'json' };
import { catalogTable } from '../src/docs.ts';

it('every error code of the CreateSecurityGroup reference is predicted by a rule or explained', () => {
  for (const [status, code] of table.errors as [number, string][]) {
    const rule = catalog.find((r) => r.api.errorCode === code && r.api.httpStatus === status);
    const note = uncheckable.find((u) => u.errorCode === code && u.httpStatus === status);
    expect(rule || note, `${status} ${code}`).toBeTruthy();
  }
});

it('the README rule catalog is the one generated from rule metadata (npm run readme)', () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const m = /<!-- catalog:start -->\n([\s\S]*?)<!-- catalog:end -->/.exec(readme);
  expect(m, 'README.md needs the catalog markers').toBeTruthy();
  expect(m![1]).toBe(catalogTable(catalog));
});
