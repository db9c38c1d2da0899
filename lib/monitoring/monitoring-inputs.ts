/**
 * What the monitoring view needs from the database, read once per view:
 * the model's stored scores, each scored customer's outcome and when it was
 * known, and the recent customers' scores and inputs for drift.
 *
 * When an outcome was known (see live-performance.ts for why it matters):
 * - an agent's recorded outcome: when it was recorded;
 * - the churn definition says churned: after the first sighting — unless the
 *   customer's first page already showed it churned (its first observation,
 *   read through the churn definition), then at the first sighting, so the
 *   first score (made on churned data) is not counted;
 * - not churned: when last seen.
 */
import type { Activity, SiteKey } from '@/lib/domain';
import { customerKey } from '@/lib/db/customer-key';
import { storedOutcomes } from '@/lib/db/customer-lookups';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { CustomerRow } from '@/lib/db/schema';
import type { FieldResolver } from '@/lib/fields/field-resolver';
import { computeIndicators } from '@/lib/indicators';
import { churnLabel } from '@/lib/indicators/churn-labels';
import { customerHistory, modelInputs } from '@/lib/indicators/customer-indicators';
import type { IndicatorSettings } from '@/lib/indicators/types';
import { createLabelCaches } from '@/lib/experiments/label-cache';
import { labelCustomer } from '@/lib/labels/label-customer';
import { resolversOf } from '@/lib/labels/resolvers-by-site';
import type { ModelArtifact, RawRow } from '@/lib/model/types';
import { DRIFT_WINDOW_DAYS } from './drift';
import type { KnownOutcome, ScorePoint } from './live-performance';
import type { MonitoringInputs } from './monitoring-report';
import type { RetrainSchedule } from './retrain';

/** Customers whose inputs are read for input drift at most (PSI over 10 bins: sampling bias ≈ 9 / n = 0.005). */
export const INPUT_SAMPLE = 2000;
const DAY = 86_400_000;

export interface MonitoringReadDeps {
  db: ChurnRadarDb;
  customers: { settled: () => Promise<void>; activitiesOf: (site: SiteKey, crmId: string) => Promise<Activity[]> };
  thresholds: () => Promise<number[]>;
  indicatorSettings: () => Promise<IndicatorSettings>;
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  now: () => number;
}

/** Churn-definition labels kept for the worker's life (the experiments' cache: same labels, same invalidation). */
const LABELS = createLabelCaches();

/** The customer's first page already showed it churned (status or inactivity as of that sighting). */
async function churnedAtFirstSighting(db: ChurnRadarDb, row: CustomerRow, resolver: FieldResolver | undefined, settings: IndicatorSettings): Promise<boolean> {
  const key = customerKey(row.site, row.crmId);
  const batch = await db.observationBatches.where('keys').equals(key).first();
  const index = batch?.keys.indexOf(key) ?? -1;
  if (!batch || index < 0) return false;
  // The CRM's own today at that sighting, when its pages declare one (shifted back by the time since).
  const asOf = row.today !== undefined ? row.today - (row.lastObservedAt - batch.observedAt) : batch.observedAt;
  return churnLabel({ asOf, fields: batch.fields[index]!, observations: [], activities: [], ...(resolver ? { resolveField: resolver } : {}) }, settings.churn)
    .churned;
}

/** Every `step`-th item so that at most `max` are kept (deterministic). */
export function evenSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

export async function readMonitoringInputs(deps: MonitoringReadDeps, artifact: ModelArtifact, schedule: RetrainSchedule): Promise<MonitoringInputs> {
  await deps.customers.settled();
  const now = deps.now();
  const [rows, recorded, settings, thresholds] = await Promise.all([
    deps.db.customers.toArray(),
    storedOutcomes(deps.db),
    deps.indicatorSettings(),
    deps.thresholds(),
  ]);
  // Only each customer's first score by the model is ever used (live-performance.ts): read in index order
  // (customer, then time), the first row of each customer is it, and the rest never leave this loop.
  const scores: ScorePoint[] = [];
  const scored = new Set<string>();
  let last: { site: string; crmId: string } | null = null;
  await deps.db.scores.orderBy('[site+crmId+scoredAt]').each((score) => {
    if (score.modelId !== artifact.id || (last && last.site === score.site && last.crmId === score.crmId)) return;
    last = { site: score.site, crmId: score.crmId };
    const key = customerKey(score.site, score.crmId);
    scored.add(key);
    scores.push({ key, scoredAt: score.scoredAt, probability: score.probability });
  });
  const resolvers = await resolversOf(rows, deps.fieldResolver);
  const labels = LABELS.forDefinition(settings.churn);
  const outcomes = new Map<string, KnownOutcome>();
  const recent: CustomerRow[] = [];
  for (const row of rows) {
    const key = customerKey(row.site, row.crmId);
    if (row.lastScore?.modelId === artifact.id && row.lastScore.scoredAt >= now - DRIFT_WINDOW_DAYS * DAY) recent.push(row);
    if (!scored.has(key)) continue;
    const outcome = recorded.get(key);
    if (outcome) {
      outcomes.set(key, { churned: outcome.kind === 'churned', knownAt: outcome.at });
      continue;
    }
    const resolver = resolvers.get(row.site);
    let churned = labels.get(key, row, now);
    if (churned === undefined) {
      const activities = row.activityCount ? await deps.customers.activitiesOf(row.site, row.crmId) : [];
      churned = labelCustomer(row, activities, undefined, settings.churn, resolver, row.today ?? now).churned;
      labels.set(key, row, now, churned);
    }
    if (churned === null) continue;
    if (!churned) outcomes.set(key, { churned: false, knownAt: row.lastSeen });
    else outcomes.set(key, { churned: true, knownAt: (await churnedAtFirstSighting(deps.db, row, resolver, settings)) ? row.firstSeen : row.lastObservedAt });
  }
  const recentInputs: RawRow[] = [];
  for (const row of evenSample(recent, INPUT_SAMPLE)) {
    const activities = row.activityCount ? await deps.customers.activitiesOf(row.site, row.crmId) : [];
    const resolver = resolvers.get(row.site);
    recentInputs.push(modelInputs(row, computeIndicators(customerHistory(row, activities, now, [], resolver), settings), resolver));
  }
  return { artifact, scores, outcomes, recentScores: recent.map((row) => row.lastScore!.probability), recentInputs, thresholds, schedule, now };
}
