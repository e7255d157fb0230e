import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3211);

/**
 * Browser tests on Debian's chromium (Playwright cannot download its own here),
 * against the production build served by the real server on a fresh data folder.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Generous: CI machines are shared, and a round with six browser contexts on two cores is slow there.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A test.only left in by mistake would silently skip the rest of the suite in CI.
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The built server, as `npm start` runs it: `npm run build` (pages and server) comes first.
    command: `bash -c 'DATA_DIR=$(mktemp -d) PORT=${PORT} HOST=127.0.0.1 NODE_ENV=production exec node dist/server.mjs'`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
