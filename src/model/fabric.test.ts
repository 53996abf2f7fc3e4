import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { DEVICE_SIZE } from './defaults';
import { buildFabric, FABRIC_LIMITS, fabricSpecProblem } from './fabric';
import { TIDY } from './layout';
import { checkReferences } from './integrity';
import { designSchema, type Design, type Device, type Site } from './schema';

const twoSites = () =>
  new DesignBuilder()
    .site('dc1', 'DC1', { position: { x: 0, y: 0 }, width: 560, height: 380 })
    .site('dc2', 'DC2', { position: { x: 640, y: 0 }, width: 560, height: 380 })
    .build();

let seq = 0;
const ids = (prefix: string) => `${prefix}-t${++seq}`;

function built(design: Design, siteId: string, spines: number, leaves: number) {
  const result = buildFabric(design, siteId, { spines, leaves }, ids);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const site = (d: Design, id: string) =>
  d.nodes.find((n): n is Site => n.id === id && n.kind === 'site');
const devicesIn = (d: Design, siteId: string) =>
  d.nodes.filter((n): n is Device => n.kind !== 'site' && n.parentId === siteId);

function overlaps(a: { x: number; y: number; w: number; h: number }, b: typeof a): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
const box = (d: Device) => ({ ...d.position, w: DEVICE_SIZE.width, h: DEVICE_SIZE.height });
const siteBox = (s: Site) => ({ ...s.position, w: s.width, h: s.height });

describe('The fabric builder', () => {
  it('adds N spines, M leaves and N × M fabric links between them', () => {
    const { design, spineIds, leafIds, linkIds } = built(twoSites(), 'dc1', 2, 4);
    expect(spineIds).toHaveLength(2);
    expect(leafIds).toHaveLength(4);
    expect(linkIds).toHaveLength(8);
    const kinds = devicesIn(design, 'dc1').map((d) => d.kind);
    expect(kinds.filter((k) => k === 'spine')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'tor')).toHaveLength(4);
    const pairs = new Set(design.links.map((l) => `${l.source}>${l.target}`));
    for (const s of spineIds) for (const l of leafIds) expect(pairs.has(`${s}>${l}`)).toBe(true);
    expect(design.links.every((l) => l.kind === 'fabric')).toBe(true);
  });

  it('keeps the design valid: schema and references', () => {
    const { design } = built(twoSites(), 'dc2', 4, 16);
    expect(designSchema.safeParse(design).success).toBe(true);
    expect(checkReferences(design)).toBeNull();
  });

  it('names devices after their site, never repeating a name', () => {
    const once = built(twoSites(), 'dc1', 2, 3).design;
    const twice = built(once, 'dc1', 1, 2).design;
    const labels = devicesIn(twice, 'dc1').map((d) => d.label);
    expect(labels).toEqual([
      'dc1-spine-1',
      'dc1-spine-2',
      'dc1-leaf-1',
      'dc1-leaf-2',
      'dc1-leaf-3',
      'dc1-spine-3',
      'dc1-leaf-4',
      'dc1-leaf-5',
    ]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(devicesIn(built(twice, 'dc2', 1, 1).design, 'dc2').map((d) => d.label)).toEqual([
      'dc2-spine-1',
      'dc2-leaf-1',
    ]);
  });

  it('puts spines in a tier above the leaves, every device inside the site with its padding', () => {
    for (const [spines, leaves] of [
      [2, 4],
      [4, 2],
      [1, 1],
      [16, 64],
      [3, 7],
    ] as const) {
      const { design, spineIds, leafIds } = built(twoSites(), 'dc1', spines, leaves);
      const dc1 = site(design, 'dc1');
      if (!dc1) throw new Error('no site');
      const devices = devicesIn(design, 'dc1');
      for (const d of devices) {
        expect(d.position.x, d.label).toBeGreaterThanOrEqual(TIDY.sitePaddingPx);
        expect(d.position.y, d.label).toBeGreaterThanOrEqual(TIDY.siteHeaderPx);
        expect(d.position.x + DEVICE_SIZE.width, d.label).toBeLessThanOrEqual(
          dc1.width - TIDY.sitePaddingPx,
        );
        expect(d.position.y + DEVICE_SIZE.height, d.label).toBeLessThanOrEqual(
          dc1.height - TIDY.sitePaddingPx,
        );
        expect(d.position.x % TIDY.gridPx, d.label).toBe(0);
        expect(d.position.y % TIDY.gridPx, d.label).toBe(0);
      }
      const ys = (which: readonly string[]) =>
        new Set(devices.filter((d) => which.includes(d.id)).map((d) => d.position.y));
      expect([...ys(spineIds)]).toHaveLength(1);
      expect([...ys(leafIds)]).toHaveLength(1);
      expect([...ys(spineIds)][0]).toBeLessThan([...ys(leafIds)][0] ?? 0);
      for (const [i, a] of devices.entries())
        for (const b of devices.slice(i + 1))
          expect(overlaps(box(a), box(b)), `${a.label} / ${b.label}`).toBe(false);
    }
  });

  it('centres the narrower tier over the wider one', () => {
    const { design, spineIds, leafIds } = built(twoSites(), 'dc1', 2, 4);
    const centre = (which: readonly string[]) => {
      const xs = devicesIn(design, 'dc1')
        .filter((d) => which.includes(d.id))
        .map((d) => d.position.x);
      return (Math.min(...xs) + Math.max(...xs) + DEVICE_SIZE.width) / 2;
    };
    expect(Math.abs(centre(spineIds) - centre(leafIds))).toBeLessThanOrEqual(TIDY.gridPx);
  });

  it('places the fabric below devices already in the site, moving none of them', () => {
    const start = new DesignBuilder()
      .site('dc1', 'DC1', { position: { x: 0, y: 0 }, width: 560, height: 380 })
      .border('b1', 'dc1', { position: { x: 40, y: 48 } })
      .cluster('c1', 'dc1', { position: { x: 320, y: 160 } })
      .build();
    const { design } = built(start, 'dc1', 2, 4);
    expect(design.nodes.find((n) => n.id === 'b1')?.position).toEqual({ x: 40, y: 48 });
    expect(design.nodes.find((n) => n.id === 'c1')?.position).toEqual({ x: 320, y: 160 });
    const devices = devicesIn(design, 'dc1');
    for (const [i, a] of devices.entries())
      for (const b of devices.slice(i + 1))
        expect(overlaps(box(a), box(b)), `${a.label} / ${b.label}`).toBe(false);
  });

  it('grows the site to fit and moves a neighbour it would crowd, keeping sites apart', () => {
    const { design } = built(twoSites(), 'dc1', 4, 12);
    const dc1 = site(design, 'dc1');
    const dc2 = site(design, 'dc2');
    if (!dc1 || !dc2) throw new Error('no sites');
    expect(dc1.width).toBeGreaterThan(560);
    expect(dc1.position).toEqual({ x: 0, y: 0 });
    expect(overlaps(siteBox(dc1), siteBox(dc2))).toBe(false);
    expect(dc2.position.x).toBeGreaterThanOrEqual(dc1.position.x + dc1.width + 80);
  });

  it('leaves the site’s size and the other sites alone when the fabric fits', () => {
    const start = twoSites();
    const { design } = built(start, 'dc1', 1, 2);
    expect(site(design, 'dc1')).toMatchObject({ width: 560, height: 380 });
    expect(site(design, 'dc2')).toEqual(site(start, 'dc2'));
  });

  it('leaves the input design untouched', () => {
    const start = twoSites();
    const copy = structuredClone(start);
    built(start, 'dc1', 2, 4);
    expect(start).toEqual(copy);
  });

  it('refuses an unknown site and counts out of bounds, with a reason', () => {
    const d = twoSites();
    expect(buildFabric(d, 'nope', { spines: 2, leaves: 4 })).toMatchObject({ ok: false });
    expect(buildFabric(d, 'dc1', { spines: 0, leaves: 4 })).toEqual({
      ok: false,
      reason: `The number of spines must be a whole number from 1 to ${FABRIC_LIMITS.spines.max}.`,
    });
    expect(fabricSpecProblem({ spines: 2, leaves: 65 })).toMatch(/leaves/);
    expect(fabricSpecProblem({ spines: 1.5, leaves: 4 })).toMatch(/spines/);
    expect(fabricSpecProblem({ spines: 2, leaves: 4 })).toBeNull();
  });
});
