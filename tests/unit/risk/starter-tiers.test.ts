import { describe, expect, it } from 'vitest';
import { canCalibrate, percentileOf, tierOfPercentile } from '@/lib/risk/starter-tiers';

describe('percentileOf', () => {
  const sorted = Float64Array.from([0.1, 0.2, 0.2, 0.3, 0.9]);
  it('is the whole percentage of the site’s scores strictly below', () => {
    expect(percentileOf(sorted, 0.05)).toBe(0);
    expect(percentileOf(sorted, 0.1)).toBe(0);
    expect(percentileOf(sorted, 0.2)).toBe(20); // ties are not "riskier than"
    expect(percentileOf(sorted, 0.25)).toBe(60);
    expect(percentileOf(sorted, 0.9)).toBe(80);
    expect(percentileOf(sorted, 0.95)).toBe(100);
  });
  it('rounds down, so nobody is "riskier than 100 %" of a site they are part of', () => {
    const many = Float64Array.from({ length: 3 }, (_, i) => i / 3);
    expect(percentileOf(many, 0.5)).toBe(66);
    expect(percentileOf(many, many[2]!)).toBe(66);
  });
  it('has nothing to say without scores or about a non-number', () => {
    expect(percentileOf([], 0.5)).toBeNull();
    expect(percentileOf(sorted, Number.NaN)).toBeNull();
  });
});

describe('canCalibrate', () => {
  it('needs 30 outcomes with at least 10 of each', () => {
    expect(canCalibrate(10, 20)).toBe(true);
    expect(canCalibrate(9, 30)).toBe(false);
    expect(canCalibrate(20, 9)).toBe(false);
    expect(canCalibrate(10, 19)).toBe(false);
  });
});

describe('tierOfPercentile', () => {
  it('gives the site’s top 10 % tier 5, next 15 % tier 4, 17 % tier 3, 20 % tier 2, the rest tier 1', () => {
    expect([99, 90, 89, 75, 74, 58, 57, 38, 37, 0].map((p) => tierOfPercentile(p))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
  it('of 25 customers puts 2 or 3 in tier 5, as the share asks', () => {
    const tiers = Array.from({ length: 25 }, (_, below) => tierOfPercentile(Math.floor((100 * below) / 25)));
    expect(tiers.filter((t) => t === 5)).toHaveLength(2);
    expect(new Set(tiers).size).toBe(5);
  });
});
