/**
 * "Export CSV": the known-history customers only (outcome known, ≈80 %), i.e.
 * the training data a manager brings to the extension. Pure, so the model
 * build script can import it without starting the server.
 */
import Papa from 'papaparse';
import type { Customer, TelcoColumn } from './customers';
import { DEFAULT_LOCALE, segmentLabel, type Locale } from './i18n';
import { customerName, ownerName } from './names';

export const EXPORT_FILE_NAME = 'customers-history.csv';

export const EXPORT_COLUMNS = [
  'customerID',
  'Name',
  'segment',
  'owner',
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
  'Status',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Known-history customers, in data-set order. */
export function historyCustomers(customers: readonly Customer[]): Customer[] {
  return customers.filter((c) => c.knownHistory);
}

/** One export record: data-set values as stored (blank TotalCharges → ""), Status Churned/Active. */
export function historyExportRecord(customer: Customer, locale: Locale = DEFAULT_LOCALE): Record<ExportColumn, string> {
  const record = {} as Record<ExportColumn, string>;
  for (const column of EXPORT_COLUMNS) {
    switch (column) {
      case 'Name':
        record.Name = customerName(customer.id, customer.row.gender, locale);
        break;
      case 'segment':
        record.segment = segmentLabel(customer.segment, 'en');
        break;
      case 'owner':
        record.owner = ownerName(customer.owner, locale);
        break;
      case 'Status':
        record.Status = customer.status;
        break;
      case 'TotalCharges':
        record.TotalCharges = customer.row.TotalCharges.trim();
        break;
      default:
        record[column] = customer.row[column satisfies TelcoColumn];
    }
  }
  return record;
}

/**
 * The export file's text: header + one line per known-history customer, CRLF
 * line endings, no BOM. `locale` only changes the people names (Name, owner);
 * segment, Status and every data-set value are the stored English values.
 */
export function historyExportCsv(customers: readonly Customer[], locale: Locale = DEFAULT_LOCALE): string {
  const data = historyCustomers(customers).map((c) => {
    const record = historyExportRecord(c, locale);
    return EXPORT_COLUMNS.map((column) => record[column]);
  });
  return Papa.unparse({ fields: [...EXPORT_COLUMNS], data }, { newline: '\r\n' });
}
