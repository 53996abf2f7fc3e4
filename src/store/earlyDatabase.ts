/**
 * The studio's IndexedDB database, opened first thing: the page's first script (vite.config.ts
 * `checkFirstVisitEarly`, a few hundred bytes, `async`) begins opening it as the page
 * starts (unless an older studio's design is there to open, which waits for no storage) and
 * leaves the request at EARLY_OPENING_KEY; the storage code takes that request when
 * it reads the stored design (persistence.ts `openStoredDesign`) and kv.ts uses the connection.
 * A reload renders once the design is read (main.tsx): begun by the storage code, the opening
 * started only after the first screen's code and the storage code had come and run, and the
 * page then waited for it (54 ms in a trace at 1,000 elements under load).
 */
export const DATABASE_NAME = 'dci-studio';
export const STORE_NAME = 'kv';
/** The global the page's first script leaves its opening request in (an IDBOpenDBRequest). */
export const EARLY_OPENING_KEY = '__dciStudioOpening';

/** The connection begun by `openDatabaseEarly`, if it was called. */
export let earlyDatabase: Promise<IDBDatabase> | undefined;

/** The opening the page's first script began, taken once (a later call opens its own). */
function begunOpening(): IDBOpenDBRequest | null {
  const scope = globalThis as Record<string, unknown>;
  const begun = scope[EARLY_OPENING_KEY];
  delete scope[EARLY_OPENING_KEY];
  return typeof IDBOpenDBRequest !== 'undefined' && begun instanceof IDBOpenDBRequest
    ? begun
    : null;
}

/**
 * Take the opening the page began, or begin one (creating its store on first use); a failure
 * only rejects.
 */
export function openDatabaseEarly(): void {
  earlyDatabase = new Promise((resolve, reject) => {
    const begun = begunOpening();
    const request = begun ?? indexedDB.open(DATABASE_NAME);
    // The page's script creates the store itself if the opening makes the database.
    if (!begun) request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    if (request.readyState === 'done') {
      if (request.error) reject(request.error);
      else resolve(request.result);
      return;
    }
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  // kv.ts handles a failure (it opens a connection of its own); it is not an unhandled one.
  earlyDatabase.catch(() => undefined);
}
