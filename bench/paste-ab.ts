/**
 * The paste of bench:ui (30 of DC 1's devices, Ctrl+C then Ctrl+V) in CPU time, two source trees
 * alternated in one process: `npx tsx bench/paste-ab.ts <other tree> [--size 1000] [--rounds 30]`.
 * Each round times, on this tree and on the other in turn, 10 pastes of the model alone
 * (pasteInto, with a target in view as the canvas gives it) and 10 of the whole action
 * (pasteClipboard: pasteInto and the store's commit with the copies selected), each undone
 * untimed; prints the medians of the rounds (ms per paste) and their ratio.
 */
import { resolve } from 'node:path';
import { benchDesign, pickedDevices } from './ui/page';
import * as hereClip from '../src/model/clipboard';
import * as hereTools from '../src/app/tools';
import * as hereStore from '../src/store/studio';

const other = resolve(process.argv[2] ?? '');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const size = arg('size', 1000);
const rounds = arg('rounds', 30);
const PASTES = 10;

interface Side {
  name: string;
  clip: typeof hereClip;
  tools: typeof hereTools;
  store: typeof hereStore;
}

const cpu = (run: () => void): number => {
  const c = process.cpuUsage();
  run();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const sides: Side[] = [
    { name: 'this tree', clip: hereClip, tools: hereTools, store: hereStore },
    {
      name: other,
      clip: (await import(`${other}/src/model/clipboard.ts`)) as typeof hereClip,
      tools: (await import(`${other}/src/app/tools.ts`)) as typeof hereTools,
      store: (await import(`${other}/src/store/studio.ts`)) as typeof hereStore,
    },
  ];
  const design = benchDesign(size);
  const ids = pickedDevices(design);
  const clipboard = { design, ids };
  // Where the bench's view looks: the middle of DC 1.
  const s0 = design.nodes.find((n) => n.id === 's0');
  const center = s0 ? { x: s0.position.x + 600, y: s0.position.y + 400 } : { x: 600, y: 400 };
  const target = {
    center,
    view: { x: center.x - 700, y: center.y - 450, width: 1400, height: 900 },
  };
  for (const side of sides) side.store.useStudio.getState().replaceDesign(design);
  const model: number[][] = sides.map(() => []);
  const action: number[][] = sides.map(() => []);
  for (let r = 0; r < rounds + 3; r++) {
    sides.forEach((side, s) => {
      let n = 0;
      const m = cpu(() => {
        for (let i = 0; i < PASTES; i++)
          n += side.clip.pasteInto(design, clipboard, { x: 32, y: 32 }, target)?.newIds.length ?? 0;
      });
      if (n === 0) throw new Error('nothing pasted');
      let a = 0;
      const studio = side.store.useStudio;
      for (let i = 0; i < PASTES; i++) {
        studio.getState().select(ids);
        studio.setState({ clipboard, pasteCount: 0 });
        a += cpu(() => side.tools.pasteClipboard());
        studio.getState().undo();
      }
      if (r >= 3) {
        (model[s] as number[]).push(m / PASTES);
        (action[s] as number[]).push(a / PASTES);
      }
    });
  }
  const row = (label: string, times: number[][]) => {
    const [a, b] = times.map(median) as [number, number];
    console.log(
      `${label}: this tree ${a.toFixed(2)} ms, other ${b.toFixed(2)} ms, ratio ${(a / b).toFixed(2)}`,
    );
  };
  console.log(`${size} elements, ${rounds} rounds of ${PASTES} pastes, CPU ms per paste (medians)`);
  row('pasteInto', model);
  row('pasteClipboard', action);
}

void main();
