import type { Reason } from '../domain';
import { productFieldOf } from '../fields/product-fields';
import { INDICATOR_BY_ID, INDICATOR_DEFINITIONS } from '../indicators/definitions';
import type { IndicatorResult } from '../indicators/types';

const INDICATOR_FEATURE = 'ind:';

/** The first catalogue indicator fed by each product field (the column "tenure" → indicator "tenure"). */
const INDICATOR_BY_PRODUCT_FIELD: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const definition of INDICATOR_DEFINITIONS) {
    for (const need of definition.needs) if (!need.startsWith('activity:') && !map.has(need)) map.set(need, definition.id);
  }
  return map;
})();

/** The indicator a model input stands for: `ind:<id>` features, or a CRM column an indicator reads. */
export function indicatorOfField(field: string): string | undefined {
  if (field.startsWith(INDICATOR_FEATURE)) return field.slice(INDICATOR_FEATURE.length);
  const product = productFieldOf(field);
  return product ? INDICATOR_BY_PRODUCT_FIELD.get(product) : undefined;
}

/**
 * Reasons named by the indicators they stand for: each reason whose input is
 * an available indicator carries that indicator's id, its display value and
 * its bilingual meaning ("Spend down 40 % over 90 days"), which the badge
 * popover and side panel say instead of the raw column and number.
 */
export function nameReasons(reasons: readonly Reason[], result: IndicatorResult | null): Reason[] {
  if (!result) return [...reasons];
  const byId = new Map(result.values.map((v) => [v.id, v]));
  return reasons.map((reason) => {
    const id = indicatorOfField(reason.field);
    const indicator = id ? byId.get(id) : undefined;
    const definition = id ? INDICATOR_BY_ID.get(id) : undefined;
    if (!indicator || !definition || indicator.value === null) return reason;
    return {
      ...reason,
      value: indicator.display ?? reason.value,
      indicator: { id: indicator.id, label: definition.label, meaning: indicator.meaning ?? null },
    };
  });
}
