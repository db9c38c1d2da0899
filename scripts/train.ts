/**
 * Train and evaluate a churn model from a CSV export, with the same lib/model
 * code the extension uses.
 *
 *   npm run train -- --csv FILE --label COLUMN [--positive VALUE] [--folds 5]
 *                    [--seed 42] [--name NAME] [--out FILE] [--json]
 *
 * Prints a readable summary; with --json the last stdout line is one JSON
 * object (rows, features, model, folds, roc_auc, roc_auc_sd, pr_auc, brier,
 * train_seconds, …). --out writes the model artifact JSON.
 * Exit codes: 0 ok, 2 bad input (file, CSV, label, options), 1 anything else.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { CsvError, parseCsv } from '../lib/data/csv';
import { TrainError, trainModel } from '../lib/model/train';

class UsageError extends Error {}

const USAGE =
  'Usage: npm run train -- --csv FILE --label COLUMN [--positive VALUE] [--folds 5] [--seed 42] [--name NAME] [--out FILE] [--json]';

function options() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--') argv.shift(); // `npx tsx scripts/train.ts -- --csv …`
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        csv: { type: 'string' },
        label: { type: 'string' },
        positive: { type: 'string' },
        folds: { type: 'string', default: '5' },
        seed: { type: 'string', default: '42' },
        name: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!parsed.csv) throw new UsageError(`Missing --csv FILE.\n${USAGE}`);
  if (!parsed.label) throw new UsageError(`Missing --label COLUMN.\n${USAGE}`);
  const folds = Number(parsed.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 50) throw new UsageError(`--folds must be a whole number from 2 to 50 (got "${parsed.folds}").`);
  const seed = Number(parsed.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number ≥ 0 (got "${parsed.seed}").`);
  return { ...parsed, csv: parsed.csv, label: parsed.label, folds, seed };
}

function fixed(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

async function main(): Promise<void> {
  const opts = options();
  tf.env().set('PROD', true); // no "install tfjs-node" banner, no debug checks

  let text: string;
  try {
    text = readFileSync(opts.csv, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `CSV file not found: ${opts.csv}` : `Cannot read ${opts.csv}: ${(error as Error).message}`,
    );
  }
  const table = parseCsv(text);
  if (table.errors.length > 0) {
    const shown = table.errors.slice(0, 5).map((e) => `  ${e.message}`).join('\n');
    const more = table.errors.length > 5 ? `\n  … and ${table.errors.length - 5} more` : '';
    throw new UsageError(`Malformed CSV ${opts.csv}: ${table.errors.length} bad row(s).\n${shown}${more}\nFix the file and try again.`);
  }

  const { artifact, foldMetrics, specs, skippedRows, positive } = await trainModel({
    rows: table.rows,
    columns: table.columns,
    label: opts.label,
    ...(opts.positive !== undefined ? { positive: opts.positive } : {}),
    folds: opts.folds,
    seed: opts.seed,
    name: opts.name ?? `Churn model (${basename(opts.csv)})`,
    trainedBy: 'npm run train',
    source: basename(opts.csv),
  });
  const m = artifact.metrics;

  const out = console.log;
  out(`Churn Radar — training on ${opts.csv}`);
  out(`  rows        ${table.rows.length} read, ${m.rows} labelled, ${skippedRows} skipped (blank label)`);
  out(`  label       ${opts.label} = "${positive}": ${m.positives} positive (${fixed((100 * m.positives) / m.rows, 1)} %)`);
  out(`  columns     ${specs.filter((s) => s.kind !== 'ignore').length} used → ${m.features} model inputs`);
  const width = Math.max(...specs.map((s) => s.name.length));
  for (const s of specs) out(`    ${s.name.padEnd(width)}  ${s.kind.padEnd(11)}  ${s.note ?? ''}`.trimEnd());
  out(`  model       logistic regression (tfjs, cpu), ${m.folds}-fold stratified CV, seed ${opts.seed}`);
  for (const f of foldMetrics) {
    out(`    fold ${f.fold}: ROC AUC ${fixed(f.roc_auc)}  PR AUC ${fixed(f.pr_auc)}  Brier ${fixed(f.brier)}  (${f.testRows} rows)`);
  }
  out(`  ROC AUC     ${fixed(m.roc_auc)} ± ${fixed(m.roc_auc_sd)}`);
  out(`  PR AUC      ${fixed(m.pr_auc)} ± ${fixed(m.pr_auc_sd)}`);
  out(`  Brier       ${fixed(m.brier, 4)}    log loss ${fixed(m.log_loss ?? NaN, 4)}`);
  out(`  time        ${fixed(m.train_seconds, 2)} s`);
  out(`  model id    ${artifact.id}`);
  if (opts.out) {
    const path = resolve(opts.out);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(artifact)}\n`);
    out(`  written     ${path}`);
  }
  if (opts.json) {
    console.log(
      JSON.stringify({
        rows: m.rows,
        skipped_rows: skippedRows,
        positives: m.positives,
        features: m.features,
        model: artifact.kind,
        id: artifact.id,
        folds: m.folds,
        roc_auc: m.roc_auc,
        roc_auc_sd: m.roc_auc_sd,
        pr_auc: m.pr_auc,
        pr_auc_sd: m.pr_auc_sd,
        brier: m.brier,
        log_loss: m.log_loss,
        train_seconds: m.train_seconds,
        ...(opts.out ? { out: resolve(opts.out) } : {}),
      }),
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof TrainError || error instanceof CsvError) {
    console.error(`train: ${error.message}`);
    process.exit(2);
  }
  console.error('train: unexpected failure');
  console.error(error);
  process.exit(1);
});
