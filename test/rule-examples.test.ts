// Every rule's documented examples are executed: invalid ones must trigger the rule, valid ones must not.
import { describe, expect, it } from 'vitest';
import { catalog } from '../rules/index.ts';
import { ruleText } from '../src/docs.ts';
import { configFromYaml, lintFiles } from './helpers.ts';

describe.each(catalog.filter((r) => r.docs.valid.length + r.docs.invalid.length > 0).map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  rule.docs.invalid.forEach((ex, i) => {
    it(`invalid example ${i + 1} is reported`, async () => {
      const findings = await lintFiles({ [ex.file ?? 'spec.yaml']: ex.code }, await configFromYaml(ex.config));
      expect(findings.map((f) => f.ruleId)).toContain(rule.id);
      for (const f of findings.filter((x) => x.ruleId === rule.id)) {
        expect(f.errorCode).toBe(rule.api.errorCode);
        expect(f.span.line).toBeGreaterThanOrEqual(1);
      }
    });
  });
  rule.docs.valid.forEach((ex, i) => {
    it(`valid example ${i + 1} is not reported`, async () => {
      const findings = await lintFiles({ [ex.file ?? 'spec.yaml']: ex.code }, await configFromYaml(ex.config));
      expect(findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
    });
  });
});

describe('catalog', () => {
  it('`explain` shows the config an example runs with: without it, reported and not reported may read the same', () => {
    const withConfig = catalog.flatMap((r) => [...r.docs.invalid, ...r.docs.valid].filter((e) => e.config).map((e) => [r, e.config!] as const));
    expect(withConfig.length).toBeGreaterThan(0);
    for (const [r, config] of withConfig) {
      const shown = ruleText(r).split('\n').map((l) => l.trim());
      for (const line of config.split('\n').map((l) => l.trim()).filter(Boolean)) expect(shown, `${r.id}: ${line}`).toContain(line);
    }
  });

  it('has unique kebab-case ids', () => {
    const ids = catalog.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  it('every API rule documents examples both ways, and uncertain rules explain and default to warning', () => {
    for (const r of catalog) {
      if (r.group !== 'input') {
        expect(r.docs.invalid.length, r.id).toBeGreaterThan(0);
        expect(r.docs.valid.length, r.id).toBeGreaterThan(0);
      }
      if (r.certainty === 'uncertain') {
        expect(r.docs.uncertainty, r.id).toBeTruthy();
        expect(r.severity, r.id).not.toBe('error');
      }
    }
  });
});
