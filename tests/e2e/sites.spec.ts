import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { expect, test } from './fixtures';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { openPopup, scoredBadgeCount, tabIdOf } from './helpers';

/**
 * A third-party CRM (a saved SuiteCRM list) on http://localhost:<port>, enabled
 * through the product's own flow: popup or options → permissions.request (the
 * e2e build holds http://localhost/*, so it resolves at once) → the background
 * registers the content script and injects it into the open tab.
 */
/** The few extension APIs these tests call in the service worker (evaluated there, typed here). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]>; executeScript(d: object): Promise<{ result?: unknown }[]> };
};

const LIST_PATH = '/index.php';
const LIST_CUSTOMERS = 10;

let fixtures: FixtureServer;
test.beforeAll(async () => {
  fixtures = await startFixtureServer();
});
test.afterAll(async () => fixtures.close());
test.beforeEach(() => fixtures.serve(LIST_PATH, 'suitecrm-accounts-list'));

const listUrl = () => `${fixtures.origin}${LIST_PATH}?module=Accounts&action=index`;

function worker(context: BrowserContext): Worker {
  return context.serviceWorkers()[0]!;
}

const badgeText = (context: BrowserContext, tabId: number) => worker(context).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
const scriptIdOf = (origin: string) => `crm-site-${Buffer.from(origin).toString('hex')}`;
const registeredIds = (context: BrowserContext) =>
  worker(context).evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));

/** Whether a copy of the content script runs in the tab's top frame (its flag lives in the extension's isolated world). */
const contentScriptRuns = (context: BrowserContext, tabId: number) =>
  worker(context).evaluate(
    async (id) => (await chrome.scripting.executeScript({ target: { tabId: id }, func: () => '__churnRadarContentScript' in globalThis }))[0]?.result === true,
    tabId,
  );

/** No content script runs in the tab (so none can draw later), and none of its badges are in the page. */
async function expectNoBadges(context: BrowserContext, page: Page) {
  const tabId = await tabIdOf(context, page.url());
  await expect.poll(() => contentScriptRuns(context, tabId), { timeout: 10_000 }).toBe(false);
  await expect.poll(() => page.locator('[data-churn-radar-badge]').count(), { timeout: 10_000 }).toBe(0);
}

