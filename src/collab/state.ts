/**
 * What the UI shows about the live room: connection, people, cursors, refusals. The room
 * session (room.ts, loaded on demand) writes it; the room bar, cursors and share dialog read
 * it. No Yjs here: this module is on the first screen.
 */
import { create } from 'zustand';
import type { RoomRole } from './capability';
import type { Refusal } from './limits';

export type RoomStatus =
  'idle' | 'loading' | 'connecting' | 'connected' | 'offline' | 'waiting' | 'denied';

export interface Person {
  /** Yjs client id: one per open tab. */
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  /** Pointer on the canvas in flow coordinates, or null when off the canvas. */
  readonly cursor: { readonly x: number; readonly y: number } | null;
  /** Ids of the elements this person has selected. */
  readonly selection: readonly string[];
  readonly role: RoomRole;
}

export interface RoomState {
  status: RoomStatus;
  role: RoomRole | null;
  /** The links to the room (the edit link only for an editor). */
  editLink: string | null;
  viewLink: string | null;
  me: { name: string; color: string };
  /** Everyone else in the room. */
  people: readonly Person[];
  /** The last change the server refused, shown until dismissed. */
  refusal: Refusal | null;
  /** Bumped when the per-user history changes, so undo/redo buttons update. */
  historyVersion: number;
  /** Edits made here that the server has not confirmed yet. */
  unsynced: number;
}

const NAME_KEY = 'dci-studio:room-name';
export const PERSON_COLORS = [
  '#0f766e',
  '#b45309',
  '#7c3aed',
  '#be123c',
  '#1d4ed8',
  '#15803d',
  '#c2410c',
  '#a21caf',
] as const;

function initialMe(): { name: string; color: string } {
  let name: string | null = null;
  try {
    name = globalThis.localStorage?.getItem(NAME_KEY) ?? null;
  } catch {
    // No storage: a fresh name each time.
  }
  const n = Math.floor(Math.random() * 90) + 10;
  const color = PERSON_COLORS[Math.floor(Math.random() * PERSON_COLORS.length)] ?? '#0f766e';
  return { name: name || `Architect ${n}`, color };
}

export const useRoom = create<RoomState>()(() => ({
  status: 'idle',
  role: null,
  editLink: null,
  viewLink: null,
  me: initialMe(),
  people: [],
  refusal: null,
  historyVersion: 0,
  unsynced: 0,
}));

export function setMyName(name: string): void {
  const trimmed = name.trim().slice(0, 40);
  if (!trimmed) return;
  try {
    globalThis.localStorage?.setItem(NAME_KEY, trimmed);
  } catch {
    // Kept for this tab only.
  }
  useRoom.setState((s) => ({ me: { ...s.me, name: trimmed } }));
}

export function inRoom(): boolean {
  return useRoom.getState().status !== 'idle';
}
