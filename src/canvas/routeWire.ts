/**
 * What crosses between the canvas and its link router (routes.ts ↔ routes.worker.ts). A drag
 * sends the design on most moves and gets its connectors back: structured-cloning a
 * 3,000-element design or its 2,000 connectors took 20–80 ms of the main thread per message at
 * that size, a frame or more each. So each side keeps what it last sent, and the other what it
 * last received, and only what changed crosses: the elements that moved, the connectors whose
 * drawing changed. Messages arrive in order and every one is decoded (even an answer to a job
 * a newer one superseded), so both ends always hold the same thing.
 */
import type { Design, DesignNode } from '../model/schema';
import { sameLabel } from '../render/diagram';
import { sameRoute } from '../render/packed';
import type { Connector } from '../render/types';

/** A design: whole, or the elements that differ from the previous one sent (by index). */
export type DesignDelta =
  { readonly design: Design } | { readonly nodes: readonly (readonly [number, DesignNode])[] };

/**
 * The sending end of designs: a design whose fields are all the previous one's except its
 * elements, and whose elements are as many, crosses as the elements that changed.
 */
export function designSender(): (design: Design) => DesignDelta {
  let previous: Design | null = null;
  return (design) => {
    const before = previous;
    previous = design;
    if (!before || !sameButNodes(before, design)) return { design };
    const nodes: [number, DesignNode][] = [];
    design.nodes.forEach((node, i) => {
      if (node !== before.nodes[i]) nodes.push([i, node]);
    });
    // Most of the elements changed (a layout, a paste over everything): whole is as cheap.
    return nodes.length * 2 > design.nodes.length ? { design } : { nodes };
  };
}

function sameButNodes(a: Design, b: Design): boolean {
  if (a.nodes.length !== b.nodes.length) return false;
  const keys = Object.keys(b) as (keyof Design)[];
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((key) => key === 'nodes' || a[key] === b[key]);
}

/** The receiving end of designSender: each design whole again. */
export function designReceiver(): (delta: DesignDelta) => Design {
  let previous: Design | null = null;
  return (delta) => {
    if ('design' in delta) previous = delta.design;
    else {
      if (!previous) throw new Error('a design change arrived before any design');
      const nodes = [...previous.nodes];
      for (const [i, node] of delta.nodes) nodes[i] = node;
      previous = { ...previous, nodes };
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
