/**
 * A connector as the canvas keeps it while it shows a design (src/canvas/routes.ts): the same
 * connector (./types.ts), with its route held as one array of numbers (x and y of each point
 * in turn) instead of an array of {x, y} objects. At 3,000 elements the canvas keeps ~2,200
 * routes, ~14,000 points: as objects each point took ~40 bytes of heap (the object, its slot,
 * a number box for each coordinate that is not a small integer), packed 16.
 *
 * `points` reads the same numbers back, as a new array on each read: the canvas reads them
 * rarely (an edge writes a route's path once while it is drawn, drawnPath.ts; a note's callout;
 * a label placed again). Keep it a connector like any other: build copies field by field
 * (`connectorWith`), never with an object spread, which would leave `points` behind (it is read
 * through the class, not held by the object); JSON and `plainConnector` give the plain connector.
 */
import type { Connector, ConnectorLabel, Point } from './types';

export class PackedConnector implements Connector {
  readonly id: string;
  readonly kind: Connector['kind'];
  readonly source: string;
  readonly target: string;
  /** The route's points, x and y of each in turn. */
  readonly route: readonly number[];
  readonly l3Only: boolean;
  readonly label: ConnectorLabel | null;

  constructor(c: Connector) {
    this.id = c.id;
    this.kind = c.kind;
    this.source = c.source;
    this.target = c.target;
    this.route = c instanceof PackedConnector ? c.route : pack(c.points);
    this.l3Only = c.l3Only;
    this.label = c.label;
  }

  get points(): Point[] {
    const r = this.route;
    const out = new Array<Point>(r.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = { x: r[2 * i] ?? 0, y: r[2 * i + 1] ?? 0 };
    return out;
  }

  toJSON(): Connector {
    return plainConnector(this);
  }
}

/** The points x and y in turn, in an array of exactly that length (no spare capacity). */
function pack(points: readonly Point[]): number[] {
  const out = new Array<number>(2 * points.length);
  points.forEach((p, i) => {
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  return out;
}

/** The connector packed (itself when it is). */
export function packedConnector(c: Connector): PackedConnector {
  return c instanceof PackedConnector ? c : new PackedConnector(c);
}

/** The connector as plain data, fields in the order renderDiagram writes them. */
export function plainConnector(c: Connector): Connector {
  return connectorWith(c, {});
}

/**
 * A copy of a connector with some fields changed: plain data, whatever the connector's form
 * (an object spread of a packed connector would lose its points).
 */
export function connectorWith(
  c: Connector,
  changes: Partial<Pick<Connector, 'l3Only' | 'label'>>,
): Connector {
  return {
    id: c.id,
    kind: c.kind,
    source: c.source,
    target: c.target,
    points: c.points,
    l3Only: changes.l3Only ?? c.l3Only,
    label: 'label' in changes ? (changes.label ?? null) : c.label,
  };
}

/** Whether two connectors' routes have the same points (packed ones compare their numbers). */
export function sameRoute(a: Connector, b: Connector): boolean {
  if (a instanceof PackedConnector && b instanceof PackedConnector) {
    const p = a.route;
    const q = b.route;
    if (p.length !== q.length) return false;
    for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
    return true;
  }
  const p = a.points;
  const q = b.points;
  if (p.length !== q.length) return false;
  for (let i = 0; i < p.length; i++) {
    const s = p[i] as Point;
    const t = q[i] as Point;
    if (s.x !== t.x || s.y !== t.y) return false;
  }
  return true;
}
