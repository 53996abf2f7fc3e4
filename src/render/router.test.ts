import { describe, expect, it } from 'vitest';
import { moveNodes, removeElements } from '../model/edits';
import { syntheticDesign } from '../model/synthetic';
import { routingGroups } from './diagram';
import { PLACED_PORTS_MIN, withPorts, type RouteEnd, type RouteRequest } from './router';

/** Each link's ports, by link id. */
const portsOf = (requests: readonly RouteRequest[]) =>
  new Map(requests.map((r) => [r.id, JSON.stringify([r.source, r.target])]));

const at = (e: RouteEnd) => ('shapeId' in e ? e.at : undefined);

describe('The ports of a side with many links', () => {
  // DC 1 of the 3,000-element design: each spine's bottom has a link to each of 81 ToRs, in
  // three rows; the bench deletes the first 30 rack devices (ten ToRs and their hosts).
  const design = syntheticDesign({ sites: 4, elements: 3000 });
  const racks = design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
    .map((n) => n.id);
  const ported = (d: typeof design) => {
    const group = routingGroups(d).get('s0');
    if (!group) throw new Error('no group s0');
    return withPorts(group.obstacles, group.requests);
  };

  it('stay where they are when other links of that side are deleted', () => {
    const before = portsOf(ported(design));
    const after = ported(removeElements(design, racks.slice(0, 30)));
    const spineLinks = after.filter((r) => /~s0-sp\d$/.test(r.id));
    expect(spineLinks.length).toBeGreaterThan(4 * PLACED_PORTS_MIN);
    for (const [id, ends] of portsOf(after)) expect(ends, id).toBe(before.get(id));
  });

  it('stay where they are when a device is dropped among the others, but for the few it crowds', () => {
    // The UI bench's drop: s0-t1 dragged 320 px right and 160 px down, onto the column of
    // another rack's ToR. An even spread of the spines' ports then moved all 328 of them.
    const tor = design.nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('no s0-t1');
    const dropped = moveNodes(
      design,
      new Map([[tor.id, { x: tor.position.x + 320, y: tor.position.y + 160 }]]),
    );
    const before = portsOf(ported(design));
    const moved = [...portsOf(ported(dropped))]
      .filter(([id, ends]) => ends !== before.get(id))
      .map(([id]) => id);
    const others = moved.filter((id) => !id.split('~').includes('s0-t1'));
    expect(others.length, others.join(' ')).toBeLessThanOrEqual(12);
  });

  it('are the same for the links asked for (`only`) as among all of them', () => {
    const group = routingGroups(design).get('s0');
    if (!group) throw new Error('no group s0');
    // The dragged ToR's uplinks, at the sides of spines with 80 others each, and a few more.
    const only = new Set(
      group.requests
        .filter((r, i) => r.id.split('~').includes('s0-t1') || i % 37 === 0)
        .map((r) => r.id),
    );
    expect(only.size).toBeGreaterThan(8);
    const some = withPorts(group.obstacles, group.requests, only);
    expect(some.map((r) => r.id)).toEqual([...only]);
    const all = portsOf(ported(design));
    for (const [id, ends] of portsOf(some)) expect(ends, id).toBe(all.get(id));
  });

  it('keep the order of where their links go, a pixel apart or more', () => {
    const requests = ported(design).filter((r) => r.id.endsWith('~s0-sp0'));
    const box = routingGroups(design)
      .get('s0')
      ?.obstacles.find((o) => o.id === 's0-sp0')?.box;
    const other = new Map(
      routingGroups(design)
        .get('s0')
        ?.obstacles.map((o) => [o.id, o.box]),
    );
    if (!box) throw new Error('no spine');
    const placed = requests
      .map((r) => {
        const tor = 'shapeId' in r.source ? other.get(r.source.shapeId) : undefined;
        return { x: (at(r.target) ?? NaN) * box.width, tor: tor ?? box };
      })
      .sort((a, b) => a.tor.x - b.tor.x || a.tor.y - b.tor.y);
    expect(placed.length).toBe(81);
    for (let i = 1; i < placed.length; i++)
      expect(placed[i]?.x ?? 0).toBeGreaterThanOrEqual((placed[i - 1]?.x ?? 0) + 1);
    for (const p of placed) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(box.width);
    }
  });
});
