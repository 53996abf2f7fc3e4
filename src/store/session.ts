/**
 * The tab session: which slot this tab saves into, which design (identity) it holds, and what
 * it knows of the other tabs. Rules:
 * - A tab keeps its slot across reloads (the slot id lives in sessionStorage, which is per tab).
 * - A tab holds a Web Lock named after its slot while it lives; a new tab takes the newest slot
 *   no live tab holds, or, when every slot is open, a copy of the newest in a slot of its own.
 *   A duplicated tab (same sessionStorage) finds its slot held and forks too.
 * - Tabs announce saves on a BroadcastChannel. A tab whose design (same designId) was saved,
 *   differently, by another tab is offered: reload that version, or keep both (this tab's
 *   design takes a new identity).
 * - Designs that were written but not yet committed when the page went away are in a journal
 *   (sessionStorage, synchronous); the next start of the same tab takes the newer of the two.
 *   The journal is a small record (JOURNAL_KEY) and the design's text under a key of its own
 *   (JOURNAL_TEXT_KEY), so a start whose slot is newer reads the record only.
 * Browser APIs come in through SessionEnv, so the whole of it runs in unit tests.
 */
import type * as Loader from '../io/document';
import { documentFingerprint, markPicked, readOwnDocument } from '../io/ownDocument';
import type { Design } from '../model/schema';
import type { KeyValue } from './kv';
import { checkLegacyText } from './firstCheck';
import { LEGACY_AUTOSAVE_KEY, migrateLegacyStorage } from './legacy';
import { documentSummary, pushRecentJson } from './recent';
import {
  countSlots,
  deleteSlots,
  freshId,
  listSlots,
  readSlot,
  writeSlot,
  type SlotRecord,
} from './slots';

export const TAB_SLOT_KEY = 'dci-studio:slot';
/**
 * The journal's record: which slot and design, when, and the text's fingerprint and length.
 * Older studios kept the text inside it (`json`): such a record is still read, text and all.
 */
export const JOURNAL_KEY = 'dci-studio:journal';
/** The journal's design text, as written (never wrapped in another JSON string). */
export const JOURNAL_TEXT_KEY = 'dci-studio:journal-text';
/** Slots no tab holds beyond this many (oldest first) are moved to Recent designs. */
export const IDLE_SLOT_LIMIT = 6;
/** How long a reloading tab waits for its previous page to let go of the slot's lock. */
export const RELOAD_LOCK_WAIT_MS = 1500;

export interface TabLocks {
  /** Hold `name` for this tab's lifetime; false if another tab holds it after `waitMs`. */
  hold(name: string, waitMs: number): Promise<boolean>;
  /** The names held by any tab. */
  held(): Promise<Set<string>>;
}

export type TabMessage = {
  readonly type: 'saved';
  readonly slotId: string;
  readonly designId: string;
  readonly savedAt: number;
};

export interface TabChannel {
  post(message: TabMessage): void;
  listen(handler: (message: TabMessage) => void): () => void;
}

export interface SessionEnv {
  readonly kv: KeyValue;
  readonly locks: TabLocks;
  readonly channel: TabChannel;
  /** This tab's sessionStorage (null where there is none). */
  readonly tabStore: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** localStorage, read once for what older studios saved there. */
  readonly legacy: Pick<Storage, 'getItem' | 'removeItem'> | null;
  readonly now?: () => number;
}

/** Another tab's newer version of this tab's design. */
export interface Conflict {
  readonly slotId: string;
  readonly name: string;
  readonly savedAt: number;
}

interface Journal {
  slotId: string;
  designId: string;
  savedAt: number;
  /** The design's text, read only when the journal is the newer (`journalText`). */
  text: () => string | null;
  /** `documentFingerprint(json)` when `json` is what `toDocument` wrote (absent in older journals). */
  fingerprint?: string;
}

/** What JOURNAL_KEY holds: the text's length (its text in JOURNAL_TEXT_KEY), or an older studio's text. */
interface JournalRecord {
  slotId: string;
  designId: string;
  savedAt: number;
  fingerprint?: string;
  length?: number;
  json?: string;
}

const lockName = (slotId: string) => `dci-studio:slot:${slotId}`;

