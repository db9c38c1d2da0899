import { defineConfig } from '@playwright/test';
import { DEMO_CRM_ORIGIN, DEMO_CRM_PORT } from './lib/demo-origin';

// Two workers by default (CI's two cores): tests are isolated — own profile, own fixture port,
// stateless demo server — and the suite takes about two thirds of the one-worker time. The two
// timing failures seen that way on 2026-12-07 were fixed (an erase racing a rescan of the open
// detail page; the shadcn side-panel spec's budget). E2E_WORKERS=1 for a loaded machine.
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
