/**
 * What a site's badge sums up when zoomed out (SiteNode): the findings per site, from the
 * design's findings index (findings.ts). Loaded with the node components, not with the first
 * screen.
 */
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import type { FindingsIndex } from './findings';

const siteCache = new WeakMap<FindingsIndex, ReadonlyMap<string, readonly Finding[]>>();
/**
 * Every open finding that concerns a site or anything in it, per site id: what a site's badge
 * sums up when zoomed out, where device badges are too small to read.
 */
export function findingsBySite(
  index: FindingsIndex,
  design: Design,
): ReadonlyMap<string, readonly Finding[]> {
  const cached = siteCache.get(index);
  if (cached) return cached;
  const siteOf = new Map<string, string>();
  for (const n of design.nodes) siteOf.set(n.id, n.kind === 'site' ? n.id : n.parentId);
  const bySite = new Map<string, Finding[]>();
  for (const f of index.open) {
    const sites = new Set<string>();
    for (const id of f.elementIds) {
      const site = siteOf.get(id);
      if (site !== undefined) sites.add(site);
    }
    for (const site of sites) {
      const list = bySite.get(site);
      if (list) list.push(f);
      else bySite.set(site, [f]);
    }
  }
  siteCache.set(index, bySite);
  return bySite;
}
