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
 * Labels are read off the rows (lib/labels/stored-label.ts); only stale ones
 * are worked out (activities read for those rows alone), and stored after
 * the reply so the next view reads them.
 */
import type { Activity, SiteKey } from '@/lib/domain';
import { storedOutcomes } from '@/lib/db/customer-lookups';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { CustomerRow } from '@/lib/db/schema';
import type { FieldResolver } from '@/lib/fields/field-resolver';
import { computeIndicators } from '@/lib/indicators';
import { customerHistory, modelInputs } from '@/lib/indicators/customer-indicators';
import type { IndicatorSettings } from '@/lib/indicators/types';
import { completeFirstSightings, labelRows, staleRows, storeWorkedLabels, type LabelContext } from '@/lib/labels/label-rows';
import { resolversOf } from '@/lib/labels/resolvers-by-site';
import type { ModelArtifact, RawRow } from '@/lib/model/types';
import { DRIFT_WINDOW_DAYS } from './drift';
import { addFirstScore, monitoringRecords, outcomesBySite, recentlyScored, type BySite, type FirstScore } from './live-join';
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
  /** Runs work the reply need not wait for (storing labels worked out for this view); absent: done before replying. */
  defer?: (task: () => void) => void;
}

/** Every `step`-th item so that at most `max` are kept (deterministic). */
export function evenSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

/** The model inputs of the sampled recent customers (indicators included), for input drift. */
export function recentInputsOf(
  sample: readonly CustomerRow[],
  settings: IndicatorSettings,
  resolvers: ReadonlyMap<SiteKey, FieldResolver>,
  activitiesOf: (row: CustomerRow) => readonly Activity[],
  now: number,
): RawRow[] {
  return sample.map((row) => {
    const resolver = resolvers.get(row.site);
    return modelInputs(row, computeIndicators(customerHistory(row, activitiesOf(row), now, [], resolver), settings), resolver);
  });
}

export async function readMonitoringInputs(deps: MonitoringReadDeps, artifact: ModelArtifact, schedule: RetrainSchedule): Promise<MonitoringInputs> {
  await deps.customers.settled();
  const now = deps.now();
  // Whole tables in one read each (getAll): a cursor costs a round trip per record in Chromium.
  const [rows, scores, recorded, settings, thresholds] = await Promise.all([
    deps.db.customers.toArray(),
    deps.db.scores.toArray(),
    storedOutcomes(deps.db),
    deps.indicatorSettings(),
    deps.thresholds(),
  ]);
  const firstScores: BySite<FirstScore> = new Map();
  for (const score of scores) addFirstScore(firstScores, artifact.id, score);
  const outcomes = outcomesBySite(recorded);
  const context: LabelContext = { definition: settings.churn, resolvers: await resolversOf(rows, deps.fieldResolver), now };
  // Labels are read only for scored customers without an agent's recorded outcome.
  const wanted = (row: CustomerRow) => firstScores.get(row.site)?.has(row.crmId) === true && !outcomes.get(row.site)?.has(row.crmId);
  const activities = new Map<CustomerRow, Activity[]>();
  const activitiesOf = async (row: CustomerRow) => (row.activityCount ? await deps.customers.activitiesOf(row.site, row.crmId) : []);
  for (const row of staleRows(rows, context, wanted)) activities.set(row, await activitiesOf(row));
  const labelled = labelRows(rows, context, (row) => activities.get(row), wanted);
  await completeFirstSightings(deps.db, rows, labelled, context);
  await storeWorkedLabels(deps.db, rows, labelled, deps.defer);
  const recent = recentlyScored(rows, artifact.id, now - DRIFT_WINDOW_DAYS * DAY);
  const sample = evenSample(recent, INPUT_SAMPLE);
  for (const row of sample) if (!activities.has(row)) activities.set(row, await activitiesOf(row));
  return {
    artifact,
    records: monitoringRecords(rows, labelled.labels, firstScores, outcomes),
    recentScores: recent.map((row) => row.lastScore!.probability),
    recentInputs: recentInputsOf(sample, settings, context.resolvers, (row) => activities.get(row) ?? [], now),
    thresholds,
    schedule,
    now,
  };
}
