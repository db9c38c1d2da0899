/**
 * A customer's purchase history for BG/NBD, read from the indicator inputs
 * (`ind:<id>`, lib/indicators) that every page and event log already yields,
 * so the model sees a list page's summary fields and a detail page's order
 * list the same way. Days throughout.
 *
 *   orders      order_count (0 orders: treated as a one-time buyer, x = 0).
 *   last order  recency_days; else days_since_activity ("last seen"), the
 *               only recency many shop admin lists show.
 *   first order for a one-order customer, the last order; else last order
 *               + inter_purchase_days × (orders − 1) when the span is known;
 *               else tenure (months × 30.44, "first seen" or "customer
 *               since"); else unknown: the site's typical age is used
 *               (see imputedAge), never a per-customer guess.
 *
 * A row without an order count or any recency is not a purchase history
 * (the starter scorecard scores it).
 */
import { DAYS_PER_MONTH } from '@/lib/parse';
import { indicatorValue } from '../scorecard';
import type { RawRow } from '../types';
import type { PurchaseHistory } from './bgnbd';

export const ORDERS_INPUT = 'ind:order_count';
const RECENCY_INPUT = 'ind:recency_days';
const LAST_SEEN_INPUT = 'ind:days_since_activity';
export const GAP_INPUT = 'ind:inter_purchase_days';
export const TENURE_INPUT = 'ind:tenure';
/** Every input BG/NBD reads, in explanation order. */
export const BGNBD_INPUTS = [ORDERS_INPUT, RECENCY_INPUT, LAST_SEEN_INPUT, GAP_INPUT, TENURE_INPUT] as const;

export interface PartialHistory {
  x: number;
  /** Days since the last order (or last seen). */
  silence: number;
  /** Days since the first order; null when the site does not tell. */
  age: number | null;
  /** Which input gave the silence, for the explanation. */
  silenceInput: typeof RECENCY_INPUT | typeof LAST_SEEN_INPUT;
}

const value = (row: RawRow, input: string): number | null => indicatorValue(input.slice(4), row[input]);

export function partialHistory(row: RawRow): PartialHistory | null {
  const count = value(row, ORDERS_INPUT);
  const recency = value(row, RECENCY_INPUT);
  const lastSeen = value(row, LAST_SEEN_INPUT);
  const silence = recency ?? lastSeen;
  if (count === null || silence === null || count < 0 || silence < 0) return null;
  const x = Math.max(0, Math.round(count) - 1);
  const gap = value(row, GAP_INPUT);
  const tenure = value(row, TENURE_INPUT);
  let age: number | null = null;
  if (x === 0) age = silence;
  else if (gap !== null && gap >= 0) age = silence + gap * x;
  else if (tenure !== null && tenure >= 0) age = Math.max(silence, tenure * DAYS_PER_MONTH);
  return { x, silence, age, silenceInput: recency !== null ? RECENCY_INPUT : LAST_SEEN_INPUT };
}

/**
 * The age assumed where a customer's first order is unknown: the median
 * known age on the site when at least MIN_KNOWN_AGES customers show one,
 * else the longest silence seen (the site has existed at least that long).
 */
export const MIN_KNOWN_AGES = 5;

export function imputedAge(partials: readonly PartialHistory[]): number {
  const known = partials
    .map((p) => p.age)
    .filter((a): a is number => a !== null)
    .sort((a, b) => a - b);
  if (known.length >= MIN_KNOWN_AGES) return known[Math.floor((known.length - 1) / 2)]!;
  return partials.reduce((m, p) => Math.max(m, p.silence), 0);
}

/** The full history: T = the age (or the imputed one, at least the silence), t_x = T − silence. */
export function completeHistory(partial: PartialHistory, imputedT: number): PurchaseHistory {
  const T = partial.age ?? Math.max(partial.silence, imputedT);
  return { x: partial.x, tx: partial.x === 0 ? 0 : T - partial.silence, T };
}
