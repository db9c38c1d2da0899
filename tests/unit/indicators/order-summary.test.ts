import { describe, expect, it } from 'vitest';
import { churnLabel, DEFAULT_CHURN_DEFINITION } from '@/lib/indicators';
import { fieldCount } from '@/lib/indicators/field-values';
import { orderSummary } from '@/lib/indicators/order-summary';
import { context, history, indicators, order } from './helpers';

// Today is 2024-06-30; 2024-01-02 is 180 days before (29 + 29 + 31 + 30 + 31 + 30, a leap year).
const LIST_ROW = { Orders: '4', 'Last purchase': '10 days ago', 'First purchase': '2024-01-02', 'Total spend': '$120.00' };

describe('order summary: a list page’s fields stand in for the order list', () => {
  it('reads count, first and last purchase days, span and average from the fields', () => {
    expect(orderSummary(context(history({ fields: LIST_ROW })))).toEqual({
      source: 'fields',
      count: 4,
      firstDays: 180,
      lastDays: 10,
      spanDays: 170,
      average: 30,
      averageOver: 4,
    });
  });

  it('gives the order indicators with the order list’s wording', () => {
    const v = indicators(history({ fields: LIST_ROW }));
    expect(v.recency_days).toMatchObject({
      value: 10,
      display: '10 days',
      direction: 'lowers',
      meaning: { en: 'Last order 10 days ago', zh: '上次购买在10天前' },
    });
    expect(v.order_count).toMatchObject({ value: 4, display: '4 orders', direction: 'lowers', meaning: { en: '4 orders so far', zh: '累计4笔订单' } });
    expect(v.avg_order_value).toMatchObject({
      value: 30,
      display: '30.00 per order',
      meaning: { en: 'Average order 30.00 over 4 orders', zh: '平均每单30.00（共4单）' },
    });
    // 170 days over 3 gaps = 56.7 days; 10 / 56.67 = 0.18
    expect(v.inter_purchase_days).toMatchObject({ value: 56.7, display: 'every 56.7 days', meaning: { zh: '平均每56.7天购买一次' } });
    expect(v.overdue_ratio).toMatchObject({ value: 0.18, direction: 'lowers' });
    expect(v.total_spend).toMatchObject({ value: 120, display: '$120.00' });
    expect(v.days_since_activity).toMatchObject({ value: 10 });
  });

  it('never derives the windowed indicators from a summary', () => {
    const v = indicators(history({ fields: LIST_ROW }));
    for (const id of [
      'orders_recent',
      'frequency_trend',
      'spend_recent',
      'spend_trend',
      'units_trend',
      'category_shift',
      'spend_capacity_change',
      'top_product',
    ]) {
      expect(v[id]!.value, id).toBeNull();
    }
    expect(indicators(history({ fields: LIST_ROW })).repeat_purchase_rate!.value).toBeNull(); // 4 orders over 6 periods: unsettled
  });

  it('Chinese texts: “3 单”, “59天前”, a 年月日 date, 客单价', () => {
    const v = indicators(history({ fields: { 订单数: '3 单', 最近购买: '59天前', 首次购买: '2024年1月2日', 客单价: '¥88' } }));
    // (180 − 59) / 2 = 60.5 days; 59 / 60.5 = 0.975
    expect([v.recency_days!.value, v.order_count!.value, v.inter_purchase_days!.value, v.overdue_ratio!.value, v.avg_order_value!.value]).toEqual([
      59, 3, 60.5, 0.98, 88,
    ]);
    expect(indicators(history({ fields: { 最近购买: '今天' } })).recency_days).toMatchObject({
      value: 0,
      meaning: { en: 'Last order today', zh: '今天有购买' },
    });
    expect(indicators(history({ fields: { 最近购买: '昨天' } })).recency_days!.value).toBe(1);
  });

  it('the CRM’s average-order figure wins over total spend / order count, and says no count', () => {
    const v = indicators(history({ fields: { 'Average order': '$25.50', 'Total spend': '$90', Orders: '3' } }));
    expect(v.avg_order_value).toMatchObject({ value: 25.5, meaning: { en: 'Average order 25.50', zh: '平均每单25.50' } });
    expect(indicators(history({ fields: { 'Total spend': '$90', Orders: '3' } })).avg_order_value!.value).toBe(30);
    expect(indicators(history({ fields: { 'Total spend': '$90' } })).avg_order_value!.value).toBeNull(); // no count to divide by
  });
});

describe('order summary: the order list wins', () => {
  it('orders shown: their count, days and average, whatever the summary fields say', () => {
    const v = indicators(history({ fields: LIST_ROW, activities: [order(20, 50)] }));
    expect([v.order_count!.value, v.recency_days!.value, v.avg_order_value!.value, v.inter_purchase_days!.value]).toEqual([1, 20, 50, null]);
  });

  it('an order list shown empty means none: no recency, zero orders', () => {
    const v = indicators(history({ fields: LIST_ROW, shown: ['order'] }));
    expect([v.order_count!.value, v.recency_days!.value, v.avg_order_value!.value]).toEqual([0, null, null]);
  });
});

