import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  getNodesBounds,
  getViewportForBounds,
  ReactFlow,
  SelectionMode,
  useNodesInitialized,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeMouseHandler,
  type NodeProps,
  type NodeTypes,
  type OnConnectEnd,
  type ReactFlowState,
  type Viewport,
  type XYPosition,
} from '@xyflow/react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { NODE_KINDS } from '../model/kinds';
import type { NodeKind } from '../model/schema';
import { viewMoved } from '../store/activity';
import type { FlowEdge } from '../store/flow';
import { editNoteText, isNote, type CanvasNode, type NoteFlowNode } from '../store/noteFlow';
import { minZoomFor } from '../store/selectors';
import { useRoom } from '../collab/state';
import { settleDrop, useStudio } from '../store/studio';
import { useUi } from '../store/ui';
import { expectTyping } from '../store/typeAhead';
import { useView } from '../store/view';
import { followCanvasSelection, notePointerDown } from './follow';
import { syncMultiSelection, syncMultiSelectionForKey } from './multiSelect';
import { FindField } from './FindField';
import { ZoomReadout } from './ZoomReadout';
import { Legend } from './Legend';
import { RoutingNotice } from './RoutingNotice';
import { elementTypes, hoverNode, type ElementTypes } from './elements';
import { CanvasFlags, canvasFlagsSelector } from './canvasFlags';
import { boxSelectionChanges, withoutSelection } from './boxSelect';
import { drawsOnlyInView } from './culling';
import { Minimap } from './Minimap';

/** Notes are drawn by a chunk of their own, loaded when a design first has one. */
const NoteNodeChunk = lazy(() => import('./NoteNode').then((m) => ({ default: m.NoteNode })));
function LazyNoteNode(props: NodeProps<NoteFlowNode>) {
  return (
    <Suspense fallback={null}>
      <NoteNodeChunk {...props} />
    </Suspense>
  );
}

/**
 * The node and edge types, made once per set of element components (elements.tsx): React Flow
 * sees new types only when the element chunk arrives, before the design the page opens with is
 * drawn.
 */
const typesOf = new WeakMap<ElementTypes, { nodeTypes: NodeTypes; edgeTypes: EdgeTypes }>();
function canvasTypes(): { nodeTypes: NodeTypes; edgeTypes: EdgeTypes } {
  const elements = elementTypes();
  const known = typesOf.get(elements);
  if (known) return known;
  const types = {
    nodeTypes: { site: elements.site, device: elements.device, note: LazyNoteNode },
    edgeTypes: { dci: elements.dci, fabric: elements.fabric },
  };
  typesOf.set(elements, types);
  return types;
}

export const PALETTE_MIME = 'application/x-dci-kind';
/** What the palette's Note item carries when dragged (a note is not an element kind). */
export const PALETTE_NOTE = 'note';

/** What the canvas draws: the design's nodes and its whiteboard notes. */
export const WORKLOAD_MIME = 'application/x-dci-workload';

/** The id of the topmost node under the pointer where a drag ended (devices sit above sites). */
function nodeIdAtPointer(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const hit = document.elementFromPoint(point.clientX, point.clientY);
  return hit?.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}

function isKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

/*
 * Everything handed to <ReactFlow> below keeps its identity from one render to the next: React
 * Flow copies each changed prop into its store, and every store update re-runs the selectors of
 * every node, edge and handle (a new callback or array literal per render made a drag move cost
 * five times the plain page's).
 */
const SNAP_GRID: [number, number] = [16, 16];
const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1.1 };
const PRO_OPTIONS = { hideAttribution: true };
const NONE: never[] = [];
// Sites at 0, links at 1, devices at 2: see the <ReactFlow> below. Also in its store before it
// mounts, as the design's nodes are placed there with their stacking (`openingView`).
const Z_INDEX_MODE = 'manual';

/** How React Flow is mounted: at the view fitted to the design it opens with, or empty. */
interface Opening {
  fitView: boolean;
  viewport: Viewport;
}
/** React Flow's own default view. */
const AT_ORIGIN: Viewport = { x: 0, y: 0, zoom: 1 };

