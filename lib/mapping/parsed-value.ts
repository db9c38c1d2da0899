import type { ProductField } from '../fields/product-fields';
import { parseDuration, parseNumber, parseWhen, parseYesNo } from '../parse';

/** How the product reads a field's text: what a manager checks when mapping a label. */
export type ParsedValue =
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'date'; value: number }
  | { kind: 'months'; value: number }
  | { kind: 'yesno'; value: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'unreadable'; reason: string };

type ValueKind = 'number' | 'date' | 'months' | 'yesno' | 'text';

const KIND_OF: Record<ProductField, ValueKind> = {
  monthly_value: 'number',
  total_spend: 'number',
  order_count: 'number',
  avg_order_value: 'number',
  tenure_months: 'months',
  contract: 'text',
  plan: 'text',
  payment_method: 'text',
  paperless_billing: 'yesno',
  status: 'text',
  segment: 'text',
  senior: 'yesno',
  tech_support: 'yesno',
  online_security: 'yesno',
  owner: 'text',
  last_purchase: 'date',
  first_purchase: 'date',
  last_activity: 'date',
  customer_since: 'date',
  tickets: 'number',
  csat: 'number',
  nps: 'number',
  region: 'text',
  age: 'number',
  outstanding_balance: 'number',
  late_payments: 'number',
  auto_renew: 'yesno',
  referrals: 'number',
  discount: 'number',
};

export const valueKindOf = (field: ProductField): ValueKind => KIND_OF[field];

/** The value `text` gives as `field` (relative dates are relative to `now`). */
export function parsedValue(field: ProductField, text: string, now: number): ParsedValue {
  const trimmed = text.trim();
  switch (KIND_OF[field]) {
    case 'number': {
      const r = parseNumber(trimmed);
      return r.ok ? { kind: 'number', value: r.value, percent: r.kind === 'percent' } : { kind: 'unreadable', reason: r.reason };
    }
    case 'date': {
      const r = parseWhen(trimmed, now);
      return r.ok ? { kind: 'date', value: r.value } : { kind: 'unreadable', reason: r.reason };
    }
    case 'months': {
      const r = parseDuration(trimmed, { unit: 'months' });
      return r.ok ? { kind: 'months', value: r.value.months } : { kind: 'unreadable', reason: r.reason };
    }
    case 'yesno': {
      const r = parseYesNo(trimmed);
      return r.ok ? { kind: 'yesno', value: r.value } : { kind: 'unreadable', reason: r.reason };
    }
    case 'text':
      return trimmed === '' ? { kind: 'unreadable', reason: 'missing' } : { kind: 'text', value: trimmed };
  }
}
