/**
 * The model seam. Training (CLI today, options-page worker later), the
 * background scorer and model import/export all speak ModelArtifact.
 * Bump formatVersion on any incompatible change and keep a reader for the old one.
 */
import type { Reason } from '../domain';
import type { BgNbdSpec } from './artifact-schema';
import type { GbtModel, GbtSettings } from './gbt/types';
import type { MappedColumn } from './engines/mapped-column';
import type { LayersSpec } from './engines/layers-schema';
import type { TrainingProfile } from './profile-schema';

/** One input row: CSV cells or CRM page text, keyed by column / field key. */
export type RawRow = Record<string, string | number | null | undefined>;

export type ColumnKind = 'numeric' | 'binary' | 'categorical' | 'ignore';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** Why a column was ignored or typed this way (shown to managers). */
  note?: string;
}

/** Preprocessing for one source column, fitted on the training split only. */
export type FittedColumn =
  | {
      name: string;
      kind: 'numeric';
      center: number;
      scale: number;
      missingIndicator: boolean;
      /** Scaled values are clipped to ±clip (default 10 when absent). */
      clip?: number;
      /**
       * Knots (in scaled units, ascending) of a linear spline: one extra input
       * max(0, z − knot) each, so a linear model can bend (format 2).
       */
      knots?: number[];
    }
  | {
      name: string;
      kind: 'binary';
      /** Input value for a missing answer: the training share of "yes" (default 0.5 when absent). */
      fill?: number;
    }
  | { name: string; kind: 'categorical'; levels: string[] }
  /** Inputs of a model trained elsewhere, by its feature spec (format 3, lib/model/engines). */
  | MappedColumn;

export interface Preprocessor {
  columns: FittedColumn[];
  /** One entry per model input, e.g. "Contract=Two year". */
  featureNames: string[];
  /** Source column of each model input (same length as featureNames). */
  featureSource: string[];
}

export interface ModelMetrics {
  rows: number;
  positives: number;
  features: number;
  folds: number;
  roc_auc: number;
  roc_auc_sd: number;
  pr_auc: number;
  pr_auc_sd: number;
  /** Mean cross-validated Brier score of the calibrated probabilities (format 1: uncalibrated). */
  brier: number;
  train_seconds: number;
  /** Mean cross-validated log loss (calibrated, as brier). */
  log_loss?: number;
  /** Labelled rows left out because the label was blank. */
  skipped_rows?: number;
  /** Reliability of the calibrated out-of-fold probabilities (calibration cross-fitted over folds), 10 equal-width bins, empty ones left out. */
  reliability?: CalibrationBin[];
  /** Every model kind cross-validated on the same folds (with `model: 'auto'`), best first. */
  candidates?: CandidateMetrics[];
}

export interface CandidateMetrics {
  kind: NetworkModelKind;
  roc_auc: number;
  roc_auc_sd: number;
  pr_auc: number;
  pr_auc_sd: number;
}

/** How a model was fitted, so the same data and settings can reproduce it. */
export interface TrainingSettings {
  seed: number;
  folds: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  /** Class weights used in training (rows of class c weigh n / (2·n_c) when balanced). */
  classWeights?: 'balanced' | 'none';
  mlp?: MlpSettings;
  /** Kind gbt (or auto): the boosting settings, with the final fit's rounds. */
  gbt?: GbtSettings;
  calibration?: 'platt' | 'isotonic' | 'none';
}

export type ModelKind = 'logistic' | 'mlp' | 'gbt' | 'ensemble' | 'scorecard' | 'bgnbd' | 'layers';
/** The kinds that are trained from data (here). */
export type NetworkModelKind = Exclude<ModelKind, 'scorecard' | 'bgnbd' | 'layers'>;

/**
 * Maps the model's raw log-odds z to a calibrated probability, fitted on
 * out-of-fold predictions. Platt: p = σ(a·z + b). Isotonic: a non-decreasing
 * step function given by points (x = raw log-odds, ascending; y = probability),
 * linearly interpolated between points and flat beyond the ends.
 */
export type Calibration = { method: 'platt'; a: number; b: number } | { method: 'isotonic'; x: number[]; y: number[] };

/** Settings of the small neural network (kind 'mlp', or an ensemble member). */
export interface MlpSettings {
  hidden: number[];
  epochs: number;
  /** Epochs actually run in the final fit (the median best epoch of the CV folds). */
  finalEpochs?: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  dropout: number;
  patience: number;
  validationShare: number;
  /** Rows one epoch visits at most (early stopping is checked after each); absent: every training row. */
  epochRows?: number;
}

export interface CurvePoint {
  /** The score cut-off of this point (a calibrated probability). */
  threshold: number;
  x: number;
  y: number;
}

