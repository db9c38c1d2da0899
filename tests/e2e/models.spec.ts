import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { E2E_EXTENSION_DIR, launchWithExtension } from '@/scripts/lib/browser';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { expect, test } from './fixtures';

const TELCO = 'tests/fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv';
const BUNDLED = 'Demo CRM history model';

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#/models`);
  await expect(page.getByTestId('in-use')).toBeVisible();
}

async function upload(page: Page, name: string, text: string | Buffer, testId = 'training-file') {
  await page
    .getByTestId(testId)
    .setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

/** Train on the loaded data; returns the wall time from the click to the stored result, in seconds. */
async function train(page: Page, timeout = 90_000): Promise<number> {
  const started = Date.now();
  await page
    .locator('#train')
    .getByRole('button', { name: /Train and evaluate|训练并评估/ })
    .click();
  await expect(page.getByTestId('train-progress')).toBeVisible();
  await expect(page.getByTestId('train-result')).toBeVisible({ timeout });
  return (Date.now() - started) / 1000;
}

async function shoot(page: Page, id: string, path: string) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.locator(`#${id}`).screenshot({ path, animations: 'disabled' });
}

/** After training from a file: the result says the model serves no site and offers the picker; assign it to the demo CRM. */
async function assignInTrainResult(page: Page) {
  const result = page.getByTestId('train-result');
  await expect(result).toContainText('scores no site until you assign it');
  await result.getByRole('checkbox', { name: 'demo CRM' }).check();
  await result.getByRole('button', { name: 'Save sites' }).click();
  await expect(result.getByTestId('model-sites')).toHaveText(/^Serves: demo CRM/);
}

const modelRow = (page: Page, name: string) =>
  page
    .getByTestId('models-table')
    .locator('tr[data-model-id]')
    .filter({ has: page.getByText(name, { exact: true }) });

