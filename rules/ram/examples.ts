/** Docs examples of the RAM and inventory rules (each is run by the catalog's example test). */
import type { Example } from '../../src/engine/rule.ts';

type Ex = { valid: Example[]; invalid: Example[] };

const ACCOUNT = 'accountId: "1234567890123456"\n';

/** A native spec with one group in cn-hangzhou; `extra` lines are added to the group. */
function spec(extra = ''): string {
  return `region: cn-hangzhou\nsecurityGroups:\n  - SecurityGroupName: web\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n${extra}`;
}

/** A config whose only policy is written inline; `statements` are YAML list items indented by 8. */
function policy(statements: string, head = ACCOUNT): string {
  return `${head}ram:\n  policies:\n    - Version: "1"\n      Statement:\n${statements}`;
}

const allowSg = '        - Effect: Allow\n          Action: "ecs:*SecurityGroup*"\n          Resource: ["acs:ecs:*:*:securitygroup/*", "acs:vpc:*:*:vpc/*"]\n';

const rules = '    Permissions:\n      - Direction: ingress\n        IpProtocol: tcp\n        PortRange: 443/443\n        SourceCidrIp: {cidr}\n';

export const examples: Record<string, Ex> = {
  ramCreateDenied: {
    invalid: [{ code: spec(), config: policy('        - Effect: Allow\n          Action: "ecs:Describe*"\n          Resource: "*"\n') }],
    valid: [{ code: spec(), config: policy(allowSg) }],
  },
  ramModifyPolicyDenied: {
    invalid: [
      {
        code: spec('    InnerAccessPolicy: Drop\n'),
        config: policy('        - Effect: Allow\n          Action: ecs:CreateSecurityGroup\n          Resource: "*"\n'),
      },
    ],
    valid: [{ code: spec('    InnerAccessPolicy: Drop\n'), config: policy(allowSg) }],
  },
  ramAuthorizeDenied: {
    invalid: [
      {
        code: spec(rules.replace('{cidr}', '0.0.0.0/0')),
        config: policy(
          allowSg +
            '        - Effect: Deny\n          Action: ecs:AuthorizeSecurityGroup\n          Resource: "*"\n          Condition:\n            StringEquals:\n              ecs:SecurityGroupSourceCidrIps: 0.0.0.0/0\n',
        ),
      },
    ],
    valid: [
      {
        code: spec(rules.replace('{cidr}', '10.0.0.0/8')),
        config: policy(
          allowSg +
            '        - Effect: Deny\n          Action: ecs:AuthorizeSecurityGroup\n          Resource: "*"\n          Condition:\n            StringEquals:\n              ecs:SecurityGroupSourceCidrIps: 0.0.0.0/0\n',
        ),
      },
    ],
  },
  ramCannotProve: {
    invalid: [
      {
        code: spec(),
        config: policy('        - Effect: Allow\n          Action: "ecs:*"\n          Resource: "acs:*:*:1234567890123456:*"\n', ''),
      },
      {
        code: spec(),
        config: policy(
          allowSg + '        - Effect: Deny\n          Action: "*"\n          Resource: "*"\n          Condition:\n            Bool:\n              acs:MFAPresent: "false"\n',
        ),
      },
    ],
    valid: [{ code: spec(), config: policy('        - Effect: Allow\n          Action: "ecs:*"\n          Resource: "acs:*:*:1234567890123456:*"\n') }],
  },
  ramPolicyNotFound: {
    invalid: [{ code: spec(), config: 'ram:\n  policies:\n    - alicloud_ram_policy.deployer\n' }],
    valid: [{ code: spec(), config: policy(allowSg) }],
  },
  ramPolicyMalformed: {
    invalid: [
      { code: spec(), config: 'ram:\n  policies:\n    - Version: 1\n      Statement:\n        - Effect: allow\n          Action: "ecs:*"\n          Resource: "*"\n' },
    ],
    valid: [{ code: spec(), config: policy(allowSg) }],
  },
  inventoryMalformed: {
    invalid: [{ code: spec(), config: 'inventory:\n  - Vpcs:\n      Vpc:\n        - RegionId: cn-hangzhou\n          Status: Available\n' }],
    valid: [
      { code: spec(), config: 'inventory:\n  - Vpcs:\n      Vpc:\n        - VpcId: vpc-bp1opxu1zkhn00gzv1234\n          RegionId: cn-hangzhou\n          Status: Available\n' },
    ],
  },
  vpcNotFound: {
    invalid: [
      { code: spec(), config: 'inventory:\n  - Vpcs:\n      Vpc:\n        - VpcId: vpc-bp1opxu1zkhn00gzv9999\n          RegionId: cn-hangzhou\n          Status: Available\n' },
    ],
    valid: [
      { code: spec(), config: 'inventory:\n  - Vpcs:\n      Vpc:\n        - VpcId: vpc-bp1opxu1zkhn00gzv1234\n          RegionId: cn-hangzhou\n          Status: Available\n' },
      // Another region's export says nothing about cn-hangzhou.
      { code: spec(), config: 'inventory:\n  - Vpcs:\n      Vpc:\n        - VpcId: vpc-uf6aamu2nomfr1thd1234\n          RegionId: cn-shanghai\n          Status: Available\n' },
    ],
  },
  resourceGroupNotFound: {
    invalid: [
      {
        code: spec('    ResourceGroupId: rg-acfmxazb4ph6aiy\n'),
        config: 'inventory:\n  - ResourceGroups:\n      ResourceGroup:\n        - Id: rg-aek2njhhouvxvji\n',
      },
    ],
    valid: [
      {
        code: spec('    ResourceGroupId: rg-aek2njhhouvxvji\n'),
        config: 'inventory:\n  - ResourceGroups:\n      ResourceGroup:\n        - Id: rg-aek2njhhouvxvji\n',
      },
    ],
  },
};
