import { defineRule } from '../../src/engine/rule.ts';
import { text, toPlain } from '../../src/load/tree.ts';
import { copies, regionOf, SG_PARAMS } from '../../src/model.ts';
import type { SecurityGroup } from '../../src/model.ts';
import { SOURCE_API, SOURCE_FACTS, countNote, param, spec } from './util.ts';

const two = (extra: string) => ({
  file: 'spec.yaml',
  code: `securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: a\n${extra}`,
});

/** The API's default quota of groups per region: "a minimum of 100". */
const DEFAULT_GROUP_QUOTA = 100;

export const groupQuota = defineRule({
  id: 'group-quota',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'QuotaExceed.SecurityGroup', httpStatus: 403 },
  severity: 'error',
  certainty: 'documented',
  summary: 'More security groups in one region than the quota',
  docs: {
    description:
      'Each region holds a limited number of security groups: the API documents a default quota of at least 100, which Quota Center raises per account. Groups the inputs create are counted per region (each Terraform count/for_each instance counts, and a ROS resource counts as many groups as its `Count` when that is known: `Count: 0` none, an unknown one one), plus the groups that already exist when an inventory is configured (a group a Terraform plan replaces, deleting the old one first, takes its place: it is not one more), or else the groups a Terraform plan does not create (left as they are or updated). Past `quota.securityGroupsPerRegion` the finding is an error; with no quota configured, past 100 it is a warning, since the account\'s quota may be higher (the API says "a minimum of 100").',
    fix: 'Delete unused groups, raise the quota, or set `quota.securityGroupsPerRegion` to your account\'s quota.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [{ ...spec('VpcId: vpc-bp1opxu1zkhn00gzv1234'), config: 'quota:\n  securityGroupsPerRegion: 0\n' }],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.1'],
  check({ model, config, report }) {
    const known = config.quota.securityGroupsPerRegion;
    const limit = known ?? DEFAULT_GROUP_QUOTA;
    const count = new Map<string, number>();
    // Groups a plan does not create exist already: counted first, unless an inventory of their region
    // counts them already.
    const kept = new Map<string, number>();
    for (const g of model.groups) {
      const region = g.existing ? regionOf(g) : undefined;
      if (region !== undefined && !model.inventory?.securityGroups.has(region)) kept.set(region, (kept.get(region) ?? 0) + 1);
    }
    // A group read several times (one ROS resource per Fn::If branch) is still one group, or as many as
    // the most of its readings' ROS Count.
    // (A group read once is its own key: no string is made for each of 20,000 groups.)
    const key = (g: SecurityGroup): unknown => (g.variant ? `${g.span.file}#${g.variant.of}` : g);
    const made = new Map<unknown, number>();
    for (const g of model.groups) {
      const k = key(g);
      made.set(k, Math.max(made.get(k) ?? 0, copies(g)));
    }
    for (const g of model.groups) {
      const region = regionOf(g);
      const k = key(g);
      const n = made.get(k);
      // A group a plan deletes before creating it anew takes the place of one the inventory counts.
      if (region === undefined || g.existing || (g.replacing && model.inventory?.securityGroups.has(region)) || n === undefined) continue;
      made.delete(k);
      const existing = (model.inventory?.securityGroups.get(region) ?? 0) + (kept.get(region) ?? 0);
      const before = count.get(region) ?? existing;
      const after = before + n;
      count.set(region, after);
      // The first group created past the quota, also when the groups that exist are past it already.
      const last = Math.max(limit, existing);
      if (before <= last && after > last) {
        const already = existing ? `${existing} existing and ` : '';
        const quota = known === undefined ? `the default quota is at least ${limit} (set quota.securityGroupsPerRegion to the account's quota)` : `the quota is ${limit}`;
        report({ at: g, message: `${region} would hold ${after} security groups (${already}${after - existing} created here${countNote(g)}); ${quota}`, ...(known === undefined ? { severity: 'warning' as const } : {}) });
      }
    }
  },
});

function requestOf(g: SecurityGroup): string {
  const o: Record<string, unknown> = {};
  for (const p of SG_PARAMS) if (p !== 'ClientToken' && p !== 'InnerAccessPolicy') o[p] = toPlain(g.fields[p]);
  o.Tag = g.Tag?.items.map((t) => [toPlain(t.Key), toPlain(t.Value)]);
  return JSON.stringify(o);
}

