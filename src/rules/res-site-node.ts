import { STORAGE_PRODUCTS } from '../model/catalog';
import { finding } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

const why =
  'With one controller at the site, a single node failure moves all of its volumes to the other site: a local fault becomes a site failover, with every I/O across the DCI (seed 001).';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const array of index.arrays) {
    if (graph.isDead(array.id)) continue;
    const product = STORAGE_PRODUCTS[array.product];
    const reasons: string[] = [];
    if (!array.nodeRedundancy) reasons.push('it is drawn with no node redundancy');
    if (!product.nodeRedundancyPerSite)
      reasons.push(`${product.label} is split-controller: one node per site`);
    if (reasons.length === 0) continue;
    out.push(
      finding(ctx, {
        ruleId: 'RES-SITE-NODE',
        severity: 'warning',
        message: `Array ${array.label} has no node redundancy at ${index.label(array.parentId)}: ${reasons.join('; ')}`,
        why,
        source: 'Seed 001 (split-controller stretched storage)',
        elementIds: [array.id, array.parentId],
        fixes: [{ label: 'Use a redundant controller pair at each site' }],
      }),
    );
  }
  return out;
}

export const resSiteNodeRule: RuleDefinition = {
  id: 'RES-SITE-NODE',
  title: 'Array without node redundancy at a site',
  severity: 'warning',
  why,
  explanation:
    'Split-controller stretched storage (NetApp MetroCluster in some configurations, IBM SVC stretched) places one node of a pair in each site. A node failure is then a site-level event: its volumes fail over to the other site and every I/O crosses the DCI. Seed 001 warns about this; an array with a redundant pair at each site keeps a local fault local.',
  source: 'Seed 001',
  run,
  readsNoLinkFigures: true,
};
