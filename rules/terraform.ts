/** Input rules of the Terraform loader (deprecated attributes, modules not followed...). */
import type { Rule } from '../src/engine/rule.ts';
import type { Node, Tree } from '../src/model.ts';
import { text } from '../src/load/tree.ts';

const PROVIDER = 'aliyun/alicloud provider source (alibaba-security-groups.md §3)';

/** An ingress rule for SSH from 10.0.0.0/8, of the type given. */
const sshRule = (type: string): string =>
  `resource "alicloud_security_group_rule" "ssh" {\n  type              = "${type}"\n  ip_protocol       = "tcp"\n` +
  '  port_range        = "22/22"\n  cidr_ip           = "10.0.0.0/8"\n  security_group_id = "sg-123"\n}\n';

export const terraformRules: Rule[] = [
  {
    id: 'terraform-deprecated-attribute',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'A deprecated argument of an alicloud resource is used; the provider names its replacement.',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'The alicloud provider marks some arguments as deprecated: `name` and `inner_access` of ' +
        '`alicloud_security_group` (replaced by `security_group_name` and `inner_access_policy`), ' +
        '`source_group_owner_account` of `alicloud_security_group_rule` (`source_group_owner_id`), `name` of ' +
        '`alicloud_vpc` (`vpc_name`), and `name` / `document` of `alicloud_ram_policy` (`policy_name` / ' +
        '`policy_document`). They still work today, but may be removed in a later provider version. When both ' +
        '`security_group_name` and `name` are set, `security_group_name` is sent to the API.',
      fix: 'Rename the argument to its replacement; for `inner_access = true` write `inner_access_policy = "Accept"` (false: "Drop").',
      valid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  inner_access_policy = "Accept"\n}\n',
        },
      ],
      invalid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  name         = "web"\n  inner_access = true\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-module-not-followed',
    api: { operation: 'terraform init', errorCode: null, httpStatus: null },
    severity: 'info',
    certainty: 'documented',
    summary: 'A module that is neither a local directory nor installed by terraform init is not read, so its resources are not checked.',
    group: 'input',
    sources: [
      'Terraform module sources: local paths start with ./ or ../',
      'Terraform: `terraform init` installs other sources into .terraform/modules and lists them in .terraform/modules/modules.json (Key: the module path, Source, Dir)',
    ],
    docs: {
      description:
        'Local modules (`source = "./..."` or `"../..."`) are followed, with the inputs the caller passes. A ' +
        'registry, Git or HTTP module is followed when `terraform init` has installed it: the root module\'s ' +
        '`.terraform/modules/modules.json` names the directory it was installed to (the check never downloads ' +
        'anything). Reported when it was not installed, when the manifest holds it as installed from another ' +
        'source than the one written (the source was changed since `terraform init`), or when the source is not ' +
        'a literal string, or when the installed version (the manifest\'s `Version`) is one the call\'s `version` ' +
        'constraint does not allow (`=`, `!=`, `>`, `>=`, `<`, `<=`, `~>`; Terraform then refuses to plan until ' +
        '`terraform init` runs again); a constraint or version with a pre-release part is not compared. A module ' +
        'that calls itself (directly or not) is followed once.',
      fix: 'Run `terraform init` before the check (or check the module separately in its directory), or vendor it into the repository and use a local source.',
      valid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_vpc" "main" {\n  vpc_name   = "main"\n  cidr_block = "172.16.0.0/16"\n}\n',
        },
      ],
      invalid: [
        {
          file: 'main.tf',
          code: 'module "vpc" {\n  source = "alibaba/vpc/alicloud"\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-module-missing',
    api: { operation: 'terraform init', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    summary: 'A local module directory holds no .tf or .tf.json file (or does not exist).',
    group: 'input',
    sources: ['Terraform module sources: a local path must name a directory with the module\'s configuration files'],
    docs: {
      description:
        'A module block with a local `source` names a directory relative to the calling module. When that ' +
        'directory has no `.tf` / `.tf.json` file, `terraform init` fails, and nothing of the module can be checked.',
      fix: 'Correct the `source` path (it is relative to the directory of the file with the module block).',
      valid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n}\n',
        },
      ],
      invalid: [
        {
          file: 'main.tf',
          code: 'module "network" {\n  source = "./modules/no-such-module"\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-unknown-argument',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'An alicloud_security_group or alicloud_security_group_rule argument the provider does not have (not checked).',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'Terraform rejects an argument a resource does not have ("An argument named ... is not expected here"), and ' +
        'a misspelt one (`descripton`) leaves the argument meant unset, so its checks never run. The arguments ' +
        'known are those of the provider schema in the reference (`alicloud_security_group`: security_group_name, ' +
        'name, description, vpc_id, security_group_type, inner_access_policy, inner_access, resource_group_id, ' +
        'tags and a `timeouts` block; `alicloud_security_group_rule`: its fourteen arguments), plus Terraform\'s ' +
        'meta-arguments. Computed-only attributes (`id`, `create_time`) cannot be set either. A warning, not an ' +
        'error: a provider newer than the reference may have added an argument. The message suggests the nearest ' +
        'known name.',
      fix: 'Use the argument name suggested in the message (or suppress the finding for an argument a newer provider added).',
      valid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  description         = "Web tier"\n}\n',
        },
      ],
      invalid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  descripton          = "Web tier"\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-unknown-resource-type',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'A resource type one or two letters away from alicloud_security_group(_rule): a misspelling, so the block is not checked.',
    group: 'input',
    sources: [PROVIDER, 'Terraform: resource types are case-sensitive; an unknown type fails at plan ("Invalid resource type")'],
    docs: {
      description:
        'A `resource` block whose type is not `alicloud_security_group` or `alicloud_security_group_rule` but ' +
        'within two letters of one (`alicloud_securitygroup`, `alicloud_security_groups`, ' +
        '`alicloud_Security_Group`) is reported at its header with the type meant. Terraform would stop at plan ' +
        'with "Invalid resource type", and until then none of the checks of the group or rule run on it. Other ' +
        'resource types are not judged: the provider has hundreds, and the reference lists only the ones read ' +
        'here. A warning: the data source `alicloud_security_groups` is a `data` block and never reported.',
      fix: 'Write the type suggested in the message.',
      valid: [{ file: 'main.tf', code: sshRule('ingress') }],
      invalid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_securitygroup" "web" {\n  security_group_name = "web"\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-duplicate-key',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'An object writes one key twice: Terraform keeps the last value and drops the first without a word.',
    group: 'input',
    sources: [
      'Terraform: an object constructor that repeats a key keeps its last value and reports nothing (hashicorp/terraform#28727)',
      'HCL JSON syntax (hashicorp/hcl json/structure.go): a repeated argument, object attribute or attribute definition is an error ("Duplicate argument", "Duplicate object attribute", "Duplicate attribute definition")',
    ],
    docs: {
      description:
        'In `tags = { env = "prod", env = "dev" }` or a `for_each` map that names one rule twice, Terraform keeps ' +
        'the last value and drops the first silently: a tag or a whole rule is lost, and what sglint checks is ' +
        'what Terraform keeps. Reported at the second key, in every object of the `.tf` and `.tfvars` files read ' +
        '(the modules called included), for keys ' +
        'written as names, quoted strings or numbers (`env` and `"env"` are one key); keys computed from ' +
        'expressions are not compared. Not reported in a file with a syntax error, where error recovery may ' +
        'read a line twice. Terraform\'s JSON syntax (`.tf.json`, `.tfvars.json`) does not keep the last value: it ' +
        'rejects a key written twice in an object value, an argument set twice and a block declared twice under one ' +
        'name, so these are reported as `parse-error` at the second key (the first value is the one checked). A ' +
        'block type or a resource type written again there is one more block, as in `.tf`, and not reported.',
      fix: 'Remove one of the two entries, or rename one key if both values are wanted.',
      valid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  tags = {\n    env  = "prod"\n    team = "web"\n  }\n}\n',
        },
      ],
      invalid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  tags = {\n    env = "prod"\n    "env" = "dev"\n  }\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-argument-missing',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    summary: 'An alicloud_security_group_rule without type or security_group_id, which the provider requires.',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'The provider schema marks `type`, `ip_protocol` and `security_group_id` of `alicloud_security_group_rule` ' +
        'as required; Terraform rejects a rule without one at plan ("The argument ... is required"). Without ' +
        '`type` it is not even known which API call the rule would be (AuthorizeSecurityGroup or ' +
        'AuthorizeSecurityGroupEgress), so nothing else of it is checked. A missing `ip_protocol` is reported by ' +
        '`rule-protocol-invalid`, with the API\'s error code. An argument whose value is null (`type = var.t` ' +
        'where `var.t` defaults to null) is not set either: it is reported where the null is written, once per ' +
        'block (a variable with `nullable = false` given null takes its default, and is set).',
      fix: 'Add the arguments named in the message: `type = "ingress"` or `"egress"`, and the group the rule belongs to.',
      valid: [{ file: 'main.tf', code: sshRule('ingress') }],
      invalid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group_rule" "ssh" {\n  ip_protocol = "tcp"\n  port_range  = "22/22"\n  cidr_ip     = "10.0.0.0/8"\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-argument-type',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    summary: 'A list or a map given for an alicloud_security_group(_rule) argument that takes a string, or the reverse.',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'Every argument of `alicloud_security_group` and `alicloud_security_group_rule` takes a string, a number ' +
        'or a bool, except `tags`, a map of strings (reference, provider schema). Terraform converts between ' +
        'strings, numbers and bools, but rejects a list or a map where a single value belongs, and the reverse ' +
        '("Inappropriate value for attribute"). The value is then not checked further.',
      fix: 'Give one value (for several rules, one resource per rule, or count / for_each), or a map for `tags`.',
      valid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  tags = {\n    env = "prod"\n  }\n}\n',
        },
      ],
      invalid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  security_group_name = ["web", "api"]\n  tags = ["env", "prod"]\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-too-many-instances',
    api: { operation: 'none', errorCode: null, httpStatus: null },
    severity: 'warning',
    certainty: 'documented',
    summary: 'A count or for_each makes more instances than are read; the first ones are checked.',
    group: 'input',
    sources: ['sglint input limits'],
    docs: {
      description:
        'Each `count` index and `for_each` element of a resource or module is read as an instance of its own (so ' +
        'that the quota of groups per region counts them). At most 10,000 instances of one block and 100,000 in ' +
        'all are read, so that `count = 1000000000` cannot stall the run: the first ones are checked, and this ' +
        'finding says how many were made. The quota rule counts the instances read.',
      fix: 'Check the count: no region holds that many security groups or rules. If it is meant, split the resources over smaller blocks or modules.',
      valid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  count               = 3\n  security_group_name = "web-${count.index}"\n}\n',
        },
      ],
      invalid: [
        {
          file: 'main.tf',
          code: 'resource "alicloud_security_group" "web" {\n  count               = 1000000000\n  security_group_name = "web-${count.index}"\n}\n',
        },
      ],
    },
  },
  {
    id: 'terraform-rule-type-invalid',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    summary: 'The type of an alicloud_security_group_rule is neither "ingress" nor "egress" (exact case).',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'The provider validates `type` of `alicloud_security_group_rule` against `ingress` and `egress`, case ' +
        'sensitive, at plan time. Any other value fails before any API call, and the rule cannot be checked further.',
      fix: 'Write `type = "ingress"` (AuthorizeSecurityGroup) or `type = "egress"` (AuthorizeSecurityGroupEgress).',
      valid: [{ file: 'main.tf', code: sshRule('ingress') }],
      invalid: [
        {
          file: 'main.tf',
          code: sshRule('Ingress'),
        },
      ],
    },
  },
  {
    id: 'terraform-rule-type-unknown',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'info',
    certainty: 'documented',
    summary: 'The type of an alicloud_security_group_rule cannot be known before the run, so the rule is not checked.',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'Whether an `alicloud_security_group_rule` is `ingress` (AuthorizeSecurityGroup) or `egress` ' +
        '(AuthorizeSecurityGroupEgress) decides which API call it becomes and what its `cidr_ip` means (source or ' +
        'destination). When `type` is not known statically (a variable without a value, a conditional on a value ' +
        'that is not known, a function or an operator the check does not compute, such as `>=`), nothing of the rule ' +
        'is checked, and this note says so rather than pass it over.',
      fix: 'Give the values `type` depends on (`--var`, `--var-file`, a `terraform.tfvars`), or write the type as a literal or a variable; or check its plan (`terraform show -json plan.out`).',
      valid: [{ file: 'main.tf', code: sshRule('ingress') }],
      invalid: [{ file: 'main.tf', code: 'variable "direction" {}\n\n' + sshRule('ingress').replace('"ingress"', 'var.direction') }],
    },
  },
  {
    id: 'terraform-argument-conflict',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    summary: 'Two arguments the alicloud provider declares as conflicting are both set (source_security_group_id with cidr_ip, inner_access_policy with inner_access).',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'The provider refuses, at plan time, `source_security_group_id` together with `cidr_ip` on an ' +
        '`alicloud_security_group_rule`, and `inner_access_policy` together with the deprecated `inner_access` on an ' +
        '`alicloud_security_group` ("conflicts with"). The API itself would take the CIDR and ignore the group; ' +
        'Terraform stops before calling it. Checked when both values are known: the provider defers the check ' +
        'while a value is unknown (a group created in the same run). `ipv6_cidr_ip` with `cidr_ip` conflicts too; ' +
        'rule-source-ip-family-conflict and rule-dest-ip-family-conflict report it with the API\'s code.',
      fix: 'Keep one of the two: split a CIDR and a group source into two rules; drop `inner_access` for `inner_access_policy`.',
      valid: [{ file: 'main.tf', code: sshRule('ingress') }],
      invalid: [{ file: 'main.tf', code: sshRule('ingress').replace('  security_group_id', '  source_security_group_id = "sg-456"\n  security_group_id') }],
    },
  },
  {
    id: 'terraform-value-case',
    api: { operation: 'terraform plan', errorCode: null, httpStatus: null },
    severity: 'error',
    certainty: 'documented',
    summary: 'A value the alicloud provider validates case-sensitively, written in another case (security_group_type, inner_access_policy, ip_protocol, policy).',
    group: 'input',
    sources: [PROVIDER],
    docs: {
      description:
        'The provider accepts only these spellings, at plan time: `security_group_type` `normal` or `enterprise`, ' +
        '`inner_access_policy` `Accept` or `Drop`, `ip_protocol` `tcp`, `udp`, `icmp`, `icmpv6`, `gre` or `all`, and ' +
        '`policy` `accept` or `drop`. The API may take other cases (IpProtocol is case-insensitive there), but ' +
        '`TCP` or `Normal` fails the plan before any call. Values read from a plan are not judged: the provider has ' +
        'validated them already. (In a native spec, SecurityGroupType in capitals is the warning group-type-case.)',
      fix: 'Write the value as the message shows it.',
      valid: [{ file: 'main.tf', code: sshRule('ingress') }],
      invalid: [{ file: 'main.tf', code: sshRule('ingress').replace('"tcp"', '"TCP"') }],
    },
    check({ model, report }) {
      const exact = (node: Node, name: string, v: Tree | undefined, allowed: readonly string[]): void => {
        const s = text(v);
        if (v === undefined || s === undefined || allowed.includes(s)) return;
        const meant = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
        if (meant) report({ at: v, node, message: `${name} must be written "${meant}" (the provider compares case-sensitively), not "${s}"` });
      };
      for (const g of model.groups) {
        if (!g.terraform || g.terraform.plan) continue;
        exact(g, 'security_group_type', g.fields.SecurityGroupType, ['normal', 'enterprise']);
        exact(g, 'inner_access_policy', g.fields.InnerAccessPolicy, ['Accept', 'Drop']);
      }
      for (const p of model.permissions) {
        if (!p.terraform || p.terraform.plan) continue;
        exact(p, 'ip_protocol', p.fields.IpProtocol, ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all']);
        exact(p, 'policy', p.fields.Policy, ['accept', 'drop']);
      }
    },
  },
];
