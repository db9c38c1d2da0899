import type { BrowserContext } from '@playwright/test';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { expect, test } from './fixtures';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/** The few extension APIs evaluated in the service worker. */
declare const chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } };

let fixtures: FixtureServer;
test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  fixtures.serve('/index.php', 'suitecrm-accounts-list');
});
test.afterAll(async () => fixtures.close());

const registeredMatches = (context: BrowserContext) =>
  context.serviceWorkers()[0]!.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []));

test('the first-run page explains the product and enables a CRM through the same flow as Options → Sites', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/welcome.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Radar is ready');
  await expect(page.getByRole('note')).toContainText('Nothing leaves your browser.');
  for (const role of ['Sales reps — badges', 'Support agents — side panel', 'Managers — options'])
    await expect(page.getByRole('heading', { name: role })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the demo CRM' })).toHaveAttribute('href', 'http://127.0.0.1:4178/customers');

  await page.getByLabel('Site address').fill('not a site');
  await page.getByRole('button', { name: 'Enable site' }).click();
  await expect(page.getByRole('alert')).toContainText('not a site');

  const host = new URL(fixtures.origin).host;
  await page.getByLabel('Site address').fill(fixtures.origin);
  await page.getByRole('button', { name: 'Enable site' }).click();
  await expect(page.getByRole('status')).toContainText(host);
  await expect.poll(() => registeredMatches(extension.context)).toContain(`${fixtures.origin}/*`);
  await page.screenshot({ path: test.info().outputPath('welcome-en.png'), fullPage: true });

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(popup.getByRole('link', { name: 'Getting started' })).toHaveAttribute('href', `chrome-extension://${extension.extensionId}/welcome.html`);
});

test('the first-run page in Chinese', async () => {
  const zh = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const page = await zh.context.newPage();
    await page.goto(`chrome-extension://${zh.extensionId}/welcome.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Churn Radar 已就绪');
    await expect(page.getByRole('note')).toContainText('数据不会离开您的浏览器。');
    await page.screenshot({ path: test.info().outputPath('welcome-zh.png'), fullPage: true });
  } finally {
    await zh.close();
  }
});
