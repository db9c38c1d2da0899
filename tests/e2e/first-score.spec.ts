import { renderedCustomers, waitForKitPage } from '../../scripts/lib/kit-pages';
import { ensureKitsBuilt } from '../fixtures/kits/build';
import { KIT_PAGES } from '../fixtures/kits/pages';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { expect, test } from './fixtures';
import { enableFromPopup, scoredBadgeCount } from './helpers';

/**
 * A site nobody trained a model on (the MUI admin kit: a shop's customers with
 * last seen, orders and total spent) gets a sensible first score: BG/NBD
 * fitted on its own customers, tiers by the site's quantiles — not the demo
 * CRM's model, which made every customer there tier 5 (issue 14) — and the
 * badge, popover and side panel say it is a ranking, not yet a probability.
 */
let server: FixtureServer;
test.beforeAll(async () => {
  await ensureKitsBuilt();
  server = await startFixtureServer();
});
test.afterAll(async () => server.close());

test('a new site is ranked by its own customers: tiers spread, and the score says it is a ranking', async ({ extension }, testInfo) => {
  const { context, extensionId } = extension;
  const list = KIT_PAGES.find((page) => page.kit === 'mui' && page.kind === 'list')!;
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const crm = await context.newPage();
  await crm.goto(`${server.origin}${list.path}`);
  await waitForKitPage(crm, list);
  const customers = await renderedCustomers(crm, list);
  await enableFromPopup(context, extensionId, crm);
  await expect.poll(() => scoredBadgeCount(crm), { timeout: 15_000 }).toBe(customers.length);

  const badges = await crm.locator('[data-churn-radar-badge] button[data-tier]').evaluateAll((buttons) =>
    buttons.map((b) => ({ tier: Number((b as HTMLElement).dataset.tier), label: b.getAttribute('aria-label') ?? '' })),
  );
  const perTier = [1, 2, 3, 4, 5].map((tier) => badges.filter((b) => b.tier === tier).length);
  console.log(`[first-score.spec] ${badges.length} customers on a new site, per tier 1..5: ${perTier.join(' / ')}`);
  expect(perTier.filter((n) => n > 0).length, `tiers used: ${perTier}`).toBeGreaterThanOrEqual(3);
  expect(perTier[4], 'tier 5 is the riskiest tenth or so, not a wall').toBeLessThanOrEqual(Math.ceil(badges.length * 0.2));
  for (const badge of badges) expect(badge.label).toMatch(/^Churn risk tier [1-5] \(.+\), riskier than \d+ % of this site’s customers$/);

  // The riskiest customer's popover: its percentile, that it is a ranking, and which scorer made it.
  const riskiest = crm.locator('[data-churn-radar-badge] button[data-tier="5"]').first();
  await riskiest.click();
  const dialog = crm.locator('[data-churn-radar-popover] [role="dialog"]');
  await expect(dialog.locator('.prob')).toHaveText(/^Riskier than (8|9)\d % of the customers seen on this site$/);
  await expect(dialog.locator('.meta')).toHaveText('A ranking on this site, not yet a calibrated probability · scored by the purchase-pattern model (BG/NBD)');
  // Its title is the customer's name as the list shows it, without the avatar's initial glued to it ("TTobias Hughes").
  expect(customers.map((c) => c.name)).toContain(await dialog.locator('.title').textContent());
  await crm.screenshot({ path: testInfo.outputPath('first-score-popover-en.png') });

  // The side panel follows the badge's customer and says the same.
  await expect(panel.getByTestId('score-summary')).toHaveAttribute('data-ranking', 'true');
  await expect(panel.getByTestId('score-provenance')).toContainText('A ranking on this site, not yet a calibrated probability');
  await panel.screenshot({ path: testInfo.outputPath('first-score-sidepanel-en.png') });
});
