import { describe, expect, it } from 'vitest';
import { globMatch, ignoreMatcher } from '../../src/util/glob.ts';

describe('glob', () => {
  it('* and ? stay within a segment; ** spans segments, including none', () => {
    expect(globMatch('*.yaml', 'a.yaml')).toBe(true);
    expect(globMatch('*.yaml', 'd/a.yaml')).toBe(false);
    expect(globMatch('a?.tf', 'ab.tf')).toBe(true);
    expect(globMatch('a?.tf', 'a/.tf')).toBe(false);
    expect(globMatch('legacy/**', 'legacy/a/b.yaml')).toBe(true);
    expect(globMatch('legacy/**', 'legacyx/a.yaml')).toBe(false);
    expect(globMatch('legacy/**', 'legacy')).toBe(true); // the directory itself: a walk need not enter it
    expect(globMatch('**/*.tf', 'main.tf')).toBe(true);
    expect(globMatch('**/*.tf', 'a/b/main.tf')).toBe(true);
    expect(globMatch('a/**/b.yaml', 'a/b.yaml')).toBe(true);
    expect(globMatch('a/**/b.yaml', 'a/x/y/b.yaml')).toBe(true);
    expect(globMatch('a.b', 'axb')).toBe(false); // `.` is literal
    expect(globMatch('securityGroups[0]', 'securityGroups[0]')).toBe(true); // brackets are literal
    expect(globMatch('alicloud_security_group.*', 'alicloud_security_group.web')).toBe(true);
  });

  it('ignore patterns: anchored with "/", by name at any depth without', () => {
    const ig = ignoreMatcher(['generated/**', '*.gen.yaml', '/top.yaml', 'vendor'], '/repo');
    expect(ig('/repo/generated/a.yaml')).toBe(true);
    expect(ig('/repo/generated')).toBe(true);
    expect(ig('/repo/x/generated/a.yaml')).toBe(false);
    expect(ig('/repo/x/y/z.gen.yaml')).toBe(true);
    expect(ig('/repo/top.yaml')).toBe(true);
    expect(ig('/repo/x/top.yaml')).toBe(false);
    expect(ig('/repo/a/vendor/b.yaml')).toBe(true);
    expect(ig('/elsewhere/generated/a.yaml')).toBe(false);
    expect(ig('/repo')).toBe(false);
  });
});
