/**
 * The room server: Hocuspocus 3 (a Yjs sync server) with
 * - capability checks on connect: the edit key edits, the view key only reads (readOnly);
 * - the room gate (src/collab/guard.ts) before any message is applied: view-only, message and
 *   room size, and the design still valid under the schema; a refused message closes that
 *   client's connection to the room with a reason the studio shows;
 * - rooms persisted in SQLite (embedded), and optionally Redis so several instances share rooms.
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension, type onStoreDocumentPayload } from '@hocuspocus/server';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { roleFor } from '../src/collab/capability';
import { RoomGate } from '../src/collab/guard';
import { DEFAULT_LIMITS, encodeRefusal, type RoomLimits } from '../src/collab/limits';
import { openRoomStore } from './store';

export interface RoomServerOptions {
  /** Port to listen on (0: any free port, given back in RoomServer.port). */
  readonly port: number;
  readonly host?: string;
  /** SQLite file for the rooms (':memory:' for none). */
  readonly dbFile: string;
  /** redis://host:port to share rooms with other instances. */
  readonly redisUrl?: string | undefined;
  readonly limits?: RoomLimits;
  /** A name for this instance in logs and in Redis. */
  readonly name?: string;
  readonly log?: (line: string) => void;
}

export interface RoomServer {
  readonly port: number;
  /** Rooms open in memory now. */
  openRooms(): number;
  /** Stop: store every open room and close every connection. */
  stop(): Promise<void>;
}

/** Refusals a server sent, by kind (for logs and tests). */
export type RefusalCounts = Record<string, number>;

export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const log = options.log ?? ((line: string) => console.log(line));
  const store = openRoomStore(options.dbFile);
  const gate = new RoomGate(limits);
  const extensions: Extension[] = [
    new Database({
      fetch: async ({ documentName }) => store.load(documentName),
      store: async ({ documentName, state }) => store.save(documentName, state),
    }),
    {
      // After the Redis extension's (it waits for the other instances' last syncs).
      priority: 10,
      /**
       * An instance stores a room after its own members' changes only, not after those it
       * hears from the other instances over Redis: the instance that got them stores them.
       * But that instance may have died before it did (a crash loses its last debounce), and a
       * member coming back through this instance brings nothing this copy lacks, so no store
       * follows. Before the room leaves memory, what the database lacks of it is added.
       */
      async beforeUnloadDocument({ documentName, document }) {
        if (document.isLoading || document.store.clients.size === 0) return;
        if (store.keep(documentName, Y.encodeStateAsUpdate(document)))
          log(
            `room ${documentName.slice(0, 8)}… stored as it unloads: the database lacked some of it`,
          );
      },
    },
  ];
  if (options.redisUrl) {
    extensions.push(roomRedis(options.redisUrl, options.name ?? `dci-rooms-${options.port}`, log));
  }

  const server = new Server(
    {
      name: options.name ?? `dci-rooms-${options.port}`,
      port: options.port,
      address: options.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      // Store soon after a change: a crash loses at most this much on the server (clients
      // still hold their edits and send them again when they reconnect).
      debounce: 500,
      maxDebounce: 3000,
      extensions,
      async onAuthenticate({ token, documentName, connectionConfig }) {
        const role = roleFor(documentName, token);
        if (role === null) throw new Error('This link does not open this room.');
        if (role === 'view') connectionConfig.readOnly = true;
        return { role };
      },
      async beforeHandleMessage({ update, document, connection, documentName }) {
        const refusal = gate.check(document, update, connection.readOnly);
        if (refusal === null) return;
        log(`refused ${refusal.refused} in room ${documentName.slice(0, 8)}…: ${refusal.message}`);
        // Hocuspocus closes this client's connection to the room with our reason.
        throw Object.assign(new Error(refusal.message), {
          code: 4400,
          reason: encodeRefusal(refusal),
        });
      },
    },
    // The socket itself refuses anything far above the gate's limit.
    { maxPayload: limits.maxMessageBytes * 2 },
  );
  // Listen ourselves: Hocuspocus 3's listen() passes the address under a key Node ignores, so it
  // would listen on every interface; a room server for tests and benches stays on loopback.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen({ port: options.port, host: options.host ?? '127.0.0.1' }, () =>
      resolve(),
    );
  });
  const { port } = server.httpServer.address() as AddressInfo;
  log(
    `DCI Studio room server on ws://${options.host ?? '127.0.0.1'}:${port} ` +
      `(rooms in ${options.dbFile}${options.redisUrl ? `, shared over ${options.redisUrl}` : ''})`,
  );
  return {
    port,
    openRooms: () => server.hocuspocus.getDocumentsCount(),
    stop: async () => {
      await server.destroy();
      store.close();
    },
  };
}

/**
 * The Redis extension that shares rooms with the other instances.
 *
 * Its subscriber connection never runs ioredis's ready check (INFO): a room opened while that
 * connection is still starting (a client that reconnects the moment a restarted server
 * listens) sends SUBSCRIBE at once, since ioredis lets it through before "ready"; the INFO that
 * follows is refused in subscriber mode ("Can't execute 'info'"), ioredis drops the connection
 * as failed and reconnects WITHOUT the room's subscription, so this instance no longer hears the
 * others about that room. SUBSCRIBE needs no ready check (Redis accepts it even while loading).
 * The option is set before the connection is made (ioredis connects on a later tick). Errors of
 * either connection are logged (ioredis reconnects by itself), not "Unhandled error event".
 */
export function roomRedis(
  redisUrl: string,
  identifier: string,
  log: (line: string) => void,
): RoomRedis {
  const url = new URL(redisUrl);
  const redis = new RoomRedis({
    host: url.hostname,
    port: Number(url.port || 6379),
    identifier,
    prefix: 'dci-rooms',
  });
  const sub = redis.sub as unknown as { options?: { enableReadyCheck?: boolean } };
  if (sub.options) sub.options.enableReadyCheck = false;
  for (const [name, client] of [
    ['subscriber', redis.sub],
    ['publisher', redis.pub],
  ] as const)
    client.on('error', (error: Error) => log(`Redis ${name} connection: ${error.message}`));
  return redis;
}

/** Why the Redis extension skips a store: another instance holds the room's lock. */
const LOCK_BUSY = 'Could not acquire lock';

/**
 * The Redis extension, except that a store skipped for the lock is tried again.
 *
 * Before an instance stores a room it takes the room's lock in Redis; an instance that finds it
 * taken skips its store (the holder stores the room). But the holder may be dead: an instance
 * killed while it stores leaves the lock until it expires (lockTimeout), and the holder may have
 * taken its copy of the room before this instance's last changes reached it. Skipped, those
 * changes were stored by no one; and with no later change here nothing stored them at all: the
 * room was unloaded without a store (the last member leaving, or a clean stop), and they were
 * lost once every instance restarted. So a skipped store is scheduled again (after the server's
 * debounce, until the lock is free): while it is pending the room stays loaded, and a stop waits
 * for it.
 */
export class RoomRedis extends Redis {
  override async onStoreDocument(payload: onStoreDocumentPayload): Promise<void> {
    try {
      await super.onStoreDocument(payload);
    } catch (error) {
      if (error instanceof Error && String(error.cause).startsWith(LOCK_BUSY)) {
        const { instance, document } = payload;
        if (instance.documents.get(document.name) === document)
          void instance.storeDocumentHooks(document, payload);
      }
      throw error; // the skip itself stands: the store hooks after this one do not run now
    }
  }
}
