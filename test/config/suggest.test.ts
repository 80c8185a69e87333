import { describe, expect, it } from 'vitest';
import { distance, suggest } from '../../src/util/suggest.ts';

describe('suggest', () => {
  it('computes edit distances', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('', 'abc')).toBe(3);
    expect(distance('same', 'same')).toBe(0);
  });
  it('suggests the closest candidate within reach, case-insensitively', () => {
    expect(suggest('polices', ['policies', 'region'])).toBe('policies');
    expect(suggest('REGOIN', ['region', 'rules'])).toBe('region');
    expect(suggest('xyz', ['policies', 'region'])).toBeUndefined();
  });
  it('falls back to a candidate the word begins', () => {
    expect(suggest('warn', ['off', 'info', 'warning', 'error'])).toBe('warning');
    expect(suggest('wa', ['warning'])).toBeUndefined();
  });
});
