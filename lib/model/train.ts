/**
 * Training: rows → column types → stratified k-fold CV (preprocessing refit
 * on each fold's training part only) → final fit on all labelled rows → a
 * content-addressed ModelArtifact.
 *
 * Used by `npm run train` today and by the options page's training worker
 * later: it only needs rows of text, no files or browser APIs.
 */
import { isMissing } from '../parse/missing';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, serializeModel } from './artifact';
import { inferColumns } from './columns';
import { stratifiedKFold } from './cv';
import { sha256 } from './hash';
import { DEFAULT_LOGISTIC, fitLogistic, predictLogistic, type LogisticOptions } from './logistic';
import { averagePrecision, brierScore, logLoss, mean, rocAuc, sd } from './metrics';
import { fitPreprocessor, transform, type PreprocessOptions } from './preprocess';
import { deriveSeed } from './prng';
import type { ColumnSpec, ModelArtifact, Preprocessor, RawRow, TrainingSettings } from './types';

export interface TrainOptions {
  rows: readonly RawRow[];
  /** Column order (e.g. the CSV header); default: the keys of the first row. */
  columns?: readonly string[];
  label: string;
  /** The label value that means "churned"; inferred when omitted (Yes, 1, true, Churned, 流失, …). */
  positive?: string;
  folds?: number;
  seed?: number;
  name: string;
  trainedBy: string;
  /** Where the rows came from, e.g. a file name. */
  source: string;
  /** Column types to use instead of inferring them. */
  specs?: readonly ColumnSpec[];
  logistic?: Partial<Omit<LogisticOptions, 'seed'>>;
  preprocess?: PreprocessOptions;
  /** Clock for createdAt (tests). */
  now?: () => Date;
  onProgress?: (progress: { stage: 'cv' | 'final'; fold: number; folds: number }) => void;
}

export interface FoldMetrics {
  fold: number;
  trainRows: number;
  testRows: number;
  testPositives: number;
  roc_auc: number;
  pr_auc: number;
  brier: number;
  log_loss: number;
}

export interface TrainResult {
  artifact: ModelArtifact;
  foldMetrics: FoldMetrics[];
  /** Column types used, including ignored columns and why. */
  specs: ColumnSpec[];
  /** Rows left out because their label was blank. */
  skippedRows: number;
  positive: string;
}

export type TrainErrorCode =
  | 'no-rows'
  | 'label-missing'
  | 'one-class'
  | 'positive-unknown'
  | 'positive-ambiguous'
  | 'too-few-rows'
  | 'no-features';

