import { finding, gbps, num, withScenario } from './context';
import { LIMITED_BY_LABEL, estimateFor } from './mig-estimate';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

const why =
  'Pre-copy resends what the VM dirtied during the previous round: if memory is dirtied faster than it can be sent, the copy never catches up (Clark et al., NSDI 2005).';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.placements) {
    if (!p.scenario) continue;
    const e = estimateFor(ctx, p);
    if (!e || e.converges) continue;
    const dirtyGbps = (p.workload.dirtyRateMBps * 8) / 1000;
    out.push(
      finding(ctx, {
        ruleId: 'MIG-CONVERGE',
        severity: 'warning',
        message: `dirty rate ${num(p.workload.dirtyRateMBps)} MB/s (${gbps(dirtyGbps)}) ≥ effective bandwidth ${gbps(e.effectiveGbps)} (limited by ${LIMITED_BY_LABEL[e.limitedBy]}): pre-copy of ${p.workload.name} cannot converge (λ = ${num(e.lambda)})`,
        why,
        source: 'Clark et al., Live Migration of Virtual Machines, NSDI 2005',
        elementIds: [p.workload.id, p.from.id, p.cluster.id],
        path: e.path,
        measured: dirtyGbps,
        limit: e.effectiveGbps,
        unit: 'Gb/s',
        ...withScenario(p),
        fixes: [
          {
            label:
              'Raise the migration bandwidth, or rely on throttling (vSphere SDPS, KVM auto-converge)',
          },
        ],
      }),
    );
  }
  return out;
}

export const migConvergeRule: RuleDefinition = {
  id: 'MIG-CONVERGE',
  title: 'Pre-copy cannot converge',
  severity: 'warning',
  why,
  explanation:
    'Live migration copies memory while the VM runs, then copies again what was dirtied meanwhile. With dirty rate D and effective bandwidth B (the path bottleneck, its share per concurrent migration, the NIC, and TCP window / RTT), each round sends λ = D/B of the previous one; if λ ≥ 1 the rounds never shrink. The migration then relies on throttling the VM (vSphere SDPS, KVM auto-converge) or fails.',
  source: 'Clark et al., NSDI 2005',
  run,
};
