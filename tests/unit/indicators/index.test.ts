import { describe, expect, it } from 'vitest';
import { computeIndicators, indicatorFeatures } from '@/lib/indicators';
import { INDICATOR_DEFINITIONS } from '@/lib/indicators/definitions';
import { computeSnapshotIndicators } from '@/lib/indicators/snapshot-indicators';
import type { IndicatorResult } from '@/lib/indicators/types';
import { contact, history, note, order, payment, SETTINGS, ticket } from './helpers';

const rich = history({
  fields: {
    Status: 'Active',
    Plan: 'DSL',
    'Monthly fee': '$50',
    Tenure: '14 months',
    Contract: 'One year',
    PaymentMethod: 'Electronic check',
    Age: '40',
    'Auto renew': 'No',
    CSAT: '4',
  },
  observations: [{ at: 0, fields: { 'Monthly fee': '$60' } }],
  activities: [
    order(200, 40, { quantity: 2, text: 'Jazz' }),
    order(100, 30, { quantity: 1, text: 'Jazz' }),
    order(20, 10, { quantity: 1, text: 'Rock' }),
    ticket(15, 'Open', 'not happy'),
    note(8, 'mentions Acme'),
    contact(3),
    payment(30, 'Failed'),
  ],
});

describe('computeIndicators', () => {
  it('returns every catalogue indicator exactly once, in catalogue order, with its category', () => {
    const { values } = computeIndicators(rich, SETTINGS);
    expect(values.map((v) => v.id)).toEqual(INDICATOR_DEFINITIONS.map((d) => d.id));
    expect(values.map((v) => v.category)).toEqual(INDICATOR_DEFINITIONS.map((d) => d.category));
  });

  it('every available value has a display, a bilingual meaning and a direction; trends only where compared', () => {
    for (const v of computeIndicators(rich, SETTINGS).values) {
      if (v.value === null) continue;
      expect(v.display, v.id).toEqual(expect.any(String));
      expect(v.meaning?.en, v.id).toEqual(expect.any(String));
      expect(v.meaning?.zh, v.id).toMatch(/[\u4e00-\u9fff]/);
      expect(['raises', 'lowers', 'neutral']).toContain(v.direction);
      expect([null, 'up', 'down', 'flat']).toContain(v.trend);
    }
  });

  it('an empty history invents nothing', () => {
    const result = computeIndicators(history(), SETTINGS);
    for (const v of result.values) expect(v, v.id).toMatchObject({ value: null, display: null, meaning: null, trend: null, direction: 'neutral' });
    expect(result.lifecycle).toEqual({ value: null, why: null });
    expect(result.pattern).toEqual({ value: null, why: null });
  });

  it('does not depend on the order activities come in', () => {
    const reversed = { ...rich, activities: [...rich.activities].reverse() };
    expect(computeIndicators(reversed, SETTINGS)).toEqual(computeIndicators(rich, SETTINGS));
  });

  it('does not change its input', () => {
    const copy = structuredClone(rich);
    computeIndicators(rich, SETTINGS);
    expect(rich).toEqual(copy);
  });
});

describe('indicatorFeatures', () => {
  const result = (values: [string, number | string | null][]): IndicatorResult => ({
    values: values.map(([id, value]) => ({ id, category: 'consumption', value, display: null, direction: 'neutral' })),
    lifecycle: { value: null, why: null },
    pattern: { value: null, why: null },
  });

  it('keys numeric values ind:<id>, log-scaling where the catalogue says so', () => {
    const f = indicatorFeatures(
      result([
        ['recency_days', 12],
        ['order_count', 5],
        ['spend_trend', -0.4],
        ['total_spend', 0],
      ]),
    );
    expect(f).toEqual({ 'ind:recency_days': 12, 'ind:order_count': Math.log(6), 'ind:spend_trend': -0.4, 'ind:total_spend': 0 });
  });

  it('log scaling keeps the sign', () => {
    expect(indicatorFeatures(result([['total_spend', -9]]))['ind:total_spend']).toBeCloseTo(-Math.log(10), 12);
  });

  it('yes/no become 1/0; text and unavailable values are left out', () => {
    expect(
      indicatorFeatures(
        result([
          ['auto_renew', 'yes'],
          ['senior', 'no'],
          ['plan', 'DSL'],
          ['tenure', null],
        ]),
      ),
    ).toEqual({ 'ind:auto_renew': 1, 'ind:senior': 0 });
  });

  it('on a real result: only numbers, one per available numeric indicator', () => {
    const r = computeIndicators(rich, SETTINGS);
    const f = indicatorFeatures(r);
    const numeric = r.values.filter((v) => typeof v.value === 'number' || v.value === 'yes' || v.value === 'no');
    expect(Object.keys(f).sort()).toEqual(numeric.map((v) => `ind:${v.id}`).sort());
    for (const x of Object.values(f)) expect(Number.isFinite(x)).toBe(true);
    expect(f['ind:payment_method']).toBeUndefined();
  });
});

describe('computeSnapshotIndicators (fields only)', () => {
  it('is the catalogue on a history of just the fields', () => {
    const values = computeSnapshotIndicators({ Tenure: '2 months', 'Customer since': '2024-01-01' });
    expect(values).toHaveLength(INDICATOR_DEFINITIONS.length);
    expect(values.find((v) => v.id === 'tenure')).toMatchObject({ value: 2, display: '2 months' });
  });

  it('without a today, date-relative fields are not read', () => {
    expect(computeSnapshotIndicators({ 'Customer since': '2024-01-01' }).find((v) => v.id === 'tenure')!.value).toBeNull();
    expect(computeSnapshotIndicators({ 'Customer since': '2024-01-01' }, Date.UTC(2024, 6, 1)).find((v) => v.id === 'tenure')!.value).toBe(6);
  });
});
