import { STORAGE_PRODUCTS } from '../model/catalog';
import type { DesignNode, Site, StorageArray } from '../model/schema';
import { finding, num, withScenario } from './context';
import { loop } from './gateway';
import type { RuleDefinition } from './rule';
import type { Finding, Fix, RuleContext } from './types';

const why =
  'The datastore is served from another site: every read and write crosses the DCI and back, and the VM depends on both sites (seed 001).';

/**
 * The element holding a copy of a volume at a site: its sync peer's there, else its own array
 * there, else none (two holders at most: no map per placement).
 */
function holderOf(
  array: StorageArray,
  peer: Exclude<DesignNode, Site> | undefined,
  siteId: string,
): string | undefined {
  if (peer && peer.parentId === siteId) return peer.id;
  return array.parentId === siteId ? array.id : undefined;
}

/**
 * Interpretation. The sites that hold the volume: its array's, and its sync peer's. If the
 * workload's site holds none, all I/O is remote. If it does, I/O stays local only with an
 * active-active product and uniform access; otherwise only the preferred (active) site — the
 * volume's preferredSiteId, else its array's site — serves I/O.
 */
function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const p of ctx.placements) {
    const id = p.workload.datastoreId;
    if (id === undefined) continue;
    const ref = index.volumes.get(id);
    if (!ref || graph.isDead(ref.array.id)) continue;
    const { array, volume } = ref;
    const product = STORAGE_PRODUCTS[array.product];
    const peer =
      volume.replication === 'sync' &&
      volume.peerArrayId !== undefined &&
      !graph.isDead(volume.peerArrayId)
        ? index.nodes.get(volume.peerArrayId)
        : undefined;
    const peerHolder = peer && peer.kind !== 'site' ? peer : undefined;
    let activeSite: string;
    let reason: string;
    if (holderOf(array, peerHolder, p.siteId) === undefined) {
      activeSite =
        volume.preferredSiteId !== undefined &&
        holderOf(array, peerHolder, volume.preferredSiteId) !== undefined
          ? volume.preferredSiteId
          : array.parentId;
      // An asynchronous copy is not active: I/O still goes to the synchronous pair.
      const asyncCopy =
        volume.replication === 'async' &&
        volume.peerArrayId !== undefined &&
        index.siteOf(volume.peerArrayId) === p.siteId;
      reason = `${asyncCopy ? 'only an asynchronous copy' : 'no copy'} at ${index.label(p.siteId)}`;
    } else {
      if (product.behaviour === 'active-active' && array.access === 'uniform') continue;
      activeSite = volume.preferredSiteId ?? array.parentId;
      if (activeSite === p.siteId) continue;
      reason =
        array.access === 'non-uniform'
          ? `${product.label}, non-uniform access`
          : `${product.label}, ${product.behaviour.replace(/-/g, ' ')}`;
    }
    const activeArray = holderOf(array, peerHolder, activeSite) ?? array.id;
    const path = graph.path(p.cluster.id, activeArray);
    const detour = path ? ` (+${num(2 * path.rttMs)} ms per I/O)` : '';
    const fixes: Fix[] = [];
    if (holderOf(array, peerHolder, p.siteId) !== undefined)
      fixes.push({
        label: `Make ${index.label(p.siteId)} the preferred site of ${volume.name || volume.id}`,
        action: {
          type: 'set-preferred-site',
          arrayId: array.id,
          volumeId: volume.id,
          siteId: p.siteId,
        },
      });
    else
      fixes.push({
        label: `Replicate ${volume.name || volume.id} synchronously to ${index.label(p.siteId)}`,
      });
    out.push(
      finding(ctx, {
        ruleId: 'TROMBONE-STORAGE',
        severity: 'warning',
        message: `datastore ${volume.name || volume.id} of ${p.workload.name} is active at ${index.label(activeSite)} (${reason}): every I/O from ${index.label(p.siteId)} crosses the DCI and back${detour}`,
        why,
        source: 'Seed 001 (storage trombone; split-controller arrays)',
        elementIds: [p.workload.id, volume.id, p.cluster.id, activeArray, ...(path?.linkIds ?? [])],
        ...(path ? { path: loop(path.path), measured: 2 * path.rttMs, unit: 'ms' } : {}),
        ...withScenario(p),
        fixes,
      }),
    );
  }
  return out;
}

export const tromboneStorageRule: RuleDefinition = {
  id: 'TROMBONE-STORAGE',
  title: 'Storage trombone',
  severity: 'warning',
  why,
  explanation:
    'A VM that moves leaves its datastore behind unless the storage is active at both sites. Split-controller products (NetApp MetroCluster, IBM SVC stretched) serve each volume from one site, and non-uniform access confines hosts to their local array, so after a move every I/O crosses the DCI and back (seed 001). Active-active products with uniform access, like VPLEX Metro, serve I/O locally and stay quiet.',
  source: 'Seed 001',
  run,
};
