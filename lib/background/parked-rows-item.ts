import { storage } from 'wxt/utils/storage';
import type { WriteBatch } from '../db/customers-repo';
import { boundedBatch, parkedBatchOf, type ParkedRows } from './parked-rows';

/** The held rows kept for the next worker (parked-rows.ts); session: gone when the browser quits. */
const parkedRowsItem = storage.defineItem<ParkedRows | null>('session:parkedRows', { fallback: null, version: 1 });

/** Where the background parks held rows, and takes them back at start. */
export function parkedRowsStore(now: () => number) {
  return {
    async load(): Promise<WriteBatch | null> {
      return parkedBatchOf(await parkedRowsItem.getValue());
    },
    async save(batch: WriteBatch | null): Promise<void> {
      if (!batch) return parkedRowsItem.removeValue();
      const bounded = boundedBatch(batch);
      await parkedRowsItem.setValue({ rows: bounded.text, dropped: bounded.dropped, savedAt: now() });
    },
  };
}
