/** Stretched things that need a third-site witness: sync-replicated storage and stretched clusters. */
import { STORAGE_PRODUCTS, type StorageProduct } from '../model/catalog';
import type { RuleContext } from './types';

export interface StretchedPair {
  readonly kind: 'storage' | 'cluster';
  /** The two arrays or clusters, sorted. */
  readonly a: string;
  readonly b: string;
  readonly siteA: string;
  readonly siteB: string;
  /** The storage product (of the first array), for witness limits. */
  readonly product?: StorageProduct;
}

const cache = new WeakMap<RuleContext, readonly StretchedPair[]>();

/** Live pairs across two different sites, each once. */
export function stretchedPairs(ctx: RuleContext): readonly StretchedPair[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const { index, graph } = ctx;
  const out = new Map<string, StretchedPair>();
  const add = (pair: Omit<StretchedPair, 'a' | 'b' | 'siteA' | 'siteB'>, x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const siteA = index.siteOf(a);
    const siteB = index.siteOf(b);
    if (siteA === undefined || siteB === undefined || siteA === siteB) return;
    if (graph.isDead(a) || graph.isDead(b)) return;
    const key = `${pair.kind}:${a}:${b}`;
    if (!out.has(key)) out.set(key, { ...pair, a, b, siteA, siteB });
  };
  for (const array of index.arrays) {
    const product = STORAGE_PRODUCTS[array.product];
    if (!product.needsWitness) continue;
    for (const v of array.volumes) {
      if (v.replication === 'sync' && v.peerArrayId !== undefined)
        add({ kind: 'storage', product }, array.id, v.peerArrayId);
    }
  }
  for (const c of index.clusters) {
    if (c.stretchPeerId !== undefined) add({ kind: 'cluster' }, c.id, c.stretchPeerId);
  }
  const list = [...out.values()];
  cache.set(ctx, list);
  return list;
}

export function describePair(ctx: RuleContext, p: StretchedPair): string {
  const { label } = ctx.index;
  return p.kind === 'storage'
    ? `stretched storage ${p.product?.label ?? ''} ${label(p.a)} + ${label(p.b)}`.replace('  ', ' ')
    : `stretched cluster ${label(p.a)} + ${label(p.b)}`;
}
