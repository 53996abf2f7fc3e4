/**
 * libavoid (Adaptagrams; the object-avoiding router JointJS uses), compiled to WebAssembly by
 * libavoid-js: orthogonal connectors that go around every device, with parallel segments
 * nudged apart. Loaded once, on first use (the wasm is ~480 KB and not on the first screen).
 * In the browser the caller passes the wasm's URL; in Node the package finds its own file.
 */
import {
  PARALLEL_SPACING,
  ROUTE_CLEARANCE,
  withPorts,
  type ConnectorRouter,
  type Obstacle,
  type RouteEnd,
  type RouteOptions,
  type RouteRequest,
  type Side,
} from './router';
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

const PIN_CLASS = 1;
/** Ports on a named side each have a class of their own, from this one up. */
const FIRST_PORT_CLASS = 2;

/** Where a port sits, as a fraction of the shape's width and height. */
function portAt(side: Side, at: number): [number, number] {
  switch (side) {
    case 'top':
      return [at, 0];
    case 'bottom':
      return [at, 1];
    case 'left':
      return [0, at];
    case 'right':
      return [1, at];
  }
}

export function avoidRouter(A: AvoidApi): ConnectorRouter {
  return {
    route(
      obstacles: readonly Obstacle[],
      requests: readonly RouteRequest[],
      options?: RouteOptions,
    ) {
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
      const ported = withPorts(obstacles, requests);
      // The shapes a link ends at (by their centre pin or a port); with endPinsOnly, the only
      // ones given the centre pin.
      const ends = new Set<string>();
      if (options?.endPinsOnly)
        for (const r of ported)
          for (const e of [r.source, r.target]) if ('shapeId' in e) ends.add(e.shapeId);
      const shapes = new Map<string, object>();
      for (const o of obstacles) {
        const { x, y, width, height } = o.box;
        const shape = new A.ShapeRef(
          router,
          new A.Rectangle(new A.Point(x, y), new A.Point(x + width, y + height)),
        );
        // One pin at the centre, open in every direction: the router picks the side.
        if (!options?.endPinsOnly || ends.has(o.id))
          new A.ShapeConnectionPin(shape, PIN_CLASS, 0.5, 0.5, true, 0, A.ConnDirAll);
        shapes.set(o.id, shape);
      }
      // Ends that name a side get a port of their own on it (withPorts spreads the ports of a
      // side in the order of where their routes go, so the links of a spine fan out along its
      // bottom edge without crossing one another).
      const direction: Readonly<Record<Side, number>> = {
        top: A.ConnDirUp,
        bottom: A.ConnDirDown,
        left: A.ConnDirLeft,
        right: A.ConnDirRight,
      };
      const portClass = new Map<RouteEnd, number>();
      let nextClass = FIRST_PORT_CLASS;
      for (const r of ported)
        for (const e of [r.source, r.target]) {
          if (!('shapeId' in e) || !e.side || e.at === undefined) continue;
          const shape = shapes.get(e.shapeId);
          if (!shape) continue;
          const [x, y] = portAt(e.side, e.at);
          new A.ShapeConnectionPin(shape, nextClass, x, y, true, 0, direction[e.side]);
          portClass.set(e, nextClass++);
        }
      const end = (e: RouteEnd): object | null => {
        if ('point' in e) return new A.ConnEnd(new A.Point(e.point.x, e.point.y));
        const shape = shapes.get(e.shapeId);
        if (!shape) return null;
        return new A.ConnEnd(shape, portClass.get(e) ?? PIN_CLASS);
      };
      const connectors: [string, AvoidConnRef][] = [];
      for (const r of ported) {
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
