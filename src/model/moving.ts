/**
 * What moves when the selection is aligned, distributed or nudged: the selected sites (their
 * devices move with them) and the selected devices whose site is not selected too. Small and
 * apart from the geometry (arrange.ts) so the commands' enabled state needs no more than this.
 */
import type { Design, DesignNode } from './schema';

export function movingNodes(design: Design, ids: Iterable<string>): DesignNode[] {
  const wanted = new Set(ids);
  return design.nodes.filter(
    (n) => wanted.has(n.id) && (n.kind === 'site' || !wanted.has(n.parentId)),
  );
}

/** How many elements `ids` would align or distribute (the commands' enabled state). */
export function arrangeableCount(design: Design, ids: Iterable<string>): number {
  return movingNodes(design, ids).length;
}
