import { secondsText } from '../model/plural';
import { finding, num, withScenario } from './context';
import { estimateFor } from './mig-estimate';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

const why =
  'The VM is stopped for the final copy: beyond about two seconds TCP sessions and clustered applications start to notice (seed 002).';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.placements) {
    if (!p.scenario) continue;
    const e = estimateFor(ctx, p);
    if (!e || !e.converges) continue;
    const tolerance = p.workload.downtimeToleranceS;
    if (e.downtimeS <= tolerance) continue;
    out.push(
      finding(ctx, {
        ruleId: 'MIG-DOWNTIME',
        severity: 'warning',
        message: `estimated downtime ${secondsText(e.downtimeS, num)} > ${secondsText(tolerance, num)} tolerated by ${p.workload.name} (${e.rounds} pre-copy rounds, λ = ${num(e.lambda)})`,
        why,
        source: 'Seed 002 (about 2 s keeps TCP sessions up)',
        elementIds: [p.workload.id, p.from.id, p.cluster.id],
        path: e.path,
        measured: e.downtimeS,
        limit: tolerance,
        unit: 's',
        ...withScenario(p),
        fixes: [{ label: 'Raise the migration bandwidth, or migrate when the VM is less busy' }],
      }),
    );
  }
  return out;
}

export const migDowntimeRule: RuleDefinition = {
  id: 'MIG-DOWNTIME',
  title: 'Switch-over downtime over tolerance',
  severity: 'warning',
  why,
  explanation:
    "At the end of pre-copy the VM stops while the last dirtied pages are sent and it resumes on the target. The studio estimates that pause from memory, dirty rate and effective bandwidth (the pre-copy model of Clark et al.), plus a resume allowance, and compares it with the workload's tolerance (2 s by default: seed 002 notes that a move within about two seconds keeps TCP sessions up).",
  source: 'Seed 002',
  run,
};
