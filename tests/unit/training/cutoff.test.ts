import { describe, expect, it } from 'vitest';
import { bestF1Cutoff, metricsAtCutoff, tierRows } from '@/lib/training/cutoff';

describe('metrics at a cut-off', () => {
  const p = [0.9, 0.8, 0.6, 0.4, 0.3, 0.1];
  const y = [1, 0, 1, 1, 0, 0];
  it('counts p ≥ cut-off as predicted churn', () => {
    // At 0.6: predicted 0.9 (tp), 0.8 (fp), 0.6 (tp); not: 0.4 (fn), 0.3 (tn), 0.1 (tn).
    const m = metricsAtCutoff(p, y, 0.6);
    expect(m).toMatchObject({ threshold: 0.6, tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
  });
  it('gives 0 for rates with nothing to divide by', () => {
    const m = metricsAtCutoff(p, y, 0.95);
    expect(m).toMatchObject({ tp: 0, fp: 0, tn: 3, fn: 3, precision: 0, recall: 0, f1: 0, accuracy: 0.5 });
    expect(metricsAtCutoff([], [], 0.5)).toMatchObject({ accuracy: 0, precision: 0 });
  });
});

describe('tier rows', () => {
  it('puts lo ≤ p < hi in each tier, p = 1 in tier 5, with share and churn rate', () => {
    const p = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1];
    const y = [0, 0, 1, 0, 1, 1, 1];
    const rows = tierRows(p, y, [0.1, 0.25, 0.45, 0.65]);
    expect(rows.map((r) => [r.tier, r.count, r.positives])).toEqual([
      [1, 1, 0],
      [2, 2, 1],
      [3, 1, 0],
      [4, 1, 1],
      [5, 2, 2],
    ]);
    expect(rows[1]).toMatchObject({ lo: 0.1, hi: 0.25, share: 2 / 7, churnRate: 0.5 });
    expect(rows[4]).toMatchObject({ lo: 0.65, hi: 1, churnRate: 1 });
  });
  it('leaves the churn rate of an empty tier null', () => {
    expect(tierRows([0.05], [1], [0.1, 0.25, 0.45, 0.65])[4]).toMatchObject({ count: 0, share: 0, churnRate: null });
  });
});

describe('best F1 cut-off', () => {
  it('picks the grid point with the highest F1 (the first of equals)', () => {
    // Separable at any cut in (0.3, 0.7]: F1 = 1 first reached at 0.31.
    expect(bestF1Cutoff([0.2, 0.3, 0.7, 0.8], [0, 0, 1, 1])).toBe(0.31);
    expect(bestF1Cutoff([], [])).toBe(0.5);
  });
});
