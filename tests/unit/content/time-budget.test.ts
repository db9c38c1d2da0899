import { describe, expect, it } from 'vitest';
import { createTimeBudget, nextScanDelay, QUIET_FACTOR } from '@/lib/content/time-budget';

describe('time budget', () => {
  it('allows work until the capacity is spent, then refills with time', () => {
    const budget = createTimeBudget(40, 1000);
    expect(budget.available(0)).toBe(true);
    budget.spend(30, 0);
    expect(budget.available(0)).toBe(true);
    budget.spend(15, 0);
    expect(budget.available(0)).toBe(false); // -5 ms left
    expect(budget.available(100)).toBe(false); // +4 ms → -1
    expect(budget.available(150)).toBe(true); // +2 ms more → +1
  });

  it('never stores more than its capacity', () => {
    const budget = createTimeBudget(40, 1000);
    budget.spend(0, 0);
    expect(budget.available(60_000)).toBe(true);
    budget.spend(41, 60_000);
    expect(budget.available(60_000)).toBe(false);
  });

  it('a costly scan is followed by a quiet time proportional to it; cheap scans only by the debounce', () => {
    expect(nextScanDelay(1000, { endedAt: 1000, blockedMs: 300 }, 16)).toBe(300 * QUIET_FACTOR);
    expect(nextScanDelay(1900, { endedAt: 1000, blockedMs: 300 }, 16)).toBe(300);
    expect(nextScanDelay(5000, { endedAt: 1000, blockedMs: 300 }, 16)).toBe(16);
    expect(nextScanDelay(1000, { endedAt: 1000, blockedMs: 2 }, 16)).toBe(16);
    expect(nextScanDelay(0, { endedAt: -Infinity, blockedMs: 0 }, 16)).toBe(16);
  });
});
