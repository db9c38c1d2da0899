/**
 * The KPI dashboard's handler: reads what is stored (customers, their
 * sightings, activities, score history, actions) and computes the report
 * with lib/kpi. Customers are labelled in chunks, yielding between them, so
 * a 10,000-customer history never holds the worker's message loop for long.
 * Labels are the shared ones (lib/labels/label-customer.ts: recorded outcome,
 * then the definition through the site's mapping). Only the scores the range
 * needs are read: those inside it, plus each customer's latest one before it.
 */
import { z } from 'zod';
import type { Activity, SiteKey } from '@/lib/domain';
import { customerKey } from '@/lib/db/customer-key';
import { activitiesByCustomer, latestOutcomes } from '@/lib/db/customer-lookups';
import type { ChurnRadarDb } from '@/lib/db/db';
import { withCarriedFields } from '@/lib/db/observation-batches';
import type { CustomerRow, ScoreRow } from '@/lib/db/schema';
import type { FieldResolver } from '@/lib/fields/field-resolver';
import type { IndicatorSettings } from '@/lib/indicators/types';
import { resolversOf } from '@/lib/labels/resolvers-by-site';
import { commandsFor } from '@/lib/messaging/commands';
import { lifetimeValueOf } from './lifetime';
import { kpiReport, type KpiReport } from './report';
import type { KpiScore } from './risk';
import type { KpiCustomer } from './states';
import { churnStates, type Sighting } from './timeline';

export interface KpiDeps {
  db: ChurnRadarDb;
  /** Pending history writes: the report waits for them. */
  customers: { settled: () => Promise<void> };
  indicatorSettings: () => Promise<IndicatorSettings>;
  now: () => number;
  /** Lets other messages run between chunks (default: a macrotask). */
  yieldNow?: () => Promise<void>;
  /** The site's field mapping over the synonyms; absent: synonyms only. */
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
  /** Customers labelled between two yields (default KPI_CHUNK). */
  chunk?: number;
}

/** Customers labelled between two yields. */
const KPI_CHUNK = 500;

/**
 * The scores riskOverTime needs for [from, to): those inside the range and
 * each customer's latest before it (its last score when that is older than
 * `from`, else one indexed look-up), sorted by time.
 */
async function scoresFor(db: ChurnRadarDb, rows: readonly CustomerRow[], from: number, to: number): Promise<ScoreRow[]> {
  const inRange = await db.scores.where('scoredAt').between(from, to, true, false).toArray();
  const before: ScoreRow[] = [];
  for (const row of rows) {
    const last = row.lastScore;
    if (!last) continue;
    if (last.scoredAt < from) before.push({ site: row.site, crmId: row.crmId, ...last, reasons: [] });
    else {
      const older = await db.scores.where('[site+crmId+scoredAt]').between([row.site, row.crmId, -Infinity], [row.site, row.crmId, from], true, false).last();
      if (older) before.push(older);
    }
  }
  return [...before, ...inRange].sort((a, b) => a.scoredAt - b.scoredAt);
}

const DAY_MS = 86_400_000;
/** Ten years of weeks is ~520 buckets: plenty, and bounded. */
const MAX_SPAN_MS = 3660 * DAY_MS;

export const kpiRequest = z
  .strictObject({ from: z.number().int().nonnegative(), to: z.number().int().positive(), granularity: z.enum(['week', 'month']) })
  .refine((r) => r.to > r.from, 'the range must end after it starts')
  .refine((r) => r.to - r.from <= MAX_SPAN_MS, 'the range can span at most ten years');

export const kpiViewSchema = z.intersection(
  // Computed by lib/kpi/report.ts, which owns the report's shape.
  z.custom<KpiReport>((value) => typeof value === 'object' && value !== null),
  /** How long the background took (ms), shown as a footnote. */
  z.object({ computeMs: z.number() }),
);
export type KpiView = z.output<typeof kpiViewSchema>;

const command = commandsFor<KpiDeps>();

export const kpiCommands = {
  /** The report for a range, computed from stored observations, scores and actions. */
  getKpis: command({
    request: kpiRequest,
    response: kpiViewSchema,
    audience: 'extension',
    async handle({ from, to, granularity }, deps) {
      const yieldNow = deps.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
      const started = performance.now();
      await deps.customers.settled();
      const [rows, activities, actionRows, settings] = await Promise.all([
        deps.db.customers.toArray(),
        deps.db.activities.toArray(),
        deps.db.actions.toArray(),
        deps.indicatorSettings(),
      ]);
      const [scoreRows, resolvers] = await Promise.all([scoresFor(deps.db, rows, from, to), resolversOf(rows, deps.fieldResolver)]);
      const outcomes = latestOutcomes(actionRows);
      const sightings = new Map<string, Sighting[]>();
      await deps.db.observationBatches.each((batch) => {
        batch.keys.forEach((key, i) => {
          const list = sightings.get(key);
          const sighting = { at: batch.observedAt, fields: batch.fields[i]! };
          if (list) list.push(sighting);
          else sightings.set(key, [sighting]);
        });
      });
      const activitiesOf = activitiesByCustomer(activities) as Map<string, Activity[]>;
      const chunk = deps.chunk ?? KPI_CHUNK;
      const customers: KpiCustomer[] = [];
      for (let i = 0; i < rows.length; i += chunk) {
        if (i > 0) await yieldNow();
        for (const row of rows.slice(i, i + chunk)) {
          const key = customerKey(row.site, row.crmId);
          const own = activitiesOf.get(key) ?? [];
          const resolver = resolvers.get(row.site);
          customers.push({
            key,
            firstSeen: row.firstSeen,
            states: churnStates(
              withCarriedFields(sightings.get(key) ?? []),
              { at: row.lastSeen, fields: row.fields },
              own,
              settings.churn,
              row.today,
              resolver,
              outcomes.get(key),
            ),
            value: row.value ?? null,
            lifetimeValue: lifetimeValueOf(row.fields, own, resolver),
          });
        }
      }
      const scores: KpiScore[] = scoreRows.map((s) => ({ key: customerKey(s.site, s.crmId), at: s.scoredAt, tier: s.tier, probability: s.probability }));
      const actions = actionRows.map((a) => ({ at: a.at, kind: a.kind, ruleId: a.playbookId ?? null, outcome: a.outcome?.kind ?? null }));
      const report = kpiReport({ customers, scores, actions, from, to, granularity });
      return { ...report, computeMs: Math.round(performance.now() - started) };
    },
  }),
};
