/**
 * The delete of `npm run bench:ui` (30 of DC 1's devices, Delete key), its undo (Ctrl+Z), the
 * paste of the same devices (Ctrl+C, Ctrl+V) and one DCI-distance edit, on the studio, with every change of the canvas' DOM timed from the key: when
 * the first frame changed it, the last change within 500 ms of quiet (what bench:ui reports) and
 * the last one within 3 s (a route answer the bench's quiet window cuts off). `--dist-b`
 * interleaves a second build (the code before a change), so both share the machine's load.
 *
 *   npx tsx bench/ui/trace-delete.ts --size 3000 [--rounds 3] [--no-build] [--dist-b other-dist]
 */
import type { Page } from '@playwright/test';
import {
  benchDesign,
  flag,
  newBenchPage,
  launchChromium,
  option,
  pickedDevices,
  serveBuilds,
  sideOfRound,
  gotoBench,
} from './page';

const SIZE = Number(option('size') ?? 1000);
const ROUNDS = Number(option('rounds') ?? 3);

/** Every canvas change after a trigger, in ms from it (the trigger's own timestamp). */
const RECORDER = `
window.__record = (trigger) => {
  const out = { start: NaN, changes: [] };
  const canvas = document.querySelector('.react-flow') || document.body;
  new MutationObserver(() => out.changes.push(performance.now())).observe(canvas, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  if (trigger === 'now') out.start = performance.now();
  else window.addEventListener(trigger, (e) => { out.start = e.timeStamp; }, { capture: true, once: true });
  window.__recorded = out;
};
`;

interface Step {
  first: number;
  last500: number;
  last3000: number;
}

async function recorded(page: Page, act: () => Promise<void>, trigger: string): Promise<Step> {
  await page.evaluate(`window.__record(${JSON.stringify(trigger)})`);
  await act();
  await page.waitForTimeout(3000);
  const { start, changes } = (await page.evaluate('window.__recorded')) as {
    start: number;
    changes: number[];
  };
  const after = changes.map((t) => t - start).filter((t) => t >= 0);
  // The first change ends the key's frame; then each within 500 ms of the one before.
  let last500 = after[0] ?? 0;
  for (const t of after) {
    if (t - last500 > 500) break;
    last500 = t;
  }
  return { first: after[0] ?? NaN, last500, last3000: after[after.length - 1] ?? 0 };
}

async function main(): Promise<void> {
  const dists = ['dist-bench', ...(option('dist-b') ? [option('dist-b') as string] : [])];
  const { bases, close } = await serveBuilds(dists, !flag('no-build'));
  const browser = await launchChromium();
  const design = benchDesign(SIZE);
  const picked = pickedDevices(design);
  const rows = dists.map(() => ({
    edit: [] as Step[],
    del: [] as Step[],
    undo: [] as Step[],
    paste: [] as Step[],
  }));
  try {
    for (let r = 0; r < ROUNDS * dists.length; r++) {
      const which = sideOfRound(r, dists.length);
      const { context, page } = await newBenchPage(browser, design, 'studio');
      await page.addInitScript(RECORDER);
      await gotoBench(page, `${bases[which]}/`);
      await page.evaluate(() => window.__bench?.setViewport({ x: 40, y: 40, zoom: 0.75 }));
      // The design opened and routed, and its validation rehearsed.
      await page.waitForTimeout(SIZE >= 3000 ? 8000 : 5000);
      const row = rows[which] as (typeof rows)[number];
      row.edit.push(
        await recorded(
          page,
          () => page.evaluate(() => window.__bench?.editDistance('dci-s0-s1-0', 77)),
          'now',
        ),
      );
      await page.mouse.click(5, 5);
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(500);
      row.del.push(await recorded(page, () => page.keyboard.press('Delete'), 'keydown'));
      row.undo.push(await recorded(page, () => page.keyboard.press('Control+z'), 'keydown'));
      // As bench:ui: the same devices copied and pasted.
      await page.evaluate((ids) => window.__bench?.select(ids), picked);
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+c');
      await page.waitForTimeout(300);
      row.paste.push(await recorded(page, () => page.keyboard.press('Control+v'), 'keydown'));
      const last = (s: Step[]) => s[s.length - 1] as Step;
      const f = (s: Step) =>
        `${s.first.toFixed(0)} / ${s.last500.toFixed(0)} / ${s.last3000.toFixed(0)}`;
      console.log(
        `round ${r + 1} ${dists[which]}: edit ${f(last(row.edit))} · delete ${f(last(row.del))} · undo ${f(last(row.undo))} · paste ${f(last(row.paste))}  (first / last in 500 ms quiet / last in 3 s)`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await close();
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[s.length >> 1] ?? NaN;
  };
  console.log(
    `\n${SIZE} elements, medians (ms from the key): first / last (500 ms quiet) / last (3 s)`,
  );
  dists.forEach((dist, i) => {
    const row = rows[i] as (typeof rows)[number];
    const m = (s: Step[]) =>
      `${median(s.map((x) => x.first)).toFixed(0)} / ${median(s.map((x) => x.last500)).toFixed(0)} / ${median(s.map((x) => x.last3000)).toFixed(0)}`;
    console.log(
      `  ${dist}: edit ${m(row.edit)} · delete ${m(row.del)} · undo ${m(row.undo)} · paste ${m(row.paste)}`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
