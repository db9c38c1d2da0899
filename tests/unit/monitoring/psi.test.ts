import { describe, expect, it } from 'vitest';
import { psi, psiLevel, PSI_FLOOR } from '@/lib/monitoring/psi';

describe('psi', () => {
  it('matches a hand-computed case', () => {
    // Σ (a − e) ln(a / e): (−0.15)ln 0.4 + (−0.05)ln 0.8 + 0.05 ln 1.2 + 0.15 ln 1.6
    //   = 0.137444 + 0.011157 + 0.009116 + 0.070501 = 0.228218
    expect(psi([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.228218, 5);
  });

  it('reads counts as shares, is zero for the same distribution and symmetric', () => {
    expect(psi([10, 30, 60], [1, 3, 6])).toBeCloseTo(0, 12);
    expect(psi([0.2, 0.8], [0.5, 0.5])).toBeCloseTo(psi([0.5, 0.5], [0.2, 0.8]), 12);
  });

  it('floors empty bins instead of going infinite', () => {
    const value = psi([0.5, 0.5, 0], [0.5, 0.4, 0.1]);
    // the empty training bin counts as PSI_FLOOR: 0.1·ln(0.1/1e-4) dominates
    const expected = (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.1 - PSI_FLOOR) * Math.log(0.1 / PSI_FLOOR);
    expect(value).toBeCloseTo(expected, 10);
    expect(Number.isFinite(value)).toBe(true);
  });

  it('refuses different bins and has no figure for an empty side', () => {
    expect(() => psi([0.5, 0.5], [1])).toThrow(RangeError);
    expect(psi([0.5, 0.5], [0, 0])).toBeNaN();
  });

  it('levels: stable to 0.1, watch to 0.2, drift above', () => {
    expect(psiLevel(0.05)).toBe('stable');
    expect(psiLevel(0.1)).toBe('stable');
    expect(psiLevel(0.15)).toBe('watch');
    expect(psiLevel(0.2)).toBe('watch');
    expect(psiLevel(0.228)).toBe('drift');
    expect(psiLevel(Number.NaN)).toBe('stable');
  });
});
