import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { moveNodes, updateLink } from '../model/edits';
import type { Design, DciLink } from '../model/schema';
import { syntheticDesign } from '../model/synthetic';
import { loadAvoidRouter } from './avoid';
import { relabelled, renderDiagram } from './diagram';
import { openFindingsByElement } from './findings';
import type { ConnectorRouter } from './router';

let router: ConnectorRouter;
beforeAll(async () => {
  router = await loadAvoidRouter();
});

const base = syntheticDesign({ sites: 2, elements: 60 });
const dciIds = base.links.filter((l) => l.kind === 'dci').map((l) => l.id);

/** What the router and the label placement draw for a design, from scratch. */
function drawn(design: Design) {
  const findings = openFindingsByElement(design);
  return { design, findings, connectors: renderDiagram(design, router, { findings }).connectors };
}

/** Edits that move nothing, though they may change a label's text, size or colour. */
const labelEdit = fc.oneof(
  fc.record({
    id: fc.constantFrom(...dciIds),
    patch: fc.oneof(
      fc.record({ distanceKm: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ label: fc.constantFrom('', 'DCI A', 'A much longer name for this link') }),
      fc.record({ l2Extension: fc.constantFrom('none', 'vxlan-evpn', 'otv') }),
      fc.record({ bandwidthGbps: fc.constantFrom(10, 100, 400) }),
    ),
  }),
);

describe('Routes reused for a design whose geometry did not change', () => {
  it('are the routes and label places drawn from scratch, with the labels as they are now', () => {
    const before = drawn(base);
    let resizedRuns = 0;
    fc.assert(
      fc.property(fc.array(labelEdit, { minLength: 1, maxLength: 3 }), (edits) => {
        let design = base;
        for (const { id, patch } of edits)
          design = updateLink(design, id, patch as Partial<DciLink>);
        const fresh = drawn(design);
        const reused = relabelled(before, design, { findings: fresh.findings });
        // Always reused: a label that changed size is placed again, nothing is routed.
        expect(reused).not.toBeNull();
        expect(reused).toEqual(fresh.connectors);
        if (
          fresh.connectors.some(
            (c, i) => c.label?.box.width !== before.connectors[i]?.label?.box.width,
          )
        )
          resizedRuns++;
      }),
      { numRuns: 25, seed: 12 },
    );
    // The property saw labels change size, not only their text.
    expect(resizedRuns).toBeGreaterThan(3);
  });

  it('are reused when a DCI label changes size: labels placed again, routes kept', () => {
    const before = drawn(base);
    const design = updateLink(base, 'dci-s0-s1-0', { label: 'A much longer name for this link' });
    const fresh = drawn(design);
    const edited = fresh.connectors.find((c) => c.id === 'dci-s0-s1-0');
    const was = before.connectors.find((c) => c.id === 'dci-s0-s1-0');
    expect(edited?.label?.box.width).not.toBe(was?.label?.box.width);
    const reused = relabelled(before, design, { findings: fresh.findings });
    expect(reused).toEqual(fresh.connectors);
    // Every route is the drawing's own object; only connectors whose label moved are new.
    (reused ?? []).forEach((c, i) => expect(c.points).toBe(before.connectors[i]?.points));
    expect((reused ?? []).filter((c, i) => c === before.connectors[i]).length).toBeGreaterThan(0);
  });

  it('are reused when a DCI distance changes its figures but not its label’s size', () => {
    const before = drawn(base);
    const design = updateLink(base, 'dci-s0-s1-0', { distanceKm: 77 });
    const fresh = drawn(design);
    const reused = relabelled(before, design, { findings: fresh.findings });
    expect(reused).not.toBeNull();
    expect(reused).toEqual(fresh.connectors);
    // Only the edited link's connector is a new object.
    const changed = (reused ?? []).filter((c, i) => c !== before.connectors[i]).map((c) => c.id);
    expect(changed).toEqual(['dci-s0-s1-0']);
  });

  it('are not reused once an element has moved', () => {
    const before = drawn(base);
    const tor = base.nodes.find((n) => n.id === 's0-t1');
    if (!tor) throw new Error('synthetic design has no s0-t1');
    const moved = moveNodes(
      base,
      new Map([[tor.id, { x: tor.position.x + 64, y: tor.position.y }]]),
    );
    expect(relabelled(before, moved, { findings: before.findings })).toBeNull();
  });

  it('are not reused when a link joins other ends', () => {
    const before = drawn(base);
    const link = base.links.find((l) => l.kind === 'fabric');
    if (!link) throw new Error('synthetic design has no fabric link');
    const other = base.nodes.find(
      (n) => n.kind !== 'site' && n.id !== link.source && n.id !== link.target,
    );
    if (!other) throw new Error('synthetic design has too few devices');
    const rewired = {
      ...base,
      links: base.links.map((l) => (l.id === link.id ? { ...l, target: other.id } : l)),
    };
    expect(relabelled(before, rewired, { findings: before.findings })).toBeNull();
  });
});
