import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toDocument } from '../io/document';
import { removeElements, updateLink, updateNode, upsertSegment } from '../model/edits';
import { createSegment } from '../model/defaults';
import { addNote, createNote, moveNotes, updateNote } from '../model/notes';
import type { Design } from '../model/schema';
import { TEMPLATES } from '../model/templates/index';
import { twoSites } from '../rules/testing';
import {
  isEmptyDoc,
  ORDER_KEY,
  readDesign,
  RoomUndo,
  readRawDesign,
  reuseUnchanged,
  writeDesign,
} from './ydesign';

const LOCAL = 'local';

function docWith(design: Design): Y.Doc {
  const doc = new Y.Doc();
  writeDesign(doc, null, design, LOCAL);
  return doc;
}

function read(doc: Y.Doc): Design {
  const result = readDesign(doc);
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
}

/** Two replicas of one room, synced by exchanging their updates both ways. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Count key writes in one transaction (keys changed in any map of the document). */
function keyWrites(doc: Y.Doc, edit: () => void): string[] {
  const writes: string[] = [];
  const onAfter = (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      const where = type instanceof Y.Map && type._item ? String(type._item.parentSub) : 'root';
      for (const k of keys) if (k !== null) writes.push(`${where}.${k}`);
    }
  };
  doc.on('afterTransaction', onAfter);
  edit();
  doc.off('afterTransaction', onAfter);
  return writes;
}

const design = () => twoSites().build();

describe('Design ⇄ Y.Doc mapping', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    'round-trips the %s template unchanged',
    (_id, template) => {
      const d = template.build();
      expect(toDocument(read(docWith(d)))).toEqual(toDocument(d));
    },
  );

  it('carries design notes (format 2), each edited field by field', () => {
    const note = { id: 'n1', text: 'Check the MTU', position: { x: 40, y: 80 }, targetId: 'dci-1' };
    const before = { ...design(), notes: [note] };
    const doc = docWith(before);
    expect(read(doc).notes).toEqual([note]);
    const after = { ...before, notes: [{ ...note, text: 'MTU is 9216 now' }] };
    expect(keyWrites(doc, () => writeDesign(doc, before, after, LOCAL))).toEqual(['n1.text']);
    expect(read(doc).notes[0]?.text).toBe('MTU is 9216 now');
  });

  it('an empty document is empty, and a written one is not', () => {
    expect(isEmptyDoc(new Y.Doc())).toBe(true);
    expect(isEmptyDoc(docWith(design()))).toBe(false);
  });

  it('writes one key for an edit to one field of one element', () => {
    const before = design();
    const doc = docWith(before);
    const after = updateLink(before, 'dci-1', { distanceKm: 120 });
    const writes = keyWrites(doc, () => writeDesign(doc, before, after, LOCAL));
    expect(writes).toEqual(['dci-1.distanceKm']);
    expect(read(doc).links.find((l) => l.id === 'dci-1')).toMatchObject({ distanceKm: 120 });
  });

  it('writes nothing when nothing changed', () => {
    const d = design();
    const doc = docWith(d);
    expect(keyWrites(doc, () => writeDesign(doc, d, { ...d }, LOCAL))).toEqual([]);
    expect(keyWrites(doc, () => writeDesign(doc, null, d, LOCAL))).toEqual([]);
  });

  it('removes a deleted element and every reference the edit dropped', () => {
    const before = design();
    const doc = docWith(before);
    const after = removeElements(before, ['dci-2']);
    writeDesign(doc, before, after, LOCAL);
    expect(read(doc).links.map((l) => l.id)).not.toContain('dci-2');
    expect(toDocument(read(doc))).toEqual(toDocument(after));
  });

  it('clears an optional field', () => {
    const before = updateLink(design(), 'dci-1', { rttMs: 3 });
    const doc = docWith(before);
    const { rttMs: _gone, ...rest } = before.links.find((l) => l.id === 'dci-1')!;
    const after = { ...before, links: before.links.map((l) => (l.id === 'dci-1' ? rest : l)) };
    writeDesign(doc, before, after as Design, LOCAL);
    expect(read(doc).links.find((l) => l.id === 'dci-1')).not.toHaveProperty('rttMs');
  });
});

