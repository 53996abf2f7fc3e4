/**
 * Pure segment edits (Design → Design) behind the Segments tab: a new segment on the next free
 * VLAN id, its gateway and ingress modes, and the DCI links that stretch it. Each keeps the
 * segment complete for the rules (a centralized gateway names one site, single-site ingress
 * names its site).
 */
import { createSegment } from './defaults';
import { upsertSegment } from './edits';
import type { Design, Segment, Site } from './schema';
import { nextFreeVlanId } from './validation';

export type GatewayMode = Segment['gatewayMode'];
export type IngressMode = Segment['ingressMode'];

function sitesOf(design: Design): Site[] {
  return design.nodes.filter((n): n is Site => n.kind === 'site');
}

/** Change one segment as the design has it now; the design unchanged if there is no such segment. */
export function patchSegment(
  design: Design,
  segmentId: string,
  change: (segment: Segment) => Segment,
): Design {
  const current = design.segments.find((s) => s.id === segmentId);
  return current ? upsertSegment(design, change(current)) : design;
}

/**
 * Add a segment `vlan-<id>` on the next free VLAN id, with its gateway and ingress at the first
 * data center so it is complete from the start. Null when all 4094 VLAN ids are in use.
 */
export function addSegment(design: Design, id: string): Design | null {
  const vlanId = nextFreeVlanId(design.segments.map((s) => s.vlanId));
  if (vlanId === null) return null;
  const segment = createSegment(id, `vlan-${vlanId}`, vlanId);
  const sites = sitesOf(design);
  const home = sites.find((s) => s.role === 'dc') ?? sites[0];
  return upsertSegment(
    design,
    home ? { ...segment, gatewaySiteIds: [home.id], ingressSiteId: home.id } : segment,
  );
}

/** A centralized gateway lives at one site: switching to it keeps the first of a per-site list. */
export function setGatewayMode(design: Design, segmentId: string, mode: GatewayMode): Design {
  return patchSegment(design, segmentId, (s) => ({
    ...s,
    gatewayMode: mode,
    gatewaySiteIds: mode === 'centralized' ? s.gatewaySiteIds.slice(0, 1) : s.gatewaySiteIds,
  }));
}

function withIngressSite(segment: Segment, siteId: string | undefined): Segment {
  const { ingressSiteId: _, ...rest } = segment;
  return siteId === undefined ? rest : { ...rest, ingressSiteId: siteId };
}

/** The single site where inbound traffic enters, or none (`undefined`). */
export function setIngressSite(
  design: Design,
  segmentId: string,
  siteId: string | undefined,
): Design {
  return patchSegment(design, segmentId, (s) => withIngressSite(s, siteId));
}

/**
 * Only single-site ingress names a site. Switching to it starts at the site it had, else with the
 * gateway (where single-site ingress usually sits), else at the first site.
 */
export function setIngressMode(design: Design, segmentId: string, mode: IngressMode): Design {
  const firstSite = sitesOf(design)[0]?.id;
  return patchSegment(design, segmentId, (s) => {
    if (mode !== 'single-site') return withIngressSite({ ...s, ingressMode: mode }, undefined);
    const start = s.ingressSiteId ?? s.gatewaySiteIds[0] ?? firstSite;
    return withIngressSite({ ...s, ingressMode: mode }, start);
  });
}

/** Whether the DCI link `linkId` stretches the segment; the design unchanged for any other link. */
export function setExtendedBy(
  design: Design,
  segmentId: string,
  linkId: string,
  extended: boolean,
): Design {
  const link = design.links.find((l) => l.id === linkId);
  if (link?.kind !== 'dci') return design;
  if (link.extendedSegmentIds.includes(segmentId) === extended) return design;
  const others = link.extendedSegmentIds.filter((x) => x !== segmentId);
  const extendedSegmentIds = extended ? [...others, segmentId] : others;
  return {
    ...design,
    links: design.links.map((l) => (l.id === linkId ? { ...link, extendedSegmentIds } : l)),
  };
}
