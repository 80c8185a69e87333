// Exposure rules (no API code): world-open ingress to sensitive ports, all ports, all protocols; open egress (info).
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../helpers.ts';
import { at, findings, spec } from './helpers.ts';
import { ANY, R, exposureCases as cases } from './cases.ts';

describe('exposure (native spec)', () => {
  it('ports the config adds under exposurePorts are reported too', async () => {
    const text = spec([R(`IpProtocol: tcp, PortRange: 8000/8100, ${ANY}`)]);
    expect(await findings({ 'spec.yaml': text })).toEqual([]);
    const found = (await lintFiles({ 'spec.yaml': text }, { exposurePorts: [{ port: 8080, name: 'admin UI' }] })).filter((f) => f.ruleId === 'exposed-port');
    expect(found.map((f) => [f.severity, /8080 \(admin UI\)/.test(f.message)])).toEqual([['warning', true]]);
  });

  it('two rules sharing their source through a YAML anchor are two findings, as the same rules written out are', async () => {
    const yaml =
      'x-r: &r {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 0.0.0.0/0}\nsecurityGroups:\n  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n' +
      '    Permissions:\n      - {<<: *r, PortRange: 3389/3389}\n      - {<<: *r, PortRange: 5432/5432}\n';
    const found = (await lintFiles({ 'spec.yaml': yaml })).filter((f) => f.ruleId === 'exposed-port');
    expect(found.map((f) => [f.resource, /tcp (\d+)/.exec(f.message)?.[1]])).toEqual([
      ['securityGroups[0].Permissions[0]', '3389'],
      ['securityGroups[0].Permissions[1]', '5432'],
    ]);
  });

  for (const [name, perms, hits] of cases) {
    it(name, async () => {
      const text = spec(perms);
      expect(await findings({ 'spec.yaml': text })).toEqual(hits.map(([needle, id, n]) => at(text, needle, id, null, n)));
    });
  }

  it('a drop rule of another group does not hide the exposure', async () => {
    const text = `${spec([R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 10`)])}  - RegionId: cn-hangzhou\n    VpcId: vpc-bp1opxu1zkhn00gzv1234\n    Permissions:\n      - {IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 0.0.0.0/0, Policy: drop}\n`;
    expect(await findings({ 'spec.yaml': text })).toEqual([at(text, '0.0.0.0/0', 'exposed-port', null, 1)]);
  });

  it('findings name the exposed ports and the source; severities are warning and info', async () => {
    const text = spec([R(`IpProtocol: tcp, PortRange: 20/3306, ${ANY}`), R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0')]);
    const all = await lintFiles({ 'spec.yaml': text });
    const port = all.find((f) => f.ruleId === 'exposed-port')!;
    for (const p of ['20', '21', '22', '23', '25', '1433', '1521', '2375', '3306', '0.0.0.0/0']) expect(port.message).toContain(p);
    expect(port.message).not.toContain('3389');
    expect(port.severity).toBe('warning');
    expect(all.find((f) => f.ruleId === 'egress-unrestricted')!.severity).toBe('info');
  });

  it('severity is configurable per rule', async () => {
    const text = spec([R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}`)]);
    const f = await lintFiles({ 'spec.yaml': text }, { rules: { 'exposed-port': 'error' } });
    expect(f.find((x) => x.ruleId === 'exposed-port')!.severity).toBe('error');
    expect((await lintFiles({ 'spec.yaml': text }, { rules: { 'exposed-port': 'off' } })).filter((x) => x.ruleId === 'exposed-port')).toEqual([]);
  });
});