describe('Concurrent edits', () => {
  it('keeps both edits to different elements', () => {
    const base = design();
    const a = docWith(base);
    const b = replicaOf(a);
    writeDesign(a, base, updateNode(base, 'a-c', { hosts: 12 }), 'a');
    writeDesign(b, base, updateLink(base, 'dci-1', { distanceKm: 95 }), 'b');
    sync(a, b);
    const da = read(a);
    expect(da).toEqual(read(b));
    expect(da.nodes.find((n) => n.id === 'a-c')).toMatchObject({ hosts: 12 });
    expect(da.links.find((l) => l.id === 'dci-1')).toMatchObject({ distanceKm: 95 });
  });

  it('keeps both edits to two fields of one element', () => {
    const base = design();
    const a = docWith(base);
    const b = replicaOf(a);
    writeDesign(a, base, updateLink(base, 'dci-1', { distanceKm: 95 }), 'a');
    writeDesign(b, base, updateLink(base, 'dci-1', { mtu: 1600 }), 'b');
    sync(a, b);
    expect(read(a).links.find((l) => l.id === 'dci-1')).toMatchObject({
      distanceKm: 95,
      mtu: 1600,
    });
  });

  it('resolves two edits of one field to one value on both sides', () => {
    const base = design();
    const a = docWith(base);
    const b = replicaOf(a);
    writeDesign(a, base, updateLink(base, 'dci-1', { distanceKm: 95 }), 'a');
    writeDesign(b, base, updateLink(base, 'dci-1', { distanceKm: 40 }), 'b');
    sync(a, b);
    const km = (doc: Y.Doc) =>
      (read(doc).links.find((l) => l.id === 'dci-1') as { distanceKm: number }).distanceKm;
    expect(km(a)).toBe(km(b));
    expect([95, 40]).toContain(km(a));
    expect(read(a)).toEqual(read(b));
  });

  it('orders elements added at once the same way on both sides', () => {
    const base = design();
    const a = docWith(base);
    const b = replicaOf(a);
    writeDesign(a, base, upsertSegment(base, createSegment('seg-a', 'from A', 20)), 'a');
    writeDesign(b, base, upsertSegment(base, createSegment('seg-b', 'from B', 30)), 'b');
    sync(a, b);
    const ids = (doc: Y.Doc) => read(doc).segments.map((s) => s.id);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toEqual(expect.arrayContaining(['seg-a', 'seg-b']));
  });

  it('keeps a note’s new text and its new place, typed and dragged by two people at once', () => {
    const base = addNote(design(), createNote('n1', { x: 40, y: 80 }, 'MTU?', 'dci-1'));
    const a = docWith(base);
    const b = replicaOf(a);
    writeDesign(a, base, updateNote(base, 'n1', { text: 'MTU is 9216 end to end' }), 'a');
    writeDesign(b, base, moveNotes(base, new Map([['n1', { x: 400, y: 16 }]])), 'b');
    sync(a, b);
    expect(read(a).notes).toEqual([
      { id: 'n1', text: 'MTU is 9216 end to end', position: { x: 400, y: 16 }, targetId: 'dci-1' },
    ]);
    expect(read(b)).toEqual(read(a));
  });

  it('unpoints a note for everyone when its element is deleted, keeping a colleague’s text', () => {
    const base = addNote(design(), createNote('n1', { x: 0, y: 0 }, 'Old', 'dci-1'));
    const a = docWith(base);
    const b = replicaOf(a);
    writeDesign(a, base, removeElements(base, ['dci-1']), 'a');
    writeDesign(b, base, updateNote(base, 'n1', { text: 'New' }), 'b');
    sync(a, b);
    for (const doc of [a, b])
      expect(read(doc).notes).toEqual([{ id: 'n1', text: 'New', position: { x: 0, y: 0 } }]);
  });

  it('adds notes made on two sides at once, in the same order on both', () => {
    const base = design();
    const a = docWith(base);
    const b = replicaOf(a);
    writeDesign(a, base, addNote(base, createNote('from-a', { x: 0, y: 0 }, 'A')), 'a');
    writeDesign(b, base, addNote(base, createNote('from-b', { x: 9, y: 9 }, 'B')), 'b');
    sync(a, b);
    const ids = read(a).notes.map((n) => n.id);
    expect(ids).toEqual(read(b).notes.map((n) => n.id));
    expect(ids).toEqual(expect.arrayContaining(['from-a', 'from-b']));
  });

  it('keeps sites before devices whatever order they were created in', () => {
    const base = design();
    const doc = docWith(base);
    const site = { ...base.nodes[0]!, id: 'c', label: 'DC C' } as Design['nodes'][number];
    writeDesign(doc, base, { ...base, nodes: [...base.nodes, site] }, LOCAL);
    const kinds = read(doc).nodes.map((n) => n.kind);
    expect(kinds.lastIndexOf('site')).toBeLessThan(kinds.indexOf('spine'));
  });
});

describe('Per-user undo (Y.UndoManager with tracked origins)', () => {
  it('undoes only my edits, never a colleague’s', () => {
    const base = design();
    const mine = docWith(base);
    const theirs = replicaOf(mine);
    const undo = new Y.UndoManager(
      ['meta', 'nodes', 'links', 'segments', 'workloads', 'notes', 'waivers'].map((n) =>
        mine.getMap(n),
      ),
      { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 },
    );
    writeDesign(mine, base, updateNode(base, 'a-c', { hosts: 12 }), LOCAL);
    writeDesign(theirs, base, updateLink(base, 'dci-1', { distanceKm: 95 }), 'remote-edit');
    sync(mine, theirs);
    undo.undo();
    sync(mine, theirs);
    for (const doc of [mine, theirs]) {
      const d = read(doc);
      expect(d.nodes.find((n) => n.id === 'a-c')).toMatchObject({ hosts: 8 });
      expect(d.links.find((l) => l.id === 'dci-1')).toMatchObject({ distanceKm: 95 });
    }
    undo.redo();
    expect(read(mine).nodes.find((n) => n.id === 'a-c')).toMatchObject({ hosts: 12 });
  });
});