/**
 * The full loader and `toDocument`, with the schema library they need: loaded when a design
 * must be checked or saved, not for the reload of a design this studio stored (read back by
 * its fingerprint, ownDocument.ts), which then draws without waiting for them.
 */
let loader: typeof Loader | null = null;
function loadLoader(): Promise<typeof Loader> {
  return import('../io/document').then((module) => (loader = module));
}

/** Load the loader ahead of the first save, once the opened design is drawn (persistence.ts). */
export function prepareLoader(): void {
  if (!loader) loadLoader().catch(() => undefined);
}

export interface SessionStart {
  readonly session: TabSession;
  /** The design to open (null: start blank). */
  readonly design: Design | null;
  /** A newer version of the same design saved by another tab, to offer. */
  readonly conflict: Conflict | null;
  /** Something the user should be told (a design that could not be restored, a copy made). */
  readonly notices: readonly string[];
  /**
   * What the user should be told once the storage has answered after the design was handed
   * over (a first visit's move of an older studio's storage that failed). Never rejects.
   */
  readonly later: Promise<readonly string[]>;
  /**
   * Move idle slots beyond IDLE_SLOT_LIMIT to Recent designs: call once the design is open
   * (it reads every slot again, which the design need not wait for). Never rejects.
   */
  readonly tidy: () => Promise<void>;
}

export class TabSession {
  /**
   * What this tab last saved, to tell another tab's save of the same document from a different
   * one: its fingerprint (length and hash), not the text (~0.4 MB at 3,000 elements).
   */
  private lastSaved: string | null;
  private conflictHandler: ((conflict: Conflict) => void) | null = null;
  private readonly stopListening: () => void;
  /**
   * The text of the design being written out (a save's, a journal's), with its fingerprint once
   * computed, until the save has written it: a page going away with a save still stepping writes
   * the journal and the save from one text (at 3,000 elements each text is 20–60 ms on the way
   * out, inside the reload's time).
   */
  private text: { design: Design; json: string; fingerprint: string | null } | null = null;

  /**
   * `lastSaved`: the fingerprint (`documentFingerprint`) of the text this tab opened, if any.
   * `before`: a write into this tab's slot still committing when the session opened (a first
   * visit's move of the older studio's autosave); this tab's saves are written after it, so an
   * edit is never overwritten by the text it was made on.
   */
  constructor(
    private readonly env: SessionEnv,
    readonly slotId: string,
    public designId: string,
    lastSaved: string | null,
    private readonly before: Promise<unknown> = Promise.resolve(),
  ) {
    this.lastSaved = lastSaved;
    this.stopListening = env.channel.listen((message) => void this.heard(message));
  }

  private now(): number {
    return (this.env.now ?? Date.now)();
  }

  /**
   * Autosave: write the design into this tab's slot; resolves once committed. With `pause`,
   * its steps (the text, its fingerprint, the write) are apart, each after `pause()` resolves.
   */
  async save(
    design: Design,
    savedAt: number = this.now(),
    pause?: () => Promise<void>,
  ): Promise<void> {
    const text = this.textOf(design) ?? (await loadLoader(), this.textOf(design));
    if (!text) throw new Error('the loader did not load');
    const { json } = text;
    if (text.fingerprint === null) {
      await pause?.();
      text.fingerprint = documentFingerprint(json);
    }
    const saved = text.fingerprint;
    await pause?.();
    await this.before.catch(() => undefined);
    await writeSlot(this.env.kv, {
      slotId: this.slotId,
      designId: this.designId,
      savedAt,
      name: design.name,
      json,
      fingerprint: saved,
    });
    this.lastSaved = saved;
    // Written: the text is not kept (~1 MB at 3,000 elements, for nothing until the next save).
    if (this.text === text) this.text = null;
    this.env.channel.post({ type: 'saved', slotId: this.slotId, designId: this.designId, savedAt });
  }

