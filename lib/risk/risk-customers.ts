/**
 * Stored customers as the churn & tiers views need them: the latest score,
 * the monthly value, and the label — a recorded action outcome first (ground
 * truth), else the manager's churn definition (the same rules training uses),
 * else unknown. Agents' "score looks wrong" flags are not labels here: the
 * tier table's churn rates are the manager's evidence, not a guess.
 */
import type { Activity } from '../domain';
import { customerKey } from '../db/customer-key';
import type { FieldResolver } from '../fields/field-resolver';
import type { CustomerRow } from '../db/schema';
import type { ChurnDefinition } from '../indicators/types';
import { labelCustomer, type RecordedOutcome } from '../labels/label-customer';
import type { RiskCustomer } from './risk-schemas';

export function riskCustomers(
  rows: readonly CustomerRow[],
  activities: ReadonlyMap<string, readonly Activity[]>,
  outcomes: ReadonlyMap<string, RecordedOutcome>,
  definition: ChurnDefinition,
  now: number,
  /** Each site's field mapping over the synonyms; absent: synonyms only. */
  resolvers: ReadonlyMap<string, FieldResolver> = new Map(),
): RiskCustomer[] {
  const out: RiskCustomer[] = [];
  for (const row of rows) {
    if (!row.lastScore) continue;
    const key = customerKey(row.site, row.crmId);
    const { churned } = labelCustomer(row, activities.get(key) ?? [], outcomes.get(key), definition, resolvers.get(row.site), now);
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
