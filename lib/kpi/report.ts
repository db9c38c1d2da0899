import { outcomesByRule, actionsOverTime, type KpiAction, type OutcomeCounts, type RuleOutcomes } from './actions';
import { timeBuckets, type Bucket, type Granularity } from './buckets';
import { churnSnapshot, periodFlows, type PeriodFlows } from './flows';
import { averageLifetimeValue } from './lifetime';
import { riskOverTime, type KpiScore, type RiskAt } from './risk';
import type { KpiCustomer } from './states';

interface KpiPeriod extends Bucket, PeriodFlows {
  /** Tiers and value at stake at the period's end. */
  risk: RiskAt;
  actions: number;
  outcomes: OutcomeCounts;
  successRate: number | null;
}

/** Everything the dashboard shows for one range, computed by kpiReport. */
export interface KpiReport {
  from: number;
  to: number;
  granularity: Granularity;
  /** Customers ever seen (first seen before `to`). */
  customers: number;
  periods: KpiPeriod[];
  /** The whole range as one period. */
  total: PeriodFlows;
  /** At `to`: labelled customers and the churned share. */
  snapshot: { labelled: number; churned: number; churnedShare: number | null };
  /** Tiers and value at stake at `to`. */
  riskNow: RiskAt;
  rules: RuleOutcomes[];
  actions: { total: number; outcomes: OutcomeCounts; successRate: number | null };
  lifetimeValue: { average: number | null; customers: number };
}

export interface KpiInput {
  customers: readonly KpiCustomer[];
  /** Sorted by time. */
  scores: readonly KpiScore[];
  actions: readonly KpiAction[];
  from: number;
  to: number;
  granularity: Granularity;
}

export function kpiReport({ customers, scores, actions, from, to, granularity }: KpiInput): KpiReport {
  const seen = customers.filter((c) => c.firstSeen < to);
  const buckets = timeBuckets(from, to, granularity);
  const values = new Map(seen.map((c) => [c.key, c.value]));
  const risk = riskOverTime(scores, values, [...buckets.map((b) => Math.min(b.end, to)), to]);
  const perPeriod = actionsOverTime(actions, buckets);
  const periods = buckets.map((bucket, i) => ({
    ...bucket,
    ...periodFlows(seen, { start: bucket.start, end: Math.min(bucket.end, to) }),
    risk: risk[i]!,
    ...perPeriod[i]!,
  }));
  const rules = outcomesByRule(actions, from, to);
  const outcomes = rules.reduce<OutcomeCounts>(
    (sum, r) => ({
      retained: sum.retained + r.outcomes.retained,
      churned: sum.churned + r.outcomes.churned,
      no_answer: sum.no_answer + r.outcomes.no_answer,
      pending: sum.pending + r.outcomes.pending,
      none: sum.none + r.outcomes.none,
    }),
    { retained: 0, churned: 0, no_answer: 0, pending: 0, none: 0 },
  );
  const decided = outcomes.retained + outcomes.churned;
  return {
    from,
    to,
    granularity,
    customers: seen.length,
    periods,
    total: periodFlows(seen, { start: from, end: to }),
    snapshot: churnSnapshot(seen, to),
    riskNow: risk[risk.length - 1]!,
    rules,
    actions: { total: rules.reduce((n, r) => n + r.actions, 0), outcomes, successRate: decided ? outcomes.retained / decided : null },
    lifetimeValue: averageLifetimeValue(seen.map((c) => c.lifetimeValue)),
  };
}
