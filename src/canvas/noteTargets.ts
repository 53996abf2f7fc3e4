/**
 * Where a note's target is drawn now: a node where the canvas shows it (mid-drag too), a link at
 * its routed label or the middle of its route. The callout is drawn to this box with the same
 * function the exports use (render/notes.ts), so it follows its target as it moves.
 */
import { DEVICE_SIZE } from '../model/defaults';
import { connectorAnchorBox } from '../render/callouts';
import type { Box, Connector } from '../render/types';
import type { FlowEdge, FlowNode } from '../store/flow';

const boxCache = new WeakMap<readonly FlowNode[], ReadonlyMap<string, Box>>();

/** Absolute boxes of every node as the canvas shows them, once per nodes array. */
export function liveBoxes(nodes: readonly FlowNode[]): ReadonlyMap<string, Box> {
  let boxes = boxCache.get(nodes);
  if (boxes) return boxes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, Box>();
  for (const n of nodes) {
    const element = n.data.element;
    if (element.kind === 'site') {
      out.set(n.id, {
        x: n.position.x,
        y: n.position.y,
        width: n.width ?? element.width,
        height: n.height ?? element.height,
      });
    } else {
      const site = n.parentId ? byId.get(n.parentId) : undefined;
      out.set(n.id, {
        x: (site?.position.x ?? 0) + n.position.x,
        y: (site?.position.y ?? 0) + n.position.y,
        width: DEVICE_SIZE.width,
        height: DEVICE_SIZE.height,
      });
    }
  }
  boxes = out;
  boxCache.set(nodes, boxes);
  return boxes;
}

const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * The box a note pointing at `targetId` points at, or null when it is no element on the canvas.
 * A link not routed yet is taken at the middle of the line between its ends.
 */
export function targetBox(
  targetId: string,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  routes: ReadonlyMap<string, Connector>,
): Box | null {
  const boxes = liveBoxes(nodes);
  const node = boxes.get(targetId);
  if (node) return node;
  const edge = edges.find((e) => e.id === targetId);
  if (!edge) return null;
  const route = routes.get(targetId);
  if (route) return connectorAnchorBox(route);
  const a = boxes.get(edge.source);
  const b = boxes.get(edge.target);
  if (!a || !b) return null;
  return connectorAnchorBox({ points: [center(a), center(b)], label: null });
}

/** A box as a string, so a selector that returns it re-renders only when it changes. */
export const boxKey = (b: Box | null): string =>
  b === null ? '' : `${b.x},${b.y},${b.width},${b.height}`;

export function parseBoxKey(key: string): Box | null {
  if (key === '') return null;
  const [x = 0, y = 0, width = 0, height = 0] = key.split(',').map(Number);
  return { x, y, width, height };
}
