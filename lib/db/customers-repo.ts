import { customerKey } from './customer-key';
import type { SiteKey } from '../domain';
import type { ChurnRadarDb } from './db';
import { fromBatch, observationKey, toBatches, withCarriedFields } from './observation-batches';
import { withWorklistKeys } from './worklist-keys';
import type { ActivityRow, CustomerRow, IndicatorRow, ObservationRow, ScoreRow } from './schema';

/** Everything one flush writes, in one transaction, so history never half-lands. */
export interface WriteBatch {
  customers: CustomerRow[];
  observations: ObservationRow[];
  scores: ScoreRow[];
  /** Upserted by (site, crmId, id): a re-seen activity replaces the stored one. */
  activities: ActivityRow[];
  indicators: IndicatorRow[];
}

export async function writeBatch(db: ChurnRadarDb, batch: Partial<WriteBatch>): Promise<void> {
  await db.transaction('rw', [db.customers, db.observationBatches, db.scores, db.activities, db.indicators], async () => {
    if (batch.customers?.length) await db.customers.bulkPut(latestPerCustomer(batch.customers).map(withWorklistKeys));
    if (batch.observations?.length) await db.observationBatches.bulkAdd(toBatches(batch.observations));
    if (batch.scores?.length) await db.scores.bulkAdd(batch.scores);
    if (batch.activities?.length) await db.activities.bulkPut(batch.activities);
    if (batch.indicators?.length) await db.indicators.bulkAdd(batch.indicators);
  });
}

/** A coalesced batch may hold several versions of a customer; the last one is the truth. */
function latestPerCustomer(rows: readonly CustomerRow[]): CustomerRow[] {
  const latest = new Map<string, CustomerRow>();
  for (const row of rows) latest.set(customerKey(row.site, row.crmId), row);
  return latest.size === rows.length ? (rows as CustomerRow[]) : [...latest.values()];
}

export async function getCustomers(db: ChurnRadarDb, site: SiteKey, crmIds: readonly string[]): Promise<(CustomerRow | undefined)[]> {
  return db.customers.bulkGet(crmIds.map((crmId) => [site, crmId] as [string, string]));
}

export async function getCustomer(db: ChurnRadarDb, site: SiteKey, crmId: string): Promise<CustomerRow | undefined> {
  return db.customers.get([site, crmId]);
}

export async function getScoreHistory(db: ChurnRadarDb, site: SiteKey, crmId: string, limit = 200): Promise<ScoreRow[]> {
  const rows = await db.scores.where('[site+crmId+scoredAt]').between([site, crmId, -Infinity], [site, crmId, Infinity]).reverse().limit(limit).toArray();
  return rows.reverse();
}

/** A customer's stored activities, oldest first. */
export async function getActivities(db: ChurnRadarDb, site: SiteKey, crmId: string): Promise<ActivityRow[]> {
  return db.activities.where('[site+crmId+at]').between([site, crmId, -Infinity], [site, crmId, Infinity]).toArray();
}

/** A customer's observations, oldest first, each with every field as it stood then (see withCarriedFields). */
export async function getObservations(db: ChurnRadarDb, site: SiteKey, crmId: string): Promise<ObservationRow[]> {
  const batches = await db.observationBatches.where('keys').equals(observationKey(site, crmId)).toArray();
  const rows = batches.flatMap((batch) => fromBatch(batch, crmId)).map((row) => ({ ...row, at: row.observedAt }));
  return withCarriedFields(rows).map(({ at: _at, ...row }) => row);
}

/** How many customer sightings are stored (optionally for one site). */
export async function countObservations(db: ChurnRadarDb, site?: SiteKey): Promise<number> {
  const batches = site === undefined ? db.observationBatches.toCollection() : db.observationBatches.where('site').equals(site);
  let count = 0;
  await batches.each((batch) => void (count += batch.crmIds.length));
  return count;
}

/**
 * Each customer's first sighting (its oldest observation batch: the lowest id
 * under its key), for many customers in one pass over the `*keys` index (keys
 * and ids only) and one read of the batches found. One query per customer
 * cost a round trip each (25,000 churned customers: 25,000 reads).
 */
export async function firstSightings(db: ChurnRadarDb, keys: readonly string[]): Promise<Map<string, { observedAt: number; fields: Record<string, string> }>> {
  const firstBatch = new Map<string, number>();
  if (!keys.length) return new Map();
  await db.observationBatches
    .where('keys')
    .anyOf(keys as string[])
    .eachKey((key, cursor) => {
      if (!firstBatch.has(key as string)) firstBatch.set(key as string, cursor.primaryKey as number);
    });
  const ids = [...new Set(firstBatch.values())];
  const batches = new Map((await db.observationBatches.bulkGet(ids)).flatMap((batch) => (batch?.id === undefined ? [] : [[batch.id, batch] as const])));
  const out = new Map<string, { observedAt: number; fields: Record<string, string> }>();
  for (const [key, id] of firstBatch) {
    const batch = batches.get(id);
    const index = batch ? batch.keys.indexOf(key) : -1;
    if (batch && index >= 0) out.set(key, { observedAt: batch.observedAt, fields: batch.fields[index]! });
  }
  return out;
}

/**
 * Store labels worked out by a view, each only on the row it was worked out
 * on (same last sighting, same activity count; a row changed or erased since
 * is left alone), in one transaction per chunk: a label is derived data, so
 * a row written meanwhile without it only means it is worked out again.
 */
export async function storeLabels(db: ChurnRadarDb, labelled: readonly Pick<CustomerRow, 'site' | 'crmId' | 'label'>[], chunk = 5_000): Promise<number> {
  let stored = 0;
  for (let start = 0; start < labelled.length; start += chunk) {
    const part = labelled.slice(start, start + chunk);
    const byKey = new Map(part.map((row) => [customerKey(row.site, row.crmId), row.label]));
    stored += await db.customers
      .where(':id')
      .anyOf(part.map((row) => [row.site, row.crmId]))
      .modify((row) => {
        const label = byKey.get(customerKey(row.site, row.crmId));
        if (label && label.lastSeen === row.lastSeen && label.activityCount === (row.activityCount ?? 0)) row.label = label;
      });
  }
  return stored;
}
