/**
 * How every Playwright-driven run here launches Chromium: the e2e tests (playwright.config.ts)
 * and the UI benches (bench/ui/page.ts). Debian's Chromium (or CHROMIUM_PATH) where Playwright
 * cannot download its own browser (this workplace; scripts/ensure-chromium.sh installs it);
 * Playwright's own browser on machines that have one.
 */
import { existsSync } from 'node:fs';

const executablePath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find(
  (p) => p && existsSync(p),
);

export const CHROMIUM_LAUNCH_OPTIONS = {
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
