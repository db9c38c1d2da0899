/**
 * Trains the models the extension ships with, using the same lib/model code
 * as `npm run train`, and lists them in public/model/index.json:
 *
 * - demo-model.json: the subscribers space, on the demo CRM's history export
 *   (the CSV a manager downloads with "Export CSV"), label Status = Churned.
 * - demo-shoppers-model.json: the shoppers space, on its order export (orders
 *   up to the space's today, 1997-09-30). A manager on that day knows nobody's
 *   future, so the model is trained the way they would: features up to
 *   1997-06-30, churn = no order in the 92 days to 1997-09-30 — then scores
 *   today's shoppers. No order after the space's today is ever read.
 *
 * Skipped when neither the data nor the model code changed since the last
 * build (cache key next to the models, outside public/).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyExportCsv } from '../demo/core/export';
import { orderLogCsv } from '../demo/core/shopper-export';
import { loadCustomers, loadShoppers } from '../demo/data';
import { parseCsv } from '../lib/data/csv';
import { inferColumns } from '../lib/model/infer-columns';
import { eventLogTrainingSet } from '../lib/model/event-log';
import { trainModel } from '../lib/model/train';
import type { ModelArtifact } from '../lib/model/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'model');
const MODELS = { subscribers: 'demo-model.json', shoppers: 'demo-shoppers-model.json' } as const;
// The cache key stays out of public/ so it is not shipped inside the extension.
const keyPath = join(root, 'node_modules', '.cache', 'churn-radar-demo-models.key');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function table(csv: string, what: string) {
  const parsed = parseCsv(csv);
  if (parsed.errors.length) throw new Error(`${what} has malformed rows: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed;
}

async function subscribersModel(csv: string): Promise<ModelArtifact> {
  const { rows, columns } = table(csv, 'Demo export');
  // The demo CRM assigns owners at random and derives segment from other
  // columns; as model inputs they would only add noise (and an owner named
  // differently in the Chinese UI would look like a churn "reason").
  const presentationOnly: Record<string, string> = {
    owner: 'randomly assigned in the demo CRM: no signal',
    segment: 'derived from SeniorCitizen, Partner and Dependents',
  };
  const specs = inferColumns(rows, columns, 'Status').map((spec) =>
    presentationOnly[spec.name] ? { ...spec, kind: 'ignore' as const, note: presentationOnly[spec.name] } : spec,
  );
  const { artifact } = await trainModel({
    rows,
    columns,
    specs,
    label: 'Status',
    positive: 'Churned',
    folds: 5,
    seed: 42,
    // The kinds the bundled models were chosen from before trees existed: the demo e2e expectations are computed from these models.
    autoMembers: ['logistic', 'mlp'],
    name: 'Demo CRM history model',
    trainedBy: 'npm run build (scripts/build-demo-model.ts)',
    source: 'Demo CRM export customers-history.csv',
  });
  return artifact;
}

export const SHOPPERS_TRAINING = { cutoff: '1997-06-30', horizonDays: 92 } as const;

async function shoppersModel(csv: string): Promise<ModelArtifact> {
  const { rows, columns } = table(csv, 'Shopper order export');
  const set = eventLogTrainingSet(rows, columns, {
    id: 'customer_id',
    date: 'date',
    amount: 'dollars',
    quantity: 'cds',
    cutoff: Date.parse(`${SHOPPERS_TRAINING.cutoff}T00:00:00Z`),
    horizonDays: SHOPPERS_TRAINING.horizonDays,
  });
  const { artifact } = await trainModel({
    rows: set.rows,
    columns: set.columns,
    specs: set.specs,
    label: set.label,
    positive: set.positive,
    folds: 5,
    seed: 42,
    // The kinds the bundled models were chosen from before trees existed: the demo e2e expectations are computed from these models.
    autoMembers: ['logistic', 'mlp'],
    name: 'Demo shoppers model',
    trainedBy: 'npm run build (scripts/build-demo-model.ts)',
    source: `Demo CRM shopper orders, features to ${SHOPPERS_TRAINING.cutoff}, churn = no order in ${SHOPPERS_TRAINING.horizonDays} days`,
  });
  return artifact;
}

const subscribersCsv = historyExportCsv(loadCustomers());
const shoppersCsv = orderLogCsv(loadShoppers());
const key = createHash('sha256')
  .update(subscribersCsv)
  .update(shoppersCsv)
  .update(
    [fileURLToPath(import.meta.url), ...['lib/model', 'lib/parse', 'lib/data', 'lib/indicators', 'lib/fields'].flatMap((d) => sourceFiles(join(root, d)))]
      .sort()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n'),
  )
  .digest('hex');

const files = Object.values(MODELS);
if (files.every((f) => existsSync(join(outDir, f))) && existsSync(keyPath) && readFileSync(keyPath, 'utf8') === key) {
  console.log(`Demo models are up to date (${outDir}).`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [space, train, csv] of [
    ['subscribers', subscribersModel, subscribersCsv],
    ['shoppers', shoppersModel, shoppersCsv],
  ] as const) {
    const started = performance.now();
    const artifact = await train(csv);
    const path = join(outDir, MODELS[space]);
    writeFileSync(path, JSON.stringify(artifact));
    const m = artifact.metrics;
    console.log(
      `Trained the ${space} model on ${m.rows} rows, ${m.features} features in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `CV ROC AUC ${m.roc_auc.toFixed(3)} ± ${m.roc_auc_sd.toFixed(3)}, PR AUC ${m.pr_auc.toFixed(3)} → ${path}`,
    );
  }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(files));
  mkdirSync(dirname(keyPath), { recursive: true });
  writeFileSync(keyPath, key);
}
