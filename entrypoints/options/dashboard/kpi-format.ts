import { formatInteger, formatPercent } from '@/components/format';

/** A rate or "n/a" when its base is empty (never a misleading 0 %). */
export function rateText(rate: number | null, locale: string, none: string): string {
  return rate === null ? none : formatPercent(rate, locale, 1);
}

/** Money in the CRM's own (unknown) currency: grouped, no symbol, cents only below 100. */
export function moneyText(value: number, locale: string): string {
  if (Math.abs(value) >= 100) return formatInteger(value, locale);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
