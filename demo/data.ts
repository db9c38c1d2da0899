/** Loading the demo CRM's customer table from disk (Node only). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCustomersCsv, type Customer } from './core/customers';

export const TELCO_CSV_PATH = join(dirname(fileURLToPath(import.meta.url)), 'data', 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

/** Parse the bundled Telco CSV (or another file with the same columns). */
export function loadCustomers(path: string = TELCO_CSV_PATH): Customer[] {
  return parseCustomersCsv(readFileSync(path, 'utf8'));
}
