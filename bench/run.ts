/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line) and
 * lets each print its own figures. Benchmarks measure; they do not pass or fail.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Names pick benches; `--option value` pairs are left to the benches themselves.
const only = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  console.log(`\n== ${file} ==`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: () => Promise<void> | void;
  };
  await mod.default();
}
