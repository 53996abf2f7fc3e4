/**
 * Tab slots: each browser tab autosaves its open design into a slot of its own, so two tabs
 * never write over each other. A slot carries the design's identity (`designId`): two slots
 * with one designId are the same design open in two tabs, and the newer one is offered to the
 * other tab (session.ts). Pure over a KeyValue.
 */
import type { KeyValue } from './kv';

export interface SlotRecord {
  readonly slotId: string;
  /** The design's identity: the same in every tab that has this design open. */
  readonly designId: string;
  /** Milliseconds since the epoch of this save. */
  readonly savedAt: number;
  readonly name: string;
  /** The design document (toDocument) as JSON, or an unreadable text kept as it was. */
  readonly json: string;
  /**
   * Written with a design the studio saved (`documentFingerprint` of `json`): the design is then
   * read back without checking it again (`loadOwnDocument`). Absent in older slots.
   */
  readonly fingerprint?: string;
}

const PREFIX = 'slot:';
export const slotKey = (slotId: string) => `${PREFIX}${slotId}`;

function isSlot(value: unknown): value is SlotRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['slotId'] === 'string' &&
    typeof v['designId'] === 'string' &&
    typeof v['savedAt'] === 'number' &&
    typeof v['name'] === 'string' &&
    typeof v['json'] === 'string' &&
    (v['fingerprint'] === undefined || typeof v['fingerprint'] === 'string')
  );
}

export async function readSlot(kv: KeyValue, slotId: string): Promise<SlotRecord | null> {
  const value = await kv.get<unknown>(slotKey(slotId));
  return isSlot(value) ? value : null;
}

export function writeSlot(kv: KeyValue, record: SlotRecord): Promise<void> {
  return kv.setMany([[slotKey(record.slotId), record]]);
}

export function deleteSlots(kv: KeyValue, slotIds: readonly string[]): Promise<void> {
  return kv.delMany(slotIds.map(slotKey));
}

/** How many slots there are, without reading them. */
export async function countSlots(kv: KeyValue): Promise<number> {
  return (await kv.keys()).filter((k) => k.startsWith(PREFIX)).length;
}

/** Every slot, newest save first. */
export async function listSlots(kv: KeyValue): Promise<SlotRecord[]> {
  const names = (await kv.keys()).filter((k) => k.startsWith(PREFIX));
  const values = await kv.getMany<unknown>(names);
  return values.filter(isSlot).sort((a, b) => b.savedAt - a.savedAt);
}

export function freshId(prefix: string): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 13)
      : Math.random().toString(36).slice(2, 15);
  return `${prefix}-${Date.now().toString(36)}-${random}`;
}
