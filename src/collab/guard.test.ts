import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateLink, updateNode } from '../model/edits';
import type { Design } from '../model/schema';
import { twoSites } from '../rules/testing';
import { RoomGate, updateInMessage } from './guard';
import type { RoomLimits } from './limits';
import { DEFAULT_LIMITS, decodeRefusal, encodeRefusal } from './limits';
import { writeDesign } from './ydesign';

const ROOM = 'room-1';

/** One gate per check in these specs, unless a spec shares one (as a server does). */
function checkMessage(doc: Y.Doc, message: Uint8Array, readOnly: boolean, limits: RoomLimits) {
  return gateFor(limits).check(doc, message, readOnly);
}
const gates = new Map<RoomLimits, RoomGate>();
function gateFor(limits: RoomLimits): RoomGate {
  const gate = gates.get(limits) ?? new RoomGate(limits);
  gates.set(limits, gate);
  return gate;
}

/** A Hocuspocus sync message carrying a Yjs update, as the provider sends it. */
function syncMessage(update: Uint8Array, syncType = 2): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, ROOM);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, syncType);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function awarenessMessage(bytes: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, ROOM);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, new Uint8Array(bytes));
  return encoding.toUint8Array(e);
}

/** The server's copy of a room holding `design`, and a client replica of it. */
function room(design: Design = twoSites().build()) {
  const server = new Y.Doc();
  writeDesign(server, null, design, 'seed');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, design };
}

/** What the client's edit sends: the update of one transaction. */
function edit(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', capture);
  change(doc);
  doc.off('update', capture);
  if (!update) throw new Error('the edit changed nothing');
  return update;
}

