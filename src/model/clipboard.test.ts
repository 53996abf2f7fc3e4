import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { createDevice, DEVICE_SIZE } from './defaults';
import { cloneElements, copiedElements, duplicateElements, pasteInto } from './clipboard';
import { elementsText } from './labels';
import { addNode, removeElements, removeSegment, updateNode } from './edits';
import { DEVICE_GAP_PX, placeDevice, SITE_TOP_PX } from './placement';
import { checkReferences } from './integrity';
import { designSchema, type Design } from './schema';
import { syntheticDesign } from './synthetic';

const isValid = (d: Design) => designSchema.safeParse(d).success && checkReferences(d) === null;

const twoSites = () =>
  new DesignBuilder('two sites')
    .site('a', 'DC A')
    .site('b', 'DC B')
    .spine('a-sp', 'a')
    .border('a-be', 'a')
    .cluster('a-c', 'a')
    .cluster('b-c', 'b')
    .fabric('f1', 'a-sp', 'a-be')
    .segment('web', 'web', 100)
    .workload('w1', 'web-01', 'a-c', { mobilityTargetIds: ['b-c'], segmentIds: ['web'] })
    .build();

const offset = { x: 32, y: 32 };

describe('cloneElements', () => {
  it('copies a site with fresh ids, keeps internal links, and stays loadable', () => {
    let n = 0;
    const { design, newIds } = cloneElements(
      twoSites(),
      ['a'],
      { x: 40, y: 40 },
      (p) => `${p}-copy${n++}`,
    );
    expect(newIds).toHaveLength(5);
    expect(design.links).toHaveLength(2);
    expect(design.workloads).toHaveLength(2);
    expect(isValid(design)).toBe(true);
  });
});