describe('order summary: fields it does not read', () => {
  it('“0 orders” has no purchase dates, whatever the fields say', () => {
    const v = indicators(history({ fields: { Orders: '0', 'Last purchase': '10 days ago' } }));
    expect(v.order_count).toMatchObject({ value: 0, direction: 'raises' });
    expect(v.recency_days!.value).toBeNull();
  });

  it('a purchase after today, and a first purchase after the last one', () => {
    expect(indicators(history({ fields: { 'Last purchase': 'in 3 days' } })).recency_days!.value).toBeNull();
    expect(indicators(history({ fields: { 'Last purchase': '2024-07-05' } })).recency_days!.value).toBeNull();
    const v = indicators(history({ fields: { Orders: '3', 'First purchase': '5 days ago', 'Last purchase': '2024-06-01' } }));
    expect([v.recency_days!.value, v.inter_purchase_days!.value, v.overdue_ratio!.value]).toEqual([29, null, null]);
  });

  it('a last contact is not a purchase: no recency from it', () => {
    const v = indicators(history({ fields: { 'Last contact': '3 days ago' } }));
    expect(v.recency_days!.value).toBeNull();
    expect(v.days_since_activity!.value).toBe(3);
  });

  it('without the CRM’s today, only the count', () => {
    const v = indicators(history({ fields: LIST_ROW, asOf: Number.NaN }));
    expect([v.order_count!.value, v.recency_days!.value, v.inter_purchase_days!.value, v.avg_order_value!.value]).toEqual([4, null, null, 30]);
  });

  it.each([
    ['3', 3],
    ['3 单', 3],
    ['12 orders', 12],
    ['7 次', 7],
    ['1,024', 1024], // a count is whole: not 1.024
    ['1.024', 1024],
    ['0', 0],
    ['$1,200', null], // "Purchases: $1,200" is a spend
    ['2.5', null],
    ['80%', null],
    ['-2', null],
    ['3 months', null],
    ['View orders', null],
  ] as const)('order count %s → %s', (text, expected) => {
    expect(fieldCount(text)).toBe(expected);
  });
});

describe('repeat-purchase rate from the fields: only when they settle it', () => {
  // First purchase 180 days ago: periods 0..6, 7 in all.
  it.each([
    ['one order', { Orders: '1', 'First purchase': '2024-01-02' }, 0.143],
    ['two orders in different periods', { Orders: '2', 'First purchase': '2024-01-02', 'Last purchase': '10 days ago' }, 0.286],
    ['all orders within the first 30 days', { Orders: '5', 'First purchase': '2024-01-02', 'Last purchase': '2024-01-20' }, 0.143],
    ['the last order in period 1 (44 days on)', { Orders: '5', 'First purchase': '2024-01-02', 'Last purchase': '2024-02-15' }, 0.286],
    ['five orders over six periods: could be 2 to 5 active', { Orders: '5', 'First purchase': '2024-01-02', 'Last purchase': '10 days ago' }, null],
    ['three orders, no last purchase', { Orders: '3', 'First purchase': '2024-01-02' }, null],
    ['first purchase under 30 days ago', { Orders: '1', 'First purchase': '20 days ago' }, null],
    ['no order count', { 'First purchase': '2024-01-02', 'Last purchase': '2024-01-02' }, null],
  ])('%s', (_, fields, expected) => {
    expect(indicators(history({ fields })).repeat_purchase_rate!.value).toBe(expected);
  });

  it('the same rule as from the orders: one order 180 days ago = 1 of 7', () => {
    expect(indicators(history({ activities: [order(180)] })).repeat_purchase_rate!.value).toBe(0.143);
    expect(indicators(history({ activities: [order(180), order(10)] })).repeat_purchase_rate!.value).toBe(0.286);
  });
});

describe('first and last purchase fields elsewhere', () => {
  it('tenure since the first purchase: Jan 2, 1997 as of 1997-09-30 is 271 days, 8.9 months', () => {
    const v = indicators(history({ fields: { firstPurchase: 'Jan 2, 1997' }, asOf: Date.UTC(1997, 8, 30) }));
    expect(v.tenure).toMatchObject({
      value: 8.9,
      display: '8 months',
      direction: 'neutral',
      meaning: { en: 'Customer for 8 months (since the first purchase)', zh: '客户时长8个月（按首次购买日期）' },
    });
  });

  it('tenure: the customer-since date wins; of first purchase and first activity, the earlier', () => {
    expect(indicators(history({ fields: { 'Customer since': '2023-06-30', 'First purchase': '2024-01-02' } })).tenure!.value).toBe(12);
    expect(indicators(history({ fields: { 'First purchase': '2024-01-02' }, activities: [order(10)] })).tenure!.value).toBe(5.9); // 180 days
    expect(indicators(history({ fields: { 'First purchase': '2024-06-20' }, activities: [order(45)] })).tenure).toMatchObject({
      value: 1.5,
      meaning: { en: 'Customer for 1 month (since the first activity seen)' },
    });
  });

  it('days since activity: the later of the last-activity and last-purchase fields', () => {
    expect(indicators(history({ fields: { 'Last purchase': '12 days ago' } })).days_since_activity!.value).toBe(12);
    expect(indicators(history({ fields: { 'Last contact': '3 days ago', 'Last purchase': '12 days ago' } })).days_since_activity!.value).toBe(3);
  });

  it('the inactivity churn rule reads the last purchase too', () => {
    const label = churnLabel(history({ fields: { lastPurchase: '200 days ago' } }), DEFAULT_CHURN_DEFINITION);
    expect(label).toMatchObject({ churned: true, rule: 'inactivity', why: { en: 'No order, contact or ticket for 200 days (limit 180)' } });
    expect(churnLabel(history({ fields: { lastPurchase: '179 days ago' } }), DEFAULT_CHURN_DEFINITION).churned).toBe(false);
  });
});
