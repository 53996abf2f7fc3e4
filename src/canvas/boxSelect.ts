import type { EdgeChange, InternalNode, Node, NodeChange, XYPosition } from '@xyflow/react';

/** A selection box in flow coordinates: where it was started and where the pointer is. */
export interface FlowBox {
  from: XYPosition;
  to: XYPosition;
}

/** What of a node the box is judged against. */
type Placed = Pick<InternalNode, 'id' | 'type' | 'hidden' | 'selectable' | 'selected'> & {
  internals: { positionAbsolute: XYPosition };
  measured: { width?: number | undefined; height?: number | undefined };
};

/** What of a link the box is judged against. */
interface Linked {
  id: string;
  source: string;
  target: string;
  selected?: boolean | undefined;
  selectable?: boolean | undefined;
}

/**
 * What a selection box (Shift-drag) selects, as the changes from the current selection: the
 * devices and notes it touches; a site only when it takes in the whole site (a box drawn around a
 * few racks inside a site touches the site too, and taking the site with them would make a
 * delete or a move take the whole site); a link when both its ends are selected (not every link
 * of a device in the box, down to racks outside it). Everything else is deselected.
 */
export function boxSelectionChanges(
  box: FlowBox,
  nodes: Iterable<Placed>,
  edges: Iterable<Linked>,
): { nodes: NodeChange<Node>[]; edges: EdgeChange[] } {
  const left = Math.min(box.from.x, box.to.x);
  const right = Math.max(box.from.x, box.to.x);
  const top = Math.min(box.from.y, box.to.y);
  const bottom = Math.max(box.from.y, box.to.y);
  const picked = new Set<string>();
  const nodeChanges: NodeChange<Node>[] = [];
  for (const node of nodes) {
    const { x, y } = node.internals.positionAbsolute;
    const r = x + (node.measured.width ?? 0);
    const b = y + (node.measured.height ?? 0);
    const inBox =
      node.hidden !== true &&
      node.selectable !== false &&
      (node.type === 'site'
        ? x >= left && y >= top && r <= right && b <= bottom
        : x < right && r > left && y < bottom && b > top);
    if (inBox) picked.add(node.id);
    if (inBox !== (node.selected ?? false))
      nodeChanges.push({ type: 'select', id: node.id, selected: inBox });
  }
  const edgeChanges: EdgeChange[] = [];
  for (const edge of edges) {
    const inBox = edge.selectable !== false && picked.has(edge.source) && picked.has(edge.target);
    if (inBox !== (edge.selected ?? false))
      edgeChanges.push({ type: 'select', id: edge.id, selected: inBox });
  }
  return { nodes: nodeChanges, edges: edgeChanges };
}

/** Changes with React Flow's own selection left out: while a box is drawn, the box decides. */
export function withoutSelection<C extends { type: string }>(changes: C[]): C[] {
  return changes.some((c) => c.type === 'select')
    ? changes.filter((c) => c.type !== 'select')
    : changes;
}
