import { describe, expect, it } from 'vitest';
import {
  INDICATOR_REFRESH_MS,
  VISIT_GAP_MS,
  customerHistory,
  indicatorDigest,
  indicatorRowIfChanged,
  modelInputs,
  nextVisits,
  sinceLastVisit,
  visitSnapshot,
} from '@/lib/indicators/customer-indicators';
import type { CustomerRow, VisitSnapshot } from '@/lib/db/schema';
import type { IndicatorResult, IndicatorValue } from '@/lib/indicators/types';

const row: CustomerRow = { site: 's', crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' }, firstSeen: 1, lastSeen: 1, lastObservedAt: 1, observationCount: 1 };
const value = (id: string, v: number | string | null): IndicatorValue => ({
  id,
  category: 'consumption',
  value: v,
  display: v === null ? null : String(v),
  direction: 'neutral',
});
const result = (values: IndicatorValue[], lifecycle: IndicatorResult['lifecycle']['value'] = 'growth'): IndicatorResult => ({
  values,
  lifecycle: { value: lifecycle, why: null },
  pattern: { value: 'none', why: null },
});

describe('indicator service', () => {
  it('computes as of the CRM’s today when the page declared one, else now', () => {
    expect(customerHistory(row, [], 500).asOf).toBe(500);
    expect(customerHistory({ ...row, today: 100 }, [], 500).asOf).toBe(100);
  });

  it('feeds models the fields, plus indicator features when computed', () => {
    expect(modelInputs(row, null)).toEqual({ Plan: 'Gold' });
    expect(modelInputs(row, result([value('order_count', 3), value('plan', 'Gold'), value('recency_days', null)]))).toEqual({
      Plan: 'Gold',
      'ind:order_count': Math.log1p(3),
    });
  });

  it('records an indicator row when something changed, or once a day, never twice for the same values', () => {
    const r = result([value('order_count', 3)]);
    const first = indicatorRowIfChanged('s', row, r, 1_000)!;
    expect(first.indicator).toMatchObject({ site: 's', crmId: 'a', computedAt: 1_000, lifecycle: 'growth', pattern: 'none' });
    expect(indicatorRowIfChanged('s', first.customer, r, 2_000)).toBeNull();
    expect(indicatorRowIfChanged('s', first.customer, result([value('order_count', 4)]), 2_000)).not.toBeNull();
    expect(indicatorRowIfChanged('s', first.customer, result([value('order_count', 3)], 'decline'), 2_000)).not.toBeNull();
    expect(indicatorRowIfChanged('s', first.customer, r, 1_000 + INDICATOR_REFRESH_MS)).not.toBeNull();
    expect(indicatorDigest(r)).not.toBe(indicatorDigest(result([value('order_count', null)])));
  });

  it('starts a new visit after a gap and keeps the previous one for comparison', () => {
    const at = (t: number, probability: number): VisitSnapshot => ({ at: t, probability, indicators: {}, contributions: {} });
    const v1 = nextVisits(undefined, at(0, 0.2));
    expect(v1).toEqual({ current: at(0, 0.2) });
    // Within the gap: the same visit, updated, still dated from its start.
    const v2 = nextVisits(v1, at(VISIT_GAP_MS - 1, 0.3));
    expect(v2).toEqual({ current: { ...at(VISIT_GAP_MS - 1, 0.3), at: 0 } });
    const v3 = nextVisits(v2, at(VISIT_GAP_MS + 5, 0.5));
    expect(v3.previous).toEqual(v2.current);
    expect(v3.current).toEqual(at(VISIT_GAP_MS + 5, 0.5));
  });

  it('says what changed since the previous visit: score, indicators, and the drivers that moved most', () => {
    const before = visitSnapshot(10, 0.2, result([value('order_count', 3), value('recency_days', 10), value('plan', null)]), {
      Contract: 0.5,
      tenure: -0.2,
      gender: 0.001,
    });
    const after = visitSnapshot(99, 0.45, result([value('order_count', 3), value('recency_days', 70), value('plan', 'Basic')]), {
      Contract: 0.5,
      tenure: 0.6,
      'ind:recency_days': 0.9,
    });
    expect(sinceLastVisit(undefined, after)).toBeNull();
    const changes = sinceLastVisit(before, after)!;
    expect(changes.at).toBe(10);
    expect(changes.probability).toEqual({ before: 0.2, after: 0.45 });
    expect(changes.indicators).toEqual([
      { id: 'recency_days', before: 10, after: 70 },
      { id: 'plan', before: null, after: 'Basic' },
    ]);
    expect(changes.drivers).toEqual(
      [
        { field: 'tenure', before: -0.2, after: 0.6 },
        { field: 'ind:recency_days', before: 0, after: 0.9 },
      ].sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before)),
    );
  });
});
