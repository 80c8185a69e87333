import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/util/suggest.ts';

describe('suggest', () => {
  it('suggests the closest candidate within reach, case-insensitively', () => {
    expect(suggest('polices', ['policies', 'region'])).toBe('policies');
    expect(suggest('REGOIN', ['region', 'rules'])).toBe('region');
    expect(suggest('xyz', ['policies', 'region'])).toBeUndefined();
  });
});
