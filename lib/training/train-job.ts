/**
 * What the training worker does with one request: train and cross-validate
 * with lib/model (the same code as `npm run train`), reporting progress,
 * and post the finished artifact or an error a manager can read. Runs in a
 * dedicated Web Worker (entrypoints/options/train.worker.ts); written
 * against a `post` callback so it is testable in Node.
 */
import { trainModel, TrainError, type TrainOptions, type TrainProgress } from '../model/train';
import { progressFraction, type FromWorker, type TrainRequest, type TrainingPhase, type TrainingProgress } from './worker-protocol';

export const TRAINED_BY = 'options page (Web Worker)';

/** lib/model's phases → the page's: preparing, cross-validation, the final fit, and the evaluation work around it. */
export function phaseOf(phase: TrainProgress['phase']): TrainingPhase {
  switch (phase) {
    case 'prepare':
      return 'preparing';
    case 'cv':
      return 'cv';
    case 'final':
      return 'final';
    default:
      return 'evaluating';
  }
}

/** The page's progress from lib/model's: its own overall fraction when given, else the phase arithmetic. */
export function pageProgress(
  progress: Pick<TrainProgress, 'phase' | 'fold' | 'folds'> & Partial<Pick<TrainProgress, 'fraction' | 'model' | 'epoch' | 'epochs' | 'round'>>,
  folds: number,
): TrainingProgress {
  const phase = phaseOf(progress.phase);
  const fraction = Number.isFinite(progress.fraction) ? Math.min(1, Math.max(0, progress.fraction!)) : progressFraction(phase, progress.fold, folds);
  const { model, epoch, epochs, round } = progress;
  return {
    phase,
    fold: phase === 'cv' ? progress.fold : 0,
    folds,
    fraction,
    ...(model ? { model } : {}),
    ...(model === 'mlp' && epoch !== undefined ? { epoch, ...(epochs !== undefined ? { epochs } : {}) } : {}),
    ...(model === 'gbt' && round !== undefined ? { round } : {}),
  };
}

export async function runTrainingJob(request: TrainRequest, post: (message: FromWorker) => void, clock: () => number = () => performance.now()): Promise<void> {
  const started = clock();
  const folds = request.folds;
  post({ type: 'progress', progress: { phase: 'preparing', fold: 0, folds, fraction: 0 } });
  const onProgress = (progress: TrainProgress) => post({ type: 'progress', progress: pageProgress(progress, folds) });
  const options: TrainOptions = {
    rows: request.rows,
    columns: request.columns,
    label: request.label,
    positive: request.positive,
    specs: request.specs,
    folds,
    name: request.name,
    trainedBy: TRAINED_BY,
    source: request.source,
    onProgress,
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.kind ? { model: request.kind } : {}),
    ...(request.parent ? { parent: request.parent } : {}),
  };
  try {
    const { artifact } = await trainModel(options);
    post({ type: 'progress', progress: { phase: 'evaluating', fold: 0, folds, fraction: 1 } });
    post({ type: 'done', artifact, seconds: (clock() - started) / 1000 });
  } catch (error) {
    if (error instanceof TrainError) post({ type: 'error', code: error.code, message: error.message });
    else post({ type: 'error', code: 'internal', message: error instanceof Error ? error.message : String(error) });
  }
}
