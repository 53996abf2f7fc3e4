/**
 * Entering and leaving a live room, from the first screen. The session itself (Yjs, the
 * provider, IndexedDB) is a separate chunk, loaded only when a room is started or opened.
 */
import { emptyDesign } from '../model/defaults';
import { useStudio } from '../store/studio';
import { notify } from '../store/ui';
import { newEditKey, viewKeyFor } from './capability';
import { isRoomFragment, parseRoomLink, roomFragment, serverUrl, type RoomLink } from './link';
import { setCursorSender } from './cursor';
import { useRoom } from './state';

interface Session {
  readonly roomId: string;
  setCursor(point: { x: number; y: number } | null): void;
  leave(): Promise<void>;
}

let current: { key: string; session: Promise<Session | null> } | null = null;
/**
 * The room link being opened: set before the first await, so that a second call for the same
 * link (startup and a hashchange can both see it) does not open a second session. A second
 * session would go on writing the store's edits to the room from its own, older copy.
 */
let opening: string | null = null;

function pageUrl(link: RoomLink): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${roomFragment(link)}`;
}

function linksFor(link: RoomLink): { editLink: string | null; viewLink: string } {
  const server = link.server ? { server: link.server } : {};
  const viewKey = link.role === 'edit' ? viewKeyFor(link.key) : link.key;
  return {
    editLink: link.role === 'edit' ? pageUrl(link) : null,
    viewLink: pageUrl({ role: 'view', key: viewKey, ...server }),
  };
}

async function join(link: RoomLink, seed: Design | null): Promise<Session | null> {
  useRoom.setState({
    status: 'loading',
    role: link.role,
    refusal: null,
    people: [],
    ...linksFor(link),
  });
  try {
    const [{ RoomSession }, { storeHost }] = await Promise.all([
      import('./room'),
      import('./host'),
    ]);
    const session = new RoomSession({
      link,
      seed,
      serverUrl: serverUrl(window.location, link.server),
      host: storeHost(),
    });
    (window as unknown as { dciRoom?: unknown }).dciRoom = session;
    await session.start();
    return session;
  } catch (error) {
    useRoom.setState({ status: 'idle', role: null, editLink: null, viewLink: null });
    notify(
      'error',
      `The live room could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}

type Design = ReturnType<typeof emptyDesign>;

/** "Start a live room": a new room holding the open design; the address bar gets its edit link. */
export function startLiveRoom(server?: string): void {
  if (current) return;
  const link: RoomLink = { role: 'edit', key: newEditKey(), ...(server ? { server } : {}) };
  window.history.replaceState(window.history.state, '', roomFragment(link));
  current = { key: link.key, session: join(link, useStudio.getState().design) };
}

/** Open the room in the address bar, if there is one (startup and hashchange). */
export function joinRoomFromLocation(): void {
  const hash = window.location.hash;
  if (!isRoomFragment(hash)) return;
  const link = parseRoomLink(hash);
  if (!link) {
    notify(
      'error',
      'This room link is damaged (its key is not complete). The open design was kept.',
    );
    return;
  }
  if (current?.key === link.key || opening === link.key) return;
  opening = link.key;
  void (async () => {
    try {
      if (current) await leaveLiveRoom({ quiet: true });
      // What was open goes to Recent designs; the room's design replaces it once it arrives.
      const { replaceOpenDesign } = await import('../store/persistence');
      const replaced = await replaceOpenDesign(emptyDesign('Joining the room…'), {
        readOnly: true,
      });
      if (!replaced) {
        notify('info', 'The open design was kept; the room was not opened.');
        return;
      }
      current = { key: link.key, session: join(link, null) };
    } finally {
      if (opening === link.key) opening = null;
    }
  })();
}

/** Leave the room: its design stays open here as a local design. */
export async function leaveLiveRoom(options: { quiet?: boolean } = {}): Promise<void> {
  const leaving = current;
  current = null;
  if (!leaving) return;
  const session = await leaving.session;
  await session?.leave();
  (window as unknown as { dciRoom?: unknown }).dciRoom = undefined;
  useRoom.setState({
    status: 'idle',
    role: null,
    editLink: null,
    viewLink: null,
    people: [],
    refusal: null,
    unsynced: 0,
  });
  const { pathname, search } = window.location;
  if (isRoomFragment(window.location.hash))
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  const studio = useStudio.getState();
  if (studio.readOnly) studio.replaceDesign(studio.design, { readOnly: false });
  if (!options.quiet)
    notify('success', 'You left the room. Its design stays open here as your own.');
}

/** Keep a copy of the room's design in Recent designs, now. */
export async function saveRoomCopy(): Promise<void> {
  const design = useStudio.getState().design;
  const { keepInRecent } = await import('../store/persistence');
  const kept = await keepInRecent({ ...design, name: `${design.name} (room copy)` });
  if (kept.ok) notify('success', 'A copy of the room’s design is in Recent designs.');
  else notify('error', 'The copy could not be saved (browser storage refused it).');
}

// Where my pointer is on the canvas goes to the room of the moment (RoomOverlay → cursor.ts).
setCursorSender((point) => {
  if (!current) return;
  void current.session.then((s) => s?.setCursor(point));
});
