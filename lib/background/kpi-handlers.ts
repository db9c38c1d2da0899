/**
 * The KPI dashboard's handler: reads what is stored (customers, their
 * sightings, activities, score history, actions) and computes the report
 * with lib/kpi. Customers are labelled in chunks, yielding between them, so
 * a 10,000-customer history never holds the worker's message loop for long.
 */
import type { Activity } from '../domain';
import { customerKey } from '../db/customer-key';
import type { ChurnRadarDb } from '../db/db';
import type { IndicatorSettings } from '../indicators/types';
import { lifetimeValueOf } from '../kpi/lifetime';
import { kpiReport } from '../kpi/report';
import type { KpiScore } from '../kpi/risk';
import type { KpiCustomer } from '../kpi/states';
import { churnStates, type Sighting } from '../kpi/timeline';
import type { KpiProtocol } from '../messaging/kpi-protocol';
import type { CustomerStore } from './customer-store';
import type { Handlers } from './router';

export interface KpiDeps {
  db: ChurnRadarDb;
  customers: CustomerStore;
  indicatorSettings: () => Promise<IndicatorSettings>;
  now: () => number;
  /** Lets other messages run between chunks (default: a macrotask). */
  yieldNow?: () => Promise<void>;
}

/** Customers labelled between two yields. */
export const KPI_CHUNK = 500;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function createKpiHandlers(deps: KpiDeps): Pick<Handlers, keyof KpiProtocol> {
  const yieldNow = deps.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  return {
    async getKpis({ from, to, granularity }) {
      const started = performance.now();
      await deps.customers.settled();
      const [rows, activities, scoreRows, actionRows, settings] = await Promise.all([
        deps.db.customers.toArray(),
        deps.db.activities.toArray(),
        deps.db.scores.orderBy('scoredAt').toArray(),
        deps.db.actions.toArray(),
        deps.indicatorSettings(),
      ]);
      const sightings = new Map<string, Sighting[]>();
      await deps.db.observationBatches.each((batch) => {
        batch.keys.forEach((key, i) => {
          const list = sightings.get(key);
          const sighting = { at: batch.observedAt, fields: batch.fields[i]! };
          if (list) list.push(sighting);
          else sightings.set(key, [sighting]);
        });
      });
      const activitiesOf = groupBy(activities as Activity[] as (Activity & { site: string; crmId: string })[], (a) => customerKey(a.site, a.crmId));
      const customers: KpiCustomer[] = [];
      for (let i = 0; i < rows.length; i += KPI_CHUNK) {
        if (i > 0) await yieldNow();
        for (const row of rows.slice(i, i + KPI_CHUNK)) {
          const key = customerKey(row.site, row.crmId);
          const own = activitiesOf.get(key) ?? [];
          customers.push({
            key,
            firstSeen: row.firstSeen,
            states: churnStates(sightings.get(key) ?? [], { at: row.lastSeen, fields: row.fields }, own, settings.churn, row.today),
            value: row.value ?? null,
            lifetimeValue: lifetimeValueOf(row.fields, own),
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
