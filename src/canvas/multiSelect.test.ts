import { describe, expect, it } from 'vitest';
import {
  addsToSelection,
  syncMultiSelection,
  syncMultiSelectionForKey,
  type MultiSelectionStore,
} from './multiSelect';

/** A stand-in for React Flow's store: its flag and how many times it was written. */
function store(active = false): MultiSelectionStore & { writes: number } {
  let state = { multiSelectionActive: active };
  const made = {
    writes: 0,
    getState: () => state,
    setState: (partial: { multiSelectionActive: boolean }) => {
      made.writes++;
      state = { ...state, ...partial };
    },
  };
  return made;
}

const plain = { shiftKey: false, ctrlKey: false, metaKey: false };

describe('adding to the selection', () => {
  it('is Shift, Ctrl or ⌘ held', () => {
    expect(addsToSelection(plain)).toBe(false);
    expect(addsToSelection({ ...plain, shiftKey: true })).toBe(true);
    expect(addsToSelection({ ...plain, ctrlKey: true })).toBe(true);
    expect(addsToSelection({ ...plain, metaKey: true })).toBe(true);
  });

  it('is told to React Flow when a pointer goes down with a modifier, and after without', () => {
    const s = store();
    syncMultiSelection(s, { ...plain, ctrlKey: true });
    expect(s.getState().multiSelectionActive).toBe(true);
    syncMultiSelection(s, plain);
    expect(s.getState().multiSelectionActive).toBe(false);
    expect(s.writes).toBe(2);
  });

  it('writes the store only when it changes: each write re-runs every selector', () => {
    const s = store();
    syncMultiSelection(s, plain);
    syncMultiSelection(s, plain);
    expect(s.writes).toBe(0);
    syncMultiSelection(s, { ...plain, shiftKey: true });
    syncMultiSelection(s, { ...plain, metaKey: true });
    expect(s.writes).toBe(1);
  });

  it('is read from the keys that select a focused element, and from no other key', () => {
    const s = store();
    // Ctrl+A, Ctrl+Z: the store is left alone.
    syncMultiSelectionForKey(s, { ...plain, ctrlKey: true, key: 'Control' });
    syncMultiSelectionForKey(s, { ...plain, ctrlKey: true, key: 'a' });
    expect(s.writes).toBe(0);
    syncMultiSelectionForKey(s, { ...plain, shiftKey: true, key: 'Enter' });
    expect(s.getState().multiSelectionActive).toBe(true);
    syncMultiSelectionForKey(s, { ...plain, key: ' ' });
    expect(s.getState().multiSelectionActive).toBe(false);
  });
});
