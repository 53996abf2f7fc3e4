/**
 * Find an element by name (Ctrl+F): sites, devices and named links whose label contains what
 * was typed, ignoring case. Names that start with it come first, then names with a word that
 * starts with it, then the rest; ties keep the design's order.
 */
import { labelOf } from './labels';
import type { Design, NodeKind } from './schema';

export interface SearchHit {
  readonly id: string;
  readonly label: string;
  /** A node's kind, or `link`. */
  readonly kind: NodeKind | 'link';
  /** Where it is: a device's site; a link's two ends. */
  readonly where: string;
}

export const SEARCH_LIMIT = 8;

function rank(label: string, query: string): number {
  const lower = label.toLowerCase();
  const at = lower.indexOf(query);
  if (at < 0) return -1;
  if (at === 0) return 0;
  return /[^a-z0-9]/u.test(lower[at - 1] ?? '') ? 1 : 2;
}

export function searchElements(design: Design, text: string, limit = SEARCH_LIMIT): SearchHit[] {
  const query = text.trim().toLowerCase();
  if (query === '') return [];
  const hits: { hit: SearchHit; rank: number; order: number }[] = [];
  const consider = (hit: SearchHit) => {
    const r = rank(hit.label, query);
    if (r >= 0) hits.push({ hit, rank: r, order: hits.length });
  };
  for (const n of design.nodes)
    consider({
      id: n.id,
      label: n.label || n.id,
      kind: n.kind,
      where: n.kind === 'site' ? '' : labelOf(design, n.parentId),
    });
  for (const l of design.links)
    if (l.label)
      consider({
        id: l.id,
        label: l.label,
        kind: 'link',
        where: `${labelOf(design, l.source)} – ${labelOf(design, l.target)}`,
      });
  return hits
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((h) => h.hit);
}
