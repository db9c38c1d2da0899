/**
 * Labels of many stored customers at once, the one way every view that
 * labels all customers does it (Models → Monitoring, experiment results, and
 * the benchmarks that time them): each row's stored label when it is still
 * valid (./stored-label.ts), else worked out from its activities, and listed
 * so the caller can store it for the next view.
 */
import type { Activity, SiteKey } from '@/lib/domain';
import type { CustomerRow, StoredLabel } from '@/lib/db/schema';
import type { FieldResolver } from '@/lib/fields/field-resolver';
import { customerKey } from '@/lib/db/customer-key';
import { firstSightings, storeLabels } from '@/lib/db/customers-repo';
import type { ChurnRadarDb } from '@/lib/db/db';
import type { ChurnDefinition } from '@/lib/indicators/types';
import { churnedAtSighting, labelVersion, validLabel, workOutLabel } from './stored-label';

export interface LabelContext {
  definition: ChurnDefinition;
  /** Each site's field mapping (absent: synonyms only). */
  resolvers: ReadonlyMap<SiteKey, FieldResolver>;
  now: number;
}

export interface LabelledRows {
  /** Each row's label, in row order (undefined: not wanted). */
  labels: (StoredLabel | undefined)[];
  /** Indexes of the rows whose label was worked out (not stored, or stale): to store with them. */
  worked: number[];
}

const NO_ACTIVITIES: readonly Activity[] = [];

/** The label version of each site (one hash per site, not per row). */
function versionsOf(context: LabelContext): (site: SiteKey) => string {
  const versions = new Map<SiteKey, string>();
  return (site) => {
    let version = versions.get(site);
    if (version === undefined) versions.set(site, (version = labelVersion(context.definition, context.resolvers.get(site))));
    return version;
  };
}

/** The rows (of those wanted) whose stored label cannot be used: their activities are needed to work it out. */
export function staleRows(
  rows: readonly (CustomerRow | undefined)[],
  context: LabelContext,
  wanted: (row: CustomerRow) => boolean = () => true,
): CustomerRow[] {
  const versionOf = versionsOf(context);
  return rows.filter((row): row is CustomerRow => !!row && wanted(row) && !validLabel(row, versionOf(row.site), context.now));
}

/**
 * Every wanted row's label (undefined rows: erased since they were listed).
 * `activitiesOf` gives the activities of a row whose label must be worked out
 * (those staleRows named; rows without activities get none).
 */
export function labelRows(
  rows: readonly (CustomerRow | undefined)[],
  context: LabelContext,
  activitiesOf: (row: CustomerRow) => readonly Activity[] | undefined = () => undefined,
  wanted: (row: CustomerRow) => boolean = () => true,
): LabelledRows {
  const versionOf = versionsOf(context);
  const labels = new Array<StoredLabel | undefined>(rows.length);
  const worked: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row || !wanted(row)) continue;
    const version = versionOf(row.site);
    let label = validLabel(row, version, context.now);
    if (!label) {
      const activities = row.activityCount ? (activitiesOf(row) ?? NO_ACTIVITIES) : NO_ACTIVITIES;
      label = workOutLabel(row, activities, context.definition, context.resolvers.get(row.site), version, context.now);
      worked.push(i);
    }
    labels[i] = label;
  }
  return { labels, worked };
}

/**
 * Churned labels that do not know yet whether the customer's first sighting
 * already showed it churned (worked out since the definition or mapping
 * changed): read those first sightings in one indexed pass and complete the
 * labels (listed as worked, to store).
 */
export async function completeFirstSightings(
  db: ChurnRadarDb,
  rows: readonly (CustomerRow | undefined)[],
  labelled: LabelledRows,
  context: LabelContext,
): Promise<void> {
  const open: number[] = [];
  labelled.labels.forEach((label, i) => {
    if (label?.churned === true && label.firstChurned === undefined) open.push(i);
  });
  if (!open.length) return;
  const sightings = await firstSightings(
    db,
    open.map((i) => customerKey(rows[i]!.site, rows[i]!.crmId)),
  );
  const worked = new Set(labelled.worked);
  for (const i of open) {
    const row = rows[i]!;
    const sighting = sightings.get(customerKey(row.site, row.crmId));
    // No sighting stored (pruned by the retention window): the first one known is the row's own.
    const firstChurned = sighting ? churnedAtSighting(row, sighting, context.definition, context.resolvers.get(row.site)) : false;
    labelled.labels[i] = { ...labelled.labels[i]!, firstChurned };
    if (!worked.has(i)) labelled.worked.push(i);
  }
}

/**
 * Store the labels a view worked out, for the next view: after the reply
 * when `defer` is given (a view must not wait for the disk), else now.
 */
export async function storeWorkedLabels(
  db: ChurnRadarDb,
  rows: readonly (CustomerRow | undefined)[],
  labelled: LabelledRows,
  defer?: (task: () => void) => void,
): Promise<void> {
  if (!labelled.worked.length) return;
  const worked = labelled.worked.map((i) => ({ site: rows[i]!.site, crmId: rows[i]!.crmId, label: labelled.labels[i]! }));
  const store = () => storeLabels(db, worked).catch((error: unknown) => console.error('[churn-radar] could not store labels', error));
  if (defer) defer(() => void store());
  else await store();
}
