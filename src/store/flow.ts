/**
 * Projection between the design and React-Flow-shaped nodes and edges. The store keeps the
 * React Flow nodes; when the design changes, `syncNodes` reuses the previous node object for
 * every element that did not change, so React Flow keeps its measurements and selection and
 * only re-renders what changed.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { DEVICE_SIZE } from '../model/defaults';
import { bundlePlaces, type BundlePlace } from '../model/parallel';
import type { Design, DesignNode, Link } from '../model/schema';

export type FlowNodeData = { element: DesignNode };
export type FlowNode = Node<FlowNodeData>;
/** The link, and its place among the links joining the same two elements (drawn apart). */
export type FlowEdgeData = { link: Link; bundle: BundlePlace };
export type FlowEdge = Edge<FlowEdgeData>;

/** Side of a connection handle, as drawn by `.react-flow__handle` in index.css. */
const HANDLE_PX = 9;

/**
 * A device's four handles where its card draws them (centred on each side), so React Flow can
 * place its links before it has measured the card.
 */
function deviceHandles(): NodeHandle[] {
  const { width, height } = DEVICE_SIZE;
  const half = HANDLE_PX / 2;
  const at = (id: HandleId, position: Position, x: number, y: number): NodeHandle => ({
    id,
    type: 'source',
    position,
    x: x - half,
    y: y - half,
    width: HANDLE_PX,
    height: HANDLE_PX,
  });
  return [
    at('top', Position.Top, width / 2, 0),
    at('left', Position.Left, 0, height / 2),
    at('right', Position.Right, width, height / 2),
    at('bottom', Position.Bottom, width / 2, height),
  ];
}

const DEVICE_HANDLES = deviceHandles();

export function toFlowNode(element: DesignNode, previous: FlowNode | undefined): FlowNode {
  if (previous && previous.data.element === element) return previous;
  const base = {
    id: element.id,
    position: element.position,
    data: { element },
    selected: previous?.selected ?? false,
  };
  // Sizes are known (sites carry theirs, devices have one), so nodes are drawn at once without
  // waiting for React Flow to measure each one.
  if (element.kind === 'site') {
    return {
      ...base,
      type: 'site',
      width: element.width,
      height: element.height,
      measured: { width: element.width, height: element.height },
      zIndex: 0,
      dragHandle: '.site-drag-handle',
    };
  }
  return {
    ...base,
    type: 'device',
    parentId: element.parentId,
    width: DEVICE_SIZE.width,
    height: DEVICE_SIZE.height,
    measured: { width: DEVICE_SIZE.width, height: DEVICE_SIZE.height },
    handles: DEVICE_HANDLES,
    zIndex: 2,
  };
}

/** The same array back when every node is the one already there, at the same place. */
function reuse<T>(next: T[], previous: readonly T[]): T[] {
  if (next.length !== previous.length) return next;
  for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) return next;
  return previous as T[];
}

export function syncNodes(design: Design, previous: readonly FlowNode[]): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return reuse(
    design.nodes.map((element) => toFlowNode(element, byId.get(element.id))),
    previous,
  );
}

type HandleId = 'top' | 'bottom' | 'left' | 'right';

function center(
  element: DesignNode,
  sites: ReadonlyMap<string, DesignNode>,
): { x: number; y: number } {
  if (element.kind === 'site')
    return {
      x: element.position.x + element.width / 2,
      y: element.position.y + element.height / 2,
    };
  const site = sites.get(element.parentId);
  const x = (site?.position.x ?? 0) + element.position.x + DEVICE_SIZE.width / 2;
  const y = (site?.position.y ?? 0) + element.position.y + DEVICE_SIZE.height / 2;
  return { x, y };
}

/**
 * Which sides a link leaves and enters by: the sides that face each other, so DCI links run
 * between sites side by side and fabric links run between tiers.
 */
export function handlesFor(
  a: { x: number; y: number },
  b: { x: number; y: number },
): [HandleId, HandleId] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (Math.abs(dx) > Math.abs(dy) * 1.2) return dx > 0 ? ['right', 'left'] : ['left', 'right'];
  return dy > 0 ? ['bottom', 'top'] : ['top', 'bottom'];
}

const LONE: BundlePlace = { index: 0, count: 1 };

export function toFlowEdge(
  link: Link,
  previous: FlowEdge | undefined,
  handles: [HandleId, HandleId],
  bundle: BundlePlace = LONE,
): FlowEdge {
  const [sourceHandle, targetHandle] = handles;
  if (
    previous &&
    previous.data?.link === link &&
    previous.data.bundle.index === bundle.index &&
    previous.data.bundle.count === bundle.count &&
    previous.sourceHandle === sourceHandle &&
    previous.targetHandle === targetHandle
  )
    return previous;
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    sourceHandle,
    targetHandle,
    type: link.kind,
    data: { link, bundle },
    selected: previous?.selected ?? false,
    zIndex: 1,
  };
}

export function syncEdges(design: Design, previous: readonly FlowEdge[]): FlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const bundles = bundlePlaces(design.links);
  return reuse(
    design.links.map((link) => {
      const a = nodes.get(link.source);
      const b = nodes.get(link.target);
      const handles: [HandleId, HandleId] =
        a && b ? handlesFor(center(a, nodes), center(b, nodes)) : ['bottom', 'top'];
      return toFlowEdge(link, byId.get(link.id), handles, bundles.get(link.id));
    }),
    previous,
  );
}
