/**
 * Copy and paste as pure edits: the clipboard keeps the design it was copied from, so a paste
 * still works after the originals are edited or deleted.
 */
import { nextDeviceName, nextSiteName } from './defaults';
import { cloneElements, updateNode, type NodePatch, type Removal } from './edits';
import { freeSpotForSite, placeDevice } from './placement';
import type { Design, Position, Site } from './schema';

export interface Clipboard {
  readonly design: Design;
  readonly ids: readonly string[];
}

/** What a copy of these elements takes: them, the devices of their sites, the links among them. */
export function copiedElements(design: Design, ids: readonly string[]): Removal {
  const picked = new Set(ids);
  for (const n of design.nodes) if (n.kind !== 'site' && picked.has(n.parentId)) picked.add(n.id);
  return {
    sites: design.nodes.filter((n): n is Site => n.kind === 'site' && picked.has(n.id)),
    devices: design.nodes.filter((n) => n.kind !== 'site' && picked.has(n.id)),
    links: design.links.filter((l) => picked.has(l.source) && picked.has(l.target)),
  };
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
  return {
    design: placeAndNameAfresh(design, okIds),
    newIds: [...okIds, ...links.map((l) => l.id)],
  };
}

/**
 * Copies get names and places of their own, as new elements would. A pasted site is the next
 * `DCn` and moves right until it overlaps no other site. A pasted device is named in its (new
 * or old) site, `dc3-spine-1`, never "spine-3" twice; pasted into an existing site, it goes to
 * the free spot nearest where the offset put it, inside the site and on top of nothing (the site
 * grows when it is full).
 */
function placeAndNameAfresh(design: Design, copies: ReadonlySet<string>): Design {
  let next = design;
  const change = (id: string, patch: NodePatch) => {
    next = updateNode(next, id, patch);
  };
  // Sites first: their devices are named after the site's new name.
  // A pasted site goes where it overlaps no site (else a device dropped there has two homes).
  for (const n of design.nodes)
    if (copies.has(n.id) && n.kind === 'site') {
      const others = without(next, n.id);
      change(n.id, { label: nextSiteName(others), position: freeSpotForSite(others, n.position) });
    }
  // A copy's old name is not its own, nor a hint of its site's prefix.
  for (const n of design.nodes)
    if (copies.has(n.id) && n.kind !== 'site') change(n.id, { label: '' });
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
