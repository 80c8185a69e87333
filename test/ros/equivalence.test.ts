// Loader equivalence: the same security group written as a native spec and as a ROS template (YAML, with
// short-form functions, and JSON, with long-form functions) gives the same (rule id, error code) findings.
import { expect, it } from 'vitest';
import { lintFiles } from '../helpers.ts';

const spec = `securityGroups:
  - RegionId: eu-central-1
    SecurityGroupName: 1web
    Description: https://wiki.example.com/web
    SecurityGroupType: enterprise
    Tag:
      - {Key: acs:team, Value: web}
      - {Key: env, Value: prod}
      - {Key: env, Value: dev}
      - {Key: owner, Value: see https://example.com}
`;

const rosYaml = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Name:
    Type: String
    Default: 1web
  Wiki:
    Type: String
    Default: wiki.example.com
Resources:
  WebSg:
    Type: ALIYUN::ECS::SecurityGroup
    Properties:
      SecurityGroupName: !Ref Name
      Description: !Sub 'https://\${Wiki}/web'
      SecurityGroupType: enterprise
      Tags:
        - {Key: acs:team, Value: web}
        - {Key: env, Value: prod}
        - {Key: env, Value: dev}
        - Key: owner
          Value: !Join [' ', [see, 'https://example.com']]
`;

const rosJson = JSON.stringify(
  {
    ROSTemplateFormatVersion: '2015-09-01',
    Parameters: { Name: { Type: 'String', Default: '1web' } },
    Resources: {
      WebSg: {
        Type: 'ALIYUN::ECS::SecurityGroup',
        Properties: {
          SecurityGroupName: { Ref: 'Name' },
          Description: { 'Fn::Join': ['', ['https://', 'wiki.example.com/web']] },
          SecurityGroupType: 'enterprise',
          Tags: [
            { Key: 'acs:team', Value: 'web' },
            { Key: 'env', Value: 'prod' },
            { Key: 'env', Value: 'dev' },
            { Key: 'owner', Value: 'see https://example.com' },
          ],
        },
      },
    },
  },
  null,
  2,
);

const codes = (findings: { ruleId: string; errorCode: string | null }[]) => findings.map((f) => `${f.ruleId} ${f.errorCode}`).sort();

it('native spec, ROS YAML and ROS JSON give the same findings', async () => {
  const a = codes(await lintFiles({ 'spec.yaml': spec }));
  const b = codes(await lintFiles({ 'web.ros.yaml': rosYaml }, { region: 'eu-central-1' }));
  const c = codes(await lintFiles({ 'web.ros.json': rosJson }, { region: 'eu-central-1' }));
  expect(a).toEqual([
    'description-malformed InvalidDescription.Malformed',
    'enterprise-needs-vpc InvalidParams.VpcIdGroupType',
    'name-malformed InvalidSecurityGroupName.Malformed',
    'tag-key-duplicate Duplicate.TagKey',
    'tag-key-malformed InvalidTagKey.Malformed',
    'tag-value-malformed InvalidTagValue.Malformed',
  ]);
  expect(b).toEqual(a);
  expect(c).toEqual(a);
});
