/**
 * The demo CRM's customer table: the IBM Telco churn data set, one customer
 * per row, plus the few things the CRM derives from it (known-history split,
 * Status, segment, owner). Pure: parsing takes the CSV text, no file access,
 * so the client bundle, tests and build scripts can all import it.
 */
import Papa from 'papaparse';
import { isKnownHistory, seedHash } from './hash';

/** Columns of WA_Fn-UseC_-Telco-Customer-Churn.csv, in file order. */
export const TELCO_COLUMNS = [
  'customerID',
  'gender',
  'SeniorCitizen',
  'Partner',
  'Dependents',
  'tenure',
  'PhoneService',
  'MultipleLines',
  'InternetService',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
  'Contract',
  'PaperlessBilling',
  'PaymentMethod',
  'MonthlyCharges',
  'TotalCharges',
  'Churn',
] as const;

export type TelcoColumn = (typeof TELCO_COLUMNS)[number];

/** One data-set row exactly as stored (strings; TotalCharges may be " "). */
export type TelcoRow = Record<TelcoColumn, string>;

export type Status = 'Active' | 'Churned';
export type Segment = 'Senior' | 'Family' | 'Couple' | 'Individual';

/** How many sales reps own the customer book (see names.ts for their names). */
export const OWNER_COUNT = 8;

export interface Customer {
  id: string;
  /** Raw values as in the data set, including the hidden Churn label. */
  row: TelcoRow;
  /** Position in the data set (0-based): the default list order. */
  index: number;
  tenure: number;
  monthlyCharges: number;
  /** null where the data set has a blank (new customers, tenure 0). */
  totalCharges: number | null;
  /** Outcome already known to the CRM (see isKnownHistory). */
  knownHistory: boolean;
  /** Churned only for known-history customers with Churn=Yes. */
  status: Status;
  segment: Segment;
  /** Index into the owner list, 0..OWNER_COUNT-1. */
  owner: number;
}

export function segmentOf(row: Pick<TelcoRow, 'SeniorCitizen' | 'Dependents' | 'Partner'>): Segment {
  if (row.SeniorCitizen === '1') return 'Senior';
  if (row.Dependents === 'Yes') return 'Family';
  if (row.Partner === 'Yes') return 'Couple';
  return 'Individual';
}

export function ownerOf(customerId: string): number {
  return seedHash(`${customerId}|owner`) % OWNER_COUNT;
}

export function statusOf(customerId: string, churn: string): Status {
  return isKnownHistory(customerId) && churn === 'Yes' ? 'Churned' : 'Active';
}

export function toCustomer(row: TelcoRow, index: number): Customer {
  const id = row.customerID;
  const total = row.TotalCharges.trim();
  return {
    id,
    row,
    index,
    tenure: Number.parseInt(row.tenure, 10),
    monthlyCharges: Number(row.MonthlyCharges),
    totalCharges: total === '' ? null : Number(total),
    knownHistory: isKnownHistory(id),
    status: statusOf(id, row.Churn),
    segment: segmentOf(row),
    owner: ownerOf(id),
  };
}

/** Parse the Telco CSV text (CRLF or LF) into customers, in file order. */
export function parseCustomersCsv(text: string): Customer[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
  });
  const fatal = parsed.errors[0];
  if (fatal) throw new Error(`Telco CSV: ${fatal.message} (row ${fatal.row ?? '?'})`);
  const fields = parsed.meta.fields ?? [];
  const missing = TELCO_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length > 0) throw new Error(`Telco CSV: missing columns ${missing.join(', ')}`);
  const seen = new Set<string>();
  return parsed.data.map((record, index) => {
    const row = {} as TelcoRow;
    for (const column of TELCO_COLUMNS) {
      const value = record[column];
      if (value === undefined) throw new Error(`Telco CSV: row ${index + 1} has no ${column}`);
      row[column] = value;
    }
    if (seen.has(row.customerID)) throw new Error(`Telco CSV: duplicate customerID ${row.customerID}`);
    seen.add(row.customerID);
    return toCustomer(row, index);
  });
}
