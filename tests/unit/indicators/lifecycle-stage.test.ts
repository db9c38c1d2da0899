import { describe, expect, it } from 'vitest';
import { computeIndicators } from '@/lib/indicators';
import type { CustomerHistory } from '@/lib/indicators/types';
import { history, order, SETTINGS } from './helpers';

const stage = (h: CustomerHistory) => computeIndicators(h, SETTINGS).lifecycle;

describe('lifecycle rules, in order', () => {
  it('1. churned: the churn definition fires as complete churn', () => {
    expect(stage(history({ fields: { Status: 'Cancelled' } }))).toEqual({ value: 'churned', why: { en: 'Status is "Cancelled"', zh: '状态为“Cancelled”' } });
    expect(stage(history({ activities: [order(200, 10)] }))).toMatchObject({
      value: 'churned',
      why: { en: 'No order, contact or ticket for 200 days (limit 180)' },
    });
  });

  it('not available when nothing dates the customer', () => {
    expect(stage(history())).toEqual({ value: null, why: null });
    expect(stage(history({ fields: { Plan: 'DSL' } }))).toEqual({ value: null, why: null });
  });

  it('2. new: under one window of tenure', () => {
    expect(stage(history({ activities: [order(20, 10)] }))).toEqual({
      value: 'new',
      why: { en: 'Customer for 20 days, under one 90-day window', zh: '成为客户20天，不足一个90天窗口期' },
    });
  });

  it('3. decline: partial churn', () => {
    expect(stage(history({ activities: [order(150, 100), order(100, 100), order(10, 50)] }))).toEqual({
      value: 'decline',
      why: { en: 'Spend down 75 % over the last 90 days vs the 90 days before (partial churn from 50 %)', zh: '近90天消费较前90天下降75%（部分流失阈值50%）' },
    });
  });

  it('3. decline: no order in the recent window', () => {
    expect(stage(history({ activities: [order(150), order(100)] }))).toEqual({
      value: 'decline',
      why: { en: 'No order in the last 90 days (last one 100 days ago)', zh: '近90天没有订单（上一单在100天前）' },
    });
  });

  it('3. decline: spend down 25 % or more (30 % here, short of partial churn)', () => {
    expect(stage(history({ activities: [order(150, 100), order(100, 100), order(10, 140)] }))).toEqual({
      value: 'decline',
      why: { en: 'Spend down 30 % in the last 90 days vs the 90 days before', zh: '近90天消费较前90天下降30%' },
    });
  });

  it('3. decline: orders down 50 % when amounts are unknown', () => {
    expect(stage(history({ activities: [order(170), order(160), order(150), order(100), order(20), order(10)] }))).toEqual({
      value: 'decline',
      why: { en: 'Orders down 50 % in the last 90 days vs the 90 days before', zh: '近90天订单数较前90天下降50%' },
    });
  });

  it('4. growth: under four windows of tenure and still buying', () => {
    expect(stage(history({ activities: [order(200, 10), order(100, 10), order(10, 10)] }))).toEqual({
      value: 'growth',
      why: { en: 'Customer for 200 days and still buying', zh: '成为客户200天，仍在购买' },
    });
  });

  it('4. growth: an established customer whose spend rose 25 % or more', () => {
    expect(stage(history({ activities: [order(500, 10), order(150, 10), order(50, 10), order(20, 10)] }))).toEqual({
      value: 'growth',
      why: { en: 'Spend up 100 % in the last 90 days vs the 90 days before', zh: '近90天消费较前90天上升100%' },
    });
  });

  it('5. mature: established and steady', () => {
    expect(stage(history({ activities: [order(500, 10), order(150, 10), order(20, 10)] }))).toEqual({
      value: 'mature',
      why: { en: 'Customer for 500 days, buying steadily', zh: '成为客户500天，购买稳定' },
    });
  });

  it('by tenure alone (no orders): new, growth or mature, and the reason says so', () => {
    expect(stage(history({ fields: { Tenure: '2 months' } })).value).toBe('new'); // 61 days
    expect(stage(history({ fields: { Tenure: '6 months' } }))).toEqual({
      value: 'growth',
      why: { en: 'Customer for 183 days (by tenure; no order history to see a decline)', zh: '成为客户183天（按客户时长；没有订单记录判断是否衰退）' },
    });
    expect(stage(history({ fields: { Tenure: '36 months' } })).value).toBe('mature');
  });
});
