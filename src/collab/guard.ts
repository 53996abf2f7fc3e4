/**
 * The room server's gate: every message a client sends is checked here before the server
 * applies it. Pure (Yjs and the one loader only), so it is tested without a server.
 *
 * - A view-only connection may not change the document.
 * - A message, and the document it would make, stay under the size limits.
 * - The document an update would make must still be a valid design: the update is applied to a
 *   copy, the copy is decoded and goes through the one loader (schema, migrations, references).
 *   A hostile or buggy client cannot corrupt the room for the others.
 *
 * The copy is kept between messages (a shadow of the room: its document plus the updates this
 * gate accepted that the server has not applied yet), so a check costs the update and a decode,
 * not a copy of the room's whole history. A refused update spoils the shadow: it is dropped and
 * rebuilt from the room's document at the next message.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { describeSize, type Refusal, type RoomLimits } from './limits';
import { isEmptyDoc, readDesign } from './ydesign';

/** Hocuspocus message types (its wire protocol) that carry a document sync. */
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
/** y-protocols sync message types that carry an update. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a Hocuspocus message carries, or null when it carries none. */
export function updateInMessage(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // the document name
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}

interface Shadow {
  readonly doc: Y.Doc;
  /** Upper bound of its encoded size (exact when last measured, plus accepted updates). */
  size: number;
}

export class RoomGate {
  private readonly shadows = new WeakMap<Y.Doc, Shadow>();
  /**
   * Updates accepted that the room's document may not have applied yet: a server checks a
   * client's next message before it applies the previous one, and the next edit builds on it.
   */
  private readonly accepted = new WeakMap<Y.Doc, Uint8Array[]>();

  constructor(private readonly limits: RoomLimits) {}

  /** Check one incoming message against the room's document; null means it may be applied. */
  check(doc: Y.Doc, message: Uint8Array, readOnly: boolean): Refusal | null {
    const { limits } = this;
    if (message.byteLength > limits.maxMessageBytes)
      return {
        refused: 'message-too-large',
        message: `The change is too large for the room (${describeSize(message.byteLength, limits.maxMessageBytes)}).`,
      };
    const update = updateInMessage(message);
    if (update === null) return null;
    const shadow = this.shadowFor(doc);
    let changes: boolean;
    try {
      changes = !Y.snapshotContainsUpdate(Y.snapshot(shadow.doc), update);
    } catch {
      return malformed();
    }
    if (!changes) return null;
    if (readOnly)
      return {
        refused: 'view-only',
        message: 'This is a view-only link: the room server does not accept changes from it.',
      };
    const refusal = this.tryOn(shadow, update);
    if (refusal !== null) {
      this.shadows.delete(doc);
      return refusal;
    }
    this.accepted.set(doc, [...(this.accepted.get(doc) ?? []), update]);
    return null;
  }

  private tryOn(shadow: Shadow, update: Uint8Array): Refusal | null {
    const { limits } = this;
    const wasEmpty = isEmptyDoc(shadow.doc);
    try {
      Y.applyUpdate(shadow.doc, update);
    } catch {
      return malformed();
    }
    shadow.size += update.byteLength;
    if (shadow.size > limits.maxRoomBytes) {
      shadow.size = Y.encodeStateAsUpdate(shadow.doc).byteLength;
      if (shadow.size > limits.maxRoomBytes)
        return {
          refused: 'room-too-large',
          message: `The change would make the room too large (${describeSize(shadow.size, limits.maxRoomBytes)}).`,
        };
    }
    if (wasEmpty && isEmptyDoc(shadow.doc)) return null;
    const result = readDesign(shadow.doc);
    if (!result.ok && shadow.doc.store.pendingStructs !== null)
      // Yjs holds back what the update adds (it builds on changes the server lacks) but applies
      // what it deletes: judged now, a replaced field would look removed. Not applied; the
      // client syncs again, which sends everything in order.
      return {
        refused: 'out-of-order',
        message: 'The change arrived before what it builds on; it is sent again in order.',
      };
    if (!result.ok)
      return {
        refused: 'invalid',
        message: `The change would make the design invalid: ${result.error.message}`,
      };
    return null;
  }

  /** The room's document plus what this gate accepted since, brought up to date. */
  private shadowFor(doc: Y.Doc): Shadow {
    const known = this.shadows.get(doc);
    if (known) {
      // What reached the room from elsewhere (another instance over Redis, the database).
      const missing = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(known.doc));
      Y.applyUpdate(known.doc, missing);
      known.size += missing.byteLength;
      return known;
    }
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const snapshot = Y.snapshot(doc);
    const inFlight = (this.accepted.get(doc) ?? []).filter(
      (u) => !Y.snapshotContainsUpdate(snapshot, u),
    );
    this.accepted.set(doc, inFlight);
    for (const u of inFlight) Y.applyUpdate(copy, u);
    const shadow = { doc: copy, size: Y.encodeStateAsUpdate(copy).byteLength };
    this.shadows.set(doc, shadow);
    return shadow;
  }
}

function malformed(): Refusal {
  return { refused: 'invalid', message: 'The change could not be read (a malformed update).' };
}
