/** What trainModel takes, reports and returns, and the error it throws for input that cannot give a model. */
import type { CalibrationMethod } from './calibration';
import type { GbtSettings } from './gbt/types';
import type { LogisticOptions } from './logistic';
import type { PreprocessOptions } from './preprocess';
import type { Member } from './train-fit';
import type { CandidateMetrics, ColumnSpec, MlpSettings, ModelArtifact, NetworkModelKind, RawRow } from './types';

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
  /** Boosting round (1-based) of the trees being fitted. */
  round?: number;
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

export function resolveModelChoice(choice: ModelChoice | undefined): 'auto' | NetworkModelKind {
  if (choice === undefined || choice === 'auto') return 'auto';
  if (choice === 'lr') return 'logistic';
  if (choice === 'nn') return 'mlp';
  return choice;
}

/** A preprocessor left no model input (every category level was rare): the same refusal wherever it is fitted. */
export function noInputsLeft(): TrainError {
  return new TrainError('no-features', 'No model inputs remain after preprocessing (every category level is rare).');
}
