/**
 * Projection between the design and React-Flow-shaped nodes and edges. The store keeps the
 * React Flow nodes; when the design changes, `syncNodes` reuses the previous node object for
 * every element that did not change, so React Flow keeps its measurements and selection and
 * only re-renders what changed.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { nodeById } from '../model/byId';
import { DEVICE_SIZE, KIND_LABELS } from '../model/defaults';
import { bundlePlaces, pairKey, type BundlePlace } from '../model/parallel';
import { sameItems, sameLinkEnds } from '../model/sameValue';
import type { Design, DesignNode, Link } from '../model/schema';

export type FlowNodeData = { element: DesignNode };
export type FlowNode = Node<FlowNodeData>;
/**
 * A link's place among the links joining the same two elements (drawn apart). The link itself
 * is not in the edge: its component reads it from the design (`linkById`), so an edit of a
 * link's fields (a distance, a label) leaves the edges as they are and React Flow, which
 * rebuilds its edge index and re-runs every edge's selectors when the edges change, sees nothing.
 */
export type FlowEdgeData = {
  bundle: BundlePlace;
  /** The sizes of the link's two ends (a device's, a site's), for its line before the route. */
  ends: readonly [Size, Size];
};
export type FlowEdge = Edge<FlowEdgeData>;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Side of a connection handle, as drawn by `.react-flow__handle` in index.css. */
export const HANDLE_PX = 9;

/**
 * The id of the handle at a node's centre, its first: an edge names no handle, so React Flow
 * places each end at this one (the node's centre), and the edge draws its line before the route
 * from the sides that face each other (edges.tsx, `facingEnds`). Edges that named the side
 * handles they left by made React Flow's index of the edges half as large again (a map per
 * handle), rebuilt on every change of the edges: 9–14 ms against the plain page's 3–5 at 3,000
 * elements, on every undo, delete and paste; and a drag turned them as it went.
 */
export const CENTER_HANDLE = 'center';

/**
 * Each side of a box, the one source for where a side handle sits and where a link's end meets
 * it: React Flow's position for the side, the side's middle as a fraction of the box's size
 * (from its top-left), and the way out of the box.
 */
const SIDES: Readonly<
  Record<HandleId, { position: Position; fx: number; fy: number; outX: number; outY: number }>
> = {
  top: { position: Position.Top, fx: 0.5, fy: 0, outX: 0, outY: -1 },
  left: { position: Position.Left, fx: 0, fy: 0.5, outX: -1, outY: 0 },
  right: { position: Position.Right, fx: 1, fy: 0.5, outX: 1, outY: 0 },
  bottom: { position: Position.Bottom, fx: 0.5, fy: 1, outX: 0, outY: 1 },
};
const SIDE_ORDER: readonly HandleId[] = ['top', 'left', 'right', 'bottom'];

/**
 * A node's handles where its box draws them: its centre first (CENTER_HANDLE), then one centred
 * on each side (a device card, a site), so React Flow can place its links before it has
 * measured the box, and draws them with it.
 */
function sideHandles(width: number, height: number): NodeHandle[] {
  const half = HANDLE_PX / 2;
  return [
    {
      id: CENTER_HANDLE,
      type: 'source',
      position: Position.Top,
      x: width / 2,
      y: height / 2,
      width: 0,
      height: 0,
    },
    ...SIDE_ORDER.map((id): NodeHandle => {
      const side = SIDES[id];
      return {
        id,
        type: 'source',
        position: side.position,
        x: side.fx * width - half,
        y: side.fy * height - half,
        width: HANDLE_PX,
        height: HANDLE_PX,
      };
    }),
  ];
}

const DEVICE_HANDLES = sideHandles(DEVICE_SIZE.width, DEVICE_SIZE.height);