test('import the CRM export, train in a worker, evaluate, activate, export / re-import, reject a corrupt file, roll back', async ({ extension }, testInfo) => {
  test.setTimeout(240_000);
  const page = await extension.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openOptions(page, extension.extensionId);
  await expect(page.getByTestId('in-use')).toContainText(BUNDLED);
  // The bundled models were trained on the demo CRM's data: they serve it, and no other site.
  await expect(modelRow(page, BUNDLED).getByTestId('model-sites')).toHaveText(/^Serves: demo CRM/);

  const csv = await (await fetch(`${DEMO_CRM_ORIGIN}/api/export.csv`)).text();
  const dataRows = csv.trim().split(/\r?\n/).length - 1;
  await upload(page, 'customers-history.csv', csv);
  await expect(page.getByTestId('preview-table')).toBeVisible();
  await expect(page.locator('#data')).toContainText(`${dataRows.toLocaleString('en-US')} rows`);

  // Status is the label, Churned the churned value; identifiers are not inputs.
  await page.getByLabel('Label column').selectOption('Status');
  await page.getByLabel('Value meaning churned').selectOption('Churned');
  await expect(page.getByLabel('Role of customerID')).toHaveValue('id');
  await expect(page.getByLabel('Role of tenure')).toHaveValue('feature');
  await expect(page.locator('#data')).toContainText(/Ready to train/);
  await shoot(page, 'data', testInfo.outputPath('options-data-en.png'));

  // Training runs in a dedicated worker (Playwright sees it: that is the proof of where it runs), and
  // the page keeps answering while it trains. The timer's bound is generous on purpose: with a second
  // e2e worker on CI's two cores a 20 ms timer once took 541 ms; speed is the bench's to judge.
  const trainClick = train(page);
  await expect(page.getByRole('progressbar')).toBeVisible();
  // Under the bar: the rows being trained on, where the fit is, and (once it can tell) the time left.
  await expect(page.getByTestId('train-progress-detail')).toContainText(`${dataRows.toLocaleString('en-US')} rows`);
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  const responsive = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        setTimeout(() => resolve(performance.now() - t0), 20);
      }),
  );
  expect(responsive).toBeLessThan(2_000);
  await shoot(page, 'train', testInfo.outputPath('options-train-progress-en.png'));
  const seconds = await trainClick;
  console.log(`[models.spec] training + 5-fold CV on ${dataRows} demo export rows, click to stored model: ${seconds.toFixed(1)} s`);
  await expect(page.getByTestId('train-result')).toContainText(/ROC AUC 0\.8\d\d/);
  await shoot(page, 'train', testInfo.outputPath('options-train-en.png'));

  // Metrics and charts of the new model.
  const evaluation = page.getByTestId('evaluation');
  await expect(evaluation).toBeVisible();
  await expect(evaluation.locator('.recharts-wrapper')).toHaveCount(7, { timeout: 15_000 });
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect(page.getByTestId('tier-table').locator('tbody tr')).toHaveCount(5);
  await page.getByTestId('cutoff').fill('0.3');
  await expect(page.locator('#evaluation')).toContainText('30 %');
  await shoot(page, 'evaluation', testInfo.outputPath('options-evaluation-en.png'));

  // Trained from a file, it scores no site until a manager assigns it: the result says so and offers the sites.
  await assignInTrainResult(page);

  // Activate: it replaces the bundled subscribers model on the demo CRM and is in use.
  await page.getByTestId('train-result').getByRole('button', { name: 'Activate this model' }).click();
  await expect(page.getByTestId('train-result')).toContainText('Active');
  const trainedName = (await page.getByTestId('in-use').locator('li').first().locator('span').first().textContent())!;
  expect(trainedName).toContain('customers-history');
  await expect(page.getByTestId('in-use')).not.toContainText(BUNDLED);
  await expect(page.getByTestId('in-use')).toContainText('Demo shoppers model');
  const trained = modelRow(page, trainedName);
  await expect(trained).toHaveAttribute('data-active', 'true');
  await expect(modelRow(page, BUNDLED)).toHaveAttribute('data-active', 'false');

  // Export the model file.
  const downloadEvent = page.waitForEvent('download');
  await trained.getByRole('button', { name: 'Export' }).click();
  const download = await downloadEvent;
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'churn-radar-model', name: trainedName });

  // Roll back to the bundled model, delete the trained one, re-import it from the file.
  await trained.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.getByTestId('models-feedback')).toContainText(`“${BUNDLED}” is active again`);
  await expect(page.getByTestId('in-use')).toContainText(BUNDLED);
  await trained.getByRole('button', { name: 'Delete' }).click();
  await trained.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(trained).toHaveCount(0);
  await upload(page, download.suggestedFilename(), exported, 'model-file');
  await expect(page.getByTestId('models-feedback')).toContainText(`Imported “${trainedName}”`);
  await expect(trained).toHaveAttribute('data-active', 'false');
  // An imported model serves no site either, until assigned from its row.
  await expect(trained.getByTestId('model-sites')).toContainText('Not used on any site');
  await trained.getByRole('button', { name: 'Assign to sites…' }).click();
  await trained.getByRole('checkbox', { name: 'demo CRM' }).check();
  await trained.getByRole('button', { name: 'Save sites' }).click();
  await expect(trained.getByTestId('model-sites')).toHaveText(/^Serves: demo CRM/);
  await trained.getByRole('button', { name: 'Activate', exact: true }).click();
  await expect(page.getByTestId('in-use')).toContainText(trainedName);

  // A corrupt file is rejected with a clear message and changes nothing.
  const before = await page
    .getByTestId('models-table')
    .locator('tr[data-model-id]')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-model-id')}:${r.getAttribute('data-active')}`));
  const corrupt = JSON.parse(exported);
  corrupt.tfjs ? (corrupt.tfjs.weightData = corrupt.tfjs.weightData.slice(0, 40)) : (corrupt.baseline = corrupt.baseline.slice(1));
  corrupt.id = 'tampered';
  await upload(page, 'tampered.churn-model.json', JSON.stringify(corrupt), 'model-file');
  await expect(page.getByTestId('models-feedback')).toContainText('“tampered.churn-model.json” was rejected');
  await expect(page.getByTestId('models-feedback')).toContainText(/Invalid model file: .+Nothing was changed\./);
  await upload(page, 'not-a-model.json', '{"hello": ', 'model-file');
  await expect(page.getByTestId('models-feedback')).toContainText(/not JSON/);
  const after = await page
    .getByTestId('models-table')
    .locator('tr[data-model-id]')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-model-id')}:${r.getAttribute('data-active')}`));
  expect(after).toEqual(before);
  await expect(page.getByTestId('in-use')).toContainText(trainedName);

  // Compare the two versions side by side.
  await modelRow(page, BUNDLED).getByRole('checkbox').check();
  await trained.getByRole('checkbox').check();
  await expect(page.getByTestId('compare')).toBeVisible();
  await shoot(page, 'models', testInfo.outputPath('options-models-en.png'));

  // Roll back to the bundled model.
  await trained.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.getByTestId('in-use')).toContainText(BUNDLED);
  await expect(page.getByTestId('in-use')).not.toContainText(trainedName);
  await expect(page.getByTestId('activation-history').locator('li').first()).toContainText(`Rolled back “${trainedName}”, “${BUNDLED}” active again`);

  // The CRM is badged by the bundled model again.
  const crm = await extension.context.newPage();
  await crm.goto(`${DEMO_CRM_ORIGIN}/customers?size=10`);
  await expect(crm.locator('[data-churn-radar-badge]').first()).toBeAttached();
  await shoot(page, 'scorecard', testInfo.outputPath('options-scorecard-en.png'));
  await shoot(page, 'model', testInfo.outputPath('options-model-en.png'));
  expect(errors).toEqual([]);
});

