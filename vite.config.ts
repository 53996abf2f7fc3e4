import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from './csp.config';

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
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
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
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    // Every browser the studio supports preloads modules itself: no polyfill on the first screen.
    modulePreload: { polyfill: false },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Whole-design specs (the 5-site sweep, 20 MB bombs, tidy on a template) take 1–2 s alone
    // and 6–8 s on a shared 2-core machine: the 5 s default failed them for load, not for bugs.
    testTimeout: 30_000,
  },
});
