/**
 * Links that turn while a device is dragged (studio.ts, onNodesChange): loaded with the element
 * components (elementChunk.ts), which must be there before anything can be dragged, so the first
 * screen does not carry it. Until it is registered a drag turns no link and the drop re-chooses
 * the sides (syncEdges): the same drawing, one more React Flow update at the drop.
 */
import type { Design, DesignNode } from '../model/schema';
import type { Link } from '../model/schema';
import { nodeById } from '../model/byId';
import { center, handlesFor, previousOf, type FlowEdge, type FlowNode } from './flow';

/** Where each element stands in the design's node list, made once per nodes array. */
const indexesOf = new WeakMap<readonly DesignNode[], ReadonlyMap<string, number>>();
function nodeIndexById(nodes: readonly DesignNode[]): ReadonlyMap<string, number> {
  let index = indexesOf.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n, i) => [n.id, i]));
    indexesOf.set(nodes, index);
  }
  return index;
}

/** Each element's links (their indexes in the design's list), made once per links array. */
const linksAtOf = new WeakMap<readonly Link[], ReadonlyMap<string, readonly number[]>>();
function linksAt(links: readonly Link[]): ReadonlyMap<string, readonly number[]> {
  let at = linksAtOf.get(links);
  if (!at) {
    const made = new Map<string, number[]>();
    const add = (id: string, i: number) => {
      const list = made.get(id);
      if (!list) made.set(id, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    links.forEach((link, i) => {
      add(link.source, i);
      add(link.target, i);
    });
    at = made;
    linksAtOf.set(links, at);
  }
  return at;
}

/** Each site's devices, made once per nodes array. */
const devicesInOf = new WeakMap<readonly DesignNode[], ReadonlyMap<string, readonly string[]>>();
function devicesIn(nodes: readonly DesignNode[]): ReadonlyMap<string, readonly string[]> {
  let byParent = devicesInOf.get(nodes);
  if (!byParent) {
    const made = new Map<string, string[]>();
    for (const n of nodes)
      if (n.kind !== 'site') {
        const list = made.get(n.parentId);
        if (list) list.push(n.id);
        else made.set(n.parentId, [n.id]);
      }
    byParent = made;
    devicesInOf.set(nodes, byParent);
  }
  return byParent;
}

const everyLink = () => true;

/**
 * The edges with the handles their links' ends call for where the canvas shows them now, mid-drag:
 * `moved` are the nodes whose position changed (a moved site moves its devices); only the links
 * `showsSides` tells are drawn from their handles turn (one drawn along its route shows no
 * side). Only a link whose sides change gets a new edge (with no record of what it was chosen from, so the next
 * sync re-chooses from the design); the same array back when none does. A drop then finds every
 * handle already chosen from the positions it commits, and hands React Flow the same edges:
 * the frame after the pointer-up pays for no edge index rebuild.
 */
export function withLiveHandles(
  design: Design,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  moved: ReadonlySet<string>,
  showsSides: (linkId: string) => boolean = everyLink,
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
  // Only the links of the moved elements and of the devices in a moved site (a device's place
  // is relative to its site): a move costs its own links, not the design's.
  const at = linksAt(design.links);
  const inSite = devicesIn(design.nodes);
  const touched = new Set<number>();
  const touch = (id: string) => {
    for (const i of at.get(id) ?? []) touched.add(i);
  };
  for (const id of moved) {
    touch(id);
    for (const device of inSite.get(id) ?? []) touch(device);
  }
  let next: FlowEdge[] | null = null;
  for (const i of touched) {
    const link = design.links[i];
    const edge = edges[i];
    if (!link || !edge || edge.id !== link.id || !edge.data || !showsSides(link.id)) continue;
    const a = live(link.source);
    const b = live(link.target);
    if (!a || !b) continue;
    const sites = new Map<string, DesignNode>();
    for (const end of [a, b])
      if (end.kind !== 'site') {
        const site = live(end.parentId);
        if (site) sites.set(site.id, site);
      }
    const handles = handlesFor(center(a, sites), center(b, sites));
    if (edge.sourceHandle === handles[0] && edge.targetHandle === handles[1]) continue;
    next ??= [...edges];
    next[i] = {
      ...edge,
      sourceHandle: handles[0],
      targetHandle: handles[1],
      data: { bundle: edge.data.bundle },
    };
  }
  return next ?? (edges as FlowEdge[]);
}

/** What the store needs of the canvas's state to turn links (studio.ts passes useStudio). */
interface LinkStore {
  getState(): {
    readonly design: Design;
    readonly nodes: FlowNode[];
    readonly edges: FlowEdge[];
  };
  setState(patch: { edges: FlowEdge[] }): void;
}

/**
 * Turns the links of dragged elements: `moved` on each drag move; `flush` turns those still to
 * turn now, `forget` leaves them to the drop's commit (which re-chooses the sides of every link
 * whose end moved, so turning them first would only cost one more store update).
 */
export interface LinkTurner {
  moved(ids: readonly string[]): void;
  flush(): void;
  forget(): void;
}

/**
 * Elements a drag moved whose links have not turned yet. A link that turns hands React Flow new
 * edges, and React Flow then rebuilds its index of every edge (a few milliseconds at 2,000
 * links, the longest frames of a drag at 3,000 elements): the turn comes in a task of its own
 * just after the frame that shows the move, so that frame does not wait for it, but delays the
 * next (20 ms of main-thread CPU at 3,000 elements). Links drawn along their routes do not show
 * the sides, the straight lines of the first moments do: only the links `showsSides` tells turn,
 * and the drop's commit, after the frame that shows it, gives the others their sides.
 */
export function linkTurner(
  store: LinkStore,
  showsSides: (linkId: string) => boolean = everyLink,
): LinkTurner {
  let unturned = new Set<string>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (unturned.size === 0) return;
    const moved = unturned;
    unturned = new Set();
    const state = store.getState();
    const edges = withLiveHandles(state.design, state.nodes, state.edges, moved, showsSides);
    if (edges !== state.edges) store.setState({ edges });
  };
  return {
    flush,
    forget() {
      unturned = new Set();
    },
    moved(ids) {
      for (const id of ids) unturned.add(id);
      if (scheduled || unturned.size === 0) return;
      scheduled = true;
      if (typeof requestAnimationFrame === 'function')
        requestAnimationFrame(() => setTimeout(flush, 0));
      else setTimeout(flush, 0);
    },
  };
}
