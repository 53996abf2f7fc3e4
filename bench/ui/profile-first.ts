/**
 * Where the studio spends the time from a key to the first change of the canvas, for the undo of
 * the delete of 30 devices (Ctrl+Z) and their paste (Ctrl+V), as bench:ui and trace-delete.ts
 * run them. The page starts a console profile in the key's own keydown (capture) and ends it in
 * the first canvas mutation's observer callback, so the CPU profile holds exactly that span;
 * summed over rounds, the functions with the most self time, and the most total time, are printed.
 * Builds the bench page unminified (the names are read), into dist-bench; --dist serves another
 * build instead (one built with BENCH_UNMINIFIED=1).
 *
 *   npx tsx bench/ui/profile-first.ts --size 3000 [--rounds 3] [--top 30] [--no-build] [--dist dir]
 */
import type { CDPSession, Page } from '@playwright/test';
import {
  benchDesign,
  gotoBench,
  launchChromium,
  newBenchPage,
  option,
  pickedDevices,
  serveForNames,
} from './page';
import { addProfile, newProfileTotals, type Profile, type ProfileTotals } from './trace';

const SIZE = Number(option('size') ?? 3000);
const ROUNDS = Number(option('rounds') ?? 3);
const TOP = Number(option('top') ?? 30);

/** Profiles the span from the next keydown to the first canvas change after it. */
const PROFILER = `
window.__profileFirst = () => {
  window.__observer?.disconnect();
  const canvas = document.querySelector('.react-flow') || document.body;
  let on = false;
  window.__observer = new MutationObserver(() => {
    if (!on) return;
    on = false;
    console.profileEnd('first');
    window.__observer.disconnect();
  });
  window.__observer.observe(canvas, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  window.addEventListener('keydown', () => { on = true; console.profile('first'); },
    { capture: true, once: true });
};
`;

async function profiled(cdp: CDPSession, page: Page, key: string): Promise<Profile> {
  const done = new Promise<Profile>((resolve) =>
    cdp.once('Profiler.consoleProfileFinished', ({ profile }) =>
      resolve(profile as unknown as Profile),
    ),
  );
  await page.evaluate('window.__profileFirst()');
  await page.keyboard.press(key);
  const profile = await done;
  await page.waitForTimeout(2500);
  return profile;
}

function print(label: string, t: ProfileTotals): void {
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, v]) => `  ${(v / t.busy.length).toFixed(2).padStart(7)} ms  ${k}`)
      .join('\n');
  const busy = t.busy.map((b) => b.toFixed(1)).join(', ');
  console.log(`\n## ${label} at ${SIZE}: sampled ms per round [${busy}]`);
  console.log(`-- self (mean per round)\n${top(t.self)}`);
  console.log(`-- total (mean per round)\n${top(t.total)}`);
}

async function main(): Promise<void> {
  const { base, close } = await serveForNames();
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  const fresh = newProfileTotals;
  const undo = fresh();
  const paste = fresh();
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const { context, page } = await newBenchPage(browser, design, 'studio');
      await page.addInitScript(PROFILER);
      await gotoBench(page, `${base}/`);
      await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
      await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await page.mouse.click(5, 5);
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(500);
      await page.keyboard.press('Delete');
      await page.waitForTimeout(2500);
      addProfile(undo, await profiled(cdp, page, 'Control+z'));
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+c');
      await page.waitForTimeout(300);
      addProfile(paste, await profiled(cdp, page, 'Control+v'));
      console.log(
        `round ${r + 1}: undo ${undo.busy.at(-1)?.toFixed(1)} ms, paste ${paste.busy.at(-1)?.toFixed(1)} ms sampled`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  print('undo of the delete (Ctrl+Z), key to first canvas change', undo);
  print('paste (Ctrl+V), key to first canvas change', paste);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
