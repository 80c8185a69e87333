import { defineRule } from '../../src/engine/rule.ts';
import { text } from '../../src/load/tree.ts';
import { regionOf } from '../../src/model.ts';
import regions from '../data/regions.json' with { type: 'json' };
import { SOURCE_API, SOURCE_FACTS, param, spec } from './util.ts';

const known = new Set(regions.regions);
const closed = regions.closed as Record<string, string>;

export const regionRequired = defineRule({
  id: 'region-required',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: null, httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'RegionId is required',
  docs: {
    description:
      'RegionId is the one required parameter of CreateSecurityGroup. A native spec group must name it, or the file must set `region`, or the run must give `--region`; an empty `RegionId: ""` names none either (reported at it, not filled from `region`). The API reference documents no specific error code for a missing RegionId (the gateway answers with a MissingParameter-family error), so none is predicted. Terraform and ROS inputs take their region from the provider or the deployment and are not checked by this rule.',
    fix: 'Add `RegionId: <region>` to the group, `region:` at the top of the file, or pass --region.',
    valid: [spec('SecurityGroupName: web', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - SecurityGroupName: web\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' }],
  },
  sources: [SOURCE_API],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      if (g.format !== 'spec') continue;
      // An empty RegionId names no region either: the parameter is sent without a value.
      if (g.fields.RegionId === undefined) report({ at: g, message: 'RegionId is missing: the request names no region' });
      else if (text(g.fields.RegionId) === '') report({ at: g.fields.RegionId, node: g, message: 'RegionId is empty: the request names no region' });
    }
  },
});

export const regionUnknown = defineRule({
  id: 'region-unknown',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidRegionId.NotFound', httpStatus: 404 },
  severity: 'error',
  certainty: 'documented',
  summary: 'RegionId is not an ECS region',
  docs: {
    description:
      'The API answers InvalidRegionId.NotFound when RegionId is not a region where ECS is offered. The region list is data (rules/data/regions.json), compiled from the ECS endpoint page and the Terraform provider; where sources disagree a region is accepted.',
    fix: 'Use a region id such as `cn-hangzhou` or `ap-southeast-1` (see DescribeRegions).',
    valid: [spec('SecurityGroupName: web', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: cn-hangzou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' }],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §7'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const r = param(g, 'RegionId');
      if (r && r.value !== '' && !known.has(r.value)) report({ at: r.tree, node: g, message: `RegionId \`${r.value}\` is not an ECS region` });
    }
  },
});

export const regionClosed = defineRule({
  id: 'region-closed',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidRegionId.NotFound', httpStatus: 404 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'RegionId is a closed or closing region',
  docs: {
    description: 'Some regions are still listed by some sources but have been shut down or are closing; creating groups there will fail or soon fail.',
    fix: 'Move the group to an open region.',
    uncertainty: 'Region lists disagree by date and product; ap-south-1 and rus-west-1 are believed closed, cn-nanjing is marked "closing down" on one page. Hence a warning.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: ap-southeast-2\n    VpcId: vpc-p0w9alkte4w2htrqe1234\n' }],
  },
  sources: [SOURCE_FACTS + ' §7'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const r = regionOf(g);
      if (r !== undefined && closed[r]) report({ at: g.fields.RegionId!, node: g, message: `${closed[r]}` });
    }
  },
});
