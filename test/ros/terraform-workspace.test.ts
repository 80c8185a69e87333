// A template with Transform Aliyun::Terraform holds a Terraform configuration in Workspace: it is not read,
// and that is said once, at the section's key, beside the findings of the template's own resources.
import { describe, expect, it } from 'vitest';
import { key, lintFiles } from '../helpers.ts';

const TEMPLATE = `ROSTemplateFormatVersion: '2015-09-01'
Transform: Aliyun::Terraform-v1.5
Parameters:
  ZoneId:
    Type: String
Resources:
  WebSg:
    Type: ALIYUN::ECS::SecurityGroup
    Properties:
      SecurityGroupName: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8}
Workspace:
  main.tf: |-
    resource "alicloud_security_group" "sg" {
      vpc_id = "vpc-bp1opxu1zkhn00gzv1234"
    }
`;

describe('the Terraform configuration of a template (Workspace)', () => {
  it('is reported once at the Workspace key, as info; the template resources are still checked', async () => {
    const f = await lintFiles({ 'app.ros.yaml': TEMPLATE });
    expect(f.map(key)).toEqual([
      { ruleId: 'rule-port-range-protocol-mismatch', errorCode: 'OperationDenied', line: 12, column: 40, endLine: 12, endColumn: 45 },
      { ruleId: 'ros-terraform-not-read', errorCode: null, line: 13, column: 1, endLine: 13, endColumn: 10 },
    ]);
    expect(f[1]!.severity).toBe('info');
  });

  it('in JSON too', async () => {
    const f = await lintFiles({ 'app.ros.json': '{\n  "ROSTemplateFormatVersion": "2015-09-01",\n  "Transform": "Aliyun::Terraform-v1.5",\n  "Workspace": {"main.tf": "resource \\"alicloud_security_group\\" \\"sg\\" {}\\n"}\n}\n' });
    expect(f.map(key)).toEqual([{ ruleId: 'ros-terraform-not-read', errorCode: null, line: 4, column: 3, endLine: 4, endColumn: 14 }]);
  });
});
