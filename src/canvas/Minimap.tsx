import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import {
  getBoundsOfRects,
  getNodeDimensions,
  nodeHasDimensions,
  XYMinimap,
  type Rect,
  type XYMinimapInstance,
} from '@xyflow/system';
import { useEffect, useRef, useState } from 'react';
import type { FlowEdge } from '../store/flow';
import type { CanvasNode } from '../store/noteFlow';
import { minimapColor, minimapShapes, type MinimapBox, type MinimapShape } from './minimap';

/** React Flow's store as its hooks type it: its nodes are the canvas's (`CanvasNode`). */
type State = ReactFlowState;

/** React Flow's minimap's size, margin and node stroke, as the studio drew it. */
const WIDTH = 200;
const HEIGHT = 150;
const OFFSET_SCALE = 5;
const NODE_STROKE_WIDTH = 2;
const SHAPE_RENDERING =
  typeof window === 'undefined' || 'chrome' in window ? 'crispEdges' : 'geometricPrecision';

interface Drawing {
  readonly shapes: readonly MinimapShape[];
  /** The box around every node drawn, null when none is. */
  readonly bounds: Rect | null;
}

/**
 * A selector of the minimap's drawing that answers the same object while no node drawn moved,
 * changed size or changed (its user node): it runs on every change of React Flow's store (each
 * frame of a pan), and compares the numbers it read last instead of drawing again.
 */
function drawingSelector(): (s: State) => Drawing {
  let users: unknown[] = [];
  let numbers: number[] = [];
  let drawing: Drawing = { shapes: [], bounds: null };
  return (s) => {
    if (s.nodeLookup.size === users.length) {
      let i = 0;
      let same = true;
      for (const node of s.nodeLookup.values()) {
        const user = node.internals.userNode;
        const { x, y } = node.internals.positionAbsolute;
        const { width, height } = getNodeDimensions(user);
        const k = i * 4;
        if (
          users[i] !== user ||
          numbers[k] !== x ||
          numbers[k + 1] !== y ||
          numbers[k + 2] !== width ||
          numbers[k + 3] !== height
        ) {
          same = false;
          break;
        }
        i++;
      }
      if (same) return drawing;
    }
    users = [];
    numbers = [];
    const boxes: MinimapBox[] = [];
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const node of s.nodeLookup.values()) {
      const user = node.internals.userNode;
      const { x, y } = node.internals.positionAbsolute;
      const { width, height } = getNodeDimensions(user);
      users.push(user);
      numbers.push(x, y, width, height);
      if (user.hidden || !nodeHasDimensions(user)) continue;
      boxes.push({ x, y, width, height, fill: minimapColor(user as CanvasNode) });
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + width);
      y1 = Math.max(y1, y + height);
    }
    drawing = {
      shapes: minimapShapes(boxes),
      bounds: boxes.length === 0 ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
    };
    return drawing;
  };
}

const selectView = (s: State) => ({
  viewX: -s.transform[0] / s.transform[2],
  viewY: -s.transform[1] / s.transform[2],
  viewWidth: s.width / s.transform[2],
  viewHeight: s.height / s.transform[2],
  rfId: s.rfId,
  panZoom: s.panZoom,
  translateExtent: s.translateExtent,
  flowWidth: s.width,
  flowHeight: s.height,
});
type View = ReturnType<typeof selectView>;
const sameView = (a: View, b: View) =>
  (Object.keys(a) as (keyof View)[]).every((key) => a[key] === b[key]);

/**
 * The canvas's minimap: React Flow's (its panel, its view mask, its pan and zoom by drag and
 * wheel, its style sheet) with the nodes drawn as one path per fill (minimap.ts) from one store
 * subscription. React Flow's drew each node with a component of its own (a memo, a store
 * selector, a rect and their fibers twice over): some 1,000 fibers and as many hooks and
 * selector closures at 1,000 elements, about 1 MB of the JS heap that the plain React Flow page
 * keeps no more of (its nodes are a third as many kinds), and every one ran its selector on each
 * change of the store.
 */
export function Minimap({ className, ariaLabel }: { className?: string; ariaLabel: string }) {
  const store = useStoreApi<CanvasNode, FlowEdge>();
  const svg = useRef<SVGSVGElement>(null);
  const [selectDrawing] = useState(drawingSelector);
  const { shapes, bounds } = useStore(selectDrawing);
  const view = useStore(selectView, sameView);
  const viewBox = { x: view.viewX, y: view.viewY, width: view.viewWidth, height: view.viewHeight };
  const box = bounds ? getBoundsOfRects(bounds, viewBox) : viewBox;
  const viewScale = Math.max(box.width / WIDTH, box.height / HEIGHT);
  const offset = OFFSET_SCALE * viewScale;
  const x = box.x - (viewScale * WIDTH - box.width) / 2 - offset;
  const y = box.y - (viewScale * HEIGHT - box.height) / 2 - offset;
  const width = viewScale * WIDTH + offset * 2;
  const height = viewScale * HEIGHT + offset * 2;
  const viewScaleRef = useRef(0);
  viewScaleRef.current = viewScale;
  const minimap = useRef<XYMinimapInstance | null>(null);
  const { panZoom, translateExtent, flowWidth, flowHeight, rfId } = view;
  useEffect(() => {
    if (!svg.current || !panZoom) return;
    const instance = XYMinimap({
      domNode: svg.current,
      panZoom,
      getTransform: () => store.getState().transform,
      getViewScale: () => viewScaleRef.current,
    });
    minimap.current = instance;
    return () => {
      instance.destroy();
      if (minimap.current === instance) minimap.current = null;
    };
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({
      translateExtent,
      width: flowWidth,
      height: flowHeight,
      pannable: true,
      zoomable: true,
      zoomStep: 1,
    });
  }, [panZoom, translateExtent, flowWidth, flowHeight]);
  const labelledBy = `react-flow__minimap-desc-${rfId}`;
  return (
    <Panel
      position="bottom-right"
      style={{ ['--xy-minimap-node-stroke-width-props' as string]: NODE_STROKE_WIDTH }}
      className={className ? `react-flow__minimap ${className}` : 'react-flow__minimap'}
      data-testid="rf__minimap"
    >
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${width} ${height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={labelledBy}
        ref={svg}
      >
        <title id={labelledBy}>{ariaLabel}</title>
        {shapes.map((shape) => (
          <path
            key={shape.fill}
            className="react-flow__minimap-node"
            d={shape.d}
            style={{ fill: shape.fill, strokeWidth: NODE_STROKE_WIDTH }}
            shapeRendering={SHAPE_RENDERING}
          />
        ))}
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${viewBox.x},${viewBox.y}h${viewBox.width}v${viewBox.height}h${-viewBox.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
