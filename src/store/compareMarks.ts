/**
 * The Compare dialog's marks on the canvas, kept true while the open design is edited: each
 * edit (an undo too) compares the open design with the other version again, a moment after the
 * last, and the outlines and the banner's counts follow. Before, the marks stood as they were made:
 * a distance set back to the other version's stayed outlined as changed, and a device added
 * after marking had none.
 */
import type { Box } from '../model/layout';
import { nodeBoxes } from '../model/placement';
import type { Design, NodeKind } from '../model/schema';
import { plural } from '../model/plural';
import { sameValue } from '../model/sameValue';
import { diffElements, type ElementRef } from '../rules/whatif/diff';
import { useStudio } from './studio';
import { useUi, type CompareMarks } from './ui';

/**
 * The ids the canvas marks: the open design's devices, sites, links, notes and workloads (their
 * chips) that the other version changes, and those it lacks: added since it when the open design
 * is the later version (`otherFirst`), removed in it when the open design is the earlier one.
 * What only the other version has (a device deleted since it) has nothing to outline: it is
 * counted apart (`otherOnly`), so that the banner does not pass a deletion over.
 * A segment is not drawn: the segments that differ are apart (`segments`), marked in the
 * Segments tab's list, and the banner names them with the design's own settings (`settings`),
 * so that it does not say that nothing differs.
 */
export function compareMarkIds(
  open: Design,
  other: Design,
  otherFirst: boolean,
): Omit<CompareMarks, 'against'> {
  const diff = otherFirst ? diffElements(other, open) : diffElements(open, other);
  const ids = (segments: boolean, refs: readonly ElementRef[]) =>
    refs.filter((r) => (r.collection === 'segments') === segments).map((r) => r.id);
  // In the open design only, and in the other version only.
  const [openOnly, otherOnly] = otherFirst
    ? [diff.added, diff.removed]
    : [diff.removed, diff.added];
  const sides = (segments: boolean) => {
    const only = ids(segments, openOnly);
    return {
      changed: ids(segments, diff.changed),
      added: otherFirst ? only : [],
      removed: otherFirst ? [] : only,
      otherOnly: ids(segments, otherOnly),
    };
  };
  return {
    ...sides(false),
    otherOnlyCounts: {
      ghosts: countedAs(otherOnly.filter((r) => r.collection === 'nodes')),
      undrawn: countedAs(
        otherOnly.filter((r) => r.collection !== 'nodes' && r.collection !== 'segments'),
      ),
    },
    otherFirst,
    segments: sides(true),
    settings: !sameValue(open.settings, other.settings),
  };
}

/** A node only the other version has, drawn as a ghost where it stood (canvas/CompareGhosts.tsx). */
export interface Ghost {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly box: Box;
}

/**
 * Where the other version's own nodes among `ids` (its `otherOnly`) stood, to draw them where
 * the open design lacks them: a device in its site as the open design places that site, while
 * the site is there (a site moved since would leave it outside), else as the other version
 * placed it; a site as the other version placed it. Links are counted, not drawn.
 */
export function ghostsOf(open: Design, other: Design, ids: readonly string[]): Ghost[] {
  const wanted = new Set(ids);
  const nodes = other.nodes.filter((n) => wanted.has(n.id));
  if (nodes.length === 0) return [];
  const theirs = nodeBoxes(other);
  const sites = new Map(open.nodes.flatMap((n) => (n.kind === 'site' ? [[n.id, n]] : [])));
  return nodes.flatMap((n) => {
    const box = theirs.get(n.id);
    if (!box) return [];
    const site = n.kind === 'site' ? undefined : sites.get(n.parentId);
    const placed = site
      ? { ...box, x: site.position.x + n.position.x, y: site.position.y + n.position.y }
      : box;
    return [{ id: n.id, kind: n.kind, label: n.label || n.id, box: placed }];
  });
}

/**
 * Where an element only the other version has stood on the canvas, for Compare to show it: a
 * node's ghost; a link's two ends (on the canvas, or ghosts); a workload's cluster; null for a
 * segment, a note or an element the other version lacks too.
 */
