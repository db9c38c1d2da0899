/**
 * The cross-validation loop: per fold, preprocessing fitted on the fold's
 * training part only, each member fitted, the held-out rows scored; the
 * out-of-fold log-odds of every candidate kind are kept for metrics and
 * calibration. Trees record each fold's shape and rounds from their nested
 * early stopping; the final fit chooses from them (gbt/stages.ts).
 */
import type { FoldTrees } from './gbt/stages';
import { fitEncoded, transformEncoded } from './encoded';
import { treeLayout, type PreprocessOptions } from './preprocess';
import { deriveSeed } from './prng';
import { fitNetworks, kindLogits, networkLogits, type FitSettings, type FittedNetworks, type Member } from './train-fit';
import { COST, type TrainProgressTracker } from './train-progress';
import type { TrainingSet } from './train-set';
import { noInputsLeft } from './train-types';
import type { NetworkModelKind } from './types';

export interface CrossValidation {
  /** Out-of-fold log-odds per candidate kind, by row. */
  oofZ: Partial<Record<NetworkModelKind, Float64Array>>;
  /** The MLP's best epoch in each fold. */
  bestEpochs: number[];
  foldTrees: FoldTrees[];
}

export async function crossValidate(
  set: TrainingSet,
  members: readonly Member[],
  candidates: readonly NetworkModelKind[],
  settings: FitSettings,
  seed: number,
  preprocess: PreprocessOptions | undefined,
  progress: TrainProgressTracker,
): Promise<CrossValidation> {
  const { rows, y, folds, featureSpecs, table } = set;
  const oofZ: CrossValidation['oofZ'] = {};
  for (const kind of candidates) oofZ[kind] = new Float64Array(rows.length);
  const bestEpochs: number[] = [];
  const foldTrees: FoldTrees[] = [];
  for (const [f, fold] of folds.entries()) {
    progress.report({ phase: 'cv', fold: f + 1 });
    await progress.tick();
    const trainY = fold.train.map((i) => y[i]!);
    const prep = fitEncoded(table, fold.train, featureSpecs, preprocess);
    const d = prep.featureNames.length;
    if (d === 0) throw noInputsLeft();
    const xTrain = transformEncoded(prep, table, fold.train);
    const xTest = transformEncoded(prep, table, fold.test);
    const fitted: FittedNetworks = {};
    for (const member of members) {
      progress.report({ phase: 'cv', fold: f + 1, model: member });
      const foldSettings = member === 'gbt' ? { ...settings, ...treeLayout(prep) } : settings;
      Object.assign(fitted, await fitNetworks([member], xTrain, trainY, d, foldSettings, deriveSeed(seed, f + 1), progress.fitHooks('cv', f + 1)));
      progress.add(COST[member]);
      await progress.tick();
    }
    if (fitted.bestEpoch !== undefined) bestEpochs.push(fitted.bestEpoch);
    if (fitted.gbt) foldTrees.push({ shape: fitted.gbtShape!, rounds: fitted.bestRounds! });

    const z = networkLogits(fitted, xTest, fold.test.length);
    for (const kind of candidates) {
      const zk = kindLogits(kind, z);
      fold.test.forEach((row, j) => (oofZ[kind]![row] = zk[j]!));
    }
  }
  return { oofZ, bestEpochs, foldTrees };
}
