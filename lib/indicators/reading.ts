/**
 * What a category computation says about one indicator, and the wording
 * helpers they share. Display text is English and short ("−40 % over 90
 * days"); `meaning` is one sentence in English and Chinese.
 */
import type { IndicatorId } from './definitions';
import type { Bilingual, IndicatorDirection, IndicatorTrend } from './types';

export interface Reading {
  value: number | string;
  display: string;
  direction: IndicatorDirection;
  trend?: IndicatorTrend | null;
  meaning: Bilingual;
}

/**
 * Indicator id → reading; an id left out is "not available". A Map rather
 * than an object: each customer fills a different subset in a different
 * order, which would give a plain object a new hidden class every time.
 */
export type Readings = Map<IndicatorId, Reading>;

/** A change within ±10 % is flat. */
const FLAT_CHANGE = 0.1;
/** A change of 25 % or more either way moves risk. */
export const SIGNIFICANT_CHANGE = 0.25;

const MINUS = '\u2212';

const POW10 = [1, 10, 100, 1000, 10000];

function grouped(int: number): string {
  let text = String(int);
  if (int < 1000) return text;
  let out = '';
  while (text.length > 3) {
    out = `,${text.slice(-3)}${out}`;
    text = text.slice(0, -3);
  }
  return text + out;
}

/** 1234.5 → "1,234.5"; at most `digits` (0–4) decimals, trailing zeros dropped; Unicode minus. */
export function num(n: number, digits = 2): string {
  const factor = POW10[digits] ?? 100;
  const scaled = Math.round(Math.abs(n) * factor);
  if (scaled === 0) return '0';
  const int = Math.floor(scaled / factor);
  let text = grouped(int);
  let frac = scaled - int * factor;
  if (frac > 0) {
    let places = digits;
    while (frac % 10 === 0) {
      frac /= 10;
      places--;
    }
    text += `.${String(frac).padStart(places, '0')}`;
  }
  return n < 0 ? MINUS + text : text;
}

/** Money as a number with two decimals: 1234.5 → "1,234.50". */
export function money(n: number): string {
  const text = num(n, 2);
  const dot = text.indexOf('.');
  if (dot === -1) return `${text}.00`;
  return text.length - dot === 2 ? `${text}0` : text;
}

/** Whole percent of a fraction with its sign: −0.4 → "−40 %", 0.25 → "+25 %", 0 → "0 %". */
export function signedPercent(fraction: number): string {
  const p = Math.round(fraction * 100);
  return p > 0 ? `+${p} %` : p < 0 ? `${MINUS}${-p} %` : '0 %';
}

/** Unsigned whole percent: 0.4 → "40". */
export function percentNumber(fraction: number): string {
  return String(Math.round(Math.abs(fraction) * 100));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n, 1)} ${n === 1 ? one : many}`;
}

/** The verb form for a count: verb(1, 'mentions', 'mention') = "mentions". */
export function verb(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Relative change from `before` to `after` (before > 0). */
export function change(before: number, after: number): number {
  return (after - before) / before;
}

export function trendOf(relativeChange: number): IndicatorTrend {
  return relativeChange > FLAT_CHANGE ? 'up' : relativeChange < -FLAT_CHANGE ? 'down' : 'flat';
}

/** Trend between two window counts: from nothing to something is up. */
export function countTrend(before: number, after: number): IndicatorTrend {
  if (before === 0) return after > 0 ? 'up' : 'flat';
  return trendOf(change(before, after));
}

/** Less of a good thing (orders, spend) by ≥ 25 % raises risk; ≥ 25 % more lowers it. */
export function declineRaises(relativeChange: number): IndicatorDirection {
  return relativeChange <= -SIGNIFICANT_CHANGE ? 'raises' : relativeChange >= SIGNIFICANT_CHANGE ? 'lowers' : 'neutral';
}

/** "down 40 %" / "up 25 %" / "unchanged" and 下降40% / 上升25% / 持平. */
export function movedEn(relativeChange: number): string {
  const p = Math.round(relativeChange * 100);
  return p > 0 ? `up ${p} %` : p < 0 ? `down ${-p} %` : 'unchanged';
}
export function movedZh(relativeChange: number): string {
  const p = Math.round(relativeChange * 100);
  return p > 0 ? `上升${p}%` : p < 0 ? `下降${-p}%` : '持平';
}

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
