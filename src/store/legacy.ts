/**
 * Studios before IndexedDB kept the open design (`dci-studio:autosave`) and Recent designs
 * (`dci-studio:recent`) in localStorage. On first start they move into IndexedDB: the autosave
 * becomes a tab slot (the one the first tab opens), the recent entries keep their order and
 * dates. The old keys are removed only once everything is stored, so an interrupted move is
 * simply done again next time and nothing is lost on upgrade.
 */
import type { KeyValue } from './kv';
import { documentSummary, pushRecentJson } from './recent';
import { freshId, writeSlot } from './slots';
import { LEGACY_AUTOSAVE_KEY, LEGACY_BROKEN_KEY, LEGACY_RECENT_KEY } from './legacyKeys';

export { LEGACY_AUTOSAVE_KEY, LEGACY_BROKEN_KEY, LEGACY_RECENT_KEY };

type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

/**
 * Move what localStorage held into `kv`. Returns the slot the old autosave went to (the first
 * tab opens it), or null when there was none. Throws if storing failed (the old keys stay).
 */
export async function migrateLegacyStorage(
  kv: KeyValue,
  local: LegacyStorage | null,
  now: Date = new Date(),
  /** The slot and design identity the old autosave moves to, when the caller chose them. */
  into?: { readonly slotId: string; readonly designId: string },
): Promise<string | null> {
  if (!local) return null;
  const autosave = local.getItem(LEGACY_AUTOSAVE_KEY);
  const recentText = local.getItem(LEGACY_RECENT_KEY);
  const broken = local.getItem(LEGACY_BROKEN_KEY);
  if (autosave === null && recentText === null && broken === null) return null;

  let entries: { name?: unknown; savedAt?: unknown; json?: unknown }[] = [];
  try {
    const raw: unknown = JSON.parse(recentText ?? '[]');
    if (Array.isArray(raw)) entries = raw as typeof entries;
  } catch {
    // A damaged list: nothing readable to move.
  }
  // Oldest first, so the newest ends on top, each with the date it was put aside.
  for (const entry of [...entries].reverse()) {
    if (typeof entry.json !== 'string') continue;
    const date = typeof entry.savedAt === 'string' ? new Date(entry.savedAt) : now;
    const result = await pushRecentJson(
      kv,
      entry.json,
      documentSummary(entry.json),
      Number.isNaN(date.getTime()) ? now : date,
    );
    if (!result.ok) throw result.error;
  }
  if (broken !== null) {
    const result = await pushRecentJson(kv, broken, documentSummary(broken), now);
    if (!result.ok) throw result.error;
  }
  let slotId: string | null = null;
  if (autosave !== null) {
    slotId = into?.slotId ?? freshId('slot');
    await writeSlot(kv, {
      slotId,
      designId: into?.designId ?? freshId('design'),
      savedAt: now.getTime(),
      name: documentSummary(autosave).name,
      json: autosave,
    });
  }
  local.removeItem(LEGACY_AUTOSAVE_KEY);
  local.removeItem(LEGACY_RECENT_KEY);
  local.removeItem(LEGACY_BROKEN_KEY);
  return slotId;
}
