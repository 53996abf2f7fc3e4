/**
 * The editing power tools as actions on the open design: build a fabric, connect a full mesh,
 * align, distribute, nudge, duplicate, copy and paste. Each is one undoable edit (a run of nudges of the same
 * selection is one), made by a pure function of src/model, and says what it did.
 */
import {
  alignNodes,
  distributeNodes,
  nudgeNodes,
  type AlignEdge,
  type DistributeAxis,
} from '../model/arrange';
import { copiedElements, duplicateElements, pasteInto } from '../model/clipboard';
import type { FabricSpec } from '../model/fabric';
import { elementsText, labelOf } from '../model/labels';
import { connectFullMesh, type MeshResult } from '../model/mesh';
import { nudgeNotes } from '../model/notes';
import type { Box } from '../model/layout';
import { nodesBox } from '../model/groupPlacement';
import { GRID_PX } from '../model/placement';
import type { Design, Position } from '../model/schema';
import { plural } from '../model/plural';
import { inEditGroup } from '../store/pendingEdits';
import { selectedIds, useStudio } from '../store/studio';
import { notify, useUi } from '../store/ui';
import { useView } from '../store/view';
import { nudge, reveal, visibleBox, type CanvasView } from './view';

/** Arrow keys move the selection one grid step; with Shift, this many. */
export const NUDGE_FAR_STEPS = 10;

const selectedNodeIds = () =>
  useStudio
    .getState()
    .nodes.filter((n) => n.selected)
    .map((n) => n.id);

/** The site a tool acts on: the selected site, the site of a selected device, or the only site. */
export function targetSite(): string | null {
  const state = useStudio.getState();
  for (const id of selectedIds(state)) {
    const node = state.design.nodes.find((n) => n.id === id);
    if (node) return node.kind === 'site' ? node.id : node.parentId;
  }
  const sites = state.design.nodes.filter((n) => n.kind === 'site');
  return sites.length === 1 ? (sites[0]?.id ?? null) : null;
}

/**
 * Open the fabric builder: the site's inspector, with its fabric form focused. Without a site to
 * build in, say what to do.
 */
export function openFabricBuilder(): void {
  const siteId = targetSite();
  if (!siteId) {
    notify(
      'info',
      useStudio.getState().design.nodes.some((n) => n.kind === 'site')
        ? 'Select the site to build the fabric in, then choose Build a fabric again.'
        : 'Add a site first: the fabric is built inside it.',
    );
    return;
  }
  useStudio.getState().select([siteId]);
  useUi.getState().setTab('inspect');
  useView.getState().showSidebar();
  useView.getState().requestFabricForm(siteId);
}

/** Build "N spines × M leaves, full mesh" in a site; true when it was built. */
export async function buildFabricIn(
  siteId: string,
  spec: FabricSpec,
  view?: CanvasView,
): Promise<boolean> {
  // The builder shares Tidy up's geometry, which is not on the first screen.
  const { buildFabric } = await import('../model/fabric');
  const state = useStudio.getState();
  if (state.readOnly) {
    notify('info', 'This design is view-only. Use “Edit a copy” to change it.');
    return false;
  }
  const result = buildFabric(state.design, siteId, spec);
  if (!result.ok) {
    notify('warning', result.reason);
    return false;
  }
  state.commit(result.design);
  state.select([...result.spineIds, ...result.leafIds]);
  // The site grew around its new fabric, often past the view: it is shown whole.
  if (view) followAdded(view, [siteId], showsWhole);
  const devices = result.spineIds.length + result.leafIds.length;
  notify(
    'success',
    `Built a ${spec.spines} × ${spec.leaves} fabric in ${labelOf(result.design, siteId)}: ${plural(devices, 'device')} and ${plural(result.linkIds.length, 'fabric link')}. Undo with Ctrl+Z.`,
  );
  return true;
}

/** What the full mesh did, in a sentence. */
export function meshSummary(result: MeshResult): string {
  const added = result.fabricLinkIds.length + result.dciLinkIds.length;
  const kinds = [
    result.fabricLinkIds.length > 0 ? `${result.fabricLinkIds.length} fabric` : '',
    result.dciLinkIds.length > 0 ? `${result.dciLinkIds.length} DCI` : '',
  ].filter(Boolean);
  const skipped = [
    result.alreadyLinked > 0 ? `${plural(result.alreadyLinked, 'pair')} already linked` : '',
    result.notDciEnds > 0
      ? `${plural(result.notDciEnds, 'pair')} across sites that are not both border routers or spines (where DCI links attach)`
      : '',
  ].filter(Boolean);
  const head =
    added > 0
      ? `Added ${plural(added, 'link')}${kinds.length > 1 ? ` (${kinds.join(', ')})` : kinds.length === 1 ? ` (${kinds[0]})` : ''}.`
      : 'No links added.';
  return skipped.length > 0 ? `${head} Skipped ${skipped.join(' and ')}.` : head;
}

/** Connect the selected devices as a full mesh. */
export function meshSelection(): void {
  const state = useStudio.getState();
  const result = connectFullMesh(state.design, selectedNodeIds());
  if (result.devices < 2) {
    notify('info', 'Select two or more devices to connect them as a full mesh.');
    return;
  }
  state.commit(result.design);
  const added = result.fabricLinkIds.length + result.dciLinkIds.length;
  notify(added > 0 ? 'success' : 'info', meshSummary(result));
}

function arrange(edit: (design: Design, ids: readonly string[]) => Design): void {
  const state = useStudio.getState();
  const ids = selectedIds(state);
  state.commit(edit(state.design, ids));
}

export function alignSelection(edge: AlignEdge): void {
  arrange((d, ids) => alignNodes(d, ids, edge));
}

