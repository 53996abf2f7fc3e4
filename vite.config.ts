import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // elk is imported lazily (Tidy up); pre-bundle it so the dev server does not reload the page
  // the first time it is needed.
  optimizeDeps: { include: ['elkjs/lib/elk.bundled.js'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
