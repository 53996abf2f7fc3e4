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

/** A loop: out along `path` and back the same way. */
export function loop(path: readonly string[]): string[] {
  const out = path.slice();
  for (let i = path.length - 2; i >= 0; i--) out.push(path[i] as string);
  return out;
}

/**
 * A trombone finding (TROMBONE-GW, TROMBONE-INGRESS): a warning naming `elementIds` (a new
 * array, completed here with the links of `path`) and, when there is a path, its loop out and
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
  const named = elementIds.slice();
  for (const id of path.linkIds) elementIds.push(id);
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
          elementIds,
          path: around,
          measured,
          unit,
          scenario,
          fixes,
        }
      : { ruleId, severity, message, why, source, elementIds, path: around, measured, unit, fixes },
    named,
  );
}
