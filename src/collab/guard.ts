/**
 * The room server's gate: every message a client sends is checked here before the server
 * applies it. Pure (Yjs and the one loader only), so it is tested without a server.
 *
 * - A view-only connection may not change the document.
 * - A message, and the document it would make, stay under the size limits.
 * - The document an update would make must still be a valid design: the update is applied to a
 *   copy, the copy is decoded and goes through the one loader (schema, migrations, references).
 *   A hostile or buggy client cannot corrupt the room for the others.
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

/** Does the update add or delete anything the document does not already have? */
export function changesDocument(doc: Y.Doc, update: Uint8Array): boolean {
  return !Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}

/**
 * Updates this gate accepted that the document has not applied yet. A server checks a message
 * before it applies it, and may check the next one (from the same client, which builds on the
 * first) before the first is applied: the next check must see the first, or the second update
 * would look like a change to a document that lacks what it builds on.
 */
const accepted = new WeakMap<Y.Doc, Uint8Array[]>();

function inFlight(doc: Y.Doc): Uint8Array[] {
  const list = accepted.get(doc) ?? [];
  if (list.length === 0) return list;
  const snapshot = Y.snapshot(doc);
  const still = list.filter((u) => !Y.snapshotContainsUpdate(snapshot, u));
  accepted.set(doc, still);
  return still;
}

/** Check one incoming message against the room's document; null means it may be applied. */
export function checkMessage(
  doc: Y.Doc,
  message: Uint8Array,
  readOnly: boolean,
  limits: RoomLimits,
): Refusal | null {
  const refusal = check(doc, message, readOnly, limits);
  if (refusal === null) {
    const update = updateInMessage(message);
    if (update !== null) accepted.set(doc, [...(accepted.get(doc) ?? []), update]);
  }
  return refusal;
}

function check(
  doc: Y.Doc,
  message: Uint8Array,
  readOnly: boolean,
  limits: RoomLimits,
): Refusal | null {
  if (message.byteLength > limits.maxMessageBytes)
    return {
      refused: 'message-too-large',
      message: `The change is too large for the room (${describeSize(message.byteLength, limits.maxMessageBytes)}).`,
    };
  const update = updateInMessage(message);
  if (update === null) return null;
  const pending = inFlight(doc);
  let changes: boolean;
  try {
    changes = changesDocument(doc, update) && !pending.some((u) => containsUpdate(u, update));
  } catch {
    return { refused: 'invalid', message: 'The change could not be read (a malformed update).' };
  }
  if (!changes) return null;
  if (readOnly)
    return {
      refused: 'view-only',
      message: 'This is a view-only link: the room server does not accept changes from it.',
    };
  return checkUpdate(doc, update, limits, pending);
}

/** Is `update` already contained in `other` (the same update sent twice)? */
function containsUpdate(other: Uint8Array, update: Uint8Array): boolean {
  if (other.byteLength !== update.byteLength) return false;
  return other.every((b, i) => b === update[i]);
}

/** Would the document still be a valid design, under the size limit, after this update? */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  limits: RoomLimits,
  acceptedBefore: readonly Uint8Array[] = [],
): Refusal | null {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    for (const earlier of acceptedBefore) Y.applyUpdate(copy, earlier);
    Y.applyUpdate(copy, update);
  } catch {
    return { refused: 'invalid', message: 'The change could not be read (a malformed update).' };
  }
  const size = Y.encodeStateAsUpdate(copy).byteLength;
  if (size > limits.maxRoomBytes)
    return {
      refused: 'room-too-large',
      message: `The change would make the room too large (${describeSize(size, limits.maxRoomBytes)}).`,
    };
  if (isEmptyDoc(copy) && isEmptyDoc(doc)) return null;
  const result = readDesign(copy);
  if (!result.ok)
    return {
      refused: 'invalid',
      message: `The change would make the design invalid: ${result.error.message}`,
    };
  return null;
}
