import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { closedRoot } from './closed-shadow';
import { expect, test } from './fixtures';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/**
 * Teaching a site by one click (issue 14): a people list of cards with no
 * links, ids or header row, which automatic detection cannot read, enabled
 * through the product's flow. The popup offers "Teach this page"; one click
 * on a name finds all 12 cards (the overlay says so, in a closed shadow
 * root), Save → a badge beside every name; a value is named as a product
 * field. The recipe is in the exported mapping file and comes back on
 * import; after a redesign the recipe finds nothing and health names it.
 */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const PATH = '/people';
const CARDS = 12;
const OVERLAY = '[data-churn-radar-popover="teach"]';
let fixtures: FixtureServer;
test.beforeAll(async () => {
  fixtures = await startFixtureServer();
});
test.afterAll(async () => fixtures.close());

const worker = (context: BrowserContext): Worker => context.serviceWorkers()[0]!;
const scoredBadges = (page: Page) => page.locator('[data-churn-radar-badge][data-churn-radar-state="scored"]');

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

/** The CRM tab with the site enabled through the popup (which stays open as a page, ?tab=). */
async function enabledCards(context: BrowserContext, extensionId: string, enable: RegExp): Promise<{ crm: Page; popup: Page; url: string }> {
  const crm = await context.newPage();
  await crm.setViewportSize({ width: 1100, height: 760 });
  const url = `${fixtures.origin}${PATH}`;
  await crm.goto(url);
  const popup = await openPopup(context, extensionId, await tabIdOf(context, url));
  await popup.getByRole('button', { name: enable }).click();
  await expect(popup.getByTestId('teach-page')).toBeVisible();
  return { crm, popup, url };
}

test('teach a list by clicking one name: count, badges, a named field, the mapping file, and a health warning after a redesign', async ({
  extension,
}, testInfo) => {
  test.setTimeout(60_000);
  const { context, extensionId } = extension;
  fixtures.serve(PATH, 'orbit-people-cards');
  const { crm, popup, url } = await enabledCards(context, extensionId, /Enable on this site/);
  // Nothing read here (once the page was seen): the health panel says so and offers teaching first.
  await popup.reload();
  await expect(popup.getByTestId('health-status')).toHaveText('Nothing read on this site yet', { timeout: 15_000 });
  await expect(popup.locator('[data-teach-slot]').getByTestId('teach-page')).toBeVisible();
  await popup.screenshot({ path: testInfo.outputPath('popup-never-read-en.png'), fullPage: true });

  await popup.getByTestId('teach-page').click();
  await crm.bringToFront();
  const overlay = await closedRoot(crm, OVERLAY);
  await expect.poll(() => overlay.mode()).toBe('closed');
  await expect.poll(() => overlay.text('.message')).toContain('Click one customer’s name');
  // Automatic detection read nothing (no badge at all) before the user teaches.
  await expect(crm.locator('[data-churn-radar-badge]')).toHaveCount(0);

  await crm.getByText('Chen Yu', { exact: true }).click();
  await expect.poll(() => overlay.text('.count')).toBe(`${CARDS} customers found`);
  await crm.screenshot({ path: testInfo.outputPath('teach-overlay-en.png') });
  await overlay.click('button.primary:not([hidden])');
  // The click on the name was the overlay's: the page did not navigate; every card now has a badge beside its name.
  expect(crm.url()).toBe(url);
  await expect(scoredBadges(crm)).toHaveCount(CARDS, { timeout: 15_000 });
  // Inside the name's block, on its line (lib/content/badge-spot.ts), not between the name and the line under it.
  expect(await crm.locator('.card .who > [data-churn-radar-badge]').count()).toBe(CARDS);

  // Name a value of a row as a product field.
  await expect.poll(() => overlay.text('.message')).toContain('click a value in a row');
  // A row below the overlay's bar (fixed at the top: it covers the first card).
  await crm.locator('.card', { hasText: 'Dana Okafor' }).locator('.seen').click();
  await expect.poll(() => overlay.visible('.chooser')).toBe(true);
  expect(await overlay.text('dd')).toBe('Seen');
  expect(await overlay.select('select', 'last_activity')).toBe(true);
  await crm.screenshot({ path: testInfo.outputPath('teach-name-value-en.png') });
  await overlay.click('.chooser button.primary');
  await expect.poll(() => overlay.text('.message')).toBe('“Seen” now means Last activity on this site.');
  await overlay.click('.bar button.primary:not([hidden])');
  await expect.poll(() => overlay.mode()).toBeNull();

  // Options → Sites → mapping: the taught page is listed; the exported file carries it.
  const options = await context.newPage();
  await options.setViewportSize({ width: 1280, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html#/sites/mapping`);
  const taught = options.getByRole('table', { name: 'Taught pages' });
  await expect(taught).toContainText('/people');
  await expect(taught).toContainText(`${CARDS} customers expected · fields read: 1`);
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export mapping' }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(file.version).toBe(2);
  expect(file.sites[fixtures.origin]).toEqual({ Seen: 'last_activity' });
  expect(file.recipes[fixtures.origin]).toEqual([
    expect.objectContaining({ id: 'list:/people', kind: 'list', expected: CARDS, fields: [expect.objectContaining({ label: 'Seen' })] }),
  ]);
  await options.screenshot({ path: testInfo.outputPath('taught-pages-en.png'), fullPage: true });

  // Remove it, then import the file: the recipe is back.
  await taught.getByRole('button', { name: 'Remove the taught recipe for /people' }).click();
  await expect(options.getByText('No page taught on this site yet.')).toBeVisible();
  await options
    .locator('input[type="file"]')
    .setInputFiles({ name: 'mapping.json', mimeType: 'application/json', buffer: readFileSync((await download.path())!) });
  await expect(options.getByText('Taught pages imported: 1.')).toBeVisible();
  await expect(taught).toContainText('/people');

  // A later page where the recipe finds nothing: health names the recipe.
  fixtures.serve(PATH, 'orbit-people-redesigned');
  await crm.bringToFront();
  await crm.reload();
  await popup.reload();
  await expect(popup.getByRole('alert')).toContainText('The taught recipe “/people” found no customers (it found 12 when taught)', { timeout: 15_000 });
  await popup.screenshot({ path: testInfo.outputPath('popup-recipe-warning-en.png'), fullPage: true });
});

test('in Chinese: the teaching overlay counts the customers', async () => {
  fixtures.serve(PATH, 'orbit-people-cards');
  const launched = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const { context, extensionId } = launched;
    const { crm, popup } = await enabledCards(context, extensionId, /在此站点启用/);
    await popup.getByTestId('teach-page').click();
    await crm.bringToFront();
    const overlay = await closedRoot(crm, OVERLAY);
    await expect.poll(() => overlay.text('.message')).toContain('点击一位客户的名字');
    await crm.getByText('Hiro Tanaka', { exact: true }).click();
    await expect.poll(() => overlay.text('.count')).toBe(`找到 ${CARDS} 位客户`);
    await crm.screenshot({ path: test.info().outputPath('teach-overlay-zh.png') });
  } finally {
    await launched.close();
  }
});
