import { customerKey } from '../db/customer-key';
import type { CustomerSnapshot, Reason, SiteKey } from '../domain';
import type { ChurnRadarDb } from '../db/db';
import { getActivities, getCustomer, getCustomers, writeBatch, type WriteBatch } from '../db/customers-repo';
import { applyScores, mergeSightings, type ScoredCustomer, type SightingContext } from '../db/merge';
import type { ActivityRow, CustomerRow } from '../db/schema';
import { createWriteQueue, type EraseScope } from './write-queue';
import { mergeActivities } from '../db/activities';
import type { Activity } from '../domain';

/** Rows kept in memory; past this the oldest written ones are evicted (the database stays the truth). */
const MAX_CACHED_CUSTOMERS = 50_000;
/** Customers whose activity lists are kept in memory (detail pages visited recently). */
const MAX_CACHED_ACTIVITY_LISTS = 2_000;

const keyOf = customerKey;

export interface CustomerStoreOptions {
  onWriteFailure: (error: unknown, batch: WriteBatch) => void;
  onWriteSuccess?: () => void;
  onDiscard?: (count: number) => void;
  /** Rows accepted but not yet on disk (see createWriteQueue). */
  onUnsaved?: (rows: number) => void;
  /** The held rows to keep for the next worker changed (see createWriteQueue, parked-rows.ts). */
  onParked?: (batch: WriteBatch | null) => Promise<void> | void;
  maxCached?: number;
}

/** A customer row before and after a new score was recorded on it. */
export interface RecordedScore {
  before: CustomerRow;
  after: CustomerRow;
}

/** A change to one customer row, with the rows of other tables that go with it; null: nothing to change. */
export type CustomerPatch = { row: CustomerRow; extra?: Partial<Omit<WriteBatch, 'customers'>> } | null;

/**
 * Customers as the background sees them: the latest rows in memory (so a list
 * page is answered without waiting for IndexedDB) in front of the database,
 * with every change queued for writing. Readers that need the disk state call
 * `settled()` first.
 *
 * Consistency rules: a row read from disk never replaces one already in memory
 * (memory is newer, maybe not yet written); rows with unwritten changes are
 * never evicted; merges read and update memory in one synchronous step, so two
 * pages scanned at once cannot overwrite each other's sightings. Every other
 * read-modify-write goes through `patch`, which applies its change to the row
 * in memory at that moment: a change made after an `await` is never computed
 * from a row read before it. A read that an erase or import overtook (the
 * `generation` moved) is read again, so an erased row is never merged back.
 */
