/** Indicators as the side panel lists them: by category, with their value text for the UI language. */
import { INDICATOR_CATEGORIES, type IndicatorCategory, type IndicatorValue } from '@/lib/indicators/types';

export interface IndicatorGroup {
  category: IndicatorCategory;
  items: IndicatorValue[];
}

/** Indicators grouped in the research's category order; empty categories left out; order within a group kept. */
export function groupIndicators(indicators: readonly IndicatorValue[]): IndicatorGroup[] {
  if (indicators.length === 0) return [];
  // Every category, even one with nothing to show: an empty category is information too.
  return INDICATOR_CATEGORIES.map((category) => ({
    category,
    items: indicators.filter((indicator) => indicator.category === category),
  }));
}

/**
 * The text to show for an indicator, or null when it is not available. The
 * engine's display texts are English ("59 days", "3 orders"); in another UI
 * language the value itself is shown, formatted for it, and the indicator's
 * translated one-line meaning carries the unit.
 */
export function indicatorText(indicator: IndicatorValue, locale: string, translate?: (value: string) => string | undefined): string | null {
  if (indicator.value === null) return null;
  const english = locale.toLowerCase().startsWith('en');
  if (english && indicator.display !== null && indicator.display.trim() !== '') return indicator.display;
  if (typeof indicator.value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(indicator.value);
  return translate?.(indicator.value) ?? (english ? indicator.value : (indicator.display ?? indicator.value));
}
