import { STORAGE_PRODUCTS } from '../model/catalog';
import { labelOf } from '../model/labels';
import type { Design, StorageArray, Volume, Workload } from '../model/schema';
import { finding, gbps, num } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, Fix, RuleContext } from './types';
import { plural } from '../model/plural';

/** vSAN stretched-cluster bandwidth sizing `B = Wb × md × mr`: metadata overhead `md`. */
export const REPLICATION_METADATA_FACTOR = 1.4;
/** … and resynchronisation headroom `mr`. */
export const REPLICATION_RESYNC_FACTOR = 1.25;
/** 1 MB/s (10^6 bytes per second) is 8 Mb/s, 0.008 Gb/s. */
export const GBPS_PER_MBPS = 8 / 1000;
/** Line rates a DCI link is bought in, for the one-click fix (beyond the last: multiples of it). */
const LINE_RATES_GBPS = [1, 10, 25, 40, 100, 400] as const;

const why =
  'Synchronous replication sends every write across the DCI before it is acknowledged: when the writes of the volumes sharing a path exceed its bandwidth, every write waits and the applications slow down with it.';

const SOURCE =
  'VMware vSAN stretched-cluster bandwidth sizing (B = Wb × md × mr, md = 1.4, mr = 1.25), used as a product-neutral estimate';

/** The DCI bandwidth a volume's synchronous replication needs, from its workloads' write rates. */
export function replicationGbps(writeMBps: number): number {
  return writeMBps * GBPS_PER_MBPS * REPLICATION_METADATA_FACTOR * REPLICATION_RESYNC_FACTOR;
}

/** The smallest line rate (or multiple of the largest) that carries `gbpsNeeded`. */
export function lineRateFor(gbpsNeeded: number): number {
  for (const r of LINE_RATES_GBPS) if (r >= gbpsNeeded) return r;
  const top = LINE_RATES_GBPS[LINE_RATES_GBPS.length - 1] ?? 400;
  return Math.ceil(gbpsNeeded / top) * top;
}

interface Flow {
  readonly array: StorageArray;
  readonly volume: Volume;
  readonly peerId: string;
  readonly writeMBps: number;
  readonly requiredGbps: number;
  readonly path: readonly string[];
  readonly dciLinkIds: readonly string[];
}

/**
 * Interpretation. Each synchronously replicated volume with a valid peer (an array of the same
 * product that can replicate synchronously, in another site: STORAGE-PEER covers the rest)
 * carries Σ (write rate × VM count) of the workloads whose datastore it is (workloads on a failed
 * cluster write nothing) over the shortest path between its two arrays. Each DCI link on those
 * paths carries the sum of the volumes crossing it. A link over its bandwidth is reported once per
 * set of volumes: the narrowest link that set crosses (the path's bottleneck). Write rates of 0
 * (unknown) add nothing, so a design without them stays quiet.
 */
