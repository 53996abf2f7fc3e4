/**
 * The build `npm run bench:ui` measures: the studio (index.html, in mode "bench" so it exposes
 * the bench API) and the plain React Flow baseline page, in one output folder and one server,
 * with the same bundler, minifier and settings. Never used for the app itself.
 *
 * Each page is built as an app of its own, with the app's settings (vite.config.ts): its first
 * screen one chunk, what it restores the design with another. Built together, the bundler cut
 * both pages' first screens into the chunks they share (the studio's in five, and its design's
 * restoring in ten more): the bench measured requests, queued six at a time on the preview
 * server, that the app does not make. The baseline page is built second, into the same folder,
 * when the studio's build is done (one command builds both).
 */
import { fileURLToPath } from 'node:url';
import { build, mergeConfig, type LogLevel, type Plugin, type PluginOption } from 'vite';
import base from './vite.config.ts';
import { SELECTION_LISTENER_PLUGIN } from './plugins/selectionListener.ts';

const CONFIG = fileURLToPath(import.meta.url);
/** Set while the baseline page is built (by the studio's build, below). */
const BASELINE_BUILD = 'DCI_BENCH_BASELINE_BUILD';
const baselineBuild = process.env[BASELINE_BUILD] === '1';

/** Once the studio is built, the baseline page into the same folder (not emptied). */
function thenBaseline(): Plugin {
  let outDir = '';
  let logLevel: LogLevel = 'warn';
  return {
    name: 'dci-bench-baseline-page',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
      logLevel = config.logLevel ?? 'warn';
    },
    async closeBundle() {
      process.env[BASELINE_BUILD] = '1';
      try {
        await build({ configFile: CONFIG, logLevel, build: { outDir, emptyOutDir: false } });
      } finally {
        delete process.env[BASELINE_BUILD];
      }
    },
  };
}

/**
 * The baseline page is React Flow as published: without the studio's mend of it
 * (plugins/selectionListener.ts), which the studio's side of the bench carries.
 */
const studioOwn = (p: PluginOption): boolean =>
  !(p !== null && typeof p === 'object' && 'name' in p && p.name === SELECTION_LISTENER_PLUGIN);
const plainReactFlow = { ...base, plugins: (base.plugins ?? []).filter(studioOwn) };

export default mergeConfig(baselineBuild ? plainReactFlow : base, {
  mode: 'bench',
  plugins: baselineBuild ? [] : [thenBaseline()],
  build: {
    outDir: 'dist-bench',
    emptyOutDir: !baselineBuild,
    // bench:ui:profile reads function names in its CPU profiles.
    ...(process.env['BENCH_UNMINIFIED'] ? { minify: false } : {}),
    rollupOptions: {
      input: fileURLToPath(
        new URL(baselineBuild ? './bench/ui/baseline.html' : './index.html', import.meta.url),
      ),
    },
  },
});
