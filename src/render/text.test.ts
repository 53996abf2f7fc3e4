import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { num } from '../rules/context';
import { dciFigures } from './text';

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