describe('Pasting', () => {
  it('a copied site comes with its devices, links and workloads under fresh ids', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a'] }, offset);
    if (!result) throw new Error('nothing pasted');
    const { design, newIds } = result;
    expect(design.nodes).toHaveLength(d.nodes.length + 4);
    expect(design.links).toHaveLength(2);
    expect(design.workloads).toHaveLength(2);
    for (const id of newIds) expect(d.nodes.some((n) => n.id === id)).toBe(false);
    expect(isValid(design)).toBe(true);
  });
  it('keeps sites before devices, as React Flow needs', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a'] }, offset);
    const kinds = result?.design.nodes.map((n) => n.kind === 'site') ?? [];
    expect(kinds.indexOf(false)).toBeGreaterThan(kinds.lastIndexOf(true));
  });
  it('a copied site moves by the offset, and on until it overlaps no site', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a'] }, offset);
    const original = d.nodes.find((n) => n.id === 'a');
    const copy = result?.design.nodes.find((n) => n.id === result.newIds[0]);
    if (copy?.kind !== 'site' || original?.kind !== 'site') throw new Error('no site');
    expect(copy.position.y).toBe(original.position.y + 32);
    expect(copy.position.x).toBeGreaterThanOrEqual(original.position.x + 32);
    for (const other of d.nodes) {
      if (other.kind !== 'site') continue;
      const clear =
        copy.position.x >= other.position.x + other.width ||
        copy.position.x + copy.width <= other.position.x ||
        copy.position.y >= other.position.y + other.height ||
        copy.position.y + copy.height <= other.position.y;
      expect(clear, other.id).toBe(true);
    }
  });
  it("puts bench:ui's 30 devices back into their 7,600 px site of a 3,000-element design", () => {
    // The first 30 devices of DC 1's racks, pasted with the view on DC 1's top left (zoom 0.75):
    // one offset for all, where a scan of the whole site puts them, named after the site's devices.
    const d = syntheticDesign({ sites: 4, elements: 3000 });
    const ids = d.nodes
      .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
      .slice(0, 30)
      .map((n) => n.id);
    const view = { x: -40 / 0.75, y: -40 / 0.75, width: 844 / 0.75, height: 852 / 0.75 };
    const center = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
    const result = pasteInto(d, { design: d, ids }, offset, { center, view });
    if (!result) throw new Error('nothing pasted');
    const pasted = result.design.nodes.filter((n) => result.newIds.includes(n.id));
    const originals = d.nodes.filter((n) => ids.includes(n.id));
    expect(pasted).toHaveLength(30);
    const first = originals[0];
    if (!first) throw new Error('no original');
    const shift = { x: 32 - first.position.x, y: 384 - first.position.y };
    expect(pasted.map((n) => n.position)).toEqual(
      originals.map((n) => ({ x: n.position.x + shift.x, y: n.position.y + shift.y })),
    );
    expect(pasted.slice(0, 3).map((n) => n.label)).toEqual([
      's0-leaf-1',
      's0-cluster-1',
      's0-cluster-2',
    ]);
    expect(pasted.at(-1)?.label).toBe('s0-cluster-20');
    // The site had room: it keeps its size.
    expect(result.design.nodes.find((n) => n.id === 's0')).toEqual(
      d.nodes.find((n) => n.id === 's0'),
    );
  });
  it('with a target, copied sites land together in the view, on no site, their devices inside', () => {
    // The Metro template's case: DC1 and DC2 side by side, the view on DC1 and the room below.
    const d = new DesignBuilder()
      .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 600, height: 400 })
      .site('b', 'DC2', { position: { x: 800, y: 0 }, width: 600, height: 400 })
      .spine('a-sp', 'a', { position: { x: 40, y: 48 } })
      .build();
    const view = { x: -300, y: -200, width: 1400, height: 1400 };
    const result = pasteInto(d, { design: d, ids: ['a'] }, offset, {
      center: { x: 400, y: 500 },
      view,
    });
    if (!result) throw new Error('nothing pasted');
    const copy = result.design.nodes.find((n) => n.id === result.newIds[0]);
    const spine = result.design.nodes.find((n) => n.id === result.newIds[1]);
    if (copy?.kind !== 'site' || !spine || spine.kind === 'site') throw new Error('no copy');
    expect(copy.position.x).toBeGreaterThanOrEqual(view.x);
    expect(copy.position.y).toBeGreaterThanOrEqual(view.y);
    expect(copy.position.x + copy.width).toBeLessThanOrEqual(view.x + view.width);
    expect(copy.position.y + copy.height).toBeLessThanOrEqual(view.y + view.height);
    for (const other of d.nodes) {
      if (other.kind !== 'site') continue;
      const clear =
        copy.position.x >= other.position.x + other.width ||
        copy.position.x + copy.width <= other.position.x ||
        copy.position.y >= other.position.y + other.height ||
        copy.position.y + copy.height <= other.position.y;
      expect(clear, other.id).toBe(true);
    }
    expect(spine.parentId).toBe(copy.id);
    expect(spine.position).toEqual({ x: 40, y: 48 });
  });
  it('a device whose site was not copied goes back into that site', () => {
    const d = twoSites();
    const result = pasteInto(d, { design: d, ids: ['a-sp'] }, offset);
    const copy = result?.design.nodes.find((n) => n.id === result.newIds[0]);
    expect(copy?.kind !== 'site' && copy?.parentId).toBe('a');
  });
  it('is refused (null) when the copied device’s site was deleted since', () => {
    const d = twoSites();
    expect(pasteInto(removeElements(d, ['a']), { design: d, ids: ['a-sp'] }, offset)).toBeNull();
  });
  it('a pasted workload drops the clusters and segments deleted since the copy', () => {
    const d = twoSites();
    const current = removeSegment(removeElements(d, ['b']), 'web');
    const result = pasteInto(current, { design: d, ids: ['a-c'] }, offset);
    const pasted = result?.design.workloads.find((w) => w.id !== 'w1');
    expect(pasted?.mobilityTargetIds).toEqual([]);
    expect(pasted?.segmentIds).toEqual([]);
    expect(result && isValid(result.design)).toBe(true);
  });
  it('a pasted workload keeps the clusters, segments and volume the design still has', () => {
    const volume = { id: 'v1', name: 'v1', replication: 'none' as const };
    const d = new DesignBuilder()
      .site('a', 'A')
      .site('b', 'B')
      .cluster('a-c', 'a')
      .cluster('b-c', 'b')
      .array('b-ar', 'b', { volumes: [volume] })
      .segment('web', 'web', 100)
      .workload('w1', 'web-01', 'a-c', {
        mobilityTargetIds: ['b-c', 'a-c'],
        segmentIds: ['web'],
        datastoreId: 'v1',
      })
      .build();
    const kept = pasteInto(d, { design: d, ids: ['a-c'] }, offset);
    const pasted = kept?.design.workloads.find((w) => w.id !== 'w1');
    expect(pasted?.mobilityTargetIds).toEqual(['b-c', 'a-c']);
    expect(pasted?.segmentIds).toEqual(['web']);
    expect(pasted?.datastoreId).toBe('v1');
    // The array deleted since the copy: its volume goes, the clusters stay.
    const gone = pasteInto(removeElements(d, ['b-ar']), { design: d, ids: ['a-c'] }, offset);
    expect(gone?.design.workloads.find((w) => w.id !== 'w1')?.datastoreId).toBeUndefined();
    expect(gone?.design.workloads.find((w) => w.id !== 'w1')?.mobilityTargetIds).toEqual([
      'b-c',
      'a-c',
    ]);
  });
  it('pasted copies get fresh names: a site the next DCn, its devices after it', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1 Amsterdam')
      .site('b', 'DC2 Rotterdam')
      .spine('s1', 'a', { label: 'dc1-spine-1' })
      .spine('s2', 'a', { label: 'dc1-spine-2' })
      .build();
    const site = pasteInto(d, { design: d, ids: ['a'] }, offset);
    const names = (r: typeof site) =>
      r?.newIds.map((id) => r.design.nodes.find((n) => n.id === id)?.label).filter(Boolean);
    expect(names(site)).toEqual(['DC3', 'dc3-spine-1', 'dc3-spine-2']);
    const spines = pasteInto(d, { design: d, ids: ['s1', 's2'] }, offset);
    expect(names(spines)).toEqual(['dc1-spine-3', 'dc1-spine-4']);
    const labels = spines?.design.nodes.map((n) => n.label) ?? [];
    expect(new Set(labels).size).toBe(labels.length);
  });
  it('a device pasted into its old site lands inside it and on top of no device', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1', { width: 400, height: 200 })
      .spine('s1', 'a', { position: { x: 200, y: 120 } })
      .spine('s2', 'a', { position: { x: 16, y: 48 } })
      .build();
    const result = pasteInto(d, { design: d, ids: ['s1'] }, offset);
    if (!result) throw new Error('nothing pasted');
    const site = result.design.nodes.find((n) => n.id === 'a');
    const copy = result.design.nodes.find((n) => n.id === result.newIds[0]);
    if (site?.kind !== 'site' || !copy) throw new Error('missing');
    expect(copy.position.x + DEVICE_SIZE.width).toBeLessThanOrEqual(site.width);
    expect(copy.position.y + DEVICE_SIZE.height).toBeLessThanOrEqual(site.height);
    for (const other of result.design.nodes) {
      if (other.kind === 'site' || other.id === copy.id) continue;
      const apart =
        copy.position.x >= other.position.x + DEVICE_SIZE.width ||
        copy.position.x + DEVICE_SIZE.width <= other.position.x ||
        copy.position.y >= other.position.y + DEVICE_SIZE.height ||
        copy.position.y + DEVICE_SIZE.height <= other.position.y;
      expect(apart, other.id).toBe(true);
    }
    expect(isValid(result.design)).toBe(true);
  });
  it('says what a copy takes: a site, its devices and the links among them', () => {
    const d = twoSites();
    expect(elementsText(copiedElements(d, ['a']))).toBe('DC A and 3 devices, 1 link');
    expect(elementsText(copiedElements(d, ['a-sp']))).toBe('a-sp');
    expect(elementsText(copiedElements(d, []))).toBeNull();
  });
});

