/** Docs examples of the RAM and inventory rules (each is run by the catalog's example test). */
import type { Example } from '../../src/engine/rule.ts';

type Ex = { valid: Example[]; invalid: Example[] };
const none: Ex = { valid: [], invalid: [] };

export const examples: Record<string, Ex> = {
  ramCreateDenied: none,
  ramModifyPolicyDenied: none,
  ramAuthorizeDenied: none,
  ramCannotProve: none,
  ramPolicyNotFound: none,
  ramPolicyMalformed: none,
  inventoryMalformed: none,
  vpcNotFound: none,
  resourceGroupNotFound: none,
};
