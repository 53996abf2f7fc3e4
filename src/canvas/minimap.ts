import type { MiniMapProps } from '@xyflow/react';
import type { NodeKind } from '../model/schema';
import { isNote, type CanvasNode } from '../store/noteFlow';

const MINIMAP_COLORS: Partial<Record<NodeKind, string>> = {
  spine: '#6366f1',
  tor: '#0ea5e9',
  border: '#14b8a6',
  cluster: '#10b981',
  array: '#f59e0b',
  firewall: '#f43f5e',
  witness: '#8b5cf6',
};

/**
 * What each minimap node is drawn with: its fill by kind (notes in their yellow), its stroke and
 * class left to the style sheet. Each is a function of this module's: React Flow's minimap makes
 * a function of a colour or class it is given as a value (or left without) on every render of
 * its node list, which is every add or removal of a node; every minimap node (one per node of
 * the design) then rendered again, not only those that came or went (a delete of 30 devices
 * rendered 300–1,000 of them before the frame that showed it).
 */
export const MINIMAP_NODE_ATTRIBUTES = {
  nodeColor: (n: CanvasNode): string =>
    isNote(n) ? '#eab308' : (MINIMAP_COLORS[n.data.element.kind] ?? 'rgba(148,163,184,0.35)'),
  // Empty: no stroke or class of its own, as when none is given.
  nodeStrokeColor: (): string => '',
  nodeClassName: (): string => '',
} satisfies Pick<MiniMapProps<CanvasNode>, 'nodeColor' | 'nodeStrokeColor' | 'nodeClassName'>;
