/**
 * The options page's side of the training worker: start one training run,
 * follow its progress, cancel it. Cancel terminates the worker: the page
 * never waits for a fold to finish, and nothing half-done is stored (the
 * page stores only a finished artifact, through the background).
 */
import type { ModelArtifact } from '../model/types';
import type { FromWorker, ToWorker, TrainRequest, TrainingProgress } from './worker-protocol';

/** The parts of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export class TrainingCancelled extends Error {
  override name = 'TrainingCancelled';
  constructor() {
    super('Training was cancelled.');
  }
}

/** Training that could not produce a model; `code` is lib/model's TrainErrorCode, 'worker' or 'internal'. */
export class TrainingFailed extends Error {
  override name = 'TrainingFailed';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TrainingRun {
  result: Promise<{ artifact: ModelArtifact; seconds: number }>;
  cancel(): void;
}

export function startTraining(
  request: TrainRequest,
  options: { createWorker: () => WorkerLike; onProgress?: (progress: TrainingProgress) => void },
): TrainingRun {
  const worker = options.createWorker();
  let settled = false;
  let finish: (outcome: { ok: true; value: { artifact: ModelArtifact; seconds: number } } | { ok: false; error: Error }) => void = () => undefined;
  const result = new Promise<{ artifact: ModelArtifact; seconds: number }>((resolve, reject) => {
    finish = (outcome) => {
      if (settled) return;
      settled = true;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    };
  });
  worker.onmessage = ({ data }) => {
    if (settled) return;
    if (data.type === 'progress') options.onProgress?.(data.progress);
    else if (data.type === 'done') finish({ ok: true, value: { artifact: data.artifact, seconds: data.seconds } });
    else if (data.type === 'error') finish({ ok: false, error: new TrainingFailed(data.code, data.message) });
  };
  worker.onerror = (event) => finish({ ok: false, error: new TrainingFailed('worker', event.message || 'The training worker stopped unexpectedly.') });
  worker.postMessage({ type: 'train', request });
  return { result, cancel: () => finish({ ok: false, error: new TrainingCancelled() }) };
}
