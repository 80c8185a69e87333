import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chars, httpScheme } from '../rules/create/util.ts';

describe('create rule helpers', () => {
  it('chars counts code points as for...of does, lone surrogates included', () => {
    expect(chars('前端组')).toBe(3);
    expect(chars('a😀b')).toBe(3);
    expect(chars('\uD800\uD800\uDC00')).toBe(2);
    expect(chars('\uDC00\uD800')).toBe(2);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => chars(s) === [...s].length), { numRuns: 500 });
  });

  it('httpScheme finds http:// and https:// anywhere or at the start, lowercase as documented or in another case', () => {
    expect(['http://', 'xhttp://y', 'see https://x'].map((s) => httpScheme(s, true))).toEqual(['lower', 'lower', 'lower']);
    expect(['see HTTPS://x', 'Http://'].map((s) => httpScheme(s, true))).toEqual(['other', 'other']);
    expect(['http:/x', 'ftp://x', 'https:', ''].map((s) => httpScheme(s, true))).toEqual([undefined, undefined, undefined, undefined]);
    expect([httpScheme('see https://x', false), httpScheme('https://x', false), httpScheme('HTTP://x', false)]).toEqual([undefined, 'lower', 'other']);
  });
});
