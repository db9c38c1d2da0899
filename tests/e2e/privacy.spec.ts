import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect, test } from './fixtures';
import { readListRows, scoredBadgeCount } from './helpers';

/** The extension APIs the page-side evaluations use (tests/e2e has no chrome typings). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: { get(keys: string): Promise<Record<string, unknown>>; set(values: Record<string, unknown>): Promise<void> };
    managed: { get(keys: null): Promise<Record<string, unknown>> };
  };
};

const LIST = `${DEMO_CRM_ORIGIN}/customers`;

/** The demo CRM's adapter health as the background reports it. */
const demoHealth = (page: Page) =>
  page.evaluate(async (origin) => {
    const reply = (await chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'getSiteStatus', payload: { origin } })) as {
      data: { health: { status: string; pagesSeen: number } };
    };
    return reply.data.health;
  }, DEMO_CRM_ORIGIN);
const OTHER_SITE = 'https://crm.other.example';

/** Rows per table as the "By table" list shows them. */
async function tableCounts(page: Page): Promise<Record<string, number>> {
  const rows = page.locator('#stored tr[data-table]');
  await expect(rows.first()).toBeVisible();
  const counts: Record<string, number> = {};
  for (const row of await rows.all())
    counts[(await row.getAttribute('data-table'))!] = Number((await row.locator('[data-rows]').innerText()).replace(/\D/g, ''));
  return counts;
}

/** What the side panel would show for a customer, straight from the background. */
function customerView(page: Page, site: string, crmId: string) {
  return page.evaluate(
    async ([s, id]) => {
      const reply = (await chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'getCustomerView', payload: { site: s, crmId: id } })) as {
        ok: boolean;
        data: Record<string, unknown> | null;
      };
      const view = reply.data;
      return (
        view && {
          name: view.name,
          fields: view.fields,
          observations: view.observations,
          history: (view.history as unknown[]).length,
          activities: (view.activities as unknown[]).length,
          tier: (view.score as { tier: number } | null)?.tier,
        }
      );
    },
    [site, crmId] as const,
  );
}

async function openPrivacy(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#/privacy`);
  await expect(page.locator('#stored')).toBeVisible();
}

/** Browse the demo CRM: a list page of 100 and one detail page (activities, a focused customer). */
async function browseCrm(page: Page) {
  await page.goto(`${LIST}?size=100`);
  await expect.poll(() => scoredBadgeCount(page)).toBe(100);
  const rows = await readListRows(page);
  await page.locator(`tr[data-customer-id="${rows[0]!.id}"] [data-field="name"] a`).click();
  await expect(page.locator('article[data-crm="customer-detail"] [data-churn-radar-badge] button')).toHaveAttribute('data-tier', /[1-5]/);
  return rows;
}

async function exportJson(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^churn-radar-export-.*\.json$/);
  await expect(page.locator('#export').getByRole('status')).toContainText(/Exported [\d,]+ rows/);
  return readFileSync((await file.path())!, 'utf8');
}

