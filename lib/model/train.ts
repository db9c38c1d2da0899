/**
 * Training: rows → column types → stratified k-fold CV (preprocessing refit
 * on each fold's training part only) → the best model kind → calibration on
 * the out-of-fold scores → evaluation → final fit on all labelled rows → a
 * content-addressed ModelArtifact (format 2).
 *
 * Model kinds (`model`): 'logistic', 'mlp', 'gbt' (gradient-boosted trees),
 * 'ensemble' (logistic + MLP, averaged log-odds) or 'auto' (the default):
 * logistic regression, the MLP and the trees are cross-validated on the
 * same folds, the ensemble scored from the same out-of-fold predictions,
 * and the kind with the best mean CV ROC AUC is kept (ties go to the
 * simpler: logistic, then mlp, then gbt, then ensemble). Rows
 * are weighted by balanced class weights by default; calibration (Platt
 * default) undoes the shift that causes.
 *
 * Trees (gbt): each fold boosts on its training part with early stopping
 * (and the tree-shape search) on a validation split nested inside it, so a
 * fold's test rows never steer its rounds and the out-of-fold scores are
 * honest (until format 2 rounds were chosen on the test folds: ~0.002 AUC
 * optimistic). The final fit takes the shape most folds chose and the
 * median of their rounds (gbt/stages.ts). Trees never split on spline-knot
 * inputs (preprocess treeInputs).
 *
 * Reported metrics are out-of-fold: ROC/PR AUC of the raw scores per fold
 * (mean ± sd); Brier and log loss of probabilities calibrated by a
 * calibrator fitted on the other folds' out-of-fold scores (cross-fitted, so
 * calibration is judged on rows it never saw). The final model's calibrator
 * is fitted on all out-of-fold scores.
 *
 * Used by `npm run train` and by the options page's training worker: it
 * only needs rows of text, no files or browser APIs. Cancellable through
 * `signal` (it yields to the event loop every ~30 ms of work so a worker
 * sees the cancel), reporting progress through `onProgress`.
 */
import { isMissing } from '../parse/missing';
import { DEFAULT_TIER_THRESHOLDS } from '../risk/tiers';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION } from './artifact';
import { calibrate, contributionScale, fitCalibration, type CalibrationMethod } from './calibration';
import { inferColumns } from './infer-columns';
import { stratifiedKFold, type Fold } from './cv';
import { sha256 } from './hash';
import { DEFAULT_LOGISTIC, fitLogisticWeights, type LogisticOptions } from './logistic';
import { averagePrecision, brierScore, logLoss, mean, rocAuc, sd } from './metrics';
import { trainingProfile } from './profile';
import { confusionAt, liftTable, oofSample, prCurve, reliabilityBins, rocCurve, tierTable } from './metrics-curves';
import { DEFAULT_MLP } from './mlp';
import { DEFAULT_GBT } from './gbt/boost';
import { chooseFinalTrees, type FoldTrees } from './gbt/stages';
import { compileGbt } from './gbt/predict';
import type { GbtSettings } from './gbt/types';
import { networkToTfjs } from './network';
import { fitPreprocessor, transform, treeInputs, type PreprocessOptions } from './preprocess';
import { deriveSeed, mulberry32, shuffleInPlace } from './prng';
import { ensureCpuBackend } from './logistic';
import { runtimeForLayers, ensembleRuntime, gbtRuntime } from './runtime';
import { fitNetworks, kindLogits, membersOf, networkLogits, type FitSettings, type FittedNetworks, type Member } from './train-fit';
import type {
  CandidateMetrics,
  ColumnSpec,
  LearningPoint,
  MlpSettings,
  ModelArtifact,
  ModelEvaluation,
  NetworkModelKind,
  Preprocessor,
  RawRow,
  TrainingSettings,
} from './types';

/** What to train: a kind, 'auto' (cross-validate logistic, MLP and trees, keep the best), or the CLI's aliases lr / nn. */
export type ModelChoice = 'auto' | NetworkModelKind | 'lr' | 'nn';

