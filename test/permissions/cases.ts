// Cases shared by the native spec and the ROS tests: the rules are written once, as flow mappings.

export type Hit = [needle: string, ruleId: string, errorCode: string | null, nth?: number];
export type Case = [name: string, perms: string[], hits: Hit[], params?: string[]];

export const R = (fields: string) => `{${fields}}`;
export const TCP22 = 'IpProtocol: tcp, PortRange: 22/22';

/** One invalid case per API constraint: rules as native spec flow mappings, the findings as [needle, rule, code, nth]. */
export const contractCases: Case[] = [
  ['protocol unknown', [R('IpProtocol: http, PortRange: 80/80, SourceCidrIp: 10.0.0.0/8')], [['http', 'rule-protocol-invalid', 'InvalidIpProtocol.ValueNotSupported']]],
  ['protocol number above 255', [R('IpProtocol: 256, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['256', 'rule-protocol-invalid', 'InvalidIpProtocol.ValueNotSupported']]],
  ['protocol missing (placed on the rule)', [R('PortRange: 80/80, SourceCidrIp: 10.0.0.0/8')], [['{PortRange: 80/80, SourceCidrIp: 10.0.0.0/8}', 'rule-protocol-invalid', 'InvalidIpProtocol.ValueNotSupported']]],
  ['protocol number outside the documented regions (warning)', [R('IpProtocol: 47, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['47', 'rule-protocol-number', 'InvalidIpProtocol.ValueNotSupported']]],
  ['PortRange missing', [R('IpProtocol: tcp, SourceCidrIp: 10.0.0.0/8')], [['{IpProtocol: tcp, SourceCidrIp: 10.0.0.0/8}', 'rule-port-range-missing', 'InvalidPortRange.Malformed']]],
  ['PortRange not start/end', [R('IpProtocol: tcp, PortRange: "22", SourceCidrIp: 10.0.0.0/8')], [['"22"', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange start > end', [R('IpProtocol: tcp, PortRange: 200/1, SourceCidrIp: 10.0.0.0/8')], [['200/1', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange 0/10', [R('IpProtocol: udp, PortRange: 0/10, SourceCidrIp: 10.0.0.0/8')], [['0/10', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange end 65536', [R('IpProtocol: tcp, PortRange: 1/65536, SourceCidrIp: 10.0.0.0/8')], [['1/65536', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['PortRange garbage for icmp', [R('IpProtocol: icmp, PortRange: any, SourceCidrIp: 10.0.0.0/8')], [['any', 'rule-port-range-malformed', 'InvalidParam.PortRange']]],
  ['tcp with -1/-1', [R('IpProtocol: tcp, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['-1/-1', 'rule-port-range-protocol-mismatch', 'OperationDenied']]],
  ['icmp with 22/22', [R('IpProtocol: icmp, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8')], [['22/22', 'rule-port-range-protocol-mismatch', 'OperationDenied']]],
  ['gre with 1/65535', [R('IpProtocol: GRE, PortRange: 1/65535, SourceCidrIp: 10.0.0.0/8')], [['1/65535', 'rule-port-range-protocol-mismatch', 'OperationDenied']]],
  ['SourcePortRange malformed', [R(`${TCP22}, SourcePortRange: 1024-2048, SourceCidrIp: 10.0.0.0/8`)], [['1024-2048', 'rule-source-port-range-malformed', 'InvalidSourcePortRange.Malformed']]],
  ['SourcePortRange out of bounds', [R(`${TCP22}, SourcePortRange: 1024/70000, SourceCidrIp: 10.0.0.0/8`)], [['1024/70000', 'rule-source-port-range-malformed', 'InvalidSourcePortRange.Malformed']]],
  ['Policy deny', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Policy: deny`)], [['deny', 'rule-policy-invalid', 'InvalidPolicy.Malformed']]],
  ['Priority 0', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: 0`)], [['Priority: «0»', 'rule-priority-invalid', 'InvalidPriority.Malformed']]],
  ['Priority "101"', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: "101"`)], [['"101"', 'rule-priority-invalid', 'InvalidPriority.Malformed']]],
  ['Priority 1.5', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Priority: 1.5`)], [['1.5', 'rule-priority-invalid', 'InvalidPriority.Malformed']]],
  ['NicType public', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, NicType: public`)], [['public', 'rule-nic-type-invalid', 'InvalidNicType.ValueNotSupported']]],
  ['NicType internet on a VPC group (warning)', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, NicType: internet`)], [['internet', 'rule-nic-type-vpc-internet', 'InvalidNicType.Mismatch']]],
  ['ingress without source', [R('IpProtocol: tcp, PortRange: 443/443')], [['{IpProtocol: tcp, PortRange: 443/443}', 'rule-source-missing', 'MissingParameter.Source']]],
  ['ingress with an empty source', [R('IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: ""')], [['{IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: ""}', 'rule-source-missing', 'MissingParameter.Source']]],
  ['egress without destination (a source is not enough)', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8')], [['{Direction: egress, IpProtocol: tcp, PortRange: 443/443, SourceCidrIp: 10.0.0.0/8}', 'rule-dest-missing', 'MissingParameter.Dest']]],
  ['SourceCidrIp octet 256', [R(`${TCP22}, SourceCidrIp: 10.0.0.256/8`)], [['10.0.0.256/8', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp prefix 33', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/33`)], [['10.0.0.0/33', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp with three octets', [R(`${TCP22}, SourceCidrIp: 10.0.0/24`)], [['10.0.0/24', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp with a leading zero', [R(`${TCP22}, SourceCidrIp: 10.0.0.01`)], [['10.0.0.01', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['SourceCidrIp holding IPv6', [R(`${TCP22}, SourceCidrIp: "2001:db8::/32"`)], [['"2001:db8::/32"', 'rule-source-cidr-malformed', 'InvalidSourceCidrIp.Malformed']]],
  ['DestCidrIp malformed', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 1.2.3.4/')], [['1.2.3.4/', 'rule-dest-cidr-malformed', 'InvalidDestCidrIp.Malformed']]],
  ['Ipv6SourceCidrIp with two ::', [R(`${TCP22}, Ipv6SourceCidrIp: "2001::db8::1"`)], [['"2001::db8::1"', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6SourceCidrIp prefix 129', [R(`${TCP22}, Ipv6SourceCidrIp: "2001:db8::/129"`)], [['"2001:db8::/129"', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6SourceCidrIp with nine groups', [R(`${TCP22}, Ipv6SourceCidrIp: "1:2:3:4:5:6:7:8:9"`)], [['"1:2:3:4:5:6:7:8:9"', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6SourceCidrIp holding IPv4', [R(`${TCP22}, Ipv6SourceCidrIp: 10.0.0.0/8`)], [['10.0.0.0/8', 'rule-ipv6-source-cidr-malformed', 'InvalidParam.Ipv6SourceCidrIp']]],
  ['Ipv6DestCidrIp with a 5-digit group', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, Ipv6DestCidrIp: "2001:db8:12345::/48"')], [['"2001:db8:12345::/48"', 'rule-ipv6-dest-cidr-malformed', 'InvalidParam.Ipv6DestCidrIp']]],
  ['IPv4 and IPv6 source', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Ipv6SourceCidrIp: "2001:db8::/32"`)], [['"2001:db8::/32"', 'rule-source-ip-family-conflict', 'InvalidParam.SourceIp']]],
  ['IPv4 and IPv6 destination', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestCidrIp: 10.0.0.0/8, Ipv6DestCidrIp: "2001:db8::/32"')], [['"2001:db8::/32"', 'rule-dest-ip-family-conflict', 'InvalidParam.DestIp']]],
  ['IPv4 source, IPv6 destination (quintuple rule)', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Ipv6DestCidrIp: "2001:db8::/32"`)], [['"2001:db8::/32"', 'rule-ip-family-mixed', 'InvalidParameter.Conflict']]],
  ['IPv6 destination, IPv4 source (egress quintuple rule)', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, Ipv6DestCidrIp: "2001:db8::/32", SourceCidrIp: 10.0.0.0/8')], [['10.0.0.0/8', 'rule-ip-family-mixed', 'InvalidParameter.Conflict']]],
  ['icmp with IPv6', [R('IpProtocol: icmp, PortRange: -1/-1, Ipv6SourceCidrIp: "2001:db8::/32"')], [['"2001:db8::/32"', 'rule-icmp-with-ipv6', 'InvalidParam.Ipv4ProtocolConflictWithIpv6Address']]],
  ['icmpv6 with IPv4', [R('IpProtocol: ICMPv6, PortRange: -1/-1, SourceCidrIp: 10.0.0.0/8')], [['10.0.0.0/8', 'rule-icmpv6-with-ipv4', 'InvalidParam.Ipv6ProtocolConflictWithIpv4Address']]],
  ['SourceCidrIp equals DestCidrIp (quintuple rule)', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, DestCidrIp: 10.0.0.0/8`)], [['10.0.0.0/8', 'rule-source-equals-dest', 'InvalidParamter.Conflict', 2]]],
  ['Description of 513 characters', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Description: ${'d'.repeat(513)}`)], [['d'.repeat(513), 'rule-description-malformed', 'InvalidSecurityGroupDiscription.Malformed']]],
  [
    'duplicate rule (protocol case, default priority, equal CIDR forms; description ignored)',
    [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8`), R('IpProtocol: TCP, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: "1", Policy: Accept, Description: again')],
    [['{IpProtocol: TCP, PortRange: 22/22, SourceCidrIp: 10.0.0.0/8, Priority: "1", Policy: Accept, Description: again}', 'rule-duplicate', 'InvalidParam.DuplicatePermissions']],
  ],
  [
    'duplicate IPv6 rule written in two forms',
    [R(`${TCP22}, Ipv6SourceCidrIp: "2001:db8::/32"`), R(`${TCP22}, Ipv6SourceCidrIp: "2001:0db8:0:0::/32"`)],
    [[`{${TCP22}, Ipv6SourceCidrIp: "2001:0db8:0:0::/32"}`, 'rule-duplicate', 'InvalidParam.DuplicatePermissions']],
  ],
  ['SourceGroupId on an enterprise group', [R(`${TCP22}, SourceGroupId: sg-bp67acfmxazb4p1234`)], [['sg-bp67acfmxazb4p1234', 'rule-enterprise-group-reference', 'InvalidGroupParameter.OperationDenied']], ['SecurityGroupType: enterprise']],
  ['DestGroupId on an enterprise group', [R('Direction: egress, IpProtocol: tcp, PortRange: 443/443, DestGroupId: sg-bp67acfmxazb4p1234')], [['sg-bp67acfmxazb4p1234', 'rule-enterprise-group-reference', 'InvalidGroupParameter.OperationDenied']], ['SecurityGroupType: enterprise']],
  ['Policy drop on an enterprise group (warning)', [R(`${TCP22}, SourceCidrIp: 10.0.0.0/8, Policy: drop`)], [['drop', 'rule-enterprise-policy-drop', 'InvalidGroupParameter.OperationDenied']], ['SecurityGroupType: enterprise']],
];


export const ANY = 'SourceCidrIp: 0.0.0.0/0';

/** Exposure cases: rules as native spec flow mappings, the findings as [needle, rule, nth] (no API code). */
export const exposureCases: [name: string, perms: string[], hits: [needle: string, ruleId: string, nth?: number][]][] = [
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
  ['overlapping and adjacent drops, in any order, that cover 1/65535 hide it', [R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 40000/65535, ${ANY}, Policy: drop, Priority: 1`), R(`IpProtocol: tcp, PortRange: 1/20000, ${ANY}, Policy: drop, Priority: 2`), R(`IpProtocol: tcp, PortRange: 15000/39999, ${ANY}, Policy: drop, Priority: 3`)], []],
  ['drops that leave one port of 1/65535 open do not hide it', [R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 444/65535, ${ANY}, Policy: drop, Priority: 1`), R(`IpProtocol: tcp, PortRange: 1/442, ${ANY}, Policy: drop, Priority: 1`)], [['0.0.0.0/0', 'exposed-all-ports']]],
  ['in one group, a drop hides the open rule it precedes, not the one evaluated before it', [R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Priority: 1`), R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Policy: drop, Priority: 5`)], [['0.0.0.0/0', 'exposed-all-ports']]],
  ['a tcp drop does not hide protocol all', [R(`IpProtocol: all, PortRange: -1/-1, ${ANY}, Priority: 10`), R(`IpProtocol: tcp, PortRange: 1/65535, ${ANY}, Policy: drop, Priority: 1`)], [['0.0.0.0/0', 'exposed-all-protocols', 1]]],
  // Egress.
  ['egress all to anywhere (info)', [R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0')], [['0.0.0.0/0', 'egress-unrestricted']]],
  ['egress all to a private range', [R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 10.0.0.0/8')], []],
  ['egress all hidden by an egress drop', [R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0, Priority: 100'), R('Direction: egress, IpProtocol: all, PortRange: -1/-1, DestCidrIp: 0.0.0.0/0, Policy: drop, Priority: 100')], []],
];

