/**
 * Training rows from what the extension has observed: one row per stored
 * customer with its merged CRM fields and its indicator features (`ind:*`),
 * labelled by the manager's churn definition (lib/indicators/churn-labels.ts).
 *
 * - Each customer is read as of its CRM's own today when its pages declared
 *   one, else as of `now` (the same history the side panel shows).
 * - A customer no rule of the definition can be checked on (no status, no
 *   dates, no amounts) has an unknown outcome: left out and counted, never
 *   taken as "retained".
 * - The label column is OBSERVED_LABEL with "Yes" (churned) / "No".
 * - Fields the label rules read (the status field, last-activity dates) stay
 *   in the rows: the import's leakage check flags them, so the manager sees
 *   why they are not inputs.
 * - Each customer's fields are read through its site's field mapping, for the
 *   label and the features alike (the inputs the model then scores on).
 * - Columns: fields in first-seen order, then indicator features, then the label.
 * - The closed loop feeds back: the outcome an agent recorded for a retention
 *   action (retained / churned, the latest one) is ground truth and takes
 *   precedence over the definition; an agent's "score looks wrong" flag (too
 *   low → churn, too high → not) labels a customer only when neither the
 *   definition nor an outcome can (weak labels, counted separately).
 */
import type { Activity } from '../domain';
import type { CustomerRow } from '../db/schema';
import { customerHistory, modelInputs } from '@/lib/indicators/customer-indicators';
import { computeIndicators } from '../indicators';
import type { FieldResolver } from '../fields/field-resolver';
import { labelHistory } from '../labels/label-customer';
import type { IndicatorSettings } from '../indicators/types';
import type { TrainingRowsView } from './training-rows';
import type { RawRow } from '../model/types';

export const OBSERVED_LABEL = 'churn_label';
export const OBSERVED_POSITIVE = 'Yes';
const OBSERVED_NEGATIVE = 'No';

export interface ObservedCustomer {
  row: CustomerRow;
  activities: readonly Activity[];
  /** The latest recorded outcome of a retention action on this customer, if decisive. */
  outcome?: 'retained' | 'churned';
  /** The latest "score looks wrong" verdict on this customer. */
  flag?: 'too_high' | 'too_low';
  /** The site's field mapping over the synonyms; absent: synonyms only. */
  resolver?: FieldResolver;
}

export function observedTrainingRows(customers: readonly ObservedCustomer[], settings: IndicatorSettings, now: number): TrainingRowsView {
  const fieldColumns = new Set<string>();
  const indicatorColumns = new Set<string>();
  const rows: RawRow[] = [];
  let unlabelled = 0;
  let churned = 0;
  let fromOutcomes = 0;
  let fromFlags = 0;
  const sites = new Set<string>();
  for (const { row, activities, outcome: recorded, flag, resolver } of customers) {
    const history = customerHistory(row, activities, now, [], resolver);
    const label = labelHistory(history, recorded, settings.churn);
    let isChurned: boolean;
    if (label.churned !== null) {
      isChurned = label.churned;
      if (label.source === 'outcome') fromOutcomes++;
    } else if (flag) {
      isChurned = flag === 'too_low';
      fromFlags++;
    } else {
      unlabelled++;
      continue;
    }
    const inputs = modelInputs(row, computeIndicators(history, settings));
    for (const key of Object.keys(inputs)) (key.startsWith('ind:') ? indicatorColumns : fieldColumns).add(key);
    if (isChurned) churned++;
    sites.add(row.site);
    rows.push({ ...inputs, [OBSERVED_LABEL]: isChurned ? OBSERVED_POSITIVE : OBSERVED_NEGATIVE });
  }
  fieldColumns.delete(OBSERVED_LABEL);
  indicatorColumns.delete(OBSERVED_LABEL);
  return {
    columns: [...fieldColumns, ...indicatorColumns, OBSERVED_LABEL],
    rows,
    label: OBSERVED_LABEL,
    positive: OBSERVED_POSITIVE,
    customers: customers.length,
    unlabelled,
    churned,
    fromOutcomes,
    fromFlags,
    sites: [...sites].sort(),
  };
}
