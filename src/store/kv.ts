/**
 * The key-value store designs live in: IndexedDB in the browser (through idb-keyval, a
 * maintained ~1 KB wrapper), a Map in tests. IndexedDB rather than localStorage: its quota is
 * a share of the disk instead of 5 MB, it stores large designs without blocking the page, and a
 * write resolves only once its transaction has committed, so "saved" means saved.
 *
 * Every write of several keys is one transaction (`setMany`): all of it is stored or none.
 */
import { DATABASE_NAME, STORE_NAME } from './earlyDatabase';
import { createStore, delMany, get, getMany, keys, setMany, type UseStore } from 'idb-keyval';

export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Store every entry in one transaction; rejects (nothing stored) when storage refuses. */
  setMany(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  delMany(keys: readonly string[]): Promise<void>;
  keys(): Promise<string[]>;
}

export { DATABASE_NAME } from './earlyDatabase';

/**
 * The studio's store, on the connection the page began opening as it started (`opened`,
 * earlyDatabase.ts) while that one is open; on a connection of its own otherwise.
 */
export function idbKeyValue(opened?: Promise<IDBDatabase>): KeyValue {
  const own: UseStore = createStore(DATABASE_NAME, STORE_NAME);
  let early = opened ?? null;
  early?.then(
    (db) => {
      // A connection the browser closed is not used again.
      db.onclose = () => (early = null);
    },
    () => (early = null),
  );
  const store: UseStore = (mode, use) =>
    early
      ? early.then(
          (db) => use(db.transaction(STORE_NAME, mode).objectStore(STORE_NAME)),
          () => own(mode, use),
        )
      : own(mode, use);
  return {
    get: (key) => get(key, store),
    getMany: (list) => getMany([...list], store),
    setMany: (entries) =>
      setMany(
        entries.map(([k, v]) => [k, v] as [string, unknown]),
        store,
      ),
    delMany: (list) => delMany([...list], store),
    keys: async () => (await keys(store)).map(String),
  };
}

/** A storage error that means "full": the browser's quota, or a test's. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** What a failed write says to a user. */
export function storageErrorText(error: unknown): string {
  if (isQuotaError(error)) return 'browser storage is full';
  return error instanceof Error && error.message ? error.message : 'browser storage refused it';
}

/**
 * A Map-backed KeyValue for tests and for browsers without IndexedDB (nothing survives a
 * reload there). `quotaChars` refuses a write that would make the stored text larger, as a
 * full disk would; values are copied in and out, as IndexedDB's structured clone does.
 */
export class MemoryKeyValue implements KeyValue {
  readonly items = new Map<string, string>();
  /** Set to make every write fail with this error. */
  failWith: Error | null = null;
  constructor(public quotaChars = Infinity) {}

  private size(items: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of items) n += k.length + v.length;
    return n;
  }
  get<T>(key: string): Promise<T | undefined> {
    const raw = this.items.get(key);
    return Promise.resolve(raw === undefined ? undefined : (JSON.parse(raw) as T));
  }
  async getMany<T>(list: readonly string[]): Promise<(T | undefined)[]> {
    return Promise.all(list.map((k) => this.get<T>(k)));
  }
  setMany(entries: readonly (readonly [string, unknown])[]): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    const next = new Map(this.items);
    for (const [k, v] of entries) next.set(k, JSON.stringify(v));
    if (this.size(next) > this.quotaChars) {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      return Promise.reject(error);
    }
    for (const [k, v] of next) this.items.set(k, v);
    return Promise.resolve();
  }
  delMany(list: readonly string[]): Promise<void> {
    for (const k of list) this.items.delete(k);
    return Promise.resolve();
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.items.keys()]);
  }
}