test('enable a site from the popup: badges without reload, after reload, health warning and badge, disable', async ({ extension }, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId } = extension;
  const workerErrors: string[] = [];
  worker(context).on('console', (message) => message.type() === 'error' && workerErrors.push(message.text()));
  const crm = await context.newPage();
  await crm.goto(listUrl());
  await expect(crm.getByRole('link', { name: 'Cascade Timber Supply' })).toBeVisible();
  await expectNoBadges(context, crm); // not enabled: the manifest does not match localhost
  const tabId = await tabIdOf(context, listUrl());

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('site-host')).toHaveText(new URL(fixtures.origin).host);
  await expect(popup.getByTestId('site-state')).toHaveText('Not enabled on this site');
  await popup.screenshot({ path: testInfo.outputPath('popup-not-enabled-en.png'), fullPage: true });
  await popup.getByRole('button', { name: 'Enable on this site' }).click();
  await expect(popup.getByTestId('site-state')).toHaveText('Enabled on this site');
  await expect(popup.getByRole('status')).toContainText('no reload needed');
  expect((await registeredIds(context)).sort()).toEqual([scriptIdOf(DEMO_CRM_ORIGIN), scriptIdOf(new URL(fixtures.origin).origin)].sort());

  // Scanning started in the open tab, without a reload: one badge per account.
  await crm.bringToFront();
  await expect.poll(() => scoredBadgeCount(crm), { timeout: 15_000 }).toBe(LIST_CUSTOMERS);
  // Injected a second time (enable clicked twice, or onto a tab the registered script already runs in): still one badge each.
  await worker(context).evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: ['content-scripts/crm.js'] }), tabId);
  // The older copy steps down (its badges go) and the new one draws: one host per account, never two.
  await expect.poll(() => scoredBadgeCount(crm), { timeout: 15_000 }).toBe(LIST_CUSTOMERS);
  expect(await crm.locator('[data-churn-radar-badge]').count()).toBe(LIST_CUSTOMERS);
  expect(await contentScriptRuns(context, tabId)).toBe(true);
  await crm.reload();
  await expect.poll(() => scoredBadgeCount(crm), { timeout: 15_000 }).toBe(LIST_CUSTOMERS);
  expect(await crm.locator('[data-churn-radar-badge]').count()).toBe(LIST_CUSTOMERS);

  // Health: the popup shows what was read.
  await popup.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('health-status')).toHaveText('Reading works', { timeout: 10_000 });
  await expect(popup.getByText(/Customers on recent pages: 10/)).toBeVisible();
  await popup.screenshot({ path: testInfo.outputPath('popup-enabled-en.png'), fullPage: true });
  expect(await badgeText(context, tabId)).toBe('');

  // The CRM "redesigns": the same URL now shows a page the adapter cannot read.
  fixtures.serve(LIST_PATH, 'dashboard');
  await crm.bringToFront();
  await crm.reload();
  await expect.poll(() => badgeText(context, tabId), { timeout: 15_000 }).toBe('!');
  await popup.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('health-status')).toHaveText('Reading stopped');
  await expect(popup.getByRole('alert')).toContainText('/index.php?action=index&module=Accounts used to show 10 customers and now shows none');
  await popup.screenshot({ path: testInfo.outputPath('popup-warning-en.png'), fullPage: true });
  // The side panel says the page could not be read, instead of passing old data off as this page's.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  // Its own tab is active: it follows the most recently used other tab, the CRM page.
  await crm.bringToFront(); // tabs.onActivated: the panel follows the CRM tab
  await expect(panel.getByRole('alert').filter({ hasText: 'This page could not be read' })).toBeVisible();
  await panel.screenshot({ path: testInfo.outputPath('sidepanel-unreadable-en.png'), fullPage: true });
  await panel.close();

  // Fixed again: the warning and the action badge clear.
  fixtures.serve(LIST_PATH, 'suitecrm-accounts-list');
  await crm.bringToFront();
  await crm.reload();
  await expect.poll(() => scoredBadgeCount(crm), { timeout: 15_000 }).toBe(LIST_CUSTOMERS);
  await popup.bringToFront();
  await expect(popup.getByTestId('health-status')).toHaveText('Reading works', { timeout: 10_000 }); // the popup follows health events
  expect(await badgeText(context, tabId)).toBe('');
  await expect(popup.getByRole('alert')).toHaveCount(0);

  // Options → Sites lists it and shows its health.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#/sites/enabled-sites`);
  await expect(options.getByRole('table', { name: 'Adapter health' })).toContainText('10 · 0 · 10');
  const sites = options.getByRole('table', { name: 'Enabled sites' });
  await expect(sites.getByRole('row', { name: new RegExp(new URL(fixtures.origin).host) })).toContainText('Reading');
  await expect(sites.getByRole('row', { name: /127\.0\.0\.1:4178/ })).toContainText('Built-in demo');
  await options.screenshot({ path: testInfo.outputPath('options-sites-en.png'), fullPage: true });

  // Disable from the popup: unregistered, and the open tab's badges go at once, without a reload.
  await popup.bringToFront();
  await popup.reload();
  await popup.getByRole('button', { name: 'Disable on this site' }).click();
  await expect(popup.getByTestId('site-state')).toHaveText('Not enabled on this site');
  await expect(popup.getByRole('status').filter({ hasText: 'Disabled. Its badges are gone from open tabs; the stored history stays.' })).toBeVisible();
  expect(await registeredIds(context)).toEqual([scriptIdOf(DEMO_CRM_ORIGIN)]); // the demo CRM's stays
  await popup.screenshot({ path: testInfo.outputPath('popup-disabled-en.png'), fullPage: true });
  await crm.bringToFront();
  await expectNoBadges(context, crm);
  await expect(crm.getByRole('link', { name: 'Cascade Timber Supply' })).toBeVisible();
  await crm.screenshot({ path: testInfo.outputPath('crm-disabled-no-reload-en.png'), fullPage: true });
  // And a reload does not bring them back.
  await crm.reload();
  await expect(crm.getByRole('link', { name: 'Cascade Timber Supply' })).toBeVisible();
  await expectNoBadges(context, crm);
  expect(workerErrors).toEqual([]);
});

