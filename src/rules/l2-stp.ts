import { L2_EXTENSION_INFO, TRANSPORT_INFO } from '../model/catalog';
import { finding } from './context';
import { extendsL2 } from './graph';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';
import { plural } from '../model/plural';

const why =
  'Without spanning-tree isolation one STP fault domain spans both sites: a loop or a topology change in one site floods the other (seeds 002, 003).';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const link of index.dciLinks) {
    if (graph.isDead(link.id) || !extendsL2(link) || link.extendedSegmentIds.length === 0) continue;
    if (link.bpduFilter) continue;
    const extension = L2_EXTENSION_INFO[link.l2Extension];
    if (extension.stpIsolation !== 'with-bpdu-filter') continue;
    const siteA = index.siteOf(link.source) ?? link.source;
    const siteB = index.siteOf(link.target) ?? link.target;
    const n = link.extendedSegmentIds.length;
    out.push(
      finding(ctx, {
        ruleId: 'L2-STP',
        severity: 'error',
        message: `DCI link ${index.label(link.id)} extends ${plural(n, 'segment')} with ${extension.inSentence} over ${TRANSPORT_INFO[link.transport].inSentence} and no BPDU filtering: one spanning-tree domain spans ${index.label(siteA)} and ${index.label(siteB)}`,
        why,
        source: 'Seeds 002, 003',
        elementIds: [link.id, siteA, siteB],
        fixes: [
          {
            label: 'Extend with OTV (isolates spanning tree)',
            action: { type: 'set-l2-extension', linkId: link.id, l2Extension: 'otv' },
          },
          {
            label: 'Extend with VXLAN-EVPN (isolates spanning tree)',
            action: { type: 'set-l2-extension', linkId: link.id, l2Extension: 'vxlan-evpn' },
          },
          {
            label: 'Filter BPDUs on the DCI link',
            action: { type: 'set-bpdu-filter', linkId: link.id },
          },
        ],
      }),
    );
  }
  return out;
}

export const l2StpRule: RuleDefinition = {
  id: 'L2-STP',
  title: 'Spanning tree stretched across sites',
  severity: 'error',
  why,
  explanation:
    'A plain VLAN trunk over dark fibre or DWDM, or VPLS/EoMPLS without BPDU filtering, joins both sites into one spanning-tree domain. A loop, a flapping port or a root change in one data center then disrupts the other, which defeats the point of having two. OTV and VXLAN-EVPN isolate spanning tree by design; the other extensions need BPDU filtering at the edge (seeds 002 and 003).',
  source: 'Seeds 002, 003',
  run,
  readsNoLinkFigures: true,
};
