import type { ReactFlowInstance } from '@xyflow/react';
import type { Finding } from '../rules/types';
import type { FlowEdge, FlowNode } from '../store/flow';
import { useStudio } from '../store/studio';
import { useUi } from '../store/ui';

/**
 * Show a finding on the canvas: select its elements, zoom to them, and animate the path of a
 * trombone (or any finding that carries one).
 */
export function focusFinding(finding: Finding, flow: ReactFlowInstance<FlowNode, FlowEdge>): void {
  const state = useStudio.getState();
  const nodeIds = new Set(state.design.nodes.map((n) => n.id));
  const linkIds = new Set(state.design.links.map((l) => l.id));
  const workloadClusters = new Map(state.design.workloads.map((w) => [w.id, w.clusterId]));
  const ids = new Set<string>();
  const siteIds = new Set(state.design.nodes.filter((n) => n.kind === 'site').map((n) => n.id));
  const named = [...finding.elementIds, ...(finding.path ?? [])];
  // Select the devices and links concerned; a site only when the finding is about sites alone.
  const onlySites = named.every((id) => siteIds.has(id) || !nodeIds.has(id));
  for (const id of named) {
    if (siteIds.has(id) && !onlySites) continue;
    if (nodeIds.has(id) || linkIds.has(id)) ids.add(id);
    const cluster = workloadClusters.get(id);
    if (cluster) ids.add(cluster);
  }
  useUi.getState().setHighlightPath(finding.path && finding.path.length > 0 ? finding.path : null);
  focusElements(ids, flow);
}

/**
 * Select elements of the open design (devices, sites, links, notes) and zoom to them; a link is
 * zoomed to by its two ends.
 */
export function focusElements(
  ids: ReadonlySet<string>,
  flow: ReactFlowInstance<FlowNode, FlowEdge>,
): void {
  const state = useStudio.getState();
  state.select([...ids]);
  const zoomNodes = new Set<string>();
  const shown = new Set([...state.design.nodes, ...state.design.notes].map((n) => n.id));
  for (const id of ids) {
    if (shown.has(id)) zoomNodes.add(id);
    const link = state.design.links.find((l) => l.id === id);
    if (link) {
      zoomNodes.add(link.source);
      zoomNodes.add(link.target);
    }
  }
  if (zoomNodes.size > 0)
    void flow.fitView({
      nodes: [...zoomNodes].map((id) => ({ id })),
      padding: 0.35,
      duration: 400,
      maxZoom: 1.2,
    });
}
