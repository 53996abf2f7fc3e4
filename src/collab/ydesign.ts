/**
 * The design as a Yjs document, and back. Pure: no React, no store, no network.
 *
 * Layout of the document (each name below is a root Y.Map):
 * - `meta`: the design's scalar fields (`version`, `name`, …); `settings` is a nested Y.Map so
 *   two people changing two settings never collide.
 * - one map per collection (`nodes`, `links`, `segments`, `workloads`, `notes`, `waivers`),
 *   keyed by the element's id (a waiver by its finding key). Each element is a Y.Map of its
 *   fields with plain values, so an edit to one field of one element is one key write:
 *   concurrent edits to different elements (or different fields) never conflict, and two edits
 *   of one field resolve to one value (Yjs' last-writer rule, the same on every client).
 *
 * Order: a Y.Map has no order that all clients agree on, so each element carries its position
 * in the list (`ORDER_KEY`, a number given when it is created); decoding sorts by it, then by
 * id, so every client decodes the same design. Sites come before devices (React Flow needs a
 * parent before its children), as the store keeps them.
 *
 * Decoding returns a plain object for the one loader (src/io/document.ts): the schema, the
 * migrations and the reference checks decide whether it is a design, on the client and on the
 * room server alike.
 */
import * as Y from 'yjs';
import { loadDocument, type LoadResult } from '../io/document';
import type { Design } from '../model/schema';

/** Each collection of the design and the field that keys its elements. */
export const COLLECTIONS = [
  ['nodes', 'id'],
  ['links', 'id'],
  ['segments', 'id'],
  ['workloads', 'id'],
  ['notes', 'id'],
  ['waivers', 'findingKey'],
] as const;

export type CollectionName = (typeof COLLECTIONS)[number][0];

export const META = 'meta';
/** Design-level objects whose fields are edited one by one (a nested map in `meta`). */
const NESTED_META = new Set(['settings']);
/** The element's place in its list (not a design field: decoding drops it). */
export const ORDER_KEY = '_o';
/** Every root type a room document may hold; the server refuses documents with others. */
export const ROOT_NAMES: ReadonlySet<string> = new Set([META, ...COLLECTIONS.map((c) => c[0])]);

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };
type Element = Readonly<Record<string, unknown>>;