/** Confusion matrix and rates at one cut-off: predicted churn when p ≥ threshold. */
export interface ThresholdMetrics {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export interface CalibrationBin {
  /** Bin [lo, hi) of predicted probability (the last bin includes 1). */
  lo: number;
  hi: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

export interface LiftRow {
  /** 1 = the 10 % of customers with the highest scores. */
  decile: number;
  count: number;
  positives: number;
  /** Churn rate in this decile. */
  rate: number;
  /** rate ÷ overall churn rate. */
  lift: number;
  /** Share of all churners found in deciles 1…this one. */
  cumulativeGain: number;
}

export interface TierRow {
  tier: 1 | 2 | 3 | 4 | 5;
  /** [lo, hi) of probability; hi of tier 5 is 1 (inclusive). */
  lo: number;
  hi: number;
  count: number;
  /** Share of all customers in this tier. */
  share: number;
  positives: number;
  /** Churn rate in this tier (NaN→null when empty). */
  churnRate: number | null;
}

export interface LearningPoint {
  fraction: number;
  trainRows: number;
  roc_auc: number;
}

/** Evaluation data for charts, all from out-of-fold predictions; every list is bounded (≤ ~200 points, OOF sample ≤ 2,000). */
export interface ModelEvaluation {
  /** ROC curve: x = false-positive rate, y = true-positive rate. */
  roc: CurvePoint[];
  /** Precision-recall curve: x = recall, y = precision. */
  pr: CurvePoint[];
  /** At the default cut-off (0.5). */
  atCutoff: ThresholdMetrics;
  calibration: CalibrationBin[];
  lift: LiftRow[];
  /** Churn rate per tier at the default tier thresholds (recompute with tierTable for others). */
  tiers: TierRow[];
  /** ROC AUC when training on a share of the rows (one fold's training part), same test rows. */
  learningCurve: LearningPoint[];
  /** Mean |contribution| (log-odds) per source column over a sample of training rows, largest first. */
  importance: { source: string; importance: number }[];
  /** A sample of out-of-fold calibrated probabilities and labels, for recomputing at other cut-offs. */
  oof: { p: number[]; y: number[] };
}

export interface TfjsWeights {
  modelTopology: unknown;
  weightSpecs: unknown[];
  /** Base64 of the concatenated little-endian weight buffer. */
  weightData: string;
}

/** A member of an ensemble: its raw log-odds are averaged with the others'. */
export interface EnsembleMember {
  kind: 'logistic' | 'mlp';
  tfjs: TfjsWeights;
}

/** One rule of a scorecard: adds `weight` log-odds points when the indicator's value meets the condition. */
export interface ScorecardRule {
  /** Indicator id (lib/indicators), read from the input `ind:<id>`. */
  indicator: string;
  /** Compared with the indicator's value in its own units (before any log scaling of model inputs). */
  condition: { op: '>=' | '>' | '<=' | '<' | '=='; value: number };
  /** Log-odds points added when the rule fires (positive raises risk). */
  weight: number;
}

/** A transparent starter model: intercept + the weights of the rules that fire, through σ. */
export interface Scorecard {
  name: string;
  /** Log-odds of a customer for whom no rule fires. */
  intercept: number;
  rules: ScorecardRule[];
}

export interface ModelArtifact {
  format: 'churn-radar-model';
  /** 1: logistic only (still read); 2: every kind, calibration, evaluation, lineage; 3: models imported from other engines. */
  formatVersion: 1 | 2 | 3;
  /** Content hash: the same data and settings give the same id. */
  id: string;
  name: string;
  kind: ModelKind;
  /** ISO time. */
  createdAt: string;
  /** What produced it, e.g. "npm run train" or "options page". */
  trainedBy: string;
  label: { column: string; positive: string };
  preprocessor: Preprocessor;
  /** Mean of each transformed input over the training rows: the explanation baseline. */
  baseline: number[];
  /** The network, for kinds logistic and mlp. */
  tfjs?: TfjsWeights;
  /** Kind gbt: the trees (on the same transformed inputs as the other kinds). */
  gbt?: GbtModel;
  /** Kind ensemble: the members (a logistic regression and an MLP), raw log-odds averaged. */
  members?: EnsembleMember[];
  /** Kind scorecard: the rules. */
  scorecard?: Scorecard;
  /** Kind bgnbd: the fitted buy-till-you-die model of one site. */
  bgnbd?: BgNbdSpec;
  /** Kind layers: a Keras/TensorFlow model imported from tensorflowjs_converter output (format 3). */
  layers?: LayersSpec;
  /** Applied to the raw log-odds in predict; absent = none (p = σ(z)). */
  calibration?: Calibration;
  evaluation?: ModelEvaluation;
  /** How inputs and scores were distributed in training (issue 16: drift is measured against it); absent on older models. */
  profile?: TrainingProfile;
  /** Id of the model this one was retrained from (version lineage). */
  parent?: string;
  metrics: ModelMetrics;
  trainingData: { hash: string; rows: number; source: string };
  /** Column types used (including ignored columns and why). */
  columnSpecs?: ColumnSpec[];
  training?: TrainingSettings;
}

export interface Scorer {
  readonly artifact: ModelArtifact;
  /** Churn probabilities, one per row, same order. */
  predict(rows: RawRow[]): Float32Array;
  /** Per source column, signed log-odds contribution against the baseline, largest |contribution| first. */
  explain(row: RawRow): Reason[];
  /** predict + explain for many rows, transforming each row once: the hot path of a list page. */
  scoreAndExplain(rows: RawRow[]): { probability: number; reasons: Reason[] }[];
  /**
   * Whether this scorer can score the row at all; absent: any row. A scorer
   * that declares it and accepts a row is chosen for it (lib/model/choice.ts).
   */
  accepts?(row: RawRow): boolean;
  /**
   * Keys that order rows by risk more finely than the (float32) probabilities,
   * on the log-odds scale; absent: the probabilities' log-odds. Used to rank a
   * site's customers (lib/risk/starter-tiers.ts) where probabilities saturate.
   */
  rankKeys?(rows: RawRow[]): Float64Array;
  dispose(): void;
}
