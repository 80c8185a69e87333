/** Rules about the input files themselves: they carry no API error code. */
import { defineRule } from '../src/engine/rule.ts';
import type { Rule } from '../src/engine/rule.ts';

const SOURCE = 'sglint input format';

export const inputRules: Rule[] = [
  defineRule({
    id: 'parse-error',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    suppressible: false,
    summary: 'The file does not parse (syntax error, binary content, invalid UTF-8, too deep or too large)',
    docs: {
      description: 'A file that cannot be parsed cannot be checked. The finding is placed at the first syntax error (one per file: later errors mostly follow from it); the other files are still checked. In a Terraform configuration file (`.tf`, `.tf.json`), what Terraform rejects at the top of the file is reported here too, as its contents would otherwise go unchecked: an argument outside any block (often a block closed early by a `}`) and a block type Terraform does not read (a misspelt `resouce`). So are a resource, data source, module call, variable or output declared twice in one module directory (in any of its files; at the second header, which is not read; a file whose name starts with a dot, which Terraform does not load, is not read and is listed as skipped), and a block of an override file (`override.tf`, `*_override.tf`, which merge into the blocks they name as Terraform merges them) that names no block to override, an argument a block sets twice, and in Terraform\'s JSON syntax (`.tf.json`, `.tfvars.json`) a key written twice in an object value or a variable file and a block declared twice under one name, each at its second key (the first is the one checked); a key whose two values are objects may be a nested block written twice, which Terraform allows, and is reported only where the block is known to take no block of that name (locals, module, variable, output, and the security-group resources). A YAML or JSON file that does not parse and is not evidently a security-group input (nothing read of it is claimed by a loader, and it names no key they claim by) is skipped with a note instead.',
      fix: 'Fix the syntax at the reported position.',
      valid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' }],
      invalid: [
        { file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: [cn-hangzhou\n' },
        { file: 'spec.json', code: '{"securityGroups": [}' },
        { file: 'main.tf', code: 'resouce "alicloud_security_group" "web" {\n  security_group_name = "web"\n}\n' },
        {
          file: 'main.tf.json',
          code: '{\n  "resource": { "alicloud_security_group": { "web": {\n    "security_group_name": "web",\n    "tags": { "env": "prod", "env": "dev" }\n  } } }\n}\n',
        },
      ],
    },
    sources: [SOURCE],
  }),
  defineRule({
    id: 'file-unreadable',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    suppressible: false,
    summary: 'A file could not be read (permissions, broken link, not a regular file)',
    docs: {
      description:
        'Nothing is skipped silently: a file that cannot be read is reported, with the reason, and counted as failed. Only regular files are read: a named pipe, socket or device named on the command line (or read as part of a Terraform module) is reported here; one met in a directory walk is not read and is counted as skipped.',
      fix: 'Fix the file\'s permissions, remove the broken link, name a regular file, or exclude the path with `ignore` in the config.',
      valid: [],
      invalid: [],
    },
    sources: [SOURCE],
  }),
  defineRule({
    id: 'file-too-large',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    suppressible: false,
    summary: 'A file is larger than `maxFileBytes` (default 20 MiB) and is not read',
    docs: {
      description: 'Very large files are reported instead of read, so that one generated file cannot exhaust memory. Real security-group specs are far smaller.',
      fix: 'Exclude the file with `ignore`, or raise `maxFileBytes` in the config.',
      valid: [],
      invalid: [],
    },
    sources: [SOURCE],
  }),
  defineRule({
    id: 'spec-unknown-key',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'A key the native spec format does not know (ignored)',
    docs: {
      description: 'Native spec fields are the API\'s request parameter names, case-sensitive. An unknown key is ignored, which usually means a typo (`SecurityGroupname`) that leaves the real parameter unset. Top-level keys starting with `x-` are extension fields and are not reported: the place for YAML anchors that groups merge (`x-defaults: &defaults` ... `<<: *defaults`).',
      fix: 'Use the API parameter name suggested in the message.',
      valid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupName: web\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' }],
      invalid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: cn-hangzhou\n    SecurityGroupname: web\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' }],
    },
    sources: [SOURCE],
  }),
  defineRule({
    id: 'spec-shape',
    group: 'input',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    summary: 'A native spec value has the wrong shape (a list where a mapping belongs...)',
    docs: {
      description:
        'The native spec format has lists of groups, tags and rules, and each request parameter takes one value: a string (ServiceManaged a boolean, Priority an integer). A value of the wrong shape, such as a list or a map given for a parameter, cannot be read as a request and is not checked further. In the flattened query form the N of `Tag.N` and `Permissions.N` counts from 1 and has no leading zeros: a key with N = 0 or with a leading zero (`Tag.01.Key`, which would otherwise be taken for `Tag.1.Key`) is reported and ignored.',
      fix: 'Follow the format in the README (or let an editor validate it with schemas/sglint-spec.schema.json).',
      valid: [{ file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' }],
      invalid: [
        { file: 'spec.yaml', code: 'securityGroups:\n  RegionId: cn-hangzhou\n' },
        { file: 'spec.yaml', code: 'securityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    SecurityGroupName: [web, app]\n' },
        { file: 'request.yaml', code: 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nTag.0.Key: env\n' },
      ],
    },
    sources: [SOURCE],
  }),
  defineRule({
    id: 'tag-legacy-lowercase',
    group: 'input',
    api: { operation: 'CreateSecurityGroup', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'Legacy lowercase tag fields `key` / `value`',
    docs: {
      description: 'The API still accepts Tag.N.key and Tag.N.value for compatibility but recommends Tag.N.Key and Tag.N.Value.',
      fix: 'Write `Key` and `Value`.',
      valid: [{ file: 'spec.yaml', code: 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nTag.1.Key: env\nTag.1.Value: prod\n' }],
      invalid: [{ file: 'spec.yaml', code: 'RegionId: cn-hangzhou\nVpcId: vpc-bp1opxu1zkhn00gzv1234\nTag.1.key: env\nTag.1.value: prod\n' }],
    },
    sources: ['CreateSecurityGroup API reference (Jun 29, 2026)'],
  }),
];
