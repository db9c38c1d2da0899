import type { CustomerSnapshot, PageKind, SiteKey, Tier } from '../domain';
import type { ChurnRadarDb } from './db';
import { mergeSnapshot, scoreWorthRecording } from './merge';
import type { CustomerRow, ObservationRow, ScoreRow } from './schema';

export interface SightingContext {
  site: SiteKey;
  pageKind: PageKind;
  url: string;
  adapter: string;
  now: number;
}

/**
 * Store what a page showed, in one transaction: merged customer rows and the
 * observations worth keeping. Returns the merged rows in input order; a
 * customer listed twice on one page is merged twice, last wins.
 */
export async function recordSightings(
  db: ChurnRadarDb,
  context: SightingContext,
  snapshots: readonly CustomerSnapshot[],
): Promise<CustomerRow[]> {
  return db.transaction('rw', db.customers, db.observations, async () => {
    const keys = snapshots.map((s) => [context.site, s.crmId] as [string, string]);
    const existing = await db.customers.bulkGet(keys);
    const latest = new Map<string, CustomerRow>();
    const observations: ObservationRow[] = [];
    const merged = snapshots.map((snapshot, i) => {
      const previous = latest.get(snapshot.crmId) ?? existing[i];
      const { customer, observe } = mergeSnapshot(context.site, previous, snapshot, context.now);
      latest.set(snapshot.crmId, customer);
      if (observe) {
        observations.push({
          site: context.site,
          crmId: snapshot.crmId,
          observedAt: context.now,
          pageKind: context.pageKind,
          url: context.url,
          adapter: context.adapter,
          name: snapshot.name,
          fields: snapshot.fields,
        });
      }
      return customer;
    });
    await db.customers.bulkPut([...latest.values()]);
    if (observations.length) await db.observations.bulkAdd(observations);
    return merged.map((row) => latest.get(row.crmId)!);
  });
}

export interface ScoredCustomer {
  crmId: string;
  probability: number;
  tier: Tier;
  modelId: string;
  reasons: ScoreRow['reasons'];
}

/** Append score history where it moved, and keep each customer's latest score on its row. */
export async function recordScores(
  db: ChurnRadarDb,
  site: SiteKey,
  scored: readonly ScoredCustomer[],
  now: number,
): Promise<void> {
  await db.transaction('rw', db.customers, db.scores, async () => {
    const rows = await db.customers.bulkGet(scored.map((s) => [site, s.crmId] as [string, string]));
    const history: ScoreRow[] = [];
    const updated: CustomerRow[] = [];
    scored.forEach((score, i) => {
      const row = rows[i];
      if (!row) return;
      if (!scoreWorthRecording(row.lastScore, score, now)) return;
      history.push({ site, crmId: score.crmId, scoredAt: now, probability: score.probability, tier: score.tier, modelId: score.modelId, reasons: score.reasons });
      updated.push({ ...row, lastScore: { probability: score.probability, tier: score.tier, modelId: score.modelId, scoredAt: now } });
    });
    if (updated.length) await db.customers.bulkPut(updated);
    if (history.length) await db.scores.bulkAdd(history);
  });
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