export function whereItStood(
  open: Design,
  other: Design,
  ref: { readonly collection: ElementRef['collection']; readonly id: string },
): Box | null {
  const shown = nodeBoxes(open);
  const boxOf = (id: string): Box | undefined =>
    shown.get(id) ?? ghostsOf(open, other, [id])[0]?.box;
  const union = (boxes: readonly (Box | undefined)[]): Box | null => {
    const found = boxes.filter((b): b is Box => b !== undefined);
    if (found.length === 0) return null;
    const x = Math.min(...found.map((b) => b.x));
    const y = Math.min(...found.map((b) => b.y));
    const right = Math.max(...found.map((b) => b.x + b.width));
    const bottom = Math.max(...found.map((b) => b.y + b.height));
    return { x, y, width: right - x, height: bottom - y };
  };
  switch (ref.collection) {
    case 'nodes':
      return other.nodes.some((n) => n.id === ref.id) ? union([boxOf(ref.id)]) : null;
    case 'links': {
      const link = other.links.find((l) => l.id === ref.id);
      return link ? union([boxOf(link.source), boxOf(link.target)]) : null;
    }
    case 'workloads': {
      const workload = other.workloads.find((w) => w.id === ref.id);
      return workload ? union([boxOf(workload.clusterId)]) : null;
    }
    default:
      return null;
  }
}

/** What the banner calls each kind of element, in the order it names them. */
const NOUNS = ['site', 'device', 'link', 'workload', 'note'] as const;

/** Elements counted by what they are: ["2 devices", "4 links"], in `NOUNS` order. */
function countedAs(refs: readonly ElementRef[]): string[] {
  const counts = new Map<(typeof NOUNS)[number], number>();
  for (const r of refs) {
    const noun =
      r.collection === 'nodes'
        ? r.kind === 'site'
          ? 'site'
          : 'device'
        : r.collection === 'links'
          ? 'link'
          : r.collection === 'workloads'
            ? 'workload'
            : 'note';
    counts.set(noun, (counts.get(noun) ?? 0) + 1);
  }
  return NOUNS.flatMap((noun) => {
    const n = counts.get(noun) ?? 0;
    return n > 0 ? [plural(n, noun)] : [];
  });
}

/** How long after an edit the comparison is made again: a burst of edits is compared once. */
export const REMARK_DELAY_MS = 150;

let stop: (() => void) | null = null;

/** The comparison whose marks are on the canvas: the other version, its side and its name. */
export interface MarkedComparison {
  readonly other: Design;
  readonly otherFirst: boolean;
  readonly against: string;
}

let marked: MarkedComparison | null = null;

/**
 * The comparison marked on the canvas, while its marks are shown: the Compare dialog opens on it
 * again, as it was left, rather than asking for the other version anew.
 */
export function markedComparison(): MarkedComparison | null {
  return marked;
}

/**
 * Mark on the canvas how the open design differs from `other` (named `against` in the banner),
 * and keep the marks true as the open design changes, until they are cleared or another design
 * is opened (studio.ts `replaceDesign` clears them).
 */
export function markComparison(other: Design, otherFirst: boolean, against: string): void {
  stop?.();
  const marksNow = (): CompareMarks => ({
    against,
    ...compareMarkIds(useStudio.getState().design, other, otherFirst),
  });
  let shown = marksNow();
  let seen = useStudio.getState().design;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const remark = () => {
    timer = undefined;
    const next = marksNow();
    // The same marks: no store update, no re-render of the banner or of any mark.
    if (sameValue(next, shown)) return;
    shown = next;
    useUi.getState().setCompareMarks(next);
  };
  const stopStudio = useStudio.subscribe((s) => {
    if (s.design === seen) return;
    seen = s.design;
    clearTimeout(timer);
    timer = setTimeout(remark, REMARK_DELAY_MS);
  });
  // Cleared (the banner, another design opened) or replaced by another comparison: stop.
  const stopUi = useUi.subscribe((s) => {
    if (s.compareMarks !== shown) end();
  });
  const end = () => {
    clearTimeout(timer);
    stopStudio();
    stopUi();
    if (stop === end) {
      stop = null;
      marked = null;
    }
  };
  stop = end;
  marked = { other, otherFirst, against };
  useUi.getState().setCompareMarks(shown);
}
