/** Input rules of the ROS template loader. */
import { defineRule } from '../src/engine/rule.ts';
import type { Rule } from '../src/engine/rule.ts';

const SOURCE_ROS = 'fact sheet: alibaba-security-groups.md §4 (ROS resource properties)';
const SOURCE_INPUT = 'sglint input format';
const SOURCE_STACK = 'ROS documentation, ALIYUN::ROS::Stack (Dec 2023; 2026 translations): TemplateBody is a Map whose functions take effect in the nested stack only, TemplateBody is used when TemplateURL is given too, stacks nest up to five levels deep';
const NONE = { operation: 'none', errorCode: null, httpStatus: null };

const HEAD = "ROSTemplateFormatVersion: '2015-09-01'\n";

export const rosRules: Rule[] = [
  defineRule({
    id: 'ros-unknown-property',
    group: 'input',
    api: NONE,
    severity: 'warning',
    certainty: 'documented',
    summary: 'A property that the ROS security-group or rule resource does not have (ignored by the checks)',
    docs: {
      description:
        'Property names of ALIYUN::ECS::SecurityGroup, its inline rules and tags, and of the SecurityGroupIngress(es) / SecurityGroupEgress(es) resources are case-sensitive. An unknown name is ignored by the checks and usually means a typo that leaves the real property unset (`SecurityGroupname`). The message suggests the nearest known name.',
      fix: 'Use the property name suggested in the message.',
      valid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: web\n` }],
      invalid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupname: web\n` }],
    },
    sources: [SOURCE_ROS],
  }),
  defineRule({
    id: 'ros-ref-unknown',
    group: 'input',
    api: NONE,
    severity: 'error',
    certainty: 'documented',
    summary: 'A Ref, Fn::GetAtt, DependsOn, Fn::If or Fn::FindInMap names nothing the template defines',
    docs: {
      description:
        'Every name a template refers to with Ref, Fn::GetAtt, DependsOn, Fn::If, Condition or Fn::FindInMap must be a parameter, a resource, a pseudo parameter (`ALIYUN::Region`...), a condition or a mapping of the same template; otherwise the template cannot be deployed, and the value is unknown to the checks. The message suggests the nearest defined name. Names inside Fn::Sub strings are not reported, since `${NAME}` in a UserData script is often a shell variable.',
      fix: 'Correct the name, or define the parameter, resource, condition or mapping.',
      valid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  Vpc:\n    Type: ALIYUN::ECS::VPC\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: !Ref Vpc\n` }],
      invalid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  Vpc:\n    Type: ALIYUN::ECS::VPC\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      VpcId: !Ref Vcp\n` }],
    },
    sources: [SOURCE_INPUT],
  }),
  defineRule({
    id: 'ros-ref-cycle',
    group: 'input',
    api: NONE,
    severity: 'error',
    certainty: 'documented',
    summary: 'Resources (or conditions) refer to each other in a cycle',
    docs: {
      description:
        'A resource that depends on itself through Ref, Fn::GetAtt, Fn::Sub or DependsOn (or a condition that uses itself through `Condition`) has no creation order, so the template cannot be deployed. The finding is placed on the reference that closes the cycle; the values stay unknown.',
      fix: 'Remove one of the references of the cycle named in the message.',
      valid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  A:\n    Type: ALIYUN::ECS::SecurityGroup\n  B:\n    Type: ALIYUN::ECS::SecurityGroup\n    DependsOn: A\n` }],
      invalid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  A:\n    Type: ALIYUN::ECS::SecurityGroup\n    DependsOn: B\n  B:\n    Type: ALIYUN::ECS::SecurityGroup\n    DependsOn: A\n` }],
    },
    sources: [SOURCE_INPUT],
  }),
  defineRule({
    id: 'ros-shape',
    group: 'input',
    api: NONE,
    severity: 'error',
    certainty: 'documented',
    summary: 'A ROS template value has the wrong shape (Properties not a mapping, Tags not a list, a resource without Type or with a misspelt one...)',
    docs: {
      description:
        'A section, resource, property list or list item of the wrong shape cannot be read as the resource it declares, so it is not checked; ROS rejects it as well. So is a list or a mapping given for a property that takes one value (`SecurityGroupName: [web]`, a tag `Key`, a rule\'s `PortRange`; an intrinsic function is a value), an intrinsic function given arguments it does not take (`Ref: 0`, `Fn::If` with two items, `Fn::GetAtt` without an attribute), whose value nothing can then check, and a resource whose Type differs from a security-group, rule, VPC, managed-policy or nested-stack type only in case or a letter or two (`ALIYUN::ECS::Securitygroup`): ROS types are case-sensitive. Other types are left alone.',
      fix: 'Follow the resource syntax of the ROS documentation: `Tags` and rule properties are lists of mappings, `Properties` is a mapping, names and rule fields are single values.',
      valid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      Tags:\n        - Key: env\n          Value: prod\n` }],
      invalid: [
        { file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      Tags:\n        Key: env\n        Value: prod\n` },
        { file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::Securitygroup\n    Properties:\n      SecurityGroupName: web\n` },
      ],
    },
    sources: [SOURCE_ROS],
  }),
  defineRule({
    id: 'ros-stack-not-followed',
    group: 'input',
    api: NONE,
    severity: 'info',
    certainty: 'documented',
    summary: 'The template of a nested stack (ALIYUN::ROS::Stack) is not read (a TemplateURL, a TemplateBody string), so its security groups are not checked',
    docs: {
      description:
        'A resource of type `ALIYUN::ROS::Stack` is a nested stack: its template is another template. When that template is written in the file, as a mapping under `TemplateBody`, sglint checks it as a template of its own: its findings are placed where they are written, its resources are named after the stack (`Resources.Network.Resources.WebSg`, `Network.WebSg` in messages), its names are its own (a `Ref` inside names its parameters and resources, not those around it), and its parameters take the values the stack passes in `Parameters` when they are known (else their defaults; a value that is not known stays unknown). A stack with a `Condition` is read with that condition true, and once whatever its `Count` (a known `Count` multiplies the groups of its template against the region quota). Any other template is not read: a `TemplateURL` (`oss://`, `http://`, `https://` or any other) is never fetched, since the check runs without network access, a `TemplateBody` written as a string (JSON or YAML text) is not parsed, and a `TemplateBody` nested more than five stacks deep (ROS allows five levels) is not read. So that the security groups such a template creates do not go unchecked unsaid, each such stack is reported once (whatever its `Condition`, `Count` or `Fn::If`s), at its `Type`; the message names the `TemplateURL` when it is written as a string.',
      fix: 'Write the nested template as a mapping under `TemplateBody`, or check it as a template of its own: run sglint on its file (`sglint network.ros.yaml`), after saving it locally when it is only at its `TemplateURL`. Once it is checked, this finding can be suppressed with a reason, as any other (the `Metadata` of the resource, or a `sglint-ignore` comment).',
      valid: [
        { file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: web\n` },
        { file: 'template.ros.yaml', code: `${HEAD}Resources:\n  Network:\n    Type: ALIYUN::ROS::Stack\n    Properties:\n      TemplateBody:\n        ROSTemplateFormatVersion: '2015-09-01'\n        Resources:\n          WebSg:\n            Type: ALIYUN::ECS::SecurityGroup\n            Properties:\n              SecurityGroupName: web\n` },
      ],
      invalid: [
        { file: 'template.ros.yaml', code: `${HEAD}Resources:\n  Network:\n    Type: ALIYUN::ROS::Stack\n    Properties:\n      TemplateURL: oss://my-bucket/network.ros.yaml\n` },
        { file: 'template.ros.yaml', code: `${HEAD}Resources:\n  Network:\n    Type: ALIYUN::ROS::Stack\n    Properties:\n      TemplateBody: '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}'\n` },
      ],
    },
    sources: [SOURCE_INPUT, SOURCE_STACK],
  }),
  defineRule({
    id: 'ros-rules-unknown',
    group: 'input',
    api: NONE,
    severity: 'info',
    certainty: 'documented',
    summary: 'The rules of a security group or rule resource are not known before the stack is created (a Json parameter without a Default...), so they are not checked',
    docs: {
      description:
        'A group\'s `SecurityGroupIngress` / `SecurityGroupEgress` list, the `Permissions` of `ALIYUN::ECS::SecurityGroupIngresses` / `Egresses`, or one item of them, may come from a value known only when the stack is created: a `Ref` to a `Json` parameter without a `Default`, an attribute of another resource, an `Fn::If` on more conditions than are expanded. sglint never guesses such a value, so those rules are not checked. So that they do not go unchecked unsaid, each such list or item is reported once, where it is written.',
      fix: 'Give the parameter a `Default` that holds the rules deployed, or write the rules in the template; or suppress this finding with a reason.',
      valid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8}\n` }],
      invalid: [{ file: 'template.ros.yaml', code: `${HEAD}Parameters:\n  Rules:\n    Type: Json\nResources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupIngress: {Ref: Rules}\n` }],
    },
    sources: [SOURCE_INPUT],
  }),
  defineRule({
    id: 'ros-terraform-not-read',
    group: 'input',
    api: NONE,
    severity: 'info',
    certainty: 'documented',
    summary: 'The Terraform configuration of a template (Transform Aliyun::Terraform, section Workspace) is not read, so its security groups are not checked',
    docs: {
      description:
        'A template with `Transform: Aliyun::Terraform-v1.x` holds a Terraform configuration in its `Workspace` section: a mapping of file names (`main.tf`, `variable.tf`...) to their text, which ROS deploys with Terraform. sglint does not read that text from the template. So that the `alicloud_security_group` and `alicloud_security_group_rule` resources it declares do not go unchecked unsaid, the section is reported once, at its key.',
      fix: 'Save the files of `Workspace` as `.tf` files in a directory and run sglint on it. Once it is checked, this finding can be suppressed with a reason, as any other.',
      valid: [{ file: 'template.ros.yaml', code: `${HEAD}Resources:\n  WebSg:\n    Type: ALIYUN::ECS::SecurityGroup\n    Properties:\n      SecurityGroupName: web\n` }],
      invalid: [{ file: 'template.ros.yaml', code: `${HEAD}Transform: Aliyun::Terraform-v1.5\nWorkspace:\n  main.tf: |\n    resource "alicloud_security_group" "web" {\n      security_group_name = "web"\n    }\n` }],
    },
    sources: [SOURCE_INPUT],
  }),
  defineRule({
    id: 'ros-too-large',
    group: 'input',
    api: NONE,
    severity: 'error',
    certainty: 'documented',
    summary: 'The template expands to too many values when parameters are substituted (not checked further)',
    docs: {
      description:
        'Substituting parameter defaults, mappings and Fn::If branches copies values; a template whose substitution would produce more than a million values (a large default used very often, YAML aliases multiplying it) is not expanded further, so that one file cannot stall the run. The resource where the limit was reached and the resources after it are not checked.',
      fix: 'Reference large values fewer times, or split the template.',
      valid: [],
      invalid: [],
    },
    sources: [SOURCE_INPUT],
  }),
];
