import { STORAGE_PRODUCTS, type StorageProduct } from '../model/catalog';
import type { StorageArray, Volume } from '../model/schema';
import { finding } from './context';
import type { RuleDefinition } from './rule';
import type { Finding, Fix, RuleContext } from './types';

const why =
  'A replicated volume needs a peer array of the same product in another site; otherwise the copy the design counts on does not exist, or does not survive the site it protects against.';

const SOURCE =
  'Vendor replication guides: each product replicates only to its own kind in another site (VPLEX to VPLEX, MetroCluster to MetroCluster, FlashArray to FlashArray); Dell VPLEX Geo and NetApp FlexCache are asynchronous only';

/** The products that replicate synchronously, for advice ("use Pure ActiveCluster, …"). */
const SYNC_PRODUCTS = Object.values(STORAGE_PRODUCTS).filter((p) => p.syncReplication);

/**
 * Interpretation. For each volume with replication `sync` or `async`, in this order (one finding
 * per volume, the first problem found): the peer is missing (no peerArrayId, or it names no
 * array of the design); the peer sits in the array's own site; the peer is another product; the
 * volume asks for `sync` from a product that cannot replicate synchronously. A failed array or
 * peer is the what-if engine's business (stretched-storage status), not a design mistake.
 */
function run(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { index, graph } = ctx;
  for (const array of index.arrays) {
    if (graph.isDead(array.id)) continue;
    const product = STORAGE_PRODUCTS[array.product];
    for (const volume of array.volumes) {
      if (volume.replication === 'none') continue;
      const problem = check(ctx, array, product, volume);
      if (problem) out.push(problem);
    }
  }
  return out;
}

function check(
  ctx: RuleContext,
  array: StorageArray,
  product: StorageProduct,
  volume: Volume,
): Finding | null {
  const { index, graph } = ctx;
  const vol = index.label(volume.id);
  const peerNode =
    volume.peerArrayId === undefined ? undefined : index.nodes.get(volume.peerArrayId);
  const peer = peerNode?.kind === 'array' ? peerNode : undefined;
  const base = {
    ruleId: 'STORAGE-PEER' as const,
    severity: 'error' as const,
    why,
    source: SOURCE,
  };
  const setPeer = (candidate: StorageArray): Fix => ({
    label: `Replicate ${vol} to ${index.label(candidate.id)}`,
    action: {
      type: 'set-volume-peer',
      arrayId: array.id,
      volumeId: volume.id,
      peerArrayId: candidate.id,
    },
  });
  // Arrays of the same product in another live site: the peers this volume could have.
  const candidates = index.arrays.filter(
    (a) =>
      a.id !== array.id &&
      a.product === array.product &&
      a.parentId !== array.parentId &&
      !graph.isDead(a.id),
  );

  if (!peer) {
    if (peerNode !== undefined && graph.isDead(peerNode.id)) return null;
    const what =
      volume.peerArrayId === undefined
        ? 'names no peer array'
        : `names peer "${volume.peerArrayId}", which is not a storage array of this design`;
    return finding(ctx, {
      ...base,
      message: `Volume ${vol} of ${index.label(array.id)} is replicated ${volume.replication} but ${what}`,
      elementIds: [array.id, volume.id],
      fixes: [
        ...candidates.slice(0, 2).map(setPeer),
        {
          label: `Add a ${product.label} array in another site and make it the peer of ${vol}`,
        },
      ],
    });
  }
  if (graph.isDead(peer.id)) return null;
  if (peer.id === array.id || peer.parentId === array.parentId) {
    const site = index.label(array.parentId);
    return finding(ctx, {
      ...base,
      message: `Volume ${vol} of ${index.label(array.id)} replicates to ${index.label(peer.id)} in the same site (${site}): the copy does not survive the loss of ${site}`,
      elementIds: [array.id, volume.id, peer.id, array.parentId],
      fixes: [
        ...candidates.slice(0, 2).map(setPeer),
        { label: `Place the peer of ${vol} in another site` },
      ],
    });
  }
  const peerProduct = STORAGE_PRODUCTS[peer.product];
  if (peerProduct.id !== product.id) {
    return finding(ctx, {
      ...base,
      message: `Volume ${vol} of ${index.label(array.id)} (${product.label}) replicates to ${index.label(peer.id)}, a ${peerProduct.label} array: replication works only between arrays of one product`,
      elementIds: [array.id, volume.id, peer.id],
      fixes: [
        {
          label: `Make ${index.label(peer.id)} a ${product.label} array`,
          action: { type: 'set-array-product', arrayId: peer.id, product: product.id },
        },
        ...candidates.slice(0, 1).map(setPeer),
      ],
    });
  }
  if (volume.replication === 'sync' && !product.syncReplication) {
    const examples = SYNC_PRODUCTS.filter((p) => p.behaviour === 'active-active')
      .slice(0, 3)
      .map((p) => p.label)
      .join(', ');
    return finding(ctx, {
      ...base,
      message: `Volume ${vol} asks for synchronous replication, but ${product.label} cannot replicate synchronously (${index.label(array.id)} → ${index.label(peer.id)})`,
      elementIds: [array.id, volume.id, peer.id],
      fixes: [
        {
          label: `Set the replication of ${vol} to async`,
          action: {
            type: 'set-volume-replication',
            arrayId: array.id,
            volumeId: volume.id,
            replication: 'async',
          },
        },
        { label: `Use a product that replicates synchronously (${examples}) at both sites` },
      ],
    });
  }
  return null;
}

export const storagePeerRule: RuleDefinition = {
  id: 'STORAGE-PEER',
  title: 'Replicated volume without a valid peer',
  severity: 'error',
  why,
  explanation:
    'Replication copies a volume to a peer array so that it survives the loss of a site. The copy exists only if the peer is drawn, is a storage array, and sits in another site; and arrays replicate only to arrays of their own product (VPLEX to VPLEX, MetroCluster to MetroCluster, ActiveCluster to ActiveCluster). Some products cannot replicate synchronously at all: a local array, NetApp FlexCache (a cache) and VPLEX Geo (asynchronous by design). A volume that asks for sync from them gets, at best, an asynchronous copy that loses the last writes in a failover.',
  source: SOURCE,
  run,
  readsNoLinkFigures: true,
};
