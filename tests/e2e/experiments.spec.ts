import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { armOf } from '@/lib/experiments/assignment';
import { experimentId } from '@/lib/experiments/experiment';
import { customerKey } from '@/lib/db/customer-key';
import { expect, test } from './fixtures';
import { readListRows, scoredBadgeCount } from './helpers';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data: unknown }> } };

test('an experiment holds control customers out of outreach and writes the measured uplift on the playbook rule', async ({ extension }) => {
  const { context, extensionId } = extension;
  const list = await context.newPage();
  await list.goto(`${DEMO_CRM_ORIGIN}/customers?sort=tenure&dir=asc`);
  await expect.poll(() => scoredBadgeCount(list)).toBe(50);
  const atRisk = (await readListRows(list)).filter((row) => Number(row.badge?.tier) >= 3).slice(0, 12);

  // Which playbook rule each at-risk customer gets, as the side panel would show it; test the most common
  // one, other than win-back (those customers have churned already, so both arms would read 100 %).
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#/experiments`);
  const rules = await options.evaluate(
    async ({ site, ids }) =>
      Promise.all(
        ids.map(
          async (crmId) =>
            (
              (await chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'getCustomerView', payload: { site, crmId } })).data as {
                score: { script: { ruleId?: string } };
              }
            ).score.script.ruleId ?? null,
        ),
      ),
    { site: DEMO_CRM_ORIGIN, ids: atRisk.map((row) => row.id) },
  );
  const counts = new Map<string, string[]>();
  rules.forEach((rule, i) => rule && rule !== 'churned-win-back' && counts.set(rule, [...(counts.get(rule) ?? []), atRisk[i]!.id]));
  const [ruleId, members] = [...counts].sort((a, b) => b[1].length - a[1].length)[0]!;
  expect(members.length, `customers of rule ${ruleId}`).toBeGreaterThanOrEqual(2);

  // A name whose experiment puts these customers in both groups (the arms are a pure hash of id and key).
  const today = new Date();
  const startsAt = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  const armsFor = (name: string) => members.map((id) => armOf(experimentId(name, startsAt, new Set()), customerKey(DEMO_CRM_ORIGIN, id), 0.5));
  const name = Array.from({ length: 50 }, (_, i) => `Offer test ${i + 1}`).find((n) => new Set(armsFor(n)).size === 2)!;
  const control = members[armsFor(name).indexOf('control')]!;
  const treated = members[armsFor(name).indexOf('treatment')]!;

  // Start it in Options → Experiments, with the power calculation shown first.
  const form = options.getByRole('form', { name: 'Start an experiment' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Customers', { exact: true }).selectOption(`rule:${ruleId}`);
  await form.getByLabel('Control share').fill('50');
  await expect(form.locator('[data-power]')).toContainText(/you need [\d,]+ customers/);
  await form.getByLabel('Planned customers').fill('100');
  await form.getByRole('button', { name: 'Start experiment' }).click();
  const card = options.locator(`[data-experiment-id="${experimentId(name, startsAt, new Set())}"]`);
  await expect(card).toBeVisible();
  // Customers enrol as pages score them (once, in the group their key hashes to): the list, seen again.
  await list.reload();
  await expect.poll(() => scoredBadgeCount(list)).toBe(50);
  await expect
    .poll(async () =>
      options.evaluate(
        async () =>
          (
            (await chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'listExperiments', payload: {} })).data as {
              experiments: { result: { customers: number } }[];
            }
          ).experiments[0]!.result.customers,
      ),
    )
    .toBeGreaterThanOrEqual(members.length);

  // The control customer: marked in the popover, no script to send.
  const controlPage = await context.newPage();
  await controlPage.goto(`${DEMO_CRM_ORIGIN}/customers/${control}`);
  await controlPage.locator('article [data-churn-radar-badge] button[data-tier]').click();
  const popover = controlPage.locator('[data-churn-radar-popover] [role="dialog"]');
  await expect(popover.locator('[data-churn-radar-control]')).toContainText('Control group — no outreach until');
  await expect(popover.locator('.script')).toBeHidden();
  await controlPage.keyboard.press('Escape');

  // The treated customer: contacted and retained, from the side panel following its tab.
  const treatedPage = await context.newPage();
  await treatedPage.goto(`${DEMO_CRM_ORIGIN}/customers/${treated}`);
  await expect(treatedPage.locator('article [data-churn-radar-badge] button[data-tier]')).toBeVisible();
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const actions = panel.getByRole('region', { name: 'Actions and outcomes' });
  const names = new Map(atRisk.map((row) => [row.id, row.name]));
  // The panel follows the CRM tab last in front; it is then brought to front itself, because a hidden tab
  // paints no frames and every click there waits seconds for the element to be "stable".
  await treatedPage.bringToFront();
  await expect(panel.getByRole('heading', { name: names.get(treated)! })).toBeVisible();
  await panel.bringToFront();
  await expect(panel.locator('[data-control-hold]')).toHaveCount(0);
  await actions.getByRole('button', { name: 'Called' }).click();
  await actions.getByRole('group', { name: 'Outcome' }).getByRole('button', { name: 'Retained' }).click();
  await expect(actions.getByText('Outcome: Retained')).toBeVisible();

  // The control customer in the side panel: held out, only "No contact" to record the outcome.
  await controlPage.bringToFront();
  await expect(panel.getByRole('heading', { name: names.get(control)! })).toBeVisible();
  await panel.bringToFront();
  await expect(panel.locator('[data-control-hold]')).toContainText('Control group — no outreach until');
  await expect(actions.getByRole('button', { name: 'Called' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'No contact' }).click();
  await actions.getByRole('group', { name: 'Outcome' }).getByRole('button', { name: 'Churned' }).click();
  await expect(actions.getByText('Outcome: Churned')).toBeVisible();
  await panel.screenshot({ path: test.info().outputPath('sidepanel-control.png'), fullPage: true });

  // The worklist has the treated customer, never the control one.
  await panel.getByRole('tab', { name: 'Worklist' }).click();
  await expect(panel.locator('[data-worklist-item]').first()).toBeVisible();
  const worklist = await panel.locator('[data-worklist-item]').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  const tierOn = async (page: import('@playwright/test').Page) =>
    Number(await page.locator('article [data-churn-radar-badge] button[data-tier]').getAttribute('data-tier'));
  // Both are still scored; an at-risk control customer is the one the worklist must leave out.
  expect(await tierOn(controlPage)).toBeGreaterThanOrEqual(3);
  expect(worklist.some((text) => text.includes(names.get(control)!))).toBe(false);
  if ((await tierOn(treatedPage)) >= 3) expect(worklist.some((text) => text.includes(names.get(treated)!))).toBe(true);

  // The result per arm, as the background counts it; finishing writes it on the rule.
  await options.bringToFront();
  await options.reload();
  type Arm = { customers: number; churned: number; retained: number };
  const result = await options.evaluate(
    async () =>
      (
        (await chrome.runtime.sendMessage({ channel: 'churn-radar', type: 'listExperiments', payload: {} })).data as {
          experiments: { result: { control: Arm; treatment: Arm; customers: number } }[];
        }
      ).experiments[0]!.result,
  );
  // The control customer's recorded churn and the treated customer's recorded retention are counted.
  expect(result.control.churned).toBeGreaterThanOrEqual(1);
  expect(result.treatment.retained + result.treatment.churned).toBeGreaterThanOrEqual(1);
  for (const arm of ['control', 'treatment'] as const) {
    const cells = card.locator(`tr[data-arm="${arm}"] td`);
    await expect(cells.nth(0)).toHaveText(String(result[arm].customers));
    await expect(cells.nth(1)).toHaveText(String(result[arm].churned));
    await expect(cells.nth(2)).toHaveText(String(result[arm].retained));
  }
  await expect(card.locator('[data-uplift-result]')).toContainText('95 % interval');
  await options.screenshot({ path: test.info().outputPath('options-experiments.png'), fullPage: true });
  options.on('dialog', (dialog) => void dialog.accept());
  await card.getByRole('button', { name: 'Finish and write the result' }).click();
  await expect(options.getByText('The result is written on the playbook rule.')).toBeVisible();

  await options.goto(`chrome-extension://${extensionId}/options.html#/playbooks`);
  const rule = options.locator(`li[data-rule-id="${ruleId}"]`);
  await expect(rule.locator('[data-uplift]')).toContainText(`· ${result.customers} customers ·`);
  await options.getByLabel(/Sort by measured uplift/).check();
  await expect(options.locator('ol[aria-label="Playbook rules"] > li').first()).toHaveAttribute('data-rule-id', ruleId);
  await options.screenshot({ path: test.info().outputPath('options-playbook-uplift.png'), fullPage: true });
});
