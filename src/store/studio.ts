/**
 * The studio store: the design (source of truth), its React-Flow projection, and history.
 * Every edit goes through `commit`, which calls a pure model edit, records the previous design
 * for undo, and re-syncs nodes and edges incrementally. Findings are derived (findings.ts),
 * never stored.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { create } from 'zustand';
import {
  createDevice,
  createSite,
  DEVICE_SIZE,
  emptyDesign,
  KIND_LABELS,
  newId,
  nextDeviceName,
  nextSiteName,
} from '../model/defaults';
import {
  addNode,
  connect,
  findNode,
  moveNodes,
  removeElements,
  removeSegment,
  removeWorkload,
  reparent,
  updateLink,
  updateNode,
  upsertSegment,
  upsertWorkload,
  type LinkPatch,
  type NodePatch,
} from '../model/edits';
import type { Design, NodeKind, Position, Segment, Settings, Workload } from '../model/schema';
import type { Clipboard } from '../model/clipboard';
import {
  absolutePosition,
  freeSpotForSite,
  insideSite,
  insideSiteBox,
  placeDevice,
  siteAt,
  snapToGrid,
} from '../model/placement';
import { sameEdgeLinks, syncEdges, syncNodes, type FlowEdge, type FlowNode } from './flow';
import {
  addNote as addNoteEdit,
  createNote,
  moveNotes,
  updateNote as updateNoteEdit,
  type NotePatch,
} from '../model/notes';
import { syncNoteNodes, type NoteFlowNode } from './noteFlow';
import { currentEditGroup, registerPendingEdit } from './pendingEdits';
import { validatingAfterFrame } from './validationTiming';
import { useScenario } from './scenario';
import { notify, useUi } from './ui';

const HISTORY_LIMIT = 200;

export interface StudioState {
  design: Design;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** The design's whiteboard notes as React Flow nodes (beside `nodes`, see noteFlow.ts). */
  noteNodes: NoteFlowNode[];
  past: Design[];
  future: Design[];
  /** View-only mode (a view-only share link): every edit is refused. */
  readOnly: boolean;
  /** What Ctrl+C took, and how many times it was pasted since (app/tools.ts copies and pastes). */
  clipboard: Clipboard | null;
  pasteCount: number;

  /**
   * Make `next` the design: one undoable step. With `also`, its `select` comes selected (a
   * paste's or a duplicate's copies) and its other fields set in the same store update, so the
   * canvas and every listener take the edit once rather than drawn, then selected.
   */
  commit: (next: Design, also?: CommitAlso) => void;
  /** Apply a pure model edit to the design as it is now: one undoable step. */
  apply: (edit: (design: Design) => Design) => void;
  replaceDesign: (next: Design, options?: { readOnly?: boolean }) => void;
  /**
   * Show a design that came from elsewhere (a live room): not an edit of this user's, so it is
   * not undoable here and view-only mode does not refuse it. Unchanged elements keep their
   * nodes (pass a design that reuses the previous objects).
   */
  receiveDesign: (next: Design) => void;
  undo: () => void;
  redo: () => void;

  onNodesChange: (changes: NodeChange<FlowNode | NoteFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
  /** A drag's end: made the design's (one undoable step) just after the frame that shows it. */
  finishDrag: (ids: readonly string[]) => void;
  connect: (source: string, target: string) => void;

  /**
   * Add an element: a site at `at`; a device in the site under `at` (at the free spot nearest
   * it), or in `options.siteId` when given (at the site's first free spot, as a palette click).
   */
  addElement: (kind: NodeKind, at: Position, options?: { siteId?: string }) => string | null;
  /** Add a note with its top-left corner at `at`, pointing at `targetId` if given. */
  addNote: (at: Position, targetId?: string) => string | null;
  updateNote: (id: string, patch: NotePatch) => void;
  updateElement: (id: string, patch: NodePatch) => void;
  updateLink: (id: string, patch: LinkPatch) => void;
  upsertSegment: (segment: Segment) => void;
  removeSegment: (id: string) => void;
  upsertWorkload: (workload: Workload) => void;
  removeWorkload: (id: string) => void;
  updateSettings: (patch: Partial<Settings>) => void;
  rename: (name: string) => void;

  select: (ids: readonly string[]) => void;
  selectAll: () => void;
  deleteSelection: () => void;
}

