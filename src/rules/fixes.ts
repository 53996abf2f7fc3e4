/**
 * One-click fixes: `applyFix(design, action)` is a pure Design → Design edit built on
 * src/model/edits.ts, so the store can apply it as one undoable step. An action that no longer
 * applies (its element is gone) returns the design unchanged.
 */
import {
  createDciLink,
  createDevice,
  createSite,
  newId,
  SITE_DEFAULT_SIZE,
} from '../model/defaults';
import { addNode, findNode, updateLink, updateNode, upsertSegment } from '../model/edits';
import type { DciLink, Design, DesignNode, Site, StorageArray, Volume } from '../model/schema';
import { extendsL2 } from './graph';
import type { FixAction } from './types';

export interface ApplyFixOptions {
  /** Id generator for elements a fix creates (tests pass a deterministic one). */
  readonly makeId?: (prefix: string) => string;
}

export function applyFix(design: Design, action: FixAction, options: ApplyFixOptions = {}): Design {
  const makeId = options.makeId ?? newId;
  switch (action.type) {
    case 'extend-segment': {
      const link = design.links.find((l) => l.id === action.linkId);
      if (link?.kind !== 'dci') return design;
      // A link that cannot carry L2 (none, or a plain trunk over IP) gets VXLAN-EVPN, which
      // rides any IP transport and isolates spanning tree.
      const patch: Partial<DciLink> = {
        extendedSegmentIds: link.extendedSegmentIds.includes(action.segmentId)
          ? link.extendedSegmentIds
          : [...link.extendedSegmentIds, action.segmentId],
        ...(extendsL2(link) ? {} : { l2Extension: 'vxlan-evpn' as const }),
      };
      return updateLink(design, link.id, patch);
    }
    case 'set-gateway-mode': {
      const segment = design.segments.find((s) => s.id === action.segmentId);
      if (!segment) return design;
      return upsertSegment(design, {
        ...segment,
        gatewayMode: action.mode,
        gatewaySiteIds:
          action.mode === 'anycast'
            ? segment.gatewaySiteIds
            : [...(action.siteIds ?? segment.gatewaySiteIds)],
      });
    }
    case 'set-preferred-site':
      return updateVolume(design, action.arrayId, action.volumeId, {
        preferredSiteId: action.siteId,
      });
    case 'add-witness-site':
      return addWitnessSite(design, action.arbitrates, makeId);
    case 'set-l2-extension':
      return design.links.some((l) => l.id === action.linkId && l.kind === 'dci')
        ? updateLink(design, action.linkId, { l2Extension: action.l2Extension })
        : design;
    case 'set-bpdu-filter':
      return design.links.some((l) => l.id === action.linkId && l.kind === 'dci')
        ? updateLink(design, action.linkId, { bpduFilter: true })
        : design;
    case 'set-tor-overlay': {
      let next = design;
      for (const torId of action.torIds) {
        const tor = findNode(next, torId);
        if (tor?.kind === 'tor' && !tor.overlay)
          next = updateNode(next, torId, { overlay: true } as Partial<DesignNode>);
      }
      return next;
    }
    case 'set-volume-replication':
      return updateVolume(design, action.arrayId, action.volumeId, {
        replication: action.replication,
      });
    case 'set-volume-peer':
      return findNode(design, action.peerArrayId)?.kind === 'array'
        ? updateVolume(design, action.arrayId, action.volumeId, {
            peerArrayId: action.peerArrayId,
          })
        : design;
    case 'set-link-bandwidth': {
      const link = design.links.find((l) => l.id === action.linkId);
      // Raise only: a fix never takes bandwidth away from what else rides the link.
      if (!link || link.bandwidthGbps >= action.bandwidthGbps) return design;
      return updateLink(design, link.id, { bandwidthGbps: action.bandwidthGbps });
    }
    case 'set-array-product': {
      const array = findNode(design, action.arrayId);
      if (array?.kind !== 'array' || array.product === action.product) return design;
      return updateNode(design, array.id, { product: action.product } as Partial<StorageArray>);
    }
    case 'set-ingress-mode': {
      const segment = design.segments.find((s) => s.id === action.segmentId);
      if (!segment) return design;
      const { ingressSiteId: _, ...rest } = segment;
      return upsertSegment(design, { ...rest, ingressMode: action.mode });
    }
  }
}

/** Patch one volume of one array; unchanged when either is gone or nothing changes. */
function updateVolume(
  design: Design,
  arrayId: string,
  volumeId: string,
  patch: Partial<Volume>,
): Design {
  const array = findNode(design, arrayId);
  if (array?.kind !== 'array') return design;
  const volume = array.volumes.find((v) => v.id === volumeId);
  if (!volume || Object.entries(patch).every(([k, v]) => volume[k as keyof Volume] === v))
    return design;
  const volumes = array.volumes.map((v) => (v.id === volumeId ? { ...v, ...patch } : v));
  return updateNode(design, array.id, { volumes } as Partial<StorageArray>);
}

/**
 * A witness site above the involved sites (centred over them, clear of the tallest), with a
 * witness device arbitrating the given elements and a DCI link to each involved site.
 */
function addWitnessSite(
  design: Design,
  arbitrates: readonly string[],
  makeId: (prefix: string) => string,
): Design {
  const siteIds = new Set<string>();
  for (const id of arbitrates) {
    const n = findNode(design, id);
    if (n) siteIds.add(n.kind === 'site' ? n.id : n.parentId);
  }
  const sites = design.nodes.filter((n): n is Site => n.kind === 'site' && siteIds.has(n.id));
  if (sites.length === 0) return design;
  const allSites = design.nodes.filter((n): n is Site => n.kind === 'site');
  const left = Math.min(...sites.map((s) => s.position.x));
  const right = Math.max(...sites.map((s) => s.position.x + s.width));
  const top = Math.min(...allSites.map((s) => s.position.y));
  const siteId = makeId('site');
  const site: Site = {
    ...createSite(siteId, 'Witness site', {
      x: (left + right) / 2 - SITE_DEFAULT_SIZE.width / 2,
      y: top - SITE_DEFAULT_SIZE.height - 120,
    }),
    role: 'witness',
  };
  const witnessId = makeId('witness');
  const device = createDevice('witness', witnessId, 'Witness', siteId, { x: 196, y: 160 });
  let next = addNode(design, site);
  next = addNode(next, { ...device, kind: 'witness', arbitrates: [...arbitrates] } as DesignNode);
  const links = sites.map((s) => ({
    ...createDciLink(makeId('link'), siteId, s.id),
    transport: 'internet' as const,
    bandwidthGbps: 1,
    mtu: 1500,
  }));
  return { ...next, links: [...next.links, ...links] };
}
