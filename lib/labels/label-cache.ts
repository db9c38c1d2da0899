/**
 * Churn-definition labels remembered while nothing they depend on changed:
 * the definition costs ~7–10 µs a customer, and a manager re-reads a view
 * over 100,000 customers. A label depends on the row as last seen, its
 * activities (count), the CRM's today (or the day) and the definition.
 */
import type { Activity } from '../domain';
import type { CustomerRow } from '../db/schema';
import type { FieldResolver } from '../fields/field-resolver';
import type { ChurnDefinition } from '../indicators/types';
import { labelCustomer } from './label-customer';

export type LabelCache = Map<string, { stamp: string; churned: boolean | null }>;

export function labelStamp(row: CustomerRow, definitionText: string, now: number): string {
  return `${row.lastSeen}|${row.lastObservedAt}|${row.activityCount ?? 0}|${row.today ?? Math.floor(now / 86_400_000)}|${definitionText}`;
}

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
  const stamp = labelStamp(row, definitionText, now);
  const known = cache.get(key);
  if (known?.stamp === stamp) return known.churned;
  const churned = labelCustomer(row, activities, undefined, definition, resolver, row.today ?? now).churned;
  cache.set(key, { stamp, churned });
  return churned;
}