/** What a commit may bring in its own store update: a selection, the paste count. */
export interface CommitAlso {
  readonly select?: readonly string[];
  readonly pasteCount?: number;
}

type Selectable = Pick<StudioState, 'nodes' | 'edges'> & Partial<Pick<StudioState, 'noteNodes'>>;
const NO_NOTE_NODES: readonly NoteFlowNode[] = [];

/**
 * The selection last read, by the arrays it was read from: the inspector, the commands' enabled
 * state (each button of the arrange tools asks) and the store's listeners read it on every
 * store update, and a select-all made each of them walk every node and edge.
 */
let lastSelection: {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  readonly noteNodes: readonly NoteFlowNode[];
  readonly ids: readonly string[];
} | null = null;

function selectionOf(state: Selectable): NonNullable<typeof lastSelection> {
  const noteNodes = state.noteNodes ?? NO_NOTE_NODES;
  if (
    lastSelection?.nodes === state.nodes &&
    lastSelection.edges === state.edges &&
    lastSelection.noteNodes === noteNodes
  )
    return lastSelection;
  const ids = [
    ...state.nodes.filter((n) => n.selected).map((n) => n.id),
    ...state.edges.filter((e) => e.selected).map((e) => e.id),
    ...noteNodes.filter((n) => n.selected).map((n) => n.id),
  ];
  lastSelection = { nodes: state.nodes, edges: state.edges, noteNodes, ids };
  return lastSelection;
}

/** The selected nodes', links' and notes' ids: the same array while the selection is. */
export function selectedIds(state: Selectable): readonly string[] {
  return selectionOf(state).ids;
}

/**
 * What the inspector shows of the selection, as a selector's value: '' for none, the id of the
 * one selected, or how many when there are several (it shows only their number). The ids joined
 * in one string made a 36 KB string at 3,000 elements after a select-all, kept while the
 * selection was, and an array of every id split from it on each render of the inspector.
 */
export function selectionShown(state: Selectable): string | number {
  const { ids } = selectionOf(state);
  return ids.length > 1 ? ids.length : (ids[0] ?? '');
}

function refuseReadOnly(state: StudioState): boolean {
  if (state.readOnly) notify('info', 'This design is view-only. Use “Edit a copy” to change it.');
  return state.readOnly;
}

/**
 * A drop waiting for the frame that shows it (finishDrag): made the design's in a task just
 * after that frame, or before anything reads or changes the design through the store's actions,
 * a key or pointer press (Canvas.tsx) or a flush of the pending edits (autosave, leaving the
 * page): settleDrop.
 */
let pendingDrop: (() => void) | null = null;
let unregisterDrop: (() => void) | null = null;

/** Make a drop still waiting for its frame the design's now (nothing when none waits). */
export function settleDrop(): void {
  const run = pendingDrop;
  if (!run) return;
  pendingDrop = null;
  unregisterDrop?.();
  unregisterDrop = null;
  run();
}

/** Whether a drop waits for its frame (the router holds its answers meanwhile: routes.ts). */
export function dropPending(): boolean {
  return pendingDrop !== null;
}

/** Run a drop's commit just after the next frame (or at the next settleDrop, if sooner). */
function dropAfterFrame(run: () => void): void {
  settleDrop();
  pendingDrop = run;
  unregisterDrop = registerPendingEdit(settleDrop);
  if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => setTimeout(settleDrop, 0));
  else setTimeout(settleDrop, 0);
}

