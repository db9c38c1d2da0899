/**
 * Stored customers as the churn & tiers views need them: the latest score,
 * the monthly value, and the label — a recorded action outcome first (ground
 * truth), else the manager's churn definition (the same rules training uses),
 * else unknown. Agents' "score looks wrong" flags are not labels here: the
 * tier table's churn rates are the manager's evidence, not a guess.
 */
import type { Activity } from '../domain';
import { customerHistory } from '../background/indicator-service';
import { customerKey } from '../db/customer-key';
import type { FieldResolver } from '../fields/field-resolver';
import type { CustomerRow } from '../db/schema';
import { churnLabel } from '../indicators/labels';
import type { ChurnDefinition } from '../indicators/types';
import type { RiskCustomer } from '../messaging/risk-protocol';

export function riskCustomers(
  rows: readonly CustomerRow[],
  activities: ReadonlyMap<string, readonly Activity[]>,
  outcomes: ReadonlyMap<string, 'retained' | 'churned'>,
  definition: ChurnDefinition,
  now: number,
  /** Each site's field mapping over the synonyms; absent: synonyms only. */
  resolvers: ReadonlyMap<string, FieldResolver> = new Map(),
): RiskCustomer[] {
  const out: RiskCustomer[] = [];
  for (const row of rows) {
    if (!row.lastScore) continue;
    const key = customerKey(row.site, row.crmId);
    const recorded = outcomes.get(key);
    let churned: boolean | null;
    if (recorded) churned = recorded === 'churned';
    else {
      const label = churnLabel(customerHistory(row, activities.get(key) ?? [], now, [], resolvers.get(row.site)), definition);
      churned = label.evaluable ? label.churned : null;
    }
    out.push({
      site: row.site,
      crmId: row.crmId,
      name: row.name,
      probability: row.lastScore.probability,
      tier: row.lastScore.tier,
      monthlyValue: row.value ?? null,
      churned,
      url: row.detailUrl ?? null,
    });
  }
  return out;
}

/** Activities grouped by customer key. */
export function activitiesByCustomer<A extends Activity & { site: string; crmId: string }>(activities: readonly A[]): Map<string, A[]> {
  const by = new Map<string, A[]>();
  for (const activity of activities) {
    const key = customerKey(activity.site, activity.crmId);
    const list = by.get(key);
    if (list) list.push(activity);
    else by.set(key, [activity]);
  }
  return by;
}