/**
 * Hand the design's nodes to React Flow's store before React Flow mounts, with the pane's size
 * and the view fitted to them (as its own `fitView` computes it): its first render then draws
 * the nodes in view together with the layer that holds them. Handed later (its `nodes` prop goes
 * to its store in an effect, after its first commit), every node is inserted into a layer already
 * in the page, and React looks for the DOM sibling of each one past all the new nodes after it:
 * quadratic (getHostSibling, 20-40 ms of a CPU profile at 3,000 elements). Handed at zoom 1,
 * only the few nodes in that view would come with the layer, and the rest after the fit, the
 * same way. React Flow then measures its pane in its first effects with the nodes in the page:
 * their first style and layout are done there, in the render task, rather than in the frame
 * after it. An empty design (the stored one came late) mounts React Flow empty, to fit the
 * design when it comes.
 */
function openingView(
  store: {
    getState: () => ReactFlowState<CanvasNode, FlowEdge>;
    setState: (s: Partial<ReactFlowState<CanvasNode, FlowEdge>>) => void;
  },
  pane: HTMLDivElement | null,
  nodes: CanvasNode[],
  minZoom: number,
): Opening {
  if (nodes.length === 0) return { fitView: true, viewport: AT_ORIGIN };
  // React Flow's own pane fills this box; it takes 500 px for a side it finds empty.
  const width = pane?.offsetWidth || 500;
  const height = pane?.offsetHeight || 500;
  store.setState({ width, height, zIndexMode: Z_INDEX_MODE });
  store.getState().setNodes(nodes);
  const { nodeLookup } = store.getState();
  const bounds = getNodesBounds(
    nodes.filter((n) => !n.hidden),
    { nodeLookup },
  );
  const viewport = getViewportForBounds(
    bounds,
    width,
    height,
    minZoom,
    FIT_VIEW_OPTIONS.maxZoom,
    FIT_VIEW_OPTIONS.padding,
  );
  store.setState({ transform: [viewport.x, viewport.y, viewport.zoom] });
  return { fitView: false, viewport };
}

const onNodeDragStop = (_: unknown, __: unknown, dragged: readonly CanvasNode[]) =>
  useStudio.getState().finishDrag(dragged.map((n) => n.id));

const onConnect = (c: Connection) => useStudio.getState().connect(c.source, c.target);

const onConnectEnd: OnConnectEnd = (event, state) => {
  if (state.isValid || !state.fromNode) return;
  const target = nodeIdAtPointer(event);
  if (target && target !== state.fromNode.id)
    useStudio.getState().connect(state.fromNode.id, target);
};

const onPaneClick = () => useUi.getState().setHighlightPath(null);

// The node under the pointer shows its handles (canvas/marks.ts): one pair of handlers for the
// canvas rather than a state and two handlers on every card.
const onNodeMouseEnter: NodeMouseHandler<CanvasNode> = (_, node) => hoverNode(node.id);
const onNodeMouseLeave: NodeMouseHandler<CanvasNode> = () => hoverNode(null);

// A selection the user makes on the canvas brings the inspector up (follow.ts).
const applyNodeChanges = (changes: NodeChange<CanvasNode>[]) => {
  if (changes.length === 0) return;
  useStudio.getState().onNodesChange(changes);
  if (changes.some((c) => c.type === 'select')) followCanvasSelection();
};
const applyEdgeChanges = (changes: EdgeChange<FlowEdge>[]) => {
  if (changes.length === 0) return;
  useStudio.getState().onEdgesChange(changes);
  if (changes.some((c) => c.type === 'select')) followCanvasSelection();
};

// The find box (Ctrl+F): loaded when it is first opened; its field stands in meanwhile.
const FindBox = lazy(() => import('./FindBox').then((m) => ({ default: m.FindBox })));

function FindBoxGate() {
  const open = useView((s) => s.findOpen);
  return open ? (
    <Suspense fallback={<FindField />}>
      <FindBox />
    </Suspense>
  ) : null;
}

