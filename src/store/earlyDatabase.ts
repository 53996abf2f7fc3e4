/**
 * The studio's IndexedDB database, opened first thing when the stored design is read
 * (persistence.ts `openStoredDesign`), beside the session's other first steps; kv.ts uses the
 * connection. Not on the first screen: the page renders once the design is read (main.tsx),
 * so opening the database before the storage code is there gained nothing the first screen's
 * bytes should pay for.
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
