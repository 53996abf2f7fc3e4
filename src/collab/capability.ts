/**
 * Room capabilities, with no state on the server: the edit link holds a random 128-bit edit
 * key; the view key is derived from it and the room id from the view key, both by SHA-256.
 * Knowing the room id (what the server stores) gives neither key, and a view key gives no edit
 * key. The server checks a key by deriving the room id from it.
 */
import { digest } from 'lib0/hash/sha256';

export type RoomRole = 'edit' | 'view';

/** Length of a key in bytes: 128 bits, unguessable. */
export const KEY_BYTES = 16;

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hash(label: string, key: string, bytes: number): string {
  return base64url(digest(encoder.encode(`dci-room:${label}:${key}`)).slice(0, bytes));
}

/** A fresh edit key from the platform's cryptographic random source. */
export function newEditKey(): string {
  const bytes = new Uint8Array(KEY_BYTES);
  globalThis.crypto.getRandomValues(bytes);
  return base64url(bytes);
}

export function viewKeyFor(editKey: string): string {
  return hash('view', editKey, KEY_BYTES);
}

/** The room's name on the server (the Hocuspocus document name). */
export function roomIdFor(viewKey: string): string {
  return hash('room', viewKey, 32);
}

/** A well-formed key: base64url of KEY_BYTES bytes. */
export function isKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(value);
}

/** What a key allows in a room, or null when it opens nothing there. */
export function roleFor(roomId: string, key: string): RoomRole | null {
  if (!isKey(key)) return null;
  if (roomIdFor(viewKeyFor(key)) === roomId) return 'edit';
  if (roomIdFor(key) === roomId) return 'view';
  return null;
}