async function importText(page: Page, name: string, text: string) {
  await page.getByLabel('Export file (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('export everything, erase everything, import it back: the same rows and the same customer', async ({ extension }, testInfo) => {
  test.setTimeout(120_000);
  const crm = await extension.context.newPage();
  const rows = await browseCrm(crm);
  const focused = rows[0]!;

  const panel = await extension.context.newPage();
  await panel.goto(`chrome-extension://${extension.extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { name: focused.name })).toBeVisible();

  const page = await extension.context.newPage();
  await openPrivacy(page, extension.extensionId);
  // Saved tier thresholds: "Erase everything" removes them, and the open CRM tab hears it.
  await page.evaluate(() => chrome.storage.local.set({ tierThresholds: [0.1, 0.25, 0.45, 0.65] }));
  // Sightings and scores are written after the reply: wait until the counts settle.
  await expect.poll(async () => (await tableCounts(page)).customers, { timeout: 15_000 }).toBe(100);
  await page.reload();
  const before = await tableCounts(page);
  expect(before.observationBatches).toBeGreaterThanOrEqual(2);
  expect(before.scores).toBeGreaterThanOrEqual(100);
  expect(before.activities).toBeGreaterThan(0);
  await expect(page.locator(`#stored tr[data-site="${DEMO_CRM_ORIGIN}"]`)).toContainText('100');
  const viewBefore = await customerView(page, DEMO_CRM_ORIGIN, focused.id);
  expect(viewBefore).toMatchObject({ name: focused.name });
  await page.screenshot({ path: testInfo.outputPath('privacy-stored-en.png'), fullPage: true });
  expect((await demoHealth(page)).pagesSeen).toBeGreaterThan(0);

  const text = await exportJson(page);
  const file = JSON.parse(text) as { format: string; version: number; tables: Record<string, unknown[]>; settings: Record<string, unknown> };
  expect(file).toMatchObject({ format: 'churn-radar-export', version: 1 });
  for (const [table, count] of Object.entries(before)) expect(file.tables[table], table).toHaveLength(count);

  // CSV per table: a real zip whose customers.csv has a header and one line per customer.
  const zipDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV per table (zip)' }).click();
  const files = unzipSync(readFileSync((await (await zipDownload).path())!));
  expect(Object.keys(files)).toContain('customers.csv');
  expect(strFromU8(files['customers.csv']!).trim().split(/\r\n/)).toHaveLength(101);

  // Erase everything: the button waits for the typed word.
  const eraseAll = page.getByRole('button', { name: 'Erase everything' });
  await expect(eraseAll).toBeDisabled();
  await page.getByLabel('Type ERASE to confirm').fill('erase');
  const answered = () => crm.evaluate(() => performance.getEntriesByName('churn-radar:scores-received').length);
  const answeredBefore = await answered();
  await eraseAll.click();
  await expect(page.locator('#erase').getByRole('status')).toContainText(/Erased [\d,]+ rows and all settings/);
  // The removed thresholds make the open detail page ask for scores again: it is re-scored, not recorded again.
  await expect.poll(answered).toBeGreaterThan(answeredBefore);
  const stored = await page.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'getDataSummary', payload: {} })) as {
      data: { tables: { table: string; rows: number }[] };
    };
    return reply.data.tables.find((t) => t.table === 'customers')?.rows;
  });
  expect(stored).toBe(0);
  await expect.poll(async () => (await tableCounts(page)).customers).toBe(0);
  const erased = await tableCounts(page);
  for (const table of ['customers', 'observationBatches', 'scores', 'activities', 'indicators']) expect(erased[table], table).toBe(0);
  expect(await customerView(page, DEMO_CRM_ORIGIN, focused.id)).toBeNull();
  // The open side panel drops the erased customer instead of showing it from memory.
  await expect(panel.getByRole('heading', { name: focused.name })).toHaveCount(0);
  // Adapter health the background held in memory is erased too (it used to be saved back a moment later).
  expect(await demoHealth(page)).toMatchObject({ status: 'no-data', pagesSeen: 0 });
  await page.screenshot({ path: testInfo.outputPath('privacy-erased-en.png'), fullPage: true });

  await importText(page, 'backup.json', text);
  const summary = page.getByRole('status', { name: 'Import summary' });
  await expect(summary).toContainText('Imported backup.json');
  await expect(summary.locator('tr[data-table="customers"] [data-added]')).toHaveText('100');
  // Every row and setting this browser stored passes the import's strict checks (a refused one would refuse the file).
  await expect(summary).toContainText(/Settings: \d+ restored, \d+ kept as they are here\./);
  await expect.poll(async () => (await tableCounts(page)).customers).toBe(100);
  const after = await tableCounts(page);
  for (const table of ['customers', 'observationBatches', 'scores', 'activities', 'indicators', 'actions', 'feedback', 'overrides', 'models'])
    expect(after[table], table).toBe(before[table]);
  expect(await customerView(page, DEMO_CRM_ORIGIN, focused.id)).toEqual(viewBefore);
  await page.locator('#import').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('privacy-imported-en.png'), fullPage: true });

  // The same file again adds nothing.
  await importText(page, 'backup-again.json', text);
  await expect(summary).toContainText('Imported backup-again.json');
  await expect(summary.locator('tr[data-table="customers"] [data-added]')).toHaveText('0');
  await expect(summary.locator('tr[data-table="scores"] [data-skipped]')).toHaveText(String(before.scores));
  expect((await tableCounts(page)).scores).toBe(before.scores);
});

