import { defineRule } from '../../src/engine/rule.ts';
import { text } from '../../src/load/tree.ts';
import type { Span } from '../../src/load/tree.ts';
import { SOURCE_API, SOURCE_FACTS, httpProblem, httpScheme, known, lengthProblem, shown, spec } from './util.ts';

const tags = (...lines: string[]) => spec('VpcId: vpc-bp1opxu1zkhn00gzv1234', 'Tag:', ...lines.map((l) => `  ${l}`));

export const tagKeyMalformed = defineRule({
  id: 'tag-key-malformed',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidTagKey.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'Tag key: not empty, at most 128 characters, not starting with `aliyun` or `acs:`, no http:// or https://',
  docs: {
    description:
      'A tag key cannot be empty, can be up to 128 characters long, cannot start with `aliyun` or `acs:` (reserved for the system) and cannot contain http:// or https:// (in capitals, `HTTPS://`, which the reference does not name: a warning). A tag with a Value and no Key is an error in a ROS template, where Key is required, and a warning elsewhere: the API marks Tag.N.Key optional and does not say what it does with such a tag. When only the start of a key is known (`!Sub \'acs:${Team}\'`), that start is checked.',
    fix: 'Rename the key, e.g. `env` instead of `acs:env`.',
    valid: [tags('- Key: env', '  Value: prod')],
    invalid: [tags('- Key: "acs:env"', '  Value: prod'), tags('- Key: aliyunteam', '  Value: a'), tags('- Key: ""', '  Value: a'), tags('- Value: orphan')],
  },
  sources: [SOURCE_API],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      for (const t of g.Tag?.items ?? []) {
        if (t.Key === undefined) {
          // ROS requires Key; the API marks Tag.N.Key optional and does not say what a value without one does.
          report({ at: t.span, node: g, message: 'the tag has no Key', ...(g.format === 'ros' ? {} : { severity: 'warning' as const }) });
          continue;
        }
        const k = known(t.Key);
        if (k === undefined) continue;
        const scheme = httpScheme(k.text, true);
        const url = scheme ? httpProblem(scheme, 'contains') : undefined;
        const other =
          k.text === '' ? 'is empty' : (lengthProblem(k, 1, 128, 'at most 128') ?? (k.text.startsWith('aliyun') || k.text.startsWith('acs:') ? 'starts with a reserved prefix (`aliyun` or `acs:`)' : undefined));
        const why = other ?? url?.why;
        if (why) report({ at: k.tree, node: g, message: `tag key ${shown(k)} ${why}`, ...(!other && url?.severity ? { severity: url.severity } : {}) });
      }
    }
  },
});

export const tagValueMalformed = defineRule({
  id: 'tag-value-malformed',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidTagValue.Malformed', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'Tag value: at most 128 characters, no http:// or https:// (empty is fine)',
  docs: {
    description: 'A tag value may be empty, can be up to 128 characters long and cannot contain http:// or https://. The reference writes these in lowercase; in capitals (`HTTPS://`) the finding is a warning.',
    fix: 'Shorten the value or drop the URL.',
    valid: [tags('- Key: env', '  Value: ""')],
    invalid: [tags('- Key: docs', '  Value: see https://wiki.example.com')],
  },
  sources: [SOURCE_API],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      for (const t of g.Tag?.items ?? []) {
        const v = known(t.Value);
        if (v === undefined) continue;
        const length = lengthProblem(v, 0, 128, 'at most 128');
        const scheme = httpScheme(v.text, true);
        const url = !length && scheme ? httpProblem(scheme, 'contains') : undefined;
        const why = length ?? (url ? `${url.why}${v.whole ? '' : ' (in the part that is known)'}` : undefined);
        if (why) report({ at: v.tree, node: g, message: `tag value ${why}`, ...(url?.severity ? { severity: url.severity } : {}) });
      }
    }
  },
});

