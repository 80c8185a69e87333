/** Input rules of the Terraform loader (deprecated attributes, modules not followed...). */
import type { Rule } from '../src/engine/rule.ts';

export const terraformRules: Rule[] = [];
