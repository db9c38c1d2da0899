/**
 * Churn labels kept with each customer's row (CustomerRow.label): worked out
 * when a scan records the customer (its activities are at hand then) and read
 * by the views that label every customer (Models → Monitoring, experiment
 * results), so a view on 100,000 customers reads labels instead of working
 * them out. A stored label is valid while
 * - its version is current: the churn definition and the site's field
 *   mapping it was read through (a change of either makes every label stale;
 *   views then work them out lazily and write them back);
 * - the row is the one it was worked out on (same last sighting, same number
 *   of activities);
 * - `until` has not come: a label that reads dates holds until the first
 *   moment any rule could read differently (lib/indicators/label-horizon.ts),
 *   not just for the day.
 */
import type { Activity } from '@/lib/domain';
import type { CustomerRow, StoredLabel } from '@/lib/db/schema';
import { mappingTextOf, type FieldResolver } from '@/lib/fields/field-resolver';
import { churnLabel } from '@/lib/indicators/churn-labels';
import { prepareContext } from '@/lib/indicators/context';
import { customerHistory } from '@/lib/indicators/customer-indicators';
import { labelStableUntil } from '@/lib/indicators/label-horizon';
import { labelFromContext } from '@/lib/indicators/churn-labels';
import type { ChurnDefinition } from '@/lib/indicators/types';
import { fnv1a32 } from '@/lib/parse/activity';

/** The version of labels under this definition read through this site mapping (short: it is stored on every row). */
export function labelVersion(definition: ChurnDefinition, resolver: FieldResolver | undefined): string {
  return fnv1a32(`${JSON.stringify(definition)}\u0000${mappingTextOf(resolver)}`);
}

/** The row's stored label when it is still valid now under `version`, else undefined (to be worked out). */
export function validLabel(row: CustomerRow, version: string, now: number): StoredLabel | undefined {
  const label = row.label;
  if (!label || label.version !== version || label.lastSeen !== row.lastSeen || label.activityCount !== (row.activityCount ?? 0)) return undefined;
  // A row with the CRM's own today is judged as of that day, whatever the clock says.
  if (label.until !== undefined && row.today === undefined && now >= label.until) return undefined;
  return label;
}

/** A sighting of the customer: when, and the fields the page showed. */
export interface Sighting {
  observedAt: number;
  fields: Record<string, string>;
}

/**
 * The customer's first page already showed it churned: its fields then, read
 * through the definition as of that sighting (the CRM's own today shifted back
 * by the time since, when its pages declare one). Activities are not read: a
 * list page shows none, and those a detail page listed came later.
 */
export function churnedAtSighting(row: CustomerRow, sighting: Sighting, definition: ChurnDefinition, resolver: FieldResolver | undefined): boolean {
  const asOf = row.today !== undefined ? row.today - (row.lastObservedAt - sighting.observedAt) : sighting.observedAt;
  return churnLabel({ asOf, fields: sighting.fields, observations: [], activities: [], ...(resolver ? { resolveField: resolver } : {}) }, definition).churned;
}

/**
 * The label of a row now, to store with it. `firstChurned` is kept from the
 * row's previous label of the same version, or read off the row itself when
 * this is its first sighting (its fields are that sighting's); otherwise it is
 * left for the view to work out (lib/db/observation-batches.ts firstSightings).
 */
export function workOutLabel(
  row: CustomerRow,
  activities: readonly Activity[],
  definition: ChurnDefinition,
  resolver: FieldResolver | undefined,
  version: string,
  now: number,
): StoredLabel {
  const ctx = prepareContext(customerHistory(row, activities, now, [], resolver), { churn: definition, competitors: [] });
  const label = labelFromContext(ctx);
  const until = labelStableUntil(ctx, label);
  const previous = row.label?.version === version ? row.label.firstChurned : undefined;
  const firstSighting = row.observationCount <= 1 && row.firstSeen === row.lastSeen;
  const firstChurned =
    previous ?? (firstSighting ? churnedAtSighting(row, { observedAt: row.lastObservedAt, fields: row.fields }, definition, resolver) : undefined);
  return {
    version,
    churned: label.evaluable ? label.churned : null,
    lastSeen: row.lastSeen,
    activityCount: row.activityCount ?? 0,
    ...(Number.isFinite(until) ? { until } : {}),
    ...(firstChurned === undefined ? {} : { firstChurned }),
  };
}

/**
 * The row with its label brought up to date (a scan recorded it), or null
 * when its stored label is still valid or says the same.
 */
export function relabelled(
  row: CustomerRow,
  activities: readonly Activity[],
  definition: ChurnDefinition,
  resolver: FieldResolver | undefined,
  version: string,
  now: number,
): CustomerRow | null {
  if (validLabel(row, version, now)) return null;
  return withLabel(row, workOutLabel(row, activities, definition, resolver, version, now));
}

function withLabel(row: CustomerRow, label: StoredLabel): CustomerRow | null {
  const stored = row.label;
  if (
    stored &&
    stored.version === label.version &&
    stored.churned === label.churned &&
    stored.lastSeen === label.lastSeen &&
    stored.activityCount === label.activityCount &&
    stored.until === label.until &&
    stored.firstChurned === label.firstChurned
  )
    return null;
  return { ...row, label };
}
