import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect, test } from './fixtures';

/**
 * An axe-core audit of every page a user sees, in the light and the dark
 * scheme (the pages follow the browser's): no serious or critical violation.
 * Moderate and minor findings are printed, not failed on.
 */
const SCHEMES = ['light', 'dark'] as const;
const OPTION_TABS = ['dashboard', 'risk', 'playbooks', 'models', 'sites', 'privacy'];

/** Findings of every page, asserted once at the end so one run lists them all. */
async function audit(page: Page, what: string, found: string[], include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations.filter((v) => !blocking.includes(v))) console.log(`[a11y] ${what}: ${v.impact} ${v.id} (${v.nodes.length})`);
  for (const v of blocking)
    for (const node of v.nodes.slice(0, 5))
      found.push(
        `${what}: ${v.impact} ${v.id} — ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ')} — ${node.html.slice(0, 120)}`,
      );
}

for (const scheme of SCHEMES) {
  test(`extension pages have no serious accessibility violations (${scheme})`, async ({ extension }) => {
    test.setTimeout(300_000);
    const base = `chrome-extension://${extension.extensionId}`;
    const found: string[] = [];
    const crm = await extension.context.newPage();
    await crm.goto(`${DEMO_CRM_ORIGIN}/customers`);
    await crm.locator('[data-churn-radar-badge] button[data-tier]').first().waitFor();

    const page = await extension.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${base}/popup.html`);
    await page.locator('main').waitFor();
    await audit(page, `popup (${scheme})`, found);

    await page.goto(`${base}/welcome.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await audit(page, `welcome (${scheme})`, found);

    await page.goto(`${base}/sidepanel.html`);
    await page.locator('main').first().waitFor();
    await audit(page, `side panel (${scheme})`, found);

    for (const tab of OPTION_TABS) {
      await page.goto(`${base}/options.html#/${tab}`);
      await page.locator('[role="tabpanel"], main').first().waitFor();
      await page.waitForLoadState('networkidle');
      await audit(page, `options ${tab} (${scheme})`, found);
    }

    await crm.emulateMedia({ colorScheme: scheme });
    await crm.locator('[data-churn-radar-badge] button').first().click();
    await crm.locator('[data-churn-radar-popover] [role="dialog"]').waitFor();
    await audit(crm, `badge popover (${scheme})`, found, '[data-churn-radar-popover]');
    await audit(crm, `badges (${scheme})`, found, '[data-churn-radar-badge]');
    expect(found, 'serious or critical axe violations').toEqual([]);
  });
}

test('a badge is operable by keyboard: Enter opens its popover, Escape closes it and focus returns', async ({ extension }) => {
  const crm = await extension.context.newPage();
  await crm.goto(`${DEMO_CRM_ORIGIN}/customers`);
  const badge = crm.locator('[data-churn-radar-badge] button[data-tier]').first();
  await expect(badge).toHaveAttribute('aria-label', /Churn risk tier [1-5] \(.+\), probability \d+ %/);
  await badge.focus();
  await crm.keyboard.press('Enter');
  const dialog = crm.locator('[data-churn-radar-popover] [role="dialog"]');
  await expect(dialog).toBeFocused();
  await crm.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(badge).toBeFocused();
});
