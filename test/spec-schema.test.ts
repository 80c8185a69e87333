// The published spec schema (for editors) names exactly the keys the loader reads, and accepts the examples.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { PERMISSION_PARAMS, SG_PARAMS } from '../src/model.ts';
import schema from '../schemas/sglint-spec.schema.json' with { type: 'json' };

it('the schema lists the API parameters the loader reads', () => {
  expect(Object.keys(schema.definitions.group.properties).sort()).toEqual([...SG_PARAMS, 'Tag', 'Permissions'].sort());
  expect(Object.keys(schema.definitions.group.properties.Permissions.items.properties).sort()).toEqual(['Direction', ...PERMISSION_PARAMS].sort());
});

it('the good example validates, a misspelled key does not', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const good = parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'spec', 'good.yaml'), 'utf8'));
  expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
  expect(validate({ securityGroups: [{ RegionId: 'cn-hangzhou', SecurityGroupname: 'x' }] })).toBe(false);
  expect(validate({ 'x-defaults': { RegionId: 'cn-hangzhou' }, securityGroups: [{ RegionId: 'cn-hangzhou' }] })).toBe(true);
  expect(validate({ defaults: { RegionId: 'cn-hangzhou' }, securityGroups: [{ RegionId: 'cn-hangzhou' }] })).toBe(false);
});
