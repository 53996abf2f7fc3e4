#!/usr/bin/env node
// The dci-studio command: runs the CLI bundled to plain JavaScript (scripts/build-cli.mjs), and
// bundles it first when the bundle is missing or older than one of its sources, so a checkout
// never answers with yesterday's rules.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'build/cli/main.mjs');

function stale() {
  try {
    const built = statSync(bundle).mtimeMs;
    statSync(join(root, 'build/cli/libavoid.wasm')); // the router's, copied beside the bundle
    const inputs = JSON.parse(readFileSync(join(root, 'build/cli/inputs.json'), 'utf8'));
    return inputs.some((file) => {
      try {
        return statSync(join(root, file)).mtimeMs > built;
      } catch {
        return true; // a source was moved or deleted: bundle again
      }
    });
  } catch {
    return true; // no bundle, or no wasm beside it, yet
  }
}

if (stale()) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
const { run } = await import(pathToFileURL(bundle).href);
process.exitCode = await run(process.argv.slice(2));
