/**
 * Churn pattern from the order history: which of the research's five
 * trajectories the customer is on. W = windowDays; the recent, earlier and
 * older windows are the last three W-day windows (lib/indicators/context.ts).
 * "Volume" is spend when every order in the windows compared has an amount,
 * else the number of orders. Rules, first match wins:
 *
 *  1. already_churned         the churn definition fires as complete churn
 *                             (status or inactivity).
 *  —  not available without any order (no purchase history to read).
 *  2. trial_failure           exactly one order, and none in the W/3 days since
 *                             (30 by default): bought once, never came back.
 *  3. high_value_sudden_drop  a high-value customer (earlier-window spend ≥
 *                             settings.highValueSpend; without that setting,
 *                             ≥ 3 orders in the earlier window) whose recent
 *                             volume fell to ≤ (1 − partialSpendDrop, default
 *                             0.5) × the earlier window's, while the earlier
 *                             window was not itself already falling (≥ 75 % of
 *                             the older window's volume, or the older one empty).
 *  4. gradual_decline         history reaching back before the earlier window,
 *                             volume falling window after window (older >
 *                             earlier > recent) and down ≥ 25 % overall.
 *  5. after_repeat_purchase   two or more orders, and the time since the last one
 *                             is at least twice the usual gap between orders and
 *                             at least W/3 days: a repeat buyer who stopped.
 *  6. none                    none of the above.
 */
import { DAY_MS, hasEarlierWindow, type IndicatorContext, type WindowSums } from './context';
import type { ChurnLabel } from './churn-labels';
import { money, num, percentNumber, plural, SIGNIFICANT_CHANGE } from './reading';
import type { ChurnPattern, Classified } from './types';

const NOT_FALLING_BEFORE = 0.75;
const DEFAULT_SUDDEN_DROP = 0.5;
const HIGH_VALUE_ORDERS = 3;

export function classifyPattern(ctx: IndicatorContext, label: ChurnLabel): Classified<ChurnPattern> {
  if (label.kind === 'complete') return { value: 'already_churned', why: label.why };
  const { orders, windowDays: W } = ctx;
  if (orders.length === 0 || !ctx.asOfKnown) return { value: null, why: null };
  const last = orders[orders.length - 1]!;
  const since = Math.floor((ctx.asOf - last.at) / DAY_MS);

  if (orders.length === 1 && since >= W / 3) {
    return {
      value: 'trial_failure',
      why: { en: `One order, ${plural(since, 'day')} ago, none since`, zh: `只有一笔订单，在${since}天前，之后再未购买` },
    };
  }

  const { recent, earlier, older } = ctx;
  const useSpend = recent.amountOrders === recent.orders && earlier.amountOrders === earlier.orders && older.amountOrders === older.orders;

  if (hasEarlierWindow(ctx)) {
    const threshold = ctx.settings.highValueSpend;
    const highValue =
      threshold !== undefined && threshold !== null
        ? earlier.amountOrders === earlier.orders && earlier.spend >= threshold
        : earlier.orders >= HIGH_VALUE_ORDERS;
    const drop = ctx.settings.churn.partialSpendDrop ?? DEFAULT_SUDDEN_DROP;
    const e = volume(earlier, useSpend);
    const r = volume(recent, useSpend);
    const o = volume(older, useSpend);
    if (highValue && e > 0 && r <= (1 - drop) * e && (o === 0 || e >= NOT_FALLING_BEFORE * o)) {
      return {
        value: 'high_value_sudden_drop',
        why: {
          en: `High-value customer: ${show(earlier, useSpend)} in the ${W} days before, only ${show(recent, useSpend)} in the last ${W} days`,
          zh: `高价值客户：前${W}天${showZh(earlier, useSpend)}，近${W}天仅${showZh(recent, useSpend)}`,
        },
      };
    }
    const reachesOlder = ctx.firstActivityAt !== null && ctx.firstActivityAt <= ctx.asOf - 2 * ctx.windowMs;
    if (reachesOlder && o > e && e > r && o > 0 && (o - r) / o >= SIGNIFICANT_CHANGE) {
      const fall = (o - r) / o;
      return {
        value: 'gradual_decline',
        why: {
          en: `Falling window after window: ${show(older, useSpend)} → ${show(earlier, useSpend)} → ${show(recent, useSpend)} (−${percentNumber(fall)} %)`,
          zh: `逐期下降：${showZh(older, useSpend)}→${showZh(earlier, useSpend)}→${showZh(recent, useSpend)}（下降${percentNumber(fall)}%）`,
        },
      };
    }
  }

  if (orders.length >= 2) {
    const gap = (last.at - orders[0]!.at) / DAY_MS / (orders.length - 1);
    if (since >= 2 * gap && since >= W / 3) {
      return {
        value: 'after_repeat_purchase',
        why: {
          en: `${plural(orders.length, 'order')}, usually ${plural(Math.round(gap), 'day')} apart; none for ${plural(since, 'day')}`,
          zh: `共${orders.length}笔订单，平时间隔约${Math.round(gap)}天；已${since}天未购买`,
        },
      };
    }
  }

  return {
    value: 'none',
    why: {
      en: `No churn pattern: last order ${plural(since, 'day')} ago, ${plural(orders.length, 'order')} in all`,
      zh: `未见流失模式：上一单在${since}天前，共${num(orders.length)}笔订单`,
    },
  };
}

const volume = (w: WindowSums, useSpend: boolean) => (useSpend ? w.spend : w.orders);
const show = (w: WindowSums, useSpend: boolean) => (useSpend ? money(w.spend) : plural(w.orders, 'order'));
const showZh = (w: WindowSums, useSpend: boolean) => (useSpend ? money(w.spend) : `${w.orders}单`);
