import type { InternalNode } from '@xyflow/react';
import { getNodeDimensions, nodeHasDimensions, type Rect } from '@xyflow/system';
import type { NodeKind } from '../model/schema';
import { isNote, type CanvasNode } from '../store/noteFlow';

const MINIMAP_COLORS: Partial<Record<NodeKind, string>> = {
  spine: '#6366f1',
  tor: '#0ea5e9',
  border: '#14b8a6',
  cluster: '#10b981',
  array: '#f59e0b',
  firewall: '#f43f5e',
  witness: '#8b5cf6',
};

/** The fill a node is drawn with in the minimap: by kind, notes in their yellow. */
export function minimapColor(n: CanvasNode): string {
  return isNote(n) ? '#eab308' : (MINIMAP_COLORS[n.data.element.kind] ?? 'rgba(148,163,184,0.35)');
}

/** A node as the minimap draws it: its box in flow coordinates and its fill. */
export interface MinimapBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
}

/** Every box of one fill, as one SVG path. */
export interface MinimapShape {
  readonly fill: string;
  readonly d: string;
}

/** The minimap's largest size in px (React Flow's own), 4:3. */
export const MINIMAP_MAX = { width: 200, height: 150 } as const;
/** Its smallest: below this it would show too little to steer by. */
const MINIMAP_MIN_WIDTH = 112;
/** The share of the canvas's width and height it may take. */
const MINIMAP_SHARE = { width: 0.24, height: 0.24 } as const;

/**
 * The minimap's size in px for a canvas of `width` × `height` px: React Flow's 200 × 150 on a
 * large canvas (844 px wide at 1,440 × 900), a quarter of a smaller one's width or height, 4:3,
 * and never under 112 × 84. At its fixed size it covered half of the canvas's lower right in a
 * 1,024 × 640 window (a 430 px canvas beside the side panel), and the corner of a design fitted
 * at 1,280 × 720.
 */
export function minimapSize(width: number, height: number): { width: number; height: number } {
  const ratio = MINIMAP_MAX.height / MINIMAP_MAX.width;
  const fits = Math.min(
    MINIMAP_MAX.width,
    width * MINIMAP_SHARE.width,
    (height * MINIMAP_SHARE.height) / ratio,
  );
  const w = Math.round(Math.max(MINIMAP_MIN_WIDTH, fits));
  return { width: w, height: Math.round(w * ratio) };
}

/** The corner radius of a minimap node, in flow units (React Flow's minimap draws 5). */
export const MINIMAP_RADIUS = 5;

/** A tenth of a flow unit: far below what a minimap pixel shows, and a shorter path. */
const round = (v: number) => Math.round(v * 10) / 10;

/** The outline of a box with rounded corners, as an SVG rect with `rx` and `ry` draws it. */
function boxPath(b: MinimapBox, radius: number): string {
  const x = round(b.x);
  const y = round(b.y);
  const w = round(b.width);
  const h = round(b.height);
  const r = round(Math.min(radius, w / 2, h / 2));
  if (r <= 0) return `M${x},${y}h${w}v${h}h${-w}z`;
  const arc = (dx: number, dy: number) => `a${r},${r} 0 0 1 ${dx},${dy}`;
  return (
    `M${round(x + r)},${y}h${round(w - 2 * r)}${arc(r, r)}v${round(h - 2 * r)}${arc(-r, r)}` +
    `h${round(2 * r - w)}${arc(-r, -r)}v${round(2 * r - h)}${arc(r, -r)}z`
  );
}

/**
 * The minimap's drawing: one path per fill, the fills in the order their first node comes (the
 * sites, drawn first, stay under their devices). One path per fill instead of a component, a
 * store subscription and a rect per node: React Flow's minimap kept some 1,000 fibers, hooks and
 * selectors at 1,000 elements, about 1 MB of the studio's JS heap.
 */
export function minimapShapes(
  boxes: Iterable<MinimapBox>,
  radius = MINIMAP_RADIUS,
): MinimapShape[] {
  const paths = new Map<string, string[]>();
  for (const b of boxes) {
    const path = boxPath(b, radius);
    const list = paths.get(b.fill);
    if (list) list.push(path);
    else paths.set(b.fill, [path]);
  }
  return [...paths].map(([fill, list]) => ({ fill, d: list.join('') }));
}

/** The minimap's drawing: the paths, the nodes drawn on their own, and the box around them all. */
export interface MinimapDrawing {
  readonly shapes: readonly MinimapShape[];
  /** Nodes that moved or resized since `shapes` were drawn (a drag's), each drawn on its own. */
  readonly loose: readonly (MinimapBox & { readonly id: string })[];
  /** The box around every node drawn, null when none is. */
  readonly bounds: Rect | null;
}

/** Moved nodes drawn on their own before the paths are drawn again (a drag moves a few). */
const LOOSE_MAX = 32;

/** A node's box and fill as the minimap draws it; null while hidden or not measured. */
function boxOf(node: InternalNode): MinimapBox | null {
  const user = node.internals.userNode;
  if (user.hidden === true || !nodeHasDimensions(user)) return null;
  const { x, y } = node.internals.positionAbsolute;
  const { width, height } = getNodeDimensions(user);
  return { x, y, width, height, fill: minimapColor(user as CanvasNode) };
}