export const tagValuePrefix = defineRule({
  id: 'tag-value-reserved-prefix',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'InvalidTagValue.Malformed', httpStatus: 400 },
  severity: 'warning',
  certainty: 'uncertain',
  summary: 'Tag value starts with `aliyun` or `acs:`, which older and related APIs reject',
  docs: {
    description: 'The current CreateSecurityGroup reference puts no prefix restriction on tag values, but its older version, CreateVpc and the ROS Tags documentation forbid `aliyun` and `acs:` there too.',
    fix: 'Avoid the reserved prefixes in values when the tags are also applied elsewhere.',
    uncertainty: 'Current reference: allowed. Older reference (≈2019), CreateVpc and ROS: forbidden. Hence a warning.',
    valid: [tags('- Key: owner', '  Value: team-a')],
    invalid: [tags('- Key: owner', '  Value: "acs:team"')],
  },
  sources: [SOURCE_FACTS + ' §1.2'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      for (const t of g.Tag?.items ?? []) {
        const v = text(t.Value);
        if (t.Value && v !== undefined && (v.startsWith('aliyun') || v.startsWith('acs:'))) {
          report({ at: t.Value, node: g, message: `tag value \`${v}\` starts with a prefix that some APIs reserve` });
        }
      }
    }
  },
});

export const tagKeyDuplicate = defineRule({
  id: 'tag-key-duplicate',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'Duplicate.TagKey', httpStatus: 400 },
  severity: 'error',
  certainty: 'documented',
  summary: 'The same tag key twice',
  docs: {
    description: 'Tag keys must be unique within one request.',
    fix: 'Remove or rename one of the tags.',
    valid: [tags('- Key: env', '  Value: prod', '- Key: team', '  Value: web')],
    invalid: [tags('- Key: env', '  Value: prod', '- Key: env', '  Value: dev')],
  },
  sources: [SOURCE_API],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const seen = new Map<string, Span>();
      for (const t of g.Tag?.items ?? []) {
        const k = text(t.Key);
        if (k === undefined || !t.Key) continue;
        const first = seen.get(k);
        if (first === undefined) {
          seen.set(k, t.Key.span);
          continue;
        }
        // The same written key reached twice (a YAML alias repeats a tag): the repeat is placed on the
        // entry that repeats it, where the alias is, not on the key it shares with the first.
        const shared = first.file === t.Key.span.file && first.line === t.Key.span.line && first.column === t.Key.span.column;
        report({ at: shared ? t.span : t.Key, node: g, message: `tag key \`${k}\` is already used on line ${first.line}` });
      }
    }
  },
});

export const tagCount = defineRule({
  id: 'tag-count',
  group: 'create',
  api: { operation: 'CreateSecurityGroup', errorCode: 'QuotaExceed.Tags', httpStatus: 403 },
  severity: 'error',
  certainty: 'documented',
  summary: 'More than 20 tags',
  docs: {
    description: 'A request can bind at most 20 tags (Tag.N, N = 1..20). In the flattened form N is the tag\'s place in the request, so `Tag.21.Key` is reported at its key even when fewer tags are written.',
    fix: 'Keep at most 20 tags on the group, numbered from 1 to 20 in the flattened form.',
    uncertainty: 'The limit is documented; that the 21st tag yields QuotaExceed.Tags rather than a generic parameter error is likely but not confirmed.',
    valid: [tags(...Array.from({ length: 20 }, (_, i) => [`- Key: k${i}`, '  Value: v']).flat())],
    invalid: [
      tags(...Array.from({ length: 21 }, (_, i) => [`- Key: k${i}`, '  Value: v']).flat()),
      { file: 'request.yaml', code: 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nTag.21.Key: env\nTag.21.Value: prod\n' },
    ],
  },
  sources: [SOURCE_API, SOURCE_FACTS + ' §1.2'],
  local: true,
  check({ model, report }) {
    for (const g of model.groups) {
      const items = g.Tag?.items ?? [];
      items.forEach((t, i) => {
        if (t.flatIndex && t.flatIndex.n > 20) report({ at: t.flatIndex.span, node: g, message: `Tag.${t.flatIndex.n}: N runs from 1 to 20` });
        else if (i === 20) report({ at: t.span, node: g, message: `${g.Tag?.more ? 'at least ' : ''}${items.length} tags; at most 20` });
      });
    }
  },
});
