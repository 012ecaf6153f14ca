import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// The e2e server's look-up limit (scripts/e2e-server.mjs), also read by the test of the limit.
process.env.CARENAV_SEARCHES_PER_MINUTE ??= '600';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // The longest journeys (a discharge worked end to end, every session ended) take 45–60 s on a
  // two-core machine with two browsers and the server: 60 s failed them at the previous commit too
  // on a slower day. Speed is the benchmark's to measure, not a test's time limit.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://localhost:${port}`,
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    // A failed test keeps its trace (actions, DOM snapshots, network); no screencast, whose frames
    // cost every passing test CPU on a two-core machine.
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port) },
  },
});
