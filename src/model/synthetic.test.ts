import { describe, expect, it } from 'vitest';
import { DEVICE_SIZE } from './defaults';
import { checkReferences } from './integrity';
import { designSchema } from './schema';
import { elementCount, syntheticDesign } from './synthetic';

describe('syntheticDesign', () => {
  it('builds a valid design of about the requested size', () => {
    const d = syntheticDesign({ sites: 4, elements: 1000 });
    expect(designSchema.safeParse(d).success).toBe(true);
    expect(checkReferences(d)).toBeNull();
    expect(elementCount(d)).toBeGreaterThan(900);
    expect(elementCount(d)).toBeLessThan(1100);
    expect(d.workloads.length).toBeGreaterThan(20);
    expect(d.workloads.every((w) => w.mobilityTargetIds.length === 2)).toBe(true);
  });
  it('is deterministic', () => {
    expect(syntheticDesign({ sites: 3, elements: 500 })).toEqual(
      syntheticDesign({ sites: 3, elements: 500 }),
    );
  });
  it('lays every device out inside its site, none over another', () => {
    for (const [sites, elements] of [
      [2, 60],
      [3, 200],
      [4, 1000],
      [4, 3000],
      [4, 10000],
    ] as const) {
      const d = syntheticDesign({ sites, elements });
      const siteById = new Map(d.nodes.flatMap((n) => (n.kind === 'site' ? [[n.id, n]] : [])));
      const boxes = d.nodes.flatMap((n) => {
        if (n.kind === 'site') return [];
        const site = siteById.get(n.parentId);
        if (!site) throw new Error(`${n.id} has no site`);
        const { x, y } = n.position;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x + DEVICE_SIZE.width).toBeLessThanOrEqual(site.width);
        expect(y + DEVICE_SIZE.height).toBeLessThanOrEqual(site.height);
        return [{ site: n.parentId, x, y }];
      });
      // Sorted by site and row: a device can only overlap the next ones in its row.
      boxes.sort((a, b) => a.site.localeCompare(b.site) || a.y - b.y || a.x - b.x);
      boxes.forEach((a, i) => {
        for (const b of boxes.slice(i + 1)) {
          if (b.site !== a.site || b.y >= a.y + DEVICE_SIZE.height) break;
          const apart = b.x >= a.x + DEVICE_SIZE.width || a.x >= b.x + DEVICE_SIZE.width;
          expect(apart, `${elements} elements: devices at ${a.x},${a.y} and ${b.x},${b.y}`).toBe(
            true,
          );
        }
      });
    }
  });
  it('works with a single site', () => {
    const d = syntheticDesign({ sites: 1, elements: 200 });
    expect(checkReferences(d)).toBeNull();
  });
});
