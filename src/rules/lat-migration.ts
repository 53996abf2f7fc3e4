import type { HypervisorProfile } from '../model/catalog';
import { finding, firstProfile, num, severityFor, withScenario } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

const why =
  'Live migration is supported only up to a round-trip time between hosts; beyond it the final switch-over and memory copy time out or stall the VM.';

/** The stricter end first: the lower RTT limit of two profiles. */
const lowerRttLimit = (x: HypervisorProfile, y: HypervisorProfile): number =>
  (x.maxRttMs?.value ?? Infinity) - (y.maxRttMs?.value ?? Infinity);

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.placements) {
    if (!p.scenario) continue;
    const profile = firstProfile(p, lowerRttLimit);
    const path = ctx.graph.path(p.from.id, p.cluster.id);
    if (!path) {
      const route = `cluster ${p.from.label} → cluster ${p.cluster.label}`;
      out.push(
        finding(ctx, {
          ruleId: 'LAT-MIGRATION',
          severity: 'error',
          message: `there is no network path ${route}`,
          why,
          source: 'Live migration needs a network path between the hosts (seed 000)',
          elementIds: [p.workload.id, p.from.id, p.cluster.id],
          ...withScenario(p),
          fixes: [{ label: 'Connect the sites with a DCI link' }],
        }),
      );
      continue;
    }
    const limit = profile.maxRttMs;
    if (!limit || path.rttMs <= limit.value) continue;
    // Made only for a finding: most moves are within the limit (a string per move was most of
    // what the rule allocated on a DCI-distance edit).
    const route = `cluster ${p.from.label} → cluster ${p.cluster.label}`;
    out.push(
      finding(ctx, {
        ruleId: 'LAT-MIGRATION',
        severity: severityFor('error', limit),
        message: `RTT ${num(path.rttMs)} ms > ${num(limit.value)} ms for ${profile.label} (${route})`,
        why,
        source: limit.source,
        elementIds: [p.workload.id, p.from.id, p.cluster.id, ...path.linkIds],
        path: path.path,
        measured: path.rttMs,
        limit: limit.value,
        unit: 'ms',
        ...withScenario(p),
        fixes: [
          {
            label:
              profile.id === 'vsphere-6'
                ? 'Choose a closer mobility target'
                : 'Use vSphere 6.0+ long-distance vMotion (150 ms), or a closer target',
          },
        ],
      }),
    );
  }
  return out;
}

export const latMigrationRule: RuleDefinition = {
  id: 'LAT-MIGRATION',
  title: 'Migration RTT over the hypervisor limit',
  severity: 'error',
  why,
  explanation:
    'Each hypervisor supports live migration only up to a round-trip time between source and destination hosts: 5 ms for vSphere 4/5, 10 ms with Metro vMotion, 150 ms for vSphere 6.0+ long-distance vMotion (VMware KB 310156, KB 2106949). The studio measures the shortest-RTT path from the cluster the workload runs on to each mobility target: 1 ms per 100 km of fibre plus a per-hop allowance, or the RTT you entered. A migration beyond the limit may fail or stall the VM at switch-over.',
  source: 'VMware KB 310156, KB 2106949',
  run,
};
