/**
 * The stored customers as training reads them (lib/training/observed.ts):
 * each with its activities, its latest decisive action outcome, its latest
 * "score looks wrong" flag and its site's field mapping. Shared by Models →
 * Data ("use observed customers") and the challenger of Models → Monitoring.
 */
import type { Activity, SiteKey } from '../domain';
import { customerKey } from '../db/customer-key';
import { activitiesByCustomer, storedOutcomes } from '../db/customer-lookups';
import type { ChurnRadarDb } from '../db/db';
import type { FieldResolver } from '../fields/field-resolver';
import { resolversOf } from '../labels/resolvers-by-site';
import type { ObservedCustomer } from './observed';

export interface ObservedCustomersDeps {
  db: ChurnRadarDb;
  customers: { settled: () => Promise<void> };
  fieldResolver?: (site: SiteKey) => Promise<FieldResolver>;
}

export async function observedCustomers(deps: ObservedCustomersDeps): Promise<(ObservedCustomer & { key: string })[]> {
  await deps.customers.settled();
  const [rows, activities, outcomes] = await Promise.all([deps.db.customers.toArray(), deps.db.activities.toArray(), storedOutcomes(deps.db)]);
  const bySite = activitiesByCustomer(activities) as Map<string, Activity[]>;
  const resolvers = await resolversOf(rows, deps.fieldResolver);
  // The closed loop: the latest decisive action outcome and the latest flag per customer.
  const flags = new Map<string, 'too_high' | 'too_low'>();
  await deps.db.feedback.orderBy('at').each((flag) => void flags.set(customerKey(flag.site, flag.crmId), flag.verdict));
  return rows.map((row) => {
    const key = customerKey(row.site, row.crmId);
    return { key, row, activities: bySite.get(key) ?? [], outcome: outcomes.get(key)?.kind, flag: flags.get(key), resolver: resolvers.get(row.site) };
  });
}
