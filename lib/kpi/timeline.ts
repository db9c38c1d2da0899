import type { Activity, RawFields } from '../domain';
import { churnLabel } from '../indicators/labels';
import type { ChurnDefinition } from '../indicators/types';
import { compactStates, type ChurnState } from './states';

export interface Sighting {
  at: number;
  fields: RawFields;
}

/**
 * A customer's churn states from its sightings: at each one, the fields seen
 * so far (newest value wins, as the customer record merges them) and the
 * activities up to then are labelled by the manager's churn definition, as of
 * the CRM's own today when its pages declare one. Sightings the definition
 * cannot judge add nothing. `latest` (the merged record at last sight) closes
 * the timeline when the sightings were pruned by the retention window.
 */
export function churnStates(
  sightings: readonly Sighting[],
  latest: Sighting,
  activities: readonly Activity[],
  definition: ChurnDefinition,
  crmToday: number | undefined,
): ChurnState[] {
  const ordered = [...sightings].sort((a, b) => a.at - b.at);
  if (!ordered.length || ordered[ordered.length - 1]!.at < latest.at) ordered.push(latest);
  const states: ChurnState[] = [];
  let fields: RawFields = {};
  for (const sighting of ordered) {
    fields = { ...fields, ...sighting.fields };
    const asOf = crmToday ?? sighting.at;
    const label = churnLabel({ asOf, fields, observations: [], activities: activities.filter((a) => a.at <= asOf) as Activity[] }, definition);
    if (label.evaluable) states.push({ at: sighting.at, churned: label.churned });
  }
  return compactStates(states);
}
