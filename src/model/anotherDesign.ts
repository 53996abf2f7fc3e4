/**
 * Whether a design that replaces the one before is another design (opened: the first, a file, a
 * template, a link, New) rather than an edit of it (a move, a property, a delete, a paste, an
 * undo or redo). Edits are pure functions of the design before (edits.ts, clipboard.ts): they
 * keep every element they do not change, and most lists, as the same objects. A design opened is
 * built or parsed afresh: none of its lists or elements is the one before's.
 *
 * The one rule for the studio: the findings (store/findings.ts: an opening's run plans
 * rehearsals of edits and waits frames for its first findings) and the link router
 * (canvas/routes.ts: an edit that adds or removes elements is routed at once, a design opened
 * after its first frame) both ask it.
 */
import type { Design } from './schema';

/**
 * `design` is another design than `before`: no `before` (the first one opened), or none of its
 * element lists is the one before, and none of its nodes and links is one of the design before's.
 * An edit leaves some lists as they were, or, when it rebuilds them all (a delete scrubs what the
 * elements it removes leave behind from every list), most of their elements: a delete of the
 * first and the last of each list still shares the ones between. A delete taken for an opening
 * waited two frames for its findings and planned rehearsals of the edits of a design the user
 * was already editing (200 ms at 3,000 elements, at idle).
 */
export function isAnotherDesign(design: Design, before: Design | undefined): boolean {
  if (!before) return true;
  if (
    design.nodes === before.nodes ||
    design.links === before.links ||
    design.segments === before.segments ||
    design.workloads === before.workloads
  )
    return false;
  return !sharesAny(design.nodes, before.nodes) && !sharesAny(design.links, before.links);
}

/** Whether two lists have an item in common: first their ends (an edit's usual), then any. */
function sharesAny<T>(list: readonly T[], other: readonly T[]): boolean {
  if (list.length === 0 || other.length === 0) return false;
  if (list[0] === other[0] || list[list.length - 1] === other[other.length - 1]) return true;
  const those = new Set<T>(other);
  return list.some((x) => those.has(x));
}
