import { STORAGE_PRODUCTS } from '../model/catalog';
import { finding, num, severityFor } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, RuleContext } from './types';

const why =
  'Synchronous replication acknowledges a write only after the remote array has it: every write waits one DCI round trip, and the product supports it only up to its RTT limit.';

function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const array of index.arrays) {
    if (graph.isDead(array.id)) continue;
    const product = STORAGE_PRODUCTS[array.product];
    const limit = product.syncMaxRttMs;
    // A product that cannot replicate synchronously has no sync RTT limit to hold: STORAGE-PEER
    // says that the volume's `sync` is impossible.
    if (!limit || !product.syncReplication) continue;
    for (const v of array.volumes) {
      if (v.replication !== 'sync' || v.peerArrayId === undefined) continue;
      if (graph.isDead(v.peerArrayId)) continue;
      const path = graph.path(array.id, v.peerArrayId);
      const rtt = path?.rttMs ?? Infinity;
      if (rtt <= limit.value) continue;
      out.push(
        finding(ctx, {
          ruleId: 'LAT-STORAGE',
          severity: severityFor('error', limit),
          message: `RTT ${num(rtt)} ms > ${num(limit.value)} ms for synchronous ${product.label} replication of ${v.name || v.id} (${array.label} → ${index.label(v.peerArrayId)})`,
          why,
          source: limit.source,
          elementIds: [array.id, v.peerArrayId, v.id, ...(path?.linkIds ?? [])],
          ...(path ? { path: path.path } : {}),
          measured: rtt,
          limit: limit.value,
          unit: 'ms',
          fixes: [{ label: 'Replicate asynchronously, or use a closer peer site' }],
        }),
      );
    }
  }
  return out;
}

export const latStorageRule: RuleDefinition = {
  id: 'LAT-STORAGE',
  title: 'Synchronous replication over its RTT limit',
  severity: 'error',
  why,
  explanation:
    'With synchronous replication a write completes only when both arrays have it, so each write pays one DCI round trip. Each product states how far it goes: VPLEX Metro 5 ms, Pure ActiveCluster 11 ms, vSAN stretched 5 ms, MetroCluster about 1 ms per 100 km. Figures marked uncertain in the catalog raise a warning rather than an error.',
  source: 'Vendor documentation per product',
  run,
};
