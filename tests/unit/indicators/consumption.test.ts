import { describe, expect, it } from 'vitest';
import { ago, history, indicators, order, settings } from './helpers';

const MINUS = '\u2212';

describe('consumption: a customer with orders in three windows', () => {
  // W = 90. recent (0, 90]: 10 d (50), 40 d (30); earlier (90, 180]: 100 d (100), 130 d (100); older: 200 d (20).
  const h = history({ activities: [order(130, 100), order(10, 50), order(200, 20), order(40, 30), order(100, 100)] });
  const v = indicators(h);

  it('recency: days since the last order, lowers risk within W/3', () => {
    expect(v.recency_days).toMatchObject({
      value: 10,
      display: '10 days',
      direction: 'lowers',
      meaning: { en: 'Last order 10 days ago', zh: '上次购买在10天前' },
    });
  });

  it('order count: five orders lower risk', () => {
    expect(v.order_count).toMatchObject({ value: 5, display: '5 orders', direction: 'lowers', meaning: { en: '5 orders so far', zh: '累计5笔订单' } });
  });

  it('orders in the recent window with a flat trend against the window before', () => {
    expect(v.orders_recent).toMatchObject({
      value: 2,
      display: '2 in 90 days',
      trend: 'flat',
      direction: 'neutral',
      meaning: { en: '2 orders in the last 90 days (2 in the 90 days before)', zh: '近90天2笔订单（前90天2笔）' },
    });
    expect(v.frequency_trend).toMatchObject({
      value: 0,
      display: '0 % over 90 days',
      trend: 'flat',
      direction: 'neutral',
      meaning: { en: 'Orders unchanged over the last 90 days vs the 90 days before (2 → 2)', zh: '近90天订单数较前90天持平（2→2）' },
    });
  });

  it('spend down 60 %: 200 in the earlier window, 80 in the recent one', () => {
    expect(v.spend_recent).toMatchObject({ value: 80, display: '80.00 in 90 days', trend: 'down', direction: 'raises' });
    expect(v.spend_recent!.meaning!.en).toBe('Spent 80.00 in the last 90 days (200.00 in the 90 days before)');
    expect(v.spend_trend).toMatchObject({
      value: -0.6,
      display: `${MINUS}60 % over 90 days`,
      trend: 'down',
      direction: 'raises',
      meaning: { en: 'Spend down 60 % over the last 90 days vs the 90 days before', zh: '近90天消费较前90天下降60%' },
    });
  });

  it('total spend and average order value from the order amounts', () => {
    expect(v.total_spend).toMatchObject({ value: 300, display: '300.00', direction: 'neutral', meaning: { en: 'Total spend to date: 300.00 over 5 orders' } });
    expect(v.avg_order_value).toMatchObject({
      value: 60,
      display: '60.00 per order',
      meaning: { en: 'Average order 60.00 over 5 orders', zh: '平均每单60.00（共5单）' },
    });
  });

  it('rhythm: (200 − 10) / 4 = 47.5 days between orders; 10 days since the last is 0.21 of that', () => {
    expect(v.inter_purchase_days).toMatchObject({ value: 47.5, display: 'every 47.5 days', direction: 'neutral', meaning: { zh: '平均每47.5天购买一次' } });
    expect(v.overdue_ratio).toMatchObject({ value: 0.21, display: '0.2× the usual gap', direction: 'lowers' });
    expect(v.overdue_ratio!.meaning!.en).toBe('Last order 10 days ago, 0.2 times the usual 47.5 days between orders');
  });

  it('leaves out what these orders cannot say: units, products, plan, fields', () => {
    for (const id of ['units_trend', 'category_shift', 'plan', 'plan_downgrade', 'monthly_value']) {
      expect(v[id], id).toMatchObject({ value: null, display: null, meaning: null });
    }
  });
});

