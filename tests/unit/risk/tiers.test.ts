import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_THRESHOLDS, tierFor, validateThresholds } from '@/lib/risk/tiers';

describe('tierFor', () => {
  const cuts = [0.1, 0.25, 0.45, 0.65];
  it.each([
    [0, 1],
    [0.0999, 1],
    [0.1, 2],
    [0.3, 3],
    [0.45, 4],
    [0.649, 4],
    [0.65, 5],
    [1, 5],
  ])('p=%s → tier %s', (p, tier) => expect(tierFor(p, cuts)).toBe(tier));
});

describe('validateThresholds', () => {
  it('accepts the defaults', () => expect(validateThresholds(DEFAULT_TIER_THRESHOLDS)).toBeNull());
  it('rejects wrong count, out of range and non-increasing', () => {
    expect(validateThresholds([0.1, 0.2, 0.3])).toMatch(/four/);
    expect(validateThresholds([0, 0.2, 0.3, 0.4])).toMatch(/between 0 and 1/);
    expect(validateThresholds([0.1, 0.3, 0.3, 0.4])).toMatch(/increase/);
    expect(validateThresholds([0.1, 0.2, 0.3, Number.NaN])).toMatch(/between/);
  });
});