const sameBox = (a: MinimapBox, b: MinimapBox) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function boundsOf(boxes: Iterable<MinimapBox>, start: Rect | null): Rect | null {
  let x0 = start ? start.x : Infinity;
  let y0 = start ? start.y : Infinity;
  let x1 = start ? start.x + start.width : -Infinity;
  let y1 = start ? start.y + start.height : -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * A selector of the minimap's drawing from React Flow's node lookup. It runs on every change of
 * React Flow's store (each frame of a pan or a drag) and answers the same object while no node
 * moved, resized, came, went, hid or changed its fill. Up to `LOOSE_MAX` nodes that moved (a
 * drag's) are drawn on their own and the paths of the others kept: drawing every path again each
 * frame of a drag made its frames slower (drag-drop.ts). A node added, removed, hidden or
 * recoloured draws the paths again; a node added unmeasured (a paste's copies before their first
 * frame) draws nothing until it is measured, and then on its own as a moved one.
 */
export function minimapDrawing(): (s: {
  readonly nodeLookup: ReadonlyMap<string, InternalNode>;
}) => MinimapDrawing {
  /** Each node as the paths drew it, by id (null: hidden or not measured then). */
  let drawn = new Map<string, MinimapBox | null>();
  /** The nodes drawn on their own, by id: left out of the paths. */
  let loose = new Map<string, MinimapBox & { readonly id: string }>();
  let pathBounds: Rect | null = null;
  let drawing: MinimapDrawing = { shapes: [], loose: [], bounds: null };
  /**
   * By place in the node lookup: the node found drawn in the paths as it is (not loose), and
   * its absolute position object. React Flow keeps a node's object while the node does not
   * change (it replaces it when it moves or is measured), so the same object at the same place
   * is read no further: a drag's move reads the boxes of the nodes it moved only, where every
   * node's box was made and compared on each change of React Flow's store (each frame of a pan
   * or a drag: some 3 ms of the main thread a move at 3,000 elements, drag-drop.ts).
   */
  let still: (InternalNode | undefined)[] = [];
  let stillAt: unknown[] = [];
  return ({ nodeLookup }) => {
    // What moved since the paths were drawn, or that the paths must be drawn again (fewer
    // nodes: one went).
    let redraw = nodeLookup.size < drawn.size;
    const moved: (MinimapBox & { readonly id: string })[] = [];
    /** Nodes new since the paths were drawn and not measured yet: nothing of them to draw. */
    const unmeasured: string[] = [];
    let i = -1;
    for (const node of redraw ? [] : nodeLookup.values()) {
      i++;
      if (still[i] === node && stillAt[i] === node.internals.positionAbsolute) continue;
      still[i] = undefined;
      const before = drawn.get(node.id);
      const box = boxOf(node);
      if (before === undefined) {
        // A paste's copies come unmeasured: drawn (on their own) once measured, so the paste's
        // first frame does not draw every path again for nodes that show nothing yet.
        if (box === null) unmeasured.push(node.id);
        else redraw = true;
      } else if (before !== null && (box === null || box.fill !== before.fill)) redraw = true;
      else if (box && (before === null || loose.has(node.id) || !sameBox(before, box)))
        redraw = moved.push({ ...box, id: node.id }) > LOOSE_MAX;
      else if (box) {
        still[i] = node;
        stillAt[i] = node.internals.positionAbsolute;
      }
      if (redraw) break;
    }
    // As many nodes as drawn and new ones: a node drawn went (a node came and one went).
    if (!redraw && nodeLookup.size - unmeasured.length !== drawn.size) redraw = true;
    if (redraw) loose = new Map();
    else {
      for (const id of unmeasured) drawn.set(id, null);
      // The same nodes loose (a node stays loose until the paths are drawn again), where they were.
      // The paths are drawn again without a node that comes loose from them; one they never
      // drew (measured only now: a paste's copies) comes loose without.
      const grew = moved.some((b) => !loose.has(b.id) && drawn.get(b.id) !== null);
      const was = loose;
      if (
        !grew &&
        moved.length === was.size &&
        moved.every((b) => was.has(b.id) && sameBox(was.get(b.id) as MinimapBox, b))
      )
        return drawing;
      loose = new Map(moved.map((b) => [b.id, b]));
      if (!grew) {
        drawing = { ...drawing, loose: moved, bounds: boundsOf(moved, pathBounds) };
        return drawing;
      }
    }
    // Draw the paths again, every node but the loose ones.
    drawn = new Map();
    still = [];
    stillAt = [];
    const boxes: MinimapBox[] = [];
    for (const node of nodeLookup.values()) {
      const box = boxOf(node);
      drawn.set(node.id, box);
      const drawnHere = box !== null && !loose.has(node.id);
      still.push(drawnHere ? node : undefined);
      stillAt.push(drawnHere ? node.internals.positionAbsolute : undefined);
      if (box && drawnHere) boxes.push(box);
    }
    pathBounds = boundsOf(boxes, null);
    drawing = {
      shapes: minimapShapes(boxes),
      loose: [...loose.values()],
      bounds: boundsOf(loose.values(), pathBounds),
    };
    return drawing;
  };
}
