/** RAM permission and VPC/inventory prerequisite rules. */
import type { Rule, RuleContext } from '../../src/engine/rule.ts';
import { defineRule } from '../../src/engine/rule.ts';
import { ramReports, RAM_RULES } from '../../src/ram/check.ts';
import { parsePolicy } from '../../src/ram/policy.ts';
import { text } from '../../src/load/tree.ts';
import { regionOf } from '../../src/model.ts';
import { examples } from './examples.ts';

const SEED = 'CreateSecurityGroup API reference, RAM authorization table (reference/CreateSecurityGroup-api-reference.txt)';
const FACTS_RAM = 'Fact sheet §6 (RAM: required actions and resources, policy grammar, matching, evaluation, Forbidden.RAM)';
const FACTS_ERRORS = 'Fact sheet §1.4 (CreateSecurityGroup error codes)';

function reportRam(ruleId: string) {
  return (ctx: RuleContext): void => {
    for (const r of ramReports(ctx.model, ctx.config)) if (r.ruleId === ruleId) ctx.report({ at: r.at, message: r.message, ...(r.node ? { node: r.node } : {}) });
  };
}

const forbidden = (operation: string) => ({ operation, errorCode: 'Forbidden.RAM', httpStatus: 403 });

export const ramCreateDenied = defineRule({
  id: RAM_RULES.create,
  api: forbidden('CreateSecurityGroup'),
  severity: 'error',
  certainty: 'documented',
  group: 'ram',
  summary: 'The deploying identity may not call ecs:CreateSecurityGroup on the group (or on its VPC).',
  docs: {
    description:
      'CreateSecurityGroup requires the RAM action ecs:CreateSecurityGroup on acs:ecs:{region}:{account}:securitygroup/* and, when VpcId is set, on acs:vpc:{region}:{account}:vpc/{vpcId} (the VPC ARN uses the service code vpc). RAM denies by default: an Allow statement must match the action and the resource, and any matching Deny wins. The policies attached to the deploying identity are listed in the config under ram.policies; when none of them allows the call, or one denies it, the call fails with Forbidden.RAM.',
    fix: 'Add an Allow statement for ecs:CreateSecurityGroup on both ARNs to a policy of the deploying identity (for example "Action": "ecs:*SecurityGroup*", "Resource": ["acs:ecs:*:*:securitygroup/*", "acs:vpc:*:*:vpc/*"]), or remove the Deny that matches.',
    uncertainty:
      'The API table marks both resource types as required; whether RAM checks them as two separate authorisations is not stated. Requiring an Allow for both is the safe reading.',
    ...examples.ramCreateDenied,
  },
  sources: [SEED, FACTS_RAM],
  check: reportRam(RAM_RULES.create),
});

export const ramModifyPolicyDenied = defineRule({
  id: RAM_RULES.modify,
  api: forbidden('ModifySecurityGroupPolicy'),
  severity: 'error',
  certainty: 'documented',
  group: 'ram',
  summary: 'The group sets InnerAccessPolicy, but the deploying identity may not call ecs:ModifySecurityGroupPolicy.',
  docs: {
    description:
      'InnerAccessPolicy is applied after creation with ModifySecurityGroupPolicy, which needs the RAM action ecs:ModifySecurityGroupPolicy. When no policy of the deploying identity allows it (or one denies it), the follow-up call fails with Forbidden.RAM after the group was created.',
    fix: 'Allow ecs:ModifySecurityGroupPolicy on acs:ecs:*:*:securitygroup/* for the deploying identity, or drop InnerAccessPolicy.',
    uncertainty:
      'The resource ARN of ecs:ModifySecurityGroupPolicy is not in the reference; the group ARN acs:ecs:{region}:{account}:securitygroup/{id} is assumed (a Resource of "*" or securitygroup/* matches it either way). No condition key is listed for it: a Condition on the rule keys ecs:SecurityGroupIpProtocols / ecs:SecurityGroupSourceCidrIps is taken as not met (a negated operator stays undecided).',
    ...examples.ramModifyPolicyDenied,
  },
  sources: [FACTS_RAM],
  check: reportRam(RAM_RULES.modify),
});

