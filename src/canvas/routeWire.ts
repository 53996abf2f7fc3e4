/**
 * What crosses between the canvas and its link router (routes.ts ↔ routes.worker.ts). A drag
 * sends the design on most moves and gets its connectors back: structured-cloning a
 * 3,000-element design or its 2,000 connectors took 20–80 ms of the main thread per message at
 * that size, a frame or more each. So each side keeps what it last sent, and the other what it
 * last received, and only what changed crosses: the elements that moved, the connectors whose
 * drawing changed. Messages arrive in order and every one is decoded (even an answer to a job
 * a newer one superseded), so both ends always hold the same thing.
 */
import type { Design } from '../model/schema';
import { sameLabel } from '../render/diagram';
import { sameRoute } from '../render/packed';
import type { Connector } from '../render/types';

/**
 * A list of the design (its elements, its links…) as a change of the previous one: the items
 * at some indices (as many items as before: a drag), or the items that replace a stretch of
 * it (`drop` items after the first `keep`: a delete, a paste, an undo of either).
 */
export type ListDelta<T> =
  | { readonly at: readonly (readonly [number, T])[] }
  | { readonly keep: number; readonly drop: number; readonly insert: readonly T[] };

/**
 * A design: whole, or as a change of the previous one sent: the fields that are other objects
 * (`fields`), a list among them as the items that changed (`lists`).
 */
export type DesignDelta =
  | { readonly design: Design }
  | {
      readonly fields: readonly (readonly [keyof Design, unknown])[];
      readonly lists: readonly (readonly [keyof Design, ListDelta<unknown>])[];
    };

/**
 * The change from one list to the next: by index when as long (only the items that differ);
 * else the stretch between the items both start with and those both end with (one object).
 */
