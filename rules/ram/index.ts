/** RAM permission and VPC/inventory prerequisite rules. */
import type { Rule } from '../../src/engine/rule.ts';

export const ramRules: Rule[] = [];
