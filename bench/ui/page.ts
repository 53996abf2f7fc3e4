/**
 * What the UI benches (run.ts, profile.ts, trace-drop.ts) share: the browser they launch and
 * how a page is handed its design. The studio finds it where an older studio autosaved it (and
 * moves it into IndexedDB, as a returning user's would be); the plain React Flow page reads it
 * from a global.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../chromium.config';
import { DEVICE_SIZE } from '../../src/model/defaults';
import type { Design } from '../../src/model/schema';
import { LEGACY_AUTOSAVE_KEY } from '../../src/store/legacy';

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}

export type Side = 'studio' | 'baseline';

/**
 * Hand `design` to the page before its scripts run. The studio is handed it once per tab: on a
 * reload it opens what it stored itself.
 */
export async function handDesign(page: Page, design: Design, side: Side): Promise<void> {
  await page.addInitScript(
    ({ key, saved, deviceSize, side }) => {
      if (side === 'studio') {
        if (sessionStorage.getItem('bench:seeded') === null) {
          sessionStorage.setItem('bench:seeded', '1');
          localStorage.setItem(key, saved);
        }
      } else
        (window as unknown as { __benchDesign: unknown }).__benchDesign = {
          design: JSON.parse(saved) as unknown,
          deviceSize,
        };
    },
    { key: LEGACY_AUTOSAVE_KEY, saved: JSON.stringify(design), deviceSize: DEVICE_SIZE, side },
  );
}

/**
 * The devices the delete and paste steps of the benches select: the first 30 of DC 1's racks
 * (ToRs with their clusters), of a synthetic design.
 */
export function pickedDevices(design: Design, count = 30): string[] {
  return design.nodes
    .filter((n) => n.kind !== 'site' && n.parentId === 's0' && /^s0-[tc]\d/.test(n.id))
    .slice(0, count)
    .map((n) => n.id);
}
