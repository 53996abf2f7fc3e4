import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, Rolldown } from 'vite';
import { createHash } from 'node:crypto';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from './csp.config.ts';
import { EARLY_CHECK_KEY, LEGACY_AUTOSAVE_KEY } from './src/store/legacyKeys.ts';
import { DATABASE_NAME, EARLY_OPENING_KEY, STORE_NAME } from './src/store/earlyDatabase.ts';
import { servePrecompressed, writeCompressedCopies } from './server/precompressed.ts';
import {
  selectionListenerOnDemand,
  selectionListenerOnDemandPrebundle,
} from './plugins/selectionListener.ts';

/** The built index.html carries the policy as its first element after the charset. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'dci-studio-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/** A build's chunks by file name, and the files a chunk pulls in with its static imports. */
function chunkGraph(bundle: Rolldown.OutputBundle) {
  const chunks = new Map(
    Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o]] : [])),
  );
  const closure = (file: string, into: Set<string>): Set<string> => {
    if (into.has(file)) return into;
    into.add(file);
    for (const dep of chunks.get(file)?.imports ?? []) closure(dep, into);
    return into;
  };
  return { chunks, closure };
}

/**
 * The chunks the page imports the moment it starts, to restore the stored design (main.tsx:
 * the storage code and the components that draw elements), are fetched beside the entry
 * (modulepreload links) instead of after it has run: they are not run before the first
 * render, so the first screen does not grow, but they are there when it is done.
 */
const BOOT_MODULES = ['/src/store/persistence.ts', '/src/canvas/elementChunk.ts'];
const isBootModule = (id: string): boolean =>
  BOOT_MODULES.some((m) => id.replace(/\\/gu, '/').endsWith(m));

