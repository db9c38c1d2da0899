import { describe, expect, it } from 'vitest';
import { actionsOverTime, outcomesByRule, type KpiAction } from '@/lib/kpi/actions';
import { averageLifetimeValue, lifetimeValueOf } from '@/lib/kpi/lifetime';
import { riskOverTime, type KpiScore } from '@/lib/kpi/risk';

describe('risk by tier over time', () => {
  const scores: KpiScore[] = [
    { key: 'a', at: 1, tier: 5, probability: 0.8 },
    { key: 'b', at: 2, tier: 3, probability: 0.5 },
    { key: 'c', at: 3, tier: 1, probability: 0.05 },
    { key: 'a', at: 12, tier: 2, probability: 0.2 },
  ];
  const values = new Map<string, number | null>([
    ['a', 100],
    ['b', 50],
    ['c', null],
  ]);

  it('uses each customer’s latest score before each moment', () => {
    const [early, late] = riskOverTime(scores, values, [10, 20]);
    expect(early).toMatchObject({ at: 10, atRisk: 2, valueAtStake: 150, expectedLoss: 80 + 25 });
    expect(early!.tiers.map((t) => t.customers)).toEqual([1, 0, 1, 0, 1]);
    expect(late).toMatchObject({ atRisk: 1, valueAtStake: 50, expectedLoss: 25 });
    expect(late!.tiers[1]).toEqual({ tier: 2, customers: 1, value: 100, expectedLoss: 20 });
  });
});

describe('actions and outcomes per playbook rule', () => {
  const actions: KpiAction[] = [
    { at: 1, kind: 'called', ruleId: 'price-offer', outcome: 'retained' },
    { at: 2, kind: 'emailed', ruleId: 'price-offer', outcome: 'churned' },
    { at: 3, kind: 'called', ruleId: 'price-offer', outcome: 'retained' },
    { at: 4, kind: 'offer', ruleId: 'price-offer', outcome: 'no_answer' },
    { at: 5, kind: 'called', ruleId: null, outcome: null },
    { at: 15, kind: 'meeting', ruleId: 'critical-visit', outcome: 'pending' },
    { at: 99, kind: 'called', ruleId: 'critical-visit', outcome: 'retained' },
  ];

  it('counts outcomes and a success rate of decided outcomes, in range', () => {
    expect(outcomesByRule(actions, 0, 20)).toEqual([
      { ruleId: 'price-offer', actions: 4, outcomes: { retained: 2, churned: 1, no_answer: 1, pending: 0, none: 0 }, successRate: 2 / 3 },
      { ruleId: null, actions: 1, outcomes: { retained: 0, churned: 0, no_answer: 0, pending: 0, none: 1 }, successRate: null },
      { ruleId: 'critical-visit', actions: 1, outcomes: { retained: 0, churned: 0, no_answer: 0, pending: 1, none: 0 }, successRate: null },
    ]);
  });

  it('per period', () => {
    const rows = actionsOverTime(actions, [
      { start: 0, end: 10, label: 'a' },
      { start: 10, end: 20, label: 'b' },
    ]);
    expect(rows.map((r) => r.actions)).toEqual([5, 1]);
    expect(rows[0]!.successRate).toBe(2 / 3);
  });
});

describe('lifetime value', () => {
  it('prefers the CRM total, then order amounts, then monthly × tenure', () => {
    expect(lifetimeValueOf({ TotalCharges: '1,889.50', MonthlyCharges: '56.95', tenure: '34' }, [])).toBe(1889.5);
    expect(lifetimeValueOf({}, [{ kind: 'order', amount: 12.5 }, { kind: 'order', amount: 30 }, { kind: 'ticket' }])).toBe(42.5);
    expect(lifetimeValueOf({}, [{ kind: 'order', amount: 12.5 }, { kind: 'order' }])).toBeNull();
    expect(lifetimeValueOf({ MonthlyCharges: '20', tenure: '3' }, [])).toBe(60);
    expect(lifetimeValueOf({ Name: 'x' }, [])).toBeNull();
  });

  it('averages the known values only', () => {
    expect(averageLifetimeValue([100, null, 50])).toEqual({ average: 75, customers: 2 });
    expect(averageLifetimeValue([null])).toEqual({ average: null, customers: 0 });
  });
});
