/**
 * Train and evaluate a churn model from a CSV export or from an event log,
 * with the same lib/model and lib/indicators code the extension uses.
 *
 *   npm run train -- --csv FILE --label COLUMN [--positive VALUE] [common options]
 *   npm run train -- --events FILE --id COL --date COL --amount COL [--quantity COL]
 *                    --cutoff DATE --horizon DAYS [--window DAYS] [--date-order mdy|dmy|ymd]
 *                    [common options]
 *   common options:  [--model lr|nn|gbt|auto] [--folds 5] [--seed 42] [--name NAME] [--out DIR] [--json]
 *
 * --events: one row per purchase. Same-day rows of a customer are merged;
 * each customer with an order on or before --cutoff is a row, its features
 * the indicators (lib/indicators) as of the cutoff, its label churned = no
 * order in the --horizon days after the cutoff. Bad rows (blank id,
 * unreadable date, amount not a number) are counted and shown, not fatal.
 *
 * --model: lr (logistic regression), nn (the small neural network), gbt
 * (gradient-boosted trees) or auto (default: all three cross-validated on
 * the same folds, with the lr + nn ensemble; the best mean CV ROC AUC is
 * kept, ties to the simpler).
 *
 * Prints a readable summary; with --json the last stdout line is one JSON
 * object (rows, features, model = the kind kept, folds, roc_auc, roc_auc_sd,
 * pr_auc, brier, train_seconds, candidates, …; for --events also events,
 * bad_rows, orders, customers, cutoff, horizon_days, window_days). --out DIR
 * writes the model file DIR/<id>.json, which the options page imports (a
 * path ending in .json is written as that file instead).
 * Exit codes: 0 ok, 2 bad input (file, CSV, label, columns, options), 1 anything else.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { CsvError, parseCsv } from '@/lib/data/csv';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { EventLogError, eventLogTrainingSet, type EventLogSummary } from '@/lib/model/event-log';
import { TrainError, trainModel, type ModelChoice, type TrainResult } from '@/lib/model/train';
import { isoDay, parseDate, type DateOrder } from '@/lib/parse';

class UsageError extends Error {}

const USAGE = `Usage:
  npm run train -- --csv FILE --label COLUMN [--positive VALUE] [options]
  npm run train -- --events FILE --id COL --date COL --amount COL [--quantity COL]
                   --cutoff DATE --horizon DAYS [--window DAYS] [--date-order mdy|dmy|ymd] [options]
options: [--model lr|nn|gbt|auto] [--folds 5] [--seed 42] [--name NAME] [--out DIR] [--json]

--csv     one row per customer; --label names the churn column.
--events  one row per purchase (customer id, date, amount, optional quantity);
          same-day rows are merged; features are the indicators as of --cutoff
          (history up to and including that day); churned = no purchase in the
          --horizon days after it. --window: days of the recent/earlier windows
          for trends (default ${DEFAULT_INDICATOR_SETTINGS.churn.windowDays}). Bad rows are counted and reported, not fatal.
          e.g. --events CDNOW_master.csv --id customer_id --date date --amount dollar_value
               --quantity number_of_cds --cutoff 1997-09-30 --horizon 273
--model   lr = logistic regression, nn = a small neural network (one hidden layer
          of 32 ReLU units), gbt = gradient-boosted trees (histogram-based,
          early stopping), auto (default) = cross-validate all three and the
          lr + nn average on the same folds and keep the best mean ROC AUC.
--out     a folder: the model is written to DIR/<model id>.json, a file the
          extension's options page imports (a path ending in .json: that file).
--json    the last line of stdout is one JSON object with the figures.`;

const MODEL_CHOICES = ['lr', 'nn', 'gbt', 'auto'] as const;

const DATE_ORDERS: readonly DateOrder[] = ['mdy', 'dmy', 'ymd'];

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      csv: { type: 'string' },
      label: { type: 'string' },
      positive: { type: 'string' },
      events: { type: 'string' },
      id: { type: 'string' },
      date: { type: 'string' },
      amount: { type: 'string' },
      quantity: { type: 'string' },
      cutoff: { type: 'string' },
      horizon: { type: 'string' },
      window: { type: 'string' },
      'date-order': { type: 'string' },
      model: { type: 'string', default: 'auto' },
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
}

function options(args: readonly string[]) {
  const argv = [...args];
  if (argv[0] === '--') argv.shift(); // `npx tsx scripts/train.ts -- --csv …`
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.help) return { kind: 'help' as const };
  const folds = Number(parsed.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 50) throw new UsageError(`--folds must be a whole number from 2 to 50 (got "${parsed.folds}").`);
  const seed = Number(parsed.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number ≥ 0 (got "${parsed.seed}").`);
  if (!(MODEL_CHOICES as readonly string[]).includes(parsed.model)) {
    throw new UsageError(`--model must be one of ${MODEL_CHOICES.join(', ')} (got "${parsed.model}").`);
  }
  const model = parsed.model as ModelChoice;
  const common = { folds, seed, model, name: parsed.name, out: parsed.out, json: parsed.json };

  const eventOnly = (['id', 'date', 'amount', 'quantity', 'cutoff', 'horizon', 'window', 'date-order'] as const).filter((k) => parsed[k] !== undefined);
  if (parsed.csv && parsed.events) throw new UsageError(`Use either --csv or --events, not both.\n${USAGE}`);
  if (parsed.csv) {
    if (eventOnly.length > 0) throw new UsageError(`--${eventOnly[0]} is for --events; with --csv name the label with --label.`);
    if (!parsed.label) throw new UsageError(`Missing --label COLUMN.\n${USAGE}`);
    return { kind: 'csv' as const, ...common, csv: parsed.csv, label: parsed.label, positive: parsed.positive };
  }
  if (!parsed.events) throw new UsageError(`Missing --csv FILE or --events FILE.\n${USAGE}`);
  if (parsed.label !== undefined || parsed.positive !== undefined) {
    throw new UsageError('--label and --positive are for --csv; with --events the label is derived: no purchase in the --horizon days after --cutoff.');
  }
  const required: [string | undefined, string][] = [
    [parsed.id, '--id COLUMN (the customer id column)'],
    [parsed.date, '--date COLUMN (the purchase date column)'],
    [parsed.amount, '--amount COLUMN (the purchase amount column)'],
    [parsed.cutoff, '--cutoff DATE (last day of the history, e.g. 1997-09-30)'],
    [parsed.horizon, '--horizon DAYS (days after the cutoff in which a purchase means retained)'],
  ];
  for (const [value, what] of required) if (!value) throw new UsageError(`Missing ${what}.\n${USAGE}`);
  const dateOrder = parsed['date-order'];
  if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder as DateOrder)) {
    throw new UsageError(`--date-order must be one of ${DATE_ORDERS.join(', ')} (got "${dateOrder}").`);
  }
  const cutoff = parseDate(parsed.cutoff!, dateOrder ? { order: dateOrder as DateOrder } : {});
  if (!cutoff.ok) throw new UsageError(`--cutoff must be a date such as 1997-09-30 (got ${cutoff.reason}).`);
  const horizon = wholeDays(parsed.horizon!, '--horizon');
  const window = parsed.window === undefined ? DEFAULT_INDICATOR_SETTINGS.churn.windowDays : wholeDays(parsed.window, '--window');
  return {
    kind: 'events' as const,
    ...common,
    events: parsed.events,
    id: parsed.id!,
    date: parsed.date!,
    amount: parsed.amount!,
    quantity: parsed.quantity,
    cutoff: cutoff.value,
    horizon,
    window,
    dateOrder: dateOrder as DateOrder | undefined,
  };
}

function wholeDays(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 36_500) throw new UsageError(`${flag} must be a whole number of days from 1 to 36500 (got "${text}").`);
  return n;
}

type Options = Exclude<ReturnType<typeof options>, { kind: 'help' }>;

/** Where the CLI writes its lines: the console when run, an array in tests. */
export type Print = (line: string) => void;

