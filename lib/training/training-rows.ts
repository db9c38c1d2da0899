import type { RawRow } from '@/lib/model/types';

/** Customers the extension has observed, as training rows labelled by the manager's churn definition. */
export interface TrainingRowsView {
  columns: string[];
  rows: RawRow[];
  /** The label column added to each row ("Yes" = churned under the definition). */
  label: string;
  positive: string;
  /** Customers stored, and those whose label could not be decided (left out). */
  customers: number;
  unlabelled: number;
  churned: number;
  /** Rows labelled by a recorded action outcome, and (weakly) by an agent's flag. */
  fromOutcomes?: number;
  fromFlags?: number;
}