/** The store's state with each action settling a waiting drop first (settleDrop). */
function settling(state: StudioState): StudioState {
  const out: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(state))
    if (typeof value === 'function')
      out[key] = (...args: unknown[]) => {
        settleDrop();
        return (value as (...a: unknown[]) => unknown)(...args);
      };
  return out as unknown as StudioState;
}

export const useStudio = create<StudioState>()((set, get) => {
  /** The edit group of the last commit (pendingEdits.ts): the same group is one undo step. */
  let lastGroup: string | null = null;
  /** Make `next` the design, drawn as `flow`: one undoable step (or one more of its group). */
  const record = (
    next: Design,
    flow: Pick<StudioState, 'nodes' | 'edges' | 'noteNodes'>,
    also?: Pick<StudioState, 'pasteCount'>,
  ) => {
    const state = get();
    const group = currentEditGroup();
    const sameStep = group !== null && group === lastGroup;
    lastGroup = group;
    set({
      design: next,
      ...flow,
      ...also,
      past: sameStep ? state.past : [...state.past, state.design].slice(-HISTORY_LIMIT),
      future: [],
    });
  };
  const commit = (next: Design, also?: CommitAlso) => {
    const state = get();
    if (next === state.design) return;
    if (refuseReadOnly(state)) return;
    const flow = flowFor(next, state);
    record(
      next,
      also?.select ? selectedIn(flow, new Set(also.select)) : flow,
      also?.pasteCount === undefined ? undefined : { pasteCount: also.pasteCount },
    );
  };

  /** What the changes make of the nodes and notes' nodes. */
  const changed = (
    state: StudioState,
    changes: NodeChange<FlowNode | NoteFlowNode>[],
  ): { flow: Partial<Pick<StudioState, 'nodes' | 'noteNodes'>> } => {
    // Changes to notes go to the notes' nodes, so a note's drag leaves `nodes` as it is.
    const noteIds = state.noteNodes.length === 0 ? null : new Set(state.noteNodes.map((n) => n.id));
    const forNotes = noteIds ? changes.filter((c) => noteIds.has(changeId(c))) : [];
    const forNodes =
      forNotes.length === 0 || !noteIds
        ? changes
        : changes.filter((c) => !noteIds.has(changeId(c)));
    const nodes =
      forNodes.length > 0
        ? applyNodeChanges(forNodes as NodeChange<FlowNode>[], state.nodes)
        : state.nodes;
    return {
      flow: {
        ...(nodes !== state.nodes ? { nodes } : {}),
        ...(forNotes.length > 0
          ? {
              noteNodes: applyNodeChanges(forNotes as NodeChange<NoteFlowNode>[], state.noteNodes),
            }
          : {}),
      },
    };
  };
  const applyChanges = (changes: NodeChange<FlowNode | NoteFlowNode>[]) => {
    set(changed(get(), changes).flow);
  };

  /**
   * The position changes of a drag's end (React Flow sends them just before onNodeDragStop):
   * held for `finishDrag`, which draws them with the drop in one store update instead of two.
   * A drag's end that no drop follows (an aborted drag) has them applied at the end of its task.
   */
  let held: NodeChange<FlowNode | NoteFlowNode>[] | null = null;
  const applyHeld = () => {
    const changes = held;
    held = null;
    if (changes) applyChanges(changes);
  };

  const jump = (from: 'past' | 'future') => {
    lastGroup = null;
    const state = get();
    const stack = state[from];
    const target = stack[stack.length - 1];
    if (!target) return;
    const rest = stack.slice(0, -1);
    const other = from === 'past' ? 'future' : 'past';
    set({
      design: target,
      ...flowFor(target, state),
      [from]: rest,
      [other]: [...state[other], state.design],
    });
  };

  /** A drop (finishDrag) made the design's: the drag's end `changes` and the moves of `ids`. */
  const drop = (ids: readonly string[], changes: NodeChange<FlowNode | NoteFlowNode>[] | null) => {
    const before = get();
    const state: StudioState = changes ? { ...before, ...changed(before, changes).flow } : before;
    const positions = new Map<string, Position>();
    for (const n of state.nodes)
      if (ids.includes(n.id))
        positions.set(n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) });
    const notePositions = new Map<string, Position>();
    for (const n of state.noteNodes) if (ids.includes(n.id)) notePositions.set(n.id, n.position);
    let next = moveNotes(moveNodes(state.design, positions), notePositions);
    // A device dropped outside its site: re-parent it to the site it landed in, or refuse.
    const refused: string[] = [];
    for (const id of ids) {
      const element = findNode(next, id);
      if (!element || element.kind === 'site') continue;
      const abs = absolutePosition(next, element);
      const center = { x: abs.x + DEVICE_SIZE.width / 2, y: abs.y + DEVICE_SIZE.height / 2 };
      const home = findNode(next, element.parentId);
      const landed =
        home?.kind === 'site' && insideSite(home, center) ? home : siteAt(next, center);
      if (landed) {
        // Wholly inside the site it landed in, not hanging over its border.
        const at = insideSiteBox(landed, {
          x: Math.round(abs.x - landed.position.x),
          y: Math.round(abs.y - landed.position.y),
        });
        if (landed !== home) next = reparent(next, id, landed.id, at);
        else if (at.x !== element.position.x || at.y !== element.position.y)
          next = moveNodes(next, new Map([[id, at]]));
      } else {
        refused.push(element.label || element.id);
        const original = findNode(state.design, id);
        if (original) next = moveNodes(next, new Map([[id, original.position]]));
      }
    }
    if (refused.length > 0)
      notify(
        'warning',
        `${refused.join(', ')} must live in a site: drop it inside one. It was put back.`,
      );
    if (
      next === state.design ||
      (sameDesignPositions(next, state.design) && next.notes === state.design.notes)
    ) {
      // Nothing moved (a click, a drop put back): the flow shows the design's positions (the
      // edges, which name no handle, are as they were).
      set({
        nodes: syncNodes(state.design, atDesignPositions(state.nodes, state.design)),
        noteNodes: notesAtDesignPositions(state.noteNodes),
      });
      return;
    }
    const flow = flowFor(next, state);
    // Refused nodes go back where the design has them.
    if (refused.length > 0) flow.nodes = atDesignPositions(flow.nodes, next);
    // Its findings follow the frame that draws it, which waits for no validation either.
    validatingAfterFrame(() => record(next, flow));
  };

  const initial = emptyDesign();
  return settling({
    design: initial,
    nodes: [],
    edges: [],
    noteNodes: [],
    past: [],
    future: [],
    readOnly: false,
    clipboard: null,
    pasteCount: 0,

    commit,
    apply: (edit) => commit(edit(get().design)),
    replaceDesign: (next, options) => {
      lastGroup = null;
      // What-if scenarios, highlighted paths and a comparison's marks belong to the design
      // they were made on.
      if (next !== get().design) {
        useScenario.getState().reset();
        useUi.getState().setHighlightPath(null);
        useUi.getState().setCompareMarks(null);
      }
      set({
        design: next,
        nodes: syncNodes(next, []),
        edges: syncEdges(next, []),
        noteNodes: syncNoteNodes(next, []),
        past: [],
        future: [],
        readOnly: options?.readOnly ?? false,
        pasteCount: 0,
      });
    },
    receiveDesign: (next) => {
      const state = get();
      if (next === state.design) return;
      set({ design: next, ...flowFor(next, state), past: [], future: [] });
    },
    undo: () => jump('past'),
    redo: () => jump('future'),

    onNodesChange: (changes) => {
      // Changes come in the order React Flow made them: one held from a drag's end goes first.
      if (held) applyHeld();
      const state = get();
      // Removal goes through deleteSelection (one undoable edit); React Flow's own is ignored.
      const allowed = changes.filter(
        (c) =>
          c.type !== 'remove' && c.type !== 'add' && !(state.readOnly && c.type === 'position'),
      );
      if (allowed.length === 0) return;
      if (allowed.every((c) => c.type === 'position' && c.dragging === false)) {
        held = allowed;
        queueMicrotask(applyHeld);
        return;
      }
      applyChanges(allowed);
    },
    onEdgesChange: (changes) => {
      const allowed = changes.filter((c) => c.type === 'select');
      if (allowed.length > 0) set({ edges: applyEdgeChanges(allowed, get().edges) });
    },

    finishDrag: (ids) => {
      if (get().readOnly) {
        held = null;
        return;
      }
      // The drag's end, held by onNodesChange, is drawn with the drop: one store update.
      const changes = held;
      held = null;
      // The canvas already shows each dragged node where it was dropped: the frame after the
      // pointer-up waits for none of the drop's work (design, history, flow, React Flow's
      // update of every node), done in a task of its own just after that frame, or before
      // anything else touches the store (settleDrop).
      dropAfterFrame(() => drop(ids, changes));
    },
    connect: (source, target) => {
      const state = get();
      const next = connect(state.design, source, target);
      if (next !== state.design) commit(next);
    },

    addElement: (kind, at, options) => {
      const state = get();
      if (refuseReadOnly(state)) return null;
      const id = newId(kind);
      if (kind === 'site') {
        const site = createSite(
          id,
          nextSiteName(state.design),
          freeSpotForSite(state.design, snapToGrid(at)),
        );
        commit(addNode(state.design, site));
        return id;
      }
      const center = { x: at.x + DEVICE_SIZE.width / 2, y: at.y + DEVICE_SIZE.height / 2 };
      const chosen =
        options?.siteId !== undefined ? findNode(state.design, options.siteId) : undefined;
      const site =
        chosen?.kind === 'site'
          ? chosen
          : (siteAt(state.design, center) ?? siteAt(state.design, at));
      if (!site) {
        notify(
          'warning',
          `A ${KIND_LABELS[kind].toLowerCase()} lives in a site: drop it inside one (add a site first).`,
        );
        return null;
      }
      // A click adds at the site's first free spot; a drop at the free spot nearest the pointer.
      const near =
        chosen?.kind === 'site'
          ? undefined
          : { x: at.x - site.position.x, y: at.y - site.position.y };
      const placed = placeDevice(state.design, site.id, near);
      const device = createDevice(
        kind,
        id,
        nextDeviceName(state.design, site.id, kind),
        site.id,
        placed.position,
      );
      const grown = placed.siteSize
        ? updateNode(state.design, site.id, placed.siteSize)
        : state.design;
      commit({ ...grown, nodes: [...grown.nodes, device] });
      return id;
    },

    addNote: (at, targetId) => {
      const state = get();
      if (refuseReadOnly(state)) return null;
      const id = newId('note');
      const next = addNoteEdit(state.design, createNote(id, at, '', targetId));
      if (next === state.design) return null;
      commit(next);
      return id;
    },
    updateNote: (id, patch) => commit(updateNoteEdit(get().design, id, patch)),

    updateElement: (id, patch) => commit(updateNode(get().design, id, patch)),
    updateLink: (id, patch) => commit(updateLink(get().design, id, patch)),
    upsertSegment: (segment) => commit(upsertSegment(get().design, segment)),
    removeSegment: (id) => commit(removeSegment(get().design, id)),
    upsertWorkload: (workload) => commit(upsertWorkload(get().design, workload)),
    removeWorkload: (id) => commit(removeWorkload(get().design, id)),
    updateSettings: (patch) =>
      commit({ ...get().design, settings: { ...get().design.settings, ...patch } }),
    rename: (name) => commit({ ...get().design, name }),

    select: (ids) => {
      const state = get();
      const flow = selectedIn(state, new Set(ids));
      if (
        flow.nodes !== state.nodes ||
        flow.edges !== state.edges ||
        flow.noteNodes !== state.noteNodes
      )
        set(flow);
    },
    selectAll: () =>
      get().select([
        ...get().nodes.map((n) => n.id),
        ...get().edges.map((e) => e.id),
        ...get().noteNodes.map((n) => n.id),
      ]),
    deleteSelection: () => {
      const ids = selectedIds(get());
      if (ids.length === 0) return;
      commit(removeElements(get().design, ids));
    },
  });
});

