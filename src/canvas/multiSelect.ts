/**
 * Whether a click adds to the selection (Shift, Ctrl or ⌘ held), told to React Flow by the
 * click itself rather than by the keys.
 *
 * React Flow follows its multi-selection keys as they go down and up, and writes each change
 * into its store: every press of Ctrl (for Ctrl+A, Ctrl+Z, Ctrl+C…) and its release re-ran the
 * selector of every node, edge, handle and minimap node, some 20 ms at 1,000 elements before
 * the A of a select-all was even read. The store's flag is read only where a pointer goes down
 * or a click (or Enter, Space, Escape on a focused element) selects: set there, from the event's
 * own modifiers, it is the same flag, written only when it changes.
 */

/** The modifiers of a pointer or key event. */
export interface Modifiers {
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** What of React Flow's store this needs. */
export interface MultiSelectionStore {
  getState(): { multiSelectionActive: boolean };
  setState(partial: { multiSelectionActive: boolean }): void;
}

/** The keys that select the focused node or link in React Flow (its `elementSelectionKeys`). */
const SELECTION_KEYS: ReadonlySet<string> = new Set(['Enter', ' ', 'Escape']);

/** Shift, Ctrl or ⌘ held: the click adds to the selection (or takes one out of it). */
export function addsToSelection(event: Modifiers): boolean {
  return event.shiftKey || event.ctrlKey || event.metaKey;
}

/** Before a pointer goes down on the canvas: the store's flag as the event's modifiers say. */
export function syncMultiSelection(store: MultiSelectionStore, event: Modifiers): void {
  const active = addsToSelection(event);
  if (store.getState().multiSelectionActive !== active)
    store.setState({ multiSelectionActive: active });
}

/** Before a key on the canvas: only the keys that select change anything. */
export function syncMultiSelectionForKey(
  store: MultiSelectionStore,
  event: Modifiers & { readonly key: string },
): void {
  if (SELECTION_KEYS.has(event.key)) syncMultiSelection(store, event);
}
