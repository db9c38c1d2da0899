import type { SiteKey } from '../domain';
import type { ChurnRadarDb } from './db';
import type { CustomerRow, ObservationRow, ScoreRow } from './schema';

/** Everything one flush writes, in one transaction, so history never half-lands. */
export interface WriteBatch {
  customers: CustomerRow[];
  observations: ObservationRow[];
  scores: ScoreRow[];
}

export async function writeBatch(db: ChurnRadarDb, batch: WriteBatch): Promise<void> {
  await db.transaction('rw', db.customers, db.observations, db.scores, async () => {
    if (batch.customers.length) await db.customers.bulkPut(batch.customers);
    if (batch.observations.length) await db.observations.bulkAdd(batch.observations);
    if (batch.scores.length) await db.scores.bulkAdd(batch.scores);
  });
}

export async function getCustomers(db: ChurnRadarDb, site: SiteKey, crmIds: readonly string[]): Promise<(CustomerRow | undefined)[]> {
  return db.customers.bulkGet(crmIds.map((crmId) => [site, crmId] as [string, string]));
}

export async function getCustomer(db: ChurnRadarDb, site: SiteKey, crmId: string): Promise<CustomerRow | undefined> {
  return db.customers.get([site, crmId]);
}

export async function getScoreHistory(db: ChurnRadarDb, site: SiteKey, crmId: string, limit = 200): Promise<ScoreRow[]> {
  const rows = await db.scores
    .where('[site+crmId+scoredAt]')
    .between([site, crmId, -Infinity], [site, crmId, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
  return rows.reverse();
}
