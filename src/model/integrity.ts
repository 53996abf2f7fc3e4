/**
 * Referential integrity of a design that already passed the schema: ids are unique and every
 * reference points at an element of the right kind. Returns the first problem, or null.
 */
import type { Design } from './schema';

export interface IntegrityProblem {
  readonly path: string;
  readonly message: string;
}

export function checkReferences(design: Design): IntegrityProblem | null {
  const kinds = new Map<string, string>();
  // Every id is unique across the file: nodes, volumes, links, segments, workloads and notes.
  const volumes = new Set<string>();
  const seen = (id: string, path: string, kind: string): IntegrityProblem | null => {
    if (kinds.has(id) || volumes.has(id)) return { path, message: `duplicate id "${id}"` };
    kinds.set(id, kind);
    return null;
  };
  for (const [i, n] of design.nodes.entries()) {
    const p = seen(n.id, `nodes[${i}].id`, n.kind);
    if (p) return p;
  }
  for (const [i, n] of design.nodes.entries()) {
    if (n.kind !== 'site' && kinds.get(n.parentId) !== 'site') {
      return {
        path: `nodes[${i}].parentId`,
        message: `"${n.parentId}" is not a site of this design`,
      };
    }
    if (n.kind === 'array') {
      for (const [j, v] of n.volumes.entries()) {
        if (volumes.has(v.id) || kinds.has(v.id))
          return { path: `nodes[${i}].volumes[${j}].id`, message: `duplicate id "${v.id}"` };
        volumes.add(v.id);
      }
    }
  }
  for (const [i, l] of design.links.entries()) {
    const p = seen(l.id, `links[${i}].id`, 'link');
    if (p) return p;
    for (const end of ['source', 'target'] as const) {
      const kind = kinds.get(l[end]);
      if (kind === undefined || kind === 'link')
        return {
          path: `links[${i}].${end}`,
          message: `"${l[end]}" is not an element of this design`,
        };
    }
  }
  for (const [i, s] of design.segments.entries()) {
    const p = seen(s.id, `segments[${i}].id`, 'segment');
    if (p) return p;
  }
  const isKind = (id: string, kind: string) => kinds.get(id) === kind;
  for (const [i, w] of design.workloads.entries()) {
    const p = seen(w.id, `workloads[${i}].id`, 'workload');
    if (p) return p;
    if (!isKind(w.clusterId, 'cluster'))
      return {
        path: `workloads[${i}].clusterId`,
        message: `"${w.clusterId}" is not a host cluster of this design`,
      };
    for (const [j, t] of w.mobilityTargetIds.entries()) {
      if (!isKind(t, 'cluster'))
        return {
          path: `workloads[${i}].mobilityTargetIds[${j}]`,
          message: `"${t}" is not a host cluster of this design`,
        };
    }
    for (const [j, s] of w.segmentIds.entries()) {
      if (!isKind(s, 'segment'))
        return {
          path: `workloads[${i}].segmentIds[${j}]`,
          message: `"${s}" is not a segment of this design`,
        };
    }
    if (w.datastoreId !== undefined && !volumes.has(w.datastoreId)) {
      return {
        path: `workloads[${i}].datastoreId`,
        message: `"${w.datastoreId}" is not a volume of this design`,
      };
    }
  }
  // A note's target may point nowhere (its element was deleted elsewhere): it is then a free note.
  for (const [i, n] of design.notes.entries()) {
    const p = seen(n.id, `notes[${i}].id`, 'note');
    if (p) return p;
  }
  for (const [i, l] of design.links.entries()) {
    if (l.kind !== 'dci') continue;
    for (const [j, s] of l.extendedSegmentIds.entries()) {
      if (!isKind(s, 'segment'))
        return {
          path: `links[${i}].extendedSegmentIds[${j}]`,
          message: `"${s}" is not a segment of this design`,
        };
    }
  }
  for (const [i, n] of design.nodes.entries()) {
    if (
      n.kind === 'cluster' &&
      n.stretchPeerId !== undefined &&
      !isKind(n.stretchPeerId, 'cluster')
    ) {
      return {
        path: `nodes[${i}].stretchPeerId`,
        message: `"${n.stretchPeerId}" is not a host cluster of this design`,
      };
    }
  }
  return null;
}

/**
 * References the studio can live without, each pointing nowhere (or at the wrong kind): the
 * design still opens, but what they meant is lost (a gateway site, a volume's peer, what a
 * witness arbitrates), so the loader reports them as warnings. Every problem, in document order.
 */
export function referenceWarnings(design: Design): IntegrityProblem[] {
  const kinds = new Map<string, string>();
  for (const n of design.nodes) kinds.set(n.id, n.kind);
  for (const l of design.links) kinds.set(l.id, 'link');
  for (const s of design.segments) kinds.set(s.id, 'segment');
  const out: IntegrityProblem[] = [];
  const expect = (id: string, path: string, allowed: readonly string[], what: string) => {
    if (!allowed.includes(kinds.get(id) ?? ''))
      out.push({ path, message: `"${id}" is not ${what} of this design` });
  };
  const SITE = ['site'];
  for (const [i, n] of design.nodes.entries()) {
    if (n.kind === 'array') {
      for (const [j, v] of n.volumes.entries()) {
        const at = `nodes[${i}].volumes[${j}]`;
        if (v.preferredSiteId !== undefined)
          expect(v.preferredSiteId, `${at}.preferredSiteId`, SITE, 'a site');
        if (v.peerArrayId !== undefined)
          expect(v.peerArrayId, `${at}.peerArrayId`, ['array'], 'a storage array');
      }
    }
    if (n.kind === 'witness')
      for (const [j, id] of n.arbitrates.entries())
        expect(
          id,
          `nodes[${i}].arbitrates[${j}]`,
          ['array', 'cluster'],
          'a storage array or host cluster',
        );
    if (n.kind === 'firewall')
      for (const [j, id] of n.segmentIds.entries())
        expect(id, `nodes[${i}].segmentIds[${j}]`, ['segment'], 'a segment');
  }
  for (const [i, s] of design.segments.entries()) {
    for (const [j, id] of s.gatewaySiteIds.entries())
      expect(id, `segments[${i}].gatewaySiteIds[${j}]`, SITE, 'a site');
    if (s.ingressSiteId !== undefined)
      expect(s.ingressSiteId, `segments[${i}].ingressSiteId`, SITE, 'a site');
  }
  for (const [i, note] of design.notes.entries()) {
    if (note.targetId !== undefined && !kinds.has(note.targetId))
      out.push({
        path: `notes[${i}].targetId`,
        message: `"${note.targetId}" is not an element of this design`,
      });
  }
  return out;
}
