import type { Activity, RawFields } from '../domain';
import type { FieldResolver } from '../fields/field-resolver';
import { readProductField } from '../fields/product-fields';
import { parseNumber } from '../parse/number';

const numberOf = (text: string | undefined): number | null => {
  if (text === undefined) return null;
  const parsed = parseNumber(text);
  return parsed.ok && Number.isFinite(parsed.value) && parsed.value >= 0 ? parsed.value : null;
};

/**
 * What a customer has brought in so far, the "lifetime value" the dashboard
 * averages: the CRM's total / lifetime spend field when it shows one; else
 * the sum of the order amounts seen (when every order has one); else monthly
 * value × tenure in months. Null when none of these is known. Fields are read
 * through the site's mapping (`resolve`; default: the synonyms).
 */
export function lifetimeValueOf(fields: RawFields, activities: readonly Pick<Activity, 'kind' | 'amount'>[], resolve?: FieldResolver): number | null {
  const total = numberOf(readProductField(fields, 'total_spend', resolve));
  if (total !== null) return total;
  const orders = activities.filter((a) => a.kind === 'order');
  if (orders.length && orders.every((o) => typeof o.amount === 'number')) return orders.reduce((sum, o) => sum + o.amount!, 0);
  const monthly = numberOf(readProductField(fields, 'monthly_value', resolve));
  const months = numberOf(readProductField(fields, 'tenure_months', resolve));
  return monthly !== null && months !== null ? monthly * months : null;
}

/** The average over customers with a known lifetime value; null average when there is none. */
export function averageLifetimeValue(values: readonly (number | null)[]): { average: number | null; customers: number } {
  const known = values.filter((v): v is number => v !== null);
  return { average: known.length ? known.reduce((a, b) => a + b, 0) / known.length : null, customers: known.length };
}