describe('Duplicate', () => {
  it('copies devices with the links among them, fresh ids and names, inside their site clear of others', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 600, height: 300 })
      .spine('s1', 'a', { label: 'dc1-spine-1', position: { x: 40, y: 48 } })
      .tor('l1', 'a', { label: 'dc1-leaf-1', position: { x: 400, y: 220 } })
      .fabric('f1', 's1', 'l1')
      .build();
    const result = duplicateElements(d, ['s1', 'l1']);
    if (!result) throw new Error('nothing duplicated');
    const copies = result.design.nodes.filter((n) => result.newIds.includes(n.id));
    expect(copies.map((n) => n.label)).toEqual(['dc1-spine-2', 'dc1-leaf-2']);
    // Inside the site, on top of no other device.
    const site = result.design.nodes.find((n) => n.id === 'a');
    const devices = result.design.nodes.filter((n) => n.kind !== 'site');
    for (const c of copies) {
      expect(site?.kind === 'site' && c.position.x + DEVICE_SIZE.width <= site.width).toBe(true);
      expect(site?.kind === 'site' && c.position.y + DEVICE_SIZE.height <= site.height).toBe(true);
      for (const d of devices) {
        if (d.id === c.id) continue;
        const apart =
          c.position.x >= d.position.x + DEVICE_SIZE.width ||
          d.position.x >= c.position.x + DEVICE_SIZE.width ||
          c.position.y >= d.position.y + DEVICE_SIZE.height ||
          d.position.y >= c.position.y + DEVICE_SIZE.height;
        expect(apart, `${c.label} / ${d.label}`).toBe(true);
      }
    }
    const link = result.design.links.find((l) => result.newIds.includes(l.id));
    expect(link).toMatchObject({ kind: 'fabric', source: copies[0]?.id, target: copies[1]?.id });
    expect(isValid(result.design)).toBe(true);
  });
  it('puts a copied site beside the originals, clear of every site, renamed with its devices', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 400, height: 300 })
      .site('b', 'DC2', { position: { x: 480, y: 0 }, width: 400, height: 300 })
      .spine('s1', 'a', { label: 'dc1-spine-1' })
      .build();
    const result = duplicateElements(d, ['a']);
    if (!result) throw new Error('nothing duplicated');
    const site = result.design.nodes.find((n) => n.id === result.newIds[0]);
    expect(site).toMatchObject({ kind: 'site', label: 'DC3', position: { x: 960, y: 0 } });
    const spine = result.design.nodes.find((n) => n.kind === 'spine' && n.id !== 's1');
    expect(spine).toMatchObject({ label: 'dc3-spine-1', parentId: site?.id });
    expect(isValid(result.design)).toBe(true);
  });
  it('keeps the shape of a copied group: below the originals when there is room', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 800, height: 600 })
      .spine('s1', 'a', { label: 'dc1-spine-1', position: { x: 48, y: 48 } })
      .tor('l1', 'a', { label: 'dc1-leaf-1', position: { x: 256, y: 160 } })
      .build();
    const result = duplicateElements(d, ['s1', 'l1']);
    const copies = result?.design.nodes.filter((n) => result.newIds.includes(n.id)) ?? [];
    expect(copies.map((n) => n.position)).toEqual([
      { x: 48, y: 256 },
      { x: 256, y: 368 },
    ]);
  });
  it('grows the site when the copied group fits nowhere in it', () => {
    const d = new DesignBuilder()
      .site('a', 'DC1', { position: { x: 0, y: 0 }, width: 320, height: 256 })
      .spine('s1', 'a', { label: 'dc1-spine-1', position: { x: 32, y: 48 } })
      .tor('l1', 'a', { label: 'dc1-leaf-1', position: { x: 32, y: 160 } })
      .build();
    const result = duplicateElements(d, ['s1', 'l1']);
    if (!result) throw new Error('nothing duplicated');
    const copies = result.design.nodes.filter((n) => result.newIds.includes(n.id));
    const [a, b] = copies.map((n) => n.position);
    expect(a && b && b.y - a.y).toBe(112);
    const site = result.design.nodes.find((n) => n.id === 'a');
    expect(site?.kind === 'site' && site.height).toBeGreaterThan(256);
    expect(site?.kind === 'site' && site.height).toBeGreaterThanOrEqual((b?.y ?? 0) + 56);
    expect(isValid(result.design)).toBe(true);
  });
});

