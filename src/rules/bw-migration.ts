import type { HypervisorProfile } from '../model/catalog';
import { finding, firstProfile, gbps, severityFor, withScenario } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';
import { plural } from '../model/plural';

const why =
  'Each concurrent migration needs its own share of the path; below it, migrations crawl, time out, or never converge.';

/** The stricter end first: the larger per-migration need of two profiles. */
const largerNeed = (x: HypervisorProfile, y: HypervisorProfile): number =>
  (y.bandwidthPerMigrationGbps?.value ?? 0) - (x.bandwidthPerMigrationGbps?.value ?? 0);

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const p of ctx.placements) {
    if (!p.scenario) continue;
    const profile = firstProfile(p, largerNeed);
    const limit = profile.bandwidthPerMigrationGbps;
    if (!limit) continue;
    const path = graph.path(p.from.id, p.cluster.id);
    if (!path) continue;
    const needed = limit.value * p.from.concurrentMigrations;
    if (path.bottleneckGbps >= needed) continue;
    const bottleneckLink = path.linkIds.find(
      (id) => index.links.get(id)?.bandwidthGbps === path.bottleneckGbps,
    );
    const n = p.from.concurrentMigrations;
    out.push(
      finding(ctx, {
        ruleId: 'BW-MIGRATION',
        severity: severityFor('error', limit),
        message: `Bottleneck ${gbps(path.bottleneckGbps)}${bottleneckLink ? ` on ${index.label(bottleneckLink)}` : ''} < ${gbps(needed)} needed (${gbps(limit.value)} × ${plural(n, 'concurrent migration')}, ${profile.label})`,
        why,
        source: limit.source,
        elementIds: [
          p.workload.id,
          p.from.id,
          p.cluster.id,
          ...(bottleneckLink ? [bottleneckLink] : []),
        ],
        path: path.path,
        measured: path.bottleneckGbps,
        limit: needed,
        unit: 'Gb/s',
        ...withScenario(p),
        fixes: [
          {
            label: bottleneckLink
              ? `Raise the bandwidth of ${index.label(bottleneckLink)}, or lower concurrent migrations on ${p.from.label}`
              : `Lower concurrent migrations on ${p.from.label}`,
          },
        ],
      }),
    );
  }
  return out;
}

export const bwMigrationRule: RuleDefinition = {
  id: 'BW-MIGRATION',
  title: 'Not enough bandwidth for migrations',
  severity: 'error',
  why,
  explanation:
    "A migration needs a minimum share of the path: 250 Mb/s per concurrent vMotion on vSphere 6 and later, about 622 Mb/s in the long-distance guidance for vSphere 5 (seed 001), 1 Gb/s for Hyper-V with Storage Replica. The studio takes the narrowest link on the shortest path to each mobility target and compares it with the need times the cluster's concurrent migrations. Guidance figures (marked uncertain) raise a warning only.",
  source: 'vSphere vMotion networking requirements; seed 001',
  run,
};
