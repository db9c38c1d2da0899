/** Loading the demo CRM's data sets from disk (Node only). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCustomersCsv, type Customer } from './core/customers';
import { CDNOW_TODAY, parseCdnowCsv } from './core/purchases';
import { buildShoppers, type Shopper } from './core/shoppers';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
export const TELCO_CSV_PATH = join(DATA_DIR, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
export const CDNOW_CSV_PATH = join(DATA_DIR, 'CDNOW_master.csv');

/** Parse the bundled Telco CSV (or another file with the same columns). */
export function loadCustomers(path: string = TELCO_CSV_PATH): Customer[] {
  return parseCustomersCsv(readFileSync(path, 'utf8'));
}

/**
 * The shopper book as of `asOf` from the bundled CDNOW log (or another file
 * with the same columns). The later purchases are read and dropped here: they
 * never reach the CRM.
 */
export function loadShoppers(path: string = CDNOW_CSV_PATH, asOf: string = CDNOW_TODAY): Shopper[] {
  return buildShoppers(parseCdnowCsv(readFileSync(path, 'utf8')), asOf);
}
