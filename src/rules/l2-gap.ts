import { TRANSPORT_INFO } from '../model/catalog';
import { finding, withScenario } from './context';
import { extendsL2, type GraphQueries } from './graph';
import type { RuleDefinition } from './rule';
import type { Tor } from '../model/schema';
import type { Finding, Fix, RuleContext } from './types';

const why =
  'A VM keeps its IP address when it moves, so each of its segments must reach the target at L2 (seeds 000, 003).';

/** "DCI link A–B (segment not extended)" / "ToR a-t1 (routed at the rack, no overlay)". */
export function describeGap(ctx: RuleContext, gapId: string, segmentId: string): string {
  const { index } = ctx;
  const node = index.nodes.get(gapId);
  if (node?.kind === 'tor') return `ToR ${node.label} (routed at the rack, no overlay)`;
  const link = index.links.get(gapId);
  if (link?.kind === 'dci') {
    const reason =
      link.l2Extension === 'none'
        ? 'no L2 extension'
        : !extendsL2(link)
          ? `a plain trunk over ${TRANSPORT_INFO[link.transport].inSentence} carries no L2`
          : `${index.label(segmentId)} is not extended`;
    return `DCI link ${index.label(link.id)} (${reason})`;
  }
  return `${index.label(gapId)}`;
}

/**
 * The routed ToRs without overlay along a path: a one-click fix must turn them all on, or the
 * gap only moves to the next leaf (the path crosses one at each end of a rack-to-rack move).
 */
export function routedTorsOn(
  ctx: RuleContext,
  gapId: string,
  path: readonly string[] | undefined,
): Tor[] {
  const ids = new Set([gapId, ...(path ?? [])]);
  const tors: Tor[] = [];
  for (const id of ids) {
    const node = ctx.index.nodes.get(id);
    if (node?.kind === 'tor' && node.boundary === 'l3' && !node.overlay) tors.push(node);
  }
  return tors;
}

export function overlayFix(tors: readonly Tor[]): Fix {
  const names = tors.map((t) => t.label).join(', ');
  return {
    label: `Enable the VXLAN-EVPN overlay on ${tors.length === 1 ? 'ToR' : 'ToRs'} ${names}`,
    action: { type: 'set-tor-overlay', torIds: tors.map((t) => t.id) },
  };
}

export function gapFixes(
  ctx: RuleContext,
  gapId: string,
  segmentId: string,
  path?: readonly string[],
): Fix[] {
  const { index } = ctx;
  const node = index.nodes.get(gapId);
  if (node?.kind === 'tor') return [overlayFix(routedTorsOn(ctx, gapId, path))];
  const link = index.links.get(gapId);
  if (link?.kind === 'dci') {
    const how = extendsL2(link) ? '' : ' with VXLAN-EVPN';
    return [
      {
        label: `Extend ${index.label(segmentId)} over DCI link ${index.label(link.id)}${how}`,
        action: { type: 'extend-segment', segmentId, linkId: link.id },
      },
    ];
  }
  return [];
}

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index } = ctx;
  const graph: GraphQueries = ctx.graph;
  for (const p of ctx.placements) {
    if (!p.scenario) continue;
    for (const segmentId of p.workload.segmentIds) {
      const segment = index.segments.get(segmentId);
      if (!segment) continue;
      const gap = graph.l2Gap(segmentId, p.from.id, p.cluster.id);
      if (gap.reachable) continue;
      const where =
        gap.gapId === undefined
          ? 'there is no network path at all'
          : `it stops at ${describeGap(ctx, gap.gapId, segmentId)}`;
      out.push(
        finding(ctx, {
          ruleId: 'L2-GAP',
          severity: 'error',
          message: `segment ${segment.name} (VLAN ${segment.vlanId}) does not reach cluster ${p.cluster.label}: ${where}`,
          why,
          source: 'Seed 000 (L2 adjacency for vMotion), seed 003 (L3 Clos)',
          elementIds: [
            p.workload.id,
            segmentId,
            p.from.id,
            p.cluster.id,
            ...(gap.gapId !== undefined ? [gap.gapId] : []),
          ],
          ...(gap.path ? { path: gap.path.path } : {}),
          ...withScenario(p),
          fixes: gap.gapId !== undefined ? gapFixes(ctx, gap.gapId, segmentId, gap.path?.path) : [],
        }),
      );
    }
  }
  return out;
}

export const l2GapRule: RuleDefinition = {
  id: 'L2-GAP',
  title: 'Segment does not reach a mobility target',
  severity: 'error',
  why,
  explanation:
    'A live-migrated VM keeps its IP address and its port groups, so every segment it uses must exist at L2 where it lands. The studio walks the segment from the cluster the workload runs on: it crosses ToRs that bridge (boundary l2, or an EVPN overlay) and DCI links that extend it, and marks the element where it stops. Seed 000 explains why L2 adjacency is what vMotion needs; seed 003 shows how an L3 leaf-spine stops it at the rack.',
  source: 'Seeds 000, 003',
  run,
};
