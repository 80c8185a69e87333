import { describe, expect, it } from 'vitest';
import { explain } from '../../src/explain.ts';
import { catalog } from '../../rules/index.ts';

describe('sglint explain covers the suppression rules', () => {
  it.each(['suppression-invalid', 'suppression-expired', 'suppression-unused'])('%s: docs with reported and not-reported examples', (id) => {
    const rule = catalog.find((r) => r.id === id)!;
    const text = explain(id, catalog)!;
    expect(text.startsWith(`${id}: `)).toBe(true);
    expect(text).toContain('Reported:');
    expect(text).toContain('Not reported:');
    for (const ex of [...rule.docs.invalid, ...rule.docs.valid]) expect(text).toContain(ex.code.split('\n').find((l) => l.includes('sglint-ignore'))!.trim());
  });
});
