/**
 * The options page's training worker (a dedicated module worker, bundled by
 * Vite as its own file in the extension, so MV3's `script-src 'self'`
 * allows it). Thin: lib/training/train-job.ts does the work.
 */
import { runTrainingJob } from '@/lib/training/train-job';
import type { FromWorker, ToWorker } from '@/lib/training/worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage: (message: FromWorker) => void;
};

scope.onmessage = (event) => {
  if (event.data?.type === 'train') void runTrainingJob(event.data.request, (message) => scope.postMessage(message));
};
