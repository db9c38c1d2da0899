/**
 * From out-of-fold log-odds to each candidate kind's fold metrics and the
 * kind kept. Brier and log loss are judged on probabilities from a
 * calibrator fitted on the other folds (cross-fitted, so calibration is
 * judged on rows it never saw); the kept kind's calibrator is fitted on all
 * out-of-fold scores. The best mean ROC AUC wins, ties to the simpler kind.
 */
import { calibrate, fitCalibration, type CalibrationMethod } from './calibration';
import type { Fold } from './cv';
import { averagePrecision, brierScore, logLoss, mean, rocAuc, sd } from './metrics';
import type { FoldMetrics } from './train-types';
import type { Calibration, CandidateMetrics, NetworkModelKind } from './types';

/** Order of simplicity: ties in ROC AUC go to the earlier kind. */
export const KIND_ORDER: readonly NetworkModelKind[] = ['logistic', 'mlp', 'gbt', 'ensemble'];

export interface CandidateChoice {
  kind: NetworkModelKind;
  winner: CandidateMetrics;
  /** Every candidate, best first. */
  ranked: CandidateMetrics[];
  foldMetricsByKind: Partial<Record<NetworkModelKind, FoldMetrics[]>>;
  /** The kept kind's calibrator, fitted on all out-of-fold scores. */
  calibration: Calibration | undefined;
  /** The kept kind's cross-fitted out-of-fold probabilities, by row. */
  oofP: Float64Array;
}

export function chooseCandidate(
  candidates: readonly NetworkModelKind[],
  oofZ: Partial<Record<NetworkModelKind, Float64Array>>,
  y: readonly number[],
  folds: readonly Fold[],
  method: CalibrationMethod,
): CandidateChoice {
  const foldMetricsByKind: CandidateChoice['foldMetricsByKind'] = {};
  const calibratedOof: Partial<Record<NetworkModelKind, Float64Array>> = {};
  for (const kind of candidates) {
    const z = oofZ[kind]!;
    const calibrated = new Float64Array(y.length);
    foldMetricsByKind[kind] = folds.map((fold, f) => {
      const others = folds.flatMap((o, g) => (g === f ? [] : o.test));
      const cal = fitCalibration(
        method,
        others.map((i) => z[i]!),
        others.map((i) => y[i]!),
      );
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
  const ranked = [...candidateMetrics].sort((a, b) => b.roc_auc - a.roc_auc || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return {
    kind: winner.kind,
    winner,
    ranked,
    foldMetricsByKind,
    calibration: fitCalibration(method, oofZ[winner.kind]!, y),
    oofP: calibratedOof[winner.kind]!,
  };
}
