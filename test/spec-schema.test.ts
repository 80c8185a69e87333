// The published spec schema (for editors) names exactly the keys the loader reads, and accepts the examples.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { PERMISSION_PARAMS, SG_PARAMS } from '../src/model.ts';
import schema from '../schemas/sglint-spec.schema.json' with { type: 'json' };
import { lintFiles } from './helpers.ts';

it('the schema lists the API parameters the loader reads', () => {
  expect(Object.keys(schema.definitions.group.properties).sort()).toEqual([...SG_PARAMS, 'Tag', 'Permissions', '$schema', '$comment'].sort());
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

it('a number or a boolean for a tag Key or Value is the text written, as for other parameters: valid in the schema too', async () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const list = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    Tag:\n      - Key: 2025\n        Value: 2024\n      - Key: env\n        Value: true\n';
  const flat = 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nTag.1.Key: 2025\nTag.1.Value: 2024\n';
  for (const text of [list, flat]) {
    expect(await lintFiles({ 'spec.yaml': text })).toEqual([]);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  }
});

it('comments, extension keys and a Direction in any case: accepted by the loader and by the schema alike (one-request files too)', async () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const request = readFileSync(join(import.meta.dirname, '..', 'examples', 'spec', 'request.json'), 'utf8');
  expect(validate(JSON.parse(request)), JSON.stringify(validate.errors)).toBe(true);
  const list =
    'securityGroups:\n  - $comment: the web tier\n    x-owner: web-team\n    RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' +
    '    Permissions:\n      - Direction: Ingress\n        IpProtocol: tcp\n        PortRange: 443/443\n        SourceCidrIp: 10.0.0.0/8\n';
  expect((await lintFiles({ 'spec.yaml': list })).map((f) => f.ruleId)).toEqual([]);
  expect(validate(parse(list)), JSON.stringify(validate.errors)).toBe(true);
  expect(validate(parse(list.replace('Ingress', 'inbound')))).toBe(false);
});
