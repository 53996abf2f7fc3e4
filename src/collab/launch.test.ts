import { afterEach, describe, expect, it, vi } from 'vitest';

const sessions: string[] = [];
vi.mock('./room', () => ({
  RoomSession: class {
    readonly roomId: string;
    constructor(options: { link: { key: string } }) {
      this.roomId = options.link.key;
      sessions.push(options.link.key);
    }
    start() {
      return Promise.resolve();
    }
    setCursor() {}
    leave() {
      return Promise.resolve();
    }
  },
}));
vi.mock('./host', () => ({ storeHost: () => ({}) }));
vi.mock('../store/persistence', () => ({ replaceOpenDesign: () => Promise.resolve(true) }));

const { newEditKey } = await import('./capability');
const { roomFragment } = await import('./link');
const { joinRoomFromLocation, leaveLiveRoom } = await import('./launch');

function pageAt(hash: string) {
  const location = { hash, origin: 'http://studio.test', pathname: '/', search: '' };
  vi.stubGlobal('window', {
    location,
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
      },
    },
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('Opening the room in the address bar', () => {
  afterEach(async () => {
    await leaveLiveRoom({ quiet: true });
    vi.unstubAllGlobals();
    sessions.length = 0;
  });

  it('joins once when asked twice before the first join got going (startup and hashchange)', async () => {
    const key = newEditKey();
    pageAt(roomFragment({ role: 'edit', key }));
    joinRoomFromLocation();
    joinRoomFromLocation();
    await vi.waitFor(() => expect(sessions).toEqual([key]));
    // Long enough for a second join to have got as far as the first one did.
    await settle();
    expect(sessions).toEqual([key]);
  });

  it('joins again for another room', async () => {
    const first = newEditKey();
    const second = newEditKey();
    pageAt(roomFragment({ role: 'edit', key: first }));
    joinRoomFromLocation();
    await vi.waitFor(() => expect(sessions).toEqual([first]));
    (window.location as { hash: string }).hash = roomFragment({ role: 'edit', key: second });
    joinRoomFromLocation();
    await vi.waitFor(() => expect(sessions).toEqual([first, second]));
  });
});