/**
 * The flow with `wanted` selected and nothing else. Only the arrays whose selection changes are
 * new: React Flow rebuilds its index of every edge when it is handed a new edges array, and a
 * selection of devices leaves the links. The selection's ids, met on the way, are those that
 * selectedIds reads of the arrays returned: a paste (or a select) made the store's listeners
 * walk every node and edge again for them, in the task before the frame that shows it.
 */
function selectedIn(
  flow: Pick<StudioState, 'nodes' | 'edges' | 'noteNodes'>,
  wanted: ReadonlySet<string>,
): Pick<StudioState, 'nodes' | 'edges' | 'noteNodes'> {
  const ids: string[] = [];
  const nodes = withSelection(flow.nodes, wanted, ids);
  const edges = withSelection(flow.edges, wanted, ids);
  const noteNodes = withSelection(flow.noteNodes, wanted, ids);
  lastSelection = { nodes, edges, noteNodes, ids };
  return { nodes, edges, noteNodes };
}

/** The items with `selected` as `wanted` says (the same array when none changes); their ids to `ids`. */
function withSelection<T extends { readonly id: string; readonly selected?: boolean }>(
  items: T[],
  wanted: ReadonlySet<string>,
  ids: string[],
): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const selected = wanted.has(item.id);
    if (selected) ids.push(item.id);
    if ((item.selected ?? false) === selected) continue;
    out ??= items.slice();
    out[i] = { ...item, selected };
  }
  return out ?? items;
}

