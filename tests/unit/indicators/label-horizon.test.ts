import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity } from '@/lib/domain';
import { churnLabel } from '@/lib/indicators/churn-labels';
import { DAY_MS, prepareContext } from '@/lib/indicators/context';
import { labelStableUntil } from '@/lib/indicators/label-horizon';
import { DEFAULT_CHURN_DEFINITION, type ChurnDefinition, type CustomerHistory } from '@/lib/indicators/types';

const NOW = Date.UTC(2026, 11, 7);
const until = (history: CustomerHistory, churn: ChurnDefinition) => {
  const ctx = prepareContext(history, { churn, competitors: [] });
  return labelStableUntil(ctx, churnLabel(history, churn));
};
const order = (daysAgo: number, amount?: number): Activity => ({
  id: `o${daysAgo}`,
  kind: 'order',
  at: NOW - daysAgo * DAY_MS,
  ...(amount === undefined ? {} : { amount }),
});
const history = (activities: Activity[], fields: Record<string, string> = {}, asOf = NOW): CustomerHistory => ({ asOf, fields, observations: [], activities });

describe('labelStableUntil', () => {
  it('a status label holds for ever; so does a label with no dated input', () => {
    expect(until(history([order(10, 50)], { Status: 'Churned' }), DEFAULT_CHURN_DEFINITION)).toBe(Number.POSITIVE_INFINITY);
    expect(until(history([], { Status: 'Active' }), DEFAULT_CHURN_DEFINITION)).toBe(Number.POSITIVE_INFINITY);
  });

  it('inactivity: holds until the last order is inactivityDays old', () => {
    const churn = { ...DEFAULT_CHURN_DEFINITION, partialSpendDrop: null };
    expect(until(history([order(100)]), churn)).toBe(NOW - 100 * DAY_MS + 180 * DAY_MS);
    const h = history([order(100)], {}, NOW + 80 * DAY_MS);
    expect(churnLabel(h, churn).churned).toBe(true);
    expect(churnLabel(history([order(100)], {}, NOW + 80 * DAY_MS - 1), churn).churned).toBe(false);
  });

  it('a date relative to today holds until the next day only; an absolute one until it is old enough', () => {
    const churn = { ...DEFAULT_CHURN_DEFINITION, partialSpendDrop: null };
    expect(until(history([], { 'Last activity': '3 days ago' }), churn)).toBe(NOW + DAY_MS);
    expect(until(history([], { 'Last activity': '2026-11-01' }), churn)).toBe(Date.UTC(2026, 10, 1) + 180 * DAY_MS);
  });

  it('a future activity enters the history when its day comes', () => {
    expect(until(history([order(-5)], { Status: 'Active' }), { ...DEFAULT_CHURN_DEFINITION, inactivityDays: null, partialSpendDrop: null })).toBe(
      NOW + 5 * DAY_MS,
    );
  });

  it('property: the label at any moment before the horizon is the label now', () => {
    const activity = fc.record({
      kind: fc.constantFrom<Activity['kind']>('order', 'contact', 'ticket', 'note', 'payment'),
      day: fc.integer({ min: -60, max: 800 }),
      amount: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(activity, { maxLength: 12 }),
        fc.record({
          inactivityDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
          partialSpendDrop: fc.option(fc.double({ min: 0.1, max: 0.9, noNaN: true }), { nil: null }),
          windowDays: fc.integer({ min: 7, max: 120 }),
        }),
        fc.option(fc.constantFrom('2026-10-01', '2025-02-11', '12 days ago'), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raw, rules, lastActivity, where) => {
          const activities = raw.map(
            (a, i): Activity => ({ id: `a${i}`, kind: a.kind, at: NOW - a.day * DAY_MS + i, ...(a.amount === undefined ? {} : { amount: a.amount }) }),
          );
          const churn: ChurnDefinition = { statusValues: ['Churned'], ...rules };
          const fields: Record<string, string> = lastActivity ? { 'Last activity': lastActivity } : {};
          const now = history(activities, fields);
          const horizon = until(now, churn);
          const later = NOW + Math.floor(where * Math.min(horizon - NOW, 2000 * DAY_MS));
          if (later >= horizon) return;
          const a = churnLabel(now, churn);
          const b = churnLabel(history(activities, fields, later), churn);
          expect([b.churned, b.evaluable, b.kind]).toEqual([a.churned, a.evaluable, a.kind]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
