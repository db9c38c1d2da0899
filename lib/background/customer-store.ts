import { customerKey } from '../db/customer-key';
import type { CustomerSnapshot, Reason, SiteKey } from '../domain';
import type { ChurnRadarDb } from '../db/db';
import { getActivities, getCustomer, getCustomers, writeBatch, type WriteBatch } from '../db/customers-repo';
import { applyScores, mergeSightings, type ScoredCustomer, type SightingContext } from '../db/merge';
import type { ActivityRow, CustomerRow } from '../db/schema';
import { createWriteQueue } from './write-queue';
import { mergeActivities } from '../db/activities';
import type { Activity } from '../domain';

/** Rows kept in memory; past this the oldest written ones are evicted (the database stays the truth). */
export const MAX_CACHED_CUSTOMERS = 50_000;
/** Customers whose activity lists are kept in memory (detail pages visited recently). */
export const MAX_CACHED_ACTIVITY_LISTS = 2_000;

const keyOf = customerKey;

export interface CustomerStoreOptions {
  onWriteFailure: (error: unknown, batch: WriteBatch) => void;
  onWriteSuccess?: () => void;
  onDiscard?: (count: number) => void;
  maxCached?: number;
}

/**
 * Customers as the background sees them: the latest rows in memory (so a list
 * page is answered without waiting for IndexedDB) in front of the database,
 * with every change queued for writing. Readers that need the disk state call
 * `settled()` first.
 *
 * Consistency rules: a row read from disk never replaces one already in memory
 * (memory is newer, maybe not yet written); rows with unwritten changes are
 * never evicted; merges read and update memory in one synchronous step, so two
 * pages scanned at once cannot overwrite each other's sightings.
 */
