import type { SiteKey } from '../domain';
import type { WriteBatch } from '../db/customers-repo';

/** Waits between attempts of a failing write; then it is reported, never silently dropped. */
export const WRITE_RETRY_DELAYS_MS = [100, 500, 2000];

/**
 * Rows a failed batch may hold while storage is unavailable. Past this the
 * oldest observations are dropped first (customers' latest rows are kept) and
 * the drop is reported: a full disk must not also exhaust memory.
 */
const MAX_HELD_ROWS = 200_000;

/** What an erase removes: one site's rows, or (no site) everything. */
export interface EraseScope {
  site?: SiteKey;
}

export interface WriteQueueOptions {
  write: (batch: WriteBatch) => Promise<void>;
  /** The batch could not be written after every retry; it is held and tried again with the next write or `retry()`. */
  onFailure: (error: unknown, batch: WriteBatch) => void;
  onSuccess?: (batch: WriteBatch) => void;
  /** Rows had to be discarded while storage was failing (only past MAX_HELD_ROWS). */
  onDiscard?: (count: number) => void;
  /**
   * Rows accepted but not yet on disk (queued, being written or held) changed.
   * The background persists it, so rows a stopped worker took with it are
   * counted at the next start instead of vanishing unnoticed.
   */
  onUnsaved?: (rows: number) => void;
  /**
   * The rows of the held batch that must outlive this worker changed (null:
   * none any more). The background copies them to storage.session (see
   * parked-rows.ts), and a new worker gives them back with `restore`. An erase
   * waits for the copy without its rows to be stored.
   */
  onParked?: (batch: WriteBatch | null) => Promise<void> | void;
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

export const sizeOf = (batch: Partial<WriteBatch>) => Object.values(batch).reduce((sum, rows) => sum + (rows?.length ?? 0), 0);

const inScope = (scope: EraseScope, row: { site: SiteKey }) => scope.site === undefined || row.site === scope.site;

/** The batch without the rows any of the scopes covers (every table's rows carry their site). */
function withoutScopes<T extends Partial<WriteBatch>>(batch: T, scopes: Iterable<EraseScope>): T {
  const list = [...scopes];
  if (!list.length) return batch;
  const kept = {} as T;
  for (const key of Object.keys(batch) as (keyof WriteBatch)[]) {
    const rows = batch[key] as { site: SiteKey }[] | undefined;
    if (rows) (kept as Record<string, unknown>)[key] = rows.filter((row) => !list.some((scope) => inScope(scope, row)));
  }
  return kept;
}

/**
 * Serialises writes and coalesces what arrives while one is in flight into the
 * next batch, so a burst of page scans costs few transactions and answers to
 * the page never wait for the disk. A batch that still fails after the retries
 * is reported and kept: it goes out again, first, with the next write or the
 * next `retry()` (the background's alarm), so a storage problem that clears
 * (space freed, other tab closed) loses nothing. The held rows are also
 * handed to `onParked`, so a worker that MV3 stops while they wait does not
 * take them along: the next worker `restore`s them.
 *
 * An erase first calls `exclude(scope)`: queued and held rows of what it erases
 * are dropped, rows enqueued for it meanwhile are refused, and it waits for a
 * write already in flight, so nothing it erases is written back afterwards.
 */
export function createWriteQueue(options: WriteQueueOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxHeld = options.maxHeldRows ?? MAX_HELD_ROWS;
  let pending: WriteBatch | null = null;
  let held: WriteBatch | null = null;
  let inFlight = 0;
  let flushing: Promise<void> | null = null;
  let retryRequested = false;
  const excluded = new Set<EraseScope>();
  /** What was last handed to onParked: the held rows, kept while a retry of them is in flight. */
  let parked: WriteBatch | null = null;
  let parkedSize = 0;
  let parking: Promise<void> = Promise.resolve();
  function park(batch: WriteBatch | null) {
    const next = batch && sizeOf(batch) ? batch : null;
    // A flush appends to the held batch in place: the same object may hold more rows now.
    if (next === parked && (next ? sizeOf(next) : 0) === parkedSize) return;
    parked = next;
    parkedSize = next ? sizeOf(next) : 0;
    const onParked = options.onParked;
    if (!onParked) return;
    parking = parking.then(() => onParked(next)).catch((error: unknown) => console.error('[churn-radar] could not keep held rows for the next worker', error));
  }

  const safely = (callback: () => void) => {
    try {
      callback();
    } catch (error) {
      console.error('[churn-radar] write queue callback failed', error);
    }
  };
  const unsaved = () => inFlight + (held ? sizeOf(held) : 0) + (pending ? sizeOf(pending) : 0);
  let reportedUnsaved = 0;
  const reportUnsaved = () => {
    const rows = unsaved();
    if (rows === reportedUnsaved) return;
    reportedUnsaved = rows;
    safely(() => options.onUnsaved?.(rows));
  };

  function hold(batch: WriteBatch) {
    held = withoutScopes(batch, excluded);
    const excess = sizeOf(held) - maxHeld;
    if (excess > 0) {
      const dropped = held.observations.splice(0, Math.min(excess, held.observations.length)).length;
      if (dropped) safely(() => options.onDiscard?.(dropped));
    }
    if (!sizeOf(held)) held = null;
    park(held);
  }

  async function writeWithRetry(batch: WriteBatch) {
    for (let attempt = 0; ; attempt++) {
      try {
        await options.write(batch);
        // Every flush writes the held batch first, so the parked rows are on disk now.
        park(null);
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
        // An erase that started meanwhile must not be undone by this retry.
        batch = withoutScopes(batch, excluded);
      }
    }
  }

  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        // Start on a later task: IndexedDB clones rows synchronously inside put(),
        // and that must not delay the reply the caller is about to send.
        await sleep(0);
        while (pending || (retryRequested && held)) {
          retryRequested = false;
          const batch = held ?? emptyBatch();
          held = null;
          if (pending) append(batch, pending);
          pending = null;
          inFlight = sizeOf(batch);
          reportUnsaved();
          const written = await writeWithRetry(batch);
          inFlight = 0;
          reportUnsaved();
          // A failed batch waits for the next enqueue or retry() rather than spinning on a full disk;
          // rows that arrived during the attempt join it (and its parked copy) rather than wait outside it.
          if (!written) {
            if (pending) {
              const merged = held ?? emptyBatch();
              append(merged, pending);
              pending = null;
              hold(merged);
            }
            break;
          }
        }
      } finally {
        retryRequested = false;
        flushing = null;
      }
    })();
    return flushing;
  }

  /** Try the held batch again now (the background's retry alarm); resolves when that attempt ends. */
  async function retry(): Promise<void> {
    // A flush in progress already writes the held batch first (or just failed it): try once more after it.
    if (flushing) await flushing;
    if (!held) return;
    retryRequested = true;
    await flush();
  }

  return {
    enqueue(part: Partial<WriteBatch>): void {
      const accepted = withoutScopes(part, excluded);
      if (!sizeOf(accepted)) return;
      pending ??= emptyBatch();
      append(pending, accepted);
      // Rows waiting behind a write in flight are unsaved too: a worker stopped now loses them,
      // so the marker must count them before the next flush turn (a page now arrives in several messages).
      reportUnsaved();
      void flush();
    },
    /** Resolves when everything enqueued so far has been written (or reported and held). */
    idle(): Promise<void> {
      return pending || flushing ? flush() : Promise.resolve();
    },
    /** Try the held batch again now (the background's retry alarm); resolves when that attempt ends. */
    retry,
    /**
     * Rows a previous worker held (and parked) when it stopped: they go out
     * first, now, ahead of anything enqueued since; if storage still fails
     * they are held (and parked) again. Rows of an erase in progress are dropped.
     */
    restore(batch: WriteBatch): Promise<void> {
      const accepted = withoutScopes(batch, excluded);
      if (!sizeOf(accepted)) return Promise.resolve();
      const restored = emptyBatch();
      append(restored, accepted);
      if (held) append(restored, held);
      held = restored;
      park(held);
      reportUnsaved();
      retryRequested = true;
      return flush();
    },
    /**
     * Drop what the scope covers from the queue and refuse it until the
     * returned release is called; resolves once no write that could hold
     * such rows is in flight.
     */
    async exclude(scope: EraseScope): Promise<() => void> {
      excluded.add(scope);
      if (pending) pending = withoutScopes(pending, [scope]);
      if (held) hold(held);
      // A held batch being retried right now is not in `held`, but its parked copy must lose the rows too.
      else if (parked) park(withoutScopes(parked, [scope]));
      reportUnsaved();
      await flushing;
      await parking;
      return () => excluded.delete(scope);
    },
    /** Rows waiting after a failure (0 when storage is healthy). */
    heldRows: () => (held ? sizeOf(held) : 0),
    /** Rows accepted and not yet on disk. */
    unsavedRows: unsaved,
  };
}
