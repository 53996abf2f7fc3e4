import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { createDevice, DEVICE_SIZE, SITE_DEFAULT_SIZE } from './defaults';
import { addNode, updateNode } from './edits';
import { absolutePosition, freeSpotForSite, placeDevice, siteAt, snapToGrid } from './placement';
import type { Design } from './schema';

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

describe('Placing a new device in a site', () => {
  const inside = (d: Design, siteId: string, p: { x: number; y: number }) => {
    const site = d.nodes.find((n) => n.id === siteId);
    if (site?.kind !== 'site') throw new Error('no site');
    return (
      p.x >= 0 &&
      p.y >= 0 &&
      p.x + DEVICE_SIZE.width <= site.width &&
      p.y + DEVICE_SIZE.height <= site.height
    );
  };
  const clear = (d: Design, siteId: string, p: { x: number; y: number }) =>
    d.nodes.every(
      (n) =>
        n.kind === 'site' ||
        n.parentId !== siteId ||
        p.x >= n.position.x + DEVICE_SIZE.width ||
        p.x + DEVICE_SIZE.width <= n.position.x ||
        p.y >= n.position.y + DEVICE_SIZE.height ||
        p.y + DEVICE_SIZE.height <= n.position.y,
    );

  it('goes fully inside the site, below its header, clear of the devices there', () => {
    const d = sites();
    const { position, siteSize } = placeDevice(d, 'b');
    expect(siteSize).toBeUndefined();
    expect(inside(d, 'b', position)).toBe(true);
    expect(position.y).toBeGreaterThanOrEqual(48);
    expect(clear(d, 'b', position)).toBe(true);
  });
  it('a drop near the border or on a device goes to the nearest free spot inside', () => {
    const d = sites();
    for (const near of [
      { x: 380, y: 280 },
      { x: -100, y: -50 },
      { x: 20, y: 40 },
    ]) {
      const { position } = placeDevice(d, 'b', near);
      expect(inside(d, 'b', position), JSON.stringify(near)).toBe(true);
      expect(clear(d, 'b', position), JSON.stringify(near)).toBe(true);
    }
  });
  it('a full site grows by a row to hold the new device', () => {
    let d = sites();
    for (let i = 0; i < 8; i++) {
      const { position, siteSize } = placeDevice(d, 'a');
      expect(clear(d, 'a', position)).toBe(true);
      d = addNode(d, createDevice('spine', `s${i}`, `s${i}`, 'a', position));
      if (siteSize) d = updateNode(d, 'a', siteSize);
      expect(inside(d, 'a', position), `device ${i}`).toBe(true);
    }
    const a = d.nodes.find((n) => n.id === 'a');
    expect(a?.kind === 'site' && a.height).toBeGreaterThan(300);
  });
});
