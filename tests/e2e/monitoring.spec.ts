import { expect, test } from './fixtures';
import { driftedExport } from './monitoring-seed';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data: unknown; error?: unknown }> } };

test('monitoring warns of drift and falling live AUC; a challenger is trained, compared, promoted and rolled back', async ({ extension }) => {
  const { context, extensionId } = extension;
  const options = await context.newPage();
  await options.setViewportSize({ width: 1280, height: 1000 });
  await options.goto(`chrome-extension://${extensionId}/options.html#/models/monitoring`);
  const send = (type: string, payload: unknown) =>
    options.evaluate(async ({ type, payload }) => chrome.runtime.sendMessage({ channel: 'churn-radar', type, payload }), { type, payload });
  const list = async () => (await send('listModels', {})).data as { activeIds: string[]; models: { id: string; inputs: string[] }[] };
  const activeIds = async () => (await list()).activeIds;
  // The bundled subscribers model (its inputs are the demo CRM's subscriber fields) is the champion.
  const subscribersModel = async () => (await list()).models.find((m) => m.inputs.includes('Contract'))?.id;
  await expect.poll(subscribersModel).toBeTruthy();
  const champion = (await subscribersModel())!;
  expect(await activeIds()).toContain(champion);

  // Seed through the data import every install has (the same path as a colleague's export).
  const imported = await send('importData', { text: driftedExport(champion, Date.now()) });
  expect(imported.ok, JSON.stringify(imported.error)).toBe(true);

  await options.reload();
  const monitoring = options.getByTestId('monitoring');
  await expect(monitoring).toBeVisible({ timeout: 30_000 });
  const picker = monitoring.getByLabel('Model in service');
  if (await picker.isVisible()) await picker.selectOption(champion);
  await expect(monitoring).toHaveAttribute('data-model-id', champion);
  const warnings = monitoring.getByTestId('monitoring-warnings');
  await expect(warnings).toContainText('Live ROC AUC fell to');
  await expect(warnings).toContainText('The score distribution has drifted');
  await expect(monitoring.getByTestId('drifting-inputs')).toBeVisible();
  await expect(monitoring.locator('[data-input="Contract"]')).toHaveAttribute('data-level', 'drift');
  await expect(monitoring.locator('[data-testid="live-table"] tr[data-alarm]')).toHaveCount(1);
  await expect(monitoring.getByTestId('retrain-reasons')).toContainText('inputs or scores have drifted');

  // Train a challenger on the observed customers, compare on the held-out quarter, promote, roll back.
  await monitoring.getByRole('button', { name: 'Train a challenger' }).click();
  const comparison = monitoring.getByTestId('comparison');
  await expect(comparison).toContainText('held-out customers', { timeout: 25_000 });
  await expect(comparison.locator('tbody tr')).toHaveCount(2);
  await comparison.getByRole('button', { name: 'Promote challenger' }).click();
  await expect(monitoring.getByText(/is now in service/)).toBeVisible();
  await expect.poll(async () => (await activeIds()).includes(champion)).toBe(false);
  const challenger = (await activeIds())[0]!;
  const model = (await send('getModel', { id: challenger })).data as { summary: { parent: string | null } };
  expect(model.summary.parent).toBe(champion);
  await monitoring.getByRole('button', { name: /Roll back to/ }).click();
  await expect.poll(async () => (await activeIds()).includes(champion)).toBe(true);
  expect(await activeIds()).not.toContain(challenger);
});
