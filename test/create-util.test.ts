import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chars, containsHttp } from '../rules/create/util.ts';

describe('create rule helpers', () => {
  it('chars counts code points as for...of does, lone surrogates included', () => {
    expect(chars('前端组')).toBe(3);
    expect(chars('a😀b')).toBe(3);
    expect(chars('\uD800\uD800\uDC00')).toBe(2);
    expect(chars('\uDC00\uD800')).toBe(2);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => chars(s) === [...s].length), { numRuns: 500 });
  });

  it('containsHttp finds http:// and https:// in any case, anywhere', () => {
    expect(['see HTTPS://x', 'http://', 'xhttp://y'].every(containsHttp)).toBe(true);
    expect(['http:/x', 'ftp://x', 'https:', ''].some(containsHttp)).toBe(false);
  });
});
