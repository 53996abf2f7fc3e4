import { describe, expect, it } from 'vitest';
import { isKey, KEY_BYTES, newEditKey, roleFor, roomIdFor, viewKeyFor } from './capability';

describe('Room capabilities', () => {
  it('makes 128-bit keys from the cryptographic random source, never the same twice', () => {
    expect(KEY_BYTES * 8).toBeGreaterThanOrEqual(128);
    const keys = new Set(Array.from({ length: 200 }, () => newEditKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(isKey(k)).toBe(true);
  });

  it('lets the edit key edit and the view key only view', () => {
    const edit = newEditKey();
    const view = viewKeyFor(edit);
    const room = roomIdFor(view);
    expect(roleFor(room, edit)).toBe('edit');
    expect(roleFor(room, view)).toBe('view');
  });

  it('opens nothing with a key of another room, a guess or the room id itself', () => {
    const room = roomIdFor(viewKeyFor(newEditKey()));
    expect(roleFor(room, newEditKey())).toBeNull();
    expect(roleFor(room, 'A'.repeat(22))).toBeNull();
    expect(roleFor(room, room)).toBeNull();
    expect(roleFor(room, '')).toBeNull();
  });

  it('derives the view key and room id one way (neither is the edit key)', () => {
    const edit = newEditKey();
    expect(viewKeyFor(edit)).not.toBe(edit);
    expect(roomIdFor(viewKeyFor(edit))).not.toContain(edit);
    expect(viewKeyFor(edit)).toBe(viewKeyFor(edit));
  });
});
