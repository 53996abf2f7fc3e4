/**
 * The canvas's node and edge types for the design's elements (sites, devices, links), whose
 * components are a chunk of their own (elementChunk.ts): the empty first screen has nothing to
 * draw, and a design arrives after the first paint anyway (restored from storage, main.tsx),
 * which loads this chunk beside it (`loadElementChunk`) and waits for both. Once the chunk is
 * here an element renders its component directly; an element drawn before (a drop in the first
 * instant) renders nothing until the chunk arrives.
 */
import type { EdgeProps, NodeProps } from '@xyflow/react';
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

export const SiteNode = deferred<NodeProps<FlowNode>>((c) => c.SiteNode);
export const DeviceNode = deferred<NodeProps<FlowNode>>((c) => c.DeviceNode);
export const DciEdge = deferred<EdgeProps<FlowEdge>>((c) => c.DciEdge);
export const FabricEdge = deferred<EdgeProps<FlowEdge>>((c) => c.FabricEdge);

/** The pointer entered a node (its id) or left it (null): the node shows its handles. */
export function hoverNode(id: string | null): void {
  loaded?.hoverNode(id);
}
