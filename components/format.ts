/**
 * Pure formatting and shaping helpers for the extension pages (side panel,
 * options, popup). No browser APIs here: the locale is always passed in, so
 * every function runs the same in vitest and in the extension.
 */
import type { Reason, Tier } from '../lib/domain';
import { TIERS } from '../lib/domain';
import { humanizeKey } from '../lib/explain/reason-text';
import type { IndicatorCategory, IndicatorValue } from '../lib/indicators/types';
import { INDICATOR_CATEGORIES } from '../lib/indicators/types';

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

// ---------------------------------------------------------------- tiers

export interface TierRange {
  tier: Tier;
  /** Inclusive lower bound of the churn probability. */
  min: number;
  /** Exclusive upper bound (1 for the top tier). */
  max: number;
}

/** The probability range of each tier from the four cut-offs [t2, t3, t4, t5]. */
export function tierRanges(thresholds: readonly number[]): TierRange[] {
  const cuts = [0, ...thresholds.slice(0, 4), 1];
  return TIERS.map((tier, i) => ({ tier, min: cuts[i] ?? 0, max: cuts[i + 1] ?? 1 }));
}

// ---------------------------------------------------------------- reasons

export interface ReasonBar {
  reason: Reason;
  /** |contribution| relative to the largest shown, in [0, 1]. */
  size: number;
  direction: 'raises' | 'lowers';
}

/** Size each reason's bar against the largest |contribution| among those shown. */
export function reasonBars(reasons: readonly Reason[]): ReasonBar[] {
  const largest = reasons.reduce((max, r) => Math.max(max, Math.abs(r.contribution)), 0);
  return reasons.map((reason) => ({
    reason,
    size: largest > 0 ? Math.abs(reason.contribution) / largest : 0,
    direction: reason.contribution >= 0 ? 'raises' : 'lowers',
  }));
}

// ---------------------------------------------------------------- indicators

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

/** Label from a translation when there is one, else the humanised id ("repeat_purchase_rate" → "Repeat purchase rate"). */
export function labelOr(translated: string, id: string): string {
  return translated.trim() !== '' ? translated : humanizeKey(id);
}

// ---------------------------------------------------------------- history

export interface SparkPoint {
  x: number;
  y: number;
  at: number;
  probability: number;
}

export interface Sparkline {
  /** SVG path "M x y L x y …", empty when there are no points. */
  path: string;
  points: SparkPoint[];
}

/**
 * Points of a probability sparkline on a fixed 0–1 scale (so a flat line means
 * a stable risk, not a zoomed-in wiggle), spaced by time, oldest left.
 */
export function sparkline(
  history: ReadonlyArray<{ at: number; probability: number }>,
  width: number,
  height: number,
  padding = 3,
): Sparkline {
  const sorted = [...history].filter((p) => Number.isFinite(p.at) && Number.isFinite(p.probability)).sort((a, b) => a.at - b.at);
  if (sorted.length === 0) return { path: '', points: [] };
  const first = sorted[0]!.at;
  const span = sorted[sorted.length - 1]!.at - first;
  const innerW = width - 2 * padding;
  const innerH = height - 2 * padding;
  const round = (v: number) => Math.round(v * 10) / 10;
  const points = sorted.map((p, i) => {
    const t = span > 0 ? (p.at - first) / span : sorted.length === 1 ? 0.5 : i / (sorted.length - 1);
    const clamped = Math.min(1, Math.max(0, p.probability));
    return { x: round(padding + t * innerW), y: round(padding + (1 - clamped) * innerH), at: p.at, probability: p.probability };
  });
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { path, points };
}

/** x of each mark (an action's time) on a sparkline spanning `history`'s times; marks outside the span are left out. */
export function sparklineMarks(
  history: ReadonlyArray<{ at: number }>,
  marks: ReadonlyArray<{ at: number }>,
  width: number,
  padding = 3,
): number[] {
  const times = history.map((p) => p.at).filter(Number.isFinite);
  if (times.length < 2) return [];
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  if (span <= 0) return [];
  return marks
    .filter((m) => m.at >= first && m.at <= first + span)
    .map((m) => Math.round((padding + ((m.at - first) / span) * (width - 2 * padding)) * 10) / 10);
}

// ---------------------------------------------------------------- side panel target

export interface CustomerTarget {
  site?: string;
  crmId?: string;
}

/** `?site=…&crmId=…` → the customer to show; {} means "the last focused one". */
export function parseCustomerTarget(search: string): CustomerTarget {
  const params = new URLSearchParams(search);
  const target: CustomerTarget = {};
  const site = params.get('site')?.trim();
  const crmId = params.get('crmId')?.trim();
  if (site) target.site = site;
  if (crmId) target.crmId = crmId;
  return target;
}

export function isSameCustomer(a: CustomerTarget | null | undefined, b: CustomerTarget | null | undefined): boolean {
  if (!a || !b || !a.crmId || !b.crmId) return false;
  return a.crmId === b.crmId && (a.site ?? null) === (b.site ?? null);
}

/** "https://crm.example.com" → "crm.example.com" for a compact caption; other strings unchanged. */
export function siteHost(site: string): string {
  try {
    return new URL(site).host || site;
  } catch {
    return site;
  }
}
