import type { Firewall } from '../model/schema';
import { finding, withScenario } from './context';
import { gatewaySiteFor, ingressSiteFor } from './gateway';
import type { RuleDefinition } from './rule';
import type { Finding, Fix, RuleContext } from './types';

const why =
  "A stateful firewall drops packets of a connection it did not see open: if requests pass one site's firewall and replies another's, without shared state, the replies are dropped (seed 001).";

/**
 * Interpretation: traffic enters at the ingress site (the single ingress site, else where the
 * workload runs) and leaves through its gateway's site. When those differ and each has a
 * stateful firewall protecting the segment, and those firewalls do not all share state, the
 * flow is asymmetric.
 */
function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  const bySiteSegment = new Map<string, Firewall[]>();
  for (const fw of index.firewalls) {
    if (!fw.stateful || graph.isDead(fw.id)) continue;
    for (const s of fw.segmentIds) {
      const key = `${fw.parentId}\u0000${s}`;
      const list = bySiteSegment.get(key);
      if (list) list.push(fw);
      else bySiteSegment.set(key, [fw]);
    }
  }
  for (const p of ctx.placements) {
    for (const segmentId of p.workload.segmentIds) {
      const segment = index.segments.get(segmentId);
      if (!segment) continue;
      const entry = ingressSiteFor(graph, segment, p.siteId);
      const exit = gatewaySiteFor(graph, segment, p.siteId, p.cluster.id) ?? p.siteId;
      if (entry === exit) continue;
      const inFws = bySiteSegment.get(`${entry}\u0000${segmentId}`) ?? [];
      const outFws = bySiteSegment.get(`${exit}\u0000${segmentId}`) ?? [];
      if (inFws.length === 0 || outFws.length === 0) continue;
      if ([...inFws, ...outFws].every((f) => f.stateSynced)) continue;
      const inFw = inFws[0];
      const outFw = outFws[0];
      if (!inFw || !outFw) continue;
      // The path the finding draws goes through the firewalls it names: in through inFw to the
      // workload, out through outFw (each leg on the one path model, so never via a witness site).
      const inbound = graph.path(inFw.id, p.cluster.id);
      const outbound = graph.path(p.cluster.id, outFw.id);
      const path =
        inbound && outbound
          ? [entry, ...inbound.path, ...outbound.path.slice(1), exit].filter(
              (id, i, all) => i === 0 || all[i - 1] !== id,
            )
          : undefined;
      const fixes: Fix[] = [];
      if (entry !== p.siteId)
        fixes.push({
          label: `Let traffic for ${segment.name} enter where the workload runs (host routes)`,
          action: { type: 'set-ingress-mode', segmentId, mode: 'host-routes' },
        });
      if (exit !== p.siteId)
        fixes.push({
          label: `Give ${segment.name} a local gateway at each site`,
          action: {
            type: 'set-gateway-mode',
            segmentId,
            mode: 'per-site',
            siteIds: [...new Set([...segment.gatewaySiteIds, p.siteId])],
          },
        });
      fixes.push({ label: `Synchronise state between ${inFw.label} and ${outFw.label}` });
      out.push(
        finding(ctx, {
          ruleId: 'FW-ASYMMETRY',
          severity: 'error',
          message: `traffic for segment ${segment.name} enters through firewall ${inFw.label} at ${index.label(entry)} and leaves through firewall ${outFw.label} at ${index.label(exit)}, which do not share state: return traffic is dropped`,
          why,
          source: 'Seed 001 (stateful devices and asymmetric paths)',
          elementIds: [
            p.workload.id,
            segmentId,
            p.cluster.id,
            ...inFws.map((f) => f.id),
            ...outFws.map((f) => f.id),
          ],
          ...(path ? { path } : {}),
          ...withScenario(p),
          fixes,
        }),
      );
    }
  }
  return out;
}

export const fwAsymmetryRule: RuleDefinition = {
  id: 'FW-ASYMMETRY',
  title: 'Asymmetric path through stateful firewalls',
  severity: 'error',
  why,
  explanation:
    'Stateful firewalls track each connection; a reply that arrives at a firewall which never saw the request is dropped. When inbound traffic enters at one site (single-site ingress) and leaves through a gateway at another (after a move, or with per-site gateways), it passes two firewalls. Unless they synchronise state, sessions break: seed 001 lists stateful devices among the hidden costs of moving workloads.',
  source: 'Seed 001',
  run,
};
