import type { Bucket } from './buckets';
import { stateBefore, type KpiCustomer } from './states';

/**
 * Churn, retention and win-back over one period [start, end), from each
 * customer's labelled state at the period's start and at its end:
 *
 *   active base  customers active at the start, plus customers first seen
 *                during the period while active (they could churn in it).
 *   churned      of the active base, those churned at the end.
 *   churn rate   churned ÷ active base.
 *   retention    (active base − churned) ÷ active base: still active at the end.
 *   churned base customers churned at the start, plus those first seen churned
 *                during the period.
 *   won back     of the churned base, those active at the end.
 *   win-back     won back ÷ churned base ("churned, then active again").
 *
 * A customer whose state flips and flips back inside one period counts by
 * where it ended. Rates are null when their base is empty.
 */
export interface PeriodFlows {
  activeBase: number;
  churned: number;
  churnRate: number | null;
  retentionRate: number | null;
  churnedBase: number;
  wonBack: number;
  winBackRate: number | null;
}

export function periodFlows(customers: readonly KpiCustomer[], period: Pick<Bucket, 'start' | 'end'>): PeriodFlows {
  let activeBase = 0;
  let churned = 0;
  let churnedBase = 0;
  let wonBack = 0;
  for (const customer of customers) {
    const { states } = customer;
    let atStart = stateBefore(states, period.start);
    if (atStart === null) {
      // First labelled during the period: its first state is where it started.
      const first = states.find((s) => s.at >= period.start);
      if (!first || first.at >= period.end) continue;
      atStart = first.churned;
    }
    const atEnd = stateBefore(states, period.end)!;
    if (!atStart) {
      activeBase++;
      if (atEnd) churned++;
    } else {
      churnedBase++;
      if (!atEnd) wonBack++;
    }
  }
  const rate = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    activeBase,
    churned,
    churnRate: rate(churned, activeBase),
    retentionRate: rate(activeBase - churned, activeBase),
    churnedBase,
    wonBack,
    winBackRate: rate(wonBack, churnedBase),
  };
}

/** At a moment: customers with a label, how many are churned, and the share (null without labels). */
export function churnSnapshot(customers: readonly KpiCustomer[], at: number): { labelled: number; churned: number; churnedShare: number | null } {
  let labelled = 0;
  let churned = 0;
  for (const c of customers) {
    const state = stateBefore(c.states, at);
    if (state === null) continue;
    labelled++;
    if (state) churned++;
  }
  return { labelled, churned, churnedShare: labelled ? churned / labelled : null };
}
