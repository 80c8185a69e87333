import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generate, validators } from '../../scripts/gen-validators.mjs';

const root = join(import.meta.dirname, '..', '..');

describe('generated validators', () => {
  it('src/generated is what scripts/gen-validators.mjs produces from the schemas (run it after editing a schema)', () => {
    for (const v of validators as { schema: string; out: string }[]) {
      for (const [path, text] of Object.entries(generate(v) as Record<string, string>)) {
        expect(readFileSync(join(root, path), 'utf8'), path).toBe(text);
      }
    }
  });
});
