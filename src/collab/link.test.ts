import { describe, expect, it } from 'vitest';
import { newEditKey } from './capability';
import { isRoomFragment, parseRoomLink, roomFragment } from './link';

describe('Room links', () => {
  it('round-trip an edit link and a view link with a server', () => {
    const key = newEditKey();
    const edit = { role: 'edit', key } as const;
    const view = { role: 'view', key, server: 'ws://127.0.0.1:1237' } as const;
    expect(parseRoomLink(roomFragment(edit))).toEqual(edit);
    expect(parseRoomLink(roomFragment(view))).toEqual(view);
  });

  it('are told apart from design links', () => {
    expect(isRoomFragment(`#room=${newEditKey()}`)).toBe(true);
    expect(isRoomFragment('#d=abc')).toBe(false);
    expect(isRoomFragment('')).toBe(false);
  });

  it('refuse a malformed key or a server that is not a WebSocket address', () => {
    expect(parseRoomLink('#room=short')).toBeNull();
    expect(parseRoomLink(`#room=${newEditKey()}&server=javascript:alert(1)`)).toBeNull();
  });
});
