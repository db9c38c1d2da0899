import { describe, expect, it } from 'vitest';
import { calibrate, contributionScale, fitCalibration, fitIsotonic, fitPlatt } from '@/lib/model/calibration';
import { mulberry32 } from '@/lib/model/prng';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** z uniform on [−4, 4], labels drawn with P(y = 1) = σ(a·z + b). */
function sample(n: number, a: number, b: number, seed: number): { z: number[]; y: number[] } {
  const random = mulberry32(seed);
  const z: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = random() * 8 - 4;
    z.push(v);
    y.push(random() < sigmoid(a * v + b) ? 1 : 0);
  }
  return { z, y };
}

describe('fitPlatt', () => {
  it('recovers the slope and intercept that generated the labels', () => {
    const { z, y } = sample(20_000, 2, -1, 1);
    const c = fitPlatt(z, y);
    expect(c.a).toBeCloseTo(2, 1);
    expect(c.b).toBeCloseTo(-1, 1);
  });

  it('solves the first-order conditions on Platt’s smoothed targets: Σ(p − t) = 0 and Σ(p − t)·z = 0', () => {
    const { z, y } = sample(500, 0.7, 0.3, 2);
    const { a, b } = fitPlatt(z, y);
    const positives = y.reduce((s, v) => s + v, 0);
    const hi = (positives + 1) / (positives + 2);
    const lo = 1 / (500 - positives + 2);
    let g0 = 0;
    let g1 = 0;
    z.forEach((v, i) => {
      const r = sigmoid(a * v + b) - (y[i] ? hi : lo);
      g0 += r;
      g1 += r * v;
    });
    expect(Math.abs(g0)).toBeLessThan(1e-6);
    expect(Math.abs(g1)).toBeLessThan(1e-6);
  });

  it('undoes a shift: scores from a model trained with balanced class weights', () => {
    // True log-odds z − 2 (≈ 15 % positives) scored as z: Platt learns b ≈ −2.
    const { z, y } = sample(20_000, 1, -2, 3);
    const c = fitPlatt(z, y);
    expect(c.a).toBeCloseTo(1, 1);
    expect(c.b).toBeCloseTo(-2, 1);
  });

  it('falls back to the identity with one class or no rows', () => {
    expect(fitPlatt([1, 2, 3], [1, 1, 1])).toEqual({ method: 'platt', a: 1, b: 0 });
    expect(fitPlatt([], [])).toEqual({ method: 'platt', a: 1, b: 0 });
  });

  it('stays finite on perfectly separated scores (smoothed targets)', () => {
    const c = fitPlatt([-3, -2, -1, 1, 2, 3], [0, 0, 0, 1, 1, 1]);
    expect(Number.isFinite(c.a) && c.a > 0).toBe(true);
    expect(Number.isFinite(c.b)).toBe(true);
    // The targets are 1/5 and 4/5 (Platt's (N₊+1)/(N₊+2), 1/(N₋+2)): probabilities stay inside them on average.
    expect(calibrate(c, 3)).toBeLessThan(0.999);
  });
});

describe('fitIsotonic', () => {
  it('pools adjacent violators: z 1,2,3,4 with labels 0,1,0,1 → points (1, 0), (2.5, ½), (4, 1)', () => {
    expect(fitIsotonic([4, 2, 1, 3], [1, 1, 0, 0])).toEqual({ method: 'isotonic', x: [1, 2.5, 4], y: [0, 0.5, 1] });
  });

  it('gives tied scores one value', () => {
    expect(fitIsotonic([1, 1, 2], [1, 0, 1])).toEqual({ method: 'isotonic', x: [1, 2], y: [0.5, 1] });
  });

  it('keeps at most maxPoints points, still non-decreasing', () => {
    const { z, y } = sample(5000, 1.5, 0, 4);
    const c = fitIsotonic(z, y, 20);
    expect(c.x.length).toBeLessThanOrEqual(21);
    for (let i = 1; i < c.x.length; i++) {
      expect(c.x[i]!).toBeGreaterThan(c.x[i - 1]!);
      expect(c.y[i]!).toBeGreaterThanOrEqual(c.y[i - 1]!);
    }
  });

  it('already ordered labels stay as they are; one block only gives a flat map around it', () => {
    expect(fitIsotonic([3, 1, 2], [1, 0, 0])).toEqual({ method: 'isotonic', x: [1, 2, 3], y: [0, 0, 1] });
    expect(fitIsotonic([2, 1], [0, 1])).toEqual({ method: 'isotonic', x: [0.5, 2.5], y: [0.5, 0.5] });
  });
});

describe('calibrate', () => {
  it('Platt: σ(a·z + b); none: σ(z)', () => {
    expect(calibrate({ method: 'platt', a: 2, b: -1 }, 0.5)).toBe(0.5);
    expect(calibrate({ method: 'platt', a: 2, b: -1 }, 1)).toBeCloseTo(sigmoid(1), 15);
    expect(calibrate(undefined, 0)).toBe(0.5);
  });

  it('isotonic: linear between points, flat beyond the ends', () => {
    const c = { method: 'isotonic' as const, x: [1, 2.5, 4], y: [0, 0.5, 1] };
    expect(calibrate(c, 0)).toBe(0);
    expect(calibrate(c, 1)).toBe(0);
    expect(calibrate(c, 3)).toBeCloseTo(0.5 + (0.5 / 1.5) * 0.5, 12);
    expect(calibrate(c, 2.5)).toBe(0.5);
    expect(calibrate(c, 9)).toBe(1);
  });

  it('contributions scale by Platt’s slope only', () => {
    expect(contributionScale({ method: 'platt', a: 0.8, b: 1 })).toBe(0.8);
    expect(contributionScale({ method: 'isotonic', x: [0, 1], y: [0, 1] })).toBe(1);
    expect(contributionScale(undefined)).toBe(1);
  });

  it('fitCalibration picks the method', () => {
    expect(fitCalibration('none', [1], [1])).toBeUndefined();
    expect(fitCalibration('platt', [0, 1, 2, 3], [0, 1, 0, 1])!.method).toBe('platt');
    expect(fitCalibration('isotonic', [0, 1, 2, 3], [0, 1, 0, 1])!.method).toBe('isotonic');
  });
});