function run(ctx: RuleContext): Finding[] {
  const { index, graph, design } = ctx;
  const writes = new Map<string, number>();
  for (const w of design.workloads) {
    if (w.datastoreId === undefined || w.writeRateMBps <= 0 || graph.isDead(w.clusterId)) continue;
    writes.set(w.datastoreId, (writes.get(w.datastoreId) ?? 0) + w.writeRateMBps * w.count);
  }
  if (writes.size === 0) return [];

  const flows: Flow[] = [];
  for (const array of index.arrays) {
    if (graph.isDead(array.id) || !STORAGE_PRODUCTS[array.product].syncReplication) continue;
    for (const volume of array.volumes) {
      const writeMBps = writes.get(volume.id) ?? 0;
      if (volume.replication !== 'sync' || writeMBps === 0 || volume.peerArrayId === undefined)
        continue;
      const peer = index.nodes.get(volume.peerArrayId);
      if (peer?.kind !== 'array' || peer.product !== array.product) continue;
      if (peer.parentId === array.parentId || graph.isDead(peer.id)) continue;
      const path = graph.path(array.id, peer.id);
      if (!path) continue;
      const dciLinkIds = path.linkIds.filter((id) => index.links.get(id)?.kind === 'dci');
      if (dciLinkIds.length === 0) continue;
      flows.push({
        array,
        volume,
        peerId: peer.id,
        writeMBps,
        requiredGbps: replicationGbps(writeMBps),
        path: path.path,
        dciLinkIds,
      });
    }
  }

  // Load per DCI link, then group the overloaded links by the set of volumes crossing them.
  const crossing = new Map<string, Flow[]>();
  for (const f of flows) {
    for (const id of f.dciLinkIds) {
      const list = crossing.get(id);
      if (list) list.push(f);
      else crossing.set(id, [f]);
    }
  }
  const worst = new Map<string, { linkId: string; flows: Flow[]; requiredGbps: number }>();
  for (const [linkId, list] of crossing) {
    const link = index.links.get(linkId);
    if (!link) continue;
    const requiredGbps = list.reduce((sum, f) => sum + f.requiredGbps, 0);
    if (requiredGbps <= link.bandwidthGbps) continue;
    const key = list
      .map((f) => f.volume.id)
      .sort()
      .join(',');
    const seen = worst.get(key);
    if (!seen || link.bandwidthGbps < (index.links.get(seen.linkId)?.bandwidthGbps ?? Infinity))
      worst.set(key, { linkId, flows: list, requiredGbps });
  }

  const out: Finding[] = [];
  for (const { linkId, flows: list, requiredGbps } of worst.values()) {
    const link = index.links.get(linkId);
    if (!link) continue;
    const sorted = [...list].sort((a, b) => b.requiredGbps - a.requiredGbps);
    const writeMBps = sorted.reduce((sum, f) => sum + f.writeMBps, 0);
    const names = sorted.map((f) => index.label(f.volume.id));
    const shown =
      names.length > 3
        ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
        : names.join(', ');
    const target = lineRateFor(requiredGbps);
    const fixes: Fix[] = [
      {
        label: `Raise ${index.label(linkId)} to ${gbps(target)}`,
        action: { type: 'set-link-bandwidth', linkId, bandwidthGbps: target },
      },
      {
        label:
          'Replicate some of these volumes asynchronously, or spread them over other DCI links',
      },
    ];
    out.push(
      finding(ctx, {
        ruleId: 'BW-REPLICATION',
        severity: 'error',
        message: `Synchronous replication of ${shown} needs ${gbps(requiredGbps)} > ${gbps(link.bandwidthGbps)} on DCI link ${index.label(linkId)} (writes ${num(writeMBps)} MB/s × ${REPLICATION_METADATA_FACTOR} metadata × ${REPLICATION_RESYNC_FACTOR} resync headroom)`,
        why,
        source: SOURCE,
        elementIds: [linkId, ...sorted.flatMap((f) => [f.volume.id, f.array.id, f.peerId])],
        ...(sorted[0] ? { path: sorted[0].path } : {}),
        measured: requiredGbps,
        limit: link.bandwidthGbps,
        unit: 'Gb/s',
        fixes,
      }),
    );
  }
  return out;
}

export const bwReplicationRule: RuleDefinition = {
  id: 'BW-REPLICATION',
  title: 'Replication writes exceed the DCI bandwidth',
  severity: 'error',
  why,
  explanation: `Synchronous replication acknowledges a write only when the peer array has it, so every write of every VM on a replicated datastore crosses the DCI. The studio sums each volume's write rate (MB/s per VM × VMs, from the workloads on it) and sizes the link as the vSAN stretched-cluster guide does: × ${REPLICATION_METADATA_FACTOR} for metadata and × ${REPLICATION_RESYNC_FACTOR} headroom for resynchronisation after an outage. Volumes whose paths share a DCI link add up on it; a workload whose write rate is 0 (unknown) adds nothing, so set the write rates to get the check.`,
  source: SOURCE,
  run,
};

/**
 * What BW-REPLICATION makes of one workload's write rate, in a sentence for its editor: why the
 * rule is quiet for it (unknown rate, no datastore, not replicated synchronously), or what its
 * writes ask of the DCI.
 */
export function writeRateStatus(design: Design, workload: Workload): string {
  if (workload.writeRateMBps <= 0)
    return 'Write rate unknown (0): BW-REPLICATION cannot check the replication bandwidth of this workload.';
  const id = workload.datastoreId;
  if (id === undefined) return 'No datastore: its writes are not replicated across the DCI.';
  const ref = design.nodes.find(
    (n): n is StorageArray => n.kind === 'array' && n.volumes.some((v) => v.id === id),
  );
  const volume = ref?.volumes.find((v) => v.id === id);
  if (!ref || !volume) return 'Its datastore is not a volume of this design.';
  const name = labelOf(design, volume.id);
  if (volume.replication !== 'sync')
    return `${name} is not replicated synchronously: its writes do not wait on the DCI.`;
  const mbps = workload.writeRateMBps * workload.count;
  const vms = plural(workload.count, 'VM');
  return `${name} replicates synchronously: ${vms} × ${num(workload.writeRateMBps)} MB/s need ${gbps(replicationGbps(mbps))} of DCI bandwidth (× ${REPLICATION_METADATA_FACTOR} metadata, × ${REPLICATION_RESYNC_FACTOR} resync headroom).`;
}
