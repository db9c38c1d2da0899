/**
 * The KPI dashboard's handler: reads what is stored (customers, their
 * sightings, activities, score history, actions) and computes the report
 * with lib/kpi. Customers are labelled in chunks, yielding between them, so
 * a 10,000-customer history never holds the worker's message loop for long.
 * Labels are the shared ones (lib/labels/label-customer.ts: recorded outcome,
 * then the definition through the site's mapping). Only the scores the range
 * needs are read: those inside it, plus each customer's latest one before it.
 */
import type { Activity, SiteKey } from '../domain';
import { customerKey } from '../db/customer-key';
import { withCarriedFields } from '../db/observation-batches';
import { activitiesByCustomer, latestOutcomes } from '../db/customer-lookups';
import type { ChurnRadarDb } from '../db/db';
import type { CustomerRow, ScoreRow } from '../db/schema';
import type { FieldResolver } from '../fields/field-resolver';
import type { IndicatorSettings } from '../indicators/types';
import { lifetimeValueOf } from '../kpi/lifetime';
import { kpiReport } from '../kpi/report';
import type { KpiScore } from '../kpi/risk';
import type { KpiCustomer } from '../kpi/states';
import { churnStates, type Sighting } from '../kpi/timeline';
import type { KpiProtocol } from '../messaging/kpi-protocol';
import { resolversOf } from '../labels/resolvers-by-site';
import type { CustomerStore } from './customer-store';
import type { Handlers } from './router';

export interface KpiDeps {
  db: ChurnRadarDb;
  customers: CustomerStore;
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
export const KPI_CHUNK = 500;

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

export function createKpiHandlers(deps: KpiDeps): Pick<Handlers, keyof KpiProtocol> {
  const yieldNow = deps.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  return {
    async getKpis({ from, to, granularity }) {
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
            states: churnStates(withCarriedFields(sightings.get(key) ?? []), { at: row.lastSeen, fields: row.fields }, own, settings.churn, row.today, resolver, outcomes.get(key)),
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
  };
}
