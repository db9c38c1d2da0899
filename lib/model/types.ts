/**
 * The model seam. Training (CLI today, options-page worker later), the
 * background scorer and model import/export all speak ModelArtifact.
 * Bump formatVersion on any incompatible change and keep a reader for the old one.
 */
import type { Reason } from '../domain';

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
    }
  | {
      name: string;
      kind: 'binary';
      /** Input value for a missing answer: the training share of "yes" (default 0.5 when absent). */
      fill?: number;
    }
  | { name: string; kind: 'categorical'; levels: string[] };

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
  brier: number;
  train_seconds: number;
  /** Mean cross-validated log loss. */
  log_loss?: number;
  /** Labelled rows left out because the label was blank. */
  skipped_rows?: number;
}

/** How a model was fitted, so the same data and settings can reproduce it. */
export interface TrainingSettings {
  seed: number;
  folds: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  l2: number;
}

export interface TfjsWeights {
  modelTopology: unknown;
  weightSpecs: unknown[];
  /** Base64 of the concatenated little-endian weight buffer. */
  weightData: string;
}

export interface ModelArtifact {
  format: 'churn-radar-model';
  formatVersion: 1;
  /** Content hash: the same data and settings give the same id. */
  id: string;
  name: string;
  kind: 'logistic';
  /** ISO time. */
  createdAt: string;
  /** What produced it, e.g. "npm run train" or "options page". */
  trainedBy: string;
  label: { column: string; positive: string };
  preprocessor: Preprocessor;
  /** Mean of each transformed input over the training rows: the explanation baseline. */
  baseline: number[];
  tfjs: TfjsWeights;
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
  dispose(): void;
}