  /**
   * Keep the design synchronously (the page is going away with a save not yet committed).
   * False when it does not fit; the IndexedDB write that was started may still commit.
   */
  writeJournal(design: Design, savedAt: number = this.now()): boolean {
    if (!this.env.tabStore) return false;
    let record: JournalRecord;
    try {
      const text = this.textOf(design);
      // With its fingerprint, the next start reads the journal back as a design this studio
      // wrote (no loader, no schema check), as it does its slot.
      if (text) text.fingerprint ??= documentFingerprint(text.json);
      // Before the loader is there (it loads as the session opens), the design as it is: a
      // journal is read back through the full check, which keeps the schema's fields only.
      const json = text?.json ?? JSON.stringify(design);
      record = {
        slotId: this.slotId,
        designId: this.designId,
        savedAt,
        length: json.length,
        ...(text?.fingerprint ? { fingerprint: text.fingerprint } : {}),
      };
      // The text first: a record always names a text written in full. The text as it is, not
      // inside the record (JSON in a JSON string: every quote escaped on the way out, and the
      // whole of it parsed on the next start even when the slot was newer).
      this.env.tabStore.setItem(JOURNAL_TEXT_KEY, json);
    } catch {
      // Not written (too large for the tab's storage): the journal before, if any, is intact.
      return false;
    }
    try {
      this.env.tabStore.setItem(JOURNAL_KEY, JSON.stringify(record));
      return true;
    } catch {
      removeJournal(this.env);
      return false;
    }
  }

  /** The document text of `design` (the one kept when it is that design's), once the loader is here. */
  private textOf(design: Design): { json: string; fingerprint: string | null } | null {
    if (this.text?.design === design) return this.text;
    if (!loader) return null;
    this.text = { design, json: JSON.stringify(loader.toDocument(design)), fingerprint: null };
    return this.text;
  }

  /** The open design was replaced by another design (a link, a file, a template, New). */
  startNewDesign(): void {
    this.designId = freshId('design');
  }

  /** Keep both: from now on this tab's design is a design of its own. */
  fork(): void {
    this.startNewDesign();
  }

  /** Take the design another tab saved (after "reload it"): the two tabs agree again. */
  async readOther(slotId: string): Promise<SlotRecord | null> {
    return readSlot(this.env.kv, slotId);
  }

  onConflict(handler: (conflict: Conflict) => void): void {
    this.conflictHandler = handler;
  }

  close(): void {
    this.stopListening();
  }

  private async heard(message: TabMessage): Promise<void> {
    if (message.type !== 'saved' || message.slotId === this.slotId) return;
    if (message.designId !== this.designId || !this.conflictHandler) return;
    const other = await readSlot(this.env.kv, message.slotId).catch(() => null);
    if (
      !other ||
      other.designId !== this.designId ||
      documentFingerprint(other.json) === this.lastSaved
    )
      return;
    this.conflictHandler({ slotId: other.slotId, name: other.name, savedAt: other.savedAt });
  }
}

/** This tab's journal (its record; the text is read when asked for), if any. */
function readJournal(env: SessionEnv): Journal | null {
  try {
    const raw = env.tabStore?.getItem(JOURNAL_KEY);
    if (!raw) return null;
    const j = JSON.parse(raw) as Partial<JournalRecord>;
    if (
      typeof j.slotId !== 'string' ||
      typeof j.designId !== 'string' ||
      typeof j.savedAt !== 'number' ||
      (j.fingerprint !== undefined && typeof j.fingerprint !== 'string')
    )
      return null;
    const { slotId, designId, savedAt, fingerprint, json, length } = j;
    const same = { slotId, designId, savedAt, ...(fingerprint ? { fingerprint } : {}) };
    // An older studio's journal: its text is in the record.
    if (typeof json === 'string') return { ...same, text: () => json };
    if (typeof length !== 'number') return null;
    return {
      ...same,
      text: () => {
        const text = env.tabStore?.getItem(JOURNAL_TEXT_KEY) ?? null;
        // Not the text the record was written with (a write torn by a full storage): none.
        return text !== null && text.length === length ? text : null;
      },
    };
  } catch {
    return null;
  }
}

/** The journal is done with: its record and its text. */
function removeJournal(env: SessionEnv): void {
  env.tabStore?.removeItem(JOURNAL_KEY);
  env.tabStore?.removeItem(JOURNAL_TEXT_KEY);
}

/**
 * Why a stored design did not load, as a clause of the notice: the loader speaks of a file
 * ("The file is not valid JSON: …."), which an autosave is not.
 */
function storedReason(message: string): string {
  return message.replace(/\.$/u, '').replace(/^The file /u, 'the stored copy ');
}

