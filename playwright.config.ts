import { defineConfig } from '@playwright/test';
import { DEMO_CRM_ORIGIN, DEMO_CRM_PORT } from './lib/demo-origin';

// One worker: every test launches a real Chromium with the built extension,
// and the machine has two cores.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
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
