import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planLoader } from '../../src/load/terraform/plan.ts';
import { resourceKey } from '../../src/load/terraform/eval.ts';
import { parseJson } from '../../src/load/parse.ts';
import { defaultConfig } from '../../src/engine/config.ts';
import { get, text } from '../../src/load/tree.ts';
import type { Span } from '../../src/load/tree.ts';
import { FIXTURES, pos } from './load.ts';
import { block, planText, spanOf } from './plan-text.ts';
import { lintSources } from '../../src/index.ts';
import type { Finding } from '../../src/engine/rule.ts';
import { workspace } from '../helpers.ts';

function loadPlan(path: string, text: string) {
  const doc = parseJson(path, text).docs[0]!;
  const file = { path, abs: join(FIXTURES, path), text };
  const reports: { ruleId: string; span: Span }[] = [];
  const ctx = { config: defaultConfig(FIXTURES), report: (ruleId: string, r: { at: unknown }) => reports.push({ ruleId, span: r.at as Span }) };
  return { claims: planLoader.claims(doc), model: planLoader.load(doc, file, ctx), reports };
}

describe('plan JSON', () => {
  const path = 'equiv/plan/plan.json';
  const { claims, model } = loadPlan(path, readFileSync(join(FIXTURES, path), 'utf8'));

  test('is claimed by format_version + planned_values; other documents are not', () => {
    expect(claims).toBe(true);
    expect(loadPlan('x.json', '{"format_version": "1.0"}').claims).toBe(false);
    expect(loadPlan('x.json', '{"securityGroups": []}').claims).toBe(false);
  });

  test('resolved values placed in the plan file; null is absent', () => {
    const g = model.groups![0]!;
    expect(g.resource).toBe('alicloud_security_group.web');
    expect(text(g.fields.SecurityGroupName)).toBe('1web');
    expect(pos(g.fields.SecurityGroupName!.span)).toEqual([21, 36, 21, 42]);
    expect(g.fields.ResourceGroupId).toBeUndefined();
    expect(text(g.fields.RegionId)).toBe('cn-beijing');
    expect(g.Tag!.items.map((t) => [text(t.Key), text(t.Value)])).toEqual([['aliyun:team', 'web']]);
  });

  test('values known only after apply are unknown, linked through the configuration references', () => {
    const v = model.groups![0]!.fields.VpcId!;
    expect(v.type).toBe('unknown');
    // A plan read without its configuration is its own root module.
    const main = resourceKey(join(FIXTURES, path), 'alicloud_vpc.main');
    expect(v.type === 'unknown' && v.ref).toBe(main);
    expect(model.vpcs!.map((x) => [x.id, x.source, text(x.RegionId), text(x.CidrBlock)])).toEqual([
      [main, 'declared', 'cn-beijing', '172.16.0.0/16'],
    ]);
  });

  test('module resources, rules and RAM documents from resource_changes when planned_values is absent', () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'module.net.alicloud_security_group_rule.r[0]',
          module_address: 'module.net',
          mode: 'managed',
          type: 'alicloud_security_group_rule',
          name: 'r',
          change: { actions: ['create'], after: { type: 'egress', ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '10.0.0.0/8' }, after_unknown: { security_group_id: true } },
        },
        {
          address: 'alicloud_ram_policy.p',
          mode: 'managed',
          type: 'alicloud_ram_policy',
          name: 'p',
          change: { actions: ['create'], after: { policy_document: '{"Version":"1","Statement":[]}' } },
        },
      ],
    };
    const textJson = JSON.stringify(plan, null, 2);
    const { model: m } = loadPlan('p.json', textJson);
    const p = m.permissions![0]!;
    expect(p.resource).toBe('module.net.alicloud_security_group_rule.r[0]');
    expect(p.direction).toBe('egress');
    expect(text(p.fields.DestCidrIp)).toBe('10.0.0.0/8');
    expect(p.groupRef?.type).toBe('unknown');
    const version = get(m.policies![0]!.document, 'Version')!;
    expect(text(version)).toBe('1');
    // placed inside the escaped JSON string of the plan file
    const line = textJson.split('\n')[version.span.line - 1]!;
    expect(line.slice(version.span.column - 1, version.span.endColumn - 1)).toBe('\\"1\\"');
  });
});

