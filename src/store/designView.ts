/**
 * The design as the panels see it that show nothing of where elements stand (the inspector,
 * the findings, segments and workloads lists, the find box…): the same object while only
 * positions changed. A drop, or any move, then re-renders none of them.
 *
 * What it returns may hold positions older than the store's: read names, kinds, links and
 * settings from it, never geometry, and never start an edit from it (an edit starts from
 * `useStudio.getState().design`).
 */
import { sameFieldsExcept, sameItems } from '../model/sameValue';
import type { Design } from '../model/schema';

/** The design last selected, and what was returned for it. */
let seen: Design | null = null;
let shown: Design | null = null;

/** A `useStudio` selector: `useStudio(designButPositions)`. */
export function designButPositions(state: { readonly design: Design }): Design {
  const design = state.design;
  if (design === seen && shown !== null) return shown;
  seen = design;
  if (shown === null || !onlyPositionsDiffer(shown, design)) shown = design;
  return shown;
}

const NODES: ReadonlySet<string> = new Set(['nodes']);
const POSITION: ReadonlySet<string> = new Set(['position']);

/** Whether two designs differ in their elements' positions only. */
export function onlyPositionsDiffer(a: Design, b: Design): boolean {
  return (
    a === b ||
    (sameFieldsExcept(a, b, NODES) &&
      sameItems(a.nodes, b.nodes, (m, n) => sameFieldsExcept(m, n, POSITION)))
  );
}
