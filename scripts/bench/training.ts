/**
 * training_telco_7043_ms: training + 5-fold cross-validation of the default
 * model on the 7,043 Telco rows, in the options page's training worker, in
 * real Chromium with the built extension (the same worker file, the same
 * request the options page sends). Measured in the page from posting the
 * request to the worker's finished artifact (median of `runs`, each a fresh
 * worker). Target ≤ 10,000 ms. Also training_telco_7043_gbt_ms (gradient-
 * boosted trees) and training_telco_7043_auto_ms (lr, nn and gbt
 * cross-validated on the same folds), one run each unless `runs` says more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '@/lib/data/csv';
import { initialMapping, profileColumns, trainingSpecs } from '@/lib/training/column-mapping';
import type { FromWorker, TrainRequest } from '@/lib/training/worker-protocol';
import { EXTENSION_DIR, launchWithExtension } from '../lib/browser';

const TELCO = 'tests/fixtures/WA_Fn-UseC_-Telco-Customer-Churn.csv';

export function telcoTrainingRequest(kind: TrainRequest['kind'] = 'logistic'): TrainRequest {
  const table = parseCsv(readFileSync(TELCO, 'utf8'));
  const mapping = initialMapping(profileColumns(table.rows, table.columns), 'Churn');
  return {
    rows: table.rows,
    columns: table.columns,
    label: 'Churn',
    positive: 'Yes',
    specs: trainingSpecs(mapping),
    folds: 5,
    name: 'bench',
    source: TELCO,
    kind,
  };
}

export async function benchTraining(options: { log: (line: string) => void; runs?: number }): Promise<Record<string, number>> {
  const worker = readdirSync(join(EXTENSION_DIR, 'assets')).find((f) => /^train\.worker-.*\.js$/.test(f));
  if (!worker) throw new Error(`No training worker in ${EXTENSION_DIR}/assets: run npm run build first.`);
  const extension = await launchWithExtension();
  try {
    const page = await extension.context.newPage();
    page.on('pageerror', (error) => options.log(`    page error: ${error.message}`));
    await page.goto(`chrome-extension://${extension.extensionId}/options.html#/models`);
    const figures: Record<string, number> = {};
    for (const [kind, key, runs] of [
      ['logistic', 'training_telco_7043_ms', options.runs ?? 3],
      ['gbt', 'training_telco_7043_gbt_ms', options.runs ?? 1],
      ['auto', 'training_telco_7043_auto_ms', options.runs ?? 1],
    ] as const) {
      const request = telcoTrainingRequest(kind);
      const times: number[] = [];
      let inWorker = 0;
      let rocAuc = 0;
      for (let run = 0; run < runs; run++) {
        const result = await page.evaluate(
          ({ url, request }) =>
            new Promise<{ ms: number; seconds: number; rocAuc: number }>((resolve, reject) => {
              const w = new Worker(url, { type: 'module' });
              const started = performance.now();
              w.onmessage = ({ data }: MessageEvent<FromWorker>) => {
                if (data.type === 'done') resolve({ ms: performance.now() - started, seconds: data.seconds, rocAuc: data.artifact.metrics.roc_auc });
                else if (data.type === 'error') reject(new Error(data.message));
                if (data.type !== 'progress') w.terminate();
              };
              w.onerror = (e) => reject(new Error(e.message));
              w.postMessage({ type: 'train', request });
            }),
          { url: `/assets/${worker}`, request },
        );
        times.push(result.ms);
        inWorker = result.seconds;
        rocAuc = result.rocAuc;
      }
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      options.log(
        `  training + 5-fold CV (${kind}), 7,043 Telco rows, in the options worker: ${median.toFixed(0)} ms median of ${times.length} (runs ${times.map((t) => t.toFixed(0)).join(', ')}; last ${inWorker.toFixed(1)} s inside the worker; CV ROC AUC ${rocAuc.toFixed(3)}; target ≤ 10,000)`,
      );
      figures[key] = Math.round(median);
    }
    return figures;
  } finally {
    await extension.close();
  }
}

// `npx tsx scripts/bench/training.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchTraining({ log: console.log });
}
