import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomRedis } from './room-server';
import { redisAvailable, startTestRedis } from './testRedis';

/** A Redis of the test's own (skipped where redis-server is not installed). */
const hasRedis = redisAvailable();
const PORT = Number(process.env['REDIS_UNIT_PORT'] ?? 6300 + Math.floor(Math.random() * 90));

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
});
