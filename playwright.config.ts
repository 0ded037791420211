import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/chromium';

// The renderer runs in Debian's Chromium (never a Playwright-downloaded browser) against the real
// engine. Each spec starts the server it needs on a free loopback port.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
