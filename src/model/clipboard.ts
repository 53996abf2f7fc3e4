/**
 * Copy and paste as pure edits: the clipboard keeps the design it was copied from, so a paste
 * still works after the originals are edited or deleted.
 */
import { DEVICE_SIZE } from './defaults';
import { cloneElements } from './edits';
import { nameCopies } from './names';
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
  return { design, newIds: [...okIds, ...links.map((l) => l.id)] };
}

/** Between a duplicated site and the next site to its right, in canvas pixels. */
const DUPLICATE_SITE_GAP_PX = 80;

/**
 * Duplicate (Ctrl+D): copies of the elements, with the links among them, under fresh ids and
 * fresh names. Copied devices land `deviceOffset` away, still inside their site; copied sites
 * land to the right of the originals, clear of every site. Null when nothing can be copied.
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
  const pasted = pasteInto(design, { design, ids }, offset);
  if (!pasted) return null;
  const fresh = new Set(pasted.newIds);
  const byId = new Map(pasted.design.nodes.map((n) => [n.id, n]));
  // A device copied into its own site stays inside it, at its edge if the offset took it out.
  const nodes = pasted.design.nodes.map((n) => {
    if (n.kind === 'site' || !fresh.has(n.id) || fresh.has(n.parentId)) return n;
    const site = byId.get(n.parentId);
    if (site?.kind !== 'site') return n;
    const x = Math.min(Math.max(n.position.x, 0), site.width - DEVICE_SIZE.width);
    const y = Math.min(Math.max(n.position.y, 0), site.height - DEVICE_SIZE.height);
    return x === n.position.x && y === n.position.y ? n : { ...n, position: { x, y } };
  });
  return {
    design: nameCopies({ ...pasted.design, nodes }, pasted.newIds),
    newIds: pasted.newIds,
  };
}