function fixed(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} not found: ${path}` : `Cannot read ${path}: ${(error as Error).message}`);
  }
}

async function trainCsv(opts: Extract<Options, { kind: 'csv' }>, out: Print): Promise<void> {
  const text = readText(opts.csv, 'CSV file');
  const table = parseCsv(text);
  if (table.errors.length > 0) {
    const shown = table.errors
      .slice(0, 5)
      .map((e) => `  ${e.message}`)
      .join('\n');
    const more = table.errors.length > 5 ? `\n  … and ${table.errors.length - 5} more` : '';
    throw new UsageError(`Malformed CSV ${opts.csv}: ${table.errors.length} bad row(s).\n${shown}${more}\nFix the file and try again.`);
  }

  const result = await trainModel({
    rows: table.rows,
    columns: table.columns,
    label: opts.label,
    ...(opts.positive !== undefined ? { positive: opts.positive } : {}),
    folds: opts.folds,
    seed: opts.seed,
    model: opts.model,
    name: opts.name ?? `Churn model (${basename(opts.csv)})`,
    trainedBy: 'npm run train',
    source: basename(opts.csv),
  });
  const m = result.artifact.metrics;
  out(`Churn Radar — training on ${opts.csv}`);
  out(`  rows        ${table.rows.length} read, ${m.rows} labelled, ${result.skippedRows} skipped (blank label)`);
  out(`  label       ${opts.label} = "${result.positive}": ${m.positives} positive (${fixed((100 * m.positives) / m.rows, 1)} %)`);
  const written = printModel(result, opts, out);
  if (opts.json) out(JSON.stringify(summaryJson(result, written)));
}

async function trainEvents(opts: Extract<Options, { kind: 'events' }>, out: Print): Promise<void> {
  const text = readText(opts.events, 'Event log');
  const table = parseCsv(text);
  // A ragged row is one bad event, not a reason to give up on the log.
  const ragged = table.errors.map((e) => ({ row: e.row, message: e.message }));
  const settings = { ...DEFAULT_INDICATOR_SETTINGS, churn: { ...DEFAULT_INDICATOR_SETTINGS.churn, inactivityDays: opts.horizon, windowDays: opts.window } };
  const set = eventLogTrainingSet(
    table.rows,
    table.columns,
    {
      id: opts.id,
      date: opts.date,
      amount: opts.amount,
      ...(opts.quantity !== undefined ? { quantity: opts.quantity } : {}),
      cutoff: opts.cutoff,
      horizonDays: opts.horizon,
      ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
      settings,
    },
    ragged,
  );
  const s = set.summary;
  const cutoffDay = isoDay(opts.cutoff);
  const DAY = 86_400_000;
  const result = await trainModel({
    rows: set.rows,
    columns: set.columns,
    specs: set.specs,
    label: set.label,
    positive: set.positive,
    folds: opts.folds,
    seed: opts.seed,
    model: opts.model,
    name: opts.name ?? `Churn model (${basename(opts.events)}, cutoff ${cutoffDay}, ${opts.horizon} days)`,
    trainedBy: 'npm run train --events',
    source: basename(opts.events),
  });
  const m = result.artifact.metrics;
  out(`Churn Radar — training on the event log ${opts.events}`);
  out(`  events      ${s.rowsRead} rows read, ${s.badRows} bad; ${s.orders} orders after merging same-day rows`);
  printBadRows(s, out);
  out(
    `  split       history to ${cutoffDay}; churned = no order ${isoDay(opts.cutoff + DAY)} … ${isoDay(opts.cutoff + opts.horizon * DAY)} (${opts.horizon} days)`,
  );
  out(
    `  customers   ${s.customers} with an order by the cutoff${s.customersAfterCutoff > 0 ? ` (${s.customersAfterCutoff} first buying later: not rows)` : ''}`,
  );
  out(`  label       churned: ${m.positives} of ${m.rows} (${fixed((100 * m.positives) / m.rows, 1)} %)`);
  out(`  indicators  windows of ${opts.window} days`);
  const written = printModel(result, opts, out);
  if (opts.json) {
    out(
      JSON.stringify({
        ...summaryJson(result, written),
        source: 'events',
        events: s.rowsRead,
        bad_rows: s.badRows,
        orders: s.orders,
        customers: s.customers,
        cutoff: cutoffDay,
        horizon_days: opts.horizon,
        window_days: opts.window,
      }),
    );
  }
}

function printBadRows(s: EventLogSummary, out: Print): void {
  if (s.badRows === 0) return;
  for (const p of s.problems.slice(0, 5)) out(`    bad row ${p.row}: ${p.message}`);
  if (s.badRows > 5) out(`    … and ${s.badRows - 5} more bad row(s)`);
}

const KIND_NAMES = {
  logistic: 'logistic regression',
  mlp: 'neural network (MLP)',
  gbt: 'gradient-boosted trees',
  ensemble: 'ensemble (logistic + MLP)',
} as const;

/** Prints the model part of the summary; returns the path written with --out, if any. */
function printModel(result: TrainResult, opts: Options, out: Print): string | undefined {
  const { artifact, foldMetrics, specs } = result;
  const m = artifact.metrics;
  out(`  columns     ${specs.filter((s) => s.kind !== 'ignore').length} used → ${m.features} model inputs`);
  const width = Math.max(...specs.map((s) => s.name.length));
  for (const s of specs) out(`    ${s.name.padEnd(width)}  ${s.kind.padEnd(11)}  ${s.note ?? ''}`.trimEnd());
  out(`  models      ${m.folds}-fold stratified CV, seed ${opts.seed}, same folds for every kind (plain JS + tfjs layers, cpu)`);
  for (const c of result.candidates) {
    out(
      `    ${KIND_NAMES[c.kind].padEnd(26)} ROC AUC ${fixed(c.roc_auc)} ± ${fixed(c.roc_auc_sd)}  PR AUC ${fixed(c.pr_auc)}${c.kind === result.kind ? '  ← kept' : ''}`,
    );
  }
  out(`  kept        ${KIND_NAMES[result.kind]}`);
  for (const f of foldMetrics) {
    out(`    fold ${f.fold}: ROC AUC ${fixed(f.roc_auc)}  PR AUC ${fixed(f.pr_auc)}  Brier ${fixed(f.brier)}  (${f.testRows} rows)`);
  }
  out(`  ROC AUC     ${fixed(m.roc_auc)} ± ${fixed(m.roc_auc_sd)}`);
  out(`  PR AUC      ${fixed(m.pr_auc)} ± ${fixed(m.pr_auc_sd)}`);
  const cal = artifact.calibration;
  out(
    `  calibrated  ${cal ? (cal.method === 'platt' ? `Platt on out-of-fold scores (a ${fixed(cal.a)}, b ${fixed(cal.b)})` : `isotonic on out-of-fold scores (${cal.x.length} points)`) : 'no'}`,
  );
  out(`  Brier       ${fixed(m.brier, 4)}    log loss ${fixed(m.log_loss ?? NaN, 4)}`);
  const e = artifact.evaluation;
  if (e) {
    const c = e.atCutoff;
    out(
      `  at p ≥ ${c.threshold}    precision ${fixed(c.precision)}  recall ${fixed(c.recall)}  F1 ${fixed(c.f1)}  accuracy ${fixed(c.accuracy)}  (TP ${c.tp} FP ${c.fp} TN ${c.tn} FN ${c.fn})`,
    );
    out(
      `  tiers       ${e.tiers.map((t) => `${t.tier}: ${fixed(100 * t.share, 1)} % of customers, churn ${t.churnRate === null ? '—' : `${fixed(100 * t.churnRate, 1)} %`}`).join(' | ')}`,
    );
    out(`  top decile  lift ${fixed(e.lift[0]?.lift ?? NaN, 2)}, finds ${fixed(100 * (e.lift[0]?.cumulativeGain ?? NaN), 1)} % of churners`);
    out(
      `  drivers     ${e.importance
        .slice(0, 5)
        .map((i) => `${i.source} ${fixed(i.importance, 2)}`)
        .join(', ')}`,
    );
  }
  out(`  time        ${fixed(m.train_seconds, 2)} s`);
  out(`  model id    ${artifact.id}`);
  if (!opts.out) return undefined;
  const target = resolve(opts.out);
  const path = target.toLowerCase().endsWith('.json') ? target : join(target, `${artifact.id}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(artifact)}\n`);
  out(`  written     ${path}`);
  return path;
}

function summaryJson(result: TrainResult, written: string | undefined): Record<string, unknown> {
  const { artifact, skippedRows } = result;
  const m = artifact.metrics;
  return {
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
    calibration: artifact.calibration?.method ?? 'none',
    candidates: result.candidates,
    train_seconds: m.train_seconds,
    ...(artifact.training?.gbt?.finalRounds !== undefined
      ? {
          gbt: {
            rounds: artifact.training.gbt.finalRounds,
            max_leaves: artifact.training.gbt.maxLeaves,
            max_depth: artifact.training.gbt.maxDepth,
            learning_rate: artifact.training.gbt.learningRate,
          },
        }
      : {}),
    ...(written ? { out: written } : {}),
  };
}

/**
 * The CLI without the process: returns the exit code (0 ok, 2 bad input, 1
 * anything else) so the unit tests run it in-process instead of paying a
 * Node + tsx + tfjs start-up per case.
 */
export async function runTrainCli(argv: readonly string[], out: Print, err: Print): Promise<number> {
  try {
    const opts = options(argv);
    if (opts.kind === 'help') {
      out(USAGE);
      return 0;
    }
    tf.env().set('PROD', true); // no "install tfjs-node" banner, no debug checks
    if (opts.kind === 'csv') await trainCsv(opts, out);
    else await trainEvents(opts, out);
    return 0;
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof TrainError || error instanceof CsvError || error instanceof EventLogError) {
      err(`train: ${error.message}`);
      return 2;
    }
    err('train: unexpected failure');
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}