describe('Pasting devices into their site', () => {
  /** Two sites somewhere on the canvas, their devices placed as a user adds them: clear of each other. */
  const arbitrarySites = fc.record({
    a: fc.record({
      x: fc.integer({ min: -2000, max: 2000 }),
      y: fc.integer({ min: -2000, max: 2000 }),
      width: fc.integer({ min: 240, max: 1600 }),
      height: fc.integer({ min: 160, max: 1000 }),
    }),
    bOffsetX: fc.integer({ min: 0, max: 3000 }),
    bWidth: fc.integer({ min: 240, max: 1200 }),
    devices: fc.array(
      fc.record({
        inA: fc.boolean(),
        x: fc.integer({ min: 0, max: 1600 }),
        y: fc.integer({ min: 0, max: 1000 }),
        copied: fc.boolean(),
      }),
      { minLength: 1, maxLength: 24 },
    ),
  });
  const arbitraryTarget = fc.option(
    fc.record(
      {
        center: fc.record({
          x: fc.integer({ min: -3000, max: 6000 }),
          y: fc.integer({ min: -3000, max: 3000 }),
        }),
        view: fc.record({
          x: fc.integer({ min: -3000, max: 6000 }),
          y: fc.integer({ min: -3000, max: 3000 }),
          width: fc.integer({ min: 200, max: 4000 }),
          height: fc.integer({ min: 150, max: 3000 }),
        }),
      },
      { requiredKeys: ['center'] },
    ),
    { nil: undefined },
  );

  it('keeps the copied group’s shape, inside its site, on top of no device', () => {
    let grew = 0;
    fc.assert(
      fc.property(arbitrarySites, arbitraryTarget, ({ a, bOffsetX, bWidth, devices }, target) => {
        const b = { x: a.x + a.width + 80 + bOffsetX, y: a.y, width: bWidth, height: 600 };
        let d = new DesignBuilder()
          .site('a', 'DC1', { position: { x: a.x, y: a.y }, width: a.width, height: a.height })
          .site('b', 'DC2', { position: { x: b.x, y: b.y }, width: b.width, height: b.height })
          .build();
        const picked: string[] = [];
        devices.forEach((dev, i) => {
          const siteId = dev.inA ? 'a' : 'b';
          const placed = placeDevice(d, siteId, { x: dev.x, y: dev.y });
          const id = `d${i}`;
          d = addNode(d, createDevice(i % 2 ? 'tor' : 'cluster', id, id, siteId, placed.position));
          if (placed.siteSize) d = updateNode(d, siteId, placed.siteSize);
          if (dev.copied) picked.push(id);
        });
        if (picked.length === 0) picked.push('d0');
        const result = target
          ? pasteInto(d, { design: d, ids: picked }, offset, target)
          : pasteInto(d, { design: d, ids: picked }, offset);
        if (!result) throw new Error('nothing pasted');
        const after = result.design;
        const node = (id: string) => after.nodes.find((n) => n.id === id);
        const copies = result.newIds.map(node).filter((n) => n !== undefined);
        expect(copies).toHaveLength(picked.length);
        // Copies are in the order of the originals: pair them up, site by site.
        const originals = picked.map((id) => d.nodes.find((n) => n.id === id));
        for (const siteId of ['a', 'b']) {
          const pairs = originals.flatMap((o, i) => {
            const c = copies[i];
            return o && o.kind !== 'site' && o.parentId === siteId && c ? [[o, c] as const] : [];
          });
          const [first] = pairs;
          if (!first) continue;
          for (const [o, c] of pairs) {
            expect(c.kind !== 'site' && c.parentId).toBe(siteId);
            // One offset for the group: every pairwise offset kept.
            expect(c.position.x - first[1].position.x).toBe(o.position.x - first[0].position.x);
            expect(c.position.y - first[1].position.y).toBe(o.position.y - first[0].position.y);
          }
        }
        for (const site of after.nodes) {
          if (site.kind !== 'site') continue;
          const before = d.nodes.find((n) => n.id === site.id);
          if (before?.kind === 'site' && before.height < site.height) grew++;
          const inside = after.nodes.filter((n) => n.kind !== 'site' && n.parentId === site.id);
          for (const c of inside) {
            if (!result.newIds.includes(c.id)) continue;
            expect(c.position.x).toBeGreaterThanOrEqual(DEVICE_GAP_PX);
            expect(c.position.y).toBeGreaterThanOrEqual(SITE_TOP_PX);
            expect(c.position.x + DEVICE_SIZE.width).toBeLessThanOrEqual(site.width);
            expect(c.position.y + DEVICE_SIZE.height).toBeLessThanOrEqual(site.height);
            for (const o of inside) {
              if (o.id === c.id) continue;
              const apart =
                c.position.x >= o.position.x + DEVICE_SIZE.width + DEVICE_GAP_PX ||
                o.position.x >= c.position.x + DEVICE_SIZE.width + DEVICE_GAP_PX ||
                c.position.y >= o.position.y + DEVICE_SIZE.height + DEVICE_GAP_PX ||
                o.position.y >= c.position.y + DEVICE_SIZE.height + DEVICE_GAP_PX;
              expect(apart, `${c.id} / ${o.id}`).toBe(true);
            }
          }
        }
        expect(isValid(after)).toBe(true);
      }),
      { numRuns: 300 },
    );
    // Not vacuous: some sites were full and grew.
    expect(grew).toBeGreaterThan(5);
  });
});
