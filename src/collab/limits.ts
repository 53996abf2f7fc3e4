/**
 * What a room server accepts, and the refusals it sends back. One source for the limits and
 * for the words a client shows.
 */

/** One message from a client (the first one carries the whole design). */
export const MAX_MESSAGE_BYTES = 2_000_000;
/** A room's whole document, encoded (a 10,000-element design is about 5 MB of JSON). */
export const MAX_ROOM_BYTES = 8_000_000;

export interface RoomLimits {
  readonly maxMessageBytes: number;
  readonly maxRoomBytes: number;
}

export const DEFAULT_LIMITS: RoomLimits = {
  maxMessageBytes: MAX_MESSAGE_BYTES,
  maxRoomBytes: MAX_ROOM_BYTES,
};

export type RefusalKind =
  | 'view-only'
  | 'message-too-large'
  | 'room-too-large'
  | 'invalid'
  /** The update builds on changes the server does not have yet: the client syncs again. */
  | 'out-of-order';

export interface Refusal {
  readonly refused: RefusalKind;
  /** One line a person can read. */
  readonly message: string;
}

/** Prefix of a refusal in a Hocuspocus close reason, so a client tells it from other closes. */
export const REFUSAL_PREFIX = 'dci-refused:';

export function encodeRefusal(refusal: Refusal): string {
  return REFUSAL_PREFIX + JSON.stringify(refusal);
}

export function decodeRefusal(reason: string | undefined): Refusal | null {
  if (!reason?.startsWith(REFUSAL_PREFIX)) return null;
  try {
    const value = JSON.parse(reason.slice(REFUSAL_PREFIX.length)) as Partial<Refusal>;
    if (typeof value.refused === 'string' && typeof value.message === 'string')
      return { refused: value.refused, message: value.message };
  } catch {
    // Not one of ours.
  }
  return null;
}

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`;
}

export function describeSize(n: number, limit: number): string {
  return `${formatBytes(n)}; the limit is ${formatBytes(limit)}`;
}
