/**
 * One customer's history, prepared once for every indicator: activities
 * sorted once, then one pass that buckets them by kind and window and sums
 * what the indicators read. Category files only read this; none of them
 * scans the activities again.
 *
 * Windows (W = settings.churn.windowDays, as of history.asOf):
 *   recent  (asOf − W,  asOf]
 *   earlier (asOf − 2W, asOf − W]
 *   older   (asOf − 3W, asOf − 2W]
 * Activities after asOf are not part of the history and are ignored.
 */
import type { Activity, ActivityKind } from '../domain';
import { productFieldMap, type ProductFieldMap } from './field-values';
import { countSentiment } from './sentiment';
import { countSignals, signalMatcher, type SignalCounts } from './text-signals';
import type { CustomerHistory, IndicatorSettings } from './types';

export const DAY_MS = 86_400_000;

/** Sums over one window. */
export interface WindowSums {
  orders: number;
  /** Orders that carry an amount, and their total. */
  amountOrders: number;
  spend: number;
  quantityOrders: number;
  units: number;
  tickets: number;
  /** Sentiment hits in texts dated in the window. */
  positive: number;
  negative: number;
}

interface TextFacts {
  /** Non-order texts (notes, tickets, contacts, payments) seen. */
  texts: number;
  /** Of those, the ones read for sentiment (all but payments). */
  scored: number;
  positive: number;
  negative: number;
  signals: SignalCounts;
}

export interface IndicatorContext {
  asOf: number;
  /** False when the caller did not say what "today" is: date-relative readings are not available then. */
  asOfKnown: boolean;
  windowDays: number;
  windowMs: number;
  settings: IndicatorSettings;
  fields: ProductFieldMap;
  history: CustomerHistory;
  /** Orders up to asOf, oldest first. */
  orders: Activity[];
  /** Order amount total over all orders with an amount, and how many had one. */
  spendTotal: number;
  amountOrders: number;
  recent: WindowSums;
  earlier: WindowSums;
  older: WindowSums;
  firstActivityAt: number | null;
  /** Last order, contact or ticket (what "activity" means for inactivity churn). */
  lastEngagementAt: number | null;
  tickets: number;
  /** Tickets whose status says they are still open, and tickets with a readable status. */
  unresolvedTickets: number;
  ticketsWithStatus: number;
  payments: number;
  /** Payments whose status says late/failed, and payments with a readable status. */
  badPayments: number;
  paymentsWithStatus: number;
  /** Order texts (product / category names), lower-cased, per window and overall counts. */
  productCounts: Map<string, { count: number; lastAt: number; text: string }>;
  recentProducts: Set<string>;
  earlierProducts: Set<string>;
  text: TextFacts;
  /** Activity kinds known to be listed (shown, or present). */
  known: Set<ActivityKind>;
}

const emptyWindow = (): WindowSums => ({
  orders: 0,
  amountOrders: 0,
  spend: 0,
  quantityOrders: 0,
  units: 0,
  tickets: 0,
  positive: 0,
  negative: 0,
});

const OPEN_TICKET = /unresolved|not resolved|open|pending|\bnew\b|in progress|waiting|escalat|reopen|未解决|处理中|待处理|待回复|未处理|打开|新建|跟进中/;
const RESOLVED_TICKET = /resolv|closed|solved|done|complete|fixed|answered|已解决|已关闭|已完成|解决|关闭|完成|已处理/;
const BAD_PAYMENT = /fail|declin|overdue|bounc|reject|unpaid|past due|chargeback|returned|missed|\blate\b|逾期|失败|拒绝|退回|未付|欠款|拖欠|退票|拒付/;
const GOOD_PAYMENT = /paid|success|\bok\b|complete|cleared|settled|on time|已付|成功|已支付|已结清|按时|正常/;

/** Statuses repeat ("Open", "Resolved"): their reading is memoised, bounded. */
function memoStatus<T>(read: (lower: string) => T): (status: string | undefined) => T | null {
  const cache = new Map<string, T>();
  return (status) => {
    if (status === undefined) return null;
    let hit = cache.get(status);
    if (hit === undefined) {
      hit = read(status.toLowerCase());
      if (cache.size >= 1_000) cache.clear();
      cache.set(status, hit);
    }
    return hit;
  };
}

/** 'open' | 'resolved' | null (no or unreadable status). */
export const ticketState = memoStatus((s): 'open' | 'resolved' | null => (OPEN_TICKET.test(s) ? 'open' : RESOLVED_TICKET.test(s) ? 'resolved' : null));

/** 'bad' (late / failed) | 'good' | null. */
export const paymentState = memoStatus((s): 'bad' | 'good' | null => (BAD_PAYMENT.test(s) ? 'bad' : GOOD_PAYMENT.test(s) ? 'good' : null));

const byTime = (a: Activity, b: Activity) => a.at - b.at;

/**
 * Oldest first. A list already in order (as stored) is used as it is; a
 * short one is insertion-sorted (faster than Array#sort with a comparator
 * for a customer's few dozen activities); long ones use Array#sort.
 */
