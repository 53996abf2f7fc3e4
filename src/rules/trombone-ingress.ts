import { keepFinding, keptFinding, KeptWalk, num } from './context';
import { tromboneFinding } from './gateway';
import type { RuleDefinition } from './rule';
import type { Finding, Fix, RuleContext } from './types';

const why =
  'Clients reach the segment only through one site: when the workload runs elsewhere, every inbound request crosses the DCI (seed 001).';

const TEXT = { why, source: 'Seed 001 (ingress optimisation: GSLB, LISP, host routes)' };

/** The fixes of a segment's findings: one list per segment per run, shared by its findings. */
function ingressFixes(segmentId: string, name: string): readonly Fix[] {
  return [
    {
      label: `Advertise host routes for ${name} from the site where it runs`,
      action: { type: 'set-ingress-mode', segmentId, mode: 'host-routes' },
    },
    {
      label: `Steer clients with GSLB`,
      action: { type: 'set-ingress-mode', segmentId, mode: 'gslb' },
    },
    {
      label: `Use LISP for ingress`,
      action: { type: 'set-ingress-mode', segmentId, mode: 'lisp' },
    },
  ];
}

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  // A segment's findings (one per workload on it, and per move) offer the same fixes: at 10,000
  // elements, building them for each finding was a tenth of the run's allocations.
  const fixesOf = new Map<string, readonly Fix[]>();
  // After an edit (of link figures, a delete, a paste), a placement's finding for the same
  // segment along the same path, read with the same labels, is the one of the run before
  // (context.ts, keptFinding): slots by workload, one per placement and segment.
  const kept = new KeptWalk(ctx, 'TROMBONE-INGRESS');
  for (const p of ctx.placements) {
    kept.enter(p);
    for (const segmentId of p.workload.segmentIds) {
      const slot = kept.next();
      const segment = index.segments.get(segmentId);
      if (!segment || segment.ingressMode !== 'single-site') continue;
      const ingress = segment.ingressSiteId;
      if (ingress === undefined || ingress === p.siteId || graph.isDead(ingress)) continue;
      const path = graph.path(ingress, p.cluster.id);
      const same = keptFinding(ctx, kept.before, slot, p, segment, ingress, path);
      if (same) {
        kept.now[slot] = same;
        out.push(same.finding);
        continue;
      }
      let fixes = fixesOf.get(segmentId);
      if (!fixes) fixesOf.set(segmentId, (fixes = ingressFixes(segmentId, segment.name)));
      const detour = path ? ` (+${num(2 * path.rttMs)} ms RTT)` : '';
      const made = tromboneFinding(
        ctx,
        {
          ruleId: 'TROMBONE-INGRESS',
          message: `inbound traffic for segment ${segment.name} enters only at ${index.label(ingress)} and crosses the DCI to reach ${p.workload.name} at ${index.label(p.siteId)}${detour}`,
        },
        TEXT,
        [p.workload.id, segmentId, p.cluster.id, ingress],
        path,
        p.scenario,
        fixes,
      );
      kept.now[slot] = keepFinding(ctx, p, segment, ingress, path, made);
      out.push(made);
    }
  }
  return out;
}

export const tromboneIngressRule: RuleDefinition = {
  id: 'TROMBONE-INGRESS',
  title: 'Ingress trombone',
  severity: 'warning',
  why,
  explanation:
    'A subnet advertised from one site only draws all inbound traffic there, wherever the workload runs. After a move, requests enter at the original site and cross the DCI to reach the VM. GSLB, LISP or host routes let traffic enter where the workload is (seed 001).',
  source: 'Seed 001',
  run,
};
