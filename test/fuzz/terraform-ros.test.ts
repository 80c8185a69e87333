// Terraform (HCL) and ROS templates under fuzzing: HCL-shaped text and mutations of valid fixtures never
// throw past lintSources(), never trip a rule into internal-error, and every span lies inside its file.
// Named cases: a `.tf` file with unbalanced braces, a ROS template whose Ref cycles.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSources } from '../../src/index.ts';
import { lexHcl } from '../../src/load/terraform/lex.ts';
import { expectInside, mutate } from './spans.ts';

const root = join(import.meta.dirname, '..', '..');
const tfFixture = readFileSync(join(root, 'test/fixtures/terraform/good/main.tf'), 'utf8');
const rosFixtures = ['good.ros.yaml', 'bad.ros.yaml'].map((f) => readFileSync(join(root, 'examples/ros', f), 'utf8'));

async function lintOne(path: string, text: string) {
  const r = await lintSources([{ path, text }], { region: 'cn-hangzhou' });
  expect(r.files.map((f) => f.path)).toEqual([path]);
  for (const f of r.findings) expectInside(f.span, text, `${f.ruleId} ${JSON.stringify(text.slice(0, 200))}`);
  expect(r.findings.filter((f) => f.ruleId === 'internal-error'), text).toEqual([]);
  return r;
}

const edits = fc.array(
  fc.tuple(fc.nat(), fc.constantFrom('', ' ', '\n', '{', '}', '[', ']', '"', '=', '${', '%{', '<<EOT\n', 'EOT\n', '#', '//', '/*', '*/', '\\', 'var.x', '!Ref ', 'Ref', ':', '- ', '\t'), fc.nat({ max: 4 })),
  { minLength: 1, maxLength: 5 },
);

describe('Terraform under fuzzing', () => {
  it('HCL-shaped text', async () => {
    const unit = fc.constantFrom('resource', ' "alicloud_security_group"', ' "a"', ' {', '}', '\n', ' = ', '"web"', '"1web"', 'name', 'security_group_name', 'vpc_id', 'tags', '${', 'var.x', 'alicloud_vpc.v.id', '[', ']', ',', '<<EOT\n', 'EOT', '#', '//', '/*', '*/', '"', '? :', 'for', 'dynamic', 'variable', 'default', 'locals');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 60 }), async (text) => {
        await lintOne('main.tf', text);
      }),
      { numRuns: 150 },
    );
  });

  it('mutations of a valid module', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (es) => {
        await lintOne('main.tf', mutate(tfFixture, es));
      }),
      { numRuns: 150 },
    );
  });

  it('the scan for stray characters keeps every position: same length, problems inside the text, in order', () => {
    const unit = fc.constantFrom('a', ' ', '\n', '{', '}', '[', ']', '(', ')', '"', "'", '=', ',', ';', '\\', '$', '${', '%{', '<<EOT\n', 'EOT', '#', '//', '/*', '*/', '@', '&', '|', '&&');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        const r = lexHcl(text);
        expect(r.text.length).toBe(text.length);
        let last = -1;
        for (const p of r.problems) {
          expect(p.index).toBeGreaterThan(last);
          expect(p.index + p.length).toBeLessThanOrEqual(text.length);
          last = p.index;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('unbalanced braces: a located parse-error, and the file counts as failed', async () => {
    for (const text of [
      'resource "alicloud_security_group" "a" {\n  security_group_name = "web"\n',
      'resource "alicloud_security_group" "a" {\n  security_group_name = "web"\n}\n}\n',
      'resource "alicloud_security_group" "a" {\n  tags = {\n    env = "prod"\n}\n',
    ]) {
      const r = await lintOne('main.tf', text);
      expect(r.findings.map((f) => f.ruleId), text).toContain('parse-error');
      expect(r.files[0]!.status, text).toBe('failed');
    }
  });
});

describe('ROS templates under fuzzing', () => {
  it('mutations of valid and invalid templates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...rosFixtures), edits, async (t, es) => {
        await lintOne('stack.ros.yaml', mutate(t, es));
      }),
      { numRuns: 200 },
    );
  });

  it('JSON-shaped resources', async () => {
    const props = fc.dictionary(fc.constantFrom('SecurityGroupName', 'VpcId', 'Description', 'Tags', 'SecurityGroupType', 'Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Fn::Join'), fc.jsonValue({ maxDepth: 3 }));
    await fc.assert(
      fc.asyncProperty(fc.array(props, { maxLength: 4 }), async (list) => {
        const Resources = Object.fromEntries(list.map((Properties, i) => [`R${i}`, { Type: 'ALIYUN::ECS::SecurityGroup', Properties }]));
        await lintOne('stack.json', JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', Resources }, null, 2));
      }),
      { numRuns: 150 },
    );
  });

  it('a Ref cycle ends (ros-ref-cycle at the closing reference), quickly', async () => {
    const text = [
      "ROSTemplateFormatVersion: '2015-09-01'",
      'Resources:',
      '  Vpc:',
      '    Type: ALIYUN::ECS::VPC',
      '    Properties:',
      '      VpcName: !GetAtt Sg.SecurityGroupId',
      '  Sg:',
      '    Type: ALIYUN::ECS::SecurityGroup',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      SecurityGroupName: !Ref Sg',
      '',
    ].join('\n');
    const r = await lintOne('cycle.ros.yaml', text);
    const cycles = r.findings.filter((f) => f.ruleId === 'ros-ref-cycle');
    expect(cycles.length).toBeGreaterThan(0);
    for (const f of cycles) expect([6, 10, 11]).toContain(f.span.line);
  });
});
