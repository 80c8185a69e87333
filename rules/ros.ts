/** Input rules of the ROS loader. */
import type { Rule } from '../src/engine/rule.ts';

export const rosRules: Rule[] = [];
