import { describe, expect, it } from 'vitest';
import { nextScanDelay, QUIET_FACTOR } from '@/lib/content/time-budget';

describe('time budget', () => {
  it('a costly scan is followed by a quiet time proportional to it; cheap scans only by the debounce', () => {
    expect(nextScanDelay(1000, { endedAt: 1000, blockedMs: 300 }, 16)).toBe(300 * QUIET_FACTOR);
    expect(nextScanDelay(1900, { endedAt: 1000, blockedMs: 300 }, 16)).toBe(300);
    expect(nextScanDelay(5000, { endedAt: 1000, blockedMs: 300 }, 16)).toBe(16);
    expect(nextScanDelay(1000, { endedAt: 1000, blockedMs: 2 }, 16)).toBe(16);
    expect(nextScanDelay(0, { endedAt: -Infinity, blockedMs: 0 }, 16)).toBe(16);
  });
});
