/** The model pipeline: data → features → model → train → persist → score. */
export * from './types';
export { inferColumns, looksLikeIdName, type InferOptions } from './columns';
export { fitPreprocessor, transform, transformRow, featureLayout, MISSING_LEVEL, type PreprocessOptions } from './preprocess';
export { fitLogistic, predictLogistic, ensureCpuBackend, DEFAULT_LOGISTIC, type LogisticOptions } from './logistic';
export { rocAuc, averagePrecision, brierScore, logLoss, mean, sd } from './metrics';
export { stratifiedKFold, type Fold } from './cv';
export { trainModel, evaluateFold, TrainError, hashRows, resolvePositive, type TrainOptions, type TrainResult, type FoldMetrics } from './train';
export { parseModelArtifact, serializeModel, loadModel, decodeLogisticWeights, ModelArtifactError } from './artifact';
export { createScorer, baselineProbability } from './scorer';
