/**
 * Lifecycle stage from the history. W = the churn definition's windowDays
 * (default 90). Rules, first match wins:
 *
 *  1. churned  the churn definition fires as complete churn (status or
 *              inactivity; lib/indicators/churn-labels.ts).
 *  —  not available when nothing dates the customer: no tenure field, no
 *     customer-since date, no activity.
 *  2. new      tenure (lib/indicators/loyalty.ts: field, customer-since date,
 *              else first activity) is under W days.
 *  With orders in the history:
 *  3. decline  partial churn fired (spend drop), or no order in the recent
 *              window, or — history reaching back before the recent window
 *              and orders in the earlier one — spend (orders when amounts are
 *              missing) down ≥ 25 % in the recent window vs the earlier one.
 *  4. growth   tenure under 4 W days (the first year by default), or spend
 *              (orders) up ≥ 25 % in the recent window vs the earlier one.
 *  5. mature   otherwise: an established customer buying steadily.
 *  Without orders (a CRM record with tenure only) decline cannot be seen:
 *  growth under 4 W days, else mature, and the reason says it is by tenure.
 */
import { DAY_MS, hasEarlierWindow, type IndicatorContext } from './context';
import type { ChurnLabel } from './churn-labels';
import { tenureMonths } from './loyalty';
import { change, movedEn, movedZh, plural, SIGNIFICANT_CHANGE } from './reading';
import type { Classified, LifecycleStage } from './types';

/** Recent-vs-earlier change of spend (or of order counts when amounts are missing), or null. */
function recentChange(ctx: IndicatorContext): { change: number; of: 'spend' | 'orders' } | null {
  const { recent, earlier } = ctx;
  if (!hasEarlierWindow(ctx) || earlier.orders === 0) return null;
  const amounts = recent.amountOrders === recent.orders && earlier.amountOrders === earlier.orders && earlier.spend > 0;
  return amounts ? { change: change(earlier.spend, recent.spend), of: 'spend' } : { change: change(earlier.orders, recent.orders), of: 'orders' };
}

export function classifyLifecycle(ctx: IndicatorContext, label: ChurnLabel): Classified<LifecycleStage> {
  if (label.kind === 'complete') return { value: 'churned', why: label.why };
  const tenure = tenureMonths(ctx);
  if (tenure === null) return { value: null, why: null };
  const days = tenure.days;
  const W = ctx.windowDays;
  const since = { en: `customer for ${plural(days, 'day')}`, zh: `成为客户${days}天` };

  if (days < W) return { value: 'new', why: { en: `${cap(since.en)}, under one ${W}-day window`, zh: `${since.zh}，不足一个${W}天窗口期` } };

  if (ctx.orders.length > 0 && ctx.asOfKnown) {
    if (label.kind === 'partial') return { value: 'decline', why: label.why };
    if (ctx.recent.orders === 0) {
      const last = ctx.orders[ctx.orders.length - 1]!;
      const ago = Math.floor((ctx.asOf - last.at) / DAY_MS);
      return {
        value: 'decline',
        why: { en: `No order in the last ${W} days (last one ${plural(ago, 'day')} ago)`, zh: `近${W}天没有订单（上一单在${ago}天前）` },
      };
    }
    const moved = recentChange(ctx);
    if (moved && moved.change <= -SIGNIFICANT_CHANGE) return { value: 'decline', why: movedWhy(moved, W) };
    if (days < 4 * W) return { value: 'growth', why: { en: `${cap(since.en)} and still buying`, zh: `${since.zh}，仍在购买` } };
    if (moved && moved.change >= SIGNIFICANT_CHANGE) return { value: 'growth', why: movedWhy(moved, W) };
    return { value: 'mature', why: { en: `${cap(since.en)}, buying steadily`, zh: `${since.zh}，购买稳定` } };
  }

  const byTenure = { en: ' (by tenure; no order history to see a decline)', zh: '（按客户时长；没有订单记录判断是否衰退）' };
  if (days < 4 * W) return { value: 'growth', why: { en: `${cap(since.en)}${byTenure.en}`, zh: `${since.zh}${byTenure.zh}` } };
  return { value: 'mature', why: { en: `${cap(since.en)}${byTenure.en}`, zh: `${since.zh}${byTenure.zh}` } };
}

function movedWhy(moved: { change: number; of: 'spend' | 'orders' }, W: number) {
  const [en, zh] = moved.of === 'spend' ? ['Spend', '消费'] : ['Orders', '订单数'];
  return { en: `${en} ${movedEn(moved.change)} in the last ${W} days vs the ${W} days before`, zh: `近${W}天${zh}较前${W}天${movedZh(moved.change)}` };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
