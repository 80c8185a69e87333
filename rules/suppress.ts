/**
 * Findings about suppressions themselves (inline `sglint-ignore` comments, ROS `Metadata.sglint.ignore`,
 * config `waivers`). They are produced by src/engine/suppress.ts after the other rules ran, so they have
 * no check of their own; their docs examples are run like every rule's.
 */
import { defineRule } from '../src/engine/rule.ts';
import type { Rule } from '../src/engine/rule.ts';

const SOURCE = 'sglint suppressions';
const NAME = 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n';

export const suppressRules: Rule[] = [
  defineRule({
    id: 'suppression-invalid',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    suppressible: false,
    summary: 'A suppression without a reason, with an unknown rule id, a malformed date, or naming a rule that may not be suppressed',
    docs: {
      description:
        'Every suppression must say why (`reason="..."`) and name rule ids or API error codes that sglint reports. An invalid suppression suppresses nothing, so the finding it meant to hide is reported too. `sglint-ignore-file` must come before any content of the file. Rules such as `parse-error`, and those listed under `unsuppressible` in the config, cannot be suppressed.',
      fix: 'Write `# sglint-ignore <rule-id> reason="why this is acceptable"` (optionally `expires=YYYY-MM-DD`), using an id from `sglint explain` or the rule catalog.',
      valid: [{ file: 'spec.yaml', code: `${NAME}    # sglint-ignore name-malformed reason="legacy name kept until the migration"\n    SecurityGroupName: 1web\n` }],
      invalid: [
        { file: 'spec.yaml', code: `${NAME}    # sglint-ignore name-malformed\n    SecurityGroupName: 1web\n` },
        { file: 'spec.yaml', code: `${NAME}    SecurityGroupName: 1web # sglint-ignore name-malformd reason="legacy"\n` },
      ],
    },
    sources: [SOURCE],
  }),
  defineRule({
    id: 'suppression-expired',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'A suppression whose `expires` date has come: it no longer suppresses',
    docs: {
      description:
        'A suppression with `expires=YYYY-MM-DD` suppresses until the day before that date (UTC). From that day on the finding it covered is reported again with its own severity, and the suppression is reported so that it can be removed or renewed with a new reason.',
      fix: 'Fix the finding and delete the suppression, or renew it with a later `expires` and a current reason.',
      valid: [{ file: 'spec.yaml', code: `${NAME}    # sglint-ignore name-malformed reason="rename planned" expires=2999-01-01\n    SecurityGroupName: 1web\n` }],
      invalid: [{ file: 'spec.yaml', code: `${NAME}    # sglint-ignore name-malformed reason="rename planned" expires=2020-01-01\n    SecurityGroupName: 1web\n` }],
    },
    sources: [SOURCE],
  }),
  defineRule({
    id: 'suppression-unused',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'A suppression that suppresses nothing (the finding was fixed, or it sits on the wrong line)',
    docs: {
      description:
        'A line suppression covers findings that start on the line below it (comment-only lines in between are skipped), or on its own line when written at the end of one (or in a `/* */` comment that code follows on that line). A suppression that covers nothing is stale or misplaced; left in place it would silently hide a future finding. Suppressions naming a rule switched off in the config are not reported, nor, in a file named alone rather than met in a directory walk (a pre-commit hook names the staged files), those for rules that compare resources across files (reused client tokens, quotas, duplicates, RAM) or read a VPC (declared in another file, perhaps), whose other files were not read.',
      fix: 'Delete the suppression, or move it onto the line before the finding.',
      valid: [{ file: 'spec.yaml', code: `${NAME}    SecurityGroupName: 1web # sglint-ignore name-malformed reason="legacy name"\n` }],
      invalid: [{ file: 'spec.yaml', code: `${NAME}    # sglint-ignore name-malformed reason="legacy name"\n    SecurityGroupName: web\n` }],
    },
    sources: [SOURCE],
  }),
];
