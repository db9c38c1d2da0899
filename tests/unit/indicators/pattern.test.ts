import { describe, expect, it } from 'vitest';
import { computeIndicators } from '@/lib/indicators';
import type { CustomerHistory, IndicatorSettings } from '@/lib/indicators/types';
import { history, order, settings, SETTINGS } from './helpers';

const pattern = (h: CustomerHistory, s: IndicatorSettings = SETTINGS) => computeIndicators(h, s).pattern;
const spend = (days: number[], amount?: number) => days.map((d) => order(d, amount));

describe('churn pattern rules, in order', () => {
  it('1. already churned', () => {
    expect(pattern(history({ fields: { Status: 'Churned' }, activities: [order(5, 10)] }))).toEqual({
      value: 'already_churned',
      why: { en: 'Status is "Churned"', zh: '状态为“Churned”' },
    });
  });

  it('not available without any order', () => {
    expect(pattern(history())).toEqual({ value: null, why: null });
    expect(pattern(history({ fields: { Tenure: '12 months' } }))).toEqual({ value: null, why: null });
  });

  it('2. trial failure: one order, none in the W/3 days since', () => {
    expect(pattern(history({ activities: [order(40, 10)] }))).toEqual({
      value: 'trial_failure',
      why: { en: 'One order, 40 days ago, none since', zh: '只有一笔订单，在40天前，之后再未购买' },
    });
    expect(pattern(history({ activities: [order(20, 10)] })).value).toBe('none');
  });

  it('3. sudden drop of a high-value customer (3 orders in the earlier window, no threshold set)', () => {
    const h = history({ activities: [...spend([150, 120, 100], 50), order(20, 50)] });
    expect(pattern(h)).toEqual({
      value: 'high_value_sudden_drop',
      why: { en: 'High-value customer: 150.00 in the 90 days before, only 50.00 in the last 90 days', zh: '高价值客户：前90天150.00，近90天仅50.00' },
    });
    expect(pattern(h, settings({}, { highValueSpend: 100 })).value).toBe('high_value_sudden_drop');
    expect(pattern(h, settings({}, { highValueSpend: 200 })).value).toBe('none'); // 150 is below the manager's line
  });

  it('3. not sudden when the earlier window was already falling: that is a gradual decline', () => {
    const h = history({ activities: [...spend([230, 220, 210, 200, 190], 10), ...spend([150, 120, 100], 10), order(20, 10)] });
    expect(pattern(h)).toEqual({
      value: 'gradual_decline',
      why: { en: 'Falling window after window: 50.00 → 30.00 → 10.00 (−80 %)', zh: '逐期下降：50.00→30.00→10.00（下降80%）' },
    });
  });

  it('4. gradual decline, by spend or by order counts', () => {
    expect(pattern(history({ activities: [...spend([230, 220, 210, 200], 50), ...spend([140, 100], 50), order(10, 50)] })).why).toEqual({
      en: 'Falling window after window: 200.00 → 100.00 → 50.00 (−75 %)',
      zh: '逐期下降：200.00→100.00→50.00（下降75%）',
    });
    expect(pattern(history({ activities: [...spend([230, 220, 210, 200]), ...spend([140, 100]), order(10)] }))).toEqual({
      value: 'gradual_decline',
      why: { en: 'Falling window after window: 4 orders → 2 orders → 1 order (−75 %)', zh: '逐期下降：4单→2单→1单（下降75%）' },
    });
  });

  it('4. a decline needs history before the earlier window', () => {
    expect(pattern(history({ activities: [...spend([170, 150]), order(10)] })).value).not.toBe('gradual_decline');
  });

  it('5. churn after repeat purchase: twice the usual gap and at least W/3 without an order', () => {
    expect(pattern(history({ activities: spend([100, 90, 80, 70, 60]) }))).toEqual({
      value: 'after_repeat_purchase',
      why: { en: '5 orders, usually 10 days apart; none for 60 days', zh: '共5笔订单，平时间隔约10天；已60天未购买' },
    });
    expect(pattern(history({ activities: spend([100, 70, 40, 10]) })).value).toBe('none'); // on rhythm
  });

  it('6. none', () => {
    expect(pattern(history({ activities: spend([50, 30, 10], 10) }))).toEqual({
      value: 'none',
      why: { en: 'No churn pattern: last order 10 days ago, 3 orders in all', zh: '未见流失模式：上一单在10天前，共3笔订单' },
    });
  });
});
