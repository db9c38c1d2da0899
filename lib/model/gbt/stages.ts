/**
 * Rounds (and tree shape) chosen by cross-validation: every fold boosted on
 * its training part while its test rows were watched (STAGE-round
 * snapshots of their log-odds, per searched shape); the (shape, rounds)
 * with the best mean test-fold ROC AUC wins — one choice for all folds, as
 * a grid search over n_estimators would make. A fold that stopped early
 * keeps its last snapshot for later rounds. Ties go to the earlier shape
 * (the simpler, listed first) and fewer rounds.
 */
import { rocAuc } from '../metrics';
import { STAGE, type StagedScores } from './boost';
import type { GbtShape } from './types';

export interface StageChoice {
  shape: GbtShape;
  shapeIndex: number;
  /** Index into each fold's snapshots (rounds = (stage + 1)·STAGE). */
  stage: number;
  rounds: number;
  /** Mean test-fold ROC AUC at that choice. */
  rocAuc: number;
}

export function chooseStage(perFold: readonly (readonly StagedScores[])[], testLabels: readonly (readonly number[])[]): StageChoice {
  if (perFold.length === 0 || perFold.length !== testLabels.length) throw new RangeError('one list of staged scores per fold is needed');
  let best: StageChoice | null = null;
  const shapes = perFold[0]!.length;
  for (let s = 0; s < shapes; s++) {
    const stages = Math.max(...perFold.map((fold) => fold[s]!.scores.length));
    for (let c = 0; c < stages; c++) {
      let sum = 0;
      for (let f = 0; f < perFold.length; f++) {
        const scores = perFold[f]![s]!.scores;
        sum += rocAuc(testLabels[f]!, scores[Math.min(c, scores.length - 1)]!);
      }
      const mean = sum / perFold.length;
      if (best === null || mean > best.rocAuc + 1e-12) best = { shape: perFold[0]![s]!.shape, shapeIndex: s, stage: c, rounds: (c + 1) * STAGE, rocAuc: mean };
    }
  }
  return best!;
}
