import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';

/**
 * The production build draws badges in closed shadow roots (lib/content/private-root.ts): the
 * page (and this script) sees only the host, its customer id and its state.
 */
const SCORED = '[data-churn-radar-badge][data-churn-radar-state="scored"]';

/** True once `count` badges beside customers carry a tier. */
export async function waitForBadges(page: Page, count: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((wanted) => document.querySelectorAll('[data-churn-radar-badge][data-churn-radar-state="scored"]').length >= wanted, count, {
    timeout,
  });
}

/** The manager's console, one screenshot per tab (entrypoints/options/tabs/tab-registry.ts). */
const OPTION_TABS = ['dashboard', 'risk', 'playbooks', 'models', 'sites', 'privacy'];

export interface Screenshot {
  name: string;
  path: string;
}

/**
 * The product as a user sees it: the CRM list with badges, the badge popover,
 * a detail page, the side panel for that customer, and the options page.
 */
export async function captureProductScreens(
  context: BrowserContext,
  extensionId: string,
  options: { outDir: string; lang: 'en' | 'zh' },
): Promise<Screenshot[]> {
  const shots: Screenshot[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const path = `${options.outDir}/${name}-${options.lang}.png`;
    await page.screenshot({ path, fullPage });
    shots.push({ name, path });
  };

  const crm = await context.newPage();
  await crm.goto(`${DEMO_CRM_ORIGIN}/customers?lang=${options.lang}&sort=tenure&dir=asc`);
  await waitForBadges(crm, 50);
  await shoot(crm, 'list');

  // A click on the badge reaches the host (events leave a closed root retargeted to it).
  await crm.locator('tbody tr[data-customer-id]').first().locator(SCORED).dispatchEvent('click');
  await crm.locator('[data-churn-radar-popover]').waitFor({ state: 'attached' });
  await crm.waitForTimeout(300); // reasons and script fill in

  await shoot(crm, 'popover');
  await crm.keyboard.press('Escape');

  await crm.locator('tbody tr[data-customer-id] [data-field="name"] a').first().click();
  await crm.locator(`article[data-crm="customer-detail"] ${SCORED}`).waitFor({ state: 'attached' });
  await shoot(crm, 'detail');

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('heading').first().waitFor();
  await panel.waitForTimeout(500);
  await shoot(panel, 'sidepanel', true);

  const options_ = await context.newPage();
  for (const tab of OPTION_TABS) {
    await options_.goto(`chrome-extension://${extensionId}/options.html#/${tab}`);
    await options_.waitForLoadState('networkidle');
    await options_.waitForTimeout(500);
    await shoot(options_, `options-${tab}`, true);
  }
  await options_.goto(`chrome-extension://${extensionId}/welcome.html`);
  await options_.getByRole('heading', { level: 1 }).waitFor();
  await shoot(options_, 'welcome', true);

  // The shoppers space: real purchase histories, indicators from the order lists.
  await crm.goto(`${DEMO_CRM_ORIGIN}/shoppers?lang=${options.lang}`);
  await waitForBadges(crm, 50);
  await shoot(crm, 'shoppers');
  await crm.locator('tbody tr[data-shopper-id] [data-field="name"] a').nth(2).click();
  await crm.locator(`article[data-crm="shopper-detail"] ${SCORED}`).waitFor({ state: 'attached' });
  await shoot(crm, 'shopper-detail');
  await panel.reload();
  await panel.getByRole('heading').first().waitFor();
  await panel.waitForTimeout(500);
  await shoot(panel, 'sidepanel-shopper', true);

  for (const page of [crm, panel, options_]) await page.close();
  return shots;
}
