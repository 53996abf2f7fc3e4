import { describe, expect, it } from 'vitest';
import { isCidr, isIpv4, isIpv6, nextFreeName, nextFreeVlanId } from './validation';

describe('Subnets (isCidr)', () => {
  it('accepts IPv4 networks with a prefix from /0 to /32', () => {
    for (const text of ['10.1.10.0/24', '192.168.0.0/16', '0.0.0.0/0', '172.16.5.4/32']) {
      expect(isCidr(text), text).toBe(true);
    }
  });

  it('accepts an address with host bits set, as configs name a gateway and its subnet', () => {
    expect(isCidr('10.1.10.1/24')).toBe(true);
  });

  it('accepts IPv6 networks in full, compressed and IPv4-tailed forms', () => {
    for (const text of [
      '2001:db8:10::/64',
      '2001:0db8:0000:0000:0000:0000:0000:0000/32',
      '::/0',
      'fe80::/10',
      '::ffff:10.0.0.0/104',
      '2001:db8::1/128',
      '1:2:3:4:5:6:7::/112',
      'FD00:ABCD::/48',
    ]) {
      expect(isCidr(text), text).toBe(true);
    }
  });

  it('refuses a bare address with no prefix', () => {
    expect(isCidr('10.1.10.0')).toBe(false);
    expect(isCidr('2001:db8::')).toBe(false);
  });

  it('refuses prefixes out of range or not plain decimal', () => {
    for (const text of ['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/024', '10.0.0.0/2a']) {
      expect(isCidr(text), text).toBe(false);
    }
    expect(isCidr('2001:db8::/129')).toBe(false);
    expect(isCidr('2001:db8::/128')).toBe(true);
  });

  it('refuses malformed IPv4 addresses', () => {
    for (const text of [
      '256.0.0.0/8',
      '10.0.0/24',
      '10.0.0.0.0/24',
      '10.01.0.0/16',
      '10..0.0/16',
      'a.b.c.d/8',
    ]) {
      expect(isCidr(text), text).toBe(false);
    }
  });

  it('refuses malformed IPv6 addresses', () => {
    for (const text of [
      '2001:db8::10::/64',
      '2001:db8:0:0:0:0:0/64',
      '1:2:3:4:5:6:7:8:9/64',
      '1:2:3:4:5:6:7:8::/64',
      '2001:db8:12345::/64',
      'gggg::/16',
      ':1::/64',
      '1.2.3.4::/64',
      'fe80::1%eth0/64',
    ]) {
      expect(isCidr(text), text).toBe(false);
    }
  });

  it('refuses empty text, whitespace, several slashes and names', () => {
    for (const text of ['', ' ', '/24', '10.0.0.0/24/8', ' 10.0.0.0/24', 'prod-net/24']) {
      expect(isCidr(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('Addresses', () => {
  it('reads IPv4 dotted quads', () => {
    expect(isIpv4('0.0.0.0')).toBe(true);
    expect(isIpv4('255.255.255.255')).toBe(true);
    expect(isIpv4('1.2.3')).toBe(false);
  });

  it('reads IPv6 with an IPv4 tail only as the last 32 bits', () => {
    expect(isIpv6('1:2:3:4:5:6:1.2.3.4')).toBe(true);
    expect(isIpv6('1:2:3:4:5:6:7:1.2.3.4')).toBe(false);
    expect(isIpv6('::')).toBe(true);
  });
});

describe('New segment VLAN id (nextFreeVlanId)', () => {
  it('starts at 100 in an empty design', () => {
    expect(nextFreeVlanId([])).toBe(100);
  });

  it('takes the next free multiple of ten', () => {
    expect(nextFreeVlanId([100])).toBe(110);
    expect(nextFreeVlanId([100, 110, 130])).toBe(120);
    expect(nextFreeVlanId([5, 101])).toBe(100);
  });

  it('falls back to the lowest free id when every multiple of ten is taken', () => {
    const tens = Array.from({ length: 400 }, (_, i) => 100 + i * 10);
    expect(nextFreeVlanId([...tens, 1, 2])).toBe(3);
  });

  it('returns null when all 4094 ids are used', () => {
    const all = Array.from({ length: 4094 }, (_, i) => i + 1);
    expect(nextFreeVlanId(all)).toBeNull();
  });
});

describe('New names (nextFreeName)', () => {
  it('numbers from the start and skips names in use', () => {
    expect(nextFreeName('workload', [])).toBe('workload-1');
    expect(nextFreeName('workload', ['workload-1', 'workload-2'])).toBe('workload-3');
    expect(nextFreeName('workload', ['workload-2'], 2)).toBe('workload-3');
  });
});
