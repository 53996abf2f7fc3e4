import { L2_EXTENSION_INFO } from '../model/catalog';
import { finding } from './context';
import { extendsL2 } from './graph';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

const why =
  'An overlay adds its header to every frame: a DCI MTU below 1500 + overhead drops or fragments full-size frames, which shows up as stalls rather than clean failures.';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const link of index.dciLinks) {
    if (graph.isDead(link.id) || !extendsL2(link) || link.extendedSegmentIds.length === 0) continue;
    const extension = L2_EXTENSION_INFO[link.l2Extension];
    const overhead = extension.overheadBytes;
    if (overhead === 0) continue;
    const needed = 1500 + overhead;
    if (link.mtu >= needed) continue;
    out.push(
      finding(ctx, {
        ruleId: 'L2-MTU',
        severity: 'error',
        message: `MTU ${link.mtu} B < ${needed} B on DCI link ${index.label(link.id)}: ${extension.label} adds ${overhead} B to each 1500-byte frame`,
        why,
        source: 'RFC 7348 (VXLAN: 50 B of encapsulation); Cisco OTV (42 B)',
        elementIds: [link.id],
        measured: link.mtu,
        limit: needed,
        unit: 'B',
        fixes: [
          {
            label: `Raise the MTU of ${index.label(link.id)} to ${needed} B or more (jumbo frames)`,
          },
        ],
      }),
    );
  }
  return out;
}

export const l2MtuRule: RuleDefinition = {
  id: 'L2-MTU',
  title: 'DCI MTU too small for the overlay',
  severity: 'error',
  why,
  explanation:
    'OTV adds 42 bytes and VXLAN 50 bytes to every Ethernet frame it carries across the DCI. If the transport MTU is below 1500 plus that overhead, full-size frames are dropped or fragmented, and vMotion or storage traffic stalls in ways that are hard to diagnose. Raise the DCI MTU (jumbo frames), or lower the MTU of the extended segments.',
  source: 'RFC 7348 (VXLAN); Cisco OTV encapsulation',
  run,
  readsNoLinkFigures: true,
};
