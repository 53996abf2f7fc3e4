/**
 * Where the undo and redo commands go while the studio is in a room: the room's per-user
 * history (Y.UndoManager tracking only this client's edits) instead of the store's.
 * Tiny and dependency-free, so the command table can read it without loading Yjs.
 */
export interface RoomHistory {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}

export const roomHistory: { current: RoomHistory | null } = { current: null };
