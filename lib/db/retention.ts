import type { ChurnRadarDb } from './db';

export const DEFAULT_RETENTION_DAYS = 365;
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;
const DAY_MS = 86_400_000;

export interface PruneResult {
  observations: number;
  scores: number;
  indicators: number;
  activities: number;
}

/**
 * The retention window: what the extension itself recorded more than
 * `days` ago goes — observations, score history, indicator snapshots, and
 * activities it has not seen on any page within the window. Customers (their
 * latest merged row), actions and outcomes are never pruned: they are the
 * record of what the team did, and the manager erases them explicitly.
 */
export async function pruneHistory(db: ChurnRadarDb, days: number, now: number): Promise<PruneResult> {
  const cutoff = now - clampRetentionDays(days) * DAY_MS;
  return db.transaction('rw', [db.observationBatches, db.scores, db.indicators, db.activities], async () => ({
    observations: await countAndDelete(db, cutoff),
    scores: await db.scores.where('scoredAt').below(cutoff).delete(),
    indicators: await db.indicators.where('computedAt').below(cutoff).delete(),
    activities: await db.activities.filter((row) => row.lastSeen < cutoff).delete(),
  }));
}

/** Observations are stored in page batches: count the customers' sightings they held, then drop them. */
async function countAndDelete(db: ChurnRadarDb, cutoff: number): Promise<number> {
  const old = db.observationBatches.where('observedAt').below(cutoff);
  let count = 0;
  await old.each((batch) => void (count += batch.crmIds.length));
  await old.delete();
  return count;
}

export function clampRetentionDays(days: number): number {
  if (!Number.isFinite(days)) return DEFAULT_RETENTION_DAYS;
  return Math.min(MAX_RETENTION_DAYS, Math.max(MIN_RETENTION_DAYS, Math.round(days)));
}
