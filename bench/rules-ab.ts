/**
 * An edit validated from the validation before it (revalidate.ts), in CPU time, two source
 * trees alternated in one process: `npx tsx bench/rules-ab.ts <other tree> [--size 1000]
 * [--rounds 30] [--edit distance|delete|paste]`. Each round times 20 edits on this tree and on
 * the other, in turn; prints the medians of the rounds and their ratio. The edits: the benches'
 * DCI-distance edit (EDITED_LINK, bench/ui/page.ts), or bench:ui's delete or paste of 30 devices
 * (pickedDevices) and its undo, in turn (each validated from the one before).
 */
import { resolve } from 'node:path';
import { pasteInto } from '../src/model/clipboard';
import { removeElements, updateLink } from '../src/model/edits';
import type { Design } from '../src/model/schema';
import { benchDesign, EDITED_LINK, pickedDevices } from './ui/page';
import * as here from '../src/rules/revalidate';

type Revalidate = typeof here.revalidate;
const other = resolve(process.argv[2] ?? '');
const size = Number(process.argv[process.argv.indexOf('--size') + 1] || 1000);
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 30);
const EDITS = 20;
const editArg = process.argv.indexOf('--edit');
const edit = editArg > 0 ? process.argv[editArg + 1] : 'distance';

/** The next design of a run of `edit`s from `design` (the design opened: `opened`). */
function nextOf(opened: Design): (design: Design) => Design {
  if (edit === 'distance') {
    let km = 40;
    return (design) => {
      km = km === 40 ? 900 : 40;
      return updateLink(design, EDITED_LINK, { distanceKm: km });
    };
  }
  const picked = pickedDevices(opened);
  const pasted = pasteInto(opened, { design: opened, ids: picked }, { x: 32, y: 32 });
  if (!pasted) throw new Error('nothing pasted');
  const edited = edit === 'delete' ? removeElements(opened, picked) : pasted.design;
  return (design) => (design === opened ? edited : opened);
}

async function main(): Promise<void> {
  const there = (await import(`${other}/src/rules/revalidate.ts`)) as typeof here;
  const design = benchDesign(process.argv.includes('--size') ? size : 1000);
  const sides: [string, Revalidate][] = [
    ['this tree', here.revalidate],
    [other, there.revalidate],
  ];
  const last = sides.map(([, rv]) => rv(design, null));
  const times: number[][] = sides.map(() => []);
  const next = nextOf(design);
  for (let r = 0; r < rounds + 3; r++) {
    for (let s = 0; s < sides.length; s++) {
      const rv = (sides[s] as [string, Revalidate])[1];
      let v = last[s] as here.Validation;
      const c = process.cpuUsage();
      for (let i = 0; i < EDITS; i++) {
        v = rv(next(v.design), v);
      }
      const d = process.cpuUsage(c);
      last[s] = v;
      if (r >= 3) (times[s] as number[]).push((d.user + d.system) / 1000 / EDITS);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
  const m = times.map(med);
  for (let s = 0; s < sides.length; s++)
    console.log(
      `${(sides[s] as [string, Revalidate])[0]}: ${(m[s] as number).toFixed(3)} ms CPU per edit`,
    );
  console.log(
    `${edit}: ratio ${((m[0] as number) / (m[1] as number)).toFixed(2)} (${rounds} rounds of ${EDITS} edits)`,
  );
}
void main();