// Other people's cursors and selections: loaded when a live room starts.
const RoomOverlay = lazy(() =>
  import('../collab/ui/RoomOverlay').then((m) => ({ default: m.RoomOverlay })),
);

function RoomOverlayGate() {
  const inRoom = useRoom((s) => s.status !== 'idle');
  return inRoom ? (
    <Suspense fallback={null}>
      <RoomOverlay />
    </Suspense>
  ) : null;
}

// What only the other version of a marked comparison has: loaded with the first such ghost.
const CompareGhosts = lazy(() =>
  import('./CompareGhosts').then((m) => ({ default: m.CompareGhosts })),
);

function CompareGhostsGate() {
  const any = useUi((s) => (s.compareMarks?.otherOnlyCounts.ghosts.length ?? 0) > 0);
  return any ? (
    <Suspense fallback={null}>
      <CompareGhosts />
    </Suspense>
  ) : null;
}

export interface CanvasProps {
  /** Called when a workload chip is dropped on a host cluster (what-if moves). */
  onWorkloadDrop?: (workloadId: string, clusterId: string) => void;
}

/**
 * What React Flow draws over the links and nodes: the background, legend, notices, zoom
 * controls, find box and minimap. One element made once: the canvas re-renders with every
 * change of its nodes or edges (a select-all, each drag move), and React then skips these, where
 * new elements re-rendered the legend, the controls and their icons each time.
 */
const CANVAS_OVERLAYS = (
  <>
    <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
    <Legend />
    <RoutingNotice />
    <RoomOverlayGate />
    <CompareGhostsGate />
    <Controls position="bottom-left" orientation="horizontal" showInteractive={false}>
      <ZoomReadout />
    </Controls>
    <FindBoxGate />
    <Minimap
      className="!rounded-lg !border !border-slate-200 dark:!border-slate-700"
      ariaLabel="Minimap"
    />
  </>
);

