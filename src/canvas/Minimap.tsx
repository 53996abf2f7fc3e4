import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { getBoundsOfRects, XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { useEffect, useRef, useState } from 'react';
import type { FlowEdge } from '../store/flow';
import type { CanvasNode } from '../store/noteFlow';
import { MINIMAP_RADIUS, minimapDrawing, minimapSize } from './minimap';

/** React Flow's store as its hooks type it: its nodes are the canvas's (`CanvasNode`). */
type State = ReactFlowState;

/** React Flow's minimap's margin and node stroke, as the studio drew it (its size: `minimapSize`). */
const OFFSET_SCALE = 5;
const NODE_STROKE_WIDTH = 2;
const SHAPE_RENDERING =
  typeof window === 'undefined' || 'chrome' in window ? 'crispEdges' : 'geometricPrecision';

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
  const [selectDrawing] = useState(minimapDrawing);
  const { shapes, loose, bounds } = useStore(selectDrawing);
  const view = useStore(selectView, sameView);
  const size = minimapSize(view.flowWidth, view.flowHeight);
  const viewBox = { x: view.viewX, y: view.viewY, width: view.viewWidth, height: view.viewHeight };
  const box = bounds ? getBoundsOfRects(bounds, viewBox) : viewBox;
  const viewScale = Math.max(box.width / size.width, box.height / size.height);
  const offset = OFFSET_SCALE * viewScale;
  const x = box.x - (viewScale * size.width - box.width) / 2 - offset;
  const y = box.y - (viewScale * size.height - box.height) / 2 - offset;
  const width = viewScale * size.width + offset * 2;
  const height = viewScale * size.height + offset * 2;
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
      // An empty design has nothing to map: a blank box in the corner of an empty canvas read as
      // something that failed to load. Hidden rather than unmounted, so its pan and zoom stay bound.
      style={{
        ['--xy-minimap-node-stroke-width-props' as string]: NODE_STROKE_WIDTH,
        visibility: bounds ? undefined : 'hidden',
      }}
      aria-hidden={bounds ? undefined : true}
      className={className ? `react-flow__minimap ${className}` : 'react-flow__minimap'}
      data-testid="rf__minimap"
    >
      <svg
        width={size.width}
        height={size.height}
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
        {loose.map((b) => (
          <rect
            key={b.id}
            className="react-flow__minimap-node"
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            rx={Math.min(MINIMAP_RADIUS, b.width / 2, b.height / 2)}
            style={{ fill: b.fill, strokeWidth: NODE_STROKE_WIDTH }}
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
