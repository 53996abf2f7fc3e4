/**
 * Links that turn while a device is dragged (studio.ts, onNodesChange): loaded with the element
 * components (elementChunk.ts), which must be there before anything can be dragged, so the first
 * screen does not carry it. Until it is registered a drag turns no link and the drop re-chooses
 * the sides (syncEdges): the same drawing, one more React Flow update at the drop.
 */
import type { Design, DesignNode } from '../model/schema';
import {
  center,
  handlesFor,
  nodeById,
  nodeIndexById,
  previousOf,
  type FlowEdge,
  type FlowNode,
} from './flow';

/**
 * The edges with the handles their links' ends call for where the canvas shows them now, mid-drag:
 * `moved` are the nodes whose position changed (a moved site moves its devices). Only a link
 * whose sides change gets a new edge (with no record of what it was chosen from, so the next
 * sync re-chooses from the design); the same array back when none does. A drop then finds every
 * handle already chosen from the positions it commits, and hands React Flow the same edges:
 * the frame after the pointer-up pays for no edge index rebuild.
 */
export function withLiveHandles(
  design: Design,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  moved: ReadonlySet<string>,
): FlowEdge[] {
  if (moved.size === 0) return edges as FlowEdge[];
  const elements = nodeById(design.nodes);
  const liveOf = previousOf(nodes);
  const index = nodeIndexById(design.nodes);
  /** An element where the canvas shows it now (relative to its site, as in the design). */
  const live = (id: string): DesignNode | undefined => {
    const element = elements.get(id);
    const shown = liveOf(id, index.get(id) ?? -1);
    if (!element || !shown) return element;
    const { x, y } = shown.position;
    return x === element.position.x && y === element.position.y
      ? element
      : { ...element, position: { x, y } };
  };
  const touched = (n: DesignNode | undefined) =>
    n !== undefined && (moved.has(n.id) || (n.kind !== 'site' && moved.has(n.parentId)));
  let next: FlowEdge[] | null = null;
  design.links.forEach((link, i) => {
    const edge = edges[i];
    if (!edge || edge.id !== link.id || !edge.data) return;
    if (!touched(elements.get(link.source)) && !touched(elements.get(link.target))) return;
    const a = live(link.source);
    const b = live(link.target);
    if (!a || !b) return;
    const sites = new Map<string, DesignNode>();
    for (const end of [a, b])
      if (end.kind !== 'site') {
        const site = live(end.parentId);
        if (site) sites.set(site.id, site);
      }
    const handles = handlesFor(center(a, sites), center(b, sites));
    if (edge.sourceHandle === handles[0] && edge.targetHandle === handles[1]) return;
    next ??= [...edges];
    next[i] = {
      ...edge,
      sourceHandle: handles[0],
      targetHandle: handles[1],
      data: { bundle: edge.data.bundle },
    };
  });
  return next ?? (edges as FlowEdge[]);
}
