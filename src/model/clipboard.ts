/**
 * Copy and paste as pure edits: the clipboard keeps the design it was copied from, so a paste
 * still works after the originals are edited or deleted.
 */
import { nextDeviceName, nextSiteName } from './defaults';
import { cloneElements, updateNode, type NodePatch } from './edits';
import { placeDevice } from './placement';
import type { Design, Position, Site } from './schema';

export interface Clipboard {
  readonly design: Design;
  readonly ids: readonly string[];
}

/**
 * Paste copies the clipboard's elements as fresh elements. Devices whose site was not copied
 * go back into that site if it still exists in the current design; null when nothing can be
 * pasted (every copied device's site is gone).
 */
export function pasteInto(
  current: Design,
  clip: Clipboard,
  offset: Position,
): { design: Design; newIds: string[] } | null {
  const { design: withCopies, newIds } = cloneElements(clip.design, clip.ids, offset);
  const fresh = new Set(newIds);
  const currentIds = new Set(current.nodes.map((n) => n.id));
  const copiedNodes = withCopies.nodes.filter((n) => fresh.has(n.id));
  const okNodes = copiedNodes.filter(
    (n) => n.kind === 'site' || fresh.has(n.parentId) || currentIds.has(n.parentId),
  );
  if (okNodes.length === 0) return null;
  const okIds = new Set(okNodes.map((n) => n.id));
  const links = withCopies.links.filter(
    (l) => fresh.has(l.id) && okIds.has(l.source) && okIds.has(l.target),
  );
  const originalWorkloads = new Set(clip.design.workloads.map((w) => w.id));
  // A pasted workload may name clusters, segments or volumes that were deleted since the copy.
  const clusterIds = new Set(
    [...current.nodes, ...okNodes].filter((n) => n.kind === 'cluster').map((n) => n.id),
  );
  const segmentIds = new Set(current.segments.map((seg) => seg.id));
  const volumeIds = new Set(
    [...current.nodes, ...okNodes].flatMap((n) =>
      n.kind === 'array' ? n.volumes.map((v) => v.id) : [],
    ),
  );
  const workloads = withCopies.workloads
    .filter((w) => !originalWorkloads.has(w.id) && okIds.has(w.clusterId))
    .map((w) => {
      const { datastoreId, ...rest } = w;
      return {
        ...rest,
        mobilityTargetIds: w.mobilityTargetIds.filter((t) => clusterIds.has(t)),
        segmentIds: w.segmentIds.filter((t) => segmentIds.has(t)),
        ...(datastoreId !== undefined && volumeIds.has(datastoreId) ? { datastoreId } : {}),
      };
    });
  const sites = okNodes.filter((n) => n.kind === 'site');
  const devices = okNodes.filter((n) => n.kind !== 'site');
  const design: Design = {
    ...current,
    nodes: [
      ...current.nodes.filter((n) => n.kind === 'site'),
      ...sites,
      ...current.nodes.filter((n) => n.kind !== 'site'),
      ...devices,
    ],
    links: [...current.links, ...links],
    workloads: [...current.workloads, ...workloads],
  };
  return { design: nameAfresh(design, okIds), newIds: [...okIds, ...links.map((l) => l.id)] };
}

/**
 * Copies get names of their own, as new elements would: a pasted site is the next `DCn`, a
 * pasted device is named in its (new or old) site, `dc3-spine-1`, never "spine-3" twice. A device
 * pasted into an existing site goes to the free spot nearest where the offset put it, so it is
 * inside the site and on top of nothing (the site grows when it is full).
 */
function nameAfresh(design: Design, copies: ReadonlySet<string>): Design {
  let next = design;
  const change = (id: string, patch: NodePatch) => {
    next = updateNode(next, id, patch);
  };
  // Sites first: their devices are named after the site's new name.
  for (const n of design.nodes)
    if (copies.has(n.id) && n.kind === 'site')
      change(n.id, { label: nextSiteName(without(next, n.id)) });
  for (const n of design.nodes) {
    if (!copies.has(n.id) || n.kind === 'site') continue;
    const others = without(next, n.id);
    if (!copies.has(n.parentId)) {
      const placed = placeDevice(others, n.parentId, n.position);
      change(n.id, { position: placed.position });
      if (placed.siteSize) change(n.parentId, placed.siteSize);
    }
    change(n.id, { label: nextDeviceName(others, n.parentId, n.kind) });
  }
  return next;
}

/** The design without this element: a copy's copied name and place are not its own yet. */
function without(design: Design, id: string): Design {
  return { ...design, nodes: design.nodes.filter((n) => n.id !== id) };
}

/** Between a duplicated site and the next site to its right, in canvas pixels. */
const DUPLICATE_SITE_GAP_PX = 80;

/**
 * Duplicate (Ctrl+D): a paste of the elements beside them, with the links among them, under
 * fresh ids and fresh names. Copied devices go to the free spot nearest `deviceOffset` away,
 * inside their site; copied sites land to the right of the originals, clear of every site.
 * Null when nothing can be copied.
 */
export function duplicateElements(
  design: Design,
  ids: readonly string[],
  deviceOffset: Position,
): { design: Design; newIds: string[] } | null {
  const picked = new Set(ids);
  const sites = design.nodes.filter((n): n is Site => n.kind === 'site');
  const pickedSites = sites.filter((s) => picked.has(s.id));
  let offset = deviceOffset;
  if (pickedSites.length > 0) {
    const left = Math.min(...pickedSites.map((s) => s.position.x));
    const right = Math.max(...pickedSites.map((s) => s.position.x + s.width));
    const clear = (dx: number) =>
      pickedSites.every((p) =>
        sites.every(
          (s) =>
            p.position.x + dx >= s.position.x + s.width + DUPLICATE_SITE_GAP_PX ||
            p.position.x + dx + p.width + DUPLICATE_SITE_GAP_PX <= s.position.x ||
            p.position.y >= s.position.y + s.height + DUPLICATE_SITE_GAP_PX ||
            p.position.y + p.height + DUPLICATE_SITE_GAP_PX <= s.position.y,
        ),
      );
    let dx = right - left + DUPLICATE_SITE_GAP_PX;
    for (let guard = 0; guard < 1000 && !clear(dx); guard++) dx += DUPLICATE_SITE_GAP_PX;
    offset = { x: dx, y: 0 };
  }
  return pasteInto(design, { design, ids }, offset);
}
