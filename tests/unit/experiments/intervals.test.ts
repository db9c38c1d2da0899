import { describe, expect, it } from 'vitest';
import { newcombeDifference, wilsonInterval } from '@/lib/experiments/stats/intervals';
import { normalCdf, normalQuantile } from '@/lib/experiments/stats/normal';

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

describe('normal distribution', () => {
  it('gives the textbook quantiles and inverts the cdf', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 5);
    for (const p of [0.001, 0.05, 0.3, 0.5, 0.9, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('Wilson interval', () => {
  // Newcombe RG (1998a) Two-sided confidence intervals for the single proportion. Stat Med 17:857–872, Table II, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f to %f (Newcombe 1998a)', (events, n, low, high) => {
    const ci = wilsonInterval(events, n);
    expect(round4(ci.low)).toBe(low);
    expect(round4(ci.high)).toBe(high);
  });
  it('is the whole range without customers and narrows with more of them', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const small = wilsonInterval(10, 50);
    const large = wilsonInterval(100, 500);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(wilsonInterval(20, 20).high).toBe(1);
  });
});

describe('Newcombe hybrid score interval for a difference', () => {
  // Newcombe RG (1998b) Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Stat Med 17:873–890, Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i → %f to %f (Newcombe 1998b)', (e1, n1, e2, n2, low, high) => {
    const ci = newcombeDifference(e1, n1, e2, n2);
    expect(round4(ci.low)).toBe(low);
    expect(round4(ci.high)).toBe(high);
    expect(ci.estimate).toBeCloseTo(e1 / n1 - e2 / n2, 12);
  });
  it('is antisymmetric: swapping the arms mirrors the interval', () => {
    const a = newcombeDifference(30, 120, 18, 110);
    const b = newcombeDifference(18, 110, 30, 120);
    expect(b.low).toBeCloseTo(-a.high, 12);
    expect(b.high).toBeCloseTo(-a.low, 12);
  });
});
