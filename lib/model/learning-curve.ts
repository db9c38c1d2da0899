/**
 * The learning curve: the kept kind refitted on 20, 40, 60 and 80 % of the
 * first fold's training rows (the chosen tree shape, no search) and scored
 * on that fold's test rows; the last point is the full fold's own AUC.
 * Subsets with fewer than two rows of either class are skipped.
 */
import { rocAuc } from './metrics';
import { fitEncoded, transformEncoded } from './encoded';
import { treeLayout, type PreprocessOptions } from './preprocess';
import { deriveSeed, mulberry32, shuffleInPlace } from './prng';
import { fitNetworks, kindLogits, membersOf, networkLogits, type FitSettings } from './train-fit';
import { costOf, type TrainProgressTracker } from './train-progress';
import type { TrainingSet } from './train-set';
import type { LearningPoint, NetworkModelKind } from './types';

export const LEARNING_FRACTIONS = [0.2, 0.4, 0.6, 0.8] as const;

export async function learningCurve(
  set: TrainingSet,
  kind: NetworkModelKind,
  settings: FitSettings,
  firstFoldAuc: number,
  seed: number,
  preprocess: PreprocessOptions | undefined,
  progress: TrainProgressTracker,
): Promise<LearningPoint[]> {
  const { y, featureSpecs, table } = set;
  const members = membersOf(kind);
  const fold = set.folds[0]!;
  const order = shuffleInPlace([...fold.train], mulberry32(deriveSeed(seed, 0x1c)));
  const yTest = fold.test.map((i) => y[i]!);
  const points: LearningPoint[] = [];
  for (const [n, fraction] of LEARNING_FRACTIONS.entries()) {
    progress.report({ phase: 'learning-curve', fold: 1 });
    const subset = order.slice(0, Math.round(fraction * order.length)).sort((a, b) => a - b);
    const subY = subset.map((i) => y[i]!);
    const pos = subY.reduce((s, v) => s + v, 0);
    progress.add(costOf(members) * fraction);
    if (pos < 2 || pos > subY.length - 2) continue;
    const prep = fitEncoded(table, subset, featureSpecs, preprocess);
    const d = prep.featureNames.length;
    if (d === 0) continue;
    const fitted = await fitNetworks(
      members,
      transformEncoded(prep, table, subset),
      subY,
      d,
      { ...settings, ...treeLayout(prep) },
      deriveSeed(seed, 100 + n),
      progress.fitHooks('learning-curve', 1),
    );
    const z = kindLogits(kind, networkLogits(fitted, transformEncoded(prep, table, fold.test), fold.test.length));
    points.push({ fraction, trainRows: subset.length, roc_auc: rocAuc(yTest, z) });
    await progress.tick();
  }
  points.push({ fraction: 1, trainRows: fold.train.length, roc_auc: firstFoldAuc });
  return points;
}
