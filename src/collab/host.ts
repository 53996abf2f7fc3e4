/**
 * The room's one way into the studio store: a small, explicit interface, so the room code does
 * not depend on how the store is built (and the store knows nothing of rooms but
 * `receiveDesign`).
 */
import type { Design } from '../model/schema';
import { designStorage } from '../store/persistence';
import { pushRecent } from '../store/recent';
import { selectedIds, useStudio } from '../store/studio';
import { useUi } from '../store/ui';

export interface DesignHost {
  design(): Design;
  /** Listen to designs the user made here (not those `receive` or `open` put in). */
  onLocalEdit(listener: (next: Design) => void): () => void;
  /** Show a design from the room; not undoable here. */
  receive(design: Design): void;
  /** Show the room's design for the first time, view-only or not, and fit it in view. */
  open(design: Design, readOnly: boolean): void;
  /** Keep a copy in Recent designs; false when browser storage refused it. */
  keepCopy(design: Design): Promise<boolean>;
  /** Listen to the ids the user selects. */
  onSelection(listener: (ids: readonly string[]) => void): () => void;
}

export function storeHost(): DesignHost {
  let external = false;
  const quietly = (fn: () => void) => {
    external = true;
    try {
      fn();
    } finally {
      external = false;
    }
  };
  return {
    design: () => useStudio.getState().design,
    onLocalEdit: (listener) =>
      useStudio.subscribe((state, previous) => {
        if (!external && state.design !== previous.design) listener(state.design);
      }),
    receive: (design) => quietly(() => useStudio.getState().receiveDesign(design)),
    open: (design, readOnly) => {
      quietly(() => useStudio.getState().replaceDesign(design, { readOnly }));
      useUi.getState().requestFit();
    },
    keepCopy: async (design) => (await pushRecent(designStorage(), design)).ok,
    onSelection: (listener) => {
      let last = '';
      return useStudio.subscribe((state, previous) => {
        if (state.nodes === previous.nodes && state.edges === previous.edges) return;
        const ids = selectedIds(state);
        const key = ids.join('\n');
        if (key === last) return;
        last = key;
        listener(ids);
      });
    },
  };
}