export interface TrainProgress {
  /** Kept for callers of format 1: 'cv' during cross-validation, 'final' after it. */
  stage: 'cv' | 'final';
  phase: 'prepare' | 'cv' | 'calibrate' | 'learning-curve' | 'final' | 'explain' | 'done';
  /** The CV fold (1-based) in phase cv and learning-curve; 0 otherwise. */
  fold: number;
  folds: number;
  /** The model being fitted. */
  model?: Member;
  /** MLP epoch (1-based) and its maximum. */
  epoch?: number;
  epochs?: number;
  /** Share of the whole training done, 0…1, non-decreasing. */
  fraction: number;
}

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
  /** Model kind (default 'auto'). */
  model?: ModelChoice;
  /** With 'auto': the models cross-validated (default all: logistic, mlp, gbt; the ensemble is scored when logistic and mlp are). */
  autoMembers?: readonly Member[];
  logistic?: Partial<Omit<LogisticOptions, 'seed' | 'classWeight'>>;
  mlp?: Partial<MlpSettings>;
  gbt?: Partial<GbtSettings>;
  /** Row weights by class (default 'balanced': rows of class c weigh n / (2·n_c)). */
  classWeights?: 'balanced' | 'none';
  /** Calibration of the final probabilities (default 'platt'). */
  calibration?: CalibrationMethod;
  /** Cut-off for the stored confusion matrix (default 0.5). */
  cutoff?: number;
  /** Tier cut-offs for the stored tier table (default lib/risk DEFAULT_TIER_THRESHOLDS). */
  tierThresholds?: readonly number[];
  /** Compute the learning curve (default true; costs about two extra fits). */
  learningCurve?: boolean;
  /** Id of the model this one retrains (version lineage). */
  parent?: string;
  preprocess?: PreprocessOptions;
  /** Clock for createdAt (tests). */
  now?: () => Date;
  onProgress?: (progress: TrainProgress) => void;
  /** Aborting it stops training with TrainError code 'cancelled'. */
  signal?: AbortSignal;
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
  /** Per fold, of the kind kept. */
  foldMetrics: FoldMetrics[];
  /** Column types used, including ignored columns and why. */
  specs: ColumnSpec[];
  /** Rows left out because their label was blank. */
  skippedRows: number;
  positive: string;
  /** The kind kept (= artifact.kind). */
  kind: NetworkModelKind;
  /** Every kind cross-validated, best first. */
  candidates: CandidateMetrics[];
  /** Per fold, of every kind cross-validated. */
  foldMetricsByKind: Partial<Record<NetworkModelKind, FoldMetrics[]>>;
}

export type TrainErrorCode =
  | 'no-rows'
  | 'label-missing'
  | 'one-class'
  | 'positive-unknown'
  | 'positive-ambiguous'
  | 'too-few-rows'
  | 'no-features'
  | 'cancelled';

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
 * One cross-validation fold of plain (unweighted, uncalibrated) logistic
 * regression: preprocessing is fitted on the training rows only, the model
 * is fitted on them, and the held-out rows are only transformed and scored.
 */
