/**
 * The studio's IndexedDB database, opened as the page starts (main.tsx), before the storage
 * code has loaded: opening it is the first step of restoring a design, and it runs beside the
 * first render this way. Kept tiny, as it is on the first screen; kv.ts uses it.
 */
export const DATABASE_NAME = 'dci-studio';
export const STORE_NAME = 'kv';

/** The connection begun by `openDatabaseEarly`, if it was called. */
export let earlyDatabase: Promise<IDBDatabase> | undefined;

/** Begin opening the database (creating its store on first use); a failure only rejects. */
export function openDatabaseEarly(): void {
  earlyDatabase = new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  // kv.ts handles a failure (it opens a connection of its own); it is not an unhandled one.
  earlyDatabase.catch(() => undefined);
}
