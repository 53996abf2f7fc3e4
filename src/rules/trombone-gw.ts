import { keepFinding, keptFinding, KeptWalk, num } from './context';
import { gatewaySiteFor, tromboneFinding } from './gateway';
import type { RuleDefinition } from './rule';
import type { Finding, Fix, RuleContext } from './types';
import type { Segment } from '../model/schema';

const why =
  'With no active gateway where the workload runs, every packet to another subnet crosses the DCI to the gateway and comes back: latency, DCI load, and a dependency on the other site (seed 001).';

const TEXT = { why, source: 'Seed 001 (traffic trombone after a move)' };

/** The fixes of a segment's trombone towards gateway site `gw` from site `siteId`. */
function gatewayFixes(
  segmentId: string,
  segment: Segment,
  gw: string,
  siteId: string,
): readonly Fix[] {
  const perSite = [...new Set([...segment.gatewaySiteIds, gw, siteId])];
  return [
    {
      label: `Give ${segment.name} a local gateway at each site (FHRP filtering)`,
      action: {
        type: 'set-gateway-mode',
        segmentId,
        mode: 'per-site',
        siteIds: perSite,
      },
    },
    {
      label: `Use an anycast (distributed EVPN) gateway for ${segment.name}`,
      action: { type: 'set-gateway-mode', segmentId, mode: 'anycast' },
    },
  ];
}

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  // The findings of one segment's trombone between the same two sites (one per workload on it,
  // and per move) offer the same fixes: built once per run, shared; found by segment, gateway
  // site and site (no key string to build and hash per finding).
  const fixesOf = new Map<Segment, Map<string, Map<string, readonly Fix[]>>>();
  // After an edit (of link figures, a delete, a paste), a placement's finding for the same
  // segment towards the same gateway along the same path, read with the same labels, is the one
  // of the run before (context.ts, keptFinding): slots by workload, one per placement and segment.
  const kept = new KeptWalk(ctx, 'TROMBONE-GW');
  for (const p of ctx.placements) {
    kept.enter(p);
    for (const segmentId of p.workload.segmentIds) {
      const slot = kept.next();
      const segment = index.segments.get(segmentId);
      if (!segment) continue;
      const gw = gatewaySiteFor(graph, segment, p.siteId, p.cluster.id);
      if (gw === undefined || gw === p.siteId) continue;
      const path = graph.path(p.cluster.id, gw);
      const same = keptFinding(ctx, kept.before, slot, p, segment, gw, path);
      if (same) {
        kept.now[slot] = same;
        out.push(same.finding);
        continue;
      }
      const where = `${index.label(gw)}`;
      const here = index.label(p.siteId);
      const detour = path ? ` (+${num(2 * path.rttMs)} ms RTT per exchange)` : '';
      const message = p.scenario
        ? `segment ${segment.name}'s gateway is at ${where}, not at ${here}: egress crosses the DCI and back${detour}`
        : `${p.workload.name} runs at ${here} but segment ${segment.name}'s gateway is at ${where}: egress crosses the DCI and back${detour}`;
      let byGateway = fixesOf.get(segment);
      if (!byGateway) fixesOf.set(segment, (byGateway = new Map()));
      let bySite = byGateway.get(gw);
      if (!bySite) byGateway.set(gw, (bySite = new Map()));
      let fixes = bySite.get(p.siteId);
      if (!fixes) bySite.set(p.siteId, (fixes = gatewayFixes(segmentId, segment, gw, p.siteId)));
      const made = tromboneFinding(
        ctx,
        { ruleId: 'TROMBONE-GW', message },
        TEXT,
        [p.workload.id, segmentId, p.cluster.id, gw],
        path,
        p.scenario,
        fixes,
      );
      kept.now[slot] = keepFinding(ctx, p, segment, gw, path, made);
      out.push(made);
    }
  }
  return out;
}

export const tromboneGwRule: RuleDefinition = {
  id: 'TROMBONE-GW',
  title: 'Gateway trombone',
  severity: 'warning',
  why,
  explanation:
    "A VM that moves keeps its default gateway. If the segment's gateway is centralized at another site, or per-site gateways do not include the site the VM now runs in, all routed traffic crosses the DCI to the gateway and back: the traffic trombone of seed 001. A local gateway at each site (FHRP filtered) or a distributed anycast gateway keeps egress local.",
  source: 'Seed 001',
  run,
};