const lintPlan = async (text: string) => (await lintSources([{ path: 'plans/plan.json', text }], {})).findings;
const row = (f: Finding) => [f.ruleId, f.errorCode, f.span.line, f.span.column, f.span.endLine, f.span.endColumn];

describe('plan JSON: deprecated arguments', () => {
  test('a known deprecated value is used when the plan computes its replacement (known beats unknown)', async () => {
    const doc = '{"Version": "1", "Statement": []}';
    const text = planText(
      [
        { address: 'alicloud_security_group.a', values: { name: '1bad', inner_access: true, security_group_type: 'enterprise' }, unknown: { security_group_name: true, inner_access_policy: true } },
        { address: 'alicloud_ram_policy.p', values: { document: doc }, unknown: { policy_document: true } },
      ],
      {
        resources: [
          block('alicloud_security_group.a', { name: { constant_value: '1bad' }, inner_access: { constant_value: true }, security_group_type: { constant_value: 'enterprise' } }),
          block('alicloud_ram_policy.p', { document: { constant_value: doc } }),
        ],
      },
    );
    const findings = await lintPlan(text);
    const pick = (id: string) => findings.filter((f) => f.ruleId === id).map(row);
    expect(pick('name-malformed')).toEqual([['name-malformed', 'InvalidSecurityGroupName.Malformed', ...spanOf(text, '"1bad"', '"values"')]]);
    expect(pick('inner-access-policy-enterprise')).toEqual([['inner-access-policy-enterprise', null, ...spanOf(text, 'true', '"inner_access"')]]);
    expect(pick('ram-policy-malformed')).toEqual([['ram-policy-malformed', null, ...spanOf(text, '[]', '"document"')]]);
  });

  test('a replacement the configuration writes stays unknown: the provider sends it, not the deprecated value', async () => {
    const text = planText([{ address: 'alicloud_security_group.a', values: { name: '1bad' }, unknown: { security_group_name: true } }], {
      resources: [block('alicloud_security_group.a', { name: { constant_value: '1bad' }, security_group_name: { references: ['var.n'] } })],
    });
    expect((await lintPlan(text)).filter((f) => f.ruleId === 'name-malformed')).toEqual([]);
  });
});

describe('plan JSON: references between resources', () => {
  const DROP = 'rule-enterprise-policy-drop';
  const OPERATION_DENIED = 'InvalidGroupParameter.OperationDenied';
  const rule = (address: string) => ({ address, values: { type: 'ingress', ip_protocol: 'tcp', port_range: '22/22', cidr_ip: '10.0.0.0/8', policy: 'drop' }, unknown: { security_group_id: true } });
  const group = (address: string, type: string) => ({ address, values: { security_group_name: 'g', security_group_type: type } });
  /** The drop findings, each with the rule instance it is on. */
  const drops = async (text: string) => (await lintPlan(text)).filter((f) => f.ruleId === DROP).map((f) => [f.resource, ...row(f)]);
  /** Span of the `"drop"` value of a rule instance in planned_values. */
  const dropOf = (text: string, address: string) => spanOf(text, '"drop"', `"address": "${address}"`);

  test('count.index: each rule instance is linked to the group instance of the same index', async () => {
    const text = planText([group('alicloud_security_group.sg[0]', 'normal'), group('alicloud_security_group.sg[1]', 'enterprise'), rule('alicloud_security_group_rule.r[0]'), rule('alicloud_security_group_rule.r[1]')], {
      resources: [
        block('alicloud_security_group.sg', {}, { count_expression: { constant_value: 2 } }),
        block('alicloud_security_group_rule.r', { security_group_id: { references: ['alicloud_security_group.sg', 'count.index'] } }, { count_expression: { constant_value: 2 } }),
      ],
    });
    expect(await drops(text)).toEqual([['alicloud_security_group_rule.r[1]', DROP, OPERATION_DENIED, ...dropOf(text, 'alicloud_security_group_rule.r[1]')]]);
  });

  test('each.key: each rule instance is linked to the group instance of the same key', async () => {
    const text = planText([group('alicloud_security_group.sg["a"]', 'enterprise'), group('alicloud_security_group.sg["b"]', 'normal'), rule('alicloud_security_group_rule.r["a"]'), rule('alicloud_security_group_rule.r["b"]')], {
      resources: [
        block('alicloud_security_group.sg', {}, { for_each_expression: { references: ['var.names'] } }),
        block('alicloud_security_group_rule.r', { security_group_id: { references: ['alicloud_security_group.sg', 'each.key'] } }, { for_each_expression: { references: ['var.names'] } }),
      ],
    });
    expect(await drops(text)).toEqual([['alicloud_security_group_rule.r["a"]', DROP, OPERATION_DENIED, ...dropOf(text, 'alicloud_security_group_rule.r[\\"a\\"]')]]);
  });

  test('a module output is followed to the resource it returns', async () => {
    const text = planText([group('module.net.alicloud_security_group.sg', 'enterprise'), rule('alicloud_security_group_rule.r')], {
      resources: [block('alicloud_security_group_rule.r', { security_group_id: { references: ['module.net.sg_id', 'module.net'] } })],
      module_calls: {
        net: {
          source: 'registry.example/net',
          module: {
            outputs: { sg_id: { expression: { references: ['alicloud_security_group.sg.id', 'alicloud_security_group.sg'] } } },
            resources: [block('alicloud_security_group.sg', {})],
          },
        },
      },
    });
    expect(await drops(text)).toEqual([['alicloud_security_group_rule.r', DROP, OPERATION_DENIED, ...dropOf(text, 'alicloud_security_group_rule.r')]]);
  });

  test('an expression naming two different groups is ambiguous: not linked to either', async () => {
    const text = planText([group('alicloud_security_group.a', 'enterprise'), group('alicloud_security_group.b', 'normal'), rule('alicloud_security_group_rule.r')], {
      resources: [
        block('alicloud_security_group.a', {}),
        block('alicloud_security_group.b', {}),
        block('alicloud_security_group_rule.r', {
          security_group_id: { references: ['var.primary', 'alicloud_security_group.a.id', 'alicloud_security_group.a', 'alicloud_security_group.b.id', 'alicloud_security_group.b'] },
        }),
      ],
    });
    expect(await drops(text)).toEqual([]);
    const { model } = loadPlan('plans/plan.json', text);
    const ref = model.permissions![0]!.groupRef!;
    expect(ref.type === 'unknown' && ref.ref).toBeUndefined();
  });
});

