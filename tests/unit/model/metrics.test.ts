import { describe, expect, it } from 'vitest';
import { averagePrecision, brierScore, logLoss, mean, rocAuc, sd } from '@/lib/model/metrics';

describe('rocAuc', () => {
  it('matches a hand count of ordered pairs', () => {
    // positives 0.9, 0.7, 0.4; negatives 0.8, 0.6
    // 0.9 beats both, 0.7 beats 0.6 only, 0.4 beats none → 3 of 6 pairs
    expect(rocAuc([1, 0, 1, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.4])).toBeCloseTo(3 / 6, 12);
  });

  it('counts ties as one half', () => {
    // positives 0.5, 0.8; negatives 0.5, 0.2 → (0.5 + 1) + (1 + 1) = 3.5 of 4
    expect(rocAuc([1, 0, 1, 0], [0.5, 0.5, 0.8, 0.2])).toBeCloseTo(3.5 / 4, 12);
    expect(rocAuc([1, 0, 1, 0], [0.3, 0.3, 0.3, 0.3])).toBe(0.5);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, NaN with one class', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
    expect(rocAuc([1, 1], [0.1, 0.2])).toBeNaN();
  });

  it('accepts booleans and typed arrays', () => {
    expect(rocAuc([true, false, true], Float32Array.from([0.9, 0.1, 0.5]))).toBe(1);
  });
});

describe('averagePrecision (PR AUC)', () => {
  it('matches the hand computation Σ (R_n − R_n−1) P_n', () => {
    // ranks: + − + − + → at each positive: P = 1, 2/3, 3/5, each worth ΔR = 1/3
    expect(averagePrecision([1, 0, 1, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.4])).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 3, 12);
  });

  it('treats tied scores as one threshold', () => {
    // threshold 0.5: tp 1 of 2 seen, R = 1/2 → 1/2·1/2; threshold 0.2: tp 2 of 3, R = 1 → 1/2·2/3
    expect(averagePrecision([1, 0, 1], [0.5, 0.5, 0.2])).toBeCloseTo(0.25 + 1 / 3, 12);
  });

  it('is 1 for a perfect ranking and NaN without positives', () => {
    expect(averagePrecision([0, 1, 1], [0.1, 0.8, 0.9])).toBe(1);
    expect(averagePrecision([0, 0], [0.1, 0.8])).toBeNaN();
  });
});

describe('brierScore and logLoss', () => {
  it('match hand-computed values', () => {
    expect(brierScore([1, 0], [0.8, 0.3])).toBeCloseTo((0.04 + 0.09) / 2, 12);
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
  });

  it('log loss stays finite for certain wrong answers', () => {
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 6);
  });

  it('rejects mismatched lengths', () => {
    expect(() => brierScore([1, 0], [0.5])).toThrow(/differ/);
  });
});

describe('mean and sd', () => {
  it('sample standard deviation (n − 1)', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sd([3])).toBe(0);
    expect(mean([])).toBeNaN();
  });
});
