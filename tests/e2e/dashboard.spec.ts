import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import Papa from 'papaparse';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { expect, test } from './fixtures';
import { readListRows, scoredBadgeCount, type RowOnPage } from './helpers';

const LIST = `${DEMO_CRM_ORIGIN}/customers?sort=tenure&dir=asc`;

async function visitList(context: BrowserContext): Promise<{ crm: Page; rows: RowOnPage[] }> {
  const crm = await context.newPage();
  await crm.goto(LIST);
  await expect.poll(() => scoredBadgeCount(crm)).toBe(50);
  return { crm, rows: await readListRows(crm) };
}

async function openDashboard(page: Page, extensionId: string) {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`chrome-extension://${extensionId}/options.html#/dashboard`);
}

const tile = (page: Page, label: string) => page.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });

test('a fresh profile says what to do; after visiting CRM pages and logging actions the figures match, and the CSV says the same', async ({
  extension,
}, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId } = extension;
  const page = await context.newPage();
  await openDashboard(page, extensionId);
  await expect(page.getByRole('status').filter({ hasText: 'No customer data yet' })).toContainText('customer list');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();

  // Visit the list (50 customers), then two detail pages; log an action and outcome on each in the side panel.
  const { crm, rows } = await visitList(context);
  const churned = rows.filter((r) => r.fields.Status === 'Churned').length;
  const atRisk = rows.filter((r) => Number(r.badge!.tier) >= 3);
  expect(churned).toBeGreaterThan(0);
  expect(atRisk.length).toBeGreaterThan(1);
  const panel = await context.newPage();
  const logOn = async (row: RowOnPage, kind: string, outcome: string) => {
    const href = await crm.locator(`tbody tr[data-customer-id="${row.id}"] [data-field="name"] a`).getAttribute('href');
    const detail = await context.newPage();
    await detail.goto(`${DEMO_CRM_ORIGIN}${href}`);
    await expect(detail.locator('article [data-churn-radar-badge] button[data-tier]')).toBeVisible();
    if (!panel.url().includes('sidepanel')) await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(panel.getByRole('heading', { name: row.name })).toBeVisible();
    const actions = panel.getByRole('region', { name: 'Actions and outcomes' });
    await actions.getByRole('button', { name: kind }).click();
    await expect(actions.locator('li[data-action-id]')).toHaveCount(1);
    await actions.getByRole('group', { name: 'Outcome' }).getByRole('button', { name: outcome }).click();
    await expect(actions.getByText(`Outcome: ${outcome}`)).toBeVisible();
  };
  await logOn(atRisk[0]!, 'Called', 'Retained');
  await logOn(atRisk[1]!, 'Emailed', 'Churned');

  // The detail pages showed more fields, so those customers were re-scored: read the list's badges again.
  await crm.bringToFront();
  await crm.reload();
  await expect.poll(() => scoredBadgeCount(crm)).toBe(50);
  const now = await readListRows(crm);
  const atRiskNow = now.filter((r) => Number(r.badge!.tier) >= 3);
  const valueAtStake = atRiskNow.reduce((sum, r) => sum + Number(r.fields.MonthlyCharges!.replace(/[^0-9.]/g, '')), 0);

  // A recorded outcome is ground truth from when it was logged (as in Churn & tiers): the "retained" customer
  // counts as active now, the "churned" one as churned, whatever the CRM's status says.
  const byStatus = (row: RowOnPage) => row.fields.Status === 'Churned';
  const churnedNow = churned - (byStatus(atRisk[0]!) ? 1 : 0) + (byStatus(atRisk[1]!) ? 0 : 1);
  await page.bringToFront();
  await page.reload();
  await expect(tile(page, 'Churned now')).toContainText(`${churnedNow} of 50 labelled customers`);
  await expect(tile(page, 'Churned now').locator('dd').first()).toHaveText(`${((churnedNow / 50) * 100).toFixed(1)} %`);
  // Everyone was first seen today, labelled by status; only the two outcomes moved anyone since.
  await expect(tile(page, 'Churn rate')).toContainText(`${byStatus(atRisk[1]!) ? 0 : 1} of ${50 - churned} active customers churned`);
  await expect(tile(page, 'Win-back rate')).toContainText(`${byStatus(atRisk[0]!) ? 1 : 0} of ${churned} churned customers came back`);
  await expect(tile(page, 'Customers at risk').locator('dd').first()).toHaveText(String(atRiskNow.length));
  await expect(tile(page, 'Actions taken')).toContainText('1 retained, 1 churned');
  await expect(tile(page, 'Action success rate').locator('dd').first()).toHaveText('50.0 %');
  await expect(tile(page, 'Average lifetime value')).toContainText('Over 50 customers with value data');
  const atRiskRow = page.locator('tr[data-tier-row="at-risk"]');
  await expect(atRiskRow.locator('td').nth(1)).toHaveText(String(atRiskNow.length));
  const rules = page.getByRole('table', { name: 'Outcome rates per playbook rule' });
  await expect(rules.locator('tbody tr')).not.toHaveCount(0);
  await expect(page.locator('.recharts-wrapper')).toHaveCount(4);
  await expect(page.getByText('Churn rate: of the customers active at a period')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-en.png'), fullPage: true });

  // CSV: one row per figure.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await downloading).path(), 'utf8').replace(/^\uFEFF/, '');
  const records = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const total = (metric: string) => records.find((r) => r.section === 'total' && r.metric === metric)?.value;
  expect(total('customers')).toBe('50');
  expect(total('labelled_customers')).toBe('50');
  expect(Number(total('churned_share_at_end'))).toBeCloseTo(churnedNow / 50, 4);
  expect(Number(total('churn_rate'))).toBeCloseTo((byStatus(atRisk[1]!) ? 0 : 1) / (50 - churned), 4);
  expect(total('at_risk')).toBe(String(atRiskNow.length));
  expect(Number(total('value_at_stake'))).toBeCloseTo(valueAtStake, 2);
  expect(total('actions')).toBe('2');
  expect(total('action_success_rate')).toBe('0.5000');
  const ruleActions = records.filter((r) => r.section === 'rule' && r.metric === 'actions').reduce((n, r) => n + Number(r.value), 0);
  expect(ruleActions).toBe(2);
  expect(records.filter((r) => r.section === 'tier' && r.metric === 'customers').reduce((n, r) => n + Number(r.value), 0)).toBe(50);
});

