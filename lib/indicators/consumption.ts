/**
 * Consumption behaviour: recency, frequency and its trend, spend and its
 * trend, order value and rhythm, basket change, plan and downgrade.
 *
 * Recency, order count, average order, the days between orders and the
 * overdue ratio read the order summary (lib/indicators/order-summary.ts):
 * the order list when the CRM showed one, else a list page's summary fields
 * (order count, first / last purchase, total spend, average order), with
 * the same definitions. The windowed indicators (…_recent, …_trend,
 * category_shift) need the order list itself: never from summary fields.
 *
 * Rules (W = window days; "trend" compares the recent window with the one
 * before, and only when the history reaches back before the recent window):
 *   recency_days         whole days since the last order (or the last-purchase field); > W raises, ≤ W/3 lowers.
 *   order_count          orders in the list (or the order-count field); 0–1 raises, 2 neutral, ≥ 3 lowers.
 *   orders_recent        0 raises; else trend down raises, up lowers.
 *   frequency_trend      relative change of order counts (earlier window > 0): ≤ −25 % raises, ≥ +25 % lowers.
 *   total_spend          the CRM field, else the sum of order amounts; neutral.
 *   monthly_value, plan  the CRM fields; neutral.
 *   spend_recent         like orders_recent, on spend (every order in both windows has an amount).
 *   spend_trend          like frequency_trend, on spend.
 *   avg_order_value      spend / orders with an amount (else the average-order field, else total spend /
 *                        order count); neutral.
 *   inter_purchase_days  (last − first order, days) / (orders − 1), ≥ 2 orders (from the fields: first and last
 *                        purchase and order count, all three); neutral.
 *   overdue_ratio        recency / inter_purchase_days: ≥ 2 raises, ≤ 1 lowers.
 *   units_trend          like spend_trend, on quantities.
 *   category_shift       share of earlier-window products not bought in the recent window, when the
 *                        customer still bought named products recently: ≥ 75 % raises.
 *   plan_downgrade       monthly value on the latest sighting ≥ 5 % below the highest earlier one: yes raises.
 */
import { productFieldMap, fieldNumber } from './field-values';
import { hasEarlierWindow, type IndicatorContext, type WindowSums } from './context';
import { orderSummary, type OrderSummary } from './order-summary';
import {
  change,
  countTrend,
  declineRaises,
  money,
  movedEn,
  movedZh,
  num,
  percentNumber,
  plural,
  round,
  signedPercent,
  trendOf,
  verb,
  type Reading,
  type Readings,
} from './reading';
import type { IndicatorDirection } from './types';

const allHaveAmounts = (w: WindowSums) => w.amountOrders === w.orders;
const allHaveUnits = (w: WindowSums) => w.quantityOrders === w.orders;