test('Chinese options page, and training + 5-fold CV on the 7,043 Telco rows in the worker', async ({}, testInfo) => {
  test.setTimeout(240_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const page = await extension.context.newPage();
    await openOptions(page, extension.extensionId);
    // A spreadsheet export: BOM, semicolons, quoted decimal commas, CRLF, Chinese names and values.
    const rows = Array.from({ length: 30 }, (_, i) => `C${i};"${i},5";${i % 3 ? '活跃' : '已流失'}`);
    await upload(page, '客户.csv', `\uFEFF编号;月费;状态\r\n${rows.join('\r\n')}\r\n`);
    await expect(page.locator('#data')).toContainText('30 行 · 3 列');
    await expect(page.locator('#data')).toContainText('分隔符：分号');
    await expect(page.getByLabel('标签列')).toHaveValue('状态');
    await expect(page.getByLabel('表示流失的值')).toHaveValue('已流失');
    await expect(page.getByLabel('编号 的用途')).toHaveValue('id');
    await upload(page, 'WA_Fn-UseC_-Telco-Customer-Churn.csv', readFileSync(TELCO));
    await expect(page.getByTestId('preview-table')).toBeVisible();
    await page.getByLabel('标签列').selectOption('Churn');
    await page.getByLabel('表示流失的值').selectOption('Yes');
    await expect(page.locator('#data')).toContainText('可以训练');
    await shoot(page, 'data', testInfo.outputPath('options-data-zh.png'));
    const seconds = await train(page);
    const inWorker = await page.getByTestId('train-result').textContent();
    console.log(
      `[models.spec] Telco 7,043 rows, training + 5-fold CV in the worker, click to stored model: ${seconds.toFixed(1)} s (${inWorker?.match(/训练用时 ([^—]+)/)?.[1]?.trim()} in the worker)`,
    );
    testInfo.annotations.push({ type: 'telco-training-seconds', description: seconds.toFixed(2) });
    await expect(page.getByTestId('evaluation').locator('.recharts-wrapper')).toHaveCount(7, { timeout: 15_000 });
    await shoot(page, 'train', testInfo.outputPath('options-train-zh.png'));
    await shoot(page, 'evaluation', testInfo.outputPath('options-evaluation-zh.png'));
    await shoot(page, 'models', testInfo.outputPath('options-models-zh.png'));
    await shoot(page, 'scorecard', testInfo.outputPath('options-scorecard-zh.png'));
    await shoot(page, 'model', testInfo.outputPath('options-model-zh.png'));
  } finally {
    await extension.close();
  }
});

