/**
 * Per-customer lookups several background features build from whole tables:
 * activities grouped by customer, and the latest decisive action outcome.
 */
import type { Activity } from '../domain';
import { customerKey } from './customer-key';
import type { ChurnRadarDb } from './db';
import type { ActionRow } from './schema';

/** An agent's recorded verdict on a retention action: ground truth for labels. */
export interface DecisiveOutcome {
  kind: 'retained' | 'churned';
  /** When the outcome was recorded. */
  at: number;
}

/** Activities grouped by customer key (site + CRM id), in the order given. */
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

/** The latest retained / churned outcome per customer key; "no answer" and "pending" decide nothing. */
export function latestOutcomes(actions: Iterable<Pick<ActionRow, 'site' | 'crmId' | 'at' | 'outcome'>>): Map<string, DecisiveOutcome> {
  const latest = new Map<string, { actionAt: number; outcome: DecisiveOutcome }>();
  for (const action of actions) {
    const outcome = action.outcome;
    if (outcome?.kind !== 'retained' && outcome?.kind !== 'churned') continue;
    const key = customerKey(action.site, action.crmId);
    const previous = latest.get(key);
    if (!previous || action.at >= previous.actionAt) latest.set(key, { actionAt: action.at, outcome: { kind: outcome.kind, at: outcome.at } });
  }
  return new Map([...latest].map(([key, { outcome }]) => [key, outcome]));
}

/** latestOutcomes over the stored actions. */
export async function storedOutcomes(db: ChurnRadarDb): Promise<Map<string, DecisiveOutcome>> {
  return latestOutcomes(await db.actions.toArray());
}
