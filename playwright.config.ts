import { defineConfig } from '@playwright/test';
import { DEMO_CRM_ORIGIN, DEMO_CRM_PORT } from './lib/demo-origin';

// Two workers (E2E_WORKERS overrides): every test launches its own Chromium
// with its own profile and fixture server (random port), and the demo CRM
// server is stateless, so spec files run side by side. Much of a test is
// waiting on the extension's timers, so two workers on two cores roughly
// halve the suite's time (CI's 15-minute budget) without starving a test.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  webServer: {
    command: `npx tsx demo/server.ts --port ${DEMO_CRM_PORT}`,
    url: `${DEMO_CRM_ORIGIN}/customers`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
