import type { RawFields } from '../domain';
import { readProductField, type ProductField } from '../fields/product-fields';
import { parseNumber, parseYesNo } from '../parse';
import type { IndicatorCategory, IndicatorDirection, IndicatorValue } from './types';

/**
 * Indicators that one record's current fields can support, before any history
 * exists. Directions are the well-established churn signals of the research
 * (short tenure, month-to-month contracts, manual payment, missing support
 * raise risk); context-only facts (segment, spend level) are 'neutral': they
 * feed the model but are never presented as blame. Anything the record does
 * not show is reported with value null ("not available"), never guessed.
 */
interface SnapshotIndicator {
  id: string;
  category: IndicatorCategory;
  field: ProductField | null;
  read: (text: string) => { value: number | string; direction: IndicatorDirection } | null;
}

const numeric = (direction: (n: number) => IndicatorDirection) => (text: string) => {
  const parsed = parseNumber(text);
  return parsed.ok ? { value: parsed.value, direction: direction(parsed.value) } : null;
};

const yesNo = (whenYes: IndicatorDirection, whenNo: IndicatorDirection) => (text: string) => {
  const parsed = parseYesNo(text);
  return parsed.ok ? { value: parsed.value ? 'yes' : 'no', direction: parsed.value ? whenYes : whenNo } : null;
};

const matching = (raises: RegExp, lowers: RegExp) => (text: string) => ({
  value: text,
  direction: (raises.test(text) ? 'raises' : lowers.test(text) ? 'lowers' : 'neutral') as IndicatorDirection,
});

const neutralText = (text: string) => ({ value: text, direction: 'neutral' as const });

export const SNAPSHOT_INDICATORS: readonly SnapshotIndicator[] = [
  { id: 'monthly_value', category: 'consumption', field: 'monthly_value', read: numeric(() => 'neutral') },
  { id: 'total_spend', category: 'consumption', field: 'total_spend', read: numeric(() => 'neutral') },
  { id: 'plan', category: 'consumption', field: 'plan', read: neutralText },
  { id: 'tech_support', category: 'satisfaction', field: 'tech_support', read: yesNo('lowers', 'raises') },
  { id: 'online_security', category: 'satisfaction', field: 'online_security', read: yesNo('lowers', 'raises') },
  { id: 'tenure', category: 'loyalty', field: 'tenure_months', read: numeric((months) => (months < 6 ? 'raises' : months >= 24 ? 'lowers' : 'neutral')) },
  { id: 'contract', category: 'loyalty', field: 'contract', read: matching(/month|按月|月付/i, /year|年/i) },
  { id: 'competitor_mentions', category: 'competition', field: null, read: () => null },
  { id: 'segment', category: 'characteristics', field: 'segment', read: neutralText },
  { id: 'senior', category: 'characteristics', field: 'senior', read: yesNo('neutral', 'neutral') },
  { id: 'payment_method', category: 'financial', field: 'payment_method', read: matching(/electronic check|电子支票/i, /automatic|自动/i) },
  { id: 'paperless_billing', category: 'financial', field: 'paperless_billing', read: yesNo('neutral', 'neutral') },
];

export function computeSnapshotIndicators(fields: RawFields): IndicatorValue[] {
  return SNAPSHOT_INDICATORS.map((indicator) => {
    const text = indicator.field ? readProductField(fields, indicator.field) : undefined;
    const reading = text === undefined ? null : indicator.read(text);
    return {
      id: indicator.id,
      category: indicator.category,
      value: reading?.value ?? null,
      display: reading ? text! : null,
      direction: reading?.direction ?? 'neutral',
    };
  });
}
