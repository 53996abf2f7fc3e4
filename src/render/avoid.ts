/**
 * libavoid (Adaptagrams; the object-avoiding router JointJS uses), compiled to WebAssembly by
 * libavoid-js: orthogonal connectors that go around every device, with parallel segments
 * nudged apart. Loaded once, on first use (the wasm is ~480 KB and not on the first screen).
 * In the browser the caller passes the wasm's URL; in Node the package finds its own file.
 */
import type { ConnectorRouter, Obstacle, RouteEnd, RouteRequest, Side } from './router';
import type { Point } from './types';

/** The slice of libavoid-js's API used here (its own typings are incomplete). */
interface AvoidPoint {
  x: number;
  y: number;
}
interface AvoidApi {
  Router: new (flags: number) => AvoidRouterRef;
  Point: new (x: number, y: number) => AvoidPoint;
  Rectangle: new (topLeft: AvoidPoint, bottomRight: AvoidPoint) => object;
  ShapeRef: new (router: AvoidRouterRef, poly: object) => object;
  ShapeConnectionPin: new (
    shape: object,
    classId: number,
    x: number,
    y: number,
    proportional: boolean,
    insideOffset: number,
    dirs: number,
  ) => object;
  ConnEnd: { new (point: AvoidPoint): object; new (shape: object, classId: number): object };
  ConnRef: new (router: AvoidRouterRef, src: object, dst: object) => AvoidConnRef;
  destroy(obj: object): void;
  OrthogonalRouting: number;
  ConnDirAll: number;
  ConnDirUp: number;
  ConnDirDown: number;
  ConnDirLeft: number;
  ConnDirRight: number;
  shapeBufferDistance: number;
  idealNudgingDistance: number;
  segmentPenalty: number;
  nudgeOrthogonalSegmentsConnectedToShapes: number;
  nudgeSharedPathsWithCommonEndPoint: number;
  penaliseOrthogonalSharedPathsAtConnEnds: number;
  nudgeOrthogonalTouchingColinearSegments: number;
  performUnifyingNudgingPreprocessingStep: number;
}
interface AvoidRouterRef {
  setRoutingParameter(parameter: number, value: number): void;
  setRoutingOption(option: number, value: boolean): void;
  processTransaction(): void;
}
interface AvoidConnRef {
  displayRoute(): { size(): number; get_ps(i: number): AvoidPoint };
}

/** How far routes keep from devices, and parallel segments from each other (px at zoom 1). */
export const ROUTE_CLEARANCE = 14;
export const PARALLEL_SPACING = 12;

const PIN_CLASS = 1;
/** Ports on a named side each have a class of their own, from this one up. */
const FIRST_PORT_CLASS = 2;

/** Where the k-th of n ports on a side sits, as a fraction of the shape's width and height. */
function portAt(side: Side, k: number, n: number): [number, number] {
  const along = (k + 1) / (n + 1);
  switch (side) {
    case 'top':
      return [along, 0];
    case 'bottom':
      return [along, 1];
    case 'left':
      return [0, along];
    case 'right':
      return [1, along];
  }
}

