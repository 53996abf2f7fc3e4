/**
 * The canvas's node and edge types for the design's elements (sites, devices, links), whose
 * components are a chunk of their own (elementChunk.ts): the empty first screen has nothing to
 * draw, and a design arrives after the first paint anyway (restored from storage, main.tsx),
 * which loads this chunk beside it (`loadElementChunk`) and waits for both. Once the chunk is
 * here the canvas draws with its components themselves (`elementTypes`); an element drawn
 * before (a drop in the first instant) renders nothing until the chunk arrives.
 */
import type { EdgeProps, EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import { lazy, Suspense, type ComponentType } from 'react';
import type { FlowEdge, FlowNode } from '../store/flow';

type ElementChunk = typeof import('./elementChunk');

let loaded: ElementChunk | null = null;
let loading: Promise<ElementChunk> | null = null;

/** Load the element components (once); resolves when they are ready. */
export function loadElementChunk(): Promise<ElementChunk> {
  loading ??= import('./elementChunk').then((chunk) => (loaded = chunk));
  return loading;
}

function deferred<P extends object>(pick: (chunk: ElementChunk) => ComponentType<P>) {
  const Lazy = lazy(() => loadElementChunk().then((chunk) => ({ default: pick(chunk) })));
  return function DeferredElement(props: P) {
    if (loaded) {
      const Loaded = pick(loaded);
      return <Loaded {...props} />;
    }
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export interface ElementTypes {
  readonly site: NodeTypes[string];
  readonly device: NodeTypes[string];
  readonly dci: EdgeTypes[string];
  readonly fabric: EdgeTypes[string];
}

const DEFERRED: ElementTypes = {
  site: deferred<NodeProps<FlowNode>>((c) => c.SiteNode),
  device: deferred<NodeProps<FlowNode>>((c) => c.DeviceNode),
  dci: deferred<EdgeProps<FlowEdge>>((c) => c.DciEdge),
  fabric: deferred<EdgeProps<FlowEdge>>((c) => c.FabricEdge),
};
let direct: ElementTypes | null = null;

/**
 * The components that draw the elements: the chunk's own once it is here (the same object from
 * then on), stand-ins that wait for it before. A stand-in is one more component per element
 * (3,000 at 3,000 elements, each a fiber to make and keep), and the design the page opens
 * with is drawn after the chunk has come.
 */
export function elementTypes(): ElementTypes {
  if (!loaded) return DEFERRED;
  direct ??= {
    site: loaded.SiteNode,
    device: loaded.DeviceNode,
    dci: loaded.DciEdge,
    fabric: loaded.FabricEdge,
  };
  return direct;
}

/** The pointer entered a node (its id) or left it (null): the node shows its handles. */
export function hoverNode(id: string | null): void {
  loaded?.hoverNode(id);
}
