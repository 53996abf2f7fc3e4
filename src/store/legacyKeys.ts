/**
 * Where studios before IndexedDB kept designs in localStorage (legacy.ts moves them). On its
 * own so the page can look for an old autosave before the storage code is there (main.tsx).
 */
export const LEGACY_AUTOSAVE_KEY = 'dci-studio:autosave';
export const LEGACY_RECENT_KEY = 'dci-studio:recent';
export const LEGACY_BROKEN_KEY = 'dci-studio:autosave-unreadable';

/**
 * The global the page's first script leaves the check of an older studio's design in, begun in a
 * worker as the page starts (vite.config.ts `checkFirstVisitEarly`, store/firstCheck.ts): an
 * object with the `text` checked and the `result` to come.
 */
export const EARLY_CHECK_KEY = '__dciStudioEarlyCheck';