export function Canvas({ onWorkloadDrop }: CanvasProps) {
  const designNodes = useStudio((s) => s.nodes);
  const noteNodes = useStudio((s) => s.noteNodes);
  const nodes = useMemo<CanvasNode[]>(
    () => (noteNodes.length === 0 ? designNodes : [...designNodes, ...noteNodes]),
    [designNodes, noteNodes],
  );
  const edges = useStudio((s) => s.edges);
  const minZoom = useStudio((s) => minZoomFor(s.design.nodes));
  const flowStore = useFlowStoreApi<CanvasNode, FlowEdge>();
  // React Flow is mounted once its pane's size is known and its store holds the design's nodes
  // and the view fitted to them (`openingView`): just after the canvas's first commit, before
  // anything is painted. (Mounted with the page, it fits its view only once its pane is set up,
  // in its effects: handed the nodes then, it would draw them at zoom 1, measure them, then draw
  // them all again fitted.)
  const pane = useRef<HTMLDivElement>(null);
  const [opening, setOpening] = useState<Opening | null>(null);
  const paneReady = opening !== null;
  const first = useRef({ nodes, minZoom });
  useLayoutEffect(() => {
    setOpening(openingView(flowStore, pane.current, first.current.nodes, first.current.minZoom));
  }, [flowStore]);
  // The links of that first design follow its nodes a frame later, as on a page whose nodes must
  // be measured before their links can be placed: the nodes are drawn (and measured) without
  // waiting for hundreds of links and labels, and the links are drawn once, at the handles
  // measured, rather than drawn and then all drawn again when the measurement lands.
  const [linksReady, setLinksReady] = useState(false);
  useEffect(() => {
    if (!paneReady) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setLinksReady(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [paneReady]);
  // Then the side panels (Sidebar.tsx), in a task of their own: never inside the canvas's first
  // drawing, and as soon as it is out.
  const booted = useUi((s) => s.booted);
  useEffect(() => {
    if (!linksReady || !booted) return;
    const timer = window.setTimeout(() => useUi.setState({ canvasDrawn: true }));
    return () => clearTimeout(timer);
  }, [linksReady, booted]);
  const readOnly = useStudio((s) => s.readOnly);
  // React Flow takes a new `nodes` before a new `minZoom` (one effect, in that order), and fits
  // the first nodes it is given at once: the zoom-out limit of the design being opened must be
  // in its store before, or the first view is clamped to the empty canvas' limit (the whole
  // design would not fit, and a later fit would redraw the nodes). Layout effects run first.
  useLayoutEffect(() => flowStore.getState().setMinZoom(minZoom), [flowStore, minZoom]);
  const theme = useUi((s) => s.theme);
  const flow = useReactFlow<CanvasNode, FlowEdge>();
  const { screenToFlowPosition, getIntersectingNodes, fitView } = flow;
  const fitRequest = useUi((s) => s.fitRequest);
  // A selection box takes a site only when it takes in the whole site (boxSelect.ts). React Flow
  // hands over a box's changes before it stores the box's new corner: the corner is where the
  // pointer is (seen first, in the capture phase), in flow coordinates as the view is then.
  const pointer = useRef<XYPosition | null>(null);
  const onPointerMoveCapture = useCallback((event: PointerEvent<HTMLDivElement>) => {
    pointer.current = { x: event.clientX, y: event.clientY };
  }, []);
  const onPointerDownCapture = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      notePointerDown();
      syncMultiSelection(flowStore, event);
    },
    [flowStore],
  );
  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => syncMultiSelectionForKey(flowStore, event),
    [flowStore],
  );
  const selectionBox = useCallback(() => {
    const rect = flowStore.getState().userSelectionRect;
    return rect && pointer.current
      ? {
          from: { x: rect.startX, y: rect.startY },
          to: screenToFlowPosition(pointer.current, { snapToGrid: false }),
        }
      : null;
  }, [flowStore, screenToFlowPosition]);
  // While a box is drawn, React Flow's own selection of what it touches is left out...
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) =>
      applyNodeChanges(
        flowStore.getState().userSelectionRect ? withoutSelection(changes) : changes,
      ),
    [flowStore],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) =>
      applyEdgeChanges(
        flowStore.getState().userSelectionRect ? withoutSelection(changes) : changes,
      ),
    [flowStore],
  );
  // ...and the box's own is applied once React Flow has moved it (bubbling, after its pane).
  const onPointerMove = useCallback(() => {
    const { userSelectionActive, nodeLookup, edgeLookup } = flowStore.getState();
    const box = userSelectionActive ? selectionBox() : null;
    if (!box) return;
    const changes = boxSelectionChanges(box, nodeLookup.values(), edgeLookup.values());
    applyNodeChanges(changes.nodes as NodeChange<CanvasNode>[]);
    applyEdgeChanges(changes.edges as EdgeChange<FlowEdge>[]);
  }, [flowStore, selectionBox]);
  const initialized = useNodesInitialized();
  const flags = useFlowStore(canvasFlagsSelector);
  const { nodeTypes, edgeTypes } = canvasTypes();
  // Links are drawn along the routes of src/render, computed off the main thread.
  // The router loads once the links are in the page; they are straight lines until it answers.
  // (Asked for as the canvas mounted, its request and its chunks' preload links were made in
  // the render task that draws the nodes.)
  useEffect(() => {
    if (!linksReady) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./routes').then((m) => {
      if (!cancelled) stop = m.startRouting();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [linksReady]);
  // A drop is made the design's just after the frame that shows it (studio.ts, settleDrop): a
  // key or a press that comes sooner finds it made, whatever its handler reads of the store.
  useEffect(() => {
    const options = { capture: true };
    window.addEventListener('keydown', settleDrop, options);
    window.addEventListener('pointerdown', settleDrop, options);
    return () => {
      window.removeEventListener('keydown', settleDrop, options);
      window.removeEventListener('pointerdown', settleDrop, options);
    };
  }, []);
  useEffect(() => {
    if (fitRequest > 0 && initialized) void fitView({ padding: 0.12, maxZoom: 1.1, duration: 200 });
  }, [fitRequest, initialized, fitView]);

  const onDragOver = useCallback((event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (types.includes(PALETTE_MIME) || types.includes(WORKLOAD_MIME) || types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = types.includes(WORKLOAD_MIME) ? 'move' : 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (file) {
        // A design file or an exported image: opened through the one loader.
        event.preventDefault();
        void import('../app/importExport').then((m) => m.importFile(file));
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      const workloadId = event.dataTransfer.getData(WORKLOAD_MIME);
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      if (kind === PALETTE_NOTE) {
        event.preventDefault();
        // The note's top-left corner a little above-left of the pointer, as it was held.
        const id = useStudio.getState().addNote({ x: point.x - 16, y: point.y - 16 });
        if (id) {
          useStudio.getState().select([id]);
          followCanvasSelection();
          // The note's code may still be loading: what is typed meanwhile is its text.
          expectTyping();
          editNoteText(id);
        }
        return;
      }
      if (kind && isKind(kind)) {
        event.preventDefault();
        // Drop point is where the pointer is: center a device there, put a site's corner there.
        const at =
          kind === 'site'
            ? { x: point.x - 40, y: point.y - 20 }
            : { x: point.x - 84, y: point.y - 28 };
        const id = useStudio.getState().addElement(kind, at);
        if (id) {
          useStudio.getState().select([id]);
          followCanvasSelection();
          // A site dropped on another is placed clear of it, maybe half off the screen: the view
          // moves to show it (tools.ts followDropped).
          void import('../app/tools').then((tools) => tools.followDropped(flow, id, at));
        }
        return;
      }
      if (workloadId && onWorkloadDrop) {
        event.preventDefault();
        const hit = getIntersectingNodes({
          x: point.x - 1,
          y: point.y - 1,
          width: 2,
          height: 2,
        }).find((n) => !isNote(n) && n.data.element.kind === 'cluster');
        if (hit) onWorkloadDrop(workloadId, hit.id);
      }
    },
    [screenToFlowPosition, getIntersectingNodes, onWorkloadDrop, flow],
  );

  return (
    <div
      ref={pane}
      className="h-full w-full"
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerDownCapture={onPointerDownCapture}
      onKeyDownCapture={onKeyDownCapture}
      onPointerMoveCapture={onPointerMoveCapture}
      onPointerMove={onPointerMove}
    >
      {opening && (
        <CanvasFlags value={flags}>
          <ReactFlow<CanvasNode, FlowEdge>
            nodes={nodes}
            edges={linksReady ? edges : NONE}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            // A link dropped anywhere on a device's body connects to it, not only on its handles.
            onConnectEnd={onConnectEnd}
            // A click on the empty canvas puts away the animated path of a finding.
            onPaneClick={onPaneClick}
            // Background work waits while the view moves (store/activity.ts).
            onMove={viewMoved}
            onNodeMouseEnter={onNodeMouseEnter}
            onNodeMouseLeave={onNodeMouseLeave}
            connectionMode={ConnectionMode.Loose}
            // Manual stacking: sites at 0, links at 1 (under the device cards, which they would
            // otherwise cross), devices at 2; DCI labels sit above all in their own layer.
            zIndexMode={Z_INDEX_MODE}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            snapToGrid
            snapGrid={SNAP_GRID}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            // Shift, Ctrl and ⌘ add to the selection, read from the click (multiSelect.ts).
            multiSelectionKeyCode={null}
            selectionOnDrag={false}
            selectionMode={SelectionMode.Partial}
            panOnDrag
            colorMode={theme}
            minZoom={minZoom}
            maxZoom={2.5}
            fitView={opening.fitView}
            fitViewOptions={FIT_VIEW_OPTIONS}
            defaultViewport={opening.viewport}
            proOptions={PRO_OPTIONS}
            onlyRenderVisibleElements={drawsOnlyInView(nodes.length, edges.length)}
          >
            {CANVAS_OVERLAYS}
          </ReactFlow>
        </CanvasFlags>
      )}
    </div>
  );
}
