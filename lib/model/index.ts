/** The model pipeline: data → features → model → train → persist → score. */
export * from './types';
export { inferColumns, looksLikeIdName, type InferOptions } from './columns';
export { fitPreprocessor, transform, transformRow, compileTransform, featureLayout, MISSING_LEVEL, DEFAULT_SPLINE_KNOTS, type PreprocessOptions } from './preprocess';
export { fitLogistic, fitLogisticWeights, predictLogistic, ensureCpuBackend, DEFAULT_LOGISTIC, type LogisticOptions } from './logistic';
export { fitMlp, DEFAULT_MLP, balancedClassWeight } from './mlp';
export { rocAuc, averagePrecision, brierScore, logLoss, mean, sd } from './metrics';
export { rocCurve, prCurve, confusionAt, reliabilityBins, liftTable, tierTable, oofSample } from './metrics-curves';
export { fitPlatt, fitIsotonic, calibrate, type CalibrationMethod } from './calibration';
export { stratifiedKFold, type Fold } from './cv';
export {
  trainModel,
  evaluateFold,
  resolveModelChoice,
  TrainError,
  hashRows,
  resolvePositive,
  type TrainOptions,
  type TrainResult,
  type TrainProgress,
  type TrainErrorCode,
  type ModelChoice,
  type FoldMetrics,
} from './train';
export {
  parseModelArtifact,
  serializeModel,
  loadModel,
  decodeLogisticWeights,
  ModelArtifactError,
  ARTIFACT_FORMAT,
  ARTIFACT_FORMAT_VERSION,
  READABLE_VERSIONS,
  MAX_ARTIFACT_CHARS,
  MAX_INPUTS,
} from './artifact';
export { createScorer, baselineProbability } from './scorer';
export { DEFAULT_SCORECARD, createScorecardScorer, scorecardArtifact, parseScorecard, ruleFires, indicatorValue } from './scorecard';