/** Training input that cannot produce a model; the message is meant for the person who supplied it. */
export class TrainError extends Error {
  override name = 'TrainError';
  constructor(
    readonly code: TrainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Label values that mean "churned", compared lower-cased. */
const POSITIVE_WORDS = new Set([
  'yes', 'y', 'true', 't', '1', '1.0',
  'churn', 'churned', 'churner', 'left', 'lost', 'exited', 'cancelled', 'canceled', 'lapsed', 'attrited',
  '是', '流失', '已流失', '已取消',
]);

/** The positive label value: the one given (checked against the data) or the single level that reads as "churned". */
export function resolvePositive(levels: readonly string[], label: string, positive?: string): string {
  const shown = levels.map((l) => `"${l}"`).join(', ');
  if (positive !== undefined) {
    const p = positive.trim();
    if (!levels.includes(p)) {
      throw new TrainError('positive-unknown', `The positive value "${p}" does not occur in label column "${label}"; its values are ${shown}.`);
    }
    return p;
  }
  const candidates = levels.filter((l) => POSITIVE_WORDS.has(l.toLowerCase()));
  if (candidates.length !== 1) {
    throw new TrainError(
      'positive-ambiguous',
      `Cannot tell which value of label column "${label}" means churned (values: ${shown}). Name it with --positive VALUE.`,
    );
  }
  return candidates[0]!;
}

function cellString(value: RawRow[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

/** SHA-256 of the rows used (in order), over the given columns. */
export function hashRows(rows: readonly RawRow[], columns: readonly string[]): string {
  const lines = [JSON.stringify(columns)];
  for (const row of rows) lines.push(JSON.stringify(columns.map((c) => cellString(row[c]))));
  return sha256(lines.join('\n'));
}

export interface FoldInput {
  trainRows: readonly RawRow[];
  trainLabels: readonly number[];
  testRows: readonly RawRow[];
  testLabels: readonly number[];
  specs: readonly ColumnSpec[];
  logistic: LogisticOptions;
  preprocess?: PreprocessOptions;
}

/**
 * One cross-validation fold: preprocessing is fitted on the training rows
 * only, the model is fitted on them, and the held-out rows are only
 * transformed and scored.
 */
export async function evaluateFold(input: FoldInput): Promise<{
  preprocessor: Preprocessor;
  probabilities: Float32Array;
  metrics: Omit<FoldMetrics, 'fold'>;
}> {
  const preprocessor = fitPreprocessor(input.trainRows, input.specs, input.preprocess);
  const d = preprocessor.featureNames.length;
  if (d === 0) throw new TrainError('no-features', 'No model inputs remain after preprocessing (every category level is rare).');
  const model = await fitLogistic(transform(preprocessor, input.trainRows), input.trainLabels, d, input.logistic);
  let probabilities: Float32Array;
  try {
    probabilities = predictLogistic(model, transform(preprocessor, input.testRows), d);
  } finally {
    model.dispose();
  }
  const yTest = input.testLabels;
  return {
    preprocessor,
    probabilities,
    metrics: {
      trainRows: input.trainRows.length,
      testRows: input.testRows.length,
      testPositives: yTest.reduce((s, v) => s + v, 0),
      roc_auc: rocAuc(yTest, probabilities),
      pr_auc: averagePrecision(yTest, probabilities),
      brier: brierScore(yTest, probabilities),
      log_loss: logLoss(yTest, probabilities),
    },
  };
}

export async function trainModel(options: TrainOptions): Promise<TrainResult> {
  const started = performance.now();
  const k = options.folds ?? 5;
  const seed = options.seed ?? 42;
  const { label } = options;
  if (options.rows.length === 0) throw new TrainError('no-rows', 'There are no rows to train on.');
  const columns = [...(options.columns ?? Object.keys(options.rows[0]!))];
  if (!columns.includes(label)) {
    throw new TrainError('label-missing', `Label column "${label}" not found; the columns are: ${columns.join(', ')}.`);
  }

  const rows = options.rows.filter((r) => !isMissing(r[label]));
  const skippedRows = options.rows.length - rows.length;
  const levels = [...new Set(rows.map((r) => cellString(r[label]).trim()))].sort();
  if (levels.length < 2) {
    throw new TrainError(
      'one-class',
      levels.length === 0
        ? `Label column "${label}" is blank on every row.`
        : `Label column "${label}" has only one value ("${levels[0]}"): a model needs examples of both churned and retained customers.`,
    );
  }
  const positive = resolvePositive(levels, label, options.positive);
  const y = rows.map((r) => (cellString(r[label]).trim() === positive ? 1 : 0));
  const positives = y.reduce((s: number, v) => s + v, 0);

  const specs = options.specs ? [...options.specs] : inferColumns(rows, columns, label);
  const featureSpecs = specs.filter((s) => s.kind !== 'ignore' && s.name !== label);
  if (featureSpecs.length === 0) {
    throw new TrainError('no-features', 'No column can be used as a model input (all were ignored: identifiers, constants or free text).');
  }

  let folds;
  try {
    folds = stratifiedKFold(y, k, seed);
  } catch (error) {
    throw new TrainError(
      'too-few-rows',
      `Cannot run ${k}-fold cross-validation: ${(error as Error).message}. Use fewer folds or more rows (${positives} churned, ${rows.length - positives} retained).`,
    );
  }
  const logistic: LogisticOptions = { ...DEFAULT_LOGISTIC, ...options.logistic, seed };

  const foldMetrics: FoldMetrics[] = [];
  for (const [f, fold] of folds.entries()) {
    options.onProgress?.({ stage: 'cv', fold: f + 1, folds: k });
    const result = await evaluateFold({
      trainRows: fold.train.map((i) => rows[i]!),
      trainLabels: fold.train.map((i) => y[i]!),
      testRows: fold.test.map((i) => rows[i]!),
      testLabels: fold.test.map((i) => y[i]!),
      specs: featureSpecs,
      logistic: { ...logistic, seed: deriveSeed(seed, f + 1) },
      ...(options.preprocess ? { preprocess: options.preprocess } : {}),
    });
    foldMetrics.push({ fold: f + 1, ...result.metrics });
  }

  options.onProgress?.({ stage: 'final', fold: 0, folds: k });
  const prep = fitPreprocessor(rows, featureSpecs, options.preprocess);
  const d = prep.featureNames.length;
  if (d === 0) throw new TrainError('no-features', 'No model inputs remain after preprocessing (every category level is rare).');
  const x = transform(prep, rows);
  const model = await fitLogistic(x, y, d, { ...logistic, seed: deriveSeed(seed, 0) });
  let tfjs;
  try {
    tfjs = await serializeModel(model);
  } finally {
    model.dispose();
  }
  const baseline = new Array<number>(d).fill(0);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < d; j++) baseline[j]! += x[i * d + j]!;
  for (let j = 0; j < d; j++) baseline[j] = baseline[j]! / rows.length;

  const training: TrainingSettings = {
    seed,
    folds: k,
    epochs: logistic.epochs,
    batchSize: logistic.batchSize,
    learningRate: logistic.learningRate,
    l2: logistic.l2,
  };
  const dataHash = hashRows(rows, columns);
  const id = sha256(
    JSON.stringify({
      format: ARTIFACT_FORMAT,
      formatVersion: ARTIFACT_FORMAT_VERSION,
      kind: 'logistic',
      data: dataHash,
      label: { column: label, positive },
      specs,
      preprocess: options.preprocess ?? {},
      training,
    }),
  );
  const roc = foldMetrics.map((m) => m.roc_auc);
  const pr = foldMetrics.map((m) => m.pr_auc);
  const artifact: ModelArtifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    id,
    name: options.name,
    kind: 'logistic',
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    trainedBy: options.trainedBy,
    label: { column: label, positive },
    preprocessor: prep,
    baseline,
    tfjs,
    metrics: {
      rows: rows.length,
      positives,
      features: d,
      folds: k,
      roc_auc: mean(roc),
      roc_auc_sd: sd(roc),
      pr_auc: mean(pr),
      pr_auc_sd: sd(pr),
      brier: mean(foldMetrics.map((m) => m.brier)),
      log_loss: mean(foldMetrics.map((m) => m.log_loss)),
      skipped_rows: skippedRows,
      train_seconds: Math.round(performance.now() - started) / 1000,
    },
    trainingData: { hash: dataHash, rows: rows.length, source: options.source },
    columnSpecs: specs,
    training,
  };
  return { artifact, foldMetrics, specs, skippedRows, positive };
}