/** Structural equality of plain JSON values (design fields). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue(ra[k], rb[k]));
}

function collectionOf(design: Design, name: CollectionName): readonly Element[] {
  const list = (design as unknown as Record<string, unknown>)[name];
  return Array.isArray(list) ? (list as Element[]) : [];
}

function keyOf(element: Element, keyField: string): string | null {
  const key = element[keyField];
  return typeof key === 'string' && key.length > 0 ? key : null;
}

/** Copy a plain value so the document never shares objects with the store's design. */
function plain(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function writeElement(
  target: Y.Map<unknown>,
  element: Element,
  keyField: string,
  previous: Element | undefined,
): void {
  for (const [field, value] of Object.entries(element)) {
    if (field === keyField || value === undefined) continue;
    if (previous && sameValue(previous[field], value)) continue;
    if (!previous && target.has(field) && sameValue(target.get(field), value)) continue;
    target.set(field, plain(value));
  }
  // Optional fields that were cleared (only those this edit cleared: a field a colleague set
  // meanwhile is not this edit's to remove).
  for (const field of Array.from(target.keys())) {
    if (field === ORDER_KEY || field === keyField || element[field] !== undefined) continue;
    if (!previous || previous[field] !== undefined) target.delete(field);
  }
}

function nextOrder(map: Y.Map<Y.Map<unknown>>): number {
  let max = -1;
  for (const element of map.values()) {
    const o = element instanceof Y.Map ? element.get(ORDER_KEY) : undefined;
    if (typeof o === 'number' && o > max) max = o;
  }
  return max + 1;
}

function writeMeta(doc: Y.Doc, previous: Design | null, next: Design): void {
  const meta = doc.getMap<unknown>(META);
  const collections = new Set<string>(COLLECTIONS.map((c) => c[0]));
  const prev = previous as unknown as Record<string, unknown> | null;
  for (const [field, value] of Object.entries(next)) {
    if (collections.has(field) || value === undefined) continue;
    if (prev && prev[field] === value) continue;
    if (NESTED_META.has(field) && typeof value === 'object' && value !== null) {
      let nested = meta.get(field);
      if (!(nested instanceof Y.Map)) {
        nested = new Y.Map<unknown>();
        meta.set(field, nested);
      }
      const before = prev?.[field] as Element | undefined;
      writeElement(nested as Y.Map<unknown>, value as Element, '', before);
      continue;
    }
    if (!sameValue(meta.get(field), value)) meta.set(field, plain(value));
  }
}

/**
 * Write the difference between `previous` (what the document holds, as last read or written)
 * and `next` into the document, in one transaction with `origin`. With `previous` null the
 * whole design is compared against the document's current content.
 */
export function writeDesign(
  doc: Y.Doc,
  previous: Design | null,
  next: Design,
  origin: unknown = null,
): void {
  doc.transact(() => {
    writeMeta(doc, previous, next);
    for (const [name, keyField] of COLLECTIONS) {
      const map = doc.getMap<Y.Map<unknown>>(name);
      const before = new Map<string, Element>();
      if (previous)
        for (const e of collectionOf(previous, name)) {
          const k = keyOf(e, keyField);
          if (k !== null) before.set(k, e);
        }
      const list = collectionOf(next, name);
      const present = new Set<string>();
      let order = -1;
      for (const element of list) {
        const key = keyOf(element, keyField);
        if (key === null || present.has(key)) continue;
        present.add(key);
        const old = before.get(key);
        if (old === element) continue; // untouched (the store's edits keep unchanged objects)
        let target = map.get(key);
        if (!(target instanceof Y.Map)) {
          if (order < 0) order = nextOrder(map);
          target = new Y.Map<unknown>();
          target.set(ORDER_KEY, order++);
          map.set(key, target);
          writeElement(target, element, keyField, undefined);
        } else {
          writeElement(target, element, keyField, old);
        }
      }
      const gone = previous ? [...before.keys()] : Array.from(map.keys());
      for (const key of gone) if (!present.has(key) && map.has(key)) map.delete(key);
    }
  }, origin);
}

function readElement(value: unknown, key: string, keyField: string): Element | null {
  if (!(value instanceof Y.Map)) return null;
  const out: Record<string, unknown> = {};
  for (const [field, v] of value.entries()) {
    if (field === ORDER_KEY) continue;
    out[field] = v instanceof Y.AbstractType ? v.toJSON() : v;
  }
  out[keyField] = key;
  return out;
}

/** Is the document still empty (a room nobody has put a design in yet)? */
export function isEmptyDoc(doc: Y.Doc): boolean {
  return doc.getMap(META).size === 0 && COLLECTIONS.every(([n]) => doc.getMap(n).size === 0);
}

/** The document as a raw design object, for the one loader. Deterministic for equal documents. */
export function readRawDesign(doc: Y.Doc): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [field, v] of doc.getMap<unknown>(META).entries())
    raw[field] = v instanceof Y.AbstractType ? v.toJSON() : v;
  for (const [name, keyField] of COLLECTIONS) {
    const map = doc.getMap<unknown>(name);
    const rows: { order: number; key: string; element: Element }[] = [];
    for (const [key, value] of map.entries()) {
      const element = readElement(value, key, keyField);
      if (!element) continue;
      const o = value instanceof Y.Map ? value.get(ORDER_KEY) : undefined;
      rows.push({ order: typeof o === 'number' ? o : Number.MAX_SAFE_INTEGER, key, element });
    }
    rows.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let elements = rows.map((r) => r.element);
    if (name === 'nodes')
      elements = [
        ...elements.filter((e) => e['kind'] === 'site'),
        ...elements.filter((e) => e['kind'] !== 'site'),
      ];
    raw[name] = elements;
  }
  return raw;
}

/** Extra root types a hostile client may have added (the design never has them). */
export function unknownRoots(doc: Y.Doc): string[] {
  return Array.from(doc.share.keys()).filter((name) => !ROOT_NAMES.has(name));
}

/** The document through the one loader: a valid design, or the reason it is not one. */
export function readDesign(doc: Y.Doc): LoadResult {
  const extra = unknownRoots(doc);
  if (extra.length > 0)
    return {
      ok: false,
      error: {
        kind: 'invalid',
        path: extra[0] ?? '(root)',
        message: `the room holds data that is not part of a design (“${extra[0]}”).`,
      },
    };
  return loadDocument(readRawDesign(doc));
}

/**
 * Keep the previous design's objects for every element that did not change, so the store
 * (and React Flow) re-render only what a remote edit touched.
 */