test('trains on the customers seen in the CRM, labelled by the churn definition, with the leaking status column dropped', async ({ extension }, testInfo) => {
  test.setTimeout(120_000);
  const crm = await extension.context.newPage();
  await crm.goto(`${DEMO_CRM_ORIGIN}/customers?size=100`);
  await expect.poll(() => crm.locator('[data-churn-radar-badge] button[data-tier]').count(), { timeout: 30_000 }).toBe(100);
  const page = await extension.context.newPage();
  await openOptions(page, extension.extensionId);
  await page.getByRole('button', { name: 'Use customers seen in the CRM' }).click();
  await expect(page.getByTestId('preview-table')).toBeVisible();
  await expect(page.getByLabel('Label column')).toHaveValue('churn_label');
  await expect(page.getByLabel('Value meaning churned')).toHaveValue('Yes');
  // The status field decides the label under the churn definition: it is flagged and dropped.
  const leak = page.getByTestId('leakage-list').locator('li', { hasText: 'Status' });
  await expect(leak).toContainText('nearly identical to the label');
  await expect(leak).toContainText('Dropped');
  await expect(page.getByTestId('mapping-table').locator('tr[data-column="Status"]')).toContainText('dropped (leakage)');
  await shoot(page, 'data', testInfo.outputPath('options-data-observed-en.png'));
  await train(page);
  await expect(page.getByTestId('train-result')).toContainText('ROC AUC');
  // Trained on the demo CRM's own customers: it serves that site without being assigned.
  await expect(page.getByTestId('train-result').getByTestId('model-sites')).toHaveText(/^Serves: demo CRM/);
});

test('with no model active the starter scorecard scores, says so, and takes edited weights', async ({ extension }, testInfo) => {
  // Two deactivations, a reload and a first scan of the CRM: past 60 s on a loaded 2-core machine.
  test.setTimeout(120_000);
  const page = await extension.context.newPage();
  await openOptions(page, extension.extensionId);
  for (const name of [BUNDLED, 'Demo shoppers model']) {
    await modelRow(page, name).getByRole('button', { name: 'Deactivate' }).click();
    await expect(modelRow(page, name)).toHaveAttribute('data-active', 'false');
  }
  await expect(page.getByTestId('in-use')).toContainText('the starter scorecard scores customers');
  await expect(page.locator('#model')).toContainText('Starter scorecard');
  const scorecard = page.locator('#scorecard');
  await expect(scorecard).toContainText('In use');
  const intercept = scorecard.getByLabel('Weight of Starting score (no rule fires)');
  await intercept.fill('-2');
  await scorecard.getByRole('button', { name: 'Save weights' }).click();
  await expect(scorecard).toContainText('Weights saved');
  await page.reload();
  await expect(page.locator('#scorecard').getByLabel('Weight of Starting score (no rule fires)')).toHaveValue('-2');
  // With no model active the CRM is still badged: by the scorecard.
  const crm = await extension.context.newPage();
  await crm.goto(`${DEMO_CRM_ORIGIN}/customers`);
  await expect.poll(() => crm.locator('[data-churn-radar-badge] button[data-tier]').count(), { timeout: 30_000 }).toBe(50);
  await shoot(page, 'model', testInfo.outputPath('options-model-scorecard-en.png'));
});