/** A stored document that no longer loads goes to Recent designs, never overwritten. */
async function keepUnreadable(env: SessionEnv, record: SlotRecord, reason: string) {
  const summary = documentSummary(record.json);
  const kept = await pushRecentJson(env.kv, record.json, {
    ...summary,
    name: record.name || summary.name,
    problem: reason,
  });
  return {
    ok: kept.ok,
    notice: kept.ok
      ? `The last autosaved design could not be restored (${reason}). It was kept in Recent designs.`
      : `The last autosaved design could not be restored (${reason}). It stays in browser storage.`,
  };
}

/** Start this tab's session: migrate old storage, find this tab's slot, read its design. */
export async function openSession(env: SessionEnv): Promise<SessionStart> {
  const now = env.now ?? Date.now;
  const notices: string[] = [];
  const remembered = env.tabStore?.getItem(TAB_SLOT_KEY) ?? null;
  const legacyText = env.legacy?.getItem(LEGACY_AUTOSAVE_KEY) ?? null;
  // A first visit after an older studio: its autosave opens as soon as it is checked.
  if (legacyText !== null && !remembered) return openLegacyAutosave(env, legacyText);
  let migratedSlot: string | null = null;
  try {
    migratedSlot = await migrateLegacyStorage(env.kv, env.legacy, new Date(now()));
  } catch {
    notices.push(LEGACY_MOVE_FAILED);
  }

  let record: SlotRecord | null = null;
  let slotId: string | null = null;
  let forkOf: SlotRecord | null = null;

  // The slots are read once, after this tab's own slot is settled (its page before may have
  // stored its last save as it went): reading this tab's slot on its own first read the largest
  // record twice on every reload.
  let slots: SlotRecord[] | null = null;
  if (remembered) {
    const held = await env.locks.hold(lockName(remembered), RELOAD_LOCK_WAIT_MS);
    slots = await listSlots(env.kv);
    const mine = slots.find((s) => s.slotId === remembered) ?? null;
    if (held) {
      slotId = remembered;
      record = mine;
    } else if (mine) {
      // A duplicated tab: the slot is another tab's. Start from a copy of it.
      forkOf = mine;
    }
  }
  slots ??= await listSlots(env.kv);
  if (!slotId && !forkOf) {
    const held = await env.locks.held();
    const preferred = migratedSlot ? slots.filter((s) => s.slotId === migratedSlot) : [];
    for (const candidate of [...preferred, ...slots]) {
      if (held.has(lockName(candidate.slotId))) continue;
      if (await env.locks.hold(lockName(candidate.slotId), 0)) {
        slotId = candidate.slotId;
        record = candidate;
        break;
      }
    }
    // Every design is open in another tab: this one starts with a copy of the newest.
    if (!slotId && slots[0]) forkOf = slots[0];
  }
  if (!slotId) {
    slotId = freshId('slot');
    await env.locks.hold(lockName(slotId), 0);
  }
  env.tabStore?.setItem(TAB_SLOT_KEY, slotId);

  let designId = record?.designId ?? forkOf?.designId ?? freshId('design');
  let json = record?.json ?? forkOf?.json ?? null;
  let stored = record ? record.fingerprint : forkOf?.fingerprint;
  let savedAt = record?.savedAt ?? 0;
  const journal = readJournal(env);
  // Its text is read only when it is the newer.
  const journalText =
    journal && journal.slotId === slotId && journal.savedAt > savedAt ? journal.text() : null;
  if (journal && journalText !== null) {
    json = journalText;
    stored = journal.fingerprint;
    designId = journal.designId;
    savedAt = journal.savedAt;
  }

  let design: Design | null = null;
  // Hashed once: to read the design back, then to tell this tab's next save from another's.
  const fingerprint = json === null ? null : documentFingerprint(json);
  if (json !== null && fingerprint !== null) {
    // A design this studio stored, unchanged since, is only parsed; any other text is checked.
    const own = readOwnDocument(json, stored, fingerprint);
    const loaded: Loader.LoadResult = own
      ? { ok: true, design: own, warnings: [] }
      : (loader ?? (await loadLoader())).loadDocument(json);
    if (loaded.ok) design = loaded.design;
    else {
      const kept = await keepUnreadable(
        env,
        { slotId, designId, savedAt, name: record?.name ?? '', json },
        storedReason(loaded.error.message),
      );
      notices.push(kept.notice);
      designId = freshId('design');
      if (!kept.ok) {
        // Not copied anywhere: leave that slot as it is and save into a new one.
        slotId = freshId('slot');
        await env.locks.hold(lockName(slotId), 0);
        env.tabStore?.setItem(TAB_SLOT_KEY, slotId);
      }
    }
  }
  // A journal newer than the slot goes into the slot as the design opens, not before: until
  // that write commits the journal stays (a reload meanwhile reads it again), and this tab's
  // saves are written after it (TabSession `before`).
  const fromJournal = design !== null && journalText !== null && json === journalText;
  const durable =
    fromJournal && design && json !== null && fingerprint !== null
      ? keepJournal(env, { slotId, designId, savedAt: now(), name: design.name }, design, {
          json,
          fingerprint,
          own: stored === fingerprint,
        })
      : Promise.resolve();
  const session = new TabSession(env, slotId, designId, design ? fingerprint : null, durable);
  if (design && forkOf) {
    // Make this tab's own copy durable now: its slot is new, and holds nothing until then.
    try {
      await session.save(design, now());
      removeJournal(env);
    } catch {
      // The journal stays; the next start tries again.
    }
  } else if (!fromJournal) removeJournal(env);

  // A newer version of the same design, saved by another tab.
  const newer = slots.find(
    (s) => s.slotId !== slotId && s.designId === designId && s.savedAt > savedAt && s.json !== json,
  );
  const conflict = newer
    ? { slotId: newer.slotId, name: newer.name, savedAt: newer.savedAt }
    : null;

  const mine = slotId;
  return {
    session,
    design,
    conflict,
    notices,
    later: Promise.resolve([]),
    tidy: () => retireIdleSlots(env, mine),
  };
}

