/**
 * Derived facts the canvas asks for on every store update (a drag updates the store each
 * frame): each is computed once per array it derives from and then read in O(1), so no node's
 * selector walks the whole design on a pointer move.
 */
import type { DesignNode, Workload } from '../model/schema';
import type { FlowNode } from './flow';

function memoByArray<A extends object, R>(derive: (from: A) => R): (from: A) => R {
  const cache = new WeakMap<A, R>();
  return (from) => {
    let value = cache.get(from);
    if (value === undefined) {
      value = derive(from);
      cache.set(from, value);
    }
    return value;
  };
}

/** Devices per site id. */
export const deviceCountBySite = memoByArray(
  (nodes: readonly DesignNode[]): ReadonlyMap<string, number> => {
    const counts = new Map<string, number>();
    for (const n of nodes)
      if (n.kind !== 'site') counts.set(n.parentId, (counts.get(n.parentId) ?? 0) + 1);
    return counts;
  },
);

/** How many nodes are selected. */
export const selectedNodeCount = memoByArray((nodes: readonly FlowNode[]): number => {
  let count = 0;
  for (const n of nodes) if (n.selected) count++;
  return count;
});

/**
 * The id of the one selected node, or null when none or several are: a device card shows its
 * handles when it is the one selected, which it reads here rather than from its `selected`
 * prop, so a select-all does not re-render every card.
 */
export const soleSelectedNodeId = memoByArray((nodes: readonly FlowNode[]): string | null => {
  let sole: string | null = null;
  for (const n of nodes) {
    if (!n.selected) continue;
    if (sole !== null) return null;
    sole = n.id;
  }
  return sole;
});

let lastByCluster: ReadonlyMap<string, readonly Workload[]> = new Map();
/**
 * Workloads per cluster id. A cluster's list keeps its identity while its workloads are the
 * same objects, so an edit of one workload re-renders only the cluster that shows it.
 */
export const workloadsByCluster = memoByArray(
  (workloads: readonly Workload[]): ReadonlyMap<string, readonly Workload[]> => {
    const lists = new Map<string, Workload[]>();
    for (const w of workloads) {
      const list = lists.get(w.clusterId);
      if (list) list.push(w);
      else lists.set(w.clusterId, [w]);
    }
    const result = new Map<string, readonly Workload[]>();
    for (const [id, list] of lists) {
      const previous = lastByCluster.get(id);
      const same =
        previous !== undefined &&
        previous.length === list.length &&
        previous.every((w, i) => w === list[i]);
      result.set(id, same ? previous : list);
    }
    lastByCluster = result;
    return result;
  },
);

/** The farthest zoom-out React Flow allows by default here; large estates need farther. */
const DEFAULT_MIN_ZOOM = 0.05;
/** A canvas no smaller than this (px) must be able to show the whole design. */
const SMALLEST_CANVAS = { width: 480, height: 320 } as const;

/**
 * How far out the view may zoom: far enough that fit view and the minimap can show every site
 * of the design on a small canvas, and never less far than the default.
 */
export const minZoomFor = memoByArray((nodes: readonly DesignNode[]): number => {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    if (n.kind !== 'site') continue;
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + n.width);
    maxY = Math.max(maxY, n.position.y + n.height);
  }
  if (minX === Infinity) return DEFAULT_MIN_ZOOM;
  const fit = Math.min(
    SMALLEST_CANVAS.width / (maxX - minX),
    SMALLEST_CANVAS.height / (maxY - minY),
  );
  return Math.min(DEFAULT_MIN_ZOOM, Math.max(0.001, fit * 0.8));
});
