import type { BrowserContext, Page, Request } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { startFixtureServer } from './fixture-server';
import { expect, test } from './fixtures';
import { scoredBadgeCount } from './helpers';

/**
 * No egress: a walk through every page of the product — CRM pages with
 * badges and a popover, the side panel, the welcome page, the popup, every options tab, a
 * training run and every export — with every request of every page, frame,
 * web worker and the extension's service worker recorded (Playwright reports
 * service-worker requests on the context through CDP's Network domain on the
 * worker target). A request to anything but the extension itself, the demo
 * CRM or the local fixture CRM fails the test.
 */

interface Seen {
  url: string;
  by: string;
}

/** The recorded requests that left the allowed places (data: and blob: URLs never reach a network). */
function egressViolations(seen: readonly Seen[], extensionId: string, origins: readonly string[]): Seen[] {
  return seen.filter(({ url }) => {
    if (url.startsWith(`chrome-extension://${extensionId}/`) || url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return !origins.includes(new URL(url).origin);
    } catch {
      return true;
    }
  });
}

function recordRequests(context: BrowserContext): Seen[] {
  const seen: Seen[] = [];
  const by = (request: Request) => {
    if (request.serviceWorker()) return 'service worker';
    try {
      return request.frame().url() || 'page';
    } catch {
      return 'worker';
    }
  };
  context.on('request', (request) => seen.push({ url: request.url(), by: by(request) }));
  const watch = (page: Page) => page.on('websocket', (socket) => seen.push({ url: socket.url(), by: `websocket of ${page.url()}` }));
  context.pages().forEach(watch);
  context.on('page', watch);
  return seen;
}

test('no request leaves the extension, the CRM or the fixture server on a walk through every page', async ({ extension }) => {
  // Under a minute on an idle 2-core machine; the margin is for a loaded CI runner.
  test.setTimeout(150_000);
  const { context, extensionId } = extension;
  const started = Date.now();
  const steps: string[] = [];
  const step = (name: string) => steps.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const fixtures = await startFixtureServer();
  const seen = recordRequests(context);
  try {
    // The recorder sees the service worker's own requests (else "0 violations" would prove nothing).
    const worker = context.serviceWorkers()[0]!;
    await worker.evaluate(() => fetch('/manifest.json?egress-probe').then((r) => r.status));
    await expect.poll(() => seen.some((s) => s.by === 'service worker' && s.url.includes('egress-probe'))).toBe(true);

    step('probe');
    // CRM pages: a list, a badge's popover, a customer, the shoppers space and a shopper.
    const crm = await context.newPage();
    await crm.goto(`${DEMO_CRM_ORIGIN}/customers`);
    await expect.poll(() => scoredBadgeCount(crm)).toBe(50);
    await crm.locator('tbody [data-churn-radar-badge] button[data-tier]').first().click();
    await crm.locator('tbody tr[data-customer-id] [data-field="name"] a').first().click();
    await expect(crm.locator('article [data-churn-radar-badge] button[data-tier]')).toBeVisible();
    const shoppers = await context.newPage();
    await shoppers.goto(`${DEMO_CRM_ORIGIN}/shoppers`);
    await shoppers.locator('tbody tr a').first().click();
    await shoppers.waitForLoadState('load');
    await shoppers.close();
    await crm.bringToFront();

    step('crm');
    // The side panel (both views), the welcome page and the popup.
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(panel.getByRole('heading').first()).toBeVisible();
    await panel.getByRole('tab', { name: 'Worklist' }).click();
    await expect(panel.getByRole('region', { name: 'Worklist' })).toBeVisible();
    const welcome = await context.newPage();
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(welcome.getByRole('heading').first()).toBeVisible();
    await welcome.close();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator('body')).not.toBeEmpty();
    await popup.close();

    step('panel');
    // Every options tab.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const tabs = options.getByRole('tablist').getByRole('tab');
    const tabCount = await tabs.count();
    expect(tabCount).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < tabCount; i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await expect(options.locator('#console-panel').getByRole('heading').first()).toBeVisible();
    }

    step('tabs');
    // A training run (logistic, 3 folds, on 300 rows of the CRM's export).
    await options.goto(`chrome-extension://${extensionId}/options.html#/models`);
    const csv = (await crm.request.get(`${DEMO_CRM_ORIGIN}/api/export.csv`).then((r) => r.text())).split(/\r?\n/).slice(0, 301).join('\n');
    await options.getByTestId('training-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await options.getByLabel('Label column').selectOption('Status');
    await options.getByLabel('Value meaning churned').selectOption('Churned');
    await options
      .locator('#train')
      .getByRole('combobox', { name: /^Model/ })
      .selectOption('logistic');
    await options.locator('#train').getByRole('combobox', { name: 'CV folds' }).selectOption('3');
    await options.locator('#train').getByRole('button', { name: 'Train and evaluate' }).click();
    await expect(options.getByTestId('train-result')).toBeVisible({ timeout: 45_000 });

    step('training');
    // Every export: the KPI CSV, everything as JSON, a zip of CSVs.
    await options.goto(`chrome-extension://${extensionId}/options.html#/dashboard`);
    const kpis = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    await kpis;
    await options.goto(`chrome-extension://${extensionId}/options.html#/privacy`);
    for (const name of ['Export everything (JSON)', 'Export CSV per table (zip)']) {
      const download = options.waitForEvent('download');
      await options.getByRole('button', { name }).click();
      await download;
    }
    step('exports');
  } finally {
    await fixtures.close();
  }

  const violations = egressViolations(seen, extensionId, [DEMO_CRM_ORIGIN, fixtures.origin]);
  const fromWorker = seen.filter((s) => s.by === 'service worker').length;
  console.log(
    `[egress.spec] requests recorded: ${seen.length} (${fromWorker} from the service worker); outside the extension and the CRM: ${violations.length}; steps done at: ${steps.join(', ')}`,
  );
  expect(violations, violations.map((v) => `${v.by} → ${v.url}`).join('\n')).toEqual([]);
  // The rule itself: another extension, another host or a bad URL is egress; the CRM, this extension and in-memory URLs are not.
  expect(
    egressViolations(
      [
        { url: 'https://fonts.example.com/a.woff', by: 'x' },
        { url: 'chrome-extension://other/x.js', by: 'x' },
        { url: `${DEMO_CRM_ORIGIN}/customers`, by: 'x' },
        { url: `chrome-extension://${extensionId}/options.html`, by: 'x' },
        { url: 'blob:chrome-extension://x/1', by: 'x' },
      ],
      extensionId,
      [DEMO_CRM_ORIGIN],
    ).map((v) => v.url),
  ).toEqual(['https://fonts.example.com/a.woff', 'chrome-extension://other/x.js']);
});
