import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect, test } from './fixtures';
import { scoredBadgeCount } from './helpers';

const SHOPPERS = `${DEMO_CRM_ORIGIN}/shoppers`;
/** The shoppers space is shown as of this day (demo/README.md). */
const SPACE_TODAY = Date.UTC(1997, 8, 30);
const DAY = 86_400_000;

test('a shopper’s order list becomes indicators, lifecycle, pattern and activities in the side panel', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(`${SHOPPERS}/8481`);
  // The SPA renders after fetching the shopper (the CRM loads its purchase log on first use).
  await page.locator('table[data-crm="order-history"] tbody tr[data-activity="order"]').first().waitFor();
  const orders = await page.evaluate(() =>
    [...document.querySelectorAll('table[data-crm="order-history"] tbody tr[data-activity="order"]')].map((tr) => ({
      day: tr.getAttribute('data-activity-id')!,
      amount: Number((tr.querySelector('[data-field="amount"]')!.textContent ?? '').replace(/[^0-9.]/g, '')),
    })),
  );
  expect(orders.length).toBeGreaterThanOrEqual(2);
  const lastOrder = Math.max(...orders.map((o) => Date.parse(`${o.day}T00:00:00Z`)));
  const recencyDays = Math.round((SPACE_TODAY - lastOrder) / DAY);
  await expect(page.locator('article[data-crm="shopper-detail"] [data-churn-radar-badge] button')).toHaveAttribute('data-tier', /[1-5]/);

  const panel = await extension.context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.goto(`chrome-extension://${extension.extensionId}/sidepanel.html`);
  const name = (await page.locator('article[data-crm="shopper-detail"] h1 [data-field="name"]').textContent())!.trim();
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  // Consumption indicators computed from the orders the page listed, as of the space's today.
  await expect(panel.locator('[data-indicator="order_count"]')).toContainText(`${orders.length} orders`);
  await expect(panel.locator('[data-indicator="recency_days"]')).toContainText(`${recencyDays} day`);
  await expect(panel.getByText('CRM data as of Sep 30, 1997')).toBeVisible();
  // All six categories are there, available or not (the reasons card has category headings too).
  const indicatorsCard = panel.getByRole('region', { name: 'Indicators', exact: true });
  for (const category of ['Consumption', 'Satisfaction', 'Loyalty', 'Market competition', 'Customer characteristics', 'Financial']) {
    await expect(indicatorsCard.getByRole('heading', { name: category, exact: true })).toBeVisible();
  }
  const lifecycle = panel.getByRole('region', { name: 'Lifecycle and churn pattern' });
  await expect(lifecycle).toContainText(/New|Growth|Mature|Decline|Churned/);
  await expect(lifecycle).toContainText(/Trial failure|Churn after repeat purchase|Sudden drop|Gradual decline|Already churned|No churn pattern/);
  const activity = panel.getByRole('region', { name: 'Recent activity' });
  await expect(activity.locator('li')).toHaveCount(Math.min(orders.length, 20));
  await panel.screenshot({ path: test.info().outputPath('sidepanel-shopper.png'), fullPage: true });

  // The badge popover names indicators, not model columns.
  await page.locator('article[data-crm="shopper-detail"] [data-churn-radar-badge] button').click();
  const reasons = page.locator('[data-churn-radar-popover] [role="dialog"] li');
  await expect(reasons.first()).toBeVisible();
  const texts = await reasons.allTextContents();
  expect(texts.join('\n')).not.toMatch(/ind:/i);
  expect(texts.some((text) => /order|spend|purchase|customer for|days/i.test(text))).toBe(true);
});

test('the shoppers list is badged from its summary columns, by the shoppers model', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(`${SHOPPERS}?size=100`);
  await expect.poll(() => scoredBadgeCount(page)).toBe(100);
  const probabilities = await page.evaluate(() =>
    [...document.querySelectorAll('[data-churn-radar-badge]')].map((host) => Number(host.shadowRoot!.querySelector('button')!.dataset.probability)),
  );
  // Scored from what the list shows (orders, last purchase…), not one baseline value for everybody.
  expect(new Set(probabilities.map((p) => p.toFixed(2))).size).toBeGreaterThan(10);
});