describe('consumption: edge cases', () => {
  it('a single order 45 days ago: no earlier window to compare, so no trend', () => {
    const v = indicators(history({ activities: [order(45, 20)] }));
    expect(v.recency_days).toMatchObject({ value: 45, direction: 'neutral' });
    expect(v.order_count).toMatchObject({ value: 1, display: '1 order', direction: 'raises' });
    expect(v.orders_recent).toMatchObject({ value: 1, trend: null, direction: 'neutral', meaning: { en: '1 order in the last 90 days' } });
    expect(v.spend_recent).toMatchObject({ value: 20, trend: null });
    for (const id of ['frequency_trend', 'spend_trend', 'inter_purchase_days', 'overdue_ratio']) expect(v[id]!.value, id).toBeNull();
  });

  it('nothing in the recent window raises risk; so does a last order more than W days ago', () => {
    const v = indicators(history({ activities: [order(100, 40), order(150, 40)] }));
    expect(v.recency_days).toMatchObject({ value: 100, direction: 'raises' });
    expect(v.orders_recent).toMatchObject({ value: 0, trend: 'down', direction: 'raises' });
    expect(v.frequency_trend).toMatchObject({ value: -1, direction: 'raises' });
    expect(v.overdue_ratio).toMatchObject({ value: 2, direction: 'raises' }); // 100 days / 50-day gap
  });

  it('orders growing ≥ 25 % lower risk', () => {
    const v = indicators(history({ activities: [order(120, 10), order(80, 10), order(50, 10)] }));
    expect(v.frequency_trend).toMatchObject({ value: 1, display: '+100 % over 90 days', trend: 'up', direction: 'lowers' });
    expect(v.spend_trend!.meaning!.en).toBe('Spend up 100 % over the last 90 days vs the 90 days before');
  });

  it('an order without an amount in a window makes its spend unknown, not smaller', () => {
    const v = indicators(history({ activities: [order(120, 10), order(20)] }));
    expect(v.spend_recent!.value).toBeNull();
    expect(v.spend_trend!.value).toBeNull();
    expect(v.total_spend).toMatchObject({ value: 10 }); // the orders that have one
    expect(v.orders_recent).toMatchObject({ value: 1, trend: 'flat' });
  });

  it('an order list the CRM showed empty means zero orders and zero spend, not unknown', () => {
    const v = indicators(history({ shown: ['order'] }));
    expect(v.order_count).toMatchObject({ value: 0, direction: 'raises' });
    expect(v.orders_recent).toMatchObject({ value: 0, direction: 'raises' });
    expect(v.spend_recent).toMatchObject({ value: 0 });
    expect(v.total_spend).toMatchObject({ value: 0, display: '0.00' });
    expect(v.recency_days!.value).toBeNull();
  });

  it('no orders and no order list: every order indicator is not available', () => {
    const v = indicators(history());
    for (const id of ['recency_days', 'order_count', 'orders_recent', 'total_spend', 'spend_recent', 'avg_order_value']) expect(v[id]!.value, id).toBeNull();
  });

  it('orders after the CRM’s today are not part of the history', () => {
    const v = indicators(history({ activities: [order(10, 5), order(-3, 500)] }));
    expect(v.order_count!.value).toBe(1);
    expect(v.recency_days!.value).toBe(10);
    expect(v.total_spend!.value).toBe(5);
  });

  it('windows follow the churn definition’s windowDays', () => {
    const h = history({ activities: [order(100, 40), order(40, 10), order(20, 10)] });
    // W = 90: recent {40 d, 20 d} vs earlier {100 d}; W = 30: recent {20 d} vs earlier {40 d}.
    expect(indicators(h).orders_recent).toMatchObject({ value: 2, display: '2 in 90 days', trend: 'up' });
    expect(indicators(h, settings({ windowDays: 30 })).orders_recent).toMatchObject({ value: 1, display: '1 in 30 days', trend: 'flat' });
  });

  it('the CRM’s total spend field wins over the sum of the orders seen', () => {
    const v = indicators(history({ fields: { 'Total spend': '$1,234.50' }, activities: [order(10, 5)] }));
    expect(v.total_spend).toMatchObject({ value: 1234.5, display: '$1,234.50', meaning: { en: 'Total spend to date: $1,234.50' } });
  });

  it('units down 75 % and two of three earlier products not bought again', () => {
    const v = indicators(
      history({
        activities: [
          order(100, 10, { quantity: 4, text: 'Jazz' }),
          order(120, 10, { quantity: 2, text: 'Rock' }),
          order(150, 10, { quantity: 2, text: 'Pop' }),
          order(20, 10, { quantity: 2, text: 'jazz' }),
        ],
      }),
    );
    expect(v.units_trend).toMatchObject({ value: -0.75, display: `${MINUS}75 % over 90 days`, direction: 'raises', trend: 'down' });
    expect(v.units_trend!.meaning!.en).toBe('Units bought down 75 % over the last 90 days vs the 90 days before (8 → 2)');
    expect(v.category_shift).toMatchObject({ value: 0.667, display: '67 % dropped', direction: 'neutral' });
    expect(v.category_shift!.meaning).toEqual({
      en: '2 of 3 products bought in the 90 days before were not bought in the last 90 days',
      zh: '前90天购买的3种商品中有2种近90天未再购买',
    });
  });

  it('a basket that changed by 75 % or more raises risk; no recent named product means no basket to compare', () => {
    const changed = indicators(
      history({
        activities: [
          order(100, 1, { text: 'A' }),
          order(110, 1, { text: 'B' }),
          order(120, 1, { text: 'C' }),
          order(130, 1, { text: 'D' }),
          order(5, 1, { text: 'A' }),
        ],
      }),
    );
    expect(changed.category_shift).toMatchObject({ value: 0.75, direction: 'raises' });
    const stopped = indicators(history({ activities: [order(100, 1, { text: 'A' }), order(5, 1)] }));
    expect(stopped.category_shift!.value).toBeNull();
  });

  it('units trend needs a quantity on every order of both windows', () => {
    const v = indicators(history({ activities: [order(100, 10, { quantity: 2 }), order(20, 10)] }));
    expect(v.units_trend!.value).toBeNull();
  });
});

