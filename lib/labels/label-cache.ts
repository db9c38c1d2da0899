/**
 * Churn-definition labels remembered while nothing they depend on changed:
 * the definition costs ~7–10 µs a customer, and a manager re-reads a view
 * over 100,000 customers. A label depends on the row as last seen, its
 * activities (count), the CRM's today (or the day) and the definition; a
 * new definition empties the cache (so the per-row stamp stays short: a
 * stamp holding the definition's text cost as much as the label itself).
 */
import type { Activity } from '../domain';
import type { CustomerRow } from '../db/schema';
import type { FieldResolver } from '../fields/field-resolver';
import type { ChurnDefinition } from '../indicators/types';
import { labelCustomer } from './label-customer';

export interface LabelCache {
  /** The definition (as JSON text) the labels were worked out under. */
  definition: string;
  labels: Map<string, { stamp: LabelStamp; churned: boolean | null }>;
}

/** What a label depends on besides the definition (compared field by field: no string built per customer). */
export interface LabelStamp {
  lastSeen: number;
  lastObservedAt: number;
  activityCount: number;
  day: number;
}

export const emptyLabelCache = (): LabelCache => ({ definition: '', labels: new Map() });

export function labelStamp(row: CustomerRow, now: number): LabelStamp {
  return { lastSeen: row.lastSeen, lastObservedAt: row.lastObservedAt, activityCount: row.activityCount ?? 0, day: row.today ?? Math.floor(now / 86_400_000) };
}

const sameStamp = (a: LabelStamp, b: LabelStamp) => a.lastSeen === b.lastSeen && a.lastObservedAt === b.lastObservedAt && a.activityCount === b.activityCount && a.day === b.day;

/** The churn definition's label of a customer now (no recorded outcome), from the cache when its stamp still holds. */
export function cachedDefinitionLabel(
  cache: LabelCache,
  key: string,
  row: CustomerRow,
  activities: readonly Activity[],
  definition: ChurnDefinition,
  definitionText: string,
  resolver: FieldResolver | undefined,
  now: number,
): boolean | null {
  if (cache.definition !== definitionText) {
    cache.definition = definitionText;
    cache.labels.clear();
  }
  const stamp = labelStamp(row, now);
  const known = cache.labels.get(key);
  if (known && sameStamp(known.stamp, stamp)) return known.churned;
  const churned = labelCustomer(row, activities, undefined, definition, resolver, row.today ?? now).churned;
  cache.labels.set(key, { stamp, churned });
  return churned;
}
