/** Loading the demo CRM's customer table from disk (Node only). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCustomersCsv, type Customer } from './core/customers';

export const TELCO_CSV_PATH = fileURLToPath(new URL('./data/WA_Fn-UseC_-Telco-Customer-Churn.csv', import.meta.url));

/** Parse the bundled Telco CSV (or another file with the same columns). */
export function loadCustomers(path: string = TELCO_CSV_PATH): Customer[] {
  return parseCustomersCsv(readFileSync(path, 'utf8'));
}