export function distributeSelection(axis: DistributeAxis): void {
  arrange((d, ids) => distributeNodes(d, ids, axis));
}

/** Move the selection by whole grid steps; a run of nudges of one selection is one undo step. */
export function nudgeSelection(stepsX: number, stepsY: number): void {
  const ids = selectedIds(useStudio.getState());
  inEditGroup(`nudge:${ids.join(' ')}`, () =>
    arrange((d) =>
      nudgeNotes(
        nudgeNodes(d, ids, stepsX * GRID_PX, stepsY * GRID_PX),
        ids,
        stepsX * GRID_PX,
        stepsY * GRID_PX,
      ),
    ),
  );
}

/** Ctrl+D: copies of the selected elements beside them, selected. */
export function duplicateSelection(): void {
  const state = useStudio.getState();
  const ids = selectedNodeIds();
  if (ids.length === 0) return;
  const result = duplicateElements(state.design, ids);
  if (!result) return;
  state.commit(result.design, { select: result.newIds });
}

/** Ctrl+C: the selected elements, as the design holds them now, for Ctrl+V. */
export function copySelection(): void {
  const state = useStudio.getState();
  const ids = selectedNodeIds();
  if (ids.length === 0) return;
  useStudio.setState({ clipboard: { design: state.design, ids }, pasteCount: 0 });
  const what = elementsText(copiedElements(state.design, ids));
  notify('info', `Copied ${what ?? plural(ids.length, 'element')}.`);
}

/**
 * Ctrl+V: fresh copies of what was copied, selected. Copied sites land in the middle of the view
 * (or as near as they can, clear of every site); copied devices go back into their site as one
 * group, as near the middle of the view as that site allows. The view follows the copies only
 * when it does not show them (see showsPaste): a paste in view leaves the view alone.
 */
export function pasteClipboard(view?: CanvasView): void {
  const state = useStudio.getState();
  const clip = state.clipboard;
  if (!clip) return;
  const n = state.pasteCount + 1;
  const box = view && visibleBox(view);
  const target = box && {
    center: { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    view: box,
  };
  const result = pasteInto(state.design, clip, { x: 32 * n, y: 32 * n }, target);
  if (!result) {
    notify('warning', 'Nothing to paste: the copied elements’ site no longer exists.');
    return;
  }
  // The copies drawn, selected and counted in one store update: the canvas and the store's
  // listeners take the paste once, before its first frame, rather than three times.
  state.commit(result.design, { select: result.newIds, pasteCount: n });
  // A view-only design refuses the edit (and says so).
  if (useStudio.getState().design !== result.design) return;
  if (view) followAdded(view, result.newIds);
}

/**
 * Bring elements just added (a paste, a site or device added from the palette, a site grown
 * around the fabric built in it) into view, unless the view shows them well enough already:
 * `shows` tells (showsWell, or showsWhole where the user asked for a whole to look at).
 */
export function followAdded(
  view: CanvasView,
  ids: readonly string[],
  shows: (view: Box, added: Box) => boolean = showsWell,
): void {
  const added = nodesBox(useStudio.getState().design, ids);
  const box = visibleBox(view);
  if (added && box && !shows(box, added)) reveal(view, added);
}

/**
 * A site or device dropped from the palette that the studio placed away from where it was
 * dropped (`at`, its top-left corner as dropped): clear of a site it was dropped on, it may lie
 * half off the screen. The view then shows it whole beside the sites that were in view (panned
 * by as little as it takes, or zoomed out when they do not fit together at this zoom; when that
 * would take less than half the zoom, it shows the new element alone). A drop placed where it
 * was dropped leaves the view alone: the user put it there.
 */
export function followDropped(view: CanvasView, id: string, at: Position): void {
  const design = useStudio.getState().design;
  const placed = nodesBox(design, [id]);
  const seen = visibleBox(view);
  if (!placed || !seen) return;
  // Snapped to the grid, a drop moves by half a grid step at most.
  const moved = Math.abs(placed.x - at.x) > GRID_PX || Math.abs(placed.y - at.y) > GRID_PX;
  if (!moved || showsWhole(seen, placed)) return;
  const beside = design.nodes.filter(
    (n) =>
      n.kind === 'site' &&
      n.id !== id &&
      overlaps(seen, { x: n.position.x, y: n.position.y, width: n.width, height: n.height }),
  );
  const both = nodesBox(design, [id, ...beside.map((n) => n.id)]) ?? placed;
  const zoomForBoth = Math.min(seen.width / both.width, seen.height / both.height) * view.getZoom();
  if (both.width <= seen.width && both.height <= seen.height) nudge(view, seen, both);
  else if (zoomForBoth >= view.getZoom() / 2) reveal(view, both);
  else nudge(view, seen, placed);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The view shows all of the box: a site just built, to see whole, zooming out if it must. */
export function showsWhole(view: Box, added: Box): boolean {
  return (
    added.x >= view.x &&
    added.y >= view.y &&
    added.x + added.width <= view.x + view.width &&
    added.y + added.height <= view.y + view.height
  );
}

/**
 * The view shows what was added well enough to stay put: on each axis, a box that fits in the
 * view is wholly in it, and one longer than the view fills at least half of it (a pasted rack
 * row wider than the screen, starting near its middle). Moving the view then would only lose
 * the user's place, and make the canvas draw a new part of the design.
 */
export function showsWell(view: Box, added: Box): boolean {
  const axis = (from: number, length: number, start: number, size: number) => {
    const seen = Math.min(from + length, start + size) - Math.max(from, start);
    return size <= length ? start >= from && start + size <= from + length : seen >= length / 2;
  };
  return (
    axis(view.x, view.width, added.x, added.width) &&
    axis(view.y, view.height, added.y, added.height)
  );
}
