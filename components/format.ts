/**
 * Intl formatting for the extension pages (side panel, options, popup): numbers,
 * percentages, durations, dates. No browser APIs here: the locale is always
 * passed in, so every function runs the same in vitest and in the extension.
 */
import { humanizeKey } from '@/lib/explain/reason-text';

// ---------------------------------------------------------------- locale

/**
 * The locale for Intl formatting: the browser UI language when it is the
 * language of the translation in use (keeps "en-GB" dates for a British UI),
 * else the translation's own locale, so numbers and dates never come out in
 * a different language from the words around them.
 */
export function pickFormatLocale(uiLanguage: string | undefined, messagesLocale: string | undefined): string {
  const messages = messagesLocale?.trim() || 'en';
  const ui = uiLanguage?.trim().replace('_', '-');
  if (!ui) return messages;
  const lang = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();
  return lang(ui) === lang(messages) ? ui : messages;
}

// ---------------------------------------------------------------- numbers

/**
 * A churn probability in [0, 1] as a whole percentage, "37 %": the same
 * number and style the CRM badge shows (lib/content/badge.ts), so a customer
 * never reads 37 % on the badge and 36.8% in the side panel.
 */
export function formatProbability(probability: number, locale: string): string {
  if (!Number.isFinite(probability)) return '–';
  return formatPercent(Math.min(1, Math.max(0, probability)), locale, 0);
}

/** A fraction as a percentage with a fixed number of fraction digits, in the product's "26.5 %" style. */
export function formatPercent(fraction: number, locale: string, fractionDigits = 0): string {
  if (!Number.isFinite(fraction)) return '–';
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(fraction * 100);
  return `${number} %`;
}

/** "25 % – 45 %" */
export function formatPercentRange(min: number, max: number, locale: string): string {
  return `${formatPercent(min, locale)} – ${formatPercent(max, locale)}`;
}

/** A plain decimal, e.g. a metric: 0.8451 → "0.845". */
export function formatDecimal(value: number, locale: string, fractionDigits = 3): string {
  if (!Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A cross-validated metric with its spread: "0.845 ± 0.012". */
export function formatMeanSd(mean: number, sd: number, locale: string, fractionDigits = 3): string {
  const m = formatDecimal(mean, locale, fractionDigits);
  if (!Number.isFinite(sd)) return m;
  return `${m} ± ${formatDecimal(sd, locale, fractionDigits)}`;
}

export function formatInteger(value: number, locale: string): string {
  if (!Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A signed change in percentage points between two probabilities: 0.32 → 0.45 gives "+13". */
export function formatPointChange(from: number, to: number, locale: string): string {
  const points = Math.round((to - from) * 100);
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(points);
}

/** A duration in seconds, with the locale's own unit words: "1.4 sec", "2 min", "1.4秒". */
export function formatDuration(seconds: number, locale: string): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 60) {
    const digits = seconds < 10 ? 1 : 0;
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(seconds);
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(seconds / 60);
}

// ---------------------------------------------------------------- dates

function toDate(value: number | string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time, e.g. "Nov 23, 2026, 7:03 PM" / "2026年11月23日 19:03". Empty string for invalid input. */
export function formatDateTime(value: number | string, locale: string, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** Short date only, e.g. "Nov 23" for sparkline labels. */
export function formatShortDate(value: number | string, locale: string, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone }).format(date);
}

/** Date only with the year, e.g. "Sep 4, 1997" / "1997年9月4日". Empty string for invalid input. */
export function formatDate(value: number | string, locale: string, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 hours ago", "yesterday", "刚刚" style text for a time relative to now. */
export function formatRelativeTime(at: number, now: number, locale: string): string {
  if (!Number.isFinite(at) || !Number.isFinite(now)) return '';
  let amount = (at - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(amount) < 45) return rtf.format(0, 'second');
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return rtf.format(Math.round(amount), unit);
    amount /= size;
  }
  return rtf.format(Math.round(amount), 'year');
}

/** Label from a translation when there is one, else the humanised id ("repeat_purchase_rate" → "Repeat purchase rate"). */
export function labelOr(translated: string, id: string): string {
  return translated.trim() !== '' ? translated : humanizeKey(id);
}
