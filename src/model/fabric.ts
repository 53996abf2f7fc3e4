/**
 * The fabric builder: "N spines × M leaves, full mesh" in a site, in one edit. The new devices
 * go in two tiers (spines above leaves) below whatever the site already holds, the site grows to
 * fit, neighbours it would now crowd move away as Tidy up moves them, and every spine gets a
 * fabric link to every leaf.
 */
import { createDevice, createFabricLink, DEVICE_SIZE, newId, nextDeviceName } from './defaults';
import { arrangeSites, TIDY } from './layout';
import type { Design, DesignNode, Device, Link, Position, Site } from './schema';

/** How many of each a fabric may have: enough for a large site, few enough to stay readable. */
export const FABRIC_LIMITS = {
  spines: { min: 1, max: 16 },
  leaves: { min: 1, max: 64 },
} as const;

export const FABRIC_DEFAULT = { spines: 2, leaves: 4 } as const;

/**
 * Between the spine and the leaf tier: at least twice Tidy up's, and more for a larger mesh
 * (up to a limit), so each of the N × M links has its own lane as it fans out from its spine.
 */
export function fabricTierGapPx(spec: FabricSpec): number {
  const lanes = spec.spines * spec.leaves * FABRIC_LANE_PX;
  return Math.min(FABRIC_MAX_GAP_PX, Math.max(2 * TIDY.tierGapPx, snapUp(lanes)));
}
const FABRIC_LANE_PX = 8;
const FABRIC_MAX_GAP_PX = 320;

export interface FabricSpec {
  readonly spines: number;
  readonly leaves: number;
}

export type FabricResult =
  | {
      readonly ok: true;
      readonly design: Design;
      readonly spineIds: readonly string[];
      readonly leafIds: readonly string[];
      readonly linkIds: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/** Why a fabric spec cannot be built, or null when it can. */
export function fabricSpecProblem(spec: FabricSpec): string | null {
  for (const part of ['spines', 'leaves'] as const) {
    const { min, max } = FABRIC_LIMITS[part];
    const value = spec[part];
    if (!Number.isInteger(value) || value < min || value > max)
      return `The number of ${part} must be a whole number from ${min} to ${max}.`;
  }
  return null;
}

const snap = (v: number) => Math.round(v / TIDY.gridPx) * TIDY.gridPx;
const snapUp = (v: number) => Math.ceil(v / TIDY.gridPx) * TIDY.gridPx;
/** From one device's left edge to the next one's, on the grid. */
const PITCH_PX = snapUp(DEVICE_SIZE.width + TIDY.nodeGapPx);
const rowWidth = (count: number) => Math.max(0, count - 1) * PITCH_PX + DEVICE_SIZE.width;

/**
 * X positions (left edges, relative to `left`) of a row of `count` devices laid out under or
 * over a wider row of `wideCount`: spread evenly across it, each centred on its share of the
 * width, so a 2 × 4 fabric draws as the textbook picture rather than a narrow V.
 */
function rowXs(count: number, wideCount: number): number[] {
  if (count >= wideCount) return Array.from({ length: count }, (_, i) => i * PITCH_PX);
  const share = rowWidth(wideCount) / count;
  return Array.from({ length: count }, (_, i) => snap((i + 0.5) * share - DEVICE_SIZE.width / 2));
}

/** Build a leaf-spine fabric in a site: one pure edit (see the top of this file). */
export function buildFabric(
  design: Design,
  siteId: string,
  spec: FabricSpec,
  makeId: (prefix: string) => string = newId,
): FabricResult {
  const site = design.nodes.find((n): n is Site => n.id === siteId && n.kind === 'site');
  if (!site) return { ok: false, reason: 'Choose a site to build the fabric in.' };
  const problem = fabricSpecProblem(spec);
  if (problem) return { ok: false, reason: problem };

  const residents = design.nodes.filter(
    (n): n is Device => n.kind !== 'site' && n.parentId === site.id,
  );
  const contentWidth = rowWidth(Math.max(spec.spines, spec.leaves));
  const residentsRight = Math.max(0, ...residents.map((d) => d.position.x + DEVICE_SIZE.width));
  const residentsBottom = Math.max(0, ...residents.map((d) => d.position.y + DEVICE_SIZE.height));
  const width = Math.max(
    site.width,
    snapUp(Math.max(contentWidth + 2 * TIDY.sitePaddingPx, residentsRight + TIDY.sitePaddingPx)),
  );
  // Below what the site holds already, so nothing the user placed is covered or moved.
  const top = residents.length > 0 ? snapUp(residentsBottom + TIDY.tierGapPx) : TIDY.siteHeaderPx;
  const left = snap((width - contentWidth) / 2);
  const leafTop = snapUp(top + DEVICE_SIZE.height + fabricTierGapPx(spec));
  const height = Math.max(site.height, snapUp(leafTop + DEVICE_SIZE.height + TIDY.sitePaddingPx));

  // Names chosen here are not in the design yet: each call skips the ones given before it.
  const taken: string[] = [];
  const tier = (kind: 'spine' | 'tor', count: number, otherCount: number, y: number) =>
    rowXs(count, otherCount).map((x) => {
      const name = nextDeviceName(design, site.id, kind, taken);
      taken.push(name);
      return createDevice(kind, makeId(kind), name, site.id, { x: left + x, y } satisfies Position);
    });
  const spines = tier('spine', spec.spines, spec.leaves, top);
  const leaves = tier('tor', spec.leaves, spec.spines, leafTop);
  const links: Link[] = [];
  for (const leaf of leaves)
    for (const spine of spines) links.push(createFabricLink(makeId('link'), spine.id, leaf.id));

  const grown: Site = { ...site, width, height };
  const nodes: DesignNode[] = [
    ...design.nodes.map((n) => (n.id === site.id ? grown : n)),
    ...spines,
    ...leaves,
  ];
  return {
    ok: true,
    design: {
      ...design,
      nodes: makeRoomFor(nodes, site, grown),
      links: [...design.links, ...links],
    },
    spineIds: spines.map((d) => d.id),
    leafIds: leaves.map((d) => d.id),
    linkIds: links.map((l) => l.id),
  };
}

/**
 * A site that grew may now crowd its neighbours: move them away as Tidy up does (keeping the
 * arrangement and the gaps the user left). Sites that only the grid would nudge stay put.
 */
function makeRoomFor(nodes: DesignNode[], before: Site, after: Site): DesignNode[] {
  if (before.width === after.width && before.height === after.height) return nodes;
  const sites = nodes.filter((n): n is Site => n.kind === 'site');
  const boxes = arrangeSites(
    sites.map((s) =>
      s.id === after.id
        ? { ...before.position, width: before.width, height: before.height }
        : { ...s.position, width: s.width, height: s.height },
    ),
    sites.map((s) => ({ width: s.width, height: s.height })),
  );
  const moved = new Map<string, Position>();
  sites.forEach((s, i) => {
    const box = boxes[i];
    if (!box) return;
    const dx = box.x - s.position.x;
    const dy = box.y - s.position.y;
    if (Math.abs(dx) >= TIDY.gridPx || Math.abs(dy) >= TIDY.gridPx)
      moved.set(s.id, { x: box.x, y: box.y });
  });
  if (moved.size === 0) return nodes;
  return nodes.map((n) => {
    const p = n.kind === 'site' ? moved.get(n.id) : undefined;
    return p ? { ...n, position: p } : n;
  });
}