export function createCustomerStore(db: ChurnRadarDb, options: CustomerStoreOptions) {
  const maxCached = options.maxCached ?? MAX_CACHED_CUSTOMERS;
  const cache = new Map<string, CustomerRow>();
  /** Rows changed in memory and not yet confirmed on disk, by key. */
  const unwritten = new Map<string, CustomerRow>();

  const queue = createWriteQueue({
    write: (batch) => writeBatch(db, batch),
    onFailure: options.onWriteFailure,
    onDiscard: options.onDiscard,
    onSuccess: (batch) => {
      for (const row of batch.customers) {
        const key = keyOf(row.site, row.crmId);
        if (unwritten.get(key) === row) unwritten.delete(key);
      }
      options.onWriteSuccess?.();
    },
  });

  function evictIfFull(incoming: number) {
    if (cache.size + incoming <= maxCached) return;
    let excess = cache.size + incoming - Math.floor(maxCached * 0.8);
    for (const key of cache.keys()) {
      if (excess <= 0) break;
      if (unwritten.has(key)) continue;
      cache.delete(key);
      excess--;
    }
  }

  /** Remember rows read from disk, unless memory already has a (newer) version. */
  function rememberFromDisk(rows: readonly CustomerRow[]) {
    evictIfFull(rows.length);
    for (const row of rows) {
      const key = keyOf(row.site, row.crmId);
      if (!cache.has(key)) cache.set(key, row);
    }
  }

  /** Remember rows changed here; they stay pinned until written. */
  function rememberChanged(rows: readonly CustomerRow[]) {
    evictIfFull(rows.length);
    for (const row of rows) {
      const key = keyOf(row.site, row.crmId);
      created.add(key);
      // Re-insert so the Map's order stays "least recently changed first" for eviction.
      cache.delete(key);
      cache.set(key, row);
      unwritten.set(key, row);
    }
  }

  /**
   * Every customer key on disk, read once per worker life (keys only: 50,000
   * in tens of ms). A customer seen for the first time then needs no read:
   * reads queue behind an in-flight write in IndexedDB, and a list page of
   * new customers must not wait for the previous page's write.
   */
  let keysOnDisk: Promise<Set<string> | null> | null = null;
  /** Keys of rows changed in this worker life (they reach the disk even if the snapshot above predates them). */
  const created = new Set<string>();
  const diskKeys = () =>
    (keysOnDisk ??= db.customers
      .toCollection()
      .primaryKeys()
      .then((keys) => new Set(keys.map(([site, crmId]) => keyOf(site, crmId))))
      .catch(() => null)); // unknown: fall back to reading every missing row

  /** Make sure every requested row that exists on disk is in memory. */
  async function prefetch(site: SiteKey, crmIds: readonly string[]): Promise<Map<string, CustomerRow>> {
    const notInMemory = crmIds.filter((id) => !cache.has(keyOf(site, id)));
    if (!notInMemory.length) return new Map();
    const keys = await diskKeys();
    // Rows this worker created exist on disk once written, whether or not the key snapshot saw them.
    const missing = keys ? notInMemory.filter((id) => (keys.has(keyOf(site, id)) || created.has(keyOf(site, id))) && !cache.has(keyOf(site, id))) : notInMemory;
    if (!missing.length) return new Map();
    const fromDisk = (await getCustomers(db, site, missing)).filter((row): row is CustomerRow => !!row);
    rememberFromDisk(fromDisk);
    return new Map(fromDisk.map((row) => [row.crmId, row]));
  }

  /** Activity lists by customer key, most recently used last. */
  const activityLists = new Map<string, ActivityRow[]>();
  function rememberActivities(key: string, rows: ActivityRow[]) {
    activityLists.delete(key);
    activityLists.set(key, rows);
    if (activityLists.size > MAX_CACHED_ACTIVITY_LISTS) activityLists.delete(activityLists.keys().next().value!);
  }
  async function storedActivities(site: SiteKey, crmId: string): Promise<ActivityRow[]> {
    const key = keyOf(site, crmId);
    const cached = activityLists.get(key);
    if (cached) return cached;
    const rows = await getActivities(db, site, crmId);
    // A write may have landed meanwhile: memory (newer) wins.
    const now = activityLists.get(key) ?? rows;
    rememberActivities(key, now);
    return now;
  }

  const current = (site: SiteKey, crmId: string, loaded: Map<string, CustomerRow>) => cache.get(keyOf(site, crmId)) ?? unwritten.get(keyOf(site, crmId)) ?? loaded.get(crmId);

  return {
    /** Merge what a page showed; returns the merged rows in input order. */
    async recordSightings(context: SightingContext, snapshots: readonly CustomerSnapshot[]): Promise<CustomerRow[]> {
      const loaded = await prefetch(context.site, snapshots.map((s) => s.crmId));
      // From here to the enqueue nothing awaits: read, merge and remember are one step.
      const existing = snapshots.map((s) => current(context.site, s.crmId, loaded));
      const { merged, changed, observations } = mergeSightings(context, existing, snapshots);
      rememberChanged(changed);
      queue.enqueue({ customers: changed, observations });
      return merged;
    },

    /**
     * Fold the activities a page listed into the customer's stored ones and
     * queue the changed rows; resolves to the customer's full list, oldest first.
     */
    async recordActivities(site: SiteKey, crmId: string, seen: readonly Activity[], now: number): Promise<ActivityRow[]> {
      const stored = await storedActivities(site, crmId);
      const { all, changed } = mergeActivities(site, crmId, stored, seen, now);
      rememberActivities(keyOf(site, crmId), all);
      if (changed.length) queue.enqueue({ activities: changed });
      return all;
    },

    /** The customer's activities, oldest first (memory, else disk). */
    activitiesOf: storedActivities,

    /** Keep score history where it moved. */
    recordScores(site: SiteKey, rows: readonly CustomerRow[], scored: readonly ScoredCustomer[], now: number, reasonsFor: (row: CustomerRow) => Reason[]): void {
      const latest = rows.map((row) => current(site, row.crmId, new Map()) ?? row);
      const { history, updated } = applyScores(site, latest, scored, now, reasonsFor);
      rememberChanged(updated);
      queue.enqueue({ customers: updated, scores: history });
    },

    /** Replace a customer row (e.g. visit snapshots) and queue the write. */
    update(row: CustomerRow, extra: Partial<Omit<WriteBatch, 'customers'>> = {}): void {
      rememberChanged([row]);
      queue.enqueue({ ...extra, customers: [row] });
    },

    /** Queue rows of other tables that belong to already-recorded customers. */
    append(extra: Partial<Omit<WriteBatch, 'customers'>>): void {
      queue.enqueue(extra);
    },

    async get(site: SiteKey, crmId: string): Promise<CustomerRow | undefined> {
      const key = keyOf(site, crmId);
      const inMemory = cache.get(key) ?? unwritten.get(key);
      if (inMemory) return inMemory;
      const row = await getCustomer(db, site, crmId);
      return cache.get(key) ?? unwritten.get(key) ?? row;
    },

    /** Forget everything in memory (after an erase): the database is the truth again. */
    reset(): void {
      keysOnDisk = null;
      created.clear();
      cache.clear();
      unwritten.clear();
      activityLists.clear();
    },

    /** Resolves when every change so far is on disk (or reported as failed and held). */
    settled: () => queue.idle(),
    heldRows: () => queue.heldRows(),
  };
}

export type CustomerStore = ReturnType<typeof createCustomerStore>;
