import type { WorkerLike } from '@/lib/training/worker-client';

/**
 * The training worker. Vite sees `new Worker(new URL(…), { type: 'module' })`
 * and emits train.worker.ts as its own file in the extension: no blob: or
 * data: URL, so MV3's default `script-src 'self'` allows it.
 */
export function createTrainingWorker(): WorkerLike {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