export function createCustomerStore(db: ChurnRadarDb, options: CustomerStoreOptions) {
  const maxCached = options.maxCached ?? MAX_CACHED_CUSTOMERS;
  const cache = new Map<string, CustomerRow>();
  /** Rows changed in memory and not yet confirmed on disk, by key. */
  const unwritten = new Map<string, CustomerRow>();

  /** Bumped by every erase or import: disk reads started before it are stale. */
  let generation = 0;
  /**
   * Bumped when an erase starts and when it ends: a page's sighting or
   * activity list whose recording began before (or during) an erase is not
   * recorded after it. The page still gets its scores; the erase wins, so a
   * scan in flight when the user erased cannot bring the customer back (the
   * page's next scan records it afresh).
   */
  let erasures = 0;
  /** Rows the previous worker held when it stopped, being put back (see `restore`); reads and erases wait for it. */
  let restoring: Promise<void> = Promise.resolve();

  const queue = createWriteQueue({
    write: (batch) => writeBatch(db, batch),
    onFailure: options.onWriteFailure,
    onDiscard: options.onDiscard,
    onUnsaved: options.onUnsaved,
    onParked: options.onParked,
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
    await restoring;
    const started = generation;
    const notInMemory = crmIds.filter((id) => !cache.has(keyOf(site, id)));
    if (!notInMemory.length) return new Map();
    const keys = await diskKeys();
    // Rows this worker created exist on disk once written, whether or not the key snapshot saw them.
    const missing = keys ? notInMemory.filter((id) => (keys.has(keyOf(site, id)) || created.has(keyOf(site, id))) && !cache.has(keyOf(site, id))) : notInMemory;
    if (!missing.length) return new Map();
    const fromDisk = (await getCustomers(db, site, missing)).filter((row): row is CustomerRow => !!row);
    // Read before an erase or import that ran meanwhile: not remembered (the caller reads again), or an erased row would be merged back.
    if (started !== generation) return new Map();
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
    for (;;) {
      const cached = activityLists.get(key);
      if (cached) return cached;
      const started = generation;
      const rows = await getActivities(db, site, crmId);
      if (started !== generation) continue; // erased or imported meanwhile: read again
      // A write may have landed meanwhile: memory (newer) wins.
      const now = activityLists.get(key) ?? rows;
      rememberActivities(key, now);
      return now;
    }
  }

  const inMemory = (key: string) => cache.get(key) ?? unwritten.get(key);

  /** The row as memory has it now, else as the disk has it (remembered); undefined: no such customer. */
  async function load(site: SiteKey, crmId: string): Promise<CustomerRow | undefined> {
    await restoring;
    const key = keyOf(site, crmId);
    for (;;) {
      const known = inMemory(key);
      if (known) return known;
      const started = generation;
      const row = await getCustomer(db, site, crmId);
      if (started !== generation) continue;
      const now = inMemory(key);
      if (now) return now;
      if (row) rememberFromDisk([row]);
      return row;
    }
  }

  /** Forget what memory holds of a scope (after its rows were dropped from the queue). */
  function forget(scope: EraseScope) {
    generation++;
    keysOnDisk = null;
    const prefix = scope.site === undefined ? '' : keyOf(scope.site, '');
    for (const map of [cache, unwritten, activityLists, created] as const) {
      if (!prefix) map.clear();
      else for (const key of map.keys()) if (key.startsWith(prefix)) map.delete(key);
    }
  }

  async function patch(site: SiteKey, crmId: string, change: (row: CustomerRow) => CustomerPatch): Promise<CustomerRow | undefined> {
    const loaded = await load(site, crmId);
    // Re-read memory after the await: another writer may have changed the row meanwhile.
    const row = inMemory(keyOf(site, crmId)) ?? loaded;
    if (!row) return undefined; // never seen, or erased: nothing to write back
    const next = change(row);
    if (!next) return row;
    rememberChanged([next.row]);
    queue.enqueue({ ...next.extra, customers: [next.row] });
    return next.row;
  }

  const current = (site: SiteKey, crmId: string, loaded: Map<string, CustomerRow>) => inMemory(keyOf(site, crmId)) ?? loaded.get(crmId);

  return {
    /**
     * Merge what a page showed; returns the merged rows in input order.
     * `record: false` merges without keeping anything (a page re-scored after a setting changed).
     */
    async recordSightings(context: SightingContext, snapshots: readonly CustomerSnapshot[], since = erasures, record = true): Promise<CustomerRow[]> {
      let loaded: Map<string, CustomerRow> | undefined;
      for (;;) {
        const started = generation;
        loaded = await prefetch(
          context.site,
          snapshots.map((s) => s.crmId),
        );
        if (started === generation) break; // else an erase or import ran meanwhile: those rows are stale
      }
      // From here to the enqueue nothing awaits: read, merge and remember are one step.
      const existing = snapshots.map((s) => current(context.site, s.crmId, loaded!));
      const { merged, changed, observations } = mergeSightings(context, existing, snapshots);
      if (since !== erasures || !record) return merged; // an erase overtook this page (or only scores were asked): answered, not recorded
      rememberChanged(changed);
      queue.enqueue({ customers: changed, observations });
      return merged;
    },

    /**
     * Fold the activities a page listed into the customer's stored ones and
     * queue the changed rows; resolves to the customer's full list, oldest first.
     */
    async recordActivities(site: SiteKey, crmId: string, seen: readonly Activity[], now: number, since = erasures): Promise<ActivityRow[]> {
      const stored = await storedActivities(site, crmId);
      const { all, changed } = mergeActivities(site, crmId, stored, seen, now);
      if (since !== erasures) return all;
      rememberActivities(keyOf(site, crmId), all);
      if (changed.length) queue.enqueue({ activities: changed });
      return all;
    },

    /** The customer's activities, oldest first (memory, else disk). */
    activitiesOf: storedActivities,

    /**
     * Keep score history where it moved (on each customer's row as it is now; erased customers are skipped).
     * Resolves to the rows whose score was recorded, before and after (tier rises are read from these: lib/alerts).
     */
    async recordScores(site: SiteKey, scored: readonly ScoredCustomer[], now: number, reasonsFor: (row: CustomerRow) => Reason[]): Promise<RecordedScore[]> {
      const recorded: RecordedScore[] = [];
      await Promise.all(
        scored.map((score) =>
          patch(site, score.crmId, (row) => {
            const { history, updated } = applyScores(site, [row], [score], now, reasonsFor);
            if (!updated[0]) return null;
            recorded.push({ before: row, after: updated[0] });
            return { row: updated[0], extra: { scores: history } };
          }),
        ),
      );
      return recorded;
    },

    /**
     * The one way to change a stored customer outside a page scan: `change`
     * gets the row as memory holds it at that moment and returns the new row
     * (or null), synchronously, so no other writer's change is reverted.
     * Resolves to the row now in memory; undefined when there is no such customer.
     */
    patch,

    /** Queue rows of other tables that belong to already-recorded customers. */
    append(extra: Partial<Omit<WriteBatch, 'customers'>>): void {
      queue.enqueue(extra);
    },

    get: load,

    /**
     * Erase a site (or everything): its queued and held rows are dropped and
     * refused while `run` deletes them from disk, and memory forgets them, so
     * no held batch, in-flight scan or later score writes them back.
     */
    async erase<T>(scope: EraseScope, run: () => Promise<T>): Promise<T> {
      // Held rows a previous worker left are back in the queue first, so the erase drops them (and their parked copy).
      await restoring;
      erasures++;
      const release = await queue.exclude(scope);
      try {
        forget(scope);
        const result = await run();
        // Scans answered meanwhile put rows in memory that were never written: forget them too.
        forget(scope);
        return result;
      } finally {
        erasures++;
        release();
      }
    },

    /** Where erases stand: pass it back to recordSightings / recordActivities from a request's start. */
    erasures: () => erasures,

    /** After an import wrote to the database: re-read rows from disk, keeping changes not yet written. */
    reload(): void {
      generation++;
      keysOnDisk = null;
      for (const key of cache.keys()) if (!unwritten.has(key)) cache.delete(key);
      activityLists.clear();
    },

    /** Try held rows again now (the retry alarm). */
    retryHeld: () => queue.retry(),

    /**
     * A new worker takes back the rows its predecessor held (and parked) when
     * it stopped: their customers' rows are remembered as not yet written
     * (newer than the disk's), unless this worker changed them already, and
     * the batch is written first. Scans, reads and erases wait for this.
     */
    restore(parked: Promise<WriteBatch | null>): Promise<void> {
      restoring = parked
        .then((batch) => {
          if (!batch) return;
          const customers = batch.customers.filter((row) => !created.has(keyOf(row.site, row.crmId)));
          rememberChanged(customers);
          void queue.restore({ ...batch, customers });
        })
        .catch((error: unknown) => console.error('[churn-radar] could not take back held rows', error));
      return restoring;
    },

    /** Resolves when every change so far is on disk (or reported as failed and held). */
    settled: async () => {
      await restoring;
      await queue.idle();
    },
    heldRows: () => queue.heldRows(),
    unsavedRows: () => queue.unsavedRows(),
  };
}

export type CustomerStore = ReturnType<typeof createCustomerStore>;
