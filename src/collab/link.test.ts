import { describe, expect, it } from 'vitest';
import { newEditKey } from './capability';
import { isRoomFragment, parseRoomLink, roomFragment, serverUrl } from './link';

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

  it('take a server path on this page’s host or a WebSocket address', () => {
    const page = { protocol: 'https:', host: 'studio.example.net' };
    expect(serverUrl(page)).toBe('wss://studio.example.net/rooms');
    expect(serverUrl(page, '/rooms-2')).toBe('wss://studio.example.net/rooms-2');
    expect(serverUrl(page, 'ws://127.0.0.1:1237')).toBe('ws://127.0.0.1:1237');
    const key = newEditKey();
    expect(parseRoomLink(`#room=${key}&server=%2Frooms-2`)?.server).toBe('/rooms-2');
  });

  it('refuse a malformed key or a server that is not a WebSocket address', () => {
    expect(parseRoomLink('#room=short')).toBeNull();
    expect(parseRoomLink(`#room=${newEditKey()}&server=javascript:alert(1)`)).toBeNull();
  });
});
