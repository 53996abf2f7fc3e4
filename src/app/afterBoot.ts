/**
 * What the page starts once the stored design is open (main.tsx), loaded then rather than with
 * the first screen: a share link in the address bar opens over the restored design (which goes
 * to Recent designs), links and file drops are watched, and a live room link joins its room
 * (its design replaces the open one; the room code is its own chunk).
 */
import { installFileDropGuard, installLinkSync, openLinkFromLocation } from './importExport';

export async function startAfterBoot(): Promise<void> {
  installLinkSync();
  openLinkFromLocation();
  window.addEventListener('hashchange', openLinkFromLocation);
  installFileDropGuard();
  const rooms = await import('../collab/launch');
  rooms.joinRoomFromLocation();
  window.addEventListener('hashchange', rooms.joinRoomFromLocation);
}