export function avoidRouter(A: AvoidApi): ConnectorRouter {
  return {
    route(obstacles: readonly Obstacle[], requests: readonly RouteRequest[]) {
      const router = new A.Router(A.OrthogonalRouting);
      router.setRoutingParameter(A.shapeBufferDistance, ROUTE_CLEARANCE);
      router.setRoutingParameter(A.idealNudgingDistance, PARALLEL_SPACING);
      router.setRoutingParameter(A.segmentPenalty, 40);
      router.setRoutingOption(A.nudgeOrthogonalSegmentsConnectedToShapes, false);
      router.setRoutingOption(A.nudgeSharedPathsWithCommonEndPoint, true);
      router.setRoutingOption(A.penaliseOrthogonalSharedPathsAtConnEnds, true);
      router.setRoutingOption(A.nudgeOrthogonalTouchingColinearSegments, true);
      // The unifying pass before nudging (it merges segments that could line up) costs 28×
      // the rest of routing on a leaf-spine site and moves a few segments by 2 px at most.
      router.setRoutingOption(A.performUnifyingNudgingPreprocessingStep, false);
      const shapes = new Map<string, object>();
      for (const o of obstacles) {
        const { x, y, width, height } = o.box;
        const shape = new A.ShapeRef(
          router,
          new A.Rectangle(new A.Point(x, y), new A.Point(x + width, y + height)),
        );
        // One pin at the centre, open in every direction: the router picks the side.
        new A.ShapeConnectionPin(shape, PIN_CLASS, 0.5, 0.5, true, 0, A.ConnDirAll);
        shapes.set(o.id, shape);
      }
      // Ends that name a side get a port of their own on it; the ports of a side are spread
      // evenly in the order of where their routes go, so the links of a spine fan out along
      // its bottom edge without crossing one another.
      const boxes = new Map(obstacles.map((o) => [o.id, o.box]));
      const toward = (e: RouteEnd): Point | null => {
        if ('point' in e) return e.point;
        const b = boxes.get(e.shapeId);
        return b ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : null;
      };
      const sides = new Map<string, { end: RouteEnd; other: Point; order: number }[]>();
      requests.forEach((r, order) => {
        for (const [e, o] of [
          [r.source, r.target],
          [r.target, r.source],
        ] as const) {
          const other = toward(o);
          if (!('shapeId' in e) || !e.side || !other) continue;
          const key = `${e.shapeId}\u0000${e.side}`;
          const list = sides.get(key) ?? [];
          list.push({ end: e, other, order });
          sides.set(key, list);
        }
      });
      const direction: Readonly<Record<Side, number>> = {
        top: A.ConnDirUp,
        bottom: A.ConnDirDown,
        left: A.ConnDirLeft,
        right: A.ConnDirRight,
      };
      const portClass = new Map<RouteEnd, number>();
      let nextClass = FIRST_PORT_CLASS;
      for (const list of sides.values()) {
        const first = list[0]?.end;
        if (!first || !('shapeId' in first) || !first.side) continue;
        const side = first.side;
        const shape = shapes.get(first.shapeId);
        if (!shape) continue;
        const across = side === 'top' || side === 'bottom' ? 'x' : 'y';
        list.sort((a, b) => a.other[across] - b.other[across] || a.order - b.order);
        list.forEach(({ end: e }, k) => {
          const [x, y] = portAt(side, k, list.length);
          new A.ShapeConnectionPin(shape, nextClass, x, y, true, 0, direction[side]);
          portClass.set(e, nextClass++);
        });
      }
      const end = (e: RouteEnd): object | null => {
        if ('point' in e) return new A.ConnEnd(new A.Point(e.point.x, e.point.y));
        const shape = shapes.get(e.shapeId);
        if (!shape) return null;
        return new A.ConnEnd(shape, portClass.get(e) ?? PIN_CLASS);
      };
      const connectors: [string, AvoidConnRef][] = [];
      for (const r of requests) {
        const src = end(r.source);
        const dst = end(r.target);
        if (src && dst) connectors.push([r.id, new A.ConnRef(router, src, dst)]);
      }
      router.processTransaction();
      const out = new Map<string, readonly Point[]>();
      for (const [id, conn] of connectors) {
        const route = conn.displayRoute();
        const points: Point[] = [];
        for (let i = 0; i < route.size(); i++) {
          const p = route.get_ps(i);
          points.push({ x: p.x, y: p.y });
        }
        out.set(id, points);
      }
      // Frees the router's shapes and connectors with it.
      A.destroy(router);
      return out;
    },
  };
}

let loading: Promise<ConnectorRouter> | null = null;

/** The libavoid router, loaded once. `wasmUrl`: where the browser finds libavoid.wasm. */
export function loadAvoidRouter(wasmUrl?: string): Promise<ConnectorRouter> {
  loading ??= import('libavoid-js').then(async ({ AvoidLib }) => {
    await AvoidLib.load(wasmUrl);
    return avoidRouter(AvoidLib.getInstance() as unknown as AvoidApi);
  });
  return loading;
}
