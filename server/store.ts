/**
 * Rooms on disk: one SQLite file (better-sqlite3, embedded; nothing to install beside npm).
 * Each row is a room's whole Yjs state. Several server instances on one host may share the
 * file (WAL mode, a busy timeout), which is how they share rooms with Redis.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as Y from 'yjs';

export interface RoomStore {
  load(room: string): Uint8Array | null;
  save(room: string, state: Uint8Array): void;
  /**
   * Add to the stored room what `state` has that it lacks (nothing is replaced: a state that
   * lacks changes another instance stored keeps them). Whether anything was written.
   */
  keep(room: string, state: Uint8Array): boolean;
  count(): number;
  close(): void;
}

export function openRoomStore(file: string): RoomStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(
    'CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL)',
  );
  const select = db.prepare<[string], { state: Buffer }>('SELECT state FROM rooms WHERE name = ?');
  const upsert = db.prepare<[string, Buffer, string]>(
    'INSERT INTO rooms (name, state, updated_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  const keep = db.transaction((room: string, state: Uint8Array): boolean => {
    const row = select.get(room);
    if (row) {
      const stored = new Y.Doc({ gc: false });
      Y.applyUpdate(stored, row.state);
      if (Y.snapshotContainsUpdate(Y.snapshot(stored), state)) return false;
    }
    const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state;
    upsert.run(room, Buffer.from(merged), new Date().toISOString());
    return true;
  });
  const total = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM rooms');
  return {
    load: (room) => {
      const row = select.get(room);
      return row ? new Uint8Array(row.state) : null;
    },
    save: (room, state) => {
      upsert.run(room, Buffer.from(state), new Date().toISOString());
    },
    keep: (room, state) => keep.immediate(room, state),
    count: () => total.get()?.n ?? 0,
    close: () => db.close(),
  };
}
