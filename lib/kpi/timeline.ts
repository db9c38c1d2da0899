import type { Activity, RawFields } from '../domain';
import type { DecisiveOutcome } from '../db/customer-lookups';
import type { FieldResolver } from '../fields/field-resolver';
import type { ChurnDefinition } from '../indicators/types';
import { labelHistory } from '../labels/label-customer';
import { compactStates, type ChurnState } from './states';

export interface Sighting {
  at: number;
  fields: RawFields;
}

/**
 * A customer's churn states from its sightings: at each one, the fields seen
 * so far (newest value wins, as the customer record merges them, read through
 * the site's mapping) and the activities up to then are labelled by the
 * manager's churn definition (lib/labels/label-customer.ts), as of the CRM's
 * own today when its pages declare one. Sightings the definition cannot judge
 * add nothing. `latest` (the merged record at last sight) closes the timeline
 * when the sightings were pruned by the retention window.
 *
 * A recorded retained / churned outcome is ground truth from the moment it
 * was recorded: it becomes the state then, and later sightings do not relabel
 * the customer — so the "now" figures agree with the churn & tiers view.
 */
export function churnStates(
  sightings: readonly Sighting[],
  latest: Sighting,
  activities: readonly Activity[],
  definition: ChurnDefinition,
  crmToday: number | undefined,
  resolver?: FieldResolver,
  outcome?: DecisiveOutcome,
): ChurnState[] {
  const ordered = [...sightings].sort((a, b) => a.at - b.at);
  if (!ordered.length || ordered[ordered.length - 1]!.at < latest.at) ordered.push(latest);
  const states: ChurnState[] = [];
  let fields: RawFields = {};
  for (const sighting of ordered) {
    if (outcome && sighting.at >= outcome.at) break;
    fields = { ...fields, ...sighting.fields };
    const asOf = crmToday ?? sighting.at;
    const history = {
      asOf,
      fields,
      observations: [],
      activities: activities.filter((a) => a.at <= asOf) as Activity[],
      ...(resolver ? { resolveField: resolver } : {}),
    };
    const label = labelHistory(history, undefined, definition);
    if (label.churned !== null) states.push({ at: sighting.at, churned: label.churned });
  }
  if (outcome) states.push({ at: outcome.at, churned: outcome.kind === 'churned' });
  return compactStates(states);
}
