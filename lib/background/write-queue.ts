import type { WriteBatch } from '../db/customers-repo';

/** Waits between attempts of a failing write; then it is reported, never silently dropped. */
export const WRITE_RETRY_DELAYS_MS = [100, 500, 2000];

export interface WriteQueueOptions {
  write: (batch: WriteBatch) => Promise<void>;
  onFailure: (error: unknown, batch: WriteBatch) => void;
  onSuccess?: () => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Serialises writes and coalesces what arrives while one is in flight into the
 * next batch, so a burst of page scans costs few transactions and answers to
 * the page never wait for the disk.
 */
export function createWriteQueue(options: WriteQueueOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let pending: WriteBatch | null = null;
  let flushing: Promise<void> | null = null;

  async function writeWithRetry(batch: WriteBatch) {
    for (let attempt = 0; ; attempt++) {
      try {
        await options.write(batch);
        options.onSuccess?.();
        return;
      } catch (error) {
        const delay = WRITE_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) return options.onFailure(error, batch);
        await sleep(delay);
      }
    }
  }

  function flush(): Promise<void> {
    flushing ??= (async () => {
      // Start on a later task: IndexedDB clones rows synchronously inside put(),
      // and that must not delay the reply the caller is about to send.
      await sleep(0);
      while (pending) {
        const batch = pending;
        pending = null;
        await writeWithRetry(batch);
      }
      flushing = null;
    })();
    return flushing;
  }

  return {
    enqueue(part: Partial<WriteBatch>): void {
      pending ??= { customers: [], observations: [], scores: [] };
      pending.customers.push(...(part.customers ?? []));
      pending.observations.push(...(part.observations ?? []));
      pending.scores.push(...(part.scores ?? []));
      void flush();
    },
    /** Resolves when everything enqueued so far has been written (or reported). */
    idle(): Promise<void> {
      return pending || flushing ? flush() : Promise.resolve();
    },
  };
}
