/**
 * The build `npm run bench:ui` measures: the studio (index.html, in mode "bench" so it exposes
 * the bench API) and the plain React Flow baseline page, from one build, so both get the same
 * bundler, minifier and server. Never used for the app itself.
 */
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import base from './vite.config.ts';

export default mergeConfig(base, {
  mode: 'bench',
  build: {
    outDir: 'dist-bench',
    emptyOutDir: true,
    // bench:ui:profile reads function names in its CPU profiles.
    ...(process.env['BENCH_UNMINIFIED'] ? { minify: false } : {}),
    rollupOptions: {
      // Two pages: the app's one first-screen chunk (vite.config.ts) would hold both pages'
      // modules and run the studio's on the baseline page. Each page's code stays its own.
      // (Here, beside `input`: an override naming rolldownOptions has its rollupOptions ignored.)
      output: { codeSplitting: true },
      input: {
        studio: fileURLToPath(new URL('./index.html', import.meta.url)),
        baseline: fileURLToPath(new URL('./bench/ui/baseline.html', import.meta.url)),
      },
    },
  },
});