export function toFlowNode(element: DesignNode, previous: FlowNode | undefined): FlowNode {
  if (previous && previous.data.element === element) return previous;
  const base = {
    id: element.id,
    position: element.position,
    data: { element },
    selected: previous?.selected ?? false,
    // What a screen reader says of the focused node: "Host cluster: esx-prod-a", where React
    // Flow's node, a group with no name, read out the whole card.
    ariaLabel: `${KIND_LABELS[element.kind]}: ${element.label || element.id}`,
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
      handles: sideHandles(element.width, element.height),
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

/**
 * The previous item with an id: nearly always at the same index (the flow keeps the design's
 * order), so no map of every item is built unless the order changed.
 */
export function previousOf<T extends { readonly id: string }>(
  previous: readonly T[],
): (id: string, index: number) => T | undefined {
  let byId: Map<string, T> | null = null;
  // How far the items moved: after a delete or an insert, the next items are that far from
  // their index (found by looking a few items ahead), so no map of every item is built.
  let shift = 0;
  return (id, index) => {
    const at = previous[index + shift];
    if (at?.id === id) return at;
    if (!byId)
      for (let k = index + shift + 1; k <= index + shift + LOOK_AHEAD; k++) {
        const ahead = previous[k];
        if (ahead === undefined) break;
        if (ahead.id === id) {
          shift = k - index;
          return ahead;
        }
      }
    byId ??= new Map(previous.map((p) => [p.id, p]));
    return byId.get(id);
  };
}

/** How many items ahead previousOf and changedLinks look for an item that moved. */
const LOOK_AHEAD = 128;

/**
 * Each item's previous item with its id, for items in the flow's order: found as previousOf
 * finds them, but an item found nowhere ahead is first taken to be new (a paste appends its
 * copies, an undo of a delete puts them back among the others), and a map of every previous
 * item is made only when some previous item was not met on the way (it may have moved far):
 * then the items taken to be new are looked up in it. A paste or an undo of a delete made that
 * map of every node and every edge in the frame that shows it. Past LOOK_AHEAD items taken to
 * be new (another design), the map is made and the rest looked up in it.
 */
export function previousItems<T extends { readonly id: string }>(
  items: readonly { readonly id: string }[],
  previous: readonly T[],
): (T | undefined)[] {
  const out: (T | undefined)[] = new Array<T | undefined>(items.length);
  const missed: number[] = [];
  let byId: Map<string, T> | null = null;
  let met = 0;
  let j = 0;
  for (let i = 0; i < items.length; i++) {
    const id = (items[i] as { readonly id: string }).id;
    if (byId) {
      out[i] = byId.get(id);
      continue;
    }
    let found: T | undefined;
    for (let k = j; k < j + LOOK_AHEAD && k < previous.length; k++)
      if ((previous[k] as T).id === id) {
        found = previous[k];
        j = k + 1;
        break;
      }
    out[i] = found;
    if (found) met++;
    else if (missed.push(i) > LOOK_AHEAD) byId = new Map(previous.map((p) => [p.id, p]));
  }
  if (missed.length > 0 && met < previous.length) {
    byId ??= new Map(previous.map((p) => [p.id, p]));
    for (const i of missed) out[i] = byId.get((items[i] as { readonly id: string }).id);
  }
  return out;
}

export function syncNodes(design: Design, previous: readonly FlowNode[]): FlowNode[] {
  const before = previousItems(design.nodes, previous);
  return reuse(
    design.nodes.map((element, i) => toFlowNode(element, before[i])),
    previous,
  );
}

export type HandleId = 'top' | 'bottom' | 'left' | 'right';

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

/**
 * Where a node's side handle places a link's end (React Flow's point for the handle: the middle
 * of its outer edge): the middle of the side, just outside it. `c` is the box's centre.
 */
function sidePoint(
  c: { x: number; y: number },
  size: Size,
  id: HandleId,
): { x: number; y: number } {
  const side = SIDES[id];
  const half = HANDLE_PX / 2;
  return {
    x: c.x + (side.fx - 0.5) * size.width + side.outX * half,
    y: c.y + (side.fy - 0.5) * size.height + side.outY * half,
  };
}

/**
 * A link's ends before its route arrives, from its two ends' centres (where React Flow places
 * an edge that names no handle: CENTER_HANDLE) and sizes: the middles of the sides that face
 * each other (handlesFor), where the side handles sit. Worked out as the edge is drawn, so a
 * straight line turns to face its other end while a device is dragged.
 */
export function facingEnds(
  source: { x: number; y: number },
  target: { x: number; y: number },
  ends: readonly [Size, Size],
): { source: { x: number; y: number }; target: { x: number; y: number } } {
  const [from, to] = handlesFor(source, target);
  return { source: sidePoint(source, ends[0], from), target: sidePoint(target, ends[1], to) };
}

const LONE: BundlePlace = { index: 0, count: 1 };

/** The ends of a link between two devices (most links): both a device's card. */
export const DEVICE_ENDS: readonly [Size, Size] = [DEVICE_SIZE, DEVICE_SIZE];

const sameSize = (a: Size, b: Size) => a.width === b.width && a.height === b.height;

/** The size a link's end is drawn at: a device's card, a site's box. */
function sizeOf(element: DesignNode | undefined): Size {
  return element?.kind === 'site' ? { width: element.width, height: element.height } : DEVICE_SIZE;
}

export function toFlowEdge(
  link: Link,
  previous: FlowEdge | undefined,
  ends: readonly [Size, Size] = DEVICE_ENDS,
  bundle: BundlePlace = LONE,
): FlowEdge {
  if (
    previous?.data &&
    previous.source === link.source &&
    previous.target === link.target &&
    previous.type === link.kind &&
    previous.data.bundle.index === bundle.index &&
    previous.data.bundle.count === bundle.count &&
    sameSize(previous.data.ends[0], ends[0]) &&
    sameSize(previous.data.ends[1], ends[1])
  )
    return previous;
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    type: link.kind,
    data: { bundle, ends },
    selected: previous?.selected ?? false,
    zIndex: 1,
  };
}

/**
 * Whether two link lists give the same edges on the same nodes: the same links in the same
 * order, each joining the same ends as the same kind, which is all an edge (`toFlowEdge`) and
 * the bundles (`bundlePlaces`) read of a link. An edit of a link's other fields (a distance, a
 * label) then leaves the edges as they are, without a pass over them (flow.test.ts holds this to
 * `syncEdges`).
 */
export function sameEdgeLinks(a: readonly Link[], b: readonly Link[]): boolean {
  return sameItems(a, b, sameLinkEnds);
}

/** Links' bundle places, kept per links array: most edits leave it as it was. */
const bundlesOf = new WeakMap<readonly Link[], BundleIndex>();

/** Each link's place in its bundle, by link id (the links of the array it was made for). */
export interface BundleIndex {
  get(id: string): BundlePlace | undefined;
}

/** The links array whose bundle places were worked out last, and them: the next starts there. */
let lastBundles: { readonly links: readonly Link[]; readonly places: Layered } | null = null;

/** Bundle places as a change of those of an earlier links array (at most MAX_LAYERS deep). */
interface Layered extends BundleIndex {
  readonly depth: number;
}
const MAX_LAYERS = 8;
/** More links changed than this: the places are worked out whole again. */
const MAX_CHANGED = 512;

function whole(links: readonly Link[]): Layered {
  const places = bundlePlaces(links);
  return { depth: 0, get: (id) => places.get(id) };
}

/**
 * The links of `after` not in `before` and those of `before` not in `after`, as objects (an
 * edit keeps the links it does not change): found by walking both arrays in step, and where
 * they part, finding the next link of `after` in `before` (a few links ahead, else in a map of
 * `before` made then). Null when more than MAX_CHANGED differ.
 */
function changedLinks(before: readonly Link[], after: readonly Link[]): Link[] | null {
  const changed: Link[] = [];
  let at: Map<Link, number> | null = null;
  /**
   * Where `link` is in `before` from `from` on, or -1. Not a few links ahead, a link is taken to
   * be new while `after` has more links left than `before` (links were added here: a paste, an
   * undo of a delete), without a map of every link; taken so wrongly (it moved far back), it is
   * only counted as changed, as its old place is then, and its bundle worked out again.
   */
  const indexInBefore = (link: Link, from: number, left: number) => {
    for (let k = from; k < from + LOOK_AHEAD && k < before.length; k++)
      if (before[k] === link) return k;
    if (left > before.length - from + 1) return -1;
    at ??= new Map(before.map((l, k) => [l, k]));
    return at.get(link) ?? -1;
  };
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i];
    const a = after[j];
    if (b !== undefined && b === a) {
      i++;
      j++;
      continue;
    }
    if (changed.length > MAX_CHANGED) return null;
    if (a === undefined) {
      // Links gone from the end.
      changed.push(b as Link);
      i++;
      continue;
    }
    const k = indexInBefore(a, i + 1, after.length - j);
    if (k > i) {
      // Links gone (a delete): `a` comes later in before.
      for (; i < k; i++) changed.push(before[i] as Link);
    } else {
      // A link new to after (a paste, an undo of a delete), or one moved back.
      changed.push(a);
      j++;
    }
  }
  return changed;
}

