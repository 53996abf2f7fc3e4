/**
 * bench:ui's paste as the page runs it, once and cold (its code runs for the first time, as in
 * the browser, where nothing before the first paste runs the clipboard's code): CPU time of the
 * first pasteClipboard (30 of DC 1's devices copied, pasted with the bench's view), each in a
 * fresh process, two source trees alternated:
 *
 *   npx tsx bench/paste-cold.ts <other tree> [--size 1000] [--rounds 15]
 *
 * The store has the design opened (its nodes and edges synced, as the page's open warms that
 * code) and the devices selected and copied. Prints the medians and their ratio.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { benchDesign, pickedDevices, WORK_VIEW } from './ui/page';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const size = arg('size', 1000);

async function child(tree: string): Promise<void> {
  const store = (await import(
    `${tree}/src/store/studio.ts`
  )) as typeof import('../src/store/studio');
  const tools = (await import(`${tree}/src/app/tools.ts`)) as typeof import('../src/app/tools');
  // The canvas as the bench's window shows it, at the bench's working view.
  const rect = { left: 0, top: 0, right: 1440, bottom: 900, width: 1440, height: 900 };
  (globalThis as { document?: unknown }).document = {
    querySelector: () => ({ getBoundingClientRect: () => rect }),
  };
  const view = {
    screenToFlowPosition: (p: { x: number; y: number }) => ({
      x: (p.x - WORK_VIEW.x) / WORK_VIEW.zoom,
      y: (p.y - WORK_VIEW.y) / WORK_VIEW.zoom,
    }),
    getZoom: () => WORK_VIEW.zoom,
    setCenter: () => Promise.resolve(true),
    fitBounds: () => Promise.resolve(true),
  } as unknown as Parameters<typeof tools.pasteClipboard>[0];
  const design = benchDesign(size);
  const ids = pickedDevices(design);
  const studio = store.useStudio;
  studio.getState().replaceDesign(design);
  studio.getState().select(ids);
  studio.setState({ clipboard: { design, ids }, pasteCount: 0 });
  const c = process.cpuUsage();
  const t = performance.now();
  tools.pasteClipboard(view);
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  if (studio.getState().design === design) throw new Error('nothing pasted');
  console.log(JSON.stringify({ cpu: (d.user + d.system) / 1000, wall }));
}

function main(): void {
  const trees = [resolve('.'), resolve(process.argv[2] ?? '')];
  const rounds = arg('rounds', 15);
  const times: { cpu: number; wall: number }[][] = trees.map(() => []);
  for (let r = 0; r < rounds; r++)
    for (let k = 0; k < trees.length; k++) {
      const s = (r + k) % trees.length;
      const out = execFileSync(
        'npx',
        ['tsx', 'bench/paste-cold.ts', '--child', trees[s] as string, '--size', String(size)],
        { encoding: 'utf8' },
      );
      (times[s] as { cpu: number; wall: number }[]).push(
        JSON.parse(out.trim().split('\n').pop() ?? '{}') as { cpu: number; wall: number },
      );
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  const m = times.map((t) => ({
    cpu: median(t.map((x) => x.cpu)),
    wall: median(t.map((x) => x.wall)),
  }));
  console.log(`${size} elements, first paste in a fresh process, ${rounds} rounds, medians:`);
  trees.forEach((tree, i) =>
    console.log(`  ${tree}: CPU ${m[i]?.cpu.toFixed(2)} ms, wall ${m[i]?.wall.toFixed(2)} ms`),
  );
  console.log(`  ratio (this / other): CPU ${((m[0]?.cpu ?? 0) / (m[1]?.cpu ?? 1)).toFixed(2)}`);
}

const at = process.argv.indexOf('--child');
if (at > 0) void child(process.argv[at + 1] ?? '');
else main();