describe('consumption: plan and downgrade from sightings', () => {
  it('reads the plan and monthly spend fields as context', () => {
    const v = indicators(history({ fields: { Plan: 'Fiber optic', 'Monthly fee': '$70.35' } }));
    expect(v.plan).toMatchObject({ value: 'Fiber optic', display: 'Fiber optic', direction: 'neutral', meaning: { zh: '套餐：Fiber optic' } });
    expect(v.monthly_value).toMatchObject({ value: 70.35, display: '$70.35', direction: 'neutral' });
  });

  it('a monthly spend 5 % or more below an earlier sighting is a downgrade', () => {
    const v = indicators(
      history({
        fields: { 'Monthly fee': '$60' },
        observations: [
          { at: ago(10), fields: { 'Monthly fee': '$60' } },
          { at: ago(60), fields: { 'Monthly fee': '$80' } },
        ],
      }),
    );
    expect(v.plan_downgrade).toMatchObject({
      value: 'yes',
      display: 'yes: 80.00 → 60.00',
      direction: 'raises',
      meaning: { en: 'Monthly spend went down from 80.00 to 60.00', zh: '月消费从80.00降至60.00' },
    });
  });

  it('no downgrade when the latest spend is not below the earlier ones; unknown with a single sighting', () => {
    const steady = indicators(history({ fields: { 'Monthly fee': '$62' }, observations: [{ at: ago(30), fields: { 'Monthly fee': '$60' } }] }));
    expect(steady.plan_downgrade).toMatchObject({ value: 'no', direction: 'neutral' });
    const small = indicators(history({ fields: { 'Monthly fee': '$96' }, observations: [{ at: ago(30), fields: { 'Monthly fee': '$100' } }] }));
    expect(small.plan_downgrade!.value).toBe('no'); // −4 %: under the 5 % line
    const once = indicators(history({ observations: [{ at: ago(30), fields: { 'Monthly fee': '$60' } }] }));
    expect(once.plan_downgrade!.value).toBeNull();
  });
});
