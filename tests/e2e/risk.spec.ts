import type { Page } from '@playwright/test';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect, test } from './fixtures';
import { scoredBadgeCount } from './helpers';

/**
 * Churn & tiers on real stored customers: the demo CRM's list pages are
 * visited first (Telco customers with Status and monthly charges, CDNOW
 * shoppers with last-purchase dates), so every number here comes from what
 * the extension stored while those pages were open.
 */
async function visitLists(page: Page) {
  for (const url of [`${DEMO_CRM_ORIGIN}/customers?size=500`, `${DEMO_CRM_ORIGIN}/shoppers?size=250`]) {
    await page.goto(url);
    const rows = url.includes('shoppers') ? 250 : 500;
    await expect.poll(() => scoredBadgeCount(page), { timeout: 30_000 }).toBe(rows);
  }
}

async function openRiskTab(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#/risk`);
  await expect(page.getByTestId('risk-tier-table')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('churn-counts')).toBeVisible({ timeout: 30_000 });
}

async function shoot(page: Page, id: string, path: string) {
  await page.mouse.move(0, 0); // no chart tooltip left over from the last hover
  // Tall enough for the whole section, so the sticky console header does not cover its top.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.evaluate((target) => window.scrollTo(0, document.getElementById(target)!.getBoundingClientRect().top + window.scrollY - 120), id);
  await page.locator(`#${id}`).screenshot({ path, animations: 'disabled' });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const tierShare = (page: Page, tier: number) => page.locator(`tr[data-tier-row="${tier}"] [data-share]`).innerText();
const count = (page: Page, kind: string) =>
  page
    .locator(`[data-count="${kind}"]`)
    .innerText()
    .then((t) => Number(t.replace(/[^\d]/g, '')));
const sliderValue = (page: Page, tier: number) => page.locator(`[data-tier-handle="${tier}"]`).getAttribute('aria-valuenow').then(Number);

test('churn definition counts, tiers by quantile, profit-curve cut-off, risk × value matrix (English)', async ({ extension }, testInfo) => {
  test.setTimeout(180_000);
  const crm = await extension.context.newPage();
  await visitLists(crm);
  const badgeTiersBefore = await crm.evaluate(() =>
    [...document.querySelectorAll('[data-churn-radar-badge]')].map((h) => h.shadowRoot?.querySelector('button')?.dataset.tier).join(''),
  );

  const page = await extension.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openRiskTab(page, extension.extensionId);

  // 1. Churn definition: status values come from the stored customers; the counts follow the inactivity days live.
  const churn = page.locator('#churn');
  await expect(churn.getByRole('checkbox', { name: /^Churned \d/ })).toBeChecked();
  await expect(churn.getByRole('checkbox', { name: /^Active \d/ })).not.toBeChecked();
  await expect.poll(() => count(page, 'churned')).toBeGreaterThan(0);
  const churnedAt180 = await count(page, 'churned');
  await churn.getByLabel('Days without activity').fill('30');
  await expect.poll(() => count(page, 'churned')).toBeGreaterThan(churnedAt180);
  const churnedAt30 = await count(page, 'churned');
  await churn.getByLabel('Days without activity').fill('0');
  await expect(churn.getByRole('alert')).toContainText('whole number from 1 to 3650');
  await expect(churn.getByRole('button', { name: 'Save definition' })).toBeDisabled();
  await churn.getByLabel('Days without activity').fill('30');
  await expect.poll(() => count(page, 'churned')).toBe(churnedAt30);
  await shoot(page, 'churn', testInfo.outputPath('risk-churn-en.png'));
  await churn.getByRole('button', { name: 'Save definition' }).click();
  await expect(churn.getByText('Saved', { exact: true })).toBeVisible();

  // 2. Tiers by quantile: "top 2 % = tier 5" and the table follows.
  const tiers = page.locator('#tiers');
  const shareBefore = await tierShare(page, 5);
  await tiers.getByLabel('Tier 5 (top %)').fill('2');
  await tiers.getByLabel('Tier 4 (top %)').fill('8');
  await tiers.getByLabel('Tier 3 (top %)').fill('20');
  await tiers.getByLabel('Tier 2 (top %)').fill('30');
  await tiers.getByRole('button', { name: 'Apply shares' }).click();
  await expect.poll(() => tierShare(page, 5)).not.toBe(shareBefore);
  const share5 = Number((await tierShare(page, 5)).replace(/[^\d.]/g, ''));
  expect(share5).toBeGreaterThanOrEqual(1.5);
  expect(share5).toBeLessThanOrEqual(3);
  const share1 = Number((await tierShare(page, 1)).replace(/[^\d.]/g, ''));
  expect(share1).toBeGreaterThan(35);
  // The handles are sliders too: the keyboard moves tier 5's start and the table follows.
  const t5 = await sliderValue(page, 5);
  await page.locator('[data-tier-handle="5"]').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => sliderValue(page, 5)).toBeLessThan(t5);
  // Dragging tier 3's handle to the middle of the axis starts tier 3 at about 50 %.
  const handle3 = page.locator('[data-tier-handle="3"]');
  await handle3.scrollIntoViewIfNeeded();
  const axis = (await handle3.locator('..').boundingBox())!;
  const grip = (await handle3.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(axis.x + axis.width * 0.5, grip.y + grip.height / 2, { steps: 8 });
  await page.mouse.up();
  expect(Math.abs((await sliderValue(page, 3)) - 50)).toBeLessThan(1.5);
  await expect(page.locator('tr[data-tier-row="3"]')).toContainText('50 %');
  await tiers.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(tiers.getByText(/Saved: open CRM tabs re-badge now/)).toBeVisible();
  await shoot(page, 'tiers', testInfo.outputPath('risk-tiers-en.png'));

  // The open CRM tab re-badges with the saved thresholds, without a reload: every badge's tier is its probability's tier under them.
  const saved = ((await page.evaluate('chrome.storage.local.get("tierThresholds")')) as { tierThresholds: number[] }).tierThresholds;
  const badgesOffThresholds = () =>
    crm.evaluate((thresholds) => {
      const buttons = [...document.querySelectorAll('[data-churn-radar-badge]')].map((h) => h.shadowRoot?.querySelector('button'));
      return buttons.filter((b) => {
        const p = Number(b?.dataset.probability);
        const tier = 1 + thresholds.filter((t) => p >= t).length;
        // probabilities are shown to 4 decimals: one within rounding of a threshold may fall either side
        const nearCut = thresholds.some((t) => Math.abs(p - t) < 0.0001);
        return !nearCut && String(tier) !== b?.dataset.tier;
      }).length;
    }, saved);
  await expect.poll(badgesOffThresholds, { timeout: 15_000 }).toBe(0);
  expect(
    await crm.evaluate(() =>
      [...document.querySelectorAll('[data-churn-radar-badge]')].map((h) => h.shadowRoot?.querySelector('button')?.dataset.tier).join(''),
    ),
  ).not.toBe(badgeTiersBefore);

  // 3. Risk × value (under the quantile thresholds saved above): a cell lists its customers with links to the CRM.
  const matrix = page.locator('#matrix');
  // The cells say their counts; the riskiest non-empty one is opened (with 2 % in tier 5 most high-risk customers may be value-less shoppers).
  const labels = await matrix.getByRole('button', { name: /customers, .* at stake$/ }).evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label')!));
  expect(labels).toHaveLength(4);
  const counted = labels.map((label) => ({ label, n: Number(label.match(/: ([\d,]+) customers/)![1]!.replace(/,/g, '')) }));
  const target = counted.find((c) => c.label.startsWith('High risk') && c.n > 0) ?? counted.find((c) => c.n > 0)!;
  const cellCount = target.n;
  expect(cellCount).toBeGreaterThan(0);
  const cell = matrix.getByRole('button', { name: target.label, exact: true });
  await cell.click();
  const rows = page.getByTestId('matrix-customers').locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(50, cellCount));
  // A customer seen only on list pages has no CRM page stored yet; once its detail page is opened, the list links to it.
  const first = await rows.first().getAttribute('data-crm-id');
  await expect(rows.first().getByRole('link')).toHaveCount(0);
  await crm.goto(`${DEMO_CRM_ORIGIN}/customers/${first}`);
  await expect(crm.locator('article[data-crm="customer-detail"] [data-churn-radar-badge] button')).toHaveAttribute('data-tier', /[1-5]/);
  await page.reload();
  await expect(page.getByTestId('risk-tier-table')).toBeVisible({ timeout: 30_000 });
  // Its detail page shows more fields, so its score (and cell) may have moved: look in every cell.
  const cells = matrix.getByRole('button', { name: /customers, .* at stake$/ });
  let link = null;
  for (let i = 0; i < 4 && !link; i++) {
    await cells.nth(i).click();
    const row = page.getByTestId('matrix-customers').locator(`tr[data-crm-id="${first}"]`);
    if (await row.count()) link = row.getByRole('link');
  }
  expect(link, 'the visited customer is in one of the cells').not.toBeNull();
  await expect(link!).toHaveAttribute('href', `${DEMO_CRM_ORIGIN}/customers/${first}`);
  await shoot(page, 'matrix', testInfo.outputPath('risk-matrix-en.png'));
  await matrix.getByRole('radio', { name: '3 × 3' }).click();
  await expect(matrix.getByRole('button', { name: /^Medium risk, Medium value/ })).toBeVisible();
  // 4. Profit curve: a dearer action moves the optimum up; applying it sets tier 3's threshold.
  const profit = page.locator('#profit');
  await profit.getByLabel('Cost of one retention action').fill('5');
  const best = () => profit.locator('[data-best-threshold]').getAttribute('data-best-threshold').then(Number);
  await expect(profit.getByTestId('profit-best')).toBeVisible();
  const cheap = await best();
  await profit.getByLabel('Cost of one retention action').fill('150');
  await expect.poll(best).toBeGreaterThan(cheap);
  const dear = await best();
  await expect(profit.getByTestId('profit-best')).toContainText(/Precision\s*[\d.]+ %/);
  await expect(profit.getByTestId('profit-best')).toContainText(/Recall\s*[\d.]+ %/);
  await shoot(page, 'profit', testInfo.outputPath('risk-profit-en.png'));
  await profit.getByRole('button', { name: 'Start tier 3 at this cut-off' }).click();
  await expect.poll(() => sliderValue(page, 3)).toBeCloseTo(dear * 100, 1);
  // What the background scores with now: the stored thresholds (read in the extension page).
  const stored = (await page.evaluate('chrome.storage.local.get("tierThresholds")')) as { tierThresholds: number[] };
  expect(stored.tierThresholds[1]).toBeCloseTo(dear, 5);
  await profit.getByLabel('Expected success rate').fill('150');
  await expect(profit.getByRole('alert')).toContainText('from 0 % to 100 %');
  await profit.getByLabel('Expected success rate').fill('30');

  await page.screenshot({ path: testInfo.outputPath('risk-tab-en.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('Churn & tiers in Chinese', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const crm = await extension.context.newPage();
    await visitLists(crm);
    const page = await extension.context.newPage();
    await openRiskTab(page, extension.extensionId);
    await expect(page.locator('#churn')).toContainText('流失的判定标准');
    await expect(page.locator('#tiers')).toContainText('按客户占比设置等级');
    await expect(page.locator('#profit')).toContainText('收益曲线');
    await page
      .locator('#matrix')
      .getByRole('button', { name: /^高风险、高价值/ })
      .click();
    await expect(page.getByTestId('matrix-customers')).toBeVisible();
    for (const id of ['churn', 'tiers', 'profit', 'matrix']) await shoot(page, id, testInfo.outputPath(`risk-${id}-zh.png`));
  } finally {
    await extension.close();
  }
});
