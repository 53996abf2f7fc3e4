/**
 * "Connect the selection as a full mesh": a link between every pair of the chosen devices, in
 * one edit. Devices of one site get a fabric link; devices of different sites a DCI link, but
 * only between elements a DCI link may attach to (canEndDciLink). Pairs already linked are left
 * as they are. The result says what was added and why any pair was skipped.
 */
import { newId } from './defaults';
import { canEndDciLink, connect } from './edits';
import type { Design, Device } from './schema';

export interface MeshResult {
  readonly design: Design;
  /** The devices the mesh was made over (sites and links in the selection are not meshed). */
  readonly devices: number;
  readonly fabricLinkIds: readonly string[];
  readonly dciLinkIds: readonly string[];
  /** Pairs that were already joined by a link (either way round). */
  readonly alreadyLinked: number;
  /** Pairs across sites where one end is not a border router or spine. */
  readonly notDciEnds: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function connectFullMesh(
  design: Design,
  ids: Iterable<string>,
  makeId: (prefix: string) => string = newId,
): MeshResult {
  const wanted = new Set(ids);
  // Design order, so the links come out in the order the devices were drawn.
  const devices = design.nodes.filter((n): n is Device => n.kind !== 'site' && wanted.has(n.id));
  const linked = new Set(design.links.map((l) => pairKey(l.source, l.target)));
  let next = design;
  const fabricLinkIds: string[] = [];
  const dciLinkIds: string[] = [];
  let alreadyLinked = 0;
  let notDciEnds = 0;
  for (const [i, a] of devices.entries()) {
    for (const b of devices.slice(i + 1)) {
      if (linked.has(pairKey(a.id, b.id))) {
        alreadyLinked++;
        continue;
      }
      const sameSite = a.parentId === b.parentId;
      if (!sameSite && !(canEndDciLink(a) && canEndDciLink(b))) {
        notDciEnds++;
        continue;
      }
      const id = makeId('link');
      next = connect(next, a.id, b.id, id);
      (sameSite ? fabricLinkIds : dciLinkIds).push(id);
    }
  }
  return {
    design: next,
    devices: devices.length,
    fabricLinkIds,
    dciLinkIds,
    alreadyLinked,
    notDciEnds,
  };
}
