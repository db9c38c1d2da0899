import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect, test } from './fixtures';
import { scoredBadgeCount } from './helpers';

const LIST = `${DEMO_CRM_ORIGIN}/customers`;

/** Open two customers' detail pages in two tabs; returns their names. */
async function twoCustomers(context: import('@playwright/test').BrowserContext) {
  const list = await context.newPage();
  await list.goto(`${LIST}?sort=tenure&dir=asc`);
  await expect.poll(() => scoredBadgeCount(list)).toBe(50);
  const links = list.locator('tbody tr[data-customer-id] [data-field="name"] a');
  const [first, second] = [await links.nth(11).getAttribute('href'), await links.nth(12).getAttribute('href')];
  const [nameA, nameB] = [(await links.nth(11).textContent())!.trim(), (await links.nth(12).textContent())!.trim()];
  await list.close();
  const a = await context.newPage();
  await a.goto(`${DEMO_CRM_ORIGIN}${first}`);
  await expect(a.locator('article [data-churn-radar-badge] button[data-tier]')).toBeVisible();
  const b = await context.newPage();
  await b.goto(`${DEMO_CRM_ORIGIN}${second}`);
  await expect(b.locator('article [data-churn-radar-badge] button[data-tier]')).toBeVisible();
  return { a, b, nameA, nameB };
}

test('the side panel follows the active tab, logs an action and its outcome, copies a script, flags a score and pins a tier', async ({ extension }) => {
  const { context, extensionId } = extension;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { a, nameA, nameB } = await twoCustomers(context);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { name: nameB })).toBeVisible();

  // Switching to the first customer's tab brings that customer back.
  await a.bringToFront();
  await expect(panel.getByRole('heading', { name: nameA })).toBeVisible();
  // Then the panel itself in front: a hidden tab paints no frames, and every click there waits seconds
  // for its target to be "stable". It still follows the CRM tab (the last web tab in front).
  await panel.bringToFront();
  await expect(panel.getByRole('heading', { name: nameA })).toBeVisible();

  // Copy the call version of the script.
  await panel.getByRole('tab', { name: 'Call talk track' }).click();
  const script = panel.getByRole('tabpanel');
  const talkTrack = (await script.textContent())!.trim();
  expect(talkTrack.length).toBeGreaterThan(40);
  await panel.getByRole('region', { name: 'Suggested retention script' }).getByRole('button', { name: 'Copy' }).click();
  expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(talkTrack);

  // Log an action, then its outcome: two clicks.
  const actions = panel.getByRole('region', { name: 'Actions and outcomes' });
  await actions.getByRole('button', { name: 'Called' }).click();
  await expect(actions.locator('li[data-action-id]')).toHaveCount(1);
  await actions.getByRole('group', { name: 'Outcome' }).getByRole('button', { name: 'Retained' }).click();
  await expect(actions.getByText('Outcome: Retained')).toBeVisible();

  // "Score looks wrong".
  const controls = panel.getByRole('region', { name: 'Score looks wrong? Pin a tier' });
  await controls.getByLabel('Too low').check();
  await controls.getByPlaceholder(/Why/).fill('Told us they are moving to a competitor');
  await controls.getByRole('button', { name: 'Send feedback' }).click();
  await expect(controls.getByRole('status')).toContainText('feedback is stored');

  // Pin tier 5 for a week: the badge on the CRM page shows it, marked as pinned.
  await controls.getByLabel('Tier', { exact: true }).selectOption('5');
  await controls.getByPlaceholder('Reason for pinning').fill('CEO escalation');
  await controls.getByRole('button', { name: 'Pin tier' }).click();
  await expect(controls.locator('[data-override]')).toContainText('Pinned to tier 5');
  await panel.screenshot({ path: test.info().outputPath('sidepanel-agent.png'), fullPage: true });
  await a.bringToFront();
  await a.reload();
  const badge = a.locator('article [data-churn-radar-badge] button');
  await expect(badge).toHaveAttribute('data-tier', '5');
  await expect(badge).toHaveAttribute('class', /pinned/);
  await expect(badge).toHaveAttribute('aria-label', /tier pinned: CEO escalation/);

  // The worklist lists the pinned customer.
  await panel.bringToFront();
  await panel.getByRole('tab', { name: 'Worklist' }).click();
  const item = panel.locator('[data-worklist-item]').filter({ hasText: nameA });
  await expect(item).toBeVisible();
  await expect(item).toContainText('tier pinned');
  await panel.screenshot({ path: test.info().outputPath('sidepanel-worklist.png'), fullPage: true });
});
