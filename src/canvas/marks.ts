/**
 * What a card, a site or a link shows of the state around its element: whether it lies on the
 * highlighted path of a finding (ui.ts), whether it is down in the what-if scenario (scenario.ts;
 * a device also when its site is), whether the Compare dialog marked it changed, added or removed,
 * whether it is the one selected node or under the pointer (its
 * handles or resize handles show). One subscription per drawn element, to this store, which tells only the
 * elements whose marks changed.
 *
 * Each card used to subscribe to the three stores: three subscriptions (and their effects)
 * mounted per card when a design opens, and three selectors run per card on every update of
 * any of them (each move of a drag updates the studio's store: 3,000 selector calls a move at
 * 1,000 cards).
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { DesignNode } from '../model/schema';
import { soleSelectedNodeId } from '../store/selectors';
import { useScenario } from '../store/scenario';
import { useStudio } from '../store/studio';
import { useUi, type CompareMarks } from '../store/ui';
import { keyedWatch } from './keyedWatch';

/** On the highlighted path of a finding. */
export const HIGHLIGHTED = 1;
/** Failed in the what-if scenario (a device also when its site failed). */
export const FAILED = 2;
/** The one selected node. */
export const SOLE = 4;
/** Under the pointer (a device shows its handles). */
export const HOVERED = 8;
/** Changed in the version the Compare dialog marked against (ui.ts `compareMarks`). */
export const DIFF_CHANGED = 16;
/** Only in the open design, the later version: added since the other. */
export const DIFF_ADDED = 32;
/** Only in the open design, the earlier version: removed in the other. */
export const DIFF_REMOVED = 64;

/** The class a card, site or label takes for its comparison mark (index.css). */
export function diffClass(marks: number): string {
  return (marks & DIFF_CHANGED) !== 0
    ? 'diff-changed'
    : (marks & DIFF_ADDED) !== 0
      ? 'diff-added'
      : (marks & DIFF_REMOVED) !== 0
        ? 'diff-removed'
        : '';
}

const NONE: ReadonlyMap<string, number> = new Map();
let marks: ReadonlyMap<string, number> = NONE;

/** What the marks were made from: a store update that changes none of it changes no mark. */
let from: {
  path: readonly string[] | null;
  compared: CompareMarks | null;
  failed: readonly string[];
  nodes: readonly DesignNode[] | null;
  sole: string | null;
  hovered: string | null;
} = { path: null, compared: null, failed: [], nodes: null, sole: null, hovered: null };

/** The node under the pointer (the canvas tells, `hoverNode`). */
let hovered: string | null = null;

/** Whether the pointer moved since a node was last taken as hovered. */
let moved = true;
/** A node the pointer entered without moving (the canvas moved under it), until it moves. */
let pending: string | null = null;
let listening = false;

/**
 * The pointer entered a node (its id) or left it (null): told once by the canvas, where each
 * card kept a state of its own and two handlers.
 *
 * A node entered while the pointer stays still is hovered only once the pointer moves: in a
 * wheel pan (or a zoom) the cards slide under a still pointer, and the browser tells each one's
 * enter and leave; each hover re-rendered the card with its four live handles, some 20 ms of
 * main-thread time per card passed at 1,000 elements, a card every few frames of the pan. The
 * user, whose pointer did not move, is not pointing at them.
 */
export function hoverNode(id: string | null): void {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('pointermove', pointerMoved, { capture: true, passive: true });
  }
  if (id !== null && !moved) {
    pending = id;
    return;
  }
  pending = null;
  if (id !== null) moved = false;
  setHovered(id);
}

/** The pointer moved (a `pointermove` anywhere): a node entered without moving is hovered now. */
export function pointerMoved(): void {
  moved = true;
  if (pending === null) return;
  const id = pending;
  pending = null;
  moved = false;
  setHovered(id);
}

function setHovered(id: string | null): void {
  if (id === hovered) return;
  hovered = id;
  refresh();
}

/** The marks of one element (0: none). */
export function marksOf(id: string): number {
  return marks.get(id) ?? 0;
}

/** Each drawn element's subscription to its own marks. */
const watched = keyedWatch(marksOf, 0);

/** Subscribe to one element's marks (`marksOf`): called when they change. */
export function watchMarks(id: string, listener: () => void): () => void {
  return watched.watch(id, listener);
}

/** An element's marks (HIGHLIGHTED, FAILED, SOLE), re-rendering only when they change. */
export function useMarks(id: string): number {
  return watched.use(id);
}

/**
 * The marks of several elements together (each bit set when any of them has it), re-rendering
 * when one of theirs changes: the "+3" chip of a cluster's hidden workloads.
 */
export function useAnyMarks(ids: readonly string[]): number {
  const key = ids.join('\n');
  // Made again only when the ids change, not on each render.
  const { subscribe, get } = useMemo(() => {
    const list = key === '' ? [] : key.split('\n');
    return {
      subscribe: (listener: () => void) => {
        const stops = list.map((id) => watched.watch(id, listener));
        return () => {
          for (const stopWatching of stops) stopWatching();
        };
      },
      get: () => list.reduce((all, id) => all | marksOf(id), 0),
    };
  }, [key]);
  return useSyncExternalStore(subscribe, get, get);
}

/** Make the marks from the three stores and the pointer, and tell the elements whose marks changed. */
function refresh(): void {
  const path = useUi.getState().highlightPath;
  const compared = useUi.getState().compareMarks;
  const failed = useScenario.getState().failed;
  const studio = useStudio.getState();
  // A device's failure follows its site's: its place in the design matters only then.
  const nodes = failed.length > 0 ? studio.design.nodes : null;
  const sole = soleSelectedNodeId(studio.nodes);
  if (
    path === from.path &&
    compared === from.compared &&
    failed === from.failed &&
    nodes === from.nodes &&
    sole === from.sole &&
    hovered === from.hovered
  )
    return;
  from = { path, compared, failed, nodes, sole, hovered };
  const next = new Map<string, number>();
  const add = (id: string, mark: number) => next.set(id, (next.get(id) ?? 0) | mark);
  for (const id of path ?? []) add(id, HIGHLIGHTED);
  if (compared)
    for (const marked of [compared, compared.segments]) {
      for (const id of marked.changed) add(id, DIFF_CHANGED);
      for (const id of marked.added) add(id, DIFF_ADDED);
      for (const id of marked.removed) add(id, DIFF_REMOVED);
    }
  if (nodes) {
    const down = new Set(failed);
    for (const id of failed) add(id, FAILED);
    for (const n of nodes) if (n.kind !== 'site' && down.has(n.parentId)) add(n.id, FAILED);
  }
  if (sole !== null) add(sole, SOLE);
  if (hovered !== null) add(hovered, HOVERED);
  const before = marks;
  marks = next.size === 0 ? NONE : next;
  const changed: string[] = [];
  for (const [id, mark] of next) if ((before.get(id) ?? 0) !== mark) changed.push(id);
  for (const id of before.keys()) if (!next.has(id)) changed.push(id);
  watched.tell(changed);
}

useUi.subscribe(refresh);
useScenario.subscribe(refresh);
useStudio.subscribe(refresh);
refresh();
