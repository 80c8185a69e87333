import { defineRule } from '../../src/engine/rule.ts';
import { SOURCE_API, SOURCE_FACTS, httpProblem, httpScheme, known, lengthProblem, param, shown, spec, startsWithHttp } from './util.ts';

const NAME_FIRST = /^\p{L}/u;
const NAME_REST = /^[\p{L}\p{Nd}:_.-]*$/u;

export const nameMalformed = defineRule({
  id: 'name-malformed',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidSecurityGroupName.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'SecurityGroupName: 2-128 characters, starts with a letter, then letters, digits, `:` `_` `.` `-`',
  docs: {
    description:
      'The name must be 2 to 128 characters long, start with a letter (Unicode letters, Chinese characters included), contain only letters, digits, colons, underscores, periods and hyphens, and not start with http:// or https://. An empty name means "no name" and is not checked. When only the start of a name is known (`web-${var.env}`, `!Sub \'1-${Env}\'`), that start is checked: its first character, its characters and its length.',
    fix: 'Rename the group, e.g. `web-frontend`.',
    uncertainty:
      'Sources disagree on the character set: the parameter text and the Terraform docs allow `:` and any Unicode letter, while the error text and the ROS docs list neither. This rule follows the most permissive current reading; name-uncertain-characters warns about `:` and non-ASCII letters.',
    valid: [spec('SecurityGroupName: web-frontend.v2', 'VpcId: vpc-bp1opxu1zkhn00gzv1234'), spec('SecurityGroupName: 前端组', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [
      spec('SecurityGroupName: 1web', 'VpcId: vpc-bp1opxu1zkhn00gzv1234'),
      spec('SecurityGroupName: w', 'VpcId: vpc-bp1opxu1zkhn00gzv1234'),
      spec('SecurityGroupName: web frontend', 'VpcId: vpc-bp1opxu1zkhn00gzv1234'),
    ],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.3'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const n = known(g.fields.SecurityGroupName);
      // An empty name means "no name".
      if (!n || n.text === '') continue;
      const why = lengthProblem(n, 2, 128, 'it must be 2 to 128') ?? characterProblem(n.text);
      if (why) report({ at: n.tree, node: g, message: `SecurityGroupName ${shown(n)} ${why}` });
    }
  },
});

/** What the characters of a name (or of its known start) break, if anything. */
function characterProblem(name: string): string | undefined {
  if (startsWithHttp(name)) return 'starts with http:// or https://';
  if (!NAME_FIRST.test(name)) return 'must start with a letter';
  if (NAME_REST.test(name)) return undefined;
  const bad = [...name].find((c) => !NAME_REST.test(c))!;
  // A space or an invisible character is named by its code point: shown as is, a no-break space looks like a space.
  const shown = /[\s\p{C}]/u.test(bad) ? `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `\`${bad}\``;
  return `contains ${shown}; only letters, digits, \`:\`, \`_\`, \`.\` and \`-\` are allowed`;
}

export const nameUncertainCharacters = defineRule({
  id: 'name-uncertain-characters',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidSecurityGroupName.Malformed', httpStatus: 400 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'SecurityGroupName uses `:` or non-ASCII letters, which some sources reject',
  docs: {
    description:
      'The API reference allows colons and any Unicode letter in names, but the error description of InvalidSecurityGroupName.Malformed and the ROS documentation list neither. Names using them may be rejected by some regions or tools.',
    fix: 'Prefer ASCII letters, digits, `_`, `.` and `-` when the name must work everywhere.',
    uncertainty: 'Parameter text and Terraform docs: allowed. Error text, ROS docs (2024 and 2026): `:` not allowed; the 2024 ROS doc also omits Chinese characters.',
    valid: [spec('SecurityGroupName: web-frontend', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [spec('SecurityGroupName: "web:frontend"', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.3'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const n = param(g, 'SecurityGroupName');
      // The cheap test first: most names are plain ASCII without a colon.
      if (!n || !/[:]|[^\x00-\x7f]/.test(n.value) || !/^\p{L}[\p{L}\p{Nd}:_.-]{1,127}$/u.test(n.value)) continue;
      report({ at: n.tree, node: g, message: `SecurityGroupName \`${n.value}\` uses \`:\` or non-ASCII letters, which not every source accepts` });
    }
  },
});

export const descriptionMalformed = defineRule({
  id: 'description-malformed',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidDescription.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'Description: 2-256 characters, not starting with http:// or https://',
  docs: {
    description:
      'The description must be 2 to 256 characters long and must not start with http:// or https://. The reference writes these in lowercase; `HTTPS://` in capitals is reported as a warning. An empty description means "none" and is not checked. When only the start of a description is known (`https://${var.host}/wiki`), that start is checked.',
    fix: 'Write a description of 2 to 256 characters that does not start with a URL.',
    uncertainty:
      'The error table lists two codes for an invalid description: InvalidDescription.Malformed and the misspelled InvalidSecurityGroupDiscription.Malformed. Which one the service returns is not documented; this rule predicts the first.',
    valid: [spec('Description: Web tier', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
    invalid: [spec('Description: x', 'VpcId: vpc-bp1opxu1zkhn00gzv1234'), spec('Description: https://wiki/web', 'VpcId: vpc-bp1opxu1zkhn00gzv1234')],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.2, §1.4'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const d = known(g.fields.Description);
      if (!d || d.text === '') continue;
      const length = lengthProblem(d, 2, 256, 'it must be 2 to 256');
      const scheme = httpScheme(d.text, false);
      const url = !length && scheme ? httpProblem(scheme, 'starts with') : undefined;
      const why = length ?? url?.why;
      if (why) report({ at: d.tree, node: g, message: `Description ${d.whole ? '' : `${shown(d)} `}${why}`, ...(url?.severity ? { severity: url.severity } : {}) });
    }
  },
});