export function reuseUnchanged(previous: Design, next: Design): Design {
  if (sameValue(previous, next)) return previous;
  const out: Record<string, unknown> = { ...next };
  const prev = previous as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(next)) {
    if (typeof value === 'object' && value !== null && sameValue(prev[field], value))
      out[field] = prev[field];
  }
  for (const [name, keyField] of COLLECTIONS) {
    const list = (next as unknown as Record<string, unknown>)[name];
    if (!Array.isArray(list)) continue;
    const old = new Map<string, Element>();
    for (const e of collectionOf(previous, name)) {
      const k = keyOf(e, keyField);
      if (k !== null) old.set(k, e);
    }
    const reused = (list as Element[]).map((e) => {
      const k = keyOf(e, keyField);
      const o = k === null ? undefined : old.get(k);
      return o !== undefined && sameValue(o, e) ? o : e;
    });
    const prevList = prev[name];
    out[name] =
      Array.isArray(prevList) &&
      prevList.length === reused.length &&
      reused.every((e, i) => e === prevList[i])
        ? prevList
        : reused;
  }
  return out as unknown as Design;
}

/** One field a tracked edit wrote: what it held before and what the edit left. */
interface FieldWrite {
  readonly target: Y.Map<unknown>;
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const WRITES = 'dci-writes';

/**
 * Per-user undo for a room document: a Y.UndoManager over the design's maps that tracks only
 * `origin` (my Ctrl+Z never undoes a colleague's edit), and that never leaves a field without a
 * value.
 *
 * Why the second part: when two people write one field at once, Yjs keeps one of the writes
 * (the same one on every client) and deletes the other. If the kept write is undone, Yjs does
 * not bring back the value from before it, because a later write (the deleted one) had
 * replaced that; the field is left with no value at all, a design with a required field
 * missing, which the room server refuses. So every tracked edit remembers what it wrote, and a
 * field that an undo leaves empty gets the value from before that edit, in the undo's own
 * transaction (one update: the server checks each); redoing that undo writes the edit's value
 * again.
 */
export class RoomUndo {
  readonly manager: Y.UndoManager;
  /** What the tracked transaction being committed wrote (collected by the observers). */
  private pending: FieldWrite[] = [];
  /** While undoing or redoing: the writes of the item being moved to the other stack. */
  private moving: readonly FieldWrite[] | null = null;

  constructor(
    private readonly doc: Y.Doc,
    origin: unknown,
  ) {
    const scope = [doc.getMap(META), ...COLLECTIONS.map(([name]) => doc.getMap(name))];
    this.manager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([origin]),
      captureTimeout: 0,
    });
    const collections = new Set<unknown>(scope.slice(1));
    const observe = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
      if (tr.origin !== origin) return;
      for (const event of events) {
        // Adding or removing whole elements never leaves a field empty.
        if (!(event.target instanceof Y.Map) || collections.has(event.target)) continue;
        const target = event.target as Y.Map<unknown>;
        for (const [field, change] of event.changes.keys) {
          this.pending.push({ target, field, before: change.oldValue, after: target.get(field) });
        }
      }
    };
    for (const type of scope) type.observeDeep(observe);
    this.manager.on('stack-item-added', (event: { stackItem: { meta: Map<unknown, unknown> } }) => {
      event.stackItem.meta.set(WRITES, this.moving ?? this.pending);
      this.pending = [];
    });
  }

  undo(): void {
    this.move('undo');
  }

  redo(): void {
    this.move('redo');
  }

  canUndo(): boolean {
    return this.manager.canUndo();
  }

  canRedo(): boolean {
    return this.manager.canRedo();
  }

  destroy(): void {
    this.manager.destroy();
  }

  private move(which: 'undo' | 'redo'): void {
    const stack = which === 'undo' ? this.manager.undoStack : this.manager.redoStack;
    const item = stack[stack.length - 1];
    if (!item) return;
    const writes = (item.meta.get(WRITES) as readonly FieldWrite[] | undefined) ?? [];
    const flag = which === 'undo' ? 'undoing' : 'redoing';
    this.moving = writes;
    try {
      // One transaction for the step and its repair: the room server checks every update on its
      // own, so an undo sent as "field removed" then "field filled" would be refused at the
      // first. The manager files the whole transaction (repair included) as the step, so the
      // redo takes the repair back and brings the edit's value again.
      this.doc.transact(() => {
        this.manager[which]();
        if (which === 'undo') this.fillEmptied(writes);
        this.manager[flag] = true; // manager.undo() reset it; its listener runs after this
      }, this.manager);
    } finally {
      this.manager[flag] = false;
      this.moving = null;
    }
  }

  /** Fields the undo left without a value get the value from before the edit. */
  private fillEmptied(writes: readonly FieldWrite[]): void {
    for (const w of writes) {
      const alive = w.target.doc === this.doc && !(w.target._item?.deleted ?? false);
      if (w.before !== undefined && !w.target.has(w.field) && alive)
        w.target.set(w.field, w.before);
    }
  }
}