export const ramAuthorizeDenied = defineRule({
  id: RAM_RULES.authorize,
  api: forbidden('AuthorizeSecurityGroup'),
  severity: 'error',
  certainty: 'documented',
  group: 'ram',
  summary: 'The group has rules, but the deploying identity may not call ecs:AuthorizeSecurityGroup / ecs:AuthorizeSecurityGroupEgress.',
  docs: {
    description:
      'Ingress rules are added with AuthorizeSecurityGroup and egress rules with AuthorizeSecurityGroupEgress; each needs its RAM action. A Deny with a Condition on ecs:SecurityGroupIpProtocols or ecs:SecurityGroupSourceCidrIps (a common guard against 0.0.0.0/0) is evaluated against each rule\'s protocol and source CIDR; the finding is then placed on the rule it denies.',
    fix: 'Allow ecs:AuthorizeSecurityGroup (and ecs:AuthorizeSecurityGroupEgress for egress rules) for the deploying identity, or change the rule that a Deny statement forbids.',
    uncertainty:
      'The fact sheet lists these actions with "All Resources" (*); policies that name the group ARN (securitygroup/*) are accepted too, which gives fewer false errors. How a Condition key is evaluated when the request does not carry it (a rule with a source group instead of a CIDR) is not documented: a negated operator then gives "cannot prove".',
    ...examples.ramAuthorizeDenied,
  },
  sources: [FACTS_RAM],
  check: reportRam(RAM_RULES.authorize),
});

export const ramCannotProve = defineRule({
  id: RAM_RULES.cannotProve,
  api: forbidden('CreateSecurityGroup'),
  severity: 'warning',
  certainty: 'documented',
  group: 'ram',
  summary: 'Whether the deploying identity may make a call cannot be decided before deployment.',
  docs: {
    description:
      'A statement that decides the call has a Condition on request context (source IP, time, MFA, tags...), names a specific account while the config gives no accountId, or a policy is not fully known (a reference). The call may fail with Forbidden.RAM; sglint does not guess. The message names the action, the ARN and the statement.',
    fix: 'Set accountId (and region) in the config so ARNs can be matched, or add an unconditional Allow for the action, or accept the warning (rules: { ram-cannot-prove: off }).',
    ...examples.ramCannotProve,
  },
  sources: [FACTS_RAM],
  check: reportRam(RAM_RULES.cannotProve),
});

export const ramPolicyNotFound = defineRule({
  id: RAM_RULES.notFound,
  api: { operation: 'CreateSecurityGroup', errorCode: null, httpStatus: null },
  severity: 'error',
  certainty: 'documented',
  group: 'input',
  summary: 'A policy listed under ram.policies is neither a file nor a RAM policy in the inputs.',
  docs: {
    description:
      'Each entry of ram.policies is a JSON policy file (relative to the config file), a policy declared in the inputs (Terraform address alicloud_ram_policy.name, which names every instance of a block with count or for_each; ROS logical id) or an inline document. An entry that names nothing is reported on the config entry; the RAM checks then run with the other policies, so they may report denials the missing policy would have allowed.',
    fix: 'Correct the path or the name.',
    ...examples.ramPolicyNotFound,
  },
  sources: [FACTS_RAM],
  check: reportRam(RAM_RULES.notFound),
});

export const ramPolicyMalformed = defineRule({
  id: 'ram-policy-malformed',
  api: { operation: 'CreatePolicy', errorCode: null, httpStatus: null },
  severity: 'error',
  certainty: 'documented',
  group: 'ram',
  summary: 'A RAM policy document does not follow the policy grammar.',
  docs: {
    description:
      'A policy document is { "Version": "1", "Statement": [ { "Effect": "Allow"|"Deny", "Action"|"NotAction": ..., "Resource"|"NotResource": ..., "Condition"?: { operator: { key: value } } } ] }; Version is the string "1", Statement a non-empty list, single values may be strings; the document is at most 6144 bytes. RAM refuses such a document; sglint leaves a malformed statement out of the RAM checks. The error code RAM returns for a malformed document is not in the reference, so none is claimed.',
    fix: 'Correct the document as the message says.',
    uncertainty: 'NotResource is listed only by older grammar documents; it is accepted here. Keys outside the grammar are reported.',
    ...examples.ramPolicyMalformed,
  },
  sources: [FACTS_RAM, 'Fact sheet §3.4 (alicloud_ram_policy: the provider checks only that the document is JSON)'],
  check(ctx) {
    const seen = new Set<unknown>();
    for (const p of ctx.model.policies) {
      if (seen.has(p.document)) continue;
      seen.add(p.document);
      for (const problem of parsePolicy(p.document).problems) ctx.report({ at: problem.at, message: problem.message, node: p });
    }
  },
});