/**
 * The flow of a design that follows the state's: each of the nodes, edges and notes' nodes is
 * synced only if what it is drawn from changed (the flow always holds the state's design's own
 * elements, so syncing from unchanged ones would hand back the same array).
 */
function flowFor(
  next: Design,
  state: Pick<StudioState, 'design' | 'nodes' | 'edges' | 'noteNodes'>,
): Pick<StudioState, 'nodes' | 'edges' | 'noteNodes'> {
  const sameNodes = next.nodes === state.design.nodes;
  return {
    nodes: sameNodes ? state.nodes : syncNodes(next, state.nodes),
    edges:
      sameNodes && sameEdgeLinks(state.design.links, next.links)
        ? state.edges
        : syncEdges(next, state.edges),
    noteNodes:
      next.notes === state.design.notes ? state.noteNodes : syncNoteNodes(next, state.noteNodes),
  };
}

/** The id of the node a change is about (every change React Flow sends here has one). */
function changeId(change: NodeChange<FlowNode | NoteFlowNode>): string {
  return 'id' in change ? change.id : change.item.id;
}

/** The flow's nodes at the design's positions; a node already there keeps its object. */
function atDesignPositions(nodes: readonly FlowNode[], design: Design): FlowNode[] {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  return nodes.map((n) => {
    const at = byId.get(n.id)?.position;
    return !at || (at.x === n.position.x && at.y === n.position.y) ? n : { ...n, position: at };
  });
}

/** The notes' nodes at the design's positions; a node already there keeps its object. */
function notesAtDesignPositions(nodes: NoteFlowNode[]): NoteFlowNode[] {
  if (nodes.every((n) => n.position === n.data.note.position)) return nodes;
  return nodes.map((n) =>
    n.position === n.data.note.position ? n : { ...n, position: n.data.note.position },
  );
}

function sameDesignPositions(a: Design, b: Design): boolean {
  if (a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return (
      m !== undefined &&
      m.id === n.id &&
      m.position.x === n.position.x &&
      m.position.y === n.position.y &&
      (n.kind === 'site' || (m.kind !== 'site' && m.parentId === n.parentId))
    );
  });
}
