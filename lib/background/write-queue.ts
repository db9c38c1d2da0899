import type { WriteBatch } from '../db/customers-repo';

/** Waits between attempts of a failing write; then it is reported, never silently dropped. */
export const WRITE_RETRY_DELAYS_MS = [100, 500, 2000];

/**
 * Rows a failed batch may hold while storage is unavailable. Past this the
 * oldest observations are dropped first (customers' latest rows are kept) and
 * the drop is reported: a full disk must not also exhaust memory.
 */
export const MAX_HELD_ROWS = 200_000;

export interface WriteQueueOptions {
  write: (batch: WriteBatch) => Promise<void>;
  /** The batch could not be written after every retry; it is held and tried again with the next write. */
  onFailure: (error: unknown, batch: WriteBatch) => void;
  onSuccess?: (batch: WriteBatch) => void;
  /** Rows had to be discarded while storage was failing (only past MAX_HELD_ROWS). */
  onDiscard?: (count: number) => void;
  sleep?: (ms: number) => Promise<void>;
  maxHeldRows?: number;
}

export const emptyBatch = (): WriteBatch => ({ customers: [], observations: [], scores: [], activities: [], indicators: [] });

function append(target: WriteBatch, part: Partial<WriteBatch>): void {
  for (const key of Object.keys(target) as (keyof WriteBatch)[]) {
    const rows = part[key];
    if (rows?.length) (target[key] as unknown[]).push(...rows);
  }
}

const sizeOf = (batch: WriteBatch) => Object.values(batch).reduce((sum, rows) => sum + rows.length, 0);

/**
 * Serialises writes and coalesces what arrives while one is in flight into the
 * next batch, so a burst of page scans costs few transactions and answers to
 * the page never wait for the disk. A batch that still fails after the retries
 * is reported and kept: it goes out again, first, with the next write, so a
 * storage problem that clears (space freed, other tab closed) loses nothing.
 */
export function createWriteQueue(options: WriteQueueOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxHeld = options.maxHeldRows ?? MAX_HELD_ROWS;
  let pending: WriteBatch | null = null;
  let held: WriteBatch | null = null;
  let flushing: Promise<void> | null = null;

  const safely = (callback: () => void) => {
    try {
      callback();
    } catch (error) {
      console.error('[churn-radar] write queue callback failed', error);
    }
  };

  function hold(batch: WriteBatch) {
    held = batch;
    const excess = sizeOf(held) - maxHeld;
    if (excess > 0) {
      const dropped = held.observations.splice(0, Math.min(excess, held.observations.length)).length;
      if (dropped) safely(() => options.onDiscard?.(dropped));
    }
  }

  async function writeWithRetry(batch: WriteBatch) {
    for (let attempt = 0; ; attempt++) {
      try {
        await options.write(batch);
        safely(() => options.onSuccess?.(batch));
        return true;
      } catch (error) {
        const delay = WRITE_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          hold(batch);
          safely(() => options.onFailure(error, batch));
          return false;
        }
        await sleep(delay);
      }
    }
  }

  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        // Start on a later task: IndexedDB clones rows synchronously inside put(),
        // and that must not delay the reply the caller is about to send.
        await sleep(0);
        while (pending) {
          const batch = held ?? emptyBatch();
          held = null;
          append(batch, pending);
          pending = null;
          // A failed batch waits for the next enqueue rather than spinning on a full disk.
          if (!(await writeWithRetry(batch))) break;
        }
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  return {
    enqueue(part: Partial<WriteBatch>): void {
      pending ??= emptyBatch();
      append(pending, part);
      void flush();
    },
    /** Resolves when everything enqueued so far has been written (or reported and held). */
    idle(): Promise<void> {
      return pending || flushing ? flush() : Promise.resolve();
    },
    /** Rows waiting after a failure (0 when storage is healthy). */
    heldRows: () => (held ? sizeOf(held) : 0),
  };
}
