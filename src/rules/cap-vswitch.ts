import { finding } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';
import { countText, plural } from '../model/plural';

/** Ports a vSwitch keeps for itself: 64 ports, 56 usable on ESX 4 (seed 003). */
export const RESERVED_PORTS_PER_HOST = 8;

const why =
  'A vSwitch has a fixed number of ports per host; when VMs moving in find none free, the migration fails at the destination (seed 003: 64 ports, 56 usable).';

/**
 * Interpretation: the worst case where every VM on the cluster and every VM that may move to it
 * (a workload naming it as a mobility target) lands at once. Each VM takes one port per
 * segment (one vNIC each), spread evenly over the hosts; each host offers its vSwitch ports less
 * the 8 the vSwitch reserves.
 */
function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const demand = new Map<string, { ports: number; vms: number; movers: Set<string> }>();
  for (const p of ctx.placements) {
    let d = demand.get(p.cluster.id);
    if (!d) demand.set(p.cluster.id, (d = { ports: 0, vms: 0, movers: new Set() }));
    d.vms += p.workload.count;
    d.ports += p.workload.count * Math.max(1, p.workload.segmentIds.length);
    if (p.scenario) d.movers.add(p.workload.id);
  }
  for (const c of ctx.index.clusters) {
    const d = demand.get(c.id);
    if (!d) continue;
    const usable = Math.max(0, c.vswitchPortsPerHost - RESERVED_PORTS_PER_HOST);
    const capacity = c.hosts * usable;
    if (d.ports <= capacity) continue;
    out.push(
      finding(ctx, {
        ruleId: 'CAP-VSWITCH',
        severity: 'warning',
        message: `Up to ${plural(d.ports, 'vSwitch port')} needed on cluster ${c.label} (${plural(d.vms, 'VM')} on it or able to move in) > ${countText(capacity)} usable (${plural(c.hosts, 'host')} × ${countText(usable)} of ${plural(c.vswitchPortsPerHost, 'port')})`,
        why,
        source: 'Seed 003 (default vSwitch port limit: 64, 56 usable)',
        elementIds: [c.id, ...d.movers],
        measured: d.ports,
        limit: capacity,
        unit: 'ports',
        fixes: [{ label: `Raise the vSwitch ports per host on ${c.label}, or add hosts` }],
      }),
    );
  }
  return out;
}

export const capVswitchRule: RuleDefinition = {
  id: 'CAP-VSWITCH',
  title: 'vSwitch ports exhausted by arriving VMs',
  severity: 'warning',
  why,
  explanation:
    "Each VM network adapter takes a port on the host's virtual switch, and the switch keeps a few for itself: seed 003 tells of migrations failing because the destination hosts hit the default 64-port limit (56 usable). The studio counts, for each cluster, the VMs that run on it plus those that may move to it, one port per segment, and compares them with hosts × usable ports. Raise the port count or add hosts before a mass evacuation finds the limit.",
  source: 'Seed 003',
  run,
  readsNoLinkFigures: true,
};