export async function evaluateFold(input: FoldInput): Promise<{
  preprocessor: Preprocessor;
  probabilities: Float32Array;
  metrics: Omit<FoldMetrics, 'fold'>;
}> {
  const preprocessor = fitPreprocessor(input.trainRows, input.specs, input.preprocess);
  const d = preprocessor.featureNames.length;
  if (d === 0) throw new TrainError('no-features', 'No model inputs remain after preprocessing (every category level is rare).');
  const { weights, bias } = fitLogisticWeights(transform(preprocessor, input.trainRows), input.trainLabels, d, input.logistic);
  const x = transform(preprocessor, input.testRows);
  const probabilities = new Float32Array(input.testRows.length);
  for (let r = 0; r < probabilities.length; r++) {
    let z = bias;
    for (let j = 0; j < d; j++) z += weights[j]! * x[r * d + j]!;
    probabilities[r] = 1 / (1 + Math.exp(-z));
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

const KIND_ORDER: readonly NetworkModelKind[] = ['logistic', 'mlp', 'gbt', 'ensemble'];
const AUTO_MEMBERS: readonly Member[] = ['logistic', 'mlp', 'gbt'];
/** Relative cost of fitting each model, for progress fractions. */
const COST = { logistic: 1, mlp: 6, gbt: 4 } as const;
/** Rows whose explanations give the feature importance. */
const IMPORTANCE_ROWS = 1000;
const LEARNING_FRACTIONS = [0.2, 0.4, 0.6, 0.8] as const;

export function resolveModelChoice(choice: ModelChoice | undefined): 'auto' | NetworkModelKind {
  if (choice === undefined || choice === 'auto') return 'auto';
  if (choice === 'lr') return 'logistic';
  if (choice === 'nn') return 'mlp';
  return choice;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function trainModel(options: TrainOptions): Promise<TrainResult> {
  const started = performance.now();
  const k = options.folds ?? 5;
  const seed = options.seed ?? 42;
  const { label } = options;
  const choice = resolveModelChoice(options.model);
  const classWeights = options.classWeights ?? 'balanced';
  const calibrationMethod = options.calibration ?? 'platt';

  let lastYield = performance.now();
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new TrainError('cancelled', 'Training was cancelled.');
  };
  const tick = async () => {
    checkCancelled();
    if (performance.now() - lastYield > 30) {
      await yieldToEventLoop();
      lastYield = performance.now();
      checkCancelled();
    }
  };
  checkCancelled();

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
  const y: number[] = rows.map((r) => (cellString(r[label]).trim() === positive ? 1 : 0));
  const positives = y.reduce((s: number, v) => s + v, 0);

  const specs = options.specs ? [...options.specs] : inferColumns(rows, columns, label);
  const featureSpecs = specs.filter((s) => s.kind !== 'ignore' && s.name !== label);
  if (featureSpecs.length === 0) {
    throw new TrainError('no-features', 'No column can be used as a model input (all were ignored: identifiers, constants or free text).');
  }

  let folds: Fold[];
  try {
    folds = stratifiedKFold(y, k, seed);
  } catch (error) {
    throw new TrainError(
      'too-few-rows',
      `Cannot run ${k}-fold cross-validation: ${(error as Error).message}. Use fewer folds or more rows (${positives} churned, ${rows.length - positives} retained).`,
    );
  }
  const settings: FitSettings = {
    logistic: { ...DEFAULT_LOGISTIC, ...options.logistic, seed },
    mlp: { ...DEFAULT_MLP, ...options.mlp },
    gbt: { ...DEFAULT_GBT, ...options.gbt },
    classWeights,
  };
  const trained: Member[] = choice === 'auto' ? AUTO_MEMBERS.filter((m) => (options.autoMembers ?? AUTO_MEMBERS).includes(m)) : membersOf(choice);
  if (trained.length === 0) throw new TrainError('no-features', 'autoMembers names no model to cross-validate.');
  const candidates: NetworkModelKind[] =
    choice === 'auto' ? KIND_ORDER.filter((kind) => membersOf(kind).every((m) => trained.includes(m))) : [choice];

  // Progress: units of work done over an estimate of the total (the winner's later fits taken at their dearest).
  const cvCost = trained.reduce((s, m) => s + COST[m], 0);
  const lcShare = options.learningCurve === false ? 0 : LEARNING_FRACTIONS.reduce((s, f) => s + f, 0);
  const total = cvCost * (k + 1 + lcShare) + 1;
  let done = 0;
  let lastFraction = 0;
  const report = (p: Omit<TrainProgress, 'fraction' | 'stage' | 'folds'> & { fraction?: number }) => {
    lastFraction = Math.max(lastFraction, Math.min(1, p.fraction ?? done / total));
    options.onProgress?.({ stage: p.phase === 'prepare' || p.phase === 'cv' ? 'cv' : 'final', folds: k, ...p, fraction: lastFraction });
  };
  const fitHooks = (phase: TrainProgress['phase'], fold: number) => ({
    onEpoch: async (epoch: number, epochs: number) => {
      report({ phase, fold, model: 'mlp', epoch, epochs, fraction: (done + (COST.mlp * epoch) / epochs) / total });
      await tick();
    },
    onRound: async (round: number, rounds: number) => {
      report({ phase, fold, model: 'gbt', fraction: (done + (COST.gbt * round) / rounds) / total });
      await tick();
    },
  });
  report({ phase: 'prepare', fold: 0 });

  // ------------------------------------------------------------ cross-validation
  const oofZ: Partial<Record<NetworkModelKind, Float64Array>> = {};
  for (const kind of candidates) oofZ[kind] = new Float64Array(rows.length);
  const bestEpochs: number[] = [];
  // Trees: each fold's shape and rounds from its nested early stopping; the final fit's are chosen from them below.
  const foldTrees: FoldTrees[] = [];
  const foldPreps: Preprocessor[] = [];
  for (const [f, fold] of folds.entries()) {
    report({ phase: 'cv', fold: f + 1 });
    await tick();
    const trainRows = fold.train.map((i) => rows[i]!);
    const trainY = fold.train.map((i) => y[i]!);
    const prep = fitPreprocessor(trainRows, featureSpecs, options.preprocess);
    foldPreps.push(prep);
    const d = prep.featureNames.length;
    if (d === 0) throw new TrainError('no-features', 'No model inputs remain after preprocessing (every category level is rare).');
    const xTrain = transform(prep, trainRows);
    const xTest = transform(prep, fold.test.map((i) => rows[i]!));
    const fitted: FittedNetworks = {};
    for (const member of trained) {
      report({ phase: 'cv', fold: f + 1, model: member });
      const foldSettings = member === 'gbt' ? { ...settings, gbtInputs: treeInputs(prep) } : settings;
      Object.assign(fitted, await fitNetworks([member], xTrain, trainY, d, foldSettings, deriveSeed(seed, f + 1), fitHooks('cv', f + 1)));
      done += COST[member];
      await tick();
    }
    if (fitted.bestEpoch !== undefined) bestEpochs.push(fitted.bestEpoch);
    if (fitted.gbt) foldTrees.push({ shape: fitted.gbtShape!, rounds: fitted.bestRounds! });

    const z = networkLogits(fitted, xTest, fold.test.length);
    for (const kind of candidates) {
      const zk = kindLogits(kind, z);
      fold.test.forEach((row, j) => (oofZ[kind]![row] = zk[j]!));
    }
  }

  const stage = foldTrees.length ? chooseFinalTrees(foldTrees, settings.gbt.shapes ?? []) : undefined;
  // The chosen shape, without a search, for the learning curve (inner early stopping) and the final fit.
  const chosenSettings: FitSettings = stage ? { ...settings, gbt: { ...settings.gbt, ...stage.shape, shapes: [] } } : settings;

  // ------------------------------------------------------------ metrics, choice, calibration
  report({ phase: 'calibrate', fold: 0 });
  const foldMetricsByKind: Partial<Record<NetworkModelKind, FoldMetrics[]>> = {};
  const calibratedOof: Partial<Record<NetworkModelKind, Float64Array>> = {};
  for (const kind of candidates) {
    const z = oofZ[kind]!;
    const calibrated = new Float64Array(rows.length);
    foldMetricsByKind[kind] = folds.map((fold, f) => {
      // Cross-fitted: this fold's probabilities come from a calibrator fitted on the other folds.
      const others = folds.flatMap((o, g) => (g === f ? [] : o.test));
      const cal = fitCalibration(calibrationMethod, others.map((i) => z[i]!), others.map((i) => y[i]!));
      const zTest = fold.test.map((i) => z[i]!);
      const yTest = fold.test.map((i) => y[i]!);
      const p = zTest.map((v) => calibrate(cal, v));
      fold.test.forEach((row, j) => (calibrated[row] = p[j]!));
      return {
        fold: f + 1,
        trainRows: fold.train.length,
        testRows: fold.test.length,
        testPositives: yTest.reduce((s, v) => s + v, 0),
        roc_auc: rocAuc(yTest, zTest),
        pr_auc: averagePrecision(yTest, zTest),
        brier: brierScore(yTest, p),
        log_loss: logLoss(yTest, p),
      };
    });
    calibratedOof[kind] = calibrated;
  }
  const candidateMetrics: CandidateMetrics[] = candidates.map((kind) => {
    const fm = foldMetricsByKind[kind]!;
    return {
      kind,
      roc_auc: mean(fm.map((m) => m.roc_auc)),
      roc_auc_sd: sd(fm.map((m) => m.roc_auc)),
      pr_auc: mean(fm.map((m) => m.pr_auc)),
      pr_auc_sd: sd(fm.map((m) => m.pr_auc)),
    };
  });
  let winner = candidateMetrics[0]!;
  for (const c of candidateMetrics) if (c.roc_auc > winner.roc_auc) winner = c;
  const kind = winner.kind;
  const ranked = [...candidateMetrics].sort((a, b) => b.roc_auc - a.roc_auc || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const winnerMembers = membersOf(kind);
  const winnerCost = winnerMembers.reduce((s, m) => s + COST[m], 0);
  const calibration = fitCalibration(calibrationMethod, oofZ[kind]!, y);
  const foldMetrics = foldMetricsByKind[kind]!;
  const oofP = calibratedOof[kind]!;

  // ------------------------------------------------------------ learning curve (first fold, same test rows)
  const learningCurve: LearningPoint[] = [];
  if (options.learningCurve !== false) {
    const fold = folds[0]!;
    const order = shuffleInPlace([...fold.train], mulberry32(deriveSeed(seed, 0x1c)));
    const testRows = fold.test.map((i) => rows[i]!);
    const yTest = fold.test.map((i) => y[i]!);
    for (const [n, fraction] of LEARNING_FRACTIONS.entries()) {
      report({ phase: 'learning-curve', fold: 1 });
      const subset = order.slice(0, Math.round(fraction * order.length)).sort((a, b) => a - b);
      const subY = subset.map((i) => y[i]!);
      const pos = subY.reduce((s, v) => s + v, 0);
      done += winnerCost * fraction;
      if (pos < 2 || pos > subY.length - 2) continue;
      const subRows = subset.map((i) => rows[i]!);
      const prep = fitPreprocessor(subRows, featureSpecs, options.preprocess);
      const d = prep.featureNames.length;
      if (d === 0) continue;
      const fitted = await fitNetworks(winnerMembers, transform(prep, subRows), subY, d, { ...chosenSettings, gbtInputs: treeInputs(prep) }, deriveSeed(seed, 100 + n), fitHooks('learning-curve', 1));
      const z = kindLogits(kind, networkLogits(fitted, transform(prep, testRows), testRows.length));
      learningCurve.push({ fraction, trainRows: subset.length, roc_auc: rocAuc(yTest, z) });
      await tick();
    }
    learningCurve.push({ fraction: 1, trainRows: fold.train.length, roc_auc: foldMetrics[0]!.roc_auc });
  }
  done = cvCost * k + winnerCost * lcShare;

  // ------------------------------------------------------------ final fit on all rows
  report({ phase: 'final', fold: 0 });
  const prep = fitPreprocessor(rows, featureSpecs, options.preprocess);
  const d = prep.featureNames.length;
  if (d === 0) throw new TrainError('no-features', 'No model inputs remain after preprocessing (every category level is rare).');
  const x = transform(prep, rows);
  const finalEpochs = bestEpochs.length > 0 ? Math.max(1, median(bestEpochs)) : undefined;
  // The final fit has no validation split; it keeps the folds' median best rounds (gbt/stages.ts).
  const finalRounds = stage?.rounds;
  const finalFit = await fitNetworks(winnerMembers, x, y, d, { ...chosenSettings, gbtInputs: treeInputs(prep) }, deriveSeed(seed, 0), fitHooks('final', 0), finalEpochs, finalRounds);
  done += winnerCost;
  const baseline = new Array<number>(d).fill(0);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < d; j++) baseline[j]! += x[i * d + j]!;
  for (let j = 0; j < d; j++) baseline[j] = baseline[j]! / rows.length;

  // ------------------------------------------------------------ importance: mean |contribution| per column
  report({ phase: 'explain', fold: 0 });
  await tick();
  const importance = await columnImportance(kind, finalFit, x, rows.length, baseline, prep.featureSource, contributionScale(calibration), seed);

  const mlpSettings: MlpSettings = { ...settings.mlp, ...(finalEpochs !== undefined && winnerMembers.includes('mlp') ? { finalEpochs } : {}) };
  const gbtSettings: GbtSettings = { ...settings.gbt, ...(stage ? { ...stage.shape, finalRounds: stage.rounds } : {}) };
  const training: TrainingSettings = {
    seed,
    folds: k,
    epochs: settings.logistic.epochs,
    batchSize: settings.logistic.batchSize,
    learningRate: settings.logistic.learningRate,
    l2: settings.logistic.l2,
    classWeights,
    calibration: calibrationMethod,
    ...(trained.includes('mlp') ? { mlp: mlpSettings } : {}),
    ...(trained.includes('gbt') ? { gbt: gbtSettings } : {}),
  };
  const dataHash = hashRows(rows, columns);
  const id = sha256(
    JSON.stringify({
      format: ARTIFACT_FORMAT,
      formatVersion: ARTIFACT_FORMAT_VERSION,
      kind,
      choice,
      data: dataHash,
      label: { column: label, positive },
      specs,
      preprocess: options.preprocess ?? {},
      training,
      cutoff: options.cutoff ?? 0.5,
      tiers: options.tierThresholds ?? DEFAULT_TIER_THRESHOLDS,
      learningCurve: options.learningCurve !== false,
    }),
  );
  const cutoff = options.cutoff ?? 0.5;
  const evaluation: ModelEvaluation = {
    roc: rocCurve(y, oofP),
    pr: prCurve(y, oofP),
    atCutoff: confusionAt(y, oofP, cutoff),
    calibration: reliabilityBins(y, oofP),
    lift: liftTable(y, oofP),
    tiers: tierTable({ p: oofP, y }, options.tierThresholds ?? DEFAULT_TIER_THRESHOLDS),
    learningCurve,
    importance,
    oof: oofSample(oofP, y, 2000, deriveSeed(seed, 0x00f)),
  };
  const networks =
    kind === 'ensemble'
      ? { members: [{ kind: 'logistic' as const, tfjs: networkToTfjs(finalFit.logistic!) }, { kind: 'mlp' as const, tfjs: networkToTfjs(finalFit.mlp!) }] }
      : kind === 'gbt'
        ? { gbt: finalFit.gbt! }
        : { tfjs: networkToTfjs(kind === 'logistic' ? finalFit.logistic! : finalFit.mlp!) };
  const artifact: ModelArtifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    id,
    name: options.name,
    kind,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    trainedBy: options.trainedBy,
    label: { column: label, positive },
    preprocessor: prep,
    baseline,
    ...networks,
    ...(calibration ? { calibration } : {}),
    evaluation,
    profile: trainingProfile(rows, prep.columns, oofP),
    ...(options.parent ? { parent: options.parent } : {}),
    metrics: {
      rows: rows.length,
      positives,
      features: d,
      folds: k,
      roc_auc: winner.roc_auc,
      roc_auc_sd: winner.roc_auc_sd,
      pr_auc: winner.pr_auc,
      pr_auc_sd: winner.pr_auc_sd,
      brier: mean(foldMetrics.map((m) => m.brier)),
      log_loss: mean(foldMetrics.map((m) => m.log_loss)),
      skipped_rows: skippedRows,
      reliability: evaluation.calibration,
      candidates: ranked,
      train_seconds: Math.round(performance.now() - started) / 1000,
    },
    trainingData: { hash: dataHash, rows: rows.length, source: options.source },
    columnSpecs: specs,
    training,
  };
  report({ phase: 'done', fold: 0, fraction: 1 });
  return { artifact, foldMetrics, specs, skippedRows, positive, kind, candidates: ranked, foldMetricsByKind };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

/** Mean |contribution| (calibrated log-odds) per source column over up to IMPORTANCE_ROWS seeded rows, largest first. */
async function columnImportance(
  kind: NetworkModelKind,
  fitted: FittedNetworks,
  x: Float32Array,
  n: number,
  baseline: number[],
  featureSource: readonly string[],
  scale: number,
  seed: number,
): Promise<{ source: string; importance: number }[]> {
  const d = baseline.length;
  const pick = n <= IMPORTANCE_ROWS ? Array.from({ length: n }, (_, i) => i) : shuffleInPlace(Array.from({ length: n }, (_, i) => i), mulberry32(deriveSeed(seed, 0x1a))).slice(0, IMPORTANCE_ROWS);
  const sample = new Float32Array(pick.length * d);
  pick.forEach((row, r) => sample.set(x.subarray(row * d, row * d + d), r * d));
  await ensureCpuBackend();
  const runtimes = membersOf(kind).map((m) =>
    m === 'gbt' ? gbtRuntime(compileGbt(fitted.gbt!), baseline) : runtimeForLayers(m, m === 'logistic' ? fitted.logistic! : fitted.mlp!, baseline),
  );
  const runtime = runtimes.length > 1 ? ensembleRuntime(runtimes) : runtimes[0]!;
  try {
    const a = runtime.attributions(sample, pick.length);
    const sums = new Map<string, number>();
    for (let r = 0; r < pick.length; r++) {
      const perColumn = new Map<string, number>();
      for (let i = 0; i < d; i++) perColumn.set(featureSource[i]!, (perColumn.get(featureSource[i]!) ?? 0) + a[r * d + i]!);
      for (const [source, v] of perColumn) sums.set(source, (sums.get(source) ?? 0) + Math.abs(v * scale));
    }
    return [...sums]
      .map(([source, total]) => ({ source, importance: total / pick.length }))
      .sort((p, q) => q.importance - p.importance || (p.source < q.source ? -1 : 1));
  } finally {
    runtime.dispose();
  }
}
