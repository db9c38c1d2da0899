import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import type { Tier } from '@/lib/domain';
import { TIER_STYLE } from '@/lib/risk/tiers';
import { expect, test } from './fixtures';
import { expectedTier, readDetailFields, readListRows, scoredBadgeCount, stopServiceWorker } from './helpers';

const LIST = `${DEMO_CRM_ORIGIN}/customers`;

test('badges every list row with the tier the shipped model gives in Node', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(`${LIST}?size=100`);
  await expect.poll(() => scoredBadgeCount(page)).toBe(100);

  const rows = await readListRows(page);
  expect(rows).toHaveLength(100);
  const tiersSeen = new Set<string>();
  for (const row of rows) {
    const expected = await expectedTier(row.fields);
    expect(row.badge, `badge for ${row.id}`).not.toBeNull();
    expect(Number(row.badge!.probability), `probability for ${row.id}`).toBeCloseTo(expected.probability, 3);
    expect(row.badge!.tier, `tier for ${row.id}`).toBe(String(expected.tier));
    expect(row.badge!.label).toMatch(/Churn risk tier [1-5] \(.+\), probability \d+ %/);
    tiersSeen.add(row.badge!.tier!);
  }
  // A constant answer would pass the comparison above only if the model were constant too.
  expect(tiersSeen.size).toBeGreaterThanOrEqual(3);

  // Styled under the CRM's strict CSP (no inline styles): the tier colour really applies.
  const colours = await page.evaluate(() =>
    [...document.querySelectorAll('[data-churn-radar-badge]')].slice(0, 20).map((host) => {
      const button = host.shadowRoot!.querySelector('button')!;
      return [button.dataset.tier!, getComputedStyle(button).backgroundColor] as const;
    }),
  );
  for (const [tier, colour] of colours) expect(colour, `tier ${tier}`).toBe(hexToRgb(TIER_STYLE[Number(tier) as Tier].bg));
});

function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

test('the badge popover gives reasons, a script to copy and a way to the side panel', async ({ extension }) => {
  const page = await extension.context.newPage();
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: DEMO_CRM_ORIGIN });
  await page.goto(`${LIST}?sort=tenure&dir=asc`);
  await expect.poll(() => scoredBadgeCount(page)).toBe(50);
  const firstRow = page.locator('tbody tr[data-customer-id]').first();
  await firstRow.locator('[data-churn-radar-badge] button').click();

  const dialog = page.locator('[data-churn-radar-popover] [role="dialog"]');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('li')).toHaveCount(3);
  await expect(dialog.locator('li').first()).toContainText(/raises risk/);
  const script = await dialog.locator('.script').textContent();
  expect(script!.length).toBeGreaterThan(40);
  expect(script).not.toMatch(/\{name\}/);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
  await expect(dialog.getByRole('button', { name: 'Open side panel' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('follows SPA navigation to a detail page, badges it, and the side panel shows that customer', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(LIST);
  await expect.poll(() => scoredBadgeCount(page)).toBe(50);
  const [listRow] = await readListRows(page);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await page.locator(`tr[data-customer-id="${listRow!.id}"] [data-field="name"] a`).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${listRow!.id}$`));
  const detailBadge = page.locator('article[data-crm="customer-detail"] [data-churn-radar-badge] button');
  await expect(detailBadge).toHaveAttribute('data-tier', /[1-5]/);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // The background merges what the list showed with what the detail page shows; newest wins.
  const merged = { ...listRow!.fields, ...(await readDetailFields(page)) };
  const expected = await expectedTier(merged);
  await expect(detailBadge).toHaveAttribute('data-tier', String(expected.tier));

  const panel = await extension.context.newPage();
  await panel.goto(`chrome-extension://${extension.extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { name: listRow!.name })).toBeVisible();
  await expect(panel.getByText(`${Math.round(expected.probability * 100)} %`).first()).toBeVisible();
});

test('the options page shows the active model with its metrics and the tier thresholds', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/options.html#/models`);
  await expect(page.getByText('Demo CRM history model').first()).toBeVisible();
  await expect(page.getByText(/0\.8\d/).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Churn & tiers' }).click();
  for (const label of ['minimal', 'low', 'moderate', 'high', 'critical']) {
    await expect(page.getByText(new RegExp(label, 'i')).first()).toBeVisible();
  }
});

test('stored history survives a service-worker restart', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(LIST);
  await expect.poll(() => scoredBadgeCount(page)).toBe(50);
  const [row] = await readListRows(page);
  await page.locator(`tr[data-customer-id="${row!.id}"] [data-field="name"] a`).click();
  await expect(page.locator('article[data-crm="customer-detail"] [data-churn-radar-badge] button')).toHaveAttribute('data-tier', /[1-5]/);

  const viewBefore = await readCustomerView(extension.context, extension.extensionId, row!.id);
  expect(viewBefore.observations).toBeGreaterThanOrEqual(2);

  await stopServiceWorker(extension.context, extension.extensionId);

  const viewAfter = await readCustomerView(extension.context, extension.extensionId, row!.id);
  expect(viewAfter).toMatchObject({ crmId: row!.id, name: row!.name, observations: viewBefore.observations, firstSeen: viewBefore.firstSeen });
  expect(viewAfter.history.length).toBeGreaterThanOrEqual(1);

  // The CRM page's next request wakes the worker again and gets scores.
  await stopServiceWorker(extension.context, extension.extensionId);
  await page.goto(`${LIST}?page=2`);
  await expect.poll(() => scoredBadgeCount(page)).toBe(50);
});

async function readCustomerView(context: import('@playwright/test').BrowserContext, extensionId: string, crmId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const view = await page.evaluate(
    async ([site, id]) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const reply = await runtime.sendMessage({ channel: 'churn-radar', type: 'getCustomerView', payload: { site, crmId: id } });
      return reply as { ok: boolean; data: { crmId: string; name: string; observations: number; firstSeen: number; history: unknown[] } };
    },
    [DEMO_CRM_ORIGIN, crmId] as const,
  );
  await page.close();
  expect(view.ok).toBe(true);
  return view.data;
}
