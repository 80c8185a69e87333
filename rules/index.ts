/** THE catalog: the one list of rules. The engine knows no rule by name; entry points hand it this list. */
import type { Rule } from '../src/engine/rule.ts';
import { inputRules } from './input.ts';
import { regionClosed, regionRequired, regionUnknown } from './create/region.ts';
import { descriptionMalformed, nameMalformed, nameUncertainCharacters } from './create/name-description.ts';
import { enterpriseNeedsVpc, groupTypeCase, groupTypeInvalid, vpcIdMalformed, vpcNotAvailable, vpcRequiredInRegion, vpcWrongRegion } from './create/type-vpc.ts';
import { tagCount, tagKeyDuplicate, tagKeyMalformed, tagValueMalformed, tagValuePrefix } from './create/tags.ts';
import {
  clientTokenMalformed,
  clientTokenReused,
  groupQuota,
  innerAccessPolicyEnterprise,
  innerAccessPolicyInvalid,
  resourceGroupMalformed,
  serviceManagedSet,
} from './create/account.ts';
import { terraformRules } from './terraform.ts';
import { rosRules } from './ros.ts';
import { ramRules } from './ram/index.ts';
import { permissionRules } from './permissions/index.ts';
import { suppressRules } from './suppress.ts';

export const createRules: Rule[] = [
  regionRequired,
  regionUnknown,
  regionClosed,
  nameMalformed,
  nameUncertainCharacters,
  descriptionMalformed,
  groupTypeInvalid,
  groupTypeCase,
  enterpriseNeedsVpc,
  vpcRequiredInRegion,
  vpcIdMalformed,
  vpcWrongRegion,
  vpcNotAvailable,
  tagKeyMalformed,
  tagValueMalformed,
  tagValuePrefix,
  tagKeyDuplicate,
  tagCount,
  groupQuota,
  clientTokenReused,
  clientTokenMalformed,
  serviceManagedSet,
  resourceGroupMalformed,
  innerAccessPolicyInvalid,
  innerAccessPolicyEnterprise,
];

export const catalog: Rule[] = [...inputRules, ...createRules, ...permissionRules, ...ramRules, ...terraformRules, ...rosRules, ...suppressRules];
