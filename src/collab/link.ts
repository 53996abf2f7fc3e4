/**
 * Room links: `#room=<edit key>` edits, `#room-view=<view key>` only views; `&server=<ws url>`
 * names a room server other than this page's own (`/rooms` on the same host). The keys live
 * in the fragment, which browsers never send to a web server.
 */
import { isKey, type RoomRole } from './capability';

export interface RoomLink {
  readonly role: RoomRole;
  readonly key: string;
  /** A room server named by the link (else the studio's default). */
  readonly server?: string;
}

function params(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

/** Is the fragment a room link (rather than a design link or nothing)? */
export function isRoomFragment(hash: string): boolean {
  const p = params(hash);
  return p.has('room') || p.has('room-view');
}

export function parseRoomLink(hash: string): RoomLink | null {
  const p = params(hash);
  const edit = p.get('room');
  const view = p.get('room-view');
  const server = p.get('server');
  const key = edit ?? view;
  if (key === null || !isKey(key)) return null;
  if (server !== null && !/^wss?:\/\/[^\s]+$/.test(server)) return null;
  return { role: edit !== null ? 'edit' : 'view', key, ...(server ? { server } : {}) };
}

export function roomFragment(link: RoomLink): string {
  const p = new URLSearchParams();
  p.set(link.role === 'edit' ? 'room' : 'room-view', link.key);
  if (link.server) p.set('server', link.server);
  return `#${p.toString()}`;
}

/** The room server a page at `location` uses by default: `/rooms` on its own host. */
export function defaultServerUrl(location: { protocol: string; host: string }): string {
  const configured = import.meta.env?.['VITE_ROOM_SERVER'] as string | undefined;
  if (configured) return configured;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rooms`;
}
