/**
 * Edits that are typed but not yet committed (an inspector field waits for a pause in typing).
 * Before the page goes away, before autosave writes, and before the open design is replaced,
 * every pending edit is committed, so nothing typed is lost.
 */
const pending = new Set<() => void>();

/** Register a pending edit's commit; returns a function that unregisters it. */
export function registerPendingEdit(commit: () => void): () => void {
  pending.add(commit);
  return () => pending.delete(commit);
}

export function flushPendingEdits(): void {
  for (const commit of [...pending]) {
    pending.delete(commit);
    try {
      commit();
    } catch {
      // One field's failure must not keep the others (or the autosave after them) from running.
    }
  }
}

export function hasPendingEdits(): boolean {
  return pending.size > 0;
}

/**
 * Undo grouping: commits made inside `inEditGroup(key, …)` with the same key as the previous
 * commit replace it in history instead of adding a step, so a field that commits as you type
 * is still one undo step per edit.
 */
let activeGroup: string | null = null;

export function inEditGroup(key: string, run: () => void): void {
  const previous = activeGroup;
  activeGroup = key;
  try {
    run();
  } finally {
    activeGroup = previous;
  }
}

export function currentEditGroup(): string | null {
  return activeGroup;
}
