/** The six indicator categories of the product research. */
export const INDICATOR_CATEGORIES = [
  'consumption',
  'satisfaction',
  'loyalty',
  'competition',
  'characteristics',
  'financial',
] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

/** Whether a value of this indicator pushes churn risk up, down, or is context only. */
export type IndicatorDirection = 'raises' | 'lowers' | 'neutral';

export interface IndicatorValue {
  /** Stable id; its label is the i18n key `indicator.<id>`. */
  id: string;
  category: IndicatorCategory;
  /** null = not available from the data seen so far (never invented). */
  value: number | string | null;
  /** Human text of the value as the CRM showed it or as computed (e.g. "$70.35", "34 months"). */
  display: string | null;
  direction: IndicatorDirection;
}
