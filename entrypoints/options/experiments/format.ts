import { i18n } from '#i18n';
import type { Interval } from '@/lib/experiments/stats/intervals';
import type { MeasuredUplift } from '@/lib/experiments/experiment';

/** A difference of rates in percentage points, signed: 0.042 → "+4.2 pts". */
export function formatPoints(difference: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(difference * 100);
  return i18n.t('experiments.points', [number]);
}

/** "−1.0 to +9.3 pts" */
export function formatPointInterval(interval: Interval, locale: string): string {
  return i18n.t('experiments.interval', [formatPoints(interval.low, locale), formatPoints(interval.high, locale)]);
}

/** A rule's measured uplift in one line: "+4.2 pts (95 % CI −1.0 to +9.3 pts) · 480 customers · 7 Dec 2026". */
export function measuredText(measured: MeasuredUplift, locale: string): string {
  return i18n.t('experiments.measured', [
    formatPoints(measured.uplift, locale),
    formatPointInterval(measured, locale),
    new Intl.NumberFormat(locale).format(measured.n),
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(measured.at),
  ]);
}

/** A date input's value (yyyy-mm-dd, local) and back to epoch ms at local midnight. */
export const toDateInput = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
export const fromDateInput = (value: string) => {
  const [y, m, d] = value.split('-').map(Number);
  return y && m && d ? new Date(y, m - 1, d).getTime() : NaN;
};
