/**
 * Where studios before IndexedDB kept designs in localStorage (legacy.ts moves them). On its
 * own so the page can look for an old autosave before the storage code is there (main.tsx).
 */
export const LEGACY_AUTOSAVE_KEY = 'dci-studio:autosave';
export const LEGACY_RECENT_KEY = 'dci-studio:recent';
export const LEGACY_BROKEN_KEY = 'dci-studio:autosave-unreadable';
