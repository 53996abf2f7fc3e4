/**
 * The baseline of `npm run bench:ui`: a plain React Flow 12 + zustand page drawing the same
 * synthetic design as the studio (same nodes, parents, edges, zoom, culling), with nothing of
 * the studio's own (no validation, no panels, default node and edge types). Built only by
 * vite.bench.config.ts, never part of the app bundle.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';
import { installBenchApi, type BenchDesign } from '../../src/bench/api';
import { minZoomFor } from '../../src/store/selectors';
import { drawsOnlyInView } from '../../src/canvas/culling';

type BaseNode = Node<{ label: string }>;

function toFlow({ design, deviceSize }: BenchDesign): { nodes: BaseNode[]; edges: Edge[] } {
  const nodes: BaseNode[] = design.nodes.map((n) =>
    n.kind === 'site'
      ? {
          id: n.id,
          type: 'site',
          position: n.position,
          width: n.width,
          height: n.height,
          data: { label: n.label },
          zIndex: 0,
        }
      : {
          id: n.id,
          type: 'default',
          position: n.position,
          parentId: n.parentId,
          width: deviceSize.width,
          height: deviceSize.height,
          data: { label: n.label },
          zIndex: 2,
        },
  );
  const edges: Edge[] = design.links.map((l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    type: l.kind === 'dci' ? 'default' : 'straight',
    ...(l.kind === 'dci' ? { label: `${l.distanceKm} km` } : {}),
    zIndex: 1,
  }));
  return { nodes, edges };
}

interface BaselineState {
  nodes: BaseNode[];
  edges: Edge[];
  /** What undo goes back to: the nodes and edges before each edit. */
  past: { nodes: BaseNode[]; edges: Edge[] }[];
  clipboard: { nodes: BaseNode[]; edges: Edge[] } | null;
  pasteCount: number;
  onNodesChange: (changes: NodeChange<BaseNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  editDistance: (id: string, km: number) => void;
  undo: () => void;
  select: (ids: readonly string[]) => void;
  selectAll: () => void;
  /** Keep the nodes and edges as they are for undo (before an edit). */
  remember: () => void;
  copy: () => void;
  paste: () => void;
}

// The runner hands the page the design it also saved for the studio.
const initial = window.__benchDesign ? toFlow(window.__benchDesign) : { nodes: [], edges: [] };
// The studio's zoom-out limit for this design, so both fit the same view.
const minZoom = window.__benchDesign ? minZoomFor(window.__benchDesign.design.nodes) : 0.05;

const useBaseline = create<BaselineState>()((set, get) => ({
  ...initial,
  past: [],
  clipboard: null,
  pasteCount: 0,
  onNodesChange: (changes) => set({ nodes: applyNodeChanges(changes, get().nodes) }),
  onEdgesChange: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),
  editDistance: (id, km) => {
    get().remember();
    set({ edges: get().edges.map((e) => (e.id === id ? { ...e, label: `${km} km` } : e)) });
  },
  undo: () => {
    const previous = get().past.at(-1);
    if (previous) set({ ...previous, past: get().past.slice(0, -1) });
  },
  select: (ids) => {
    const wanted = new Set(ids);
    set({
      nodes: get().nodes.map((n) =>
        !!n.selected === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) },
      ),
      edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    });
  },
  selectAll: () =>
    set({
      nodes: get().nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
      edges: get().edges.map((e) => (e.selected ? e : { ...e, selected: true })),
    }),
  remember: () => set({ past: [...get().past, { nodes: get().nodes, edges: get().edges }] }),
  // Copy and paste as a React Flow app does: the selected nodes and the edges among them, pasted
  // as new nodes a step further off each time, selected in place of the selection.
  copy: () => {
    const nodes = get().nodes.filter((n) => n.selected);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = get().edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    set({ clipboard: { nodes, edges }, pasteCount: 0 });
  },
  paste: () => {
    const clip = get().clipboard;
    if (!clip) return;
    const n = get().pasteCount + 1;
    const id = (old: string) => `${old}-p${n}`;
    get().remember();
    set({
      pasteCount: n,
      nodes: [
        ...get().nodes.map((node) => (node.selected ? { ...node, selected: false } : node)),
        ...clip.nodes.map((node) => ({
          ...node,
          id: id(node.id),
          position: { x: node.position.x + 32 * n, y: node.position.y + 32 * n },
          selected: true,
        })),
      ],
      edges: [
        ...get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
        ...clip.edges.map((edge) => ({
          ...edge,
          id: id(edge.id),
          source: id(edge.source),
          target: id(edge.target),
        })),
      ],
    });
  },
}));

/** A site: a box with a title and two handles (the default group node has none). */
const SiteBox = memo(function SiteBox({ data }: NodeProps<BaseNode>) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        padding: 8,
        fontWeight: 600,
        border: '2px solid #94a3b8',
        borderRadius: 14,
        background: 'rgba(241, 245, 249, 0.75)',
      }}
    >
      {data.label}
      <Handle type="source" position={Position.Left} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
const nodeTypes = { site: SiteBox };

function Flow() {
  const nodes = useBaseline((s) => s.nodes);
  const edges = useBaseline((s) => s.edges);
  const flow = useReactFlow();
  useEffect(() => {
    installBenchApi({
      setViewport: (vp) => void flow.setViewport(vp),
      editDistance: (id, km) => useBaseline.getState().editDistance(id, km),
      select: (ids) => useBaseline.getState().select(ids),
    });
    const onKey = (event: KeyboardEvent) => {
      const store = useBaseline.getState();
      if (event.key === 'Delete') {
        // React Flow's own deletion: the nodes and the edges that touch them, one undo step.
        store.remember();
        void flow.deleteElements({ nodes: store.nodes.filter((n) => n.selected) });
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      if (event.key === 'z') store.undo();
      else if (event.key === 'a') {
        event.preventDefault();
        store.selectAll();
      } else if (event.key === 'c') store.copy();
      else if (event.key === 'v') store.paste();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flow]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={useBaseline.getState().onNodesChange}
      onEdgesChange={useBaseline.getState().onEdgesChange}
      connectionMode={ConnectionMode.Loose}
      zIndexMode="manual"
      snapToGrid
      snapGrid={[16, 16]}
      minZoom={minZoom}
      maxZoom={2.5}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
      onlyRenderVisibleElements={drawsOnlyInView(nodes.length, edges.length)}
      proOptions={{ hideAttribution: true }}
    >
      <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
      <Controls position="bottom-left" showInteractive={false} />
      <MiniMap pannable zoomable position="bottom-right" />
    </ReactFlow>
  );
}

// The studio's canvas size, so both pages show the same part of the design.
const params = new URLSearchParams(location.search);
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
root.style.width = `${params.get('w') ?? 1000}px`;
root.style.height = `${params.get('h') ?? 800}px`;
createRoot(root).render(
  <ReactFlowProvider>
    <div style={{ width: '100%', height: '100%' }} data-testid="canvas">
      <Flow />
    </div>
  </ReactFlowProvider>,
);