describe('The room server’s gate', () => {
  it('lets a valid edit from an edit link through', () => {
    const { server, client, design } = room();
    const update = edit(client, (d) =>
      writeDesign(d, design, updateLink(design, 'dci-1', { distanceKm: 99 })),
    );
    expect(checkMessage(server, syncMessage(update), false, DEFAULT_LIMITS)).toBeNull();
  });

  it('lets the first design into an empty room', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const update = edit(client, (d) => writeDesign(d, null, twoSites().build()));
    expect(checkMessage(server, syncMessage(update, 1), false, DEFAULT_LIMITS)).toBeNull();
  });

  it('refuses any change from a view-only connection', () => {
    const { server, client, design } = room();
    const update = edit(client, (d) =>
      writeDesign(d, design, updateNode(design, 'a-c', { hosts: 2 })),
    );
    expect(checkMessage(server, syncMessage(update), true, DEFAULT_LIMITS)).toMatchObject({
      refused: 'view-only',
    });
  });

  it('lets a view-only connection sync what the room already has', () => {
    const { server } = room();
    const known = Y.encodeStateAsUpdate(server);
    expect(checkMessage(server, syncMessage(known, 1), true, DEFAULT_LIMITS)).toBeNull();
  });

  it('refuses an update that leaves a dangling reference, and says which', () => {
    const { server, client } = room();
    const update = edit(client, (d) =>
      d.getMap<Y.Map<unknown>>('workloads').get('w1')!.set('clusterId', 'ghost'),
    );
    const refusal = checkMessage(server, syncMessage(update), false, DEFAULT_LIMITS);
    expect(refusal).toMatchObject({ refused: 'invalid' });
    expect(refusal?.message).toContain('ghost');
  });

  it('refuses a value the schema does not allow', () => {
    const { server, client } = room();
    const update = edit(client, (d) =>
      d.getMap<Y.Map<unknown>>('links').get('dci-1')!.set('mtu', 12),
    );
    expect(checkMessage(server, syncMessage(update), false, DEFAULT_LIMITS)?.message).toMatch(
      /mtu/,
    );
  });

  it('refuses an update that empties the room', () => {
    const { server, client } = room();
    const update = edit(client, (d) => d.getMap('meta').clear());
    expect(checkMessage(server, syncMessage(update), false, DEFAULT_LIMITS)).toMatchObject({
      refused: 'invalid',
    });
  });

  it('refuses data that is not part of a design', () => {
    const { server, client } = room();
    const update = edit(client, (d) => d.getText('junk').insert(0, 'hello'));
    expect(checkMessage(server, syncMessage(update), false, DEFAULT_LIMITS)).toMatchObject({
      refused: 'invalid',
    });
  });

  it('refuses a malformed update', () => {
    const { server } = room();
    const junk = new Uint8Array([1, 2, 3, 250, 250, 250, 7]);
    expect(checkMessage(server, syncMessage(junk), false, DEFAULT_LIMITS)).toMatchObject({
      refused: 'invalid',
    });
  });

  it('refuses a message over the size limit, awareness included', () => {
    const { server } = room();
    const limits = { maxMessageBytes: 1000, maxRoomBytes: 1_000_000 };
    expect(checkMessage(server, awarenessMessage(2000), false, limits)).toMatchObject({
      refused: 'message-too-large',
    });
    expect(checkMessage(server, awarenessMessage(100), false, limits)).toBeNull();
  });

  it('refuses an update that would make the room larger than its limit', () => {
    const { server, client, design } = room();
    const size = Y.encodeStateAsUpdate(server).byteLength;
    const limits = { maxMessageBytes: 1_000_000, maxRoomBytes: size + 20 };
    const update = edit(client, (d) =>
      writeDesign(d, design, {
        ...design,
        name: 'A much longer name for this design' + 'x'.repeat(100),
      }),
    );
    expect(checkMessage(server, syncMessage(update), false, limits)).toMatchObject({
      refused: 'room-too-large',
    });
  });

  it('sees an accepted update the server has not applied yet (a client’s next edit builds on it)', () => {
    const { server, client, design } = room();
    const first = updateLink(design, 'dci-1', { label: 'first' });
    const u1 = edit(client, (d) => writeDesign(d, design, first));
    const u2 = edit(client, (d) =>
      writeDesign(d, first, updateLink(first, 'dci-1', { label: 'second' })),
    );
    expect(checkMessage(server, syncMessage(u1), false, DEFAULT_LIMITS)).toBeNull();
    // u1 is still on its way into the document when u2 is checked.
    expect(checkMessage(server, syncMessage(u2), false, DEFAULT_LIMITS)).toBeNull();
    Y.applyUpdate(server, u1);
    Y.applyUpdate(server, u2);
    expect(server.getMap<Y.Map<unknown>>('links').get('dci-1')?.get('label')).toBe('second');
  });

  it('holds back an update that builds on a change the server never got, design untouched', () => {
    const { server, client, design } = room();
    const first = updateNode(design, 'a-c', { label: 'first' });
    edit(client, (d) => writeDesign(d, design, first)); // lost on the way: never checked
    const u2 = edit(client, (d) =>
      writeDesign(d, first, updateNode(first, 'a-c', { label: 'second' })),
    );
    expect(checkMessage(server, syncMessage(u2), false, DEFAULT_LIMITS)).toBeNull();
    Y.applyUpdate(server, u2);
    // Yjs keeps it pending until its predecessor arrives; the design stays as it was.
    expect(server.getMap<Y.Map<unknown>>('nodes').get('a-c')?.get('label')).toBe('A1');
  });

  it('holds back, as out of order, an update that replaces a field after a change it lacks', () => {
    const { server, client, design } = room();
    const first = updateNode(design, 'a-c', { label: 'first' });
    const u1 = edit(client, (d) => writeDesign(d, design, first)); // not arrived yet
    const u2 = edit(client, (d) =>
      writeDesign(d, first, updateNode(first, 'b-c', { label: 'second' })),
    );
    // Yjs would apply u2's delete of b-c's label but hold back its new label.
    expect(checkMessage(server, syncMessage(u2), false, DEFAULT_LIMITS)).toMatchObject({
      refused: 'out-of-order',
    });
    expect(server.getMap<Y.Map<unknown>>('nodes').get('b-c')?.get('label')).toBe('B1');
    // In order (as the client's next sync sends them), both are accepted.
    expect(checkMessage(server, syncMessage(u1), false, DEFAULT_LIMITS)).toBeNull();
    Y.applyUpdate(server, u1);
    expect(checkMessage(server, syncMessage(u2), false, DEFAULT_LIMITS)).toBeNull();
  });

  it('finds no update in messages that carry none', () => {
    expect(updateInMessage(awarenessMessage(10))).toBeNull();
    expect(updateInMessage(new Uint8Array([200]))).toBeNull();
  });
});

describe('Refusals on the wire', () => {
  it('round-trip through a close reason, and other reasons are not refusals', () => {
    const refusal = { refused: 'view-only', message: 'no' } as const;
    expect(decodeRefusal(encodeRefusal(refusal))).toEqual(refusal);
    expect(decodeRefusal('Server closed the connection')).toBeNull();
    expect(decodeRefusal(undefined)).toBeNull();
  });
});
