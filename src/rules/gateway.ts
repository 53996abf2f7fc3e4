/** Where traffic of a segment leaves (gateway) and enters (ingress) for a workload at a site. */
import type { Segment } from '../model/schema';
import type { GraphQueries } from './graph';

/**
 * The live site whose gateway serves a workload of `segment` running on `clusterId` at `siteId`:
 * the site itself when it has an active gateway (anycast everywhere; per-site where listed),
 * else the nearest live gateway site by RTT; undefined when the segment has no live gateway.
 */
export function gatewaySiteFor(
  graph: GraphQueries,
  segment: Segment,
  siteId: string,
  clusterId: string,
): string | undefined {
  if (segment.gatewayMode === 'anycast') return siteId;
  const listed = segment.gatewaySiteIds.filter((s) => !graph.isDead(s));
  if (segment.gatewayMode === 'centralized') return listed[0];
  if (listed.includes(siteId)) return siteId;
  let best: string | undefined;
  let bestRtt = Infinity;
  for (const s of listed) {
    const rtt = graph.rttMs(clusterId, s);
    if (best === undefined || rtt < bestRtt) {
      best = s;
      bestRtt = rtt;
    }
  }
  return best;
}

/** The site where inbound traffic enters: the ingress site for single-site, else where it runs. */
export function ingressSiteFor(graph: GraphQueries, segment: Segment, siteId: string): string {
  if (segment.ingressMode === 'single-site' && segment.ingressSiteId !== undefined) {
    return graph.isDead(segment.ingressSiteId) ? siteId : segment.ingressSiteId;
  }
  return siteId;
}

/** A loop: out along `path` and back the same way. */
export function loop(path: readonly string[]): string[] {
  const out = path.slice();
  for (let i = path.length - 2; i >= 0; i--) out.push(path[i] as string);
  return out;
}
