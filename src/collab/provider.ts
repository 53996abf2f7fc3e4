/**
 * The room's provider: a HocuspocusProvider that sends a local update only once the server has
 * everything it builds on.
 *
 * After a reconnect the socket is open before the document is synced. The plain provider sends
 * an edit made then at once, ahead of the sync that carries what the server lacks (the edits
 * made offline, or those a crashed server never stored). Built on them, the update arrives
 * before what it builds on: the room's gate refuses it ('out-of-order') and the session has to
 * sync again over a new connection. Here an update made before the sync waits instead:
 * - until the server's first sync step arrives: our answer to it (sync step 2, sent while that
 *   message is applied) carries every change the document holds, so the held copies are
 *   dropped;
 * - made after that answer but before the provider is synced (the server's step 2 comes next),
 *   until it is synced: it is sent then, after the answer it builds on.
 * And what the socket queued while it was going down is dropped when it reconnects, for the
 * same reason. Nothing is lost: the document holds every edit, and the sync sends whatever the
 * server lacks.
 */
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';

/** Hocuspocus's message type of a sync message, and y-protocols' type of a first sync step. */
const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

type ProviderMessage = Parameters<HocuspocusProvider['onMessage']>[0];

/** Whether a message from the server is its first sync step (it asks for what it lacks). */
export function isFirstSyncStep(data: unknown): boolean {
  if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return false;
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  try {
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder); // the document name
    return (
      decoding.readVarUint(decoder) === MESSAGE_SYNC &&
      decoding.readVarUint(decoder) === SYNC_STEP_1
    );
  } catch {
    return false;
  }
}

export class OrderedProvider extends HocuspocusProvider {
  /** Local updates made since the last sync began that the server has not been sent. */
  private held: Uint8Array[] = [];

  constructor(...args: ConstructorParameters<typeof HocuspocusProvider>) {
    super(...args);
    this.on('synced', () => this.sendHeld());
    this.on('status', ({ status }: { status: WebSocketStatus }) => {
      if (status !== WebSocketStatus.Connected) this.dropQueuedUpdates();
    });
  }

  /**
   * What the socket queued while it was closing (sent after the next connection's first
   * message, ahead of our answer to the sync) is dropped: the sync sends it, in order.
   */
  private dropQueuedUpdates(): void {
    const socket = this.configuration.websocketProvider as unknown as { messageQueue?: unknown[] };
    if (Array.isArray(socket.messageQueue)) socket.messageQueue = [];
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return;
    if (this.isSynced) {
      super.documentUpdateHandler(update, origin);
      return;
    }
    // Unsent, as the provider counts it (the room bar shows it is not on the server yet).
    this.held.push(update);
    this.incrementUnsyncedChanges();
  }

  /** A new sync begins: it sends everything the document holds, held updates included. */
  override startSync(): void {
    this.held = [];
    super.startSync(); // counts one unsynced change: the sync itself
  }

  override onMessage(event: ProviderMessage): void {
    if (this.held.length > 0 && isFirstSyncStep(event.data)) {
      // Our answer, sent while this message is applied, carries them.
      this.unsyncedChanges = Math.max(1, this.unsyncedChanges - this.held.length);
      this.held = [];
      this.emit('unsyncedChanges', { number: this.unsyncedChanges });
    }
    super.onMessage(event);
  }

  /** Synced: what was made after our answer goes now, after what it builds on. */
  private sendHeld(): void {
    const late = this.held;
    this.held = [];
    // Counted when held; the provider counts each again as it sends it.
    this.unsyncedChanges -= late.length;
    for (const update of late) super.documentUpdateHandler(update, null);
  }
}
