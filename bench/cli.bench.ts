/**
 * `dci-studio validate` on a reference design, as a user runs it: a new Node process each time,
 * from start to answer (target: < 300 ms). Beside it, a bare `node -e 0` (the floor no CLI can go
 * under on this machine) and the CLI run through tsx, as it shipped before it was bundled.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toDocument } from '../src/io/document';
import { TEMPLATES } from '../src/model/templates/index';
import { fmt } from './util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Wall time of a command, best and median of n runs (the best shows the cost without the neighbours). */
function processMs(args: readonly string[], repeats: number): { best: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - start);
    if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} failed`);
  }
  times.sort((a, b) => a - b);
  return { best: times[0] ?? NaN, median: times[Math.floor(times.length / 2)] ?? NaN };
}

export default function cliBench(): void {
  const template = TEMPLATES.find((t) => t.id === 'metro-vplex-otv');
  if (!template) throw new Error('no template metro-vplex-otv');
  const dir = mkdtempSync(join(tmpdir(), 'dci-cli-bench-'));
  const file = join(dir, 'metro.dci.json');
  writeFileSync(file, JSON.stringify(toDocument(template.build())));
  try {
    // The first run bundles the CLI if the bundle is missing or stale; not timed.
    processMs(['bin/dci-studio.mjs', 'validate', file], 1);
    const floor = processMs(['-e', '0'], 10);
    const bin = processMs(['bin/dci-studio.mjs', 'validate', file], 10);
    const tsx = processMs(
      ['node_modules/tsx/dist/cli.mjs', 'src/cli/main.ts', 'validate', file],
      3,
    );
    console.log(
      `dci-studio validate ${template.id}: ${fmt(bin.best)} ms best, ${fmt(bin.median)} ms median (target < 300 ms)`,
    );
    console.log(
      `  node -e 0 on this machine: ${fmt(floor.best)} ms best, ${fmt(floor.median)} ms median`,
    );
    console.log(
      `  the same through tsx (before bundling): ${fmt(tsx.best)} ms best, ${fmt(tsx.median)} ms median`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
