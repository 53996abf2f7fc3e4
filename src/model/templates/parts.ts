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
  /** Draw the borders left of the spines (for a site whose peer sits to its left). */
  readonly bordersFirst?: boolean;
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
  const spines = [1, 2].map((i) => `${spec.code}-spine-${i}`);
  const borderName = spec.borderName ?? 'dci-edge';
  const borders = Array.from(
    { length: spec.borders },
    (_, i) => `${spec.code}-${borderName}-${i + 1}`,
  );
  const leaves = spec.leaves.map((n) => `${spec.code}-leaf-${n}`);
  const addSpines = () => spines.forEach((id) => b.spine(id, spec.siteId, { label: id }));
  const addBorders = () => borders.forEach((id) => b.border(id, spec.siteId, { label: id }));
  if (spec.bordersFirst) {
    addBorders();
    addSpines();
  } else {
    addSpines();
    addBorders();
  }
  const tor = { boundary: 'l2', overlay: false, anycastGateway: false, ...spec.tor } as const;
  for (const id of leaves) b.tor(id, spec.siteId, { label: id, ...tor });
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
    .fabric(`${router}--${spec.witnessId}`, router, spec.witnessId, { bandwidthGbps: 1 });
  return router;
}

/** Vertical gap between a row of data-center sites and a witness site above or a site below. */
export const SITE_ROW_GAP_PX = 200;

const siteOf = (design: Design, id: string): Site => {
  const site = design.nodes.find((n): n is Site => n.kind === 'site' && n.id === id);
  if (!site) throw new Error(`no site "${id}"`);
  return site;
};

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
