/**
 * What the training worker does with one request: train and cross-validate
 * with lib/model (the same code as `npm run train`), reporting progress,
 * and post the finished artifact or an error a manager can read. Runs in a
 * dedicated Web Worker (entrypoints/options/train.worker.ts); written
 * against a `post` callback so it is testable in Node.
 */
import { trainModel, TrainError, type TrainOptions } from '../model/train';
import { progressFraction, type FromWorker, type TrainRequest, type TrainingPhase } from './worker-protocol';

export const TRAINED_BY = 'options page (Web Worker)';

/** lib/model's progress report: a stage, the fold, and (when known) the completion within the stage. */
interface ModelProgress {
  stage: string;
  fold: number;
  folds: number;
  fraction?: number;
}

/** lib/model stages → the page's phases: cross-validation, the final fit, then everything after it. */
export function phaseOf(stage: string, sawFinal: boolean): TrainingPhase {
  if (stage === 'cv') return 'cv';
  if (stage === 'final') return 'final';
  return sawFinal ? 'evaluating' : 'cv';
}

export async function runTrainingJob(request: TrainRequest, post: (message: FromWorker) => void, clock: () => number = () => performance.now()): Promise<void> {
  const started = clock();
  const folds = request.folds;
  post({ type: 'progress', progress: { phase: 'preparing', fold: 0, folds, fraction: 0 } });
  let sawFinal = false;
  const onProgress = (progress: ModelProgress) => {
    if (progress.stage === 'final') sawFinal = true;
    const phase = phaseOf(progress.stage, sawFinal);
    post({
      type: 'progress',
      progress: { phase, fold: phase === 'cv' ? progress.fold : 0, folds, fraction: progressFraction(phase, progress.fold, folds, progress.fraction ?? 0) },
    });
  };
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
  };
  // Options of the model engineer's newer trainModel (model kind, lineage), passed through when set.
  const extra: Record<string, unknown> = {};
  if (request.kind) extra.model = request.kind;
  if (request.parent) extra.parent = request.parent;
  try {
    const { artifact } = await trainModel({ ...options, ...extra });
    post({ type: 'progress', progress: { phase: 'evaluating', fold: 0, folds, fraction: 1 } });
    post({ type: 'done', artifact, seconds: (clock() - started) / 1000 });
  } catch (error) {
    if (error instanceof TrainError) post({ type: 'error', code: error.code, message: error.message });
    else post({ type: 'error', code: 'internal', message: error instanceof Error ? error.message : String(error) });
  }
}
