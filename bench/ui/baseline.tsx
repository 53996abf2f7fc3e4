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
  past: Edge[][];
  onNodesChange: (changes: NodeChange<BaseNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  editDistance: (id: string, km: number) => void;
  undo: () => void;
  selectAll: () => void;
}

// The runner hands the page the design it also saved for the studio.
const initial = window.__benchDesign ? toFlow(window.__benchDesign) : { nodes: [], edges: [] };
// The studio's zoom-out limit for this design, so both fit the same view.
const minZoom = window.__benchDesign ? minZoomFor(window.__benchDesign.design.nodes) : 0.05;

const useBaseline = create<BaselineState>()((set, get) => ({
  ...initial,
  past: [],
  onNodesChange: (changes) => set({ nodes: applyNodeChanges(changes, get().nodes) }),
  onEdgesChange: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),
  editDistance: (id, km) =>
    set({
      past: [...get().past, get().edges],
      edges: get().edges.map((e) => (e.id === id ? { ...e, label: `${km} km` } : e)),
    }),
  undo: () => {
    const previous = get().past.at(-1);
    if (previous) set({ edges: previous, past: get().past.slice(0, -1) });
  },
  selectAll: () =>
    set({
      nodes: get().nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
      edges: get().edges.map((e) => (e.selected ? e : { ...e, selected: true })),
    }),
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
    });
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      if (event.key === 'z') useBaseline.getState().undo();
      else if (event.key === 'a') {
        event.preventDefault();
        useBaseline.getState().selectAll();
      }
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
      onlyRenderVisibleElements={nodes.length > 400}
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
