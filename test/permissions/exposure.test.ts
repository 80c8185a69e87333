// Exposure rules (no API code): world-open ingress to sensitive ports, all ports, all protocols; open egress (info).
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../helpers.ts';
import { at, findings, spec } from './helpers.ts';

const R = (fields: string) => `{${fields}}`;
const ANY = 'SourceCidrIp: 0.0.0.0/0';

type Hit = [needle: string, ruleId: string, nth?: number];
const cases: [name: string, perms: string[], hits: Hit[]][] = [
  // Agreement with established scanners.
  ['world-open SSH', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}`)], [['0.0.0.0/0', 'exposed-port']]],
  ['world-open range covering 22', [R(`IpProtocol: tcp, PortRange: 10/30, ${ANY}`)], [['0.0.0.0/0', 'exposed-port']]],
  ['1/21 from 10.0.0.0/8 is not exposed', [R('IpProtocol: tcp, PortRange: 1/21, SourceCidrIp: 10.0.0.0/8')], []],
  ['a security-group source is never exposed', [R('IpProtocol: tcp, PortRange: 22/22, SourceGroupId: sg-bp67acfmxazb4p1234')], []],
  ['a prefix-list source is never exposed', [R('IpProtocol: all, PortRange: -1/-1, SourcePrefixListId: pl-x1j1k5ykzqlixdcy1234')], []],
  ['private ranges are never exposed', [R('IpProtocol: tcp, PortRange: 1/65535, SourceCidrIp: 172.16.0.0/12'), R('IpProtocol: all, PortRange: -1/-1, SourceCidrIp: 192.168.0.0/16')], []],
  ['a public block that is not anywhere is not flagged', [R('IpProtocol: tcp, PortRange: 3389/3389, SourceCidrIp: 203.0.113.0/24')], []],
  ['a single address 0.0.0.0 is not anywhere', [R('IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 0.0.0.0')], []],
  ['world-open HTTPS is not a sensitive port', [R(`IpProtocol: tcp, PortRange: 443/443, ${ANY}`), R(`IpProtocol: tcp, PortRange: 80/80, ${ANY}`)], []],
  ['RDP over udp from ::/0', [R('IpProtocol: udp, PortRange: 3389/3389, Ipv6SourceCidrIp: "::/0"')], [['"::/0"', 'exposed-port']]],
  ['databases', [R(`IpProtocol: tcp, PortRange: 3306/3306, ${ANY}`), R(`IpProtocol: tcp, PortRange: 27017/27017, ${ANY}`)], [['0.0.0.0/0', 'exposed-port', 1], ['0.0.0.0/0', 'exposed-port', 2]]],
  ['a drop rule is not an exposure', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Policy: drop`)], []],
  ['egress to port 22 anywhere is not an ingress exposure', [R('Direction: egress, IpProtocol: tcp, PortRange: 22/22, DestCidrIp: 0.0.0.0/0')], []],
  ['the CIDR wins over SourceGroupId (as the API reads it)', [R(`IpProtocol: tcp, PortRange: 22/22, SourceGroupId: sg-bp67acfmxazb4p1234, ${ANY}`)], [['0.0.0.0/0', 'exposed-port']]],
  // All ports / all protocols.
  ['tcp 1/65535 from anywhere', [R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}`)], [['0.0.0.0/0', 'exposed-all-ports']]],
  ['protocol all from anywhere', [R(`IpProtocol: all, PortRange: -1/-1, ${ANY}`)], [['0.0.0.0/0', 'exposed-all-protocols']]],
  ['icmp from anywhere is not flagged', [R(`IpProtocol: icmp, PortRange: -1/-1, ${ANY}`)], []],
  // Drop rules evaluated first (lower Priority number; drop wins a tie) hide the exposure.
  ['drop with the same priority covering 22 hides it', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 1/1024, ${ANY}, Policy: drop, Priority: 10`)], []],
  ['drop with higher priority (default 1) hides it', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 50`), R(`IpProtocol: all, PortRange: -1/-1, ${ANY}, Policy: drop`)], []],
  ['drop with lower priority does not', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Policy: drop, Priority: 11`)], [['0.0.0.0/0', 'exposed-port', 1]]],
  ['drop from a narrower source does not', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 10`), R('IpProtocol: tcp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Policy: drop, Priority: 1')], [['0.0.0.0/0', 'exposed-port']]],
  ['drop of another protocol does not', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 10`), R(`IpProtocol: udp, PortRange: 22/22, ${ANY}, Policy: drop, Priority: 1`)], [['0.0.0.0/0', 'exposed-port', 1]]],
  ['an IPv4 drop does not cover IPv6', [R('IpProtocol: tcp, PortRange: 22/22, Ipv6SourceCidrIp: "::/0", Priority: 10'), R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Policy: drop, Priority: 1`)], [['"::/0"', 'exposed-port']]],
  ['an egress drop does not cover ingress', [R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Priority: 10`), R('Direction: egress, IpProtocol: tcp, PortRange: 22/22, DestCidrIp: 0.0.0.0/0, Policy: drop, Priority: 1')], [['0.0.0.0/0', 'exposed-port', 1]]],
  ['a partial drop leaves the other sensitive ports', [R(`IpProtocol: tcp, PortRange: 20/25, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 22/22, ${ANY}, Policy: drop, Priority: 1`)], [['0.0.0.0/0', 'exposed-port', 1]]],
  ['a partial drop of 1/65535 leaves the rest open', [R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 1/1024, ${ANY}, Policy: drop, Priority: 1`)], [['0.0.0.0/0', 'exposed-all-ports', 1]]],
  ['drops covering 1/65535 in two parts hide it', [R(`IpProtocol: udp, PortRange: 1/65535, ${ANY}, Priority: 10`), R(`IpProtocol: udp, PortRange: 1/30000, ${ANY}, Policy: drop, Priority: 1`), R(`IpProtocol: udp, PortRange: 30001/65535, ${ANY}, Policy: drop, Priority: 1`)], []],
  ['a tcp drop does not hide protocol all', [R(`IpProtocol: all, PortRange: -1/-1, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Policy: drop, Priority: 1`)], [['0.0.0.0/0', 'exposed-all-protocols', 1]]],
  // Egress.
  ['egress all to anywhere (info)', [R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0')], [['0.0.0.0/0', 'egress-unrestricted']]],
  ['egress all to a private range', [R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 10.0.0.0/8')], []],
  ['egress all hidden by an egress drop', [R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0, Priority: 100'), R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0, Policy: drop, Priority: 100')], []],
];

describe('exposure (native spec)', () => {
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
