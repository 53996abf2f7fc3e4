import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startRoomServer, type RoomServer } from '../../server/room-server';
import { updateNode } from '../model/edits';
import type { Design } from '../model/schema';
import { twoSites } from '../rules/testing';
import { newEditKey, roomIdFor, viewKeyFor } from './capability';
import { decodeRefusal } from './limits';
import { OrderedProvider } from './provider';
import { readDesign, writeDesign } from './ydesign';

const LOCAL = 'local-edit';

/** A room server of the test's own, on a free port, keeping its rooms in memory. */
let server: RoomServer;
const serverLog: string[] = [];
beforeAll(async () => {
  server = await startRoomServer({ port: 0, dbFile: ':memory:', log: (l) => serverLog.push(l) });
});
afterAll(async () => {
  await server.stop();
});

interface Member {
  readonly doc: Y.Doc;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: OrderedProvider;
  /** Refusals the server closed this member's connection to the room with. */
  readonly refusals: string[];
}
const members: Member[] = [];
afterEach(() => {
  for (const m of members.splice(0)) {
    m.provider.destroy();
    m.socket.destroy();
  }
});

/** A member of the room, as the studio's RoomSession connects one (fast reconnects). */
function join(key: string, doc = new Y.Doc()): Member {
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${server.port}`,
    WebSocketPolyfill: WebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
    maxAttempts: 0,
  });
  const refusals: string[] = [];
  const provider = new OrderedProvider({
    websocketProvider: socket,
    name: roomIdFor(viewKeyFor(key)),
    document: doc,
    token: key,
    onClose: ({ event }) => {
      const refusal = decodeRefusal(event.reason);
      if (refusal) refusals.push(refusal.refused);
    },
  });
  provider.attach();
  const member = { doc, socket, provider, refusals };
  members.push(member);
  return member;
}

async function until(what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function label(doc: Y.Doc, id: string): unknown {
  const result = readDesign(doc);
  return result.ok ? result.design.nodes.find((n) => n.id === id)?.label : undefined;
}

/** Two members in a new room: A started it with a design, B joined. */
async function room(): Promise<{ a: Member; b: Member; design: Design }> {
  const design = twoSites().build();
  const key = newEditKey();
  const seeded = new Y.Doc();
  writeDesign(seeded, null, design, 'seed');
  const a = join(key, seeded);
  await until('A synced', () => a.provider.isSynced && a.provider.unsyncedChanges === 0);
  const b = join(key);
  await until('B has the design', () => b.provider.isSynced && label(b.doc, 'a-c') === 'A1');
  return { a, b, design };
}

describe('OrderedProvider', () => {
  /** When, on the way back, the edit is made: the socket opening, open, or our sync answer sent. */
  const windows = {
    'the socket is connecting again': (m: Member, edit: () => void) =>
      m.socket.on('status', ({ status }: { status: WebSocketStatus }) => {
        if (status === WebSocketStatus.Connecting) edit();
      }),
    'the socket is open again, not synced': (m: Member, edit: () => void) =>
      m.socket.on('status', ({ status }: { status: WebSocketStatus }) => {
        if (status === WebSocketStatus.Connected) edit();
      }),
    // Our answer to the server's first sync step is made (without this edit), not yet sent.
    'the answer to the server’s sync is on its way, not synced': (m: Member, edit: () => void) => {
      const send = m.socket.send.bind(m.socket);
      m.socket.send = (message: Uint8Array) => {
        const d = decoding.createDecoder(message);
        decoding.readVarString(d);
        if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1) edit();
        send(message);
      };
    },
  };

  it.each(Object.keys(windows) as (keyof typeof windows)[])(
    'an edit made while %s, after edits made offline, reaches the others with no refusal',
    async (when) => {
      const { a, b, design } = await room();
      a.socket.disconnect();
      await until('A offline', () => a.socket.status === WebSocketStatus.Disconnected);
      // Offline: the server never gets this update on its own, only through the next sync.
      const offline = updateNode(design, 'a-c', { label: 'made offline' });
      writeDesign(a.doc, design, offline, LOCAL);
      expect(a.provider.unsyncedChanges).toBeGreaterThan(0);

      // The edit in the window, the document not synced yet. Its update builds on the offline
      // one (the next clock of A's client); it replaces a field the server has, so applied
      // before the offline edit it would remove b-c's label.
      let madeInWindow = false;
      windows[when](a, () => {
        if (madeInWindow) return;
        madeInWindow = true;
        expect(a.provider.isSynced).toBe(false);
        writeDesign(
          a.doc,
          offline,
          updateNode(offline, 'b-c', { label: 'made on reconnect' }),
          LOCAL,
        );
      });
      void a.socket.connect();

      await until(
        'B has both edits (or A was refused)',
        () =>
          a.refusals.length > 0 ||
          (label(b.doc, 'a-c') === 'made offline' && label(b.doc, 'b-c') === 'made on reconnect'),
      );
      expect(madeInWindow).toBe(true);
      expect(a.refusals).toEqual([]);
      expect(serverLog.filter((l) => l.startsWith('refused'))).toEqual([]);
      expect(label(b.doc, 'a-c')).toBe('made offline');
      expect(label(b.doc, 'b-c')).toBe('made on reconnect');
      // And the server acknowledged all of A's changes: nothing is counted as unsent.
      await until('A has nothing unsent', () => a.provider.unsyncedChanges === 0);
    },
  );

  it('an edit made while synced goes at once', async () => {
    const { a, b, design } = await room();
    writeDesign(a.doc, design, updateNode(design, 'a-c', { label: 'live' }), LOCAL);
    await until('B has it', () => label(b.doc, 'a-c') === 'live');
    await until('A has nothing unsent', () => a.provider.unsyncedChanges === 0);
    expect(a.refusals).toEqual([]);
  });
});
