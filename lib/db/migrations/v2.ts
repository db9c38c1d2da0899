import type { Transaction } from 'dexie';
import { readProductField } from '@/lib/fields/product-fields';
import { parseNumber } from '@/lib/parse';
import type { CustomerRow } from '../schema';

/** The monthly value a customer's fields show, or undefined: what customers.value indexes. */
export function customerValueOf(fields: Record<string, string>): number | undefined {
  const text = readProductField(fields, 'monthly_value');
  if (text === undefined) return undefined;
  const parsed = parseNumber(text);
  return parsed.ok && Number.isFinite(parsed.value) ? parsed.value : undefined;
}

/** v1 → v2: fill customers.value from the stored fields; the new tables start empty. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<CustomerRow>('customers')
    .toCollection()
    .modify((customer) => {
      const value = customerValueOf(customer.fields);
      if (value !== undefined) customer.value = value;
    });
}