export function computeConsumption(ctx: IndicatorContext, out: Readings, summary: OrderSummary = orderSummary(ctx)): void {
  const { orders, recent, earlier, windowDays: W } = ctx;
  const ordersKnown = orders.length > 0 || ctx.known.has('order');
  const comparable = hasEarlierWindow(ctx);

  const days = summary.lastDays;
  if (days !== null) {
    out.set('recency_days', {
      value: days,
      display: plural(days, 'day'),
      direction: days > W ? 'raises' : days <= W / 3 ? 'lowers' : 'neutral',
      meaning: days === 0 ? { en: 'Last order today', zh: '今天有购买' } : { en: `Last order ${plural(days, 'day')} ago`, zh: `上次购买在${days}天前` },
    });
  }

  const n = summary.count;
  if (n !== null) {
    out.set('order_count', {
      value: n,
      display: plural(n, 'order'),
      direction: n <= 1 ? 'raises' : n >= 3 ? 'lowers' : 'neutral',
      meaning: { en: `${plural(n, 'order')} so far`, zh: `累计${num(n)}笔订单` },
    });
  }

  if (ordersKnown && ctx.asOfKnown) {
    const trend = comparable ? countTrend(earlier.orders, recent.orders) : null;
    out.set('orders_recent', {
      value: recent.orders,
      display: `${num(recent.orders)} in ${W} days`,
      direction: windowDirection(recent.orders, trend),
      trend,
      meaning: comparable
        ? {
            en: `${plural(recent.orders, 'order')} in the last ${W} days (${num(earlier.orders)} in the ${W} days before)`,
            zh: `近${W}天${recent.orders}笔订单（前${W}天${earlier.orders}笔）`,
          }
        : { en: `${plural(recent.orders, 'order')} in the last ${W} days`, zh: `近${W}天${recent.orders}笔订单` },
    });
    if (comparable && earlier.orders > 0) {
      const c = change(earlier.orders, recent.orders);
      out.set('frequency_trend', {
        value: round(c, 3),
        display: `${signedPercent(c)} over ${W} days`,
        direction: declineRaises(c),
        trend: trendOf(c),
        meaning: {
          en: `Orders ${movedEn(c)} over the last ${W} days vs the ${W} days before (${num(earlier.orders)} → ${num(recent.orders)})`,
          zh: `近${W}天订单数较前${W}天${movedZh(c)}（${earlier.orders}→${recent.orders}）`,
        },
      });
    }
  }

  const spendText = ctx.fields.total_spend;
  const spendField = fieldNumber(spendText);
  if (spendField !== null) {
    out.set('total_spend', {
      value: spendField,
      display: spendText!.trim(),
      direction: 'neutral',
      meaning: { en: `Total spend to date: ${spendText!.trim()}`, zh: `累计消费：${spendText!.trim()}` },
    });
  } else if (ctx.amountOrders > 0 || (ctx.known.has('order') && orders.length === 0)) {
    out.set('total_spend', {
      value: round(ctx.spendTotal, 2),
      display: money(ctx.spendTotal),
      direction: 'neutral',
      meaning: {
        en: `Total spend to date: ${money(ctx.spendTotal)} over ${plural(ctx.amountOrders, 'order')}`,
        zh: `累计消费${money(ctx.spendTotal)}（共${ctx.amountOrders}笔订单）`,
      },
    });
  }

  const monthlyText = ctx.fields.monthly_value;
  const monthly = fieldNumber(monthlyText);
  if (monthly !== null) {
    out.set('monthly_value', {
      value: monthly,
      display: monthlyText!.trim(),
      direction: 'neutral',
      meaning: { en: `Monthly spend: ${monthlyText!.trim()}`, zh: `月消费：${monthlyText!.trim()}` },
    });
  }

  const spendKnown = ctx.asOfKnown && (ctx.amountOrders > 0 || (ctx.known.has('order') && orders.length === 0)) && allHaveAmounts(recent);
  if (spendKnown) {
    const spendComparable = comparable && allHaveAmounts(earlier);
    const trend = spendComparable ? countTrend(earlier.spend, recent.spend) : null;
    out.set('spend_recent', {
      value: round(recent.spend, 2),
      display: `${money(recent.spend)} in ${W} days`,
      direction: windowDirection(recent.spend, trend),
      trend,
      meaning: spendComparable
        ? {
            en: `Spent ${money(recent.spend)} in the last ${W} days (${money(earlier.spend)} in the ${W} days before)`,
            zh: `近${W}天消费${money(recent.spend)}（前${W}天${money(earlier.spend)}）`,
          }
        : { en: `Spent ${money(recent.spend)} in the last ${W} days`, zh: `近${W}天消费${money(recent.spend)}` },
    });
    if (spendComparable && earlier.spend > 0) {
      const c = change(earlier.spend, recent.spend);
      out.set('spend_trend', {
        value: round(c, 3),
        display: `${signedPercent(c)} over ${W} days`,
        direction: declineRaises(c),
        trend: trendOf(c),
        meaning: {
          en: `Spend ${movedEn(c)} over the last ${W} days vs the ${W} days before`,
          zh: `近${W}天消费较前${W}天${movedZh(c)}`,
        },
      });
    }
  }

  const avg = summary.average;
  if (avg !== null) {
    const over = summary.averageOver;
    out.set('avg_order_value', {
      value: round(avg, 2),
      display: `${money(avg)} per order`,
      direction: 'neutral',
      meaning:
        over !== null
          ? { en: `Average order ${money(avg)} over ${plural(over, 'order')}`, zh: `平均每单${money(avg)}（共${num(over)}单）` }
          : { en: `Average order ${money(avg)}`, zh: `平均每单${money(avg)}` },
    });
  }

  const rhythm = rhythmReadings(summary);
  if (rhythm.gap) out.set('inter_purchase_days', rhythm.gap);
  if (rhythm.overdue) out.set('overdue_ratio', rhythm.overdue);

  if (comparable && earlier.orders > 0 && allHaveUnits(earlier) && allHaveUnits(recent) && earlier.units > 0) {
    const c = change(earlier.units, recent.units);
    out.set('units_trend', {
      value: round(c, 3),
      display: `${signedPercent(c)} over ${W} days`,
      direction: declineRaises(c),
      trend: trendOf(c),
      meaning: {
        en: `Units bought ${movedEn(c)} over the last ${W} days vs the ${W} days before (${num(earlier.units)} → ${num(recent.units)})`,
        zh: `近${W}天购买件数较前${W}天${movedZh(c)}（${num(earlier.units)}→${num(recent.units)}）`,
      },
    });
  }

  if (ctx.earlierProducts.size > 0 && ctx.recentProducts.size > 0) {
    let dropped = 0;
    for (const p of ctx.earlierProducts) if (!ctx.recentProducts.has(p)) dropped++;
    const total = ctx.earlierProducts.size;
    const share = dropped / total;
    out.set('category_shift', {
      value: round(share, 3),
      display: `${percentNumber(share)} % dropped`,
      direction: share >= 0.75 ? 'raises' : 'neutral',
      meaning: {
        en: `${num(dropped)} of ${plural(total, 'product')} bought in the ${W} days before ${verb(dropped, 'was', 'were')} not bought in the last ${W} days`,
        zh: `前${W}天购买的${total}种商品中有${dropped}种近${W}天未再购买`,
      },
    });
  }

  const planText = ctx.fields.plan;
  if (planText !== undefined) {
    const plan = planText.trim();
    out.set('plan', { value: plan, display: plan, direction: 'neutral', meaning: { en: `Plan: ${plan}`, zh: `套餐：${plan}` } });
  }

  const downgrade = planDowngrade(ctx);
  if (downgrade) out.set('plan_downgrade', downgrade);
}

