import { HYPERVISOR_PROFILES } from '../model/catalog';
import { finding, moveProfiles, withScenario } from './context';
import { describeGap, overlayFix, routedTorsOn } from './l2-gap';
import type { RuleDefinition } from './rule';
import type { Finding, Fix, RuleContext } from './types';

const why =
  'Before vSphere 6 the vMotion vmkernel had to share one L2 network between hosts: a routed vMotion network works but is not supported (seed 003, VMware KB 310156).';
const source =
  'Seed 003 (routed vMotion), VMware KB 310156; vSphere 6+ vMotion TCP/IP stack supports it';

/**
 * Interpretation (two checks, both errors, only on profiles whose routed vmkernel is
 * 'not-supported'):
 * 1. a cluster is drawn with a routed vMotion vmkernel: the configuration is unsupported;
 * 2. a move whose source and target have no L2 path for the vmkernel network: the vmkernel is
 *    not a modelled segment, so "no L2 path" means no L2 between the clusters at all — an L3 ToR
 *    without overlay between racks, or no DCI link that extends L2 between sites.
 * Either end's profile not supporting it is enough.
 */
function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const c of index.clusters) {
    if (graph.isDead(c.id)) continue;
    const profile = HYPERVISOR_PROFILES[c.profile];
    if (!c.vmkRouted || profile.routedVmkernel !== 'not-supported') continue;
    out.push(
      finding(ctx, {
        ruleId: 'VMK-ROUTED',
        severity: 'error',
        message: `Cluster ${c.label} has a routed vMotion vmkernel, which ${profile.label} does not support`,
        why,
        source,
        elementIds: [c.id],
        fixes: [
          { label: 'Put the vMotion vmkernel on one L2 network, or upgrade to vSphere 6.0+' },
        ],
      }),
    );
  }
  for (const p of ctx.placements) {
    if (!p.scenario) continue;
    const profile = moveProfiles(p).find((x) => x.routedVmkernel === 'not-supported');
    if (!profile) continue;
    const gap = graph.l2Gap('*', p.from.id, p.cluster.id);
    if (gap.reachable || gap.gapId === undefined) continue;
    const fixes: Fix[] = [
      { label: 'Upgrade to vSphere 6.0+ (routed vMotion on its own TCP/IP stack)' },
    ];
    const gapNode = index.nodes.get(gap.gapId);
    if (gapNode?.kind === 'tor')
      fixes.unshift(overlayFix(routedTorsOn(ctx, gapNode.id, gap.path?.path)));
    out.push(
      finding(ctx, {
        ruleId: 'VMK-ROUTED',
        severity: 'error',
        message: `the vMotion vmkernel from cluster ${p.from.label} to cluster ${p.cluster.label} crosses an L3 boundary at ${describeGap(ctx, gap.gapId, '*').replace(' (* is not extended)', '')}, and ${profile.label} does not support routed vMotion`,
        why,
        source,
        elementIds: [p.workload.id, p.from.id, p.cluster.id, gap.gapId],
        ...(gap.path ? { path: gap.path.path } : {}),
        ...withScenario(p),
        fixes,
      }),
    );
  }
  return out;
}

export const vmkRoutedRule: RuleDefinition = {
  id: 'VMK-ROUTED',
  title: 'Routed vMotion on a profile that does not support it',
  severity: 'error',
  why,
  explanation:
    'The vMotion network itself may be routed on vSphere 6.0 and later (its own TCP/IP stack), but earlier releases support vMotion only between vmkernels on one L2 network. The studio flags a cluster whose vmkernel is drawn as routed on such a profile, and a move between clusters with no L2 path between them (an L3 ToR without overlay, or sites with no L2 extension). Seed 003 tells the story of routed vMotion across an L3 Clos.',
  source,
  run,
};