/**
 * Write the design a journal held into this tab's slot, then drop the journal unless a newer one
 * was written meanwhile. The journal's text when this studio wrote it (`own`), else the design's
 * document (it was checked by the loader, which is here). Never rejects: on failure the journal
 * stays, and the next start tries again.
 */
async function keepJournal(
  env: SessionEnv,
  record: Pick<SlotRecord, 'slotId' | 'designId' | 'savedAt' | 'name'>,
  design: Design,
  text: { readonly json: string; readonly fingerprint: string; readonly own: boolean },
): Promise<void> {
  try {
    const kept = env.tabStore?.getItem(JOURNAL_KEY) ?? null;
    let { json, fingerprint } = text;
    if (!text.own) {
      json = JSON.stringify((loader ?? (await loadLoader())).toDocument(design));
      fingerprint = documentFingerprint(json);
    }
    await writeSlot(env.kv, { ...record, json, fingerprint });
    if (env.tabStore?.getItem(JOURNAL_KEY) === kept) removeJournal(env);
  } catch {
    // The journal stays; the next start tries again.
  }
}

const LEGACY_MOVE_FAILED =
  'Designs saved by an older version of the studio could not be moved to the new storage; they stay where they were.';

/**
 * A first visit after an older studio (no slot remembered, its autosave in localStorage): the
 * autosave gets the full check (it was not stored by this studio) and opens in a slot of its
 * own as soon as it is checked, while its move into IndexedDB commits. Nothing waits for the
 * storage: the slot is new, so no other tab holds it or has this design, and nothing is read
 * back (the text is here). Nothing is lost either: the old keys are removed only once the move
 * has committed (legacy.ts), and this tab's saves are written after the move (TabSession).
 */
