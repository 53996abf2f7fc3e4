/**
 * Building blocks the reference designs share: a data-center fabric (spines, leaves, border /
 * DCI edge routers, fully meshed), a small witness site, attachments of end devices to a leaf
 * pair, and placing whole sites once the builder has sized them. Ids double as labels
 * ("ams-leaf-101"), the way architects name devices after their site.
 */
import type { DesignBuilder } from '../builder';
import type { Design, Position, Site, Tor } from '../schema';

/** The properties of a DCI link the builder takes (everything but id, kind and ends). */
export type DciProps = NonNullable<Parameters<DesignBuilder['dci']>[3]>;

export interface FabricSpec {
  readonly siteId: string;
  /** Site code prefixed to every device: "ams" gives "ams-spine-1". */
  readonly code: string;
  readonly leaves: readonly number[];
  readonly borders: number;
  /** What the borders are called: "dci-edge" (DCI edge / OTV edge) or "border". */
  readonly borderName?: string;
  readonly tor?: Partial<Pick<Tor, 'boundary' | 'overlay' | 'anycastGateway'>>;
  /**
   * Where the borders go, so DCI links leave a site on the side facing its peer: 'right' or
   * 'left' of the spines (a second border beside the leaves, so two parallel DCI links and their
   * labels sit one row apart), 'flank' (either side of the spines), or 'top' (after the spines).
   */
  readonly borderPlacement?: 'right' | 'left' | 'flank' | 'top';
  readonly spineLeafGbps?: number;
  readonly spineBorderGbps?: number;
}

export interface Fabric {
  readonly spines: readonly string[];
  readonly leaves: readonly string[];
  readonly borders: readonly string[];
}

/** Two spines, the given leaves and borders, and a full mesh spine↔leaf and spine↔border. */
export function addFabric(b: DesignBuilder, spec: FabricSpec): Fabric {
  const tor = { boundary: 'l2', overlay: false, anycastGateway: false, ...spec.tor } as const;
  const spines = [1, 2].map((i) => `${spec.code}-spine-${i}`);
  const borderName = spec.borderName ?? 'dci-edge';
  const borders = Array.from(
    { length: spec.borders },
    (_, i) => `${spec.code}-${borderName}-${i + 1}`,
  );
  const leaves = spec.leaves.map((n) => `${spec.code}-leaf-${n}`);
  const addSpines = () => spines.forEach((id) => b.spine(id, spec.siteId, { label: id }));
  const addBorder = (id: string | undefined, tier?: number) => {
    if (id === undefined) return;
    b.border(id, spec.siteId, { label: id });
    if (tier !== undefined) b.tier(id, tier);
  };
  const addLeaves = () => leaves.forEach((id) => b.tor(id, spec.siteId, { label: id, ...tor }));
  const [first, second, ...rest] = borders;
  // The builder lays each tier out in insertion order.
  switch (spec.borderPlacement ?? 'top') {
    case 'right':
      addSpines();
      addBorder(first);
      addLeaves();
      addBorder(second, 1);
      break;
    case 'left':
      addBorder(first);
      addSpines();
      addBorder(second, 1);
      addLeaves();
      break;
    case 'flank':
      addBorder(first);
      addSpines();
      addBorder(second);
      addLeaves();
      break;
    case 'top':
      addSpines();
      addBorder(first);
      addBorder(second);
      addLeaves();
      break;
  }
  rest.forEach((id) => addBorder(id));
  for (const spine of spines) {
    for (const leaf of leaves)
      b.fabric(`${spine}--${leaf}`, spine, leaf, { bandwidthGbps: spec.spineLeafGbps ?? 100 });
    for (const border of borders)
      b.fabric(`${spine}--${border}`, spine, border, {
        bandwidthGbps: spec.spineBorderGbps ?? 100,
      });
  }
  return { spines, leaves, borders };
}

/** Dual-home a cluster, array or firewall to a pair of leaves (or spines). */
export function attach(
  b: DesignBuilder,
  deviceId: string,
  upstream: readonly string[],
  bandwidthGbps: number,
): void {
  for (const up of upstream) b.fabric(`${up}--${deviceId}`, up, deviceId, { bandwidthGbps });
}

/** A third site holding one witness behind one WAN router: returns the router's id. */
export function addWitnessSite(
  b: DesignBuilder,
  spec: {
    readonly siteId: string;
    readonly label: string;
    readonly code: string;
    readonly location?: Site['location'];
    readonly witnessId: string;
    readonly witnessLabel: string;
    readonly arbitrates: readonly string[];
  },
): string {
  const router = `${spec.code}-wan-rtr`;
  b.site(spec.siteId, spec.label, {
    role: 'witness',
    width: 360,
    height: 280,
    ...(spec.location ? { location: spec.location } : {}),
  })
    .border(router, spec.siteId, { label: router })
    .witness(spec.witnessId, spec.siteId, {
      label: spec.witnessLabel,
      arbitrates: [...spec.arbitrates],
    })
    .fabric(`${router}--${spec.witnessId}`, router, spec.witnessId, { bandwidthGbps: 1 })
    // The WAN router below the witness: its DCI links leave downwards without crossing it.
    .tier(spec.witnessId, 0)
    .tier(router, 1);
  return router;
}

/** Vertical gap between a row of data-center sites and a witness site above or a site below. */
export const SITE_ROW_GAP_PX = 200;
/** Horizontal gap between data-center sites: room for the labels of the DCI links between them. */
export const SITE_COLUMN_GAP_PX = 320;

const siteOf = (design: Design, id: string): Site => {
  const site = design.nodes.find((n): n is Site => n.kind === 'site' && n.id === id);
  if (!site) throw new Error(`no site "${id}"`);
  return site;
};

/** Move site `id` to the right of site `of`, `gapPx` apart, top-aligned. */
export function placeBeside(design: Design, id: string, of: string, gapPx: number): Design {
  const left = siteOf(design, of);
  siteOf(design, id).position = { x: left.position.x + left.width + gapPx, y: left.position.y };
  return design;
}

/**
 * Move site `id` so it is centred horizontally over (or under) the span of `between`, with
 * SITE_ROW_GAP_PX of room for the DCI link labels. Device positions are relative to their site,
 * so they move with it.
 */
export function placeCentred(
  design: Design,
  id: string,
  between: readonly string[],
  where: 'above' | 'below',
): Design {
  const site = siteOf(design, id);
  const row = between.map((s) => siteOf(design, s));
  const left = Math.min(...row.map((s) => s.position.x));
  const right = Math.max(...row.map((s) => s.position.x + s.width));
  const top = Math.min(...row.map((s) => s.position.y));
  const bottom = Math.max(...row.map((s) => s.position.y + s.height));
  const position: Position = {
    x: Math.round(left + (right - left - site.width) / 2),
    y: where === 'above' ? top - SITE_ROW_GAP_PX - site.height : bottom + SITE_ROW_GAP_PX,
  };
  site.position = position;
  return design;
}
