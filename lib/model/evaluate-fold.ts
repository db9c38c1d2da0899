/** One plain logistic-regression CV fold, for callers that evaluate a fold on its own (not trainModel's loop). */
import { fitLogisticWeights, type LogisticOptions } from './logistic';
import { averagePrecision, brierScore, logLoss, rocAuc } from './metrics';
import { fitPreprocessor, transform, type PreprocessOptions } from './preprocess';
import { noInputsLeft, type FoldMetrics } from './train-types';
import type { ColumnSpec, Preprocessor, RawRow } from './types';

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
  if (d === 0) throw noInputsLeft();
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