function sortedByTime(activities: readonly Activity[]): readonly Activity[] {
  let sorted = true;
  for (let i = 1; i < activities.length; i++) {
    if (activities[i]!.at < activities[i - 1]!.at) {
      sorted = false;
      break;
    }
  }
  if (sorted) return activities;
  if (activities.length > 64) return activities.slice().sort(byTime);
  const out = activities.slice();
  for (let i = 1; i < out.length; i++) {
    const item = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]!.at > item.at) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = item;
  }
  return out;
}

export function prepareContext(history: CustomerHistory, settings: IndicatorSettings): IndicatorContext {
  const asOf = history.asOf;
  const asOfKnown = Number.isFinite(asOf);
  const windowDays = settings.churn.windowDays;
  const windowMs = windowDays * DAY_MS;
  const recentStart = asOf - windowMs;
  const earlierStart = asOf - 2 * windowMs;
  const olderStart = asOf - 3 * windowMs;
  const matcher = signalMatcher(settings.competitors);

  const activities = sortedByTime(history.activities);
  const ctx: IndicatorContext = {
    asOf,
    asOfKnown,
    windowDays,
    windowMs,
    settings,
    fields: productFieldMap(history.fields, history.resolveField),
    history,
    orders: [],
    spendTotal: 0,
    amountOrders: 0,
    recent: emptyWindow(),
    earlier: emptyWindow(),
    older: emptyWindow(),
    firstActivityAt: null,
    lastEngagementAt: null,
    tickets: 0,
    unresolvedTickets: 0,
    ticketsWithStatus: 0,
    payments: 0,
    badPayments: 0,
    paymentsWithStatus: 0,
    productCounts: new Map(),
    recentProducts: new Set(),
    earlierProducts: new Set(),
    text: { texts: 0, scored: 0, positive: 0, negative: 0, signals: { competitor: 0, switching: 0, rival: 0, discount: 0, referral: 0, credit: 0, names: [] } },
    known: new Set(history.shown ?? []),
  };

  const scratch = { positive: 0, negative: 0 }; // sentiment of texts outside the three windows
  for (const a of activities) {
    if (asOfKnown && a.at > asOf) break; // sorted: the rest are after "today"
    ctx.known.add(a.kind);
    ctx.firstActivityAt ??= a.at;
    const w = !asOfKnown ? null : a.at > recentStart ? ctx.recent : a.at > earlierStart ? ctx.earlier : a.at > olderStart ? ctx.older : null;
    if (a.kind === 'order' || a.kind === 'contact' || a.kind === 'ticket') ctx.lastEngagementAt = a.at;

    if (a.kind === 'order') {
      ctx.orders.push(a);
      if (a.amount !== undefined) {
        ctx.spendTotal += a.amount;
        ctx.amountOrders++;
      }
      if (w) {
        w.orders++;
        if (a.amount !== undefined) {
          w.amountOrders++;
          w.spend += a.amount;
        }
        if (a.quantity !== undefined) {
          w.quantityOrders++;
          w.units += a.quantity;
        }
      }
      const product = a.text?.trim();
      if (product) {
        const key = product.toLowerCase();
        const seen = ctx.productCounts.get(key);
        if (seen) {
          seen.count++;
          seen.lastAt = a.at;
          seen.text = product;
        } else ctx.productCounts.set(key, { count: 1, lastAt: a.at, text: product });
        if (w === ctx.recent) ctx.recentProducts.add(key);
        else if (w === ctx.earlier) ctx.earlierProducts.add(key);
      }
      continue;
    }

    if (a.kind === 'ticket') {
      ctx.tickets++;
      if (w) w.tickets++;
      const state = ticketState(a.status);
      if (state !== null) {
        ctx.ticketsWithStatus++;
        if (state === 'open') ctx.unresolvedTickets++;
      }
    } else if (a.kind === 'payment') {
      ctx.payments++;
      const state = paymentState(a.status);
      if (state !== null) {
        ctx.paymentsWithStatus++;
        if (state === 'bad') ctx.badPayments++;
      }
    }

    const text = a.text;
    if (text !== undefined && text.trim() !== '') {
      const lower = text.toLowerCase();
      ctx.text.texts++;
      countSignals(lower, matcher, ctx.text.signals);
      if (a.kind !== 'payment') {
        ctx.text.scored++;
        const sums = w ?? scratch;
        const positive = sums.positive;
        const negative = sums.negative;
        countSentiment(lower, sums);
        ctx.text.positive += sums.positive - positive;
        ctx.text.negative += sums.negative - negative;
      }
    }
  }
  return ctx;
}

/** Whole days from `at` to asOf (never negative). */
export function daysBefore(ctx: IndicatorContext, at: number): number {
  return Math.max(0, Math.floor((ctx.asOf - at) / DAY_MS));
}

/** True when the history reaches back before the recent window, so recent-vs-earlier is a real comparison. */
export function hasEarlierWindow(ctx: IndicatorContext): boolean {
  return ctx.asOfKnown && ctx.firstActivityAt !== null && ctx.firstActivityAt <= ctx.asOf - ctx.windowMs;
}
