/**
 * Messages between the options page and its training worker
 * (entrypoints/options/train.worker.ts). Types only, plus the progress
 * arithmetic both sides share.
 *
 * page → worker: one `train` per worker; Cancel terminates the worker (no
 * message), which frees its memory at once and cannot leave a half-written
 * model: nothing is stored until the page sends the finished artifact to the
 * background.
 */
import type { ColumnSpec, ModelArtifact, RawRow } from '../model/types';

export interface TrainRequest {
  rows: RawRow[];
  /** Column order (the CSV header). */
  columns: string[];
  label: string;
  /** The label value that means churned. */
  positive: string;
  /** One spec per column; non-features are kind 'ignore'. */
  specs: ColumnSpec[];
  folds: number;
  name: string;
  /** Where the rows came from, e.g. the file name. */
  source: string;
  /** Model kind; 'auto' cross-validates the kinds and keeps the best by ROC AUC. */
  kind?: 'logistic' | 'mlp' | 'gbt' | 'auto';
  seed?: number;
  /** The model this one retrains (version lineage). */
  parent?: string;
}

export type TrainingPhase = 'preparing' | 'cv' | 'final' | 'evaluating';

export interface TrainingProgress {
  phase: TrainingPhase;
  /** 1-based fold during 'cv', else 0. */
  fold: number;
  folds: number;
  /** Overall completion in [0, 1]. */
  fraction: number;
  /** The model being fitted, and where it is: MLP epoch of epochs, or the trees' boosting round. */
  model?: 'logistic' | 'mlp' | 'gbt';
  epoch?: number;
  epochs?: number;
  round?: number;
}

/**
 * Seconds left, extrapolated from the share done so far (null until 3 % and
 * 2 s are done: the first moments — parsing, the first fold's set-up — say
 * little about the rest). Rounded up to 5 s steps so it does not flicker.
 */
export function remainingSeconds(fraction: number, elapsedSeconds: number): number | null {
  if (!(fraction >= 0.03) || !(elapsedSeconds >= 2) || fraction >= 1) return fraction >= 1 ? 0 : null;
  return Math.ceil((elapsedSeconds * (1 - fraction)) / fraction / 5) * 5;
}

export type ToWorker = { type: 'train'; request: TrainRequest };

export type FromWorker =
  | { type: 'progress'; progress: TrainingProgress }
  /** The artifact carries its metrics and evaluation data (ModelArtifact.evaluation). */
  | { type: 'done'; artifact: ModelArtifact; seconds: number }
  | { type: 'error'; code: string; message: string };

/**
 * Overall completion: preparing is the first 2 %, each CV fold an equal
 * share of the next 80 %, the final fit up to 95 %, evaluation the rest.
 * `within` is the completion inside the current step (0 when unknown).
 */
export function progressFraction(phase: TrainingPhase, fold: number, folds: number, within = 0): number {
  const w = Math.min(1, Math.max(0, within));
  switch (phase) {
    case 'preparing':
      return 0.02 * w;
    case 'cv': {
      const k = Math.max(1, folds);
      const f = Math.min(k, Math.max(1, fold));
      return 0.02 + (0.8 * (f - 1 + w)) / k;
    }
    case 'final':
      return 0.82 + 0.13 * w;
    case 'evaluating':
      return 0.95 + 0.05 * w;
  }
}
