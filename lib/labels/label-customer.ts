/**
 * The one churn labelling every view shares (risk & tiers, KPIs, training):
 * a recorded retained / churned outcome first (an agent's ground truth), else
 * the manager's churn definition read through the site's field mapping, else
 * unknown. Keeping this in one place is what makes "churned" mean the same
 * customer on the dashboard, in the tier table and in the training rows.
 */
import type { Activity } from '../domain';
import type { CustomerRow } from '../db/schema';
import type { FieldResolver } from '../fields/field-resolver';
import { churnLabel } from '../indicators/churn-labels';
import type { ChurnDefinition, CustomerHistory } from '../indicators/types';
import { customerHistory } from '@/lib/indicators/customer-indicators';

export type RecordedOutcome = 'retained' | 'churned';

export interface CustomerLabel {
  /** Null: neither an outcome nor any rule of the definition can tell. */
  churned: boolean | null;
  source: 'outcome' | 'definition' | null;
}

/** The label of a history already built (with its resolver); KPIs use it per sighting. */
export function labelHistory(history: CustomerHistory, outcome: RecordedOutcome | undefined, definition: ChurnDefinition): CustomerLabel {
  if (outcome) return { churned: outcome === 'churned', source: 'outcome' };
  const label = churnLabel(history, definition);
  return label.evaluable ? { churned: label.churned, source: 'definition' } : { churned: null, source: null };
}

/** A stored customer's label now (as of its CRM's own today when its pages declared one). */
export function labelCustomer(
  row: CustomerRow,
  activities: readonly Activity[],
  outcome: RecordedOutcome | undefined,
  definition: ChurnDefinition,
  resolver: FieldResolver | undefined,
  now: number,
): CustomerLabel {
  return labelHistory(customerHistory(row, activities, now, [], resolver), outcome, definition);
}
