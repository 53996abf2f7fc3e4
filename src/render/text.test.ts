import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { gbps, num } from '../rules/context';
import type { Finding } from '../rules/types';
import { dciFigures, limitText } from './text';

describe('Figures on a DCI link’s label', () => {
  it('a link’s label and a finding’s message write one RTT alike', () => {
    // 33.3 km of fibre: an RTT with a third decimal below 1 ms.
    const link = {
      id: 'l',
      kind: 'dci',
      source: 'a',
      target: 'b',
      distanceKm: 33.3,
      bandwidthGbps: 10,
    } as unknown as Parameters<typeof dciFigures>[0];
    const label = dciFigures(link, DEFAULT_SETTINGS);
    const rtt = /· ([\d.]+) ms/u.exec(label)?.[1];
    expect(rtt).toMatch(/^0\.\d{3}$/u);
    expect(num(Number(rtt))).toBe(rtt);
  });
});

describe('Bandwidth on a label', () => {
  const link = (bandwidthGbps: number) =>
    ({
      id: 'l',
      kind: 'dci',
      source: 'a',
      target: 'b',
      distanceKm: 12_000,
      bandwidthGbps,
    }) as unknown as Parameters<typeof dciFigures>[0];

  it('writes a link under 1 Gb/s in Mb/s, as a finding’s message does', () => {
    const label = dciFigures(link(0.622), DEFAULT_SETTINGS);
    expect(label).toMatch(/· 622 Mb\/s$/u);
    expect(label).toContain(gbps(0.622));
    expect(label.startsWith('12,000 km · ')).toBe(true);
  });

  it('keeps Gb/s from 1 Gb/s up', () => {
    expect(dciFigures(link(1), DEFAULT_SETTINGS)).toMatch(/· 1 Gb\/s$/u);
    expect(dciFigures(link(400), DEFAULT_SETTINGS)).toMatch(/· 400 Gb\/s$/u);
  });

  it('writes both sides of a bandwidth limit in the unit each reads best in', () => {
    const finding = { measured: 0.5, limit: 1, unit: 'Gb/s' } as unknown as Finding;
    expect(limitText(finding)).toBe('500 Mb/s < 1 Gb/s');
    const latency = { measured: 12.44, limit: 10, unit: 'ms' } as unknown as Finding;
    expect(limitText(latency)).toBe('12.4 ms > 10 ms');
  });
});
