/**
 * Where designs are kept, as the rest of the studio sees it: one small interface.
 * - `startPersistence()` opens this tab's session (session.ts), restores its design, starts
 *   autosave and asks the browser to keep the storage (persistent storage). The page does it in
 *   two steps (`openStoredDesign`, then `applyStoredDesign`) so the reading runs beside the
 *   first render.
 * - `replaceOpenDesign()` is the only way to put another design in place of the open one: the
 *   open design is stored in Recent designs first; when it cannot be stored, the user is asked
 *   (download it, replace anyway, or cancel) before anything is replaced.
 * - Another tab's newer version of this design is offered (`conflict`): reload it or keep both.
 */
import { create } from 'zustand';
import type { Design } from '../model/schema';
import { startAutosave, type Autosave } from './autosave';
import { earlyDatabase, openDatabaseEarly } from './earlyDatabase';
import { idbKeyValue, MemoryKeyValue, storageErrorText, type KeyValue } from './kv';
import { flushPendingEdits } from './pendingEdits';
import { isBlank, pushRecent } from './recent';
import {
  browserChannel,
  browserLocks,
  openSession,
  prepareLoader,
  type Conflict,
  type SessionEnv,
  type SessionStart,
  type TabSession,
} from './session';
import { useStudio } from './studio';
import { notify } from './ui';
import { validatingAfterFrame } from './validationTiming';

export type StorageChoice = 'download' | 'replace' | 'cancel';

/** At the latest this long after the design is handed over, the loader for saving loads. */
const LOADER_WAIT_MS = 2000;

export interface StorageQuestion {
  /** The open design that could not be stored. */
  readonly name: string;
  readonly reason: string;
  readonly answer: (choice: StorageChoice) => void;
}

interface PersistenceState {
  /** A newer version of this tab's design, saved in another tab. */
  conflict: Conflict | null;
  /** The open design could not be stored before a replacement: what should happen? */
  question: StorageQuestion | null;
}

export const usePersistence = create<PersistenceState>()(() => ({
  conflict: null,
  question: null,
}));

let kv: KeyValue = new MemoryKeyValue();
let session: TabSession | null = null;
let autosave: Autosave | null = null;

/** The store designs and Recent designs live in. */
export function designStorage(): KeyValue {
  return kv;
}

/** For tests: use this store (and no tab session). */
export function usePersistenceStore(store: KeyValue): void {
  kv = store;
  session = null;
}

/** Save typed edits and the open design now (before a download, a test's reload…). */
export async function flushDesign(): Promise<void> {
  flushPendingEdits();
  await autosave?.flush();
}

/** Keep a copy of `design` in Recent designs, named `label` when the user gave one. */
export function keepInRecent(design: Design, label?: string): ReturnType<typeof pushRecent> {
  return pushRecent(kv, design, label === undefined ? {} : { label });
}

/** Store the open design in this tab's slot now (autosave skips a design that did not change). */
export async function saveOpenDesign(): Promise<void> {
  await session?.save(useStudio.getState().design).catch((error: unknown) => {
    notify('error', `The design could not be stored (${storageErrorText(error)}).`);
  });
}

const NO_STORAGE =
  'This browser does not let the studio store designs (private mode?): download your design to keep it.';

/**
 * IndexedDB where the browser lets the studio use it, else a store in memory (and the user is
 * told). Whether it does is known once the database has answered a first request; the session
 * starts meanwhile (a first visit's design is checked and opened without waiting for storage),
 * and its requests go to the store chosen then.
 */
function browserStore(): KeyValue {
  if (typeof indexedDB === 'undefined') {
    notify('warning', NO_STORAGE);
    return new MemoryKeyValue();
  }
  // The database began opening as the page started (earlyDatabase.ts): its connection is
  // taken here, or opened now where the page's first script could not begin it.
  let chosen: Promise<KeyValue>;
  try {
    openDatabaseEarly();
    const idb = idbKeyValue(earlyDatabase);
    chosen = idb.keys().then(
      () => idb,
      () => {
        notify('warning', NO_STORAGE);
        return new MemoryKeyValue();
      },
    );
  } catch {
    notify('warning', NO_STORAGE);
    return new MemoryKeyValue();
  }
  const probed: KeyValue = {
    get: (key) => chosen.then((store) => store.get(key)),
    getMany: (list) => chosen.then((store) => store.getMany(list)),
    setMany: (entries) => chosen.then((store) => store.setMany(entries)),
    delMany: (list) => chosen.then((store) => store.delMany(list)),
    keys: () => chosen.then((store) => store.keys()),
  };
  // Once answered, Recent designs and the rest use the chosen store directly.
  void chosen.then((store) => {
    if (kv === probed) kv = store;
  });
  return probed;
}

/** This tab's session, opened and read but not yet in the studio (see `openStoredDesign`). */
export interface StoredDesign {
  readonly start: SessionStart;
}

/**
 * Open this tab's session and read its design, without touching the studio yet: the page
 * starts this at once, while the first screen renders, and hands the design over with
 * `applyStoredDesign` once the components that draw it are there too.
 */
