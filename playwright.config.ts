import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium.config.ts';

const port = Number(process.env['E2E_PORT'] ?? 4173);

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // Each port builds into its own folder, so parallel runs never serve each other's half-built files.
    command: `npx vite build --mode e2e --outDir dist-e2e/${port} --emptyOutDir && npx vite preview --outDir dist-e2e/${port} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // The preview passes /rooms on to the room server that e2e/rooms.spec.ts starts on its own port.
    env: {
      ROOMS_PORT: process.env['ROOMS_PORT'] ?? '1237',
      ROOMS_PORT_2: process.env['ROOMS_PORT_2'] ?? '1238',
    },
    reuseExistingServer: !process.env['CI'],
    timeout: 180_000,
  },
});
