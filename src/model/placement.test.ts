import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { SITE_DEFAULT_SIZE } from './defaults';
import { absolutePosition, freeSpotForSite, siteAt, snapToGrid } from './placement';

const sites = () =>
  new DesignBuilder()
    .site('a', 'DC A', { position: { x: 0, y: 0 }, width: 400, height: 300 })
    .site('b', 'DC B', { position: { x: 1000, y: 0 }, width: 400, height: 300 })
    .spine('sp', 'b', { position: { x: 20, y: 40 } })
    .build();

describe('Placement', () => {
  it('snaps to the 16 px grid', () => {
    expect(snapToGrid({ x: 7, y: 9 })).toEqual({ x: 0, y: 16 });
  });
  it('a device’s canvas position adds its site’s', () => {
    const d = sites();
    const sp = d.nodes.find((n) => n.id === 'sp');
    if (!sp) throw new Error('no spine');
    expect(absolutePosition(d, sp)).toEqual({ x: 1020, y: 40 });
  });
  it('finds the site under a point, or none', () => {
    expect(siteAt(sites(), { x: 1100, y: 100 })?.id).toBe('b');
    expect(siteAt(sites(), { x: 700, y: 100 })).toBeUndefined();
    expect(siteAt(sites(), { x: 1100, y: 100 }, 'b')).toBeUndefined();
  });
  it('a new site goes where it is dropped when that is clear', () => {
    expect(freeSpotForSite(sites(), { x: 0, y: 2000 })).toEqual({ x: 0, y: 2000 });
  });
  it('a new site that would overlap one moves right until it is clear of every site', () => {
    const spot = freeSpotForSite(sites(), { x: 96, y: 48 });
    for (const n of sites().nodes) {
      if (n.kind !== 'site') continue;
      const apart =
        spot.x >= n.position.x + n.width ||
        spot.x + SITE_DEFAULT_SIZE.width <= n.position.x ||
        spot.y >= n.position.y + n.height ||
        spot.y + SITE_DEFAULT_SIZE.height <= n.position.y;
      expect(apart, n.id).toBe(true);
    }
    expect(spot.y).toBe(48);
  });
});
