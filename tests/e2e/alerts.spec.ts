import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect, test } from './fixtures';
import { openPopup, tabIdOf } from './helpers';

declare const chrome: {
  notifications: { getAll(): Promise<Record<string, boolean>> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data: unknown }> };
};

/** A loyal customer of the demo CRM: two-year contract, six years in (tier 1 or 2). */
const CUSTOMER = '5248-YGIJN';
const NAME = 'Thomas Baker';

/** What the CRM shows once the customer is on a month-to-month plan, one month in, paying by electronic check. */
const RISKY: Record<string, string> = {
  tenure: '1 months',
  Contract: 'Month-to-month',
  PaymentMethod: 'Electronic check',
  InternetService: 'Fiber optic',
  OnlineSecurity: 'No',
  OnlineBackup: 'No',
  TechSupport: 'No',
  TotalCharges: '$90.25',
};

test('a worklist customer rising to tier 4+ sends one notification; the popup digest counts it and opens the CRM page', async ({ extension }) => {
  const { context, extensionId } = extension;
  // The agent turns desktop alerts on, without quiet hours (this may run at night).
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#/risk/alerts`);
  const form = options.getByRole('form', { name: 'Alerts' });
  await form.getByLabel('Desktop alerts').check();
  await form.getByLabel('Quiet hours').uncheck();
  await form.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(form.getByText('Alert settings saved.')).toBeVisible();
  await options.locator('#alerts').screenshot({ path: test.info().outputPath('options-alerts.png') });

  // First visit: the baseline score (a first score never alerts).
  const crm = await context.newPage();
  await crm.goto(`${DEMO_CRM_ORIGIN}/customers/${CUSTOMER}`);
  const badge = crm.locator('article [data-churn-radar-badge] button[data-tier]');
  await expect(badge).toHaveAttribute('data-tier', /^[12]$/);

  // The CRM now shows a risky plan: the next visit scores the customer at tier 4 or 5.
  await crm.route(
    (url) => url.pathname === `/api/customers/${CUSTOMER}`,
    async (route) => {
      const response = await route.fetch();
      const detail = (await response.json()) as { fields: { key: string; value: string }[] };
      detail.fields = detail.fields.map((field) => (RISKY[field.key] ? { ...field, value: RISKY[field.key]! } : field));
      await route.fulfill({ response, json: detail });
    },
  );
  await crm.reload();
  await expect(badge).toHaveAttribute('data-tier', /^[45]$/);
  const tier = await badge.getAttribute('data-tier');

  // The notification, as the service worker holds it.
  const worker = context.serviceWorkers()[0]!;
  await expect.poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())), { timeout: 15_000 }).toHaveLength(1);
  const [notificationId] = Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));

  // The popup's digest counts the rise and names the customer; the alert behind it is the notification's.
  const popup = await openPopup(context, extensionId, await tabIdOf(context, crm.url()));
  const digest = popup.locator('[data-alert-digest]');
  await expect(digest.locator('[data-digest-line]')).toHaveText([`1 customer rose to tier ${tier} since yesterday`]);
  const latest = (await popup.evaluate(
    async () => (await chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'getAlertDigest', payload: {} })).data,
  )) as { latest: { id: string }[] };
  expect(notificationId).toBe(`churn-radar-alert:${latest.latest[0]!.id}`);
  await popup.screenshot({ path: test.info().outputPath('popup-digest.png') });

  // Opening the alert (the notification's click does the same) opens the customer's CRM page.
  const opened = context.waitForEvent('page', (page) => page.url().startsWith(DEMO_CRM_ORIGIN));
  await digest.getByRole('button', { name: new RegExp(NAME) }).click();
  await expect.poll(async () => (await opened).url()).toBe(`${DEMO_CRM_ORIGIN}/customers/${CUSTOMER}`);
});
