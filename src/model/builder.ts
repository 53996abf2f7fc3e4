/**
 * A small fluent builder for whole designs: templates, tests and benchmarks describe a design
 * by its parts and named ids, and the builder lays devices out in tidy tiers inside their sites
 * (spines and borders on top, leaves below, clusters, arrays and firewalls at the bottom).
 */
import {
  createDciLink,
  createDevice,
  createFabricLink,
  createSegment,
  createSite,
  createWorkload,
  DEVICE_SIZE,
  emptyDesign,
  LAYOUT,
} from './defaults';
import type {
  Cluster,
  DciLink,
  Design,
  DesignNode,
  DeviceKind,
  FabricLink,
  Firewall,
  Position,
  Segment,
  Settings,
  Site,
  StorageArray,
  Tor,
  Witness,
  Workload,
} from './schema';

type Props<T> = Partial<Omit<T, 'id' | 'kind' | 'parentId'>>;

const TIER: Readonly<Record<DeviceKind, number>> = {
  spine: 0,
  border: 0,
  tor: 1,
  witness: 1,
  cluster: 2,
  array: 2,
  firewall: 2,
};

export { LAYOUT };

export class DesignBuilder {
  private design: Design;
  private readonly placed = new Set<string>();
  private readonly sitePlaced = new Set<string>();
  private readonly tierOf = new Map<string, number>();

  constructor(name = 'Untitled design', settings?: Partial<Settings>) {
    this.design = emptyDesign(name);
    if (settings) this.design.settings = { ...this.design.settings, ...settings };
  }

  site(id: string, label: string, props: Props<Site> = {}): this {
    const site = { ...createSite(id, label, props.position ?? { x: 0, y: 0 }), ...props };
    if (props.position) this.sitePlaced.add(id);
    this.design.nodes.push(site);
    return this;
  }

  private device<T extends DesignNode>(
    kind: DeviceKind,
    id: string,
    siteId: string,
    props: Props<T>,
  ): this {
    const node = {
      ...createDevice(
        kind,
        id,
        (props as { label?: string }).label ?? id,
        siteId,
        props.position ?? { x: 0, y: 0 },
      ),
      ...props,
    };
    if (props.position) this.placed.add(id);
    this.design.nodes.push(node as DesignNode);
    return this;
  }

  spine(id: string, siteId: string, props: Props<DesignNode & { kind: 'spine' }> = {}): this {
    return this.device('spine', id, siteId, props);
  }
  border(id: string, siteId: string, props: Props<DesignNode & { kind: 'border' }> = {}): this {
    return this.device('border', id, siteId, props);
  }
  tor(id: string, siteId: string, props: Props<Tor> = {}): this {
    return this.device<Tor>('tor', id, siteId, props);
  }
  cluster(id: string, siteId: string, props: Props<Cluster> = {}): this {
    return this.device<Cluster>('cluster', id, siteId, props);
  }
  array(id: string, siteId: string, props: Props<StorageArray> = {}): this {
    return this.device<StorageArray>('array', id, siteId, props);
  }
  firewall(id: string, siteId: string, props: Props<Firewall> = {}): this {
    return this.device<Firewall>('firewall', id, siteId, props);
  }
  witness(id: string, siteId: string, props: Props<Witness> = {}): this {
    return this.device<Witness>('witness', id, siteId, props);
  }

  fabric(
    id: string,
    source: string,
    target: string,
    props: Partial<Omit<FabricLink, 'id' | 'kind' | 'source' | 'target'>> = {},
  ): this {
    this.design.links.push({ ...createFabricLink(id, source, target), ...props });
    return this;
  }
  dci(
    id: string,
    source: string,
    target: string,
    props: Partial<Omit<DciLink, 'id' | 'kind' | 'source' | 'target'>> = {},
  ): this {
    this.design.links.push({ ...createDciLink(id, source, target), ...props });
    return this;
  }
  segment(
    id: string,
    name: string,
    vlanId: number,
    props: Partial<Omit<Segment, 'id'>> = {},
  ): this {
    this.design.segments.push({ ...createSegment(id, name, vlanId), ...props });
    return this;
  }
  workload(
    id: string,
    name: string,
    clusterId: string,
    props: Partial<Omit<Workload, 'id'>> = {},
  ): this {
    this.design.workloads.push({ ...createWorkload(id, name, clusterId), ...props });
    return this;
  }

  /**
   * Lay device `id` out in another tier row than its kind's (0: spines and borders, 1: leaves and
   * witnesses, 2: clusters, arrays, firewalls), e.g. a second DCI edge beside the leaves.
   */
  tier(id: string, tier: number): this {
    this.tierOf.set(id, tier);
    return this;
  }

  /** Lay out devices that were given no position in tiers, size their sites, and return the design. */
  build(): Design {
    const siteOrder = this.design.nodes.filter((n): n is Site => n.kind === 'site');
    let nextSiteX = 0;
    const sized = new Map<string, { width: number; height: number }>();
    for (const site of siteOrder) {
      const rows = new Map<number, DesignNode[]>();
      for (const n of this.design.nodes) {
        if (n.kind === 'site' || n.parentId !== site.id || this.placed.has(n.id)) continue;
        const tier = this.tierOf.get(n.id) ?? TIER[n.kind];
        rows.set(tier, [...(rows.get(tier) ?? []), n]);
      }
      const usedTiers = [...rows.keys()].sort((a, b) => a - b);
      const rowWidth = (count: number) =>
        count * DEVICE_SIZE.width + Math.max(0, count - 1) * LAYOUT.columnGapPx;
      const widest = Math.max(0, ...[...rows.values()].map((r) => rowWidth(r.length)));
      const width = Math.max(site.width, widest + 2 * LAYOUT.sitePaddingPx);
      for (const [rowIndex, tier] of usedTiers.entries()) {
        const row = rows.get(tier) ?? [];
        const start = (width - rowWidth(row.length)) / 2;
        row.forEach((n, i) => {
          n.position = {
            x: start + i * (DEVICE_SIZE.width + LAYOUT.columnGapPx),
            y: LAYOUT.siteHeaderPx + rowIndex * LAYOUT.rowPitchPx,
          };
        });
      }
      const height = Math.max(
        site.height,
        LAYOUT.siteHeaderPx + usedTiers.length * LAYOUT.rowPitchPx + LAYOUT.sitePaddingPx / 2,
      );
      sized.set(site.id, { width, height });
      if (!this.sitePlaced.has(site.id)) {
        site.position = {
          x: nextSiteX,
          y: site.role === 'dc' ? 0 : -height - LAYOUT.siteGapPx / 2,
        } satisfies Position;
      }
      nextSiteX = Math.max(nextSiteX, site.position.x + width + LAYOUT.siteGapPx);
    }
    for (const site of siteOrder) Object.assign(site, sized.get(site.id));
    // Sites first, so every container precedes its children.
    this.design.nodes = [...siteOrder, ...this.design.nodes.filter((n) => n.kind !== 'site')];
    return structuredClone(this.design);
  }
}
