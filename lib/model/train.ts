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
import { DEFAULT_TIER_THRESHOLDS } from '../risk/tiers';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION } from './artifact';
import { contributionScale } from './calibration';
import { chooseCandidate, KIND_ORDER } from './candidate-metrics';
import { columnImportance } from './column-importance';
import { crossValidate } from './cross-validate';
import { DEFAULT_GBT } from './gbt/boost';
import { chooseFinalTrees } from './gbt/stages';
import type { GbtSettings } from './gbt/types';
import { sha256 } from './hash';
import { LEARNING_FRACTIONS, learningCurve } from './learning-curve';
import { DEFAULT_LOGISTIC } from './logistic';
import { mean } from './metrics';
import { confusionAt, liftTable, oofSample, prCurve, reliabilityBins, rocCurve, tierTable } from './metrics-curves';
import { DEFAULT_MLP } from './mlp';
import { encodedProfile } from './profile';
import { networkToTfjs } from './dense-network';
import { fitEncoded, transformEncoded } from './encoded';
import { treeLayout } from './preprocess';
import { deriveSeed } from './prng';
import { fitNetworks, membersOf, type FitSettings, type Member } from './train-fit';
import { costOf, createTrainProgress } from './train-progress';
import { hashRows, prepareTrainingSet } from './train-set';
import { noInputsLeft, resolveModelChoice, TrainError, type TrainOptions, type TrainResult } from './train-types';
import type { MlpSettings, ModelArtifact, ModelEvaluation, NetworkModelKind, TrainingSettings } from './types';

export { evaluateFold } from './evaluate-fold';
export { hashRows, resolvePositive } from './train-set';
export * from './train-types';

const AUTO_MEMBERS: readonly Member[] = ['logistic', 'mlp', 'gbt'];