export async function openStoredDesign(env?: Partial<SessionEnv>): Promise<StoredDesign> {
  kv = env?.kv ?? browserStore();
  // Ask the browser not to evict the designs under storage pressure (a no-op where refused).
  void globalThis.navigator?.storage?.persist?.().catch(() => false);
  let local: Storage | null = null;
  let tab: Storage | null = null;
  try {
    local = globalThis.localStorage;
    tab = globalThis.sessionStorage;
  } catch {
    // Storage can be disabled; the session works without it (no reload memory).
  }
  const start = await openSession({
    kv,
    locks: env?.locks ?? browserLocks(),
    channel: env?.channel ?? browserChannel(),
    tabStore: env?.tabStore ?? tab,
    legacy: env?.legacy ?? local,
  });
  return { start };
}

/** Put the design read by `openStoredDesign` in the studio and start autosave. */
export function applyStoredDesign({ start }: StoredDesign): void {
  session = start.session;
  // Its elements are drawn first and its findings just after (the validator takes 25–70 ms at
  // 1,000–3,000 elements, which the first drawing of a large design need not wait for).
  const design = start.design;
  if (design) validatingAfterFrame(() => useStudio.getState().replaceDesign(design));
  for (const notice of start.notices) notify('error', notice);
  void start.later.then((notices) => notices.forEach((notice) => notify('error', notice)));
  usePersistence.setState({ conflict: start.conflict });
  session.onConflict((conflict) => usePersistence.setState({ conflict }));
  autosave = startAutosave(session);
  // Old slots of closed tabs move to Recent designs once the design is open.
  void start.tidy();
  // The loader the first save needs, once the design is drawn (a reload did not need it).
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(prepareLoader, { timeout: LOADER_WAIT_MS });
  else setTimeout(prepareLoader, LOADER_WAIT_MS);
}

/** Open this tab's session and restore its design (call once, before the first render). */
export async function startPersistence(env?: Partial<SessionEnv>): Promise<void> {
  applyStoredDesign(await openStoredDesign(env));
}

/** Ask the user what to do with an open design that could not be stored. */
function ask(name: string, reason: string): Promise<StorageChoice> {
  return new Promise((resolve) => {
    usePersistence.setState({
      question: {
        name,
        reason,
        answer: (choice) => {
          usePersistence.setState({ question: null });
          resolve(choice);
        },
      },
    });
  });
}

export interface ReplaceOptions {
  readonly readOnly?: boolean;
  /** The same design in another version (another tab's): keep the design's identity. */
  readonly sameDesign?: boolean;
  /** Save the open design as a file; used when the user picks "download it". */
  readonly download?: (design: Design) => void;
}

/**
 * Put `next` in place of the open design, once the open design is stored in Recent designs.
 * Resolves false when the user chose to keep the open design (nothing replaced).
 */
export async function replaceOpenDesign(
  next: Design,
  options: ReplaceOptions = {},
): Promise<boolean> {
  flushPendingEdits();
  const current = useStudio.getState().design;
  if (!isBlank(current)) {
    const kept = await pushRecent(kv, current);
    if (!kept.ok) {
      const choice = await ask(current.name, storageErrorText(kept.error));
      if (choice === 'cancel') return false;
      if (choice === 'download') options.download?.(current);
    }
  }
  // The user may have gone on editing while the design was being stored: keep that too.
  const now = useStudio.getState().design;
  if (now !== current && !isBlank(now)) await pushRecent(kv, now);
  if (!options.sameDesign) session?.startNewDesign();
  useStudio.getState().replaceDesign(next, { readOnly: options.readOnly ?? false });
  return true;
}

/** The answer to a conflict: take the other tab's version, or keep both designs apart. */
export async function resolveConflict(
  choice: 'reload' | 'keep-both',
  download?: (design: Design) => void,
): Promise<void> {
  const conflict = usePersistence.getState().conflict;
  usePersistence.setState({ conflict: null });
  if (!conflict || !session) return;
  if (choice === 'keep-both') {
    session.fork();
    await flushDesign();
    const design = useStudio.getState().design;
    await session.save(design).catch((error: unknown) => {
      notify('error', `This tab's design could not be stored (${storageErrorText(error)}).`);
    });
    notify('success', `Kept both: this tab's “${design.name}” is now a design of its own.`);
    return;
  }
  const other = await session.readOther(conflict.slotId).catch(() => null);
  const { loadDocument } = await import('../io/document');
  const loaded = other ? loadDocument(other.json) : null;
  if (!loaded?.ok) {
    notify('error', 'The other tab’s version could not be read; this tab’s design was kept.');
    return;
  }
  const replaced = await replaceOpenDesign(loaded.design, {
    sameDesign: true,
    ...(download ? { download } : {}),
  });
  if (replaced)
    notify(
      'success',
      `Reloaded “${loaded.design.name}” from the other tab. This tab’s version is in Recent designs.`,
    );
}