function listDelta<T>(before: readonly T[], after: readonly T[]): ListDelta<T> {
  if (before.length === after.length) {
    const at: [number, T][] = [];
    after.forEach((item, i) => {
      if (item !== before[i]) at.push([i, item]);
    });
    return { at };
  }
  const shorter = Math.min(before.length, after.length);
  let keep = 0;
  while (keep < shorter && before[keep] === after[keep]) keep++;
  let tail = 0;
  while (
    tail < shorter - keep &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  return {
    keep,
    drop: before.length - keep - tail,
    insert: after.slice(keep, after.length - tail),
  };
}

const itemsSent = (delta: ListDelta<unknown>) =>
  'at' in delta ? delta.at.length : delta.insert.length;

function applyList<T>(before: readonly T[], delta: ListDelta<T>): T[] {
  if ('at' in delta) {
    const out = [...before];
    for (const [i, item] of delta.at) out[i] = item;
    return out;
  }
  return [
    ...before.slice(0, delta.keep),
    ...delta.insert,
    ...before.slice(delta.keep + delta.drop),
  ];
}

/**
 * The sending end of designs: a design with the fields of the previous one crosses as the
 * fields that are other objects, a list among them as its items that changed. A delete or a
 * paste of 30 devices at 3,000 elements crossed whole (its elements and links are fewer or
 * more): a structured clone of the whole design on the main thread, and another in the worker.
 */
export function designSender(): (design: Design, moved?: MovedNodes) => DesignDelta {
  let previous: Design | null = null;
  return (design, moved) => {
    const before = previous;
    previous = design;
    if (!before || !sameKeys(before, design)) return { design };
    // A drag's move: the nodes it moved, without comparing every node (nor every field).
    if (moved && moved.from === before && sameButNodes(before, design))
      return {
        fields: [],
        lists: [['nodes', { at: moved.nodes.map((i) => [i, design.nodes[i]] as const) }]],
      };
    const fields: [keyof Design, unknown][] = [];
    const lists: [keyof Design, ListDelta<unknown>][] = [];
    let sent = 0;
    let items = 0;
    for (const key of Object.keys(design) as (keyof Design)[]) {
      const a: unknown = before[key];
      const b: unknown = design[key];
      if (Array.isArray(b)) items += b.length;
      if (a === b) continue;
      if (Array.isArray(a) && Array.isArray(b)) {
        const delta = listDelta<unknown>(a, b);
        sent += itemsSent(delta);
        lists.push([key, delta]);
      } else fields.push([key, b]);
    }
    // Most of the design changed (a layout, a paste over everything): whole is as cheap.
    return sent * 2 > items ? { design } : { fields, lists };
  };
}

/**
 * What a design changed from the previous one sent (`from`), when its maker knows: the indices
 * of the nodes that are other objects (a drag's move), every other field being the same.
 */
export interface MovedNodes {
  readonly from: Design;
  readonly nodes: readonly number[];
}

function sameButNodes(a: Design, b: Design): boolean {
  if (a.nodes.length !== b.nodes.length) return false;
  for (const key of Object.keys(b) as (keyof Design)[])
    if (key !== 'nodes' && a[key] !== b[key]) return false;
  return true;
}

function sameKeys(a: Design, b: Design): boolean {
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((key) => key in a);
}

/** The receiving end of designSender: each design whole again. */
export function designReceiver(): (delta: DesignDelta) => Design {
  let previous: Design | null = null;
  return (delta) => {
    if ('design' in delta) previous = delta.design;
    else {
      if (!previous) throw new Error('a design change arrived before any design');
      const next: Record<string, unknown> = { ...previous };
      for (const [key, value] of delta.fields) next[key] = value;
      for (const [key, list] of delta.lists)
        next[key] = applyList(previous[key] as readonly unknown[], list);
      previous = next as unknown as Design;
    }
    return previous;
  };
}

/** Connectors: those that differ from the previous answer's of the same id, and their order. */
export interface ConnectorDelta {
  /** Every id in drawing order when the ids or their order changed; else null. */
  readonly order: readonly string[] | null;
  readonly changed: readonly Connector[];
}

/** The sending end of connectors (the worker). */
export function connectorSender(): (connectors: readonly Connector[]) => ConnectorDelta {
  let previous = new Map<string, Connector>();
  let order: readonly string[] = [];
  return (connectors) => {
    const next = new Map<string, Connector>();
    const changed: Connector[] = [];
    let sameOrder = connectors.length === order.length;
    connectors.forEach((c, i) => {
      const was = previous.get(c.id);
      if (!was || !sameConnector(was, c)) changed.push(c);
      next.set(c.id, c);
      if (sameOrder && order[i] !== c.id) sameOrder = false;
    });
    previous = next;
    if (sameOrder) return { order: null, changed };
    order = connectors.map((c) => c.id);
    return { order, changed };
  };
}

/**
 * The receiving end of connectorSender: the whole list again, a connector that did not change
 * being the same object as in the previous list (so its edge is not redrawn).
 */
export function connectorReceiver(): (delta: ConnectorDelta) => Connector[] {
  let byId = new Map<string, Connector>();
  let order: readonly string[] = [];
  return (delta) => {
    for (const c of delta.changed) byId.set(c.id, c);
    if (delta.order) order = delta.order;
    const out: Connector[] = [];
    for (const id of order) {
      const c = byId.get(id);
      if (!c) throw new Error(`connector ${id} was never sent`);
      out.push(c);
    }
    // Links gone from the drawing are forgotten.
    if (delta.order) byId = new Map(out.map((c) => [c.id, c]));
    return out;
  };
}

/**
 * Whether two connectors draw alike (route, label, line style), field by field: what the wire
 * leaves out, and what keeps an edge's connector object on the canvas (routes.ts, publish). A
 * cache of each connector's JSON cost ~1.5 MB at 3,000 elements, more than the comparison is
 * worth.
 */
export function sameConnector(a: Connector, b: Connector): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.source === b.source &&
    a.target === b.target &&
    a.l3Only === b.l3Only &&
    sameRoute(a, b) &&
    sameLabel(a.label, b.label)
  );
}
