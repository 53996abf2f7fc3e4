#!/usr/bin/env node
/**
 * Bundles the command line (src/cli/main.ts with the model, rules and io it uses, and zod) into
 * one JavaScript file, build/cli/main.mjs, so `dci-studio` starts in plain Node instead of
 * compiling TypeScript through tsx on every run (~0.9 s → well under 0.3 s; `npm run bench cli`).
 * `npm ci` runs it (prepare); bin/dci-studio.mjs runs it again when a source file is newer than
 * the bundle. build/cli/inputs.json lists the sources, for that check. The router's wasm is
 * copied beside the bundle.
 */
import { build } from 'esbuild';
import { copyFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(root, 'build/cli/main.mjs');
export const CLI_INPUTS = join(root, 'build/cli/inputs.json');
/**
 * The link router's WebAssembly: libavoid-js loads it from beside its own module, which in the
 * bundle is beside main.mjs. Without it `dci-studio export` could not route a link.
 */
export const CLI_WASM = join(root, 'build/cli/libavoid.wasm');

export async function buildCli() {
  const result = await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) =>
    relative(root, join(root, p)).split('\\').join('/'),
  );
  const avoid = createRequire(import.meta.url).resolve('libavoid-js');
  await copyFile(join(dirname(avoid), 'libavoid.wasm'), CLI_WASM);
  await writeFile(CLI_INPUTS, `${JSON.stringify(inputs, null, 1)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await buildCli();