export async function trainModel(options: TrainOptions): Promise<TrainResult> {
  const started = performance.now();
  const k = options.folds ?? 5;
  const seed = options.seed ?? 42;
  const choice = resolveModelChoice(options.model);
  const classWeights = options.classWeights ?? 'balanced';
  const calibrationMethod = options.calibration ?? 'platt';
  if (options.signal?.aborted) throw new TrainError('cancelled', 'Training was cancelled.');

  const set = prepareTrainingSet(options, k, seed);
  const { rows, y } = set;
  const settings: FitSettings = {
    logistic: { ...DEFAULT_LOGISTIC, ...options.logistic, seed },
    mlp: { ...DEFAULT_MLP, ...options.mlp },
    gbt: { ...DEFAULT_GBT, ...options.gbt },
    classWeights,
  };
  const trained: Member[] = choice === 'auto' ? AUTO_MEMBERS.filter((m) => (options.autoMembers ?? AUTO_MEMBERS).includes(m)) : membersOf(choice);
  if (trained.length === 0) throw new TrainError('no-features', 'autoMembers names no model to cross-validate.');
  const candidates: NetworkModelKind[] = choice === 'auto' ? KIND_ORDER.filter((kind) => membersOf(kind).every((m) => trained.includes(m))) : [choice];

  const cvCost = costOf(trained);
  const lcShare = options.learningCurve === false ? 0 : LEARNING_FRACTIONS.reduce((s, f) => s + f, 0);
  const progress = createTrainProgress(options, k, { cv: cvCost * k, 'learning-curve': cvCost * lcShare, final: cvCost, explain: 1 });
  progress.report({ phase: 'prepare', fold: 0 });

  const cv = await crossValidate(set, trained, candidates, settings, seed, options.preprocess, progress);
  progress.finishStage();
  const stage = cv.foldTrees.length ? chooseFinalTrees(cv.foldTrees, settings.gbt.shapes ?? []) : undefined;
  // The chosen shape, without a search, for the learning curve (inner early stopping) and the final fit.
  const chosenSettings: FitSettings = stage ? { ...settings, gbt: { ...settings.gbt, ...stage.shape, shapes: [] } } : settings;

  progress.report({ phase: 'calibrate', fold: 0 });
  const chosen = chooseCandidate(candidates, cv.oofZ, y, set.folds, calibrationMethod);
  const { kind, calibration, oofP } = chosen;
  const foldMetrics = chosen.foldMetricsByKind[kind]!;
  const winnerMembers = membersOf(kind);

  const curve =
    options.learningCurve === false ? [] : await learningCurve(set, kind, chosenSettings, foldMetrics[0]!.roc_auc, seed, options.preprocess, progress);
  progress.finishStage();

  // ------------------------------------------------------------ final fit on all rows
  progress.report({ phase: 'final', fold: 0 });
  const everyRow = Uint32Array.from({ length: rows.length }, (_, i) => i);
  const prep = fitEncoded(set.table, everyRow, set.featureSpecs, options.preprocess);
  const d = prep.featureNames.length;
  if (d === 0) throw noInputsLeft();
  const x = transformEncoded(prep, set.table, everyRow);
  const finalEpochs = cv.bestEpochs.length > 0 ? Math.max(1, median(cv.bestEpochs)) : undefined;
  // The final fit has no validation split; it keeps the folds' median best rounds (gbt/stages.ts).
  const finalRounds = stage?.rounds;
  const finalFit = await fitNetworks(
    winnerMembers,
    x,
    y,
    d,
    { ...chosenSettings, ...treeLayout(prep) },
    deriveSeed(seed, 0),
    progress.fitHooks('final', 0),
    finalEpochs,
    finalRounds,
  );
  progress.finishStage();
  const baseline = new Array<number>(d).fill(0);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < d; j++) baseline[j]! += x[i * d + j]!;
  for (let j = 0; j < d; j++) baseline[j] = baseline[j]! / rows.length;

  progress.report({ phase: 'explain', fold: 0 });
  await progress.tick();
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
  const label = { column: options.label, positive: set.positive };
  const dataHash = hashRows(rows, set.columns);
  const cutoff = options.cutoff ?? 0.5;
  const tiers = options.tierThresholds ?? DEFAULT_TIER_THRESHOLDS;
  const id = sha256(
    JSON.stringify({
      format: ARTIFACT_FORMAT,
      formatVersion: ARTIFACT_FORMAT_VERSION,
      kind,
      choice,
      data: dataHash,
      label,
      specs: set.specs,
      preprocess: options.preprocess ?? {},
      training,
      cutoff,
      tiers,
      learningCurve: options.learningCurve !== false,
    }),
  );
  const evaluation: ModelEvaluation = {
    roc: rocCurve(y, oofP),
    pr: prCurve(y, oofP),
    atCutoff: confusionAt(y, oofP, cutoff),
    calibration: reliabilityBins(y, oofP),
    lift: liftTable(y, oofP),
    tiers: tierTable({ p: oofP, y }, tiers),
    learningCurve: curve,
    importance,
    oof: oofSample(oofP, y, 2000, deriveSeed(seed, 0x00f)),
  };
  const networks =
    kind === 'ensemble'
      ? {
          members: [
            { kind: 'logistic' as const, tfjs: networkToTfjs(finalFit.logistic!) },
            { kind: 'mlp' as const, tfjs: networkToTfjs(finalFit.mlp!) },
          ],
        }
      : kind === 'gbt'
        ? { gbt: finalFit.gbt! }
        : { tfjs: networkToTfjs(kind === 'logistic' ? finalFit.logistic! : finalFit.mlp!) };
  const { winner, ranked } = chosen;
  const artifact: ModelArtifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    id,
    name: options.name,
    kind,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    trainedBy: options.trainedBy,
    label,
    preprocessor: prep,
    baseline,
    ...networks,
    ...(calibration ? { calibration } : {}),
    evaluation,
    profile: encodedProfile(set.table, prep.columns, oofP),
    ...(options.parent ? { parent: options.parent } : {}),
    metrics: {
      rows: rows.length,
      positives: set.positives,
      features: d,
      folds: k,
      roc_auc: winner.roc_auc,
      roc_auc_sd: winner.roc_auc_sd,
      pr_auc: winner.pr_auc,
      pr_auc_sd: winner.pr_auc_sd,
      brier: mean(foldMetrics.map((m) => m.brier)),
      log_loss: mean(foldMetrics.map((m) => m.log_loss)),
      skipped_rows: set.skippedRows,
      reliability: evaluation.calibration,
      candidates: ranked,
      train_seconds: Math.round(performance.now() - started) / 1000,
    },
    trainingData: { hash: dataHash, rows: rows.length, source: options.source },
    columnSpecs: set.specs,
    training,
  };
  progress.report({ phase: 'done', fold: 0, fraction: 1 });
  return {
    artifact,
    foldMetrics,
    specs: set.specs,
    skippedRows: set.skippedRows,
    positive: set.positive,
    kind,
    candidates: ranked,
    foldMetricsByKind: chosen.foldMetricsByKind,
  };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}
