import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// Live rooms: the studio's page talks to the room server at /rooms on its own host; the dev and
// preview servers pass it on to the room server (npm run server, port ROOMS_PORT).
const roomsProxy = {
  '/rooms': {
    target: `ws://127.0.0.1:${process.env['ROOMS_PORT'] ?? 1234}`,
    ws: true,
    rewriteWsOrigin: true,
  },
};

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy: roomsProxy },
  preview: { proxy: roomsProxy },
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
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
