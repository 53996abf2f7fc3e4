/** Where traffic of a segment leaves (gateway) and enters (ingress) for a workload at a site. */
import type { Segment } from '../model/schema';
import { finding, pathFinding } from './context';
import type { GraphQueries, PathResult } from './graph';
import type { Finding, Fix, MoveScenario, RuleContext } from './types';

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
  // Asked for every workload on every segment: the live listed sites are walked, not copied.
  const listed = segment.gatewaySiteIds;
  if (segment.gatewayMode === 'centralized') {
    for (const s of listed) if (!graph.isDead(s)) return s;
    return undefined;
  }
  if (listed.includes(siteId) && !graph.isDead(siteId)) return siteId;
  let best: string | undefined;
  let bestRtt = Infinity;
  for (const s of listed) {
    if (graph.isDead(s)) continue;
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

/** Where `loop` writes before copying out (entries past the last loop's end are never read). */
const loopScratch: string[] = [];

/**
 * A loop: out along `path` and back the same way. Written into a kept array and copied out at
 * its exact length (a copy of the path grown by push held up to twice the room it needed).
 */
export function loop(path: readonly string[]): string[] {
  const n = path.length;
  const out = loopScratch;
  for (let i = 0; i < n; i++) out[i] = path[i] as string;
  for (let i = n - 2, k = n; i >= 0; i--, k++) out[k] = path[i] as string;
  return out.slice(0, n === 0 ? 0 : 2 * n - 1);
}

/**
 * A trombone finding (TROMBONE-GW, TROMBONE-INGRESS): a warning naming `elementIds` (a new
 * array) followed by the links of `path` and, when there is a path, its loop out and
 * back with twice its RTT. The fields are in the order the rules have always written them
 * (findings are compared as JSON), one object literal per case: a 10,000-element design has
 * hundreds of these, and spreading the optional fields in cost a third of the literal.
 */
export function tromboneFinding(
  ctx: RuleContext,
  head: { readonly ruleId: 'TROMBONE-GW' | 'TROMBONE-INGRESS'; readonly message: string },
  text: { readonly why: string; readonly source: string },
  elementIds: string[],
  path: PathResult | null,
  scenario: MoveScenario | undefined,
  fixes: readonly Fix[],
): Finding {
  const { ruleId, message } = head;
  const { why, source } = text;
  const severity = 'warning';
  if (!path) {
    return finding(
      ctx,
      scenario
        ? { ruleId, severity, message, why, source, elementIds, scenario, fixes }
        : { ruleId, severity, message, why, source, elementIds, fixes },
    );
  }
  // The named ids and the path's links, in one array of its exact length (the named ones
  // alone are what the key is made of).
  const named = elementIds;
  const all = elementIds.concat(path.linkIds);
  const around = loop(path.path);
  const measured = 2 * path.rttMs;
  const unit = 'ms';
  return pathFinding(
    ctx,
    scenario
      ? {
          ruleId,
          severity,
          message,
          why,
          source,
          elementIds: all,
          path: around,
          measured,
          unit,
          scenario,
          fixes,
        }
      : {
          ruleId,
          severity,
          message,
          why,
          source,
          elementIds: all,
          path: around,
          measured,
          unit,
          fixes,
        },
    named,
  );
}