async function openLegacyAutosave(env: SessionEnv, text: string): Promise<SessionStart> {
  const now = env.now ?? Date.now;
  // The check is the longest wait: in a worker the page began as it started (firstCheck.ts).
  const checking = checkLegacyText(text, () =>
    (loader ? Promise.resolve(loader) : loadLoader()).then((l) => l.loadDocument(text)),
  ).then((result) => {
    // Its elements came out of the schema, in the worker as here (see `markPicked`).
    if (result.ok) markPicked(result.design);
    return result;
  });
  let slotId = freshId('slot');
  let designId = freshId('design');
  // The slot is new: no other tab holds it, or can find it before the move below has committed.
  // Its lock is asked for before the move and not waited for: on a busy 2-core machine the grant
  // came up to 170 ms after the check was done, and the first render waited for it.
  void env.locks.hold(lockName(slotId), 0);
  const moving = migrateLegacyStorage(env.kv, env.legacy, new Date(now()), { slotId, designId });
  const later = moving.then(
    (): string[] => [],
    () => [LEGACY_MOVE_FAILED],
  );
  // A loader that failed to load fails the opening below, not as an unhandled rejection here.
  checking.catch(() => undefined);
  env.tabStore?.setItem(TAB_SLOT_KEY, slotId);
  removeJournal(env);
  // The loader could not load: the opening fails, the move goes on (nothing is lost).
  const loaded = await checking;
  const notices: string[] = [];
  let design: Design | null = null;
  if (loaded.ok) design = loaded.design;
  else {
    // Kept in Recent designs once moved, as any stored design that no longer loads.
    const moved = await moving.then(
      () => true,
      () => false,
    );
    const kept = moved
      ? await keepUnreadable(
          env,
          { slotId, designId, savedAt: now(), name: '', json: text },
          storedReason(loaded.error.message),
        )
      : null;
    if (kept) notices.push(kept.notice);
    designId = freshId('design');
    if (!kept?.ok) {
      // Not copied anywhere (or still in localStorage only): leave that slot as it is.
      slotId = freshId('slot');
      await env.locks.hold(lockName(slotId), 0);
      env.tabStore?.setItem(TAB_SLOT_KEY, slotId);
    }
  }
  // The text an older studio wrote is never one this studio saves: nothing to tell apart.
  const session = new TabSession(env, slotId, designId, null, moving);
  const mine = slotId;
  return {
    session,
    design,
    conflict: null,
    notices,
    later,
    tidy: () => retireIdleSlots(env, mine),
  };
}

/** Slots no tab holds, beyond IDLE_SLOT_LIMIT, move to Recent designs (oldest first). */
async function retireIdleSlots(env: SessionEnv, mySlot: string): Promise<void> {
  try {
    // Not one read while there are too few slots to tidy (a first visit's just written one).
    if ((await countSlots(env.kv)) <= IDLE_SLOT_LIMIT + 1) return;
    const held = await env.locks.held();
    const idle = (await listSlots(env.kv)).filter(
      (s) => s.slotId !== mySlot && !held.has(lockName(s.slotId)),
    );
    for (const slot of idle.slice(IDLE_SLOT_LIMIT).reverse()) {
      const summary = documentSummary(slot.json);
      const kept =
        summary.nodes.length === 0
          ? { ok: true }
          : await pushRecentJson(env.kv, slot.json, { ...summary, name: slot.name });
      if (kept.ok) await deleteSlots(env.kv, [slot.slotId]);
    }
  } catch {
    // Tidying is optional: every slot is still stored.
  }
}

// ---------------------------------------------------------------------------------------------
// Browser implementations.

export function browserLocks(): TabLocks {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    // No Web Locks: every slot looks free, which is what a single tab needs.
    return { hold: () => Promise.resolve(true), held: () => Promise.resolve(new Set()) };
  }
  const forever = () => new Promise<void>(() => undefined);
  return {
    hold(name, waitMs) {
      return new Promise<boolean>((resolve) => {
        if (waitMs <= 0) {
          locks
            .request(name, { ifAvailable: true }, (lock) => {
              resolve(lock !== null);
              return lock ? forever() : undefined;
            })
            .catch(() => resolve(false));
          return;
        }
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), waitMs);
        locks
          .request(name, { signal: controller.signal }, () => {
            clearTimeout(timer);
            resolve(true);
            return forever();
          })
          .catch(() => resolve(false));
      });
    },
    async held() {
      const state = await locks.query();
      return new Set((state.held ?? []).map((l) => l.name ?? ''));
    },
  };
}

export function browserChannel(): TabChannel {
  if (typeof BroadcastChannel === 'undefined')
    return { post: () => undefined, listen: () => () => undefined };
  const channel = new BroadcastChannel('dci-studio');
  return {
    post: (message) => channel.postMessage(message),
    listen(handler) {
      const listener = (event: MessageEvent<TabMessage>) => handler(event.data);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
  };
}
