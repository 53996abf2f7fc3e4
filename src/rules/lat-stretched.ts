import { HYPERVISOR_PROFILES } from '../model/catalog';
import { finding, num } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

/** A stretched cluster is not long-distance vMotion (seed 000; vMSC: 10 ms between sites). */
export const STRETCHED_MAX_RTT_MS = 10;

const why =
  'One cluster across two sites runs HA, DRS and synchronous storage over the DCI: beyond 10 ms RTT it is not a stretched cluster but long-distance vMotion (seed 000).';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const c of index.clusters) {
    if (c.stretchPeerId === undefined || graph.isDead(c.id) || graph.isDead(c.stretchPeerId))
      continue;
    const peer = index.nodes.get(c.stretchPeerId);
    if (peer?.kind !== 'cluster' || peer.parentId === c.parentId) continue;
    // Report each pair once: from the lower id, or from the only side that names the other.
    if (peer.stretchPeerId === c.id && peer.id < c.id) continue;
    const profile = HYPERVISOR_PROFILES[c.profile];
    const limitMs = Math.min(STRETCHED_MAX_RTT_MS, profile.stretchedMaxRttMs?.value ?? Infinity);
    const path = graph.path(c.id, peer.id);
    const rtt = path?.rttMs ?? Infinity;
    if (rtt <= limitMs) continue;
    out.push(
      finding(ctx, {
        ruleId: 'LAT-STRETCHED',
        severity: 'error',
        message: `RTT ${num(rtt)} ms > ${num(limitMs)} ms between ${index.label(c.parentId)} and ${index.label(peer.parentId)} for stretched cluster ${c.label} + ${peer.label}`,
        why,
        source:
          profile.stretchedMaxRttMs?.source ??
          'Seed 000; VMware vSphere Metro Storage Cluster recommended practices (10 ms)',
        elementIds: [c.id, peer.id, ...(path?.linkIds ?? [])],
        ...(path ? { path: path.path } : {}),
        measured: rtt,
        limit: limitMs,
        unit: 'ms',
        fixes: [
          {
            label: 'Split the stretched cluster and use long-distance vMotion between two clusters',
          },
        ],
      }),
    );
  }
  return out;
}

export const latStretchedRule: RuleDefinition = {
  id: 'LAT-STRETCHED',
  title: 'Stretched cluster over 10 ms',
  severity: 'error',
  why,
  explanation:
    'A stretched cluster runs one HA and DRS domain and synchronous storage across two sites, which vMSC supports up to 10 ms RTT between sites (5 ms for Hyper-V with Storage Replica). Seed 000 makes the distinction: a stretched cluster is a disaster-avoidance design, not long-distance vMotion. Beyond the limit, split it into two clusters and migrate between them.',
  source: 'Seed 000; vMSC recommended practices',
  run,
};