describe('plan JSON beside its configuration, both checked', () => {
  const tf = `provider "alicloud" {
  region = "cn-beijing"
}

variable "name" {}

variable "n" {}

resource "alicloud_security_group" "web" {
  security_group_name = var.name
  tags = {
    "aliyun:team" = "web"
  }
}

resource "alicloud_security_group_rule" "ssh" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "22/22"
  cidr_ip           = "10.0.0.0/8"
  security_group_id = alicloud_security_group.web.id
}

resource "alicloud_security_group_rule" "http" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "80/80"
  cidr_ip           = "10.0.0.0/8"
  security_group_id = alicloud_security_group.web.id
}

resource "alicloud_security_group" "extra" {
  count               = var.n
  security_group_name = "extra"
}
`;
  const rule = (port: string) => ({ type: 'ingress', ip_protocol: 'tcp', port_range: port, cidr_ip: '10.0.0.0/8' });
  const toWeb = { references: ['alicloud_security_group.web.id', 'alicloud_security_group.web'] };
  // Planned with -var name=1web -var n=2: values the configuration alone does not know.
  const plan = planText(
    [
      { address: 'alicloud_security_group.web', values: { security_group_name: '1web', tags: { 'aliyun:team': 'web' } } },
      { address: 'alicloud_security_group_rule.ssh', values: rule('22/22'), unknown: { security_group_id: true } },
      { address: 'alicloud_security_group_rule.http', values: rule('80/80'), unknown: { security_group_id: true } },
      { address: 'alicloud_security_group.extra[0]', values: { security_group_name: 'extra' } },
      { address: 'alicloud_security_group.extra[1]', values: { security_group_name: 'extra' } },
    ],
    {
      resources: [
        block('alicloud_security_group.web', { security_group_name: { references: ['var.name'] }, tags: { constant_value: { 'aliyun:team': 'web' } } }),
        block('alicloud_security_group_rule.ssh', { security_group_id: toWeb }),
        block('alicloud_security_group_rule.http', { security_group_id: toWeb }),
        block('alicloud_security_group.extra', { security_group_name: { constant_value: 'extra' } }, { count_expression: { references: ['var.n'] } }),
      ],
    },
  );

  test('each resource counts once; the .tf placements win and the plan fills in what the .tf leaves unknown', async () => {
    const dir = workspace({ 'main.tf': tf, 'plan.json': plan });
    const files = ['main.tf', 'plan.json'].map((n) => ({ path: join(dir, n), abs: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
    const { findings } = await lintSources(files, { quota: { securityGroupsPerRegion: 3, rulesPerGroup: 2 } });
    const at = (needle: string, from = '') => spanOf(tf, needle, from);
    expect(findings.map((f) => [f.span.file, ...row(f)])).toEqual([
      // var.name has no value in the configuration; the plan's value is placed on the argument
      [join(dir, 'main.tf'), 'name-malformed', 'InvalidSecurityGroupName.Malformed', ...at('var.name', '"web"')],
      // the tag key exactly, as the .tf reads it, not a second time on the whole map
      [join(dir, 'main.tf'), 'tag-key-malformed', 'InvalidTagKey.Malformed', ...at('"aliyun:team"')],
    ]);
  });
});

describe('plan JSON beside its configuration: attributes the provider computes', () => {
  const tf = `provider "alicloud" {
  region = "cn-beijing"
}

variable "ports" {}

resource "alicloud_security_group" "web" {
  security_group_name = "web"
}

resource "alicloud_security_group_rule" "r" {
  count             = length(var.ports)
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  cidr_ip           = "10.0.0.0/8"
  security_group_id = alicloud_security_group.web.id
}

resource "alicloud_security_group_rule" "p" {
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  prefix_list_id    = alicloud_ecs_prefix_list.x.id
  security_group_id = alicloud_security_group.web.id
}
`;
  const rule = { type: 'ingress', ip_protocol: 'tcp', port_range: '443/443' };
  const toWeb = { references: ['alicloud_security_group.web.id', 'alicloud_security_group.web'] };
  // Planned with -var ports=[443]: the count is known only from the plan, which reads every rule's
  // Optional+Computed prefix_list_id and nic_type as known after apply.
  const computed = { security_group_id: true, prefix_list_id: true, nic_type: true };
  const plan = planText(
    [
      { address: 'alicloud_security_group.web', values: { security_group_name: 'web' }, unknown: { vpc_id: true } },
      { address: 'alicloud_security_group_rule.r[0]', values: { ...rule, cidr_ip: '10.0.0.0/8' }, unknown: computed },
      { address: 'alicloud_security_group_rule.p', values: rule, unknown: computed },
    ],
    {
      resources: [
        block('alicloud_security_group.web', { security_group_name: { constant_value: 'web' } }),
        block('alicloud_security_group_rule.r', { security_group_id: toWeb, cidr_ip: { constant_value: '10.0.0.0/8' } }, { count_expression: { references: ['var.ports'] } }),
        block('alicloud_security_group_rule.p', { security_group_id: toWeb, prefix_list_id: { references: ['alicloud_ecs_prefix_list.x.id', 'alicloud_ecs_prefix_list.x'] } }),
      ],
    },
  );

  test('a computed attribute the configuration does not write is not set; one it writes is', async () => {
    const dir = workspace({ 'main.tf': tf, 'plan.json': plan });
    const files = ['main.tf', 'plan.json'].map((n) => ({ path: join(dir, n), abs: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
    const { findings } = await lintSources(files);
    expect(findings.map((f) => [f.resource, ...row(f)])).toEqual([['alicloud_security_group_rule.p', 'rule-classic-prefix-list', 'NotSupported.ClassicNetworkPrefixList', ...spanOf(tf, 'alicloud_ecs_prefix_list.x.id')]]);
  });
});

describe('plan JSON beside a configuration with override files', () => {
  const main = 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"\n}\n';
  // Terraform reads override files last, in name order: the plan's name is override.tf's, its description
  // a_override.tf's (which sorts before main.tf, but does not declare the block); .main.tf is not loaded.
  const over = 'resource "alicloud_security_group" "web" {\n  security_group_name = "1web"\n}\n';
  const aOver = 'resource "alicloud_security_group" "web" {\n  description = "x"\n}\n';
  const copy = 'resource "alicloud_security_group" "web" {\n  security_group_name = "web"\n}\n';
  const plan = planText(
    [{ address: 'alicloud_security_group.web', values: { security_group_name: '1web', description: 'x', vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' } }],
    { resources: [block('alicloud_security_group.web', { security_group_name: { constant_value: '1web' }, description: { constant_value: 'x' } })] },
  );

  test('a planned value is placed on the argument of the override file that set it', async () => {
    const dir = workspace({ 'main.tf': main, 'override.tf': over, 'a_override.tf': aOver, '.main.tf': copy, 'plan.json': plan });
    const { findings } = await lintSources([{ path: join(dir, 'plan.json'), abs: join(dir, 'plan.json'), text: plan }], { region: 'cn-hangzhou' });
    expect(findings.map((f) => [f.span.file.slice(dir.length + 1), ...row(f)])).toEqual([
      ['a_override.tf', 'description-malformed', 'InvalidDescription.Malformed', ...spanOf(aOver, '"x"')],
      ['override.tf', 'name-malformed', 'InvalidSecurityGroupName.Malformed', ...spanOf(over, '"1web"')],
    ]);
  });
});

describe('plan JSON beside a configuration in Terraform\'s JSON syntax', () => {
  const main = JSON.stringify(
    { resource: { alicloud_security_group: { web: { security_group_name: '1web', description: 'web', vpc_id: '${var.vpc}' } } } },
    null,
    2,
  );
  const over = JSON.stringify({ resource: { alicloud_security_group: { web: { description: 'x' } } } }, null, 2);
  const plan = planText(
    [{ address: 'alicloud_security_group.web', values: { security_group_name: '1web', description: 'x', vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' } }],
    { resources: [block('alicloud_security_group.web', { security_group_name: { constant_value: '1web' }, description: { constant_value: 'x' }, vpc_id: { references: ['var.vpc'] } })] },
  );

  test('planned values are placed on the .tf.json values that wrote them, an override file\'s included', async () => {
    const dir = workspace({ 'main.tf.json': main, 'z_override.tf.json': over, 'plan.json': plan });
    const { findings } = await lintSources([{ path: join(dir, 'plan.json'), abs: join(dir, 'plan.json'), text: plan }], { region: 'cn-hangzhou' });
    expect(findings.map((f) => [f.span.file.slice(dir.length + 1), ...row(f)])).toEqual([
      ['main.tf.json', 'name-malformed', 'InvalidSecurityGroupName.Malformed', ...spanOf(main, '"1web"')],
      ['z_override.tf.json', 'description-malformed', 'InvalidDescription.Malformed', ...spanOf(over, '"x"')],
    ]);
  });

  test('a resource the plan reports but no configuration file writes stays in the plan file', async () => {
    const dir = workspace({ 'main.tf.json': JSON.stringify({ resource: { alicloud_vpc: { main: { cidr_block: '10.0.0.0/8' } } } }), 'plan.json': plan });
    const { findings } = await lintSources([{ path: join(dir, 'plan.json'), abs: join(dir, 'plan.json'), text: plan }], { region: 'cn-hangzhou' });
    expect(findings.map((f) => [f.span.file.slice(dir.length + 1), ...row(f)])).toEqual([
      ['plan.json', 'name-malformed', 'InvalidSecurityGroupName.Malformed', ...spanOf(plan, '"1web"')],
      ['plan.json', 'description-malformed', 'InvalidDescription.Malformed', ...spanOf(plan, '"x"')],
    ]);
  });
});

describe('plan JSON: what the plan does with each instance', () => {
  const group = (address: string, name: string, actions?: string[], type = 'normal') => ({ address, values: { security_group_name: name, security_group_type: type, vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' }, ...(actions ? { actions } : {}) });
  const rule = (address: string, to: string, actions?: string[], port = '22/22') => ({
    address,
    values: { type: 'ingress', ip_protocol: 'tcp', port_range: port, cidr_ip: '10.0.0.0/8', policy: 'drop' },
    unknown: { security_group_id: true },
    ...(actions ? { actions } : {}),
    to,
  });
  const config = (rules: { address: string; to: string }[]) => ({
    resources: rules.map((r) => block(r.address, { security_group_id: { references: [`${r.to}.id`, r.to] } })),
  });
  const lintWith = async (text: string, cfg: object = {}) => (await lintSources([{ path: 'plans/plan.json', text }], cfg)).findings;

  test('an instance left as it is (no-op, forget) or destroyed sends no request: no finding about it; created, replaced and updated ones are checked', async () => {
    const text = planText(
      [
        group('alicloud_security_group.kept', '1kept', ['no-op']),
        group('alicloud_security_group.forgotten', '1forgotten', ['forget']),
        group('alicloud_security_group.gone', '1gone', ['delete']),
        group('alicloud_security_group.made', '1made'),
        group('alicloud_security_group.replaced', '1replaced', ['delete', 'create']),
        group('alicloud_security_group.renamed', '1renamed', ['update']),
      ],
      {},
    );
    const findings = await lintWith(text);
    expect(findings.map((f) => [f.resource, ...row(f)])).toEqual(
      ['made', 'replaced', 'renamed'].map((n) => [`alicloud_security_group.${n}`, 'name-malformed', 'InvalidSecurityGroupName.Malformed', ...spanOf(text, `"1${n}"`)]),
    );
  });

  test('a group left as it is is still what a new rule is added to', async () => {
    const added = rule('alicloud_security_group_rule.r', 'alicloud_security_group.kept');
    const text = planText([group('alicloud_security_group.kept', 'kept', ['no-op'], 'enterprise'), added], config([added]));
    expect((await lintWith(text)).map(row)).toEqual([['rule-enterprise-policy-drop', 'InvalidGroupParameter.OperationDenied', ...spanOf(text, '"drop"', '"address": "alicloud_security_group_rule.r"')]]);
  });

  test('an update sends the arguments it changes: findings on those only', async () => {
    const before = { security_group_name: '1old', description: 'old text', vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' };
    const text = planText([{ address: 'alicloud_security_group.u', values: { ...before, description: 'http://example.com' }, actions: ['update'], before }], {});
    expect((await lintWith(text)).map(row)).toEqual([['description-malformed', 'InvalidDescription.Malformed', ...spanOf(text, '"http://example.com"')]]);
  });

  test('groups the plan does not create count against the region quota first; the new group past it is reported', async () => {
    const text = planText([group('alicloud_security_group.new', 'new'), group('alicloud_security_group.a', 'kept', ['no-op']), group('alicloud_security_group.b', 'kept', ['update'])], {});
    const { model } = loadPlan('plans/plan.json', text);
    const made = model.groups!.find((g) => g.resource === 'alicloud_security_group.new')!;
    const findings = await lintWith(text, { quota: { securityGroupsPerRegion: 2 } });
    expect(findings.map((f) => [f.resource, ...row(f)])).toEqual([['alicloud_security_group.new', 'group-quota', 'QuotaExceed.SecurityGroup', ...pos(made.span)!]]);
  });

  test('groups that exist past the quota already: the first new group is reported', async () => {
    const text = planText([group('alicloud_security_group.new', 'new'), group('alicloud_security_group.a', 'kept', ['no-op']), group('alicloud_security_group.b', 'kept', ['no-op'])], {});
    const { model } = loadPlan('plans/plan.json', text);
    const made = model.groups!.find((g) => g.resource === 'alicloud_security_group.new')!;
    const findings = await lintWith(text, { quota: { securityGroupsPerRegion: 1 } });
    expect(findings.map((f) => [f.resource, ...row(f)])).toEqual([['alicloud_security_group.new', 'group-quota', 'QuotaExceed.SecurityGroup', ...pos(made.span)!]]);
  });

  test('with an inventory, a group replaced by deleting it first takes the place of the one the inventory counts', async () => {
    const dir = workspace({ 'sgs.json': JSON.stringify({ RegionId: 'cn-beijing', TotalCount: 2, PageNumber: 1, PageSize: 1, SecurityGroups: { SecurityGroup: [{ SecurityGroupId: 'sg-2zefg655nh68xyz9abcd' }] } }) });
    const cfg = { quota: { securityGroupsPerRegion: 2 }, inventory: ['sgs.json'], baseDir: dir };
    // The inventory's two groups are `a` and `b`; `a` is replaced (its VPC changes).
    const replaced = planText([group('alicloud_security_group.a', 'ga', ['delete', 'create']), group('alicloud_security_group.b', 'gb', ['no-op'])], {});
    expect((await lintWith(replaced, cfg)).map(row)).toEqual([]);
    // Created before the old one is deleted (create_before_destroy), it is one more for a while.
    const before = planText([group('alicloud_security_group.a', 'ga', ['create', 'delete']), group('alicloud_security_group.b', 'gb', ['no-op'])], {});
    const { model } = loadPlan('plans/plan.json', before);
    const made = model.groups!.find((g) => g.resource === 'alicloud_security_group.a')!;
    expect((await lintWith(before, cfg)).map(row)).toEqual([['group-quota', 'QuotaExceed.SecurityGroup', ...pos(made.span)!]]);
  });

  test('rules left as they are count against the group\'s rule quota first; the new rule past it is reported', async () => {
    const rules = [rule('alicloud_security_group_rule.new', 'alicloud_security_group.g', undefined, '80/80'), rule('alicloud_security_group_rule.old', 'alicloud_security_group.g', ['no-op'])];
    const text = planText([group('alicloud_security_group.g', 'g', ['no-op']), ...rules], config(rules));
    const { model } = loadPlan('plans/plan.json', text);
    const made = model.permissions!.find((p) => p.resource === 'alicloud_security_group_rule.new')!;
    const findings = (await lintWith(text, { quota: { rulesPerGroup: 1 } })).filter((f) => f.ruleId === 'rule-quota');
    expect(findings.map((f) => [f.resource, ...row(f)])).toEqual([['alicloud_security_group_rule.new', 'rule-quota', 'AuthorizationLimitExceed', ...pos(made.span)!]]);
  });

  test('rules left as they are count first against the 20 group references of a basic group; the new rule past them is reported', async () => {
    const peer = (address: string, port: number, actions?: string[]) => ({
      ...rule(address, 'alicloud_security_group.g', actions, `${port}/${port}`),
      values: { type: 'ingress', ip_protocol: 'tcp', port_range: `${port}/${port}`, source_security_group_id: 'sg-bp67acfmxazb4p1234' },
    });
    // The new rule comes first in the plan (addresses in name order), before the 20 that exist.
    const rules = [peer('alicloud_security_group_rule.a_new', 1000), ...Array.from({ length: 20 }, (_, i) => peer(`alicloud_security_group_rule.old${i + 10}`, i + 1, ['no-op']))];
    const text = planText([group('alicloud_security_group.g', 'g1', ['no-op']), ...rules], config(rules));
    const findings = (await lintWith(text)).filter((f) => f.ruleId === 'rule-group-reference-limit');
    expect(findings.map((f) => [f.resource, ...row(f)])).toEqual([
      ['alicloud_security_group_rule.a_new', 'rule-group-reference-limit', 'AuthorizedGroupRule.LimitExceed', ...spanOf(text, '"sg-bp67acfmxazb4p1234"', '"address": "alicloud_security_group_rule.a_new"')],
    ]);
  });
});

describe('plan JSON beside its configuration: instances the plan leaves as they are', () => {
  const tf = `provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_security_group" "kept" {
  # sglint-ignore name-malformed reason="named before the rule existed"
  security_group_name = "1kept"
  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"
}

resource "alicloud_security_group" "old" {
  security_group_name = "1old"
  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"
  tags = {
    "aliyun:new" = "x"
  }
}

resource "alicloud_security_group" "made" {
  security_group_name = "1made"
  vpc_id              = "vpc-bp1opxu1zkhn00gzv1234"
}
`;
  const group = (name: string, actions?: string[]) => ({ address: `alicloud_security_group.${name}`, values: { security_group_name: `1${name}`, vpc_id: 'vpc-bp1opxu1zkhn00gzv1234' }, ...(actions ? { actions } : {}) });
  const cfg = (name: string) => block(`alicloud_security_group.${name}`, { security_group_name: { constant_value: `1${name}` }, vpc_id: { constant_value: 'vpc-bp1opxu1zkhn00gzv1234' } });
  // `old` is updated in place: only its tags change.
  const old = { ...group('old', ['update']), before: group('old').values };
  old.values = { ...old.values, tags: { 'aliyun:new': 'x' } } as typeof old.values;
  const plan = planText([group('kept', ['no-op']), old, group('made')], { resources: ['kept', 'old', 'made'].map(cfg) });

  test('the .tf reading of an instance the plan does not create reports only what an update sends; a suppression on it is not unused', async () => {
    const dir = workspace({ 'main.tf': tf, 'plan.json': plan });
    const files = ['main.tf', 'plan.json'].map((n) => ({ path: join(dir, n), abs: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
    const { findings } = await lintSources(files);
    expect(findings.map((f) => [f.span.file, ...row(f)])).toEqual([
      [join(dir, 'main.tf'), 'tag-key-malformed', 'InvalidTagKey.Malformed', ...spanOf(tf, '"aliyun:new"')],
      [join(dir, 'main.tf'), 'name-malformed', 'InvalidSecurityGroupName.Malformed', ...spanOf(tf, '"1made"')],
    ]);
  });
});
