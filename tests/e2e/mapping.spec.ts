import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { expect, test } from './fixtures';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/**
 * Field mapping end to end: a third-party CRM (a saved SuiteCRM list on
 * http://localhost:<port>) enabled through the product's own flow; the
 * options mapping section lists its labels; the element picker, launched
 * from options, maps the label of a clicked value ("Date Created", which no
 * synonym knows) to "Customer since"; the mapping shows in options and the
 * side panel's tenure indicator is computed from it, without a reload.
 */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const LIST_PATH = '/index.php';
const CUSTOMERS = 10;
let fixtures: FixtureServer;
test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  fixtures.serve(LIST_PATH, 'suitecrm-accounts-list');
});
test.afterAll(async () => fixtures.close());

const worker = (context: BrowserContext): Worker => context.serviceWorkers()[0]!;

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const id = await worker(context).evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, url);
  expect(id, `a tab showing ${url}`).toBeDefined();
  return id!;
}

async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

const scoredBadges = (page: Page) => page.locator('[data-churn-radar-badge][data-churn-radar-state="scored"]');

test('map a label with the element picker: options shows it and the side panel reads it', async ({ extension }, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId } = extension;
  const crm = await context.newPage();
  await crm.setViewportSize({ width: 1280, height: 800 });
  const url = `${fixtures.origin}${LIST_PATH}?module=Accounts&action=index`;
  await crm.goto(url);
  const tabId = await tabIdOf(context, url);

  // Enable the site through the popup (helper A's flow): badges without a reload.
  const popup = await openPopup(context, extensionId, tabId);
  await popup.getByRole('button', { name: 'Enable on this site' }).click();
  await expect(popup.getByTestId('site-state')).toHaveText('Enabled on this site');
  await popup.close();
  await crm.bringToFront();
  await expect(scoredBadges(crm)).toHaveCount(CUSTOMERS, { timeout: 15_000 });

  // Focus the first customer (badge click), and open the side panel: no tenure from the fields yet.
  await crm.locator('[data-churn-radar-badge] button').first().click();
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { name: 'Cascade Timber Supply' })).toBeVisible();
  const tenure = panel.locator('[data-indicator="tenure"]');
  await expect(panel.locator('[data-indicator]').first()).toBeVisible();
  expect((await tenure.count()) === 0 || !(await tenure.textContent())!.includes('customer-since')).toBe(true);

  // Options → Sites → Field mapping: the site's labels, samples and suggestions.
  const options = await context.newPage();
  await options.setViewportSize({ width: 1280, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html#/sites/mapping`);
  const table = options.getByRole('table', { name: 'Field mapping' });
  await expect(table).toBeVisible();
  const dateSelect = table.getByLabel('Product field for “Date Created”');
  await expect(dateSelect).toHaveValue('');
  await expect(table.getByLabel('Product field for “Monthly Fee”')).toHaveValue('monthly_value');
  await expect(table.getByRole('row', { name: /Monthly Fee/ }).getByText('suggested', { exact: true })).toBeVisible();
  // Samples as the page shows them, then the value as the product reads it ("$415.00" → "415").
  await expect(table.getByRole('row', { name: /Monthly Fee/ })).toContainText(/\$[\d,]+\.00.*\$[\d,]+\.00.*\d/);
  await options.screenshot({ path: testInfo.outputPath('mapping-section-en.png'), fullPage: true });

  // "Pick on page" shows the picker on the CRM tab.
  await options.getByRole('button', { name: /Pick on page/ }).click();
  await expect(options.getByRole('status').filter({ hasText: 'The picker is showing' })).toBeVisible();

  await crm.bringToFront();
  const dateCell = crm.locator('td[field="date_entered"]').first();
  await dateCell.hover();
  await expect(crm.getByRole('status').filter({ hasText: 'Click a value on the page' })).toBeVisible();
  await dateCell.click();
  const chooser = crm.getByRole('dialog', { name: 'Churn Radar field picker' });
  await expect(chooser).toBeVisible();
  await expect(chooser).toContainText('Date Created');
  await expect(chooser).toContainText('01/14/2021 09:12am');
  await chooser.getByLabel('Product field').selectOption('customer_since');
  await crm.screenshot({ path: testInfo.outputPath('picker-en.png') });
  await chooser.getByRole('button', { name: 'Save' }).click();
  await expect(crm.getByRole('status').filter({ hasText: '“Date Created” now means Customer since on this site.' })).toBeVisible();
  // The click on the CRM's cell was the picker's, not the CRM's: the page did not navigate.
  expect(crm.url()).toBe(url);

  // Options follows the stored mapping without a reload.
  await expect(dateSelect).toHaveValue('customer_since');
  await expect(table.getByRole('row', { name: /Date Created/ }).getByText('mapped', { exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: /Date Created/ })).toContainText(/[A-Z][a-z]{2} \d{1,2}, 20\d\d/); // parsed as a date
  await options.screenshot({ path: testInfo.outputPath('mapping-section-mapped-en.png'), fullPage: true });

  // The side panel re-reads the customer: tenure now comes from the mapped date.
  await expect(tenure).toContainText('customer-since', { timeout: 15_000 });
  await panel.screenshot({ path: testInfo.outputPath('sidepanel-mapped-en.png'), fullPage: true });
  // The page's badges are still there, one each (re-scored after the change, not duplicated).
  await expect(scoredBadges(crm)).toHaveCount(CUSTOMERS, { timeout: 15_000 });
  expect(await crm.locator('[data-churn-radar-badge]').count()).toBe(CUSTOMERS);
});

test('in Chinese: the popup starts the picker, the chooser is localized, Esc cancels; the mapping section in Chinese', async () => {
  const launched = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const { context, extensionId } = launched;
    const crm = await context.newPage();
    await crm.setViewportSize({ width: 1280, height: 800 });
    const url = `${DEMO_CRM_ORIGIN}/customers?lang=zh`;
    await crm.goto(url);
    await expect(crm.locator('[data-churn-radar-badge][data-churn-radar-state="scored"]').first()).toBeAttached({ timeout: 15_000 });
    const tabId = await tabIdOf(context, url);

    const popup = await openPopup(context, extensionId, tabId);
    await popup.getByRole('button', { name: '在此页面映射字段' }).click();
    await crm.bringToFront();
    await expect(crm.getByRole('status').filter({ hasText: '点击页面上的一个值' })).toBeVisible();
    const cell = crm.locator('table[data-crm="customer-list"] tbody tr td[data-field="MonthlyCharges"]').first();
    await cell.hover();
    await cell.click();
    const chooser = crm.getByRole('dialog', { name: 'Churn Radar 字段选取器' });
    await expect(chooser).toBeVisible();
    // The demo's "月费" column: the synonyms' field comes first, marked as suggested.
    await expect(chooser.getByLabel('产品字段').locator('option').first()).toHaveText('月费（建议）');
    await crm.screenshot({ path: test.info().outputPath('picker-zh.png') });
    await crm.keyboard.press('Escape');
    await expect(chooser).toHaveCount(0);
    await expect(crm.locator('[data-churn-radar-popover="picker"]')).toHaveCount(0);

    const options = await context.newPage();
    await options.setViewportSize({ width: 1280, height: 1000 });
    await options.goto(`chrome-extension://${extensionId}/options.html#/sites/mapping`);
    await expect(options.getByRole('table', { name: '字段映射' })).toBeVisible();
    await expect(options.getByText('建议', { exact: true }).first()).toBeVisible();
    await options.screenshot({ path: test.info().outputPath('mapping-section-zh.png'), fullPage: true });
  } finally {
    await launched.close();
  }
});