describe('Per-user undo after two people wrote one field at once', () => {
  /** Two replicas whose concurrent writes to one field always resolve to `mine`'s. */
  function winningPair(base: Design) {
    const mine = new Y.Doc();
    mine.clientID = 2_000_000;
    writeDesign(mine, null, base, 'seed');
    const theirs = new Y.Doc();
    theirs.clientID = 1;
    sync(mine, theirs);
    return { mine, theirs };
  }

  it('gives the field back its value from before my write, never an empty one', () => {
    const base = design();
    const label = base.nodes.find((n) => n.id === 'a-c')!.label;
    const { mine, theirs } = winningPair(base);
    const undo = new RoomUndo(mine, LOCAL);
    writeDesign(mine, base, updateNode(base, 'a-c', { label: 'Mine' }), LOCAL);
    writeDesign(theirs, base, updateNode(base, 'a-c', { label: 'Theirs' }), 'remote-edit');
    sync(mine, theirs);
    expect(read(mine).nodes.find((n) => n.id === 'a-c')!.label).toBe('Mine');
    // The room server checks every update on its own: the undo must not send one that leaves
    // the field empty, even if a later one fills it again.
    const sent: Uint8Array[] = [];
    mine.on('update', (update: Uint8Array) => sent.push(update));
    undo.undo();
    expect(sent.length).toBeGreaterThan(0);
    for (const update of sent) {
      Y.applyUpdate(theirs, update);
      expect(readDesign(theirs).ok).toBe(true);
    }
    sync(mine, theirs);
    for (const doc of [mine, theirs]) {
      expect(readDesign(doc).ok).toBe(true);
      expect(read(doc).nodes.find((n) => n.id === 'a-c')!.label).toBe(label);
    }
    expect(undo.canUndo()).toBe(false);
    undo.redo();
    sync(mine, theirs);
    for (const doc of [mine, theirs])
      expect(read(doc).nodes.find((n) => n.id === 'a-c')!.label).toBe('Mine');
    undo.undo();
    expect(read(mine).nodes.find((n) => n.id === 'a-c')!.label).toBe(label);
  });

  it('leaves a colleague’s later write alone', () => {
    const base = design();
    const { mine, theirs } = winningPair(base);
    const undo = new RoomUndo(mine, LOCAL);
    const noted = updateNode(base, 'a-c', { label: 'Mine' });
    writeDesign(mine, base, noted, LOCAL);
    sync(mine, theirs);
    writeDesign(theirs, noted, updateNode(noted, 'a-c', { label: 'Theirs, later' }), 'remote');
    sync(mine, theirs);
    undo.undo();
    expect(read(mine).nodes.find((n) => n.id === 'a-c')!.label).toBe('Theirs, later');
    expect(undo.canUndo()).toBe(false);
  });
});

describe('Reading a room through the one loader', () => {
  it('refuses a design whose references dangle', () => {
    const base = design();
    const doc = docWith(base);
    doc.getMap<Y.Map<unknown>>('workloads').get('w1')!.set('clusterId', 'nowhere');
    const result = readDesign(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('nowhere');
  });

  it('refuses a field of the wrong type', () => {
    const doc = docWith(design());
    doc.getMap<Y.Map<unknown>>('links').get('dci-1')!.set('distanceKm', 'far');
    const result = readDesign(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/distanceKm/);
  });

  it('refuses a root type that is not part of a design', () => {
    const doc = docWith(design());
    doc.getText('payload').insert(0, 'x'.repeat(10));
    expect(readDesign(doc).ok).toBe(false);
  });

  it('takes the id from the key, so a field cannot contradict it', () => {
    const doc = docWith(design());
    doc.getMap<Y.Map<unknown>>('links').get('dci-1')!.set('id', 'other');
    expect(readRawDesign(doc)['links']).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'dci-1' })]),
    );
  });

  it('does not expose its order key as a design field', () => {
    const raw = readRawDesign(docWith(design()));
    expect(JSON.stringify(raw)).not.toContain(`"${ORDER_KEY}"`);
  });
});

describe('reuseUnchanged', () => {
  it('keeps the objects of elements a remote edit did not touch', () => {
    const before = design();
    const doc = docWith(before);
    writeDesign(doc, before, updateLink(before, 'dci-1', { distanceKm: 95 }), 'remote');
    const next = reuseUnchanged(before, read(doc));
    expect(next.nodes).toBe(before.nodes);
    expect(next.settings).toBe(before.settings);
    expect(next.links.find((l) => l.id === 'dci-2')).toBe(
      before.links.find((l) => l.id === 'dci-2'),
    );
    expect(next.links.find((l) => l.id === 'dci-1')).not.toBe(
      before.links.find((l) => l.id === 'dci-1'),
    );
  });

  it('returns the previous design itself when nothing changed', () => {
    const before = design();
    expect(reuseUnchanged(before, read(docWith(before)))).toBe(before);
  });
});
