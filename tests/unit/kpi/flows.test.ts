import { describe, expect, it } from 'vitest';
import { churnSnapshot, periodFlows } from '@/lib/kpi/flows';
import { compactStates, stateBefore, type KpiCustomer } from '@/lib/kpi/states';

const customer = (key: string, states: [number, boolean][]): KpiCustomer => ({
  key,
  firstSeen: states[0]?.[0] ?? 0,
  states: states.map(([at, churned]) => ({ at, churned })),
  value: null,
  lifetimeValue: null,
});

// Period [10, 20). a: active → churns at 15. b: active throughout. c: churned at 5, active again at 12 (won back).
// d: churned throughout. e: first seen active at 13, churns at 18. f: first seen churned at 14. g: first seen at 25 (after).
const history = [
  customer('a', [
    [1, false],
    [15, true],
  ]),
  customer('b', [[2, false]]),
  customer('c', [
    [1, false],
    [5, true],
    [12, false],
  ]),
  customer('d', [[3, true]]),
  customer('e', [
    [13, false],
    [18, true],
  ]),
  customer('f', [[14, true]]),
  customer('g', [[25, false]]),
];

describe('churn, retention and win-back', () => {
  it('state just before a moment', () => {
    const { states } = history[2]!;
    expect([0, 1, 2, 5, 6, 12, 13].map((t) => stateBefore(states, t))).toEqual([null, null, false, false, true, true, false]);
  });

  it('counts each customer by its state at the period start and end', () => {
    expect(periodFlows(history, { start: 10, end: 20 })).toEqual({
      activeBase: 3, // a, b, e
      churned: 2, // a, e
      churnRate: 2 / 3,
      retentionRate: 1 / 3,
      churnedBase: 3, // c, d, f
      wonBack: 1, // c
      winBackRate: 1 / 3,
    });
  });

  it('has null rates when nobody is in a base', () => {
    // After every change: b, c, g active; a, d, e, f churned; nobody moves.
    expect(periodFlows(history, { start: 30, end: 40 })).toMatchObject({
      activeBase: 3,
      churned: 0,
      churnRate: 0,
      retentionRate: 1,
      churnedBase: 4,
      wonBack: 0,
      winBackRate: 0,
    });
    expect(periodFlows([], { start: 0, end: 1 })).toMatchObject({ churnRate: null, retentionRate: null, winBackRate: null });
  });

  it('snapshot: the churned share of labelled customers at a moment', () => {
    // g is not labelled yet; a, d, e, f churned; b, c active.
    expect(churnSnapshot(history, 20)).toEqual({ labelled: 6, churned: 4, churnedShare: 4 / 6 });
  });

  it('compacts repeated states', () => {
    expect(
      compactStates([
        { at: 3, churned: false },
        { at: 1, churned: false },
        { at: 5, churned: true },
        { at: 7, churned: true },
      ]),
    ).toEqual([
      { at: 1, churned: false },
      { at: 5, churned: true },
    ]);
  });
});
