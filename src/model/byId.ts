/**
 * A design's elements by id, one map per array of the design, made on first use and kept while
 * the array lives. Edits replace only the arrays they change (edits.ts), so the designs of an
 * editing session and its undo history share the maps of the arrays they share. The canvas
 * (store/flow.ts), the names of elements (labels.ts) and the validator's index (rules/graph.ts)
 * all look elements up here: on a 3,000-element design each kept maps of its own, five maps of
 * the same links alive at once.
 */
import type { DesignNode, Link, Segment, StorageArray, Volume, Workload } from './schema';

/** A volume with the storage array that holds it. */
export interface VolumeRef {
  readonly array: StorageArray;
  readonly volume: Volume;
}

const nodesOf = new WeakMap<readonly DesignNode[], ReadonlyMap<string, DesignNode>>();
const linksOf = new WeakMap<readonly Link[], ReadonlyMap<string, Link>>();
const segmentsOf = new WeakMap<readonly Segment[], ReadonlyMap<string, Segment>>();
const workloadsOf = new WeakMap<readonly Workload[], ReadonlyMap<string, Workload>>();
const volumesOf = new WeakMap<readonly DesignNode[], ReadonlyMap<string, VolumeRef>>();

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    cache.set(key, value);
  }
  return value;
}

function byId<T extends { readonly id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of list) map.set(item.id, item);
  return map;
}

/** The nodes by id (made once per nodes array). */
export function nodeById(nodes: readonly DesignNode[]): ReadonlyMap<string, DesignNode> {
  return memo(nodesOf, nodes, byId);
}

/** The links by id (made once per links array). */
export function linkById(links: readonly Link[]): ReadonlyMap<string, Link> {
  return memo(linksOf, links, byId);
}

/** The segments by id (made once per segments array). */
export function segmentById(segments: readonly Segment[]): ReadonlyMap<string, Segment> {
  return memo(segmentsOf, segments, byId);
}

/** The workloads by id (made once per workloads array). */
export function workloadById(workloads: readonly Workload[]): ReadonlyMap<string, Workload> {
  return memo(workloadsOf, workloads, byId);
}

/** The storage arrays' volumes by id, each with its array (made once per nodes array). */
export function volumeById(nodes: readonly DesignNode[]): ReadonlyMap<string, VolumeRef> {
  return memo(volumesOf, nodes, (list) => {
    const map = new Map<string, VolumeRef>();
    for (const n of list)
      if (n.kind === 'array')
        for (const volume of n.volumes) map.set(volume.id, { array: n, volume });
    return map;
  });
}
