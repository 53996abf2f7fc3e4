/**
 * What the page starts once the stored design is open (main.tsx), loaded then rather than with
 * the first screen: a share link in the address bar opens over the restored design (which goes
 * to Recent designs), links and file drops are watched, and a live room link joins its room
 * (its design replaces the open one; the room code is its own chunk). The link and file codecs
 * load only when a link is there (linkFragment.ts).
 */
import { notify } from '../store/ui';
import { installFileDropGuard, installLinkSync, isLinkFragment } from './linkFragment';

/** A design link in the address bar opens; the codecs load for it (importExport.ts). */
function openLink(): void {
  if (!isLinkFragment(window.location.hash)) return;
  import('./importExport').then(
    (m) => m.openLinkFromLocation(),
    () => notify('error', 'The link could not be opened: the page could not load its link code.'),
  );
}

export async function startAfterBoot(): Promise<void> {
  installLinkSync();
  openLink();
  window.addEventListener('hashchange', openLink);
  installFileDropGuard();
  const rooms = await import('../collab/launch');
  rooms.joinRoomFromLocation();
  window.addEventListener('hashchange', rooms.joinRoomFromLocation);
}
