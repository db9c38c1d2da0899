/**
 * The join behind live performance, one pure function the background and the
 * benchmark both run: each scored customer's first score by the model with
 * the outcome the view counts for it (live-performance.ts says which score
 * and which outcome). Joined row by row through per-site maps keyed by the
 * CRM ids the rows already hold: a "site + id" string per customer and a
 * 100,000-entry map of them cost more than the rest of the view.
 */
import { customerOfKey } from '@/lib/db/customer-key';
import type { SiteKey } from '@/lib/domain';
import type { CustomerRow, StoredLabel } from '@/lib/db/schema';
import { countsLive, type KnownOutcome, type LiveRecord } from './live-performance';

/** A customer's first score by the model. */
export interface FirstScore {
  scoredAt: number;
  probability: number;
}

/** By site, then by CRM id. */
export type BySite<T> = Map<SiteKey, Map<string, T>>;

export function addBySite<T>(map: BySite<T>, site: SiteKey, crmId: string, value: T): void {
  let inner = map.get(site);
  if (!inner) map.set(site, (inner = new Map()));
  inner.set(crmId, value);
}

/** Adds a score row: kept when it is the model's and the customer's first by it (score rows may come in any order). */
export function addFirstScore(
  first: BySite<FirstScore>,
  modelId: string,
  score: { site: SiteKey; crmId: string; modelId: string; scoredAt: number; probability: number },
): void {
  if (score.modelId !== modelId) return;
  const seen = first.get(score.site)?.get(score.crmId);
  if (!seen || score.scoredAt < seen.scoredAt) addBySite(first, score.site, score.crmId, { scoredAt: score.scoredAt, probability: score.probability });
}

/** Recorded outcomes (keyed by customerKey) by site, then CRM id. */
export function outcomesBySite(recorded: ReadonlyMap<string, { kind: 'retained' | 'churned'; at: number }>): BySite<KnownOutcome> {
  const out: BySite<KnownOutcome> = new Map();
  for (const [key, outcome] of recorded) {
    const { site, crmId } = customerOfKey(key);
    addBySite(out, site, crmId, { churned: outcome.kind === 'churned', knownAt: outcome.at });
  }
  return out;
}

/**
 * The outcome of a customer by the churn definition (no recorded outcome):
 * not churned, known when last seen; churned, known after the first sighting
 * (the last observation's time) — or at the first sighting when its page
 * already showed it churned, so a first score made on churned data is not counted.
 */
export function definitionOutcome(row: CustomerRow, label: Pick<StoredLabel, 'churned' | 'firstChurned'>): KnownOutcome | null {
  if (label.churned === null) return null;
  if (!label.churned) return { churned: false, knownAt: row.lastSeen };
  return { churned: true, knownAt: label.firstChurned ? row.firstSeen : row.lastObservedAt };
}

/**
 * Live records of the scored customers among `rows`: an agent's recorded
 * outcome first, else the row's label (labels[i] for rows[i]).
 */
export function monitoringRecords(
  rows: readonly CustomerRow[],
  labels: readonly (StoredLabel | undefined)[],
  firstScores: BySite<FirstScore>,
  recorded: BySite<KnownOutcome>,
): LiveRecord[] {
  const records: LiveRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const score = firstScores.get(row.site)?.get(row.crmId);
    if (!score) continue;
    const label = labels[i];
    const outcome = recorded.get(row.site)?.get(row.crmId) ?? (label ? definitionOutcome(row, label) : null);
    if (outcome && countsLive(score, outcome)) records.push({ scoredAt: score.scoredAt, probability: score.probability, churned: outcome.churned });
  }
  return records;
}

/** Rows whose latest score is the model's and recent enough for drift. */
export function recentlyScored(rows: readonly CustomerRow[], modelId: string, since: number): CustomerRow[] {
  return rows.filter((row) => row.lastScore?.modelId === modelId && row.lastScore.scoredAt >= since);
}