export const clientTokenReused = defineRule({
  id: 'client-token-reused',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'IdempotentProcessing', httpStatus: 403 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'One ClientToken on two different requests',
  docs: {
    description:
      'ClientToken makes a request idempotent: a second request with the same token is taken as a retry of the first. Two different groups with one token create only one group, or fail with IdempotentProcessing while the first is still running.',
    uncertainty:
      'The reference documents IdempotentProcessing only for "the previous idempotent request is still processing", a matter of timing; what the API answers to the same token with other parameters once the first request is done is not documented (the fact sheet marks it UNCERTAIN: the first group\'s result again, or an error such as IdempotenceParamNotMatch that other Alibaba APIs return). Either way the second group is not created. Hence a warning, with the one code the reference ties to a reused token.',
    fix: 'Give every request its own token (a UUID), or drop ClientToken.',
    valid: [two('    ClientToken: 123e4567-e89b-12d3-a456-426655440000\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: b\n    ClientToken: 123e4567-e89b-12d3-a456-426655440001\n')],
    invalid: [two('    ClientToken: 123e4567-e89b-12d3-a456-426655440000\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: b\n    ClientToken: 123e4567-e89b-12d3-a456-426655440000\n')],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.2 (ClientToken), §1.4 (IdempotentProcessing; same token, other parameters)'],
  check({ model, report }) {
    // The request text is built only for tokens seen twice.
    const seen = new Map<string, { g: SecurityGroup; request?: string }>();
    for (const g of model.groups) {
      const t = param(g, 'ClientToken');
      if (!t || t.value === '') continue;
      const first = seen.get(t.value);
      if (!first) seen.set(t.value, { g });
      else if ((first.request ??= requestOf(first.g)) !== requestOf(g)) {
        report({ at: t.tree, node: g, message: `ClientToken \`${t.value}\` is also used by ${first.g.resource} (${first.g.span.file}:${first.g.span.line}), a different request` });
      }
    }
  },
});

export const clientTokenMalformed = defineRule({
  id: 'client-token-malformed',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: null, httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'ClientToken: ASCII only, at most 64 characters',
  docs: {
    description: 'The ClientToken value can contain only ASCII characters and cannot exceed 64 characters. The API reference documents no error code for this, so none is predicted.',
    fix: 'Use a UUID.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'ClientToken: 123e4567-e89b-12d3-a456-426655440000')],
    invalid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'ClientToken: jeton-idempotence-café'), spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', `ClientToken: ${'x'.repeat(65)}`)],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.4'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const t = param(g, 'ClientToken');
      if (!t) continue;
      if (/[^\x00-\x7f]/.test(t.value)) report({ at: t.tree, node: g, message: 'ClientToken contains non-ASCII characters' });
      else if (t.value.length > 64) report({ at: t.tree, node: g, message: `ClientToken is ${t.value.length} characters long; at most 64` });
    }
  },
});

export const serviceManagedSet = defineRule({
  id: 'service-managed-set',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: null, httpStatus: null },
  severity: 'warning',
  certainty: 'documented',
  summary: 'ServiceManaged is not publicly available',
  docs: {
    description: 'ServiceManaged is documented as "not publicly available": cloud services use it for the groups they manage. A user request should not set it; what the API answers when it does is not documented.',
    fix: 'Remove ServiceManaged.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'ServiceManaged: true')],
  },
  sources: [SOURCE_API],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const s = g.fields.ServiceManaged;
      if (s !== undefined && s.type === 'scalar' && s.value !== null) report({ at: s, node: g, message: 'ServiceManaged is set; it is not a public parameter' });
    }
  },
});

export const resourceGroupMalformed = defineRule({
  id: 'resource-group-malformed',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidResourceGroup.NotFound', httpStatus: 404 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'ResourceGroupId is not a resource group id (`rg-...`)',
  docs: {
    description: 'A resource group id has the form `rg-` followed by lowercase letters and digits; any other value names no resource group and the API answers 404 InvalidResourceGroup.NotFound.',
    fix: 'Use the id ListResourceGroups reports (`rg-...`).',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'ResourceGroupId: rg-bp67acfmxazb4p1234')],
    invalid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'ResourceGroupId: production')],
    uncertainty: 'The id format is observed in documentation examples, not specified; the check is the lenient one (prefix and character set, no length). Hence a warning.',
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.5'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const r = param(g, 'ResourceGroupId');
      if (r && r.value !== '' && !/^rg-[0-9a-z]+$/.test(r.value)) report({ at: r.tree, node: g, message: `ResourceGroupId \`${r.value}\` is not a resource group id` });
    }
  },
});

export const innerAccessPolicyInvalid = defineRule({
  id: 'inner-access-policy-invalid',
  group: 'create',
  api: { operation: 'ModifySecurityGroupPolicy', errorCode: 'InvalidPolicy.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'InnerAccessPolicy must be `Accept` or `Drop`',
  docs: {
    description: 'The intra-group policy is set after creation by ModifySecurityGroupPolicy, which accepts only Accept and Drop (case-insensitive).',
    fix: 'Use `Accept` or `Drop`.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'InnerAccessPolicy: Drop')],
    invalid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'InnerAccessPolicy: Isolate')],
  },
  sources: [SOURCE_FACTS + ' §2'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const p = param(g, 'InnerAccessPolicy');
      if (p && !['accept', 'drop'].includes(p.value.toLowerCase())) report({ at: p.tree, node: g, message: `InnerAccessPolicy \`${p.value}\` is neither Accept nor Drop` });
    }
  },
});

export const innerAccessPolicyEnterprise = defineRule({
  id: 'inner-access-policy-enterprise',
  group: 'create',
  api: { operation: 'ModifySecurityGroupPolicy', errorCode: null, httpStatus: null },
  severity: 'error',
  certainty: 'documented',
  summary: 'An enterprise group is always isolated: InnerAccessPolicy Accept cannot apply',
  docs: {
    description:
      'Advanced (enterprise) groups start with internal isolation (Drop) and it cannot be changed. Asking for Accept is silently ignored by the Terraform provider, so instances that expect to reach each other cannot. The code ModifySecurityGroupPolicy returns in this case is not documented.',
    fix: 'Remove InnerAccessPolicy, or use a normal group, or add rules that allow the traffic between members explicitly.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'SecurityGroupType: enterprise', 'InnerAccessPolicy: Drop')],
    invalid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'SecurityGroupType: enterprise', 'InnerAccessPolicy: Accept')],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §2'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const p = param(g, 'InnerAccessPolicy');
      if (p && p.value.toLowerCase() === 'accept' && text(g.fields.SecurityGroupType)?.toLowerCase() === 'enterprise') {
        report({ at: p.tree, node: g, message: 'InnerAccessPolicy Accept on an enterprise group: its isolation cannot be changed' });
      }
    }
  },
});
