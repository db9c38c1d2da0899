/** One look for every chart: slate text and grid, sky for the model, tier colours for tiers. */
export const CHART = {
  text: '#64748b',
  axis: '#cbd5e1',
  grid: '#e2e8f0',
  primary: '#0284c7',
  primarySoft: '#bae6fd',
  secondary: '#f59e0b',
  reference: '#94a3b8',
  positive: '#dc2626',
  negative: '#16a34a',
  fontSize: 11,
  height: 240,
} as const;

/** Series colours for comparing models (first is the model in focus). */
export const SERIES_COLOURS = ['#0284c7', '#f59e0b', '#7c3aed', '#059669'] as const;

export const axisTick = { fill: CHART.text, fontSize: CHART.fontSize } as const;

/** "0.25" → "25 %" in the locale's digits; for axes on a 0–1 scale. */
export function percentTick(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (value) => `${format.format(value * 100)} %`;
}

export function decimalTick(locale: string, digits = 2): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (value) => format.format(value);
}

export function integerTick(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (value) => format.format(value);
}
