import { defineRule } from '../../src/engine/rule.ts';
import { isUnknown, text } from '../../src/load/tree.ts';
import { isClassicGroup, regionOf } from '../../src/model.ts';
import type { SecurityGroup } from '../../src/model.ts';
import regions from '../data/regions.json' with { type: 'json' };
import { SOURCE_API, SOURCE_FACTS, param, spec } from './util.ts';

const classic = new Set(regions.classicNetwork);
const VPC_ID = /^vpc-[0-9a-z]+$/;

/** A group in `region` whose VPC is listed under `vpcs` in cn-hangzhou with this status. */
const withVpc = (region: string, status: string) => ({
  file: 'spec.yaml',
  code: `securityGroups:\n  - RegionId: ${region}\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\nvpcs:\n  - VpcId: vpc-bp1opxu1zkhn00gzv1234\n    RegionId: cn-hangzhou\n    Status: ${status}\n`,
});

function groupType(g: SecurityGroup): string | undefined {
  return text(g.fields.SecurityGroupType);
}

export const groupTypeInvalid = defineRule({
  id: 'group-type-invalid',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidParams.GroupType', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'SecurityGroupType must be `normal` or `enterprise`',
  docs: {
    description: 'SecurityGroupType takes `normal` (basic group, the default) or `enterprise` (advanced group).',
    fix: 'Use `normal` or `enterprise`.',
    valid: [spec('SecurityGroupType: enterprise', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [spec('SecurityGroupType: advanced', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
  },
  sources: [SOURCE_API],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const t = param(g, 'SecurityGroupType');
      // Empty is the parameter sent without a value: the default, normal (as the other rules read it).
      if (t && t.value !== '' && !['normal', 'enterprise'].includes(t.value.toLowerCase())) {
        report({ at: t.tree, node: g, message: `SecurityGroupType \`${t.value}\` is neither \`normal\` nor \`enterprise\`` });
      }
    }
  },
});

export const groupTypeCase = defineRule({
  id: 'group-type-case',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidParams.GroupType', httpStatus: 400 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'SecurityGroupType spelled with capitals',
  docs: {
    description: 'The documented values are lowercase. Terraform validates them case-sensitively: in a Terraform configuration the value fails the plan, which terraform-value-case reports (an error) instead of this warning. For ROS templates the property validator allows exactly `normal` and `enterprise`.',
    fix: 'Write `normal` or `enterprise` in lowercase.',
    uncertainty: 'Whether the API itself is case-insensitive here is not documented, hence a warning. For ROS, the exact-value check is documented for the property validator (ROS-CDK); whether the ROS service refuses `Normal` before the API call is not, so ROS templates get the warning too.',
    valid: [spec('SecurityGroupType: normal', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [spec('SecurityGroupType: Enterprise', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
  },
  sources: [SOURCE_FACTS + ' §1.2'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      if (g.terraform && !g.terraform.plan) continue; // terraform-value-case
      const t = param(g, 'SecurityGroupType');
      if (t && ['normal', 'enterprise'].includes(t.value.toLowerCase()) && t.value !== t.value.toLowerCase()) {
        report({ at: t.tree, node: g, message: `SecurityGroupType \`${t.value}\` should be \`${t.value.toLowerCase()}\`` });
      }
    }
  },
});

export const enterpriseNeedsVpc = defineRule({
  id: 'enterprise-needs-vpc',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidParams.VpcIdGroupType', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'An enterprise (advanced) group needs a VpcId',
  docs: {
    description: 'Advanced security groups exist only in VPCs: the API rejects `SecurityGroupType: enterprise` without a VpcId.',
    fix: 'Set VpcId, or use `SecurityGroupType: normal`.',
    valid: [spec('SecurityGroupType: enterprise', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [spec('SecurityGroupType: enterprise')],
  },
  sources: [SOURCE_API],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      if (groupType(g)?.toLowerCase() === 'enterprise' && isClassicGroup(g)) {
        report({ at: g.fields.SecurityGroupType!, node: g, message: 'an enterprise security group needs a VpcId' });
      }
    }
  },
});

export const vpcRequiredInRegion = defineRule({
  id: 'vpc-required-in-region',
  group: 'vpc',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidVpcId.NotFound', httpStatus: 403 },
  severity: 'error',
  certainty: 'documented',
  summary: 'VpcId is required in a region without the classic network',
  docs: {
    description:
      'Without VpcId the API creates a classic-network group, which only a few legacy regions offer; elsewhere it answers 403 InvalidVpcId.NotFound ("The VpcId must not empty when only support vpc vm").',
    fix: 'Set VpcId to the VPC the group belongs to.',
    uncertainty: 'The classic-network regions are those the Terraform provider lists; new accounts generally cannot use classic there either, but to avoid false errors those regions are not reported.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234'), { file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupName: classic\n' }],
    invalid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: eu-central-1\n    SecurityGroupName: web\n' }],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.4, §7'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const region = regionOf(g);
      if (region === undefined || classic.has(region) || groupType(g)?.toLowerCase() === 'enterprise') continue;
      const vpc = g.fields.VpcId;
      if (vpc === undefined) report({ at: g, message: `VpcId is missing and ${region} offers no classic network` });
      else if (text(vpc) === '') report({ at: vpc, node: g, message: `VpcId is empty and ${region} offers no classic network` });
    }
  },
});

export const vpcIdMalformed = defineRule({
  id: 'vpc-id-malformed',
  group: 'vpc',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidVpcId.NotFound', httpStatus: 404 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'VpcId is not a VPC id (`vpc-` followed by lowercase letters and digits)',
  docs: {
    description: 'A VPC id has the form `vpc-` followed by lowercase letters and digits. Anything else names no VPC and the API answers 404 InvalidVpcId.NotFound. Masked ids copied from documentation (`vpc-bp1...****`) are caught here.',
    fix: 'Use the id DescribeVpcs reports, or reference the VPC resource.',
    valid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [spec('VpcId: vpc-bp1opxu1zkhn00gzv****'), spec('VpcId: my-vpc')],
    uncertainty: 'The id format is observed in documentation examples, not specified; the check is the lenient one (prefix and character set, no length). Hence a warning.',
  },
  sources: [SOURCE_FACTS + ' §1.5'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const v = param(g, 'VpcId');
      if (v && v.value !== '' && !VPC_ID.test(v.value)) report({ at: v.tree, node: g, message: `VpcId \`${v.value}\` is not a VPC id` });
    }
  },
});

export const vpcWrongRegion = defineRule({
  id: 'vpc-wrong-region',
  group: 'vpc',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidVpcId.NotFound', httpStatus: 404 },
  severity: 'error',
  certainty: 'documented',
  summary: 'VpcId names a VPC of another region',
  docs: {
    description: 'A group must be created in the region of its VPC; the API looks the VPC up in the request region and answers 404 InvalidVpcId.NotFound.',
    fix: 'Create the group in the VPC\'s region, or use a VPC of the group\'s region.',
    valid: [withVpc('cn-hangzhou', 'Available')],
    invalid: [withVpc('cn-shanghai', 'Available')],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §3.3'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const region = regionOf(g);
      const vpcRegion = text(g.vpc?.RegionId);
      if (!g.vpc || region === undefined || vpcRegion === undefined || region === vpcRegion) continue;
      const id = text(g.fields.VpcId) ?? (isUnknown(g.fields.VpcId) ? g.fields.VpcId.expr : 'the VPC');
      report({ at: g.fields.VpcId!, node: g, message: `VPC \`${id}\` is in ${vpcRegion}, not in ${region}` });
    }
  },
});

export const vpcNotAvailable = defineRule({
  id: 'vpc-not-available',
  group: 'vpc',
  api: { operation: 'CreateSecurityGroup', errorCode: 'IncorrectVpcStatus', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'The VPC is not `Available`',
  docs: {
    description: 'A group can only be created in a VPC whose status is Available; a VPC still Pending makes the API answer IncorrectVpcStatus (listed with HTTP 400 and 403). A status written by hand in a spec\'s `vpcs` is compared in any letter case (`available` is Available).',
    fix: 'Wait until the VPC is Available (or let the deployment tool order the VPC first).',
    valid: [withVpc('cn-hangzhou', 'Available')],
    invalid: [withVpc('cn-hangzhou', 'Pending')],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §3.3'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const status = text(g.vpc?.Status);
      // A status written by hand in a spec's `vpcs` may be in another case than the API's `Available`.
      if (!g.vpc || status === undefined || status.toLowerCase() === 'available') continue;
      report({ at: g.fields.VpcId!, node: g, message: `VPC status is \`${status}\`, not Available (the status was read at ${g.vpc.Status!.span.file}:${g.vpc.Status!.span.line})` });
    }
  },
});