test('erase one site keeps the others; a malformed file is rejected with a message and changes nothing', async ({ extension }, testInfo) => {
  test.setTimeout(90_000);
  const crm = await extension.context.newPage();
  await browseCrm(crm);
  const page = await extension.context.newPage();
  await openPrivacy(page, extension.extensionId);
  await expect.poll(async () => (await tableCounts(page)).customers, { timeout: 15_000 }).toBe(100);

  // A second site's customers arrive by import (a colleague's export).
  const other = {
    format: 'churn-radar-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    dbVersion: 4,
    tables: {
      customers: [1, 2, 3].map((i) => ({
        site: OTHER_SITE,
        crmId: `o${i}`,
        name: `Other ${i}`,
        fields: { Plan: 'Gold' },
        firstSeen: 1,
        lastSeen: 2,
        lastObservedAt: 2,
        observationCount: 1,
      })),
      scores: [{ site: OTHER_SITE, crmId: 'o1', scoredAt: 2, probability: 0.7, tier: 4, modelId: 'm', reasons: [] }],
    },
    settings: {},
  };
  await importText(page, 'other-site.json', JSON.stringify(other));
  await expect(page.getByRole('status', { name: 'Import summary' })).toContainText('4 added');
  await expect(page.locator(`#stored tr[data-site="${OTHER_SITE}"]`)).toContainText('crm.other.example');
  const withOther = await tableCounts(page);
  expect(withOther.customers).toBe(103);

  // Malformed files: not JSON, another format.
  await importText(page, 'broken.json', '{"format":"churn-radar-export","tables":');
  const alert = page.locator('#import').getByRole('alert');
  await expect(alert).toContainText('broken.json was not imported');
  await expect(alert).toContainText('not valid JSON');
  await expect(alert).toContainText('Nothing was changed.');
  await importText(page, 'playbook.json', JSON.stringify({ format: 'churn-radar-playbook', version: 1 }));
  await expect(alert).toContainText('not a Churn Radar export');
  await page.locator('#import').scrollIntoViewIfNeeded();
  await page.locator('#import').screenshot({ path: testInfo.outputPath('privacy-import-rejected-en.png') });
  expect(await tableCounts(page)).toEqual(withOther);

  // Erase the other site only, after typing its host.
  await page.getByLabel('Site', { exact: true }).selectOption(OTHER_SITE);
  const eraseSite = page.getByRole('button', { name: 'Erase crm.other.example' });
  await expect(eraseSite).toBeDisabled();
  await page.getByLabel('Type crm.other.example to confirm').fill('crm.other.example');
  await eraseSite.click();
  await expect(page.locator('#erase').getByRole('status')).toContainText('Erased 4 rows of crm.other.example');
  await expect(page.locator(`#stored tr[data-site="${OTHER_SITE}"]`)).toHaveCount(0);
  const afterErase = await tableCounts(page);
  expect(afterErase.customers).toBe(100);
  expect(afterErase.scores).toBe(withOther.scores! - 1);

  // Retention: validated before it is saved.
  const retention = page.getByLabel('Keep history for (days)');
  await retention.fill('12.5');
  await expect(page.locator('#retention')).toContainText('Enter a whole number of days.');
  await retention.fill('10');
  await expect(page.locator('#retention')).toContainText('Enter between 30 and 3650 days.');
  await expect(page.locator('#retention').getByRole('button', { name: 'Save' })).toBeDisabled();
  await retention.fill('90');
  await page.locator('#retention').getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#retention').getByRole('status')).toContainText('older than 90 days');
  await expect(page.locator('#stored')).toContainText('kept 90 days');
});

test('the data & privacy tab in Chinese', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const crm = await extension.context.newPage();
    await crm.goto(`${LIST}?size=100`);
    await expect.poll(() => scoredBadgeCount(crm)).toBe(100);
    const page = await extension.context.newPage();
    await openPrivacy(page, extension.extensionId);
    await expect.poll(async () => (await tableCounts(page)).customers, { timeout: 15_000 }).toBe(100);
    await expect(page.getByRole('heading', { name: '已存储的数据' })).toBeVisible();
    await expect(page.getByRole('button', { name: '导出全部数据（JSON）' })).toBeVisible();
    await expect(page.getByRole('button', { name: '清除全部数据' })).toBeDisabled();
    await page.getByLabel('输入“全部清除”以确认').fill('全部清除');
    await expect(page.getByRole('button', { name: '清除全部数据' })).toBeEnabled();
    await page.screenshot({ path: testInfo.outputPath('privacy-zh.png'), fullPage: true });
  } finally {
    await extension.close();
  }
});