test('Chinese: enable a site by address in Options → Sites, badges start in the open tab; popup in Chinese', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const { context, extensionId } = extension;
    const crm = await context.newPage();
    await crm.goto(listUrl());
    await expectNoBadges(context, crm);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#/sites/enabled-sites`);
    await options.getByLabel('站点地址').fill('localhost:1');
    await options.getByRole('button', { name: '启用站点', exact: true }).click();
    // Port 1 is a different origin from the fixture's: enabled, but the open tab is not on it.
    await expect(options.getByRole('status').filter({ hasText: '已启用 localhost:1' })).toBeVisible();
    await options.getByRole('button', { name: '停用 localhost:1' }).click();
    await expect(options.getByRole('status').filter({ hasText: '已停用 localhost:1；其历史记录会保留' })).toBeVisible();

    await options.getByLabel('站点地址').fill('not a site');
    await options.getByRole('button', { name: '启用站点', exact: true }).click();
    await expect(options.getByRole('alert').filter({ hasText: '“not a site”不是有效的网址' })).toBeVisible();

    await options.getByLabel('站点地址').fill(listUrl());
    await options.getByRole('button', { name: '启用站点', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: `已启用 ${new URL(fixtures.origin).host}` })).toBeVisible();
    await crm.bringToFront();
    await expect.poll(() => scoredBadgeCount(crm), { timeout: 15_000 }).toBe(LIST_CUSTOMERS);

    await options.bringToFront();
    await options.reload();
    await expect(options.getByRole('table', { name: '已启用站点' })).toContainText('读取中');
    await expect(options.getByRole('table', { name: '适配器健康' })).toContainText('读取正常', { timeout: 10_000 });
    await options.screenshot({ path: testInfo.outputPath('options-sites-zh.png'), fullPage: true });

    const popup = await openPopup(context, extensionId, await tabIdOf(context, listUrl()));
    await expect(popup.getByTestId('site-state')).toHaveText('已在此站点启用');
    await expect(popup.getByTestId('health-status')).toHaveText('读取正常', { timeout: 10_000 });
    await popup.screenshot({ path: testInfo.outputPath('popup-enabled-zh.png'), fullPage: true });

    // The built-in demo CRM is on out of the box and can be turned off (any local process could serve
    // that port) and on again, like any site; an extension page is not a web page.
    const demo = await context.newPage();
    const demoUrl = `${DEMO_CRM_ORIGIN}/customers?size=25`;
    await demo.goto(demoUrl);
    await expect.poll(() => scoredBadgeCount(demo), { timeout: 15_000 }).toBe(25);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, demoUrl)}`);
    await expect(popup.getByTestId('site-state')).toHaveText('内置演示 CRM——已启用（可以停用）');
    await popup.getByRole('button', { name: '在此站点停用' }).click();
    await expect(popup.getByTestId('site-state')).toHaveText('未在此站点启用');
    await expectNoBadges(context, demo);
    await demo.reload();
    await expectNoBadges(context, demo);
    await popup.getByRole('button', { name: '在此站点启用' }).click();
    await expect(popup.getByTestId('site-state')).toHaveText('内置演示 CRM——已启用（可以停用）');
    await expect.poll(() => scoredBadgeCount(demo), { timeout: 15_000 }).toBe(25);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, options.url())}`);
    await expect(popup.getByTestId('site-state')).toHaveText(/^这不是网页/);
    await expect(popup.getByRole('button', { name: '打开侧边栏' })).toHaveCount(0);
  } finally {
    await extension.close();
  }
});
