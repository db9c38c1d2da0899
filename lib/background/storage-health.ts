import { classifyStorageError, errorText } from '../db/storage-errors';
import type { LostRows, StorageProblem } from '../settings';

/** The alarm that retries held writes while storage is failing (chrome.alarms wakes a stopped worker too). */
export const RETRY_ALARM = 'churn-radar-retry-writes';
/** Chrome 120+ allows 30 s alarms; older versions round up to a minute. */
export const RETRY_ALARM_MINUTES = 0.5;

export interface StorageHealthPorts {
  problem: { set(value: StorageProblem): Promise<void>; clear(): Promise<void> };
  lost: { get(): Promise<LostRows | null>; set(value: LostRows | null): Promise<void> };
  unsaved: { get(): Promise<number>; set(rows: number): Promise<void> };
  /** Rows of the previous worker's unsaved ones that this worker took back (parked-rows.ts): not lost. */
  restored?: Promise<number>;
  /** (Re)arm the retry alarm. */
  scheduleRetry(): void;
  heldRows(): number;
  now(): number;
}

/**
 * What the background tells the user about saving history. A live problem
 * (session) says why writes fail and how many rows wait; it is cleared by the
 * next successful write. Rows that were accepted and then lost — the worker
 * stopped with them in memory, or the memory cap dropped them — are counted
 * in `lostRows` (local), which stays until the user dismisses it: a new worker
 * must not wipe the evidence with its first good write.
 *
 * Every storage update runs in one chain, the first link being the start-up
 * check, so the previous worker's unsaved count is read before this worker
 * writes its own. Of those rows, the ones the previous worker had parked in
 * storage.session and this worker took back are not lost; the rest are.
 */
export function createStorageHealth(ports: StorageHealthPorts) {
  let discarded = 0;
  const log = (error: unknown) => console.error('[churn-radar] could not record storage health', error);

  async function addLost(rows: number, cause: LostRows['cause']) {
    const previous = await ports.lost.get();
    const at = ports.now();
    await ports.lost.set({ rows: (previous?.rows ?? 0) + rows, since: previous?.since ?? at, at, cause });
  }

  let chain: Promise<void> = (async () => {
    const left = await ports.unsaved.get();
    if (left > 0) {
      const restored = (await ports.restored?.catch(() => 0)) ?? 0;
      if (left > restored) await addLost(left - restored, 'stopped');
      await ports.unsaved.set(0);
    }
  })().catch(log);
  const serial = (task: () => Promise<void>) => (chain = chain.then(task).catch(log));

  return {
    /** Resolves once every update so far is stored (tests, and the e2e's restart check). */
    flushed: () => chain,
    failed(error: unknown) {
      console.error('[churn-radar] could not save customer history', error);
      const problem: StorageProblem = { kind: classifyStorageError(error), message: errorText(error), at: ports.now(), pending: ports.heldRows(), discarded };
      void serial(() => ports.problem.set(problem));
      ports.scheduleRetry();
    },
    succeeded() {
      // The held batch goes out first, so a success means nothing is held any more.
      if (ports.heldRows() === 0) void serial(() => ports.problem.clear());
    },
    discarded(rows: number) {
      discarded += rows;
      void serial(() => addLost(rows, 'discarded'));
    },
    unsaved(rows: number) {
      void serial(() => ports.unsaved.set(rows));
    },
    /** The user has seen the loss: stop showing it. */
    acknowledge(): Promise<void> {
      return serial(() => ports.lost.set(null));
    },
    lost: () => chain.then(() => ports.lost.get()),
  };
}
