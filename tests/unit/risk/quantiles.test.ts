import { describe, expect, it } from 'vitest';
import { probabilityHistogram } from '@/lib/risk/histogram';
import { sharesFromThresholds, strictlyIncreasing, thresholdsFromShares, validateShares } from '@/lib/risk/quantiles';
import { tierFor } from '@/lib/risk/tiers';

/** 1,000 scores evenly spread over (0, 1): 0.0005, 0.0015, … */
const even = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);

describe('thresholdsFromShares', () => {
  it('puts the asked share of customers in each tier ("top 2 % = tier 5")', () => {
    const thresholds = thresholdsFromShares(even, [0.02, 0.08, 0.2, 0.3], [0.1, 0.25, 0.45, 0.65]);
    const counts = [0, 0, 0, 0, 0];
    for (const p of even) counts[tierFor(p, thresholds) - 1]!++;
    expect(counts).toEqual([400, 300, 200, 80, 20]);
    expect(sharesFromThresholds(even, thresholds).map((s) => Math.round(s * 1000) / 1000)).toEqual([0.02, 0.08, 0.2, 0.3]);
  });

  it('keeps the thresholds strictly increasing inside (0, 1) when scores tie or a share is 0', () => {
    const tied = Array.from({ length: 100 }, () => 0.5);
    const thresholds = thresholdsFromShares(tied, [0.1, 0.1, 0.1, 0.1], [0.1, 0.25, 0.45, 0.65]);
    for (let i = 1; i < 4; i++) expect(thresholds[i]!).toBeGreaterThan(thresholds[i - 1]!);
    expect(thresholds[0]).toBe(0.5);
    const below = even.map((p) => p * 0.99);
    const nobodyOnTop = thresholdsFromShares(below, [0, 0.1, 0.1, 0.1], [0.1, 0.25, 0.45, 0.65]);
    expect(nobodyOnTop[3]!).toBeLessThan(1);
    expect(below.filter((p) => p >= nobodyOnTop[3]!)).toEqual([]);
  });

  it('keeps the current thresholds when nothing is scored yet', () => {
    expect(thresholdsFromShares([], [0.02, 0.08, 0.2, 0.3], [0.1, 0.25, 0.45, 0.65])).toEqual([0.1, 0.25, 0.45, 0.65]);
    expect(sharesFromThresholds([], [0.1, 0.25, 0.45, 0.65])).toEqual([0, 0, 0, 0]);
  });
});

describe('strictlyIncreasing', () => {
  it('clamps into (0, 1) and separates equal neighbours', () => {
    expect(strictlyIncreasing([0, 0, 1, 1])).toEqual([0.001, 0.002, 0.998, 0.999]);
    expect(strictlyIncreasing([0.2, 0.2, 0.3, 0.4])).toEqual([0.2, 0.201, 0.3, 0.4]);
  });
});

describe('validateShares', () => {
  it('names what is wrong', () => {
    expect(validateShares([0.02, 0.08, 0.2, 0.3])).toBeNull();
    expect(validateShares([0.5, 0.5, 0.1, 0])).toBe('sum');
    expect(validateShares([-0.1, 0, 0, 0])).toBe('range');
    expect(validateShares([Number.NaN, 0, 0, 0])).toBe('range');
    expect(validateShares([0.1, 0.1])).toBe('count');
  });
});

describe('probabilityHistogram', () => {
  it('counts scores in equal bins over [0, 1], 1 in the last bin', () => {
    const bins = probabilityHistogram([0, 0.05, 0.1, 0.55, 1, Number.NaN], 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 0.1, count: 2 });
    expect(bins[1]!.count).toBe(1);
    expect(bins[5]!.count).toBe(1);
    expect(bins[9]!.count).toBe(1);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
  });
});
