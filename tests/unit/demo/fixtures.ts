import { loadCustomers } from '../../../demo/data';
import type { Customer } from '../../../demo/core/customers';

let cached: Customer[] | null = null;

/** The bundled Telco data set, parsed once per test file. */
export function customers(): Customer[] {
  cached ??= loadCustomers();
  return cached;
}
