import { describe, expect, it } from 'vitest';
import { DesignBuilder } from './builder';
import { DEVICE_SIZE } from './defaults';
import { checkReferences } from './integrity';
import { TIDY, tidyLayout } from './layout';
import { designSchema, type Design, type Device, type DeviceKind, type Site } from './schema';
import { TEMPLATES } from './templates/index';

const sitesOf = (d: Design) => d.nodes.filter((n): n is Site => n.kind === 'site');
const devicesOf = (d: Design, siteId?: string) =>
  d.nodes.filter(
    (n): n is Device => n.kind !== 'site' && (siteId === undefined || n.parentId === siteId),
  );
const node = (d: Design, id: string) => {
  const n = d.nodes.find((m) => m.id === id);
  if (!n) throw new Error(`no node "${id}"`);
  return n;
};
const site = (d: Design, id: string) => {
  const n = node(d, id);
  if (n.kind !== 'site') throw new Error(`"${id}" is not a site`);
  return n;
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The design without what tidyLayout may change: positions and site sizes. */
function withoutGeometry(d: Design): unknown {
  return {
    ...d,
    nodes: d.nodes.map((n) => {
      const { position: _position, ...rest } = n;
      if (rest.kind !== 'site') return rest;
      const { width: _width, height: _height, ...site } = rest;
      return site;
    }),
  };
}

const TIERS: readonly (readonly DeviceKind[])[] = [
  ['spine', 'border'],
  ['tor', 'witness'],
  ['cluster', 'array', 'firewall'],
];

/** Fabric links between two rows that cross when drawn straight from row to row. */
function rowCrossings(d: Design, upper: readonly string[], lower: readonly string[]): number {
  const x = (id: string) => node(d, id).position.x;
  const segments = d.links
    .filter((l) => l.kind === 'fabric')
    .map((l) =>
      upper.includes(l.source) && lower.includes(l.target)
        ? [x(l.source), x(l.target)]
        : upper.includes(l.target) && lower.includes(l.source)
          ? [x(l.target), x(l.source)]
          : null,
    )
    .filter((s): s is number[] => s !== null);
  let crossings = 0;
  segments.forEach(([a1 = 0, b1 = 0], i) =>
    segments.slice(i + 1).forEach(([a2 = 0, b2 = 0]) => {
      if ((a1 - a2) * (b1 - b2) < 0) crossings++;
    }),
  );
  return crossings;
}

/**
 * Everything piled up: every device of a site at the same spot, links drawn in any direction
 * (a cluster to its leaf, a firewall straight to the spines, a spine to a border in its own
 * tier), sites left at their default size and overlapping.
 */
function messyDesign(): Design {
  const at = { position: { x: 24, y: 24 } };
  const b = new DesignBuilder('Messy')
    .site('left', 'Left', { position: { x: 0, y: 0 } })
    .site('right', 'Right', { position: { x: 300, y: 40 } })
    .site('under', 'Under', { position: { x: 100, y: 420 } })
    .site('empty', 'Empty', { position: { x: 1400, y: 0 }, width: 200, height: 120 });
  for (const s of ['left', 'right']) {
    b.cluster(`${s}-esx-2`, s, at)
      .cluster(`${s}-esx-1`, s, at)
      .array(`${s}-array`, s, at)
      .firewall(`${s}-fw`, s, at)
      .tor(`${s}-leaf-2`, s, at)
      .tor(`${s}-leaf-1`, s, at)
      .spine(`${s}-spine-1`, s, at)
      .spine(`${s}-spine-2`, s, at)
      .border(`${s}-edge`, s, at)
      .fabric(`${s}-l1`, `${s}-esx-1`, `${s}-leaf-1`)
      .fabric(`${s}-l2`, `${s}-leaf-2`, `${s}-esx-2`)
      .fabric(`${s}-l3`, `${s}-leaf-2`, `${s}-array`)
      .fabric(`${s}-l4`, `${s}-fw`, `${s}-spine-1`)
      .fabric(`${s}-l5`, `${s}-spine-1`, `${s}-edge`)
      .fabric(`${s}-l6`, `${s}-spine-2`, `${s}-edge`);
    for (const spine of [1, 2])
      for (const leaf of [1, 2])
        b.fabric(`${s}-s${spine}-l${leaf}`, `${s}-spine-${spine}`, `${s}-leaf-${leaf}`);
  }
  b.spine('under-spine', 'under', at)
    .cluster('under-esx', 'under', at)
    .witness('under-witness', 'under', { ...at, arbitrates: ['left-array'] })
    .fabric('under-l1', 'under-spine', 'under-esx')
    .dci('dci-1', 'left-edge', 'right-edge')
    .dci('dci-2', 'under-spine', 'left-edge')
    .workload('web', 'web', 'left-esx-1');
  return b.build();
}

const designs: readonly (readonly [string, () => Design])[] = [
  ...TEMPLATES.map((t) => [`template ${t.id}`, t.build] as const),
  ['a messy hand-drawn design', messyDesign],
];

describe.each(designs)('tidyLayout on %s', (_name, build) => {
  it('keeps the design valid: schema and references', async () => {
    const tidy = await tidyLayout(build());
    const parsed = designSchema.safeParse(tidy);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(checkReferences(tidy)).toBeNull();
  });

  it('changes only positions and site sizes, and leaves the input untouched', async () => {
    const input = deepFreeze(build());
    const tidy = await tidyLayout(input);
    expect(input).toEqual(build());
    expect(withoutGeometry(tidy)).toEqual(withoutGeometry(input));
  });

  it('is deterministic, and a tidy design stays put', async () => {
    const once = await tidyLayout(build());
    expect(await tidyLayout(build())).toEqual(once);
    expect(await tidyLayout(once)).toEqual(once);
  });

  it('puts every position and site size on the grid', async () => {
    const tidy = await tidyLayout(build());
    const onGrid = (v: number) => Math.abs(v % TIDY.gridPx) === 0;
    for (const n of tidy.nodes) {
      expect(onGrid(n.position.x) && onGrid(n.position.y), n.id).toBe(true);
      if (n.kind === 'site') expect(onGrid(n.width) && onGrid(n.height), n.id).toBe(true);
    }
  });

  it('keeps the devices of a site apart, in tiers, inside the site with its padding', async () => {
    const tidy = await tidyLayout(build());
    for (const s of sitesOf(tidy)) {
      const devices = devicesOf(tidy, s.id);
      devices.forEach((a, i) => {
        expect(a.position.x, a.id).toBeGreaterThanOrEqual(TIDY.sitePaddingPx);
        expect(a.position.y, a.id).toBeGreaterThanOrEqual(TIDY.siteHeaderPx);
        expect(a.position.x + DEVICE_SIZE.width, a.id).toBeLessThanOrEqual(
          s.width - TIDY.sitePaddingPx,
        );
        expect(a.position.y + DEVICE_SIZE.height, a.id).toBeLessThanOrEqual(
          s.height - TIDY.sitePaddingPx,
        );
        for (const b of devices.slice(i + 1)) {
          const apartX =
            Math.abs(a.position.x - b.position.x) >= DEVICE_SIZE.width + TIDY.nodeGapPx;
          const apartY =
            Math.abs(a.position.y - b.position.y) >= DEVICE_SIZE.height + TIDY.tierGapPx;
          expect(apartX || apartY, `${a.id} × ${b.id}`).toBe(true);
        }
      });
      const tiers = TIERS.map((kinds) => devices.filter((d) => kinds.includes(d.kind)));
      tiers.forEach((upper, i) =>
        tiers.slice(i + 1).forEach((lower) => {
          for (const u of upper)
            for (const l of lower)
              expect(
                u.position.y + DEVICE_SIZE.height + TIDY.tierGapPx,
                `${u.id} above ${l.id}`,
              ).toBeLessThanOrEqual(l.position.y);
        }),
      );
    }
  });

  it('keeps the sites in the order the user placed them, apart from one another', async () => {
    const before = build();
    const tidy = await tidyLayout(before);
    for (const axis of ['x', 'y'] as const) {
      const order = sitesOf(before)
        .map((s, i) => ({ s, i }))
        .sort((p, q) => p.s.position[axis] - q.s.position[axis] || p.i - q.i)
        .map(({ s }) => site(tidy, s.id).position[axis]);
      expect(order, `by ${axis}`).toEqual([...order].sort((a, b) => a - b));
    }
    const sites = sitesOf(tidy);
    sites.forEach((a, i) => {
      for (const b of sites.slice(i + 1)) {
        const gapX = Math.max(
          b.position.x - a.position.x - a.width,
          a.position.x - b.position.x - b.width,
        );
        const gapY = Math.max(
          b.position.y - a.position.y - a.height,
          a.position.y - b.position.y - b.height,
        );
        expect(Math.max(gapX, gapY), `${a.id} × ${b.id}`).toBeGreaterThanOrEqual(TIDY.siteGapPx);
      }
    });
  });
});

describe('tidyLayout', () => {
  it('orders each tier so fabric links do not cross', async () => {
    // Drawn with every cluster under the wrong leaf.
    const b = new DesignBuilder('Crossed').site('dc', 'DC', { position: { x: 0, y: 0 } });
    b.spine('spine', 'dc', { position: { x: 200, y: 48 } });
    for (const [i, leaf] of ['leaf-1', 'leaf-2', 'leaf-3'].entries())
      b.tor(leaf, 'dc', { position: { x: 200 * i, y: 160 } }).fabric(`up-${leaf}`, 'spine', leaf);
    const wrongLeaf = [
      ['esx-a', 'leaf-3'],
      ['esx-b', 'leaf-1'],
      ['esx-c', 'leaf-2'],
    ] as const;
    for (const [i, [cluster, leaf]] of wrongLeaf.entries())
      b.cluster(cluster, 'dc', { position: { x: 200 * i, y: 272 } }).fabric(
        `down-${cluster}`,
        leaf,
        cluster,
      );
    const leaves = ['leaf-1', 'leaf-2', 'leaf-3'];
    const clusters = ['esx-a', 'esx-b', 'esx-c'];
    const before = b.build();
    expect(rowCrossings(before, leaves, clusters)).toBeGreaterThan(0);
    expect(rowCrossings(await tidyLayout(before), leaves, clusters)).toBe(0);
  });

  it('puts DCI edges on the side of the site that faces their peer', async () => {
    const tidy = await tidyLayout(TEMPLATES[0]!.build());
    const x = (id: string) => node(tidy, id).position.x;
    expect(x('ams-dci-edge-1')).toBeGreaterThan(Math.max(x('ams-spine-1'), x('ams-spine-2')));
    expect(x('rtm-dci-edge-1')).toBeLessThan(Math.min(x('rtm-spine-1'), x('rtm-spine-2')));
  });

  it('pushes a neighbour right when a site grows into it, keeping the site gap', async () => {
    const tidy = await tidyLayout(messyDesign());
    const left = site(tidy, 'left');
    expect(site(tidy, 'right').position.x).toBeGreaterThanOrEqual(
      left.position.x + left.width + TIDY.siteGapPx,
    );
    expect(site(tidy, 'right').position.y).toBe(48);
  });

  it('pushes a site below down when the site above grows into it', async () => {
    const tidy = await tidyLayout(messyDesign());
    const left = site(tidy, 'left');
    expect(site(tidy, 'under').position.y).toBeGreaterThanOrEqual(
      left.position.y + left.height + TIDY.siteGapPx,
    );
  });

  it('keeps the gap the user left between sites when one grows', async () => {
    const before = TEMPLATES[0]!.build();
    const tidy = await tidyLayout(before);
    const gap = (d: Design) =>
      site(d, 'dc2').position.x - site(d, 'dc1').position.x - site(d, 'dc1').width;
    expect(gap(tidy)).toBeGreaterThanOrEqual(gap(before));
  });

  it('leaves an empty site its size', async () => {
    const tidy = await tidyLayout(messyDesign());
    expect(site(tidy, 'empty')).toMatchObject({ width: 208, height: 128 });
  });

  it('leaves no room for a tier a site does not use', async () => {
    const tidy = await tidyLayout(messyDesign());
    const y = (id: string) => node(tidy, id).position.y;
    expect(y('under-spine')).toBe(TIDY.siteHeaderPx);
    expect(y('under-witness')).toBe(y('under-spine') + DEVICE_SIZE.height + TIDY.tierGapPx);
    expect(y('under-esx')).toBe(y('under-witness') + DEVICE_SIZE.height + TIDY.tierGapPx);
  });

  it('returns an empty design as it is', async () => {
    const empty = new DesignBuilder('Empty').build();
    expect(await tidyLayout(empty)).toEqual(empty);
  });
});
