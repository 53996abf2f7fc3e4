/**
 * The design as the panels see it that show nothing of where elements stand (the inspector,
 * the findings, segments and workloads lists, the find box…): the same object while only
 * positions changed. A drop, or any move, then re-renders none of them.
 *
 * What it returns may hold positions older than the store's: read names, kinds, links and
 * settings from it, never geometry, and never start an edit from it (an edit starts from
 * `useStudio.getState().design`).
 */
import type { Design, DesignNode } from '../model/schema';

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

/** Whether two designs differ in their elements' positions only. */
export function onlyPositionsDiffer(a: Design, b: Design): boolean {
  if (a === b) return true;
  if (!sameFieldsBut(a, b, 'nodes')) return false;
  if (a.nodes === b.nodes) return true;
  if (a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const m = a.nodes[i];
    const n = b.nodes[i];
    if (m !== n && (m === undefined || n === undefined || !sameFieldsBut(m, n, 'position')))
      return false;
  }
  return true;
}

/** Every own field but `except` the same value (edits keep the objects they do not change). */
function sameFieldsBut<T extends Design | DesignNode>(a: T, b: T, except: keyof T): boolean {
  const keys = Object.keys(b) as (keyof T)[];
  if (Object.keys(a).length !== keys.length) return false;
  for (const key of keys) if (key !== except && (!(key in a) || a[key] !== b[key])) return false;
  return true;
}
