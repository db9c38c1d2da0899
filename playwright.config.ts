import { defineConfig } from '@playwright/test';
import { DEMO_CRM_ORIGIN, DEMO_CRM_PORT } from './lib/demo-origin';

// One worker by default (E2E_WORKERS=2 runs spec files side by side: tests are
// isolated — own profile, own fixture port, stateless demo server — and the
// suite takes 9 instead of ~14 minutes, but on two cores two timing-sensitive
// tests failed in that mode on 2026-12-07: an erase racing a rescan of the open
// detail page (privacy.spec) and the shadcn side-panel spec's 60 s budget).
export default defineConfig({
  testDir: 'tests/e2e',
  workers: Number(process.env.E2E_WORKERS ?? 1),
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