function preloadBootChunks(): Plugin {
  return {
    name: 'dci-studio-boot-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return html;
        const { chunks, closure } = chunkGraph(bundle);
        const loaded = closure(entry.fileName, new Set());
        const dynamic = new Set([...loaded].flatMap((f) => chunks.get(f)?.dynamicImports ?? []));
        // The chunks this page imports that hold a boot module (shared chunks have no facade).
        const boot = [...chunks.values()].filter(
          (c) => dynamic.has(c.fileName) && c.moduleIds.some(isBootModule),
        );
        const files = new Set<string>();
        for (const c of boot) for (const f of closure(c.fileName, new Set())) files.add(f);
        return [...files]
          .filter((f) => !loaded.has(f))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `/${f}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/** The worker that checks a design's text (src/io/check.worker.ts), as the build names it. */
const CHECK_WORKER = /^assets\/check\.worker-[\w-]+\.js$/u;

/**
 * A first visit after an older studio finds its design in localStorage and opens it after the
 * full check (session.ts, store/firstCheck.ts): the schema library's loading and its parse, which
 * on the main thread could only begin once the whole first screen had come and run. A small
 * script (same origin, so the page's policy allows it; `async`, so it holds nothing up) looks for
 * that design as the page starts and, only then, begins its check in a worker, which loads and
 * runs beside the first screen's code; it leaves the check at EARLY_CHECK_KEY for the storage
 * code. A reload of a design this studio stored needs no check; there the script begins opening
 * the studio's database (earlyDatabase.ts).
 */
function checkFirstVisitEarly(): Plugin {
  return {
    name: 'dci-studio-first-visit-check',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return;
      const worker = Object.keys(bundle).find((f) => CHECK_WORKER.test(f));
      if (!worker) this.error('the build has no check worker (src/io/check.worker.ts)');
      // Its answer is kept as the storage code finds it (firstCheck.ts `takeBegun`); a worker
      // that fails leaves the check to the main thread there.
      const script =
        `try{const t=localStorage.getItem(${JSON.stringify(LEGACY_AUTOSAVE_KEY)});` +
        `if(t!==null){const w=new Worker(${JSON.stringify(`/${worker}`)},{type:"module"}),` +
        `r=new Promise((y,n)=>{w.onmessage=e=>y(e.data);w.onerror=w.onmessageerror=n});` +
        `r.finally(()=>w.terminate()).catch(()=>{});w.postMessage(t);` +
        `window[${JSON.stringify(EARLY_CHECK_KEY)}]={text:t,result:r}}` +
        `else{const r=indexedDB.open(${JSON.stringify(DATABASE_NAME)});` +
        `r.onupgradeneeded=()=>r.result.createObjectStore(${JSON.stringify(STORE_NAME)});` +
        `window[${JSON.stringify(EARLY_OPENING_KEY)}]=r}}catch{}\n`;
      const hash = createHash('sha256').update(script).digest('hex').slice(0, 8);
      const fileName = `assets/first-visit-${hash}.js`;
      this.emitFile({ type: 'asset', fileName, source: script });
      // Before the entry's tags, so it is asked for (and there) first.
      html.source = String(html.source).replace(
        /^(\s*)<script type="module"/mu,
        `$1<script async src="/${fileName}"></script>\n$1<script type="module"`,
      );
    },
  };
}

/**
 * Each lucide icon lists its shapes with a React key each (`key: "ngkwjq"`): six random
 * characters per shape, which gzip cannot shorten (0.5 KB of the first screen's icons). An icon
 * is a fixed list of shapes, never reordered, so React needs no keys for them; it only asks
 * for them in development, where this does not apply.
 */
function iconsWithoutKeys(): Plugin {
  return {
    name: 'dci-studio-icons-without-keys',
    apply: 'build',
    transform: {
      filter: { id: /lucide-react[\\/]dist[\\/]esm[\\/]icons[\\/]/u },
      handler: (code) => ({ code: code.replace(/, key: "[a-z0-9]+" \}/gu, ' }'), map: null }),
    },
  };
}

/**
 * Brotli and gzip copies of the built files (server/precompressed.ts), for a static web server to
 * send as they are; the preview server sends them too, instead of compressing on each request.
 */
function precompressed(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dci-studio-precompressed',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      async handler(options, bundle) {
        await writeCompressedCopies(options.dir ?? outDir, Object.keys(bundle));
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePrecompressed(outDir, server.config.preview.headers));
    },
  };
}

// Live rooms: the studio's page talks to the room server at /rooms on its own host; the dev and
// preview servers pass it on to the room server (npm run server, port ROOMS_PORT).
const roomsProxy: Record<string, { target: string; ws: true }> = {
  '^/rooms$': { target: `ws://127.0.0.1:${process.env['ROOMS_PORT'] ?? 1234}`, ws: true },
  // A second room server instance (the e2e's Redis scale-out test) when one is named.
  ...(process.env['ROOMS_PORT_2']
    ? { '^/rooms-2$': { target: `ws://127.0.0.1:${process.env['ROOMS_PORT_2']}`, ws: true } }
    : {}),
};

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicy(),
    preloadBootChunks(),
    checkFirstVisitEarly(),
    iconsWithoutKeys(),
    selectionListenerOnDemand(),
    precompressed(),
  ],
  resolve: {
    // React Flow's zoom animates the viewport, never a colour, a style or a text: d3-zoom's
    // transitions and interpolators stand in for d3's, without d3-timer, d3-ease and d3-color
    // (src/canvas/d3-transition.ts, src/canvas/d3-interpolate.ts).
    alias: [
      {
        find: /^d3-transition$/u,
        replacement: fileURLToPath(new URL('./src/canvas/d3-transition.ts', import.meta.url)),
      },
      {
        find: /^d3-interpolate$/u,
        replacement: fileURLToPath(new URL('./src/canvas/d3-interpolate.ts', import.meta.url)),
      },
    ],
  },
  server: { proxy: roomsProxy },
  preview: {
    proxy: roomsProxy,
    headers: {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
      'X-Content-Type-Options': 'nosniff',
    },
  },
  // elk is imported lazily (Tidy up); pre-bundle it so the dev server does not reload the page
  // the first time it is needed.
  optimizeDeps: {
    include: [
      'elkjs/lib/elk.bundled.js',
      'yjs',
      '@hocuspocus/provider',
      'y-indexeddb',
      'lib0/hash/sha256',
    ],
    rolldownOptions: { plugins: [selectionListenerOnDemandPrebundle()] },
  },
  // The workers' scripts too (the link router, the sweep): ASCII, as the page's (build, below).
  worker: { rolldownOptions: { output: { charset: 'ascii' } } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    // Every browser the studio supports preloads modules itself: no polyfill on the first screen.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Non-ASCII characters (…, →, ’ in the UI's words) as \u escapes: a script with even one
        // character past Latin-1 is held by V8 as two bytes a character, its whole source (the
        // first screen's 458 KB as 915 KB, in a heap snapshot, outside V8's used-heap figure);
        // ASCII-only, it is held as one.
        charset: 'ascii',
        codeSplitting: {
          groups: [
            // Everything the page imports statically is one chunk with the entry: left to
            // itself the bundler split React, zustand and the ui store into a chunk of their own
            // (shared with the lazy chunks), and each file compresses on its own (0.8 KB gzip
            // more).
            { name: 'boot', tags: ['$initial'] },
            // What the page imports the moment it starts to restore the design (BOOT_MODULES,
            // with what they import that the first screen does not hold) is one chunk too: left
            // to itself the bundler cut it in ten (the parts other lazy chunks share), ten
            // requests before the first render, which the browser queues six at a time on an
            // HTTP/1.1 server.
            { name: 'restore', test: isBootModule },
          ],
        },
      },
    },
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'server/**/*.test.ts',
      'plugins/**/*.test.ts',
    ],
    environment: 'node',
    // Whole-design specs (the 5-site sweep, 20 MB bombs, tidy on a template) take 1–2 s alone
    // and 6–8 s on a shared 2-core machine: the 5 s default failed them for load, not for bugs.
    testTimeout: 30_000,
    // d3 goes through the bundler's resolution in the tests too, so they see the build's
    // d3-transition and d3-interpolate (src/canvas/d3-*.test.ts).
    server: { deps: { inline: [/[\\/]d3-[a-z]+[\\/]/u] } },
  },
});