test('Chinese dashboard', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const page = await extension.context.newPage();
    await openDashboard(page, extension.extensionId);
    await expect(page.getByText('还没有客户数据')).toBeVisible();
    await visitList(extension.context);
    await page.bringToFront();
    await page.reload();
    await expect(tile(page, '当前已流失')).toContainText('已判定的 50 位客户中有');
    await expect(page.getByRole('heading', { name: '趋势' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('dashboard-zh.png'), fullPage: true });
  } finally {
    await extension.close();
  }
});

test('10,000 stored customers: the background computes a year of weekly KPIs in chunks, fast enough to wait for', async ({ extension }, testInfo) => {
  test.setTimeout(120_000);
  const { context, extensionId } = extension;
  const page = await context.newPage();
  await openDashboard(page, extensionId);
  await expect(page.getByText('No customer data yet')).toBeVisible();
  // Seed the extension's own database (same origin as the background) with 10,000 customers seen on
  // 10 list pages over a year, a third of them churned by status at the last sighting, each scored.
  const seeded = await page.evaluate(async () => {
    const open = indexedDB.open('churn-radar');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const site = 'http://127.0.0.1:4178';
    const now = Date.now();
    const day = 86_400_000;
    const tx = db.transaction(['customers', 'observationBatches', 'scores'], 'readwrite');
    for (let page = 0; page < 10; page++) {
      const at = now - (300 - page * 30) * day;
      const ids = Array.from({ length: 1000 }, (_, i) => `K${page * 1000 + i}`);
      tx.objectStore('observationBatches').add({
        site,
        observedAt: at,
        pageKind: 'list',
        url: `${site}/customers?page=${page}`,
        adapter: 'demo',
        keys: ids.map((id) => `${site}\u0000${id}`),
        crmIds: ids,
        names: ids,
        fields: ids.map(() => ({ Status: 'Active', MonthlyCharges: '50' })),
      });
      ids.forEach((crmId, i) => {
        const n = page * 1000 + i;
        const churned = n % 3 === 0;
        tx.objectStore('customers').put({
          site,
          crmId,
          name: crmId,
          fields: { Status: churned ? 'Churned' : 'Active', MonthlyCharges: '50', tenure: '12' },
          firstSeen: at,
          lastSeen: now - day,
          lastObservedAt: now - day,
          observationCount: 2,
          value: 50,
        });
        tx.objectStore('scores').add({ site, crmId, scoredAt: at, probability: (n % 100) / 100, tier: (n % 5) + 1, modelId: 'seed', reasons: [] });
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return 10_000;
  });
  expect(seeded).toBe(10_000);
  const timing = await page.evaluate(async () => {
    const started = performance.now();
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    const reply = (await runtime.sendMessage({
      channel: 'churn-radar',
      type: 'getKpis',
      payload: { from: Date.now() - 365 * 86_400_000, to: Date.now(), granularity: 'week' },
    })) as { ok: boolean; data: { customers: number; computeMs: number; snapshot: { churned: number }; periods: unknown[] } };
    return { roundTrip: performance.now() - started, ...reply.data, periods: reply.data.periods.length };
  });
  console.log(`[dashboard.spec] KPIs for 10,000 customers, 53 weeks: ${timing.computeMs} ms in the background, ${timing.roundTrip.toFixed(0)} ms round trip`);
  testInfo.annotations.push({ type: 'kpi-10k-ms', description: String(timing.computeMs) });
  expect(timing.customers).toBe(10_000);
  expect(timing.snapshot.churned).toBe(3334);
  expect(timing.computeMs).toBeLessThan(10_000);
  await page.reload();
  await expect(tile(page, 'Churned now')).toContainText('3,334 of 10,000 labelled customers');
  await expect(page.locator('.recharts-wrapper')).toHaveCount(4);
});
