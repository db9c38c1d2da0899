/**
 * The customer's orders in summary: what recency, order count, average
 * order, the rhythm between orders and repeat purchases are computed from.
 *
 * Source, in this order:
 *   orders  the order list, when the CRM showed one (even an empty one): it
 *           is the detail, so it wins over any summary field.
 *   fields  otherwise the summary fields a list page shows instead of the
 *           orders: order count, first and last purchase (a date or a
 *           relative time such as "59 days ago", "59天前", "today"), total
 *           spend and average order.
 * Both sources fill the same shape, so each indicator has one definition
 * whichever the source: a model trained on order lists reads a list page's
 * values the same way.
 *
 * Days are whole days before asOf (floor), so "59 days ago" and the date 59
 * days back give the same figure. A purchase date after asOf, a first
 * purchase after the last one, or an order count that is not a whole number
 * is not read (never a made-up figure).
 */
import { DAY_MS, daysBefore, type IndicatorContext } from './context';
import { fieldCount, fieldNumber, fieldWhen } from './field-values';

export interface OrderSummary {
  source: 'orders' | 'fields';
  /** Orders to date; null when unknown. */
  count: number | null;
  /** Whole days before asOf of the first and of the last order; null when unknown (or asOf is). */
  firstDays: number | null;
  lastDays: number | null;
  /** Days from the first order to the last (fractional for orders with a time of day); null when unknown. */
  spanDays: number | null;
  /** Spend per order; null when unknown. */
  average: number | null;
  /** The orders the average is over; null when it is the CRM's own average-order figure. */
  averageOver: number | null;
}

/** Days before asOf of a purchase field, or null (unreadable, after asOf, or no asOf). */
function purchaseDays(ctx: IndicatorContext, text: string | undefined): number | null {
  if (!ctx.asOfKnown) return null;
  const at = fieldWhen(text, ctx.asOf);
  return at !== null && at <= ctx.asOf ? daysBefore(ctx, at) : null;
}

export function orderSummary(ctx: IndicatorContext): OrderSummary {
  const { orders } = ctx;
  if (orders.length > 0 || ctx.known.has('order')) {
    const first = orders[0];
    const last = orders[orders.length - 1];
    return {
      source: 'orders',
      count: orders.length,
      firstDays: first && ctx.asOfKnown ? daysBefore(ctx, first.at) : null,
      lastDays: last && ctx.asOfKnown ? daysBefore(ctx, last.at) : null,
      spanDays: first && last ? (last.at - first.at) / DAY_MS : null,
      average: ctx.amountOrders > 0 ? ctx.spendTotal / ctx.amountOrders : null,
      averageOver: ctx.amountOrders > 0 ? ctx.amountOrders : null,
    };
  }

  const f = ctx.fields;
  const count = fieldCount(f.order_count);
  const none = count === 0; // "0 orders": no purchase dates to read, whatever the fields say
  const lastDays = none ? null : purchaseDays(ctx, f.last_purchase);
  let firstDays = none ? null : purchaseDays(ctx, f.first_purchase);
  if (firstDays !== null && lastDays !== null && firstDays < lastDays) firstDays = null;

  const averageField = fieldNumber(f.avg_order_value);
  const spend = fieldNumber(f.total_spend);
  const average = averageField !== null ? averageField : spend !== null && count !== null && count > 0 ? spend / count : null;
  return {
    source: 'fields',
    count,
    firstDays,
    lastDays,
    spanDays: firstDays !== null && lastDays !== null ? firstDays - lastDays : null,
    average,
    averageOver: averageField !== null ? null : average !== null ? count : null,
  };
}

export const PERIOD_DAYS = 30;

/**
 * 30-day periods since the first order (the first order's period is 0) that
 * have at least one order, or null when the source cannot say exactly. From
 * the order list: counted. From the fields, it is settled only when one or
 * two periods can hold orders: one order (or all within the first period)
 * → 1; the last order in a later period with two orders, or in period 1 → 2.
 */
export function activePeriods(ctx: IndicatorContext, summary: OrderSummary): number | null {
  if (summary.source === 'orders') {
    const first = ctx.orders[0];
    if (!first) return null;
    const periodMs = PERIOD_DAYS * DAY_MS;
    const active = new Set<number>();
    for (const o of ctx.orders) active.add(Math.floor((o.at - first.at) / periodMs));
    return active.size;
  }
  const { count, spanDays } = summary;
  if (count === null || count < 1) return null;
  if (count === 1) return 1;
  if (spanDays === null) return null;
  const lastPeriod = Math.floor(spanDays / PERIOD_DAYS);
  if (lastPeriod === 0) return 1;
  return count === 2 || lastPeriod === 1 ? 2 : null;
}
