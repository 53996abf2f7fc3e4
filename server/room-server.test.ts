import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newEditKey, roomIdFor, viewKeyFor } from '../src/collab/capability';
import { readDesign, writeDesign } from '../src/collab/ydesign';
import { updateNode } from '../src/model/edits';
import { twoSites } from '../src/rules/testing';
import { roomRedis, startRoomServer } from './room-server';
import { openRoomStore } from './store';
import { redisAvailable, startTestRedis } from './testRedis';

/** A Redis of the test's own (skipped where redis-server is not installed). */
const hasRedis = redisAvailable();
const PORT = Number(process.env['REDIS_UNIT_PORT'] ?? 6300 + Math.floor(Math.random() * 90));

/** Wait until `ok` (10 s at most). */
async function until(what: string, ok: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A member of `room` on the server at `port`, with its copy in `doc`. */
function member(port: number, room: string, key: string, doc: Y.Doc) {
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}`,
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: doc,
    token: key,
  });
  provider.attach();
  return {
    provider,
    leave: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** A new room (its key and id) and a member's copy of it seeded with the two-site design. */
function newRoom() {
  const key = newEditKey();
  const design = twoSites().build();
  const seeded = () => {
    const doc = new Y.Doc();
    writeDesign(doc, null, design, 'seed');
    return doc;
  };
  return { key, room: roomIdFor(viewKeyFor(key)), design, seeded };
}

/** The label of node `id` in a copy of the room. */
function label(doc: Y.Doc, id = 'a-c'): string | undefined {
  const result = readDesign(doc);
  return result.ok ? result.design.nodes.find((n) => n.id === id)?.label : undefined;
}

/** The label of node `id` in the room as the database at `dbFile` holds it. */
function stored(dbFile: string, room: string, id = 'a-c'): string | undefined {
  const store = openRoomStore(dbFile);
  const state = store.load(room);
  store.close();
  if (!state) return undefined;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return label(doc, id);
}

describe.skipIf(!hasRedis)('roomRedis', () => {
  let redis: ChildProcess | null = null;
  beforeAll(async () => {
    redis = await startTestRedis(PORT);
  });
  afterAll(() => {
    redis?.kill('SIGTERM');
  });

  it('a room subscribed while the connection starts still hears the other instances', async () => {
    const lines: string[] = [];
    const ext = roomRedis(`redis://127.0.0.1:${PORT}`, 'unit-a', (l) => lines.push(l));
    // What a restarted server does when a client reconnects the moment it listens: the room is
    // loaded and subscribed to while the subscriber connection is connected but not yet ready.
    const subscribed = new Promise<void>((resolve, reject) =>
      ext.sub.once('connect', () => {
        void ext.sub.subscribe('dci-rooms:room-1', (error) => (error ? reject(error) : resolve()));
      }),
    );
    await subscribed;
    // Only this test listens (the extension's own listener would decode the test's message).
    ext.sub.removeAllListeners('messageBuffer');
    const heard = new Promise<string>((resolve) =>
      ext.sub.on('messageBuffer', (_channel: Buffer, data: Buffer) => resolve(data.toString())),
    );
    // Another instance publishes to the room, a little later and again until heard (or 3 s).
    const other = roomRedis(`redis://127.0.0.1:${PORT}`, 'unit-b', (l) => lines.push(l));
    let got: string | null = null;
    void heard.then((m) => (got = m));
    const end = Date.now() + 3000;
    while (got === null && Date.now() < end) {
      await other.pub.publish('dci-rooms:room-1', 'an update');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(got).toBe('an update');
    expect(lines.filter((l) => /info/i.test(l))).toEqual([]);
    for (const c of [ext.pub, ext.sub, other.pub, other.sub]) c.disconnect();
  });

  it('a change made while a dead instance still holds the store lock is stored all the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dci-rooms-unit-'));
    const dbFile = join(dir, 'rooms.sqlite');
    const server = await startRoomServer({
      port: 0,
      dbFile,
      redisUrl: `redis://127.0.0.1:${PORT}`,
      name: 'unit-store',
      log: () => undefined,
    });
    const { key, room, design, seeded } = newRoom();
    let stopped = false;
    try {
      const doc = seeded();
      const { provider, leave } = member(server.port, room, key, doc);
      await until('the room stored', () => stored(dbFile, room) === 'A1');

      // What an instance SIGKILLed while it stores leaves behind: the room's lock, until it
      // expires (a real kill mid-store, with two server processes, does the same: see the
      // lead in the session's report).
      const lock = spawnSync('redis-cli', [
        '-p',
        String(PORT),
        'set',
        `dci-rooms:${room}:lock`,
        'a-dead-instance',
        'PX',
        '3000',
        'NX',
      ]);
      expect(lock.stdout.toString().trim()).toBe('OK');
      // An edit then, and no other after it: the member leaves and the server stops cleanly.
      writeDesign(
        doc,
        design,
        updateNode(design, 'a-c', { label: 'made under the lock' }),
        'local',
      );
      await until('the server has the edit', () => provider.unsyncedChanges === 0);
      leave();
      stopped = true;
      await server.stop();
      // Everything restarted: the room is what the database holds.
      expect(stored(dbFile, room)).toBe('made under the lock');
    } finally {
      if (!stopped) await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a change this instance only heard over Redis is stored before the room unloads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dci-rooms-unit-'));
    const dbFile = join(dir, 'rooms.sqlite');
    const redisUrl = `redis://127.0.0.1:${PORT}`;
    // Instance A's stores never reach the shared database (as if it died before storing).
    const a = await startRoomServer({ port: 0, dbFile: ':memory:', redisUrl, name: 'unit-a2' });
    const b = await startRoomServer({
      port: 0,
      dbFile,
      redisUrl,
      name: 'unit-b2',
      log: () => undefined,
    });
    const { key, room, design, seeded } = newRoom();
    let stopped = false;
    try {
      const onB = seeded();
      const { leave: leaveB } = member(b.port, room, key, onB);
      await until('the room stored', () => stored(dbFile, room) === 'A1');
      const onA = new Y.Doc();
      const { leave: leaveA } = member(a.port, room, key, onA);
      await until('A has the room', () => label(onA) === 'A1');
      writeDesign(onA, design, updateNode(design, 'a-c', { label: 'heard over Redis' }), 'local');
      await until('B hears it', () => label(onB) === 'heard over Redis');
      leaveA();
      leaveB();
      stopped = true;
      await Promise.all([a.stop(), b.stop()]);
      expect(stored(dbFile, room)).toBe('heard over Redis');
    } finally {
      if (!stopped) await Promise.all([a.stop(), b.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
