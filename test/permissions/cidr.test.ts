// The strict address parsers behind the CIDR rules, exposure ("anywhere") and duplicate comparison.
import { describe, expect, it } from 'vitest';
import { cidrKey, isAnywhere, parseIpv4, parseIpv6 } from '../../rules/permissions/util.ts';

describe('IPv4', () => {
  it.each(['0.0.0.0/0', '10.0.0.0/8', '255.255.255.255', '192.168.1.7/32', '1.2.3.4/0'])('accepts %s', (s) => expect(parseIpv4(s)).toBeDefined());
  it.each(['10.0.0', '10.0.0.0.0', '256.1.1.1', '01.2.3.4', '1.2.3.4/33', '1.2.3.4/', '1.2.3.4/08', '1.2.3.4/8/8', 'a.b.c.d', '', ' 1.2.3.4', '1.2.3.4/-1', '::/0'])('rejects %j', (s) =>
    expect(parseIpv4(s)).toBeUndefined(),
  );
  it('knows "anywhere" and a canonical form', () => {
    expect(isAnywhere(parseIpv4('0.0.0.0/0')!)).toBe(true);
    expect(isAnywhere(parseIpv4('0.0.0.0')!)).toBe(false);
    expect(cidrKey(parseIpv4('10.0.0.1')!)).toBe(cidrKey(parseIpv4('10.0.0.1/32')!));
  });
});

describe('IPv6', () => {
  it.each(['::', '::/0', '::1', '1::', 'fe80::1', '2001:db8::/32', '2001:DB8:0:0:0:0:0:1/128', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7', '::ffff:10.0.0.1', '1:2:3:4:5:6:1.2.3.4'])('accepts %s', (s) =>
    expect(parseIpv6(s)).toBeDefined(),
  );
  it.each([':1::', '1:::2', '2001::db8::1', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8::', '12345::', 'g::1', '1.2.3.4::', '::1.2.3', '::/129', '::/01', 'fe80::1%eth0', '10.0.0.0/8'])('rejects %j', (s) =>
    expect(parseIpv6(s)).toBeUndefined(),
  );
  it('compares written forms canonically', () => {
    expect(cidrKey(parseIpv6('2001:0db8:0:0::/32')!)).toBe(cidrKey(parseIpv6('2001:db8::/32')!));
    expect(cidrKey(parseIpv6('::ffff:10.0.0.1')!)).toBe(cidrKey(parseIpv6('::ffff:a00:1')!));
    expect(isAnywhere(parseIpv6('::/0')!)).toBe(true);
  });
});