/**
 * The bundle places of `after` from those of `before`: only the bundles of the links that came
 * or went (or changed) are worked out again, by the same rule as bundlePlaces; a link of any
 * other bundle keeps its place, since its bundle has the same links in the same order.
 */
function bundlesAfter(
  before: readonly Link[],
  places: Layered,
  after: readonly Link[],
): Layered | null {
  if (places.depth >= MAX_LAYERS) return null;
  const changed = changedLinks(before, after);
  if (!changed) return null;
  const keys = new Set(changed.map(pairKey));
  const ends = new Set(changed.flatMap((l) => [l.source, l.target]));
  // The links of the bundles touched, in design order: their places by bundlePlaces itself.
  const touched = after.filter(
    (l) => ends.has(l.source) && ends.has(l.target) && keys.has(pairKey(l)),
  );
  const own = bundlePlaces(touched);
  return { depth: places.depth + 1, get: (id) => own.get(id) ?? places.get(id) };
}

/**
 * Each link's place in its bundle, kept per links array; a new array's from the last one's
 * (bundlesAfter): a delete or a paste grouped every link of the design again.
 */
export function bundlesFor(links: readonly Link[]): BundleIndex {
  const known = bundlesOf.get(links);
  if (known) return known;
  const places =
    (lastBundles && bundlesAfter(lastBundles.links, lastBundles.places, links)) ?? whole(links);
  bundlesOf.set(links, places);
  lastBundles = { links, places };
  return places;
}

export function syncEdges(design: Design, previous: readonly FlowEdge[]): FlowEdge[] {
  const previousEdge = previousItems(design.links, previous);
  const nodes = nodeById(design.nodes);
  const bundles = bundlesFor(design.links);
  return reuse(
    design.links.map((link, i) => {
      const a = nodes.get(link.source);
      const b = nodes.get(link.target);
      const ends: readonly [Size, Size] =
        a?.kind === 'site' || b?.kind === 'site' ? [sizeOf(a), sizeOf(b)] : DEVICE_ENDS;
      return toFlowEdge(link, previousEdge[i], ends, bundles.get(link.id));
    }),
    previous,
  );
}
