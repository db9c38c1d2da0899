import type { CustomerSnapshot, Reason, SiteKey } from '../domain';
import type { ChurnRadarDb } from '../db/db';
import { getCustomer, getCustomers, writeBatch, type WriteBatch } from '../db/customers-repo';
import { applyScores, mergeSightings, type ScoredCustomer, type SightingContext } from '../db/merge';
import type { CustomerRow } from '../db/schema';
import { createWriteQueue } from './write-queue';

/** Rows kept in memory; past this the cache starts over (the database stays the truth). */
export const MAX_CACHED_CUSTOMERS = 50_000;

const keyOf = (site: SiteKey, crmId: string) => `${site}\u0000${crmId}`;

/**
 * Customers as the background sees them: the latest rows in memory (so a list
 * page is answered without waiting for IndexedDB) in front of the database,
 * with every change queued for writing. Readers that need the disk state call
 * `settled()` first.
 */
export function createCustomerStore(db: ChurnRadarDb, options: { onWriteFailure: (error: unknown, batch: WriteBatch) => void; onWriteSuccess?: () => void }) {
  const cache = new Map<string, CustomerRow>();
  const queue = createWriteQueue({ write: (batch) => writeBatch(db, batch), onFailure: options.onWriteFailure, onSuccess: options.onWriteSuccess });

  function remember(rows: readonly CustomerRow[]) {
    if (cache.size + rows.length > MAX_CACHED_CUSTOMERS) cache.clear();
    for (const row of rows) cache.set(keyOf(row.site, row.crmId), row);
  }

  async function load(site: SiteKey, crmIds: readonly string[]): Promise<(CustomerRow | undefined)[]> {
    const found = crmIds.map((id) => cache.get(keyOf(site, id)));
    const missing = crmIds.filter((_, i) => !found[i]);
    if (missing.length) {
      const fromDisk = await getCustomers(db, site, missing);
      const byId = new Map(fromDisk.filter((row): row is CustomerRow => !!row).map((row) => [row.crmId, row]));
      remember([...byId.values()]);
      crmIds.forEach((id, i) => (found[i] ??= byId.get(id)));
    }
    return found;
  }

  return {
    /** Merge what a page showed; returns the merged rows in input order. */
    async recordSightings(context: SightingContext, snapshots: readonly CustomerSnapshot[]): Promise<CustomerRow[]> {
      const existing = await load(context.site, snapshots.map((s) => s.crmId));
      const { merged, changed, observations } = mergeSightings(context, existing, snapshots);
      remember(changed);
      queue.enqueue({ customers: changed, observations });
      return merged;
    },

    /** Keep score history where it moved; rows must have been recorded by recordSightings. */
    recordScores(
      site: SiteKey,
      rows: readonly CustomerRow[],
      scored: readonly ScoredCustomer[],
      now: number,
      reasonsFor: (row: CustomerRow) => Reason[],
    ): void {
      const current = rows.map((row) => cache.get(keyOf(site, row.crmId)) ?? row);
      const { history, updated } = applyScores(site, current, scored, now, reasonsFor);
      remember(updated);
      queue.enqueue({ customers: updated, scores: history });
    },

    async get(site: SiteKey, crmId: string): Promise<CustomerRow | undefined> {
      return cache.get(keyOf(site, crmId)) ?? getCustomer(db, site, crmId);
    },

    /** Resolves when every change so far is on disk (or reported as failed). */
    settled: () => queue.idle(),
  };
}

export type CustomerStore = ReturnType<typeof createCustomerStore>;
