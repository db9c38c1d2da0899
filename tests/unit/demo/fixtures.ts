import { loadCustomers, loadShoppers } from '@/demo/data';
import type { Customer } from '@/demo/core/customers';
import type { Shopper } from '@/demo/core/shoppers';

let cached: Customer[] | null = null;
let cachedShoppers: Shopper[] | null = null;

/** The bundled Telco data set, parsed once per test file. */
export function customers(): Customer[] {
  cached ??= loadCustomers();
  return cached;
}

/** The bundled CDNOW shoppers as of 1997-09-30, built once per test file. */
export function shoppers(): Shopper[] {
  cachedShoppers ??= loadShoppers();
  return cachedShoppers;
}
