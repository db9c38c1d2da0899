/**
 * Trains the model the extension ships with, on the demo CRM's history export
 * (the same CSV a manager downloads with "Export CSV"), using the same
 * lib/model code as `npm run train`. Skipped when neither the data nor the
 * model code changed since the last build (cache key next to the model).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyExportCsv } from '../demo/core/export';
import { loadCustomers } from '../demo/data';
import { parseCsv } from '../lib/data/csv';
import { inferColumns } from '../lib/model/columns';
import { trainModel } from '../lib/model/train';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'model');
const modelPath = join(outDir, 'demo-model.json');
// The cache key stays out of public/ so it is not shipped inside the extension.
const keyPath = join(root, 'node_modules', '.cache', 'churn-radar-demo-model.key');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const csv = historyExportCsv(loadCustomers());
const key = createHash('sha256')
  .update(csv)
  .update(
    [fileURLToPath(import.meta.url), ...['lib/model', 'lib/parse', 'lib/data'].flatMap((d) => sourceFiles(join(root, d)))]
      .sort()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n'),
  )
  .digest('hex');

if (existsSync(modelPath) && existsSync(keyPath) && readFileSync(keyPath, 'utf8') === key) {
  console.log(`Demo model is up to date (${modelPath}).`);
} else {
  const table = parseCsv(csv);
  if (table.errors.length) throw new Error(`Demo export has malformed rows: ${JSON.stringify(table.errors.slice(0, 3))}`);
  // The demo CRM assigns owners at random and derives segment from other
  // columns; as model inputs they would only add noise (and an owner named
  // differently in the Chinese UI would look like a churn "reason").
  const presentationOnly: Record<string, string> = {
    owner: 'randomly assigned in the demo CRM: no signal',
    segment: 'derived from SeniorCitizen, Partner and Dependents',
  };
  const specs = inferColumns(table.rows, table.columns, 'Status').map((spec) =>
    presentationOnly[spec.name] ? { ...spec, kind: 'ignore' as const, note: presentationOnly[spec.name] } : spec,
  );
  const started = performance.now();
  const { artifact } = await trainModel({
    rows: table.rows,
    columns: table.columns,
    specs,
    label: 'Status',
    positive: 'Churned',
    folds: 5,
    seed: 42,
    name: 'Demo CRM history model',
    trainedBy: 'npm run build (scripts/build-demo-model.ts)',
    source: 'Demo CRM export customers-history.csv',
  });
  mkdirSync(outDir, { recursive: true });
  mkdirSync(dirname(keyPath), { recursive: true });
  writeFileSync(modelPath, JSON.stringify(artifact));
  writeFileSync(keyPath, key);
  const m = artifact.metrics;
  console.log(
    `Trained demo model on ${m.rows} rows, ${m.features} features in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `CV ROC AUC ${m.roc_auc.toFixed(3)} ± ${m.roc_auc_sd.toFixed(3)}, PR AUC ${m.pr_auc.toFixed(3)} → ${modelPath}`,
  );
}