test('gradient-boosted trees: chosen in the train form, trained in the worker, evaluated, activated and exported as a gbt model file', async ({
  extension,
}, testInfo) => {
  test.setTimeout(240_000);
  const page = await extension.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openOptions(page, extension.extensionId);
  const csv = await (await fetch(`${DEMO_CRM_ORIGIN}/api/export.csv`)).text();
  await upload(page, 'customers-history.csv', csv);
  await page.getByLabel('Label column').selectOption('Status');
  await page.getByLabel('Value meaning churned').selectOption('Churned');
  await page
    .locator('#train')
    .getByRole('combobox', { name: /^Model/ })
    .selectOption('gbt');
  await expect(page.locator('#train')).toContainText('exact Shapley values');
  const seconds = await train(page);
  console.log(`[models.spec] gbt on the demo export, click to stored model: ${seconds.toFixed(1)} s`);
  await expect(page.getByTestId('train-result')).toContainText(/ROC AUC 0\.[789]\d\d/);
  const evaluation = page.getByTestId('evaluation');
  await expect(evaluation).toContainText('Gradient-boosted trees');
  await expect(evaluation.locator('.recharts-wrapper')).toHaveCount(7, { timeout: 15_000 });
  await shoot(page, 'train', testInfo.outputPath('options-train-gbt-en.png'));
  await shoot(page, 'evaluation', testInfo.outputPath('options-evaluation-gbt-en.png'));

  await assignInTrainResult(page);
  await page.getByTestId('train-result').getByRole('button', { name: 'Activate this model' }).click();
  await expect(page.getByTestId('train-result')).toContainText('Active');
  const trainedName = (await page.getByTestId('in-use').locator('li').first().locator('span').first().textContent())!;
  const trained = modelRow(page, trainedName);
  await expect(trained).toContainText('Gradient-boosted trees');
  const downloadEvent = page.waitForEvent('download');
  await trained.getByRole('button', { name: 'Export' }).click();
  const exported = JSON.parse(readFileSync((await (await downloadEvent).path())!, 'utf8')) as {
    kind: string;
    gbt: { trees: { feature: number[] }[] };
    tfjs?: unknown;
  };
  expect(exported.kind).toBe('gbt');
  expect(exported.tfjs).toBeUndefined();
  expect(exported.gbt.trees.length).toBeGreaterThan(5);
  await shoot(page, 'models', testInfo.outputPath('options-models-gbt-en.png'));
  expect(errors).toEqual([]);
});

test('Chinese: gradient-boosted trees with training + 5-fold CV on the 7,043 Telco rows in the worker', async ({}, testInfo) => {
  test.setTimeout(240_000);
  const extension = await launchWithExtension({ extensionDir: E2E_EXTENSION_DIR, locale: 'zh-CN' });
  try {
    const page = await extension.context.newPage();
    await openOptions(page, extension.extensionId);
    await upload(page, 'WA_Fn-UseC_-Telco-Customer-Churn.csv', readFileSync(TELCO));
    await page.getByLabel('标签列').selectOption('Churn');
    await page.getByLabel('表示流失的值').selectOption('Yes');
    await page.locator('#train').getByRole('combobox', { name: /^模型/ }).selectOption('gbt');
    await expect(page.locator('#train')).toContainText('Shapley');
    const seconds = await train(page);
    console.log(`[models.spec] gbt, Telco 7,043 rows, training + 5-fold CV in the worker, click to stored model: ${seconds.toFixed(1)} s`);
    testInfo.annotations.push({ type: 'telco-gbt-training-seconds', description: seconds.toFixed(2) });
    await expect(page.getByTestId('train-result')).toContainText(/ROC AUC 0\.8[3-9]\d/);
    await expect(page.getByTestId('evaluation')).toContainText('梯度提升树');
    await shoot(page, 'train', testInfo.outputPath('options-train-gbt-zh.png'));
    await shoot(page, 'evaluation', testInfo.outputPath('options-evaluation-gbt-zh.png'));
  } finally {
    await extension.close();
  }
});
