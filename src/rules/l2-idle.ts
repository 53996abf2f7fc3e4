import { finding } from './context';
import { carriesAtL2 } from './graph';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

const why =
  'A stretched segment widens the fault domain (broadcast, unknown unicast, loops) to both sites; it is worth it only when something that uses it can move across.';

/**
 * Interpretation: a DCI link's extension of S is needed when some workload on S has a move to
 * another site (a mobility target, or the other half of its stretched cluster) that the link
 * serves: if the link is the only L2 way between two parts of S, a move must cross from one part
 * to the other; if it sits on a loop, a move must start and end within the loop's component.
 */
function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  // Moves per segment between sites: the sites each site's workloads on it may move to. Sites,
  // not clusters: a move that is broken elsewhere (an L3 ToR: L2-GAP) still needs this stretch.
  // Nested by site rather than keyed by a "from>to" string: a string and a pair per workload,
  // segment and target were most of what the rule allocated on every edit.
  const moves = new Map<string, Map<string, Set<string>>>();
  for (const w of index.design.workloads) {
    const from = index.nodes.get(w.clusterId);
    if (from?.kind !== 'cluster') continue;
    const here = from.parentId;
    const peer = from.stretchPeerId;
    for (const s of w.segmentIds) {
      let m = moves.get(s);
      if (!m) moves.set(s, (m = new Map()));
      for (const t of w.mobilityTargetIds) addMove(m, here, index.siteOf(t));
      if (peer !== undefined) addMove(m, here, index.siteOf(peer));
    }
  }
  for (const link of index.dciLinks) {
    if (graph.isDead(link.id)) continue;
    for (const segmentId of link.extendedSegmentIds) {
      if (!carriesAtL2(link, segmentId)) continue;
      const bridge = !graph.l2Reachable(segmentId, link.source, link.target, link.id);
      const used = someMove(moves.get(segmentId), (a, b) =>
        bridge
          ? graph.l2Reachable(segmentId, a, b) && !graph.l2Reachable(segmentId, a, b, link.id)
          : graph.l2Reachable(segmentId, a, b) && graph.l2Reachable(segmentId, a, link.source),
      );
      if (used) continue;
      const segment = index.segments.get(segmentId);
      const name = segment ? `${segment.name} (VLAN ${segment.vlanId})` : segmentId;
      out.push(
        finding(ctx, {
          ruleId: 'L2-IDLE',
          severity: 'info',
          message: `Segment ${name} is extended over DCI link ${index.label(link.id)}, but no workload on it may move across: a larger fault domain for nothing`,
          why,
          source: 'Seeds 002, 004 (stretch L2 only where mobility needs it)',
          elementIds: [link.id, segmentId],
          fixes: [
            {
              label: `Stop extending ${segment?.name ?? segmentId} over ${index.label(link.id)}, or add a mobility target across it`,
            },
          ],
        }),
      );
    }
  }
  return out;
}

/** Record a move from site `here` to site `to` (none when `to` is no other site). */
function addMove(moves: Map<string, Set<string>>, here: string, to: string | undefined): void {
  if (to === undefined || to === here) return;
  const sites = moves.get(here);
  if (sites) sites.add(to);
  else moves.set(here, new Set([to]));
}

/** Whether some move (from site a to site b) of `moves` passes `test`. */
function someMove(
  moves: ReadonlyMap<string, ReadonlySet<string>> | undefined,
  test: (a: string, b: string) => boolean,
): boolean {
  if (!moves) return false;
  for (const [a, to] of moves) for (const b of to) if (test(a, b)) return true;
  return false;
}

export const l2IdleRule: RuleDefinition = {
  id: 'L2-IDLE',
  title: 'Segment stretched for nothing',
  severity: 'info',
  why,
  explanation:
    'Every stretched segment carries broadcast, unknown unicast and any L2 accident to the other site. When no workload on the segment has a mobility target (or a stretched-cluster half) across the link, the stretch buys nothing and only enlarges the fault domain. Seeds 002 and 004 argue for stretching L2 only where workload mobility needs it.',
  source: 'Seeds 002, 004',
  run,
  readsNoLinkFigures: true,
};