export const inventoryMalformed = defineRule({
  id: 'inventory-malformed',
  api: { operation: 'CreateSecurityGroup', errorCode: null, httpStatus: null },
  severity: 'error',
  certainty: 'documented',
  group: 'input',
  summary: 'An inventory file listed in the config is missing or is not a CLI export sglint understands.',
  docs: {
    description:
      'Inventory files are the JSON output of `aliyun vpc DescribeVpcs --RegionId <region>` (Vpcs.Vpc[] with VpcId, RegionId, Status), `aliyun resourcemanager ListResourceGroups` (ResourceGroups.ResourceGroup[] with Id) and `aliyun ecs DescribeSecurityGroups --RegionId <region>` (TotalCount, or every group when --pager merged the pages; RegionId, or the region given in the config entry). A file of another shape, or a paged export that holds fewer items than its TotalCount, is reported where it goes wrong and is not used.',
    fix: 'Export with the official CLI (all pages: --pager) and list the output file under inventory.',
    ...examples.inventoryMalformed,
  },
  sources: ['Fact sheet §1.1, §1.4 (quota, VPC and resource-group errors)'],
});

export const vpcNotFound = defineRule({
  id: 'vpc-not-found',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidVpcId.NotFound', httpStatus: 404 },
  severity: 'error',
  certainty: 'documented',
  group: 'vpc',
  summary: 'VpcId names a VPC that neither the inputs declare nor the inventory lists for the group\'s region.',
  docs: {
    description:
      'CreateSecurityGroup needs an existing VPC in the group\'s region; an unknown VpcId fails with 404 InvalidVpcId.NotFound. A DescribeVpcs export listed under inventory is the complete list for its region: a VpcId that is not there, and not created by the inputs, does not exist. Regions without a VPC export are not checked.',
    fix: 'Use the id of a VPC that exists in that region (or declare the VPC in the inputs), or refresh the inventory export.',
    ...examples.vpcNotFound,
  },
  sources: [SEED, FACTS_ERRORS],
  check(ctx) {
    const inv = ctx.model.inventory;
    if (!inv || inv.vpcRegions.size === 0) return;
    const known = new Set(ctx.model.vpcs.map((v) => text(v.VpcId)).filter((v): v is string => v !== undefined));
    for (const g of ctx.model.groups) {
      const vpcId = text(g.fields.VpcId);
      if (vpcId === undefined || vpcId === '' || g.vpc) continue;
      const region = regionOf(g) ?? (g.fields.RegionId === undefined ? ctx.config.region : undefined);
      if (region === undefined || !inv.vpcRegions.has(region) || known.has(vpcId)) continue;
      ctx.report({ at: g.fields.VpcId!, node: g, message: `VPC ${vpcId} does not exist in ${region}: the inventory lists the region's VPCs and the inputs declare no such VPC` });
    }
  },
});

export const resourceGroupNotFound = defineRule({
  id: 'resource-group-not-found',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidResourceGroup.NotFound', httpStatus: 404 },
  severity: 'error',
  certainty: 'documented',
  group: 'vpc',
  summary: 'ResourceGroupId names a resource group the inventoried account does not have.',
  docs: {
    description:
      'ResourceGroupId must be an existing resource group of the account; otherwise CreateSecurityGroup fails with 404 InvalidResourceGroup.NotFound. When a ListResourceGroups export is listed under inventory, it is the account\'s complete list.',
    fix: 'Use an id from `aliyun resourcemanager ListResourceGroups`, or create the resource group first.',
    ...examples.resourceGroupNotFound,
  },
  sources: [SEED, FACTS_ERRORS],
  check(ctx) {
    const rgs = ctx.model.inventory?.resourceGroups;
    if (!rgs) return;
    for (const g of ctx.model.groups) {
      const id = text(g.fields.ResourceGroupId);
      if (id === undefined || id === '' || rgs.has(id)) continue;
      ctx.report({ at: g.fields.ResourceGroupId!, node: g, message: `resource group ${id} does not exist in the account (inventory lists ${rgs.size} resource group${rgs.size === 1 ? '' : 's'})` });
    }
  },
});

export const ramRules: Rule[] = [
  ramCreateDenied,
  ramModifyPolicyDenied,
  ramAuthorizeDenied,
  ramCannotProve,
  ramPolicyNotFound,
  ramPolicyMalformed,
  inventoryMalformed,
  vpcNotFound,
  resourceGroupNotFound,
];
