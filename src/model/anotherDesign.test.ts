import { describe, expect, it } from 'vitest';
import { isAnotherDesign } from './anotherDesign';
import { pasteInto } from './clipboard';
import { createSite, emptyDesign } from './defaults';
import { addNode, moveNodes, removeElements, updateLink } from './edits';
import type { Design } from './schema';
import { syntheticDesign } from './synthetic';
import { TEMPLATES } from './templates';

const template = (index: number) => (TEMPLATES[index] as (typeof TEMPLATES)[number]).build();
/** A `.dci.json` file or a link of `design`, loaded: its document parsed afresh. */
const loaded = (design: Design) => JSON.parse(JSON.stringify(design)) as Design;
const offset = { x: 32, y: 32 };

describe('A design opened is another design', () => {
  it('the first one, with none before', () => {
    expect(isAnotherDesign(template(0), undefined)).toBe(true);
  });

  it('a template, on the empty studio or over a design, or the same template again', () => {
    expect(isAnotherDesign(template(0), emptyDesign())).toBe(true);
    expect(isAnotherDesign(template(1), template(0))).toBe(true);
    expect(isAnotherDesign(template(0), template(0))).toBe(true);
  });

  it('a file or a link, even of the design open (same content, parsed afresh)', () => {
    const design = syntheticDesign({ sites: 2, elements: 60 });
    expect(isAnotherDesign(loaded(design), design)).toBe(true);
    expect(isAnotherDesign(loaded(template(2)), template(0))).toBe(true);
  });

  it('New over a design, and a design over the empty one New gives', () => {
    expect(isAnotherDesign(emptyDesign(), template(0))).toBe(true);
    expect(isAnotherDesign(loaded(template(0)), emptyDesign())).toBe(true);
  });
});

describe('An edit is not another design', () => {
  const design = syntheticDesign({ sites: 2, elements: 60 });

  it('a small edit: a DCI link’s distance, a move', () => {
    const link = design.links.find((l) => l.kind === 'dci');
    if (!link) throw new Error('no DCI link');
    expect(isAnotherDesign(updateLink(design, link.id, { distanceKm: 7 }), design)).toBe(false);
    const [first] = design.nodes;
    if (!first) throw new Error('no node');
    const moved = moveNodes(design, new Map([[first.id, { x: 1, y: 2 }]]));
    expect(isAnotherDesign(moved, design)).toBe(false);
  });

  it('a delete, which rebuilds every list', () => {
    const device = design.nodes.find((n) => n.kind !== 'site');
    if (!device) throw new Error('no device');
    const deleted = removeElements(design, [device.id]);
    expect(isAnotherDesign(deleted, design)).toBe(false);
  });

  it('a delete of the first and last of the nodes and of the links: the ones between stay', () => {
    const ends = [design.nodes[0], design.nodes.at(-1), design.links[0], design.links.at(-1)];
    const deleted = removeElements(
      design,
      ends.map((e) => e?.id ?? ''),
    );
    // Neither list starts or ends as it did, and no list is the one before.
    expect(deleted.nodes[0]).not.toBe(design.nodes[0]);
    expect(deleted.nodes.at(-1)).not.toBe(design.nodes.at(-1));
    expect(deleted.links[0]).not.toBe(design.links[0]);
    expect(deleted.links.at(-1)).not.toBe(design.links.at(-1));
    const rebuilt = {
      ...deleted,
      segments: [...deleted.segments],
      workloads: [...deleted.workloads],
    };
    expect(isAnotherDesign(rebuilt, design)).toBe(false);
  });

  it('every list rebuilt, the elements kept: an edit by its elements alone', () => {
    const rebuilt: Design = {
      ...design,
      nodes: [...design.nodes],
      links: [...design.links],
      segments: [...design.segments],
      workloads: [...design.workloads],
    };
    expect(isAnotherDesign(rebuilt, design)).toBe(false);
    // Nodes alone, or links alone, are enough.
    expect(isAnotherDesign({ ...rebuilt, links: loaded(design).links }, design)).toBe(false);
    expect(isAnotherDesign({ ...rebuilt, nodes: loaded(design).nodes }, design)).toBe(false);
    // Neither: another design.
    expect(isAnotherDesign({ ...loaded(design) }, design)).toBe(true);
  });

  it('a paste, into the design or into the empty one', () => {
    const site = design.nodes.find((n) => n.kind === 'site');
    if (!site) throw new Error('no site');
    const clip = { design, ids: [site.id] };
    const pasted = pasteInto(design, clip, offset);
    if (!pasted) throw new Error('nothing pasted');
    expect(isAnotherDesign(pasted.design, design)).toBe(false);
    const empty = emptyDesign();
    const intoEmpty = pasteInto(empty, clip, offset);
    if (!intoEmpty) throw new Error('nothing pasted');
    expect(intoEmpty.design.nodes.length).toBeGreaterThan(0);
    expect(isAnotherDesign(intoEmpty.design, empty)).toBe(false);
  });

  it('the first site on the empty canvas', () => {
    const empty = emptyDesign();
    const first = addNode(empty, createSite('s1', 'DC1', { x: 0, y: 0 }));
    expect(isAnotherDesign(first, empty)).toBe(false);
  });

  it('an undo or a redo: back to a design before an edit, or forward again', () => {
    const device = design.nodes.find((n) => n.kind !== 'site');
    if (!device) throw new Error('no device');
    const deleted = removeElements(design, [device.id]);
    const site = deleted.nodes.find((n) => n.kind === 'site');
    if (!site) throw new Error('no site');
    const pasted = pasteInto(deleted, { design: deleted, ids: [site.id] }, offset);
    if (!pasted) throw new Error('nothing pasted');
    // Undo the paste, then the delete; undo both at once (an undo of a group); redo.
    expect(isAnotherDesign(deleted, pasted.design)).toBe(false);
    expect(isAnotherDesign(design, deleted)).toBe(false);
    expect(isAnotherDesign(design, pasted.design)).toBe(false);
    expect(isAnotherDesign(pasted.design, deleted)).toBe(false);
  });
});
