import { describe, expect, it } from 'vitest';
import { churnLabel, isChurned } from '@/lib/indicators/churn-labels';
import { DEFAULT_CHURN_DEFINITION, type ChurnDefinition } from '@/lib/indicators/types';
import { history, note, order } from './helpers';

const def = (over: Partial<ChurnDefinition> = {}): ChurnDefinition => ({ ...DEFAULT_CHURN_DEFINITION, ...over });

describe('churn labels: status values', () => {
  it('a status in the list is complete churn, and says so', () => {
    expect(churnLabel(history({ fields: { Status: 'Churned' } }), def())).toEqual({
      churned: true,
      kind: 'complete',
      rule: 'status',
      why: { en: 'Status is "Churned"', zh: '状态为“Churned”' },
      evaluable: true,
    });
  });

  it.each([' churned ', 'CANCELLED', 'Closed  Lost', '已流失'])('matches %j trimmed, case-insensitively, spaces collapsed', (status) => {
    expect(churnLabel(history({ fields: { 状态: status } }), def()).rule).toBe('status');
  });

  it('matches whole values only: "Active" is not "Inactive"', () => {
    expect(churnLabel(history({ fields: { Status: 'Active' } }), def())).toMatchObject({ churned: false, rule: null, why: null, evaluable: true });
    expect(churnLabel(history({ fields: { Status: 'Inactive' } }), def()).churned).toBe(true);
  });

  it('an empty status list turns the rule off', () => {
    expect(churnLabel(history({ fields: { Status: 'Churned' } }), def({ statusValues: [] }))).toMatchObject({ churned: false, evaluable: false });
  });
});

describe('churn labels: inactivity', () => {
  it('no order, contact or ticket for inactivityDays (inclusive) is complete churn', () => {
    expect(churnLabel(history({ activities: [order(180)] }), def())).toMatchObject({
      churned: true,
      kind: 'complete',
      rule: 'inactivity',
      why: { en: 'No order, contact or ticket for 180 days (limit 180)', zh: '已180天没有购买、联系或工单（上限180天）' },
    });
    expect(churnLabel(history({ activities: [order(179)] }), def())).toMatchObject({ churned: false, evaluable: true });
  });

  it('notes are not activity; without a dated activity the rule cannot fire', () => {
    expect(churnLabel(history({ activities: [note(300, 'left a message')] }), def())).toMatchObject({ churned: false, evaluable: false });
  });

  it('the CRM’s last-activity date counts (2023-01-01 is 546 days before 2024-06-30)', () => {
    expect(churnLabel(history({ fields: { 'Last activity': '2023-01-01' } }), def()).why!.en).toBe('No order, contact or ticket for 546 days (limit 180)');
  });

  it('inactivityDays null turns the rule off', () => {
    expect(churnLabel(history({ activities: [order(500)] }), def({ inactivityDays: null, partialSpendDrop: null }))).toMatchObject({
      churned: false,
      evaluable: false,
    });
  });
});

describe('churn labels: partial churn', () => {
  const noInactivity = def({ inactivityDays: null });

  it('recent spend at or below (1 − drop) × the earlier window is partial churn', () => {
    expect(churnLabel(history({ activities: [order(100, 200), order(10, 100)] }), noInactivity)).toEqual({
      churned: true,
      kind: 'partial',
      rule: 'partial_spend_drop',
      why: {
        en: 'Spend down 50 % over the last 90 days vs the 90 days before (partial churn from 50 %)',
        zh: '近90天消费较前90天下降50%（部分流失阈值50%）',
      },
      evaluable: true,
    });
    expect(isChurned(history({ activities: [order(100, 200), order(10, 100)] }), noInactivity)).toBe(true);
  });

  it('a smaller drop is not churn; the threshold is the manager’s', () => {
    expect(churnLabel(history({ activities: [order(100, 200), order(10, 101)] }), noInactivity)).toMatchObject({ churned: false, evaluable: true });
    expect(churnLabel(history({ activities: [order(100, 200), order(10, 150)] }), def({ inactivityDays: null, partialSpendDrop: 0.25 })).rule).toBe(
      'partial_spend_drop',
    );
  });

  it('needs amounts on every order of both windows, and the rule on', () => {
    expect(churnLabel(history({ activities: [order(100), order(10, 1)] }), noInactivity)).toMatchObject({ churned: false, evaluable: false });
    expect(churnLabel(history({ activities: [order(100, 200), order(10, 1)] }), def({ inactivityDays: null, partialSpendDrop: null })).churned).toBe(false);
  });

  it('uses the definition’s window', () => {
    // W = 30: recent (0, 30] = 100, earlier (30, 60] = nothing → no base to compare.
    expect(churnLabel(history({ activities: [order(100, 200), order(10, 100)] }), def({ inactivityDays: null, windowDays: 30 })).churned).toBe(false);
  });
});

describe('churn labels: precedence', () => {
  it('status, then inactivity, then partial churn', () => {
    expect(churnLabel(history({ fields: { Status: 'Churned' }, activities: [order(300, 5)] }), def()).rule).toBe('status');
    expect(churnLabel(history({ activities: [order(200, 200), order(185, 1)] }), def()).rule).toBe('inactivity');
  });

  it('an empty history is unknown, not retained', () => {
    expect(churnLabel(history(), def())).toEqual({ churned: false, kind: null, rule: null, why: null, evaluable: false });
  });
});
