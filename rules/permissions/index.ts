/** AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress contract rules and exposure rules. */
import type { Rule } from '../../src/engine/rule.ts';

export const permissionRules: Rule[] = [];
