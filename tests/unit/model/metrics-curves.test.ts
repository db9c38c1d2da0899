import { describe, expect, it } from 'vitest';
import { confusionAt, liftTable, oofSample, prCurve, reliabilityBins, rocCurve, thin, tierTable } from '@/lib/model/metrics-curves';

// Worked by hand: P = 3, N = 2; distinct scores 0.9, 0.8 (a positive and a negative), 0.3, 0.2.
const scores = [0.9, 0.8, 0.8, 0.3, 0.2];
const labels = [1, 0, 1, 0, 1];

describe('rocCurve and prCurve', () => {
  it('one point per distinct score, descending, ties taken together', () => {
    expect(rocCurve(labels, scores)).toEqual([
      { threshold: 1, x: 0, y: 0 },
      { threshold: 0.9, x: 0, y: 1 / 3 },
      { threshold: 0.8, x: 0.5, y: 2 / 3 },
      { threshold: 0.3, x: 1, y: 2 / 3 },
      { threshold: 0.2, x: 1, y: 1 },
    ]);
    expect(prCurve(labels, scores)).toEqual([
      { threshold: 0.9, x: 1 / 3, y: 1 },
      { threshold: 0.8, x: 2 / 3, y: 2 / 3 },
      { threshold: 0.3, x: 2 / 3, y: 0.5 },
      { threshold: 0.2, x: 1, y: 0.6 },
    ]);
  });

  it('thins long curves to at most maxPoints, keeping both ends', () => {
    const many = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const y = many.map((_, i) => (i % 3 === 0 ? 1 : 0));
    const roc = rocCurve(y, many, 50);
    expect(roc).toHaveLength(50);
    expect(roc[0]).toEqual({ threshold: 1, x: 0, y: 0 });
    expect(roc[49]).toMatchObject({ x: 1, y: 1 });
    expect(thin([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 3, 6, 9]);
  });

  it('is empty when a class is missing', () => {
    expect(rocCurve([1, 1], [0.2, 0.4])).toEqual([]);
    expect(prCurve([0, 0], [0.2, 0.4])).toEqual([]);
    expect(() => rocCurve([1], [0.1, 0.2])).toThrow(RangeError);
  });
});

describe('confusionAt', () => {
  it('predicts churn at p ≥ threshold', () => {
    expect(confusionAt(labels, scores, 0.5)).toEqual({
      threshold: 0.5,
      tp: 2,
      fp: 1,
      tn: 1,
      fn: 1,
      precision: 2 / 3,
      recall: 2 / 3,
      f1: 2 / 3,
      accuracy: 3 / 5,
    });
    // Exactly at a score counts as predicted churn.
    expect(confusionAt(labels, scores, 0.8)).toMatchObject({ tp: 2, fp: 1 });
  });

  it('zero rates when nobody is predicted (no division by zero)', () => {
    expect(confusionAt(labels, scores, 0.95)).toEqual({ threshold: 0.95, tp: 0, fp: 0, tn: 2, fn: 3, precision: 0, recall: 0, f1: 0, accuracy: 2 / 5 });
    expect(confusionAt([], [], 0.5)).toMatchObject({ accuracy: 0 });
  });
});

describe('reliabilityBins', () => {
  it('equal-width bins, empty ones left out, 1 in the last bin', () => {
    expect(reliabilityBins([...labels, 1], [...scores, 1])).toEqual([
      { lo: 0.2, hi: 0.3, count: 1, meanPredicted: 0.2, observedRate: 1 },
      { lo: 0.3, hi: 0.4, count: 1, meanPredicted: 0.3, observedRate: 0 },
      { lo: 0.8, hi: 0.9, count: 2, meanPredicted: 0.8, observedRate: 0.5 },
      { lo: 0.9, hi: 1, count: 2, meanPredicted: 0.95, observedRate: 1 },
    ]);
  });
});

describe('liftTable', () => {
  it('deciles from the highest score down, with lift and cumulative gain', () => {
    // Ten rows, highest score first: positives at ranks 1, 2, 4 and 9 (4 of 10, rate 0.4).
    const y = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0];
    const s = y.map((_, i) => 1 - i / 10);
    const table = liftTable(y, s);
    expect(table.map((r) => r.positives)).toEqual(y);
    expect(table.map((r) => r.count)).toEqual(Array(10).fill(1));
    expect(table[0]).toEqual({ decile: 1, count: 1, positives: 1, rate: 1, lift: 2.5, cumulativeGain: 0.25 });
    expect(table.map((r) => r.cumulativeGain)).toEqual([0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 0.75, 0.75, 1, 1]);
    expect(table[2]!.lift).toBe(0);
  });

  it('splits n rows as ⌊(k−1)n/10⌋ … ⌊kn/10⌋', () => {
    const n = 25;
    const table = liftTable(
      Array(n).fill(0),
      Array.from({ length: n }, (_, i) => i),
    );
    expect(table.map((r) => r.count)).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    expect(table.every((r) => r.lift === 0 && r.cumulativeGain === 0)).toBe(true);
    expect(liftTable([], [])).toEqual([]);
  });
});

describe('tierTable', () => {
  const oof = { p: [0.05, 0.2, 0.3, 0.5, 0.7, 0.9, 0.65], y: [0, 0, 1, 0, 1, 1, 0] };

  it('share and churn rate per tier at the default cut-offs 10 / 25 / 45 / 65 %', () => {
    expect(tierTable(oof)).toEqual([
      { tier: 1, lo: 0, hi: 0.1, count: 1, share: 1 / 7, positives: 0, churnRate: 0 },
      { tier: 2, lo: 0.1, hi: 0.25, count: 1, share: 1 / 7, positives: 0, churnRate: 0 },
      { tier: 3, lo: 0.25, hi: 0.45, count: 1, share: 1 / 7, positives: 1, churnRate: 1 },
      { tier: 4, lo: 0.45, hi: 0.65, count: 1, share: 1 / 7, positives: 0, churnRate: 0 },
      { tier: 5, lo: 0.65, hi: 1, count: 3, share: 3 / 7, positives: 2, churnRate: 2 / 3 },
    ]);
  });

  it('recomputes for other cut-offs; an empty tier has no churn rate', () => {
    const t = tierTable(oof, [0.1, 0.25, 0.45, 0.95]);
    expect(t[3]).toMatchObject({ count: 4, positives: 2, churnRate: 0.5 });
    expect(t[4]).toMatchObject({ lo: 0.95, hi: 1, count: 0, share: 0, churnRate: null });
  });
});

describe('oofSample', () => {
  it('keeps every pair when there are few, p rounded to 4 decimals', () => {
    expect(oofSample([0.123456, 0.5], [1, 0])).toEqual({ p: [0.1235, 0.5], y: [1, 0] });
  });

  it('samples exactly max pairs in row order, the same for the same seed', () => {
    const p = Array.from({ length: 10_000 }, (_, i) => i / 10_000);
    const y = p.map((_, i) => i % 2);
    const a = oofSample(p, y, 2000, 7);
    expect(a.p).toHaveLength(2000);
    expect(a.p).toEqual([...a.p].sort((u, v) => u - v));
    a.p.forEach((v, i) => expect(a.y[i]).toBe(Math.round(v * 10_000) % 2));
    expect(oofSample(p, y, 2000, 7)).toEqual(a);
    expect(oofSample(p, y, 2000, 8)).not.toEqual(a);
  });
});