/** Days between orders and how overdue the next one is, from two or more orders with their first and last day. */
function rhythmReadings(summary: OrderSummary): { gap?: Reading; overdue?: Reading } {
  const { count, spanDays } = summary;
  if (count === null || count < 2 || spanDays === null) return {};
  const gap = spanDays / (count - 1);
  const shown = round(gap, 1);
  const out: { gap?: Reading; overdue?: Reading } = {
    gap: {
      value: shown,
      display: `every ${plural(shown, 'day')}`,
      direction: 'neutral',
      meaning: { en: `Orders every ${plural(shown, 'day')} on average`, zh: `平均每${num(gap, 1)}天购买一次` },
    },
  };
  const days = summary.lastDays;
  if (gap > 0 && days !== null) {
    const ratio = days / gap;
    out.overdue = {
      value: round(ratio, 2),
      display: `${num(ratio, 1)}× the usual gap`,
      direction: ratio >= 2 ? 'raises' : ratio <= 1 ? 'lowers' : 'neutral',
      meaning: {
        en: `Last order ${plural(days, 'day')} ago, ${num(ratio, 1)} times the usual ${plural(shown, 'day')} between orders`,
        zh: `距上次购买${days}天，是平时购买间隔（${num(gap, 1)}天）的${num(ratio, 1)}倍`,
      },
    };
  }
  return out;
}

function windowDirection(amount: number, trend: ReturnType<typeof countTrend> | null): IndicatorDirection {
  if (amount === 0) return 'raises';
  return trend === 'down' ? 'raises' : trend === 'up' ? 'lowers' : 'neutral';
}

/** Monthly value over the sightings (oldest first, the current merged fields last). */
function planDowngrade(ctx: IndicatorContext): Reading | undefined {
  const observations = ctx.history.observations;
  if (observations.length === 0) return undefined;
  const series: number[] = [];
  for (const o of [...observations].sort((a, b) => a.at - b.at)) {
    const v = fieldNumber(productFieldMap(o.fields, ctx.history.resolveField).monthly_value);
    if (v !== null) series.push(v);
  }
  const current = fieldNumber(ctx.fields.monthly_value);
  if (current !== null) series.push(current);
  if (series.length < 2) return undefined;
  const latest = series[series.length - 1]!;
  let highest = -Infinity;
  for (let i = 0; i < series.length - 1; i++) highest = Math.max(highest, series[i]!);
  if (highest > 0 && latest <= highest * 0.95) {
    return {
      value: 'yes',
      display: `yes: ${money(highest)} → ${money(latest)}`,
      direction: 'raises',
      meaning: { en: `Monthly spend went down from ${money(highest)} to ${money(latest)}`, zh: `月消费从${money(highest)}降至${money(latest)}` },
    };
  }
  return {
    value: 'no',
    display: 'no',
    direction: 'neutral',
    meaning: { en: `No downgrade: monthly spend ${money(latest)}, not below earlier visits`, zh: `未降级：月消费${money(latest)}，不低于此前` },
  };
}
