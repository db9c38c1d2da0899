/**
 * A token bucket of main-thread time: `capacityMs` may be spent per
 * `periodMs`, refilled continuously. Used to bound work done inside the CRM's
 * own tasks.
 */
export function createTimeBudget(capacityMs: number, periodMs: number) {
  let tokens = capacityMs;
  let updatedAt = -Infinity;
  const refill = (now: number) => {
    if (updatedAt !== -Infinity) tokens = Math.min(capacityMs, tokens + ((now - updatedAt) * capacityMs) / periodMs);
    updatedAt = now;
  };
  return {
    /** True when some budget is left at `now`. */
    available(now: number): boolean {
      refill(now);
      return tokens > 0;
    },
    spend(ms: number, now: number): void {
      refill(now);
      tokens -= ms;
    },
  };
}

/**
 * A scan's synchronous part blocks the page; on a huge list (10,000 rows)
 * it costs hundreds of ms, and a CRM that rewrites cells every 100 ms would
 * have the next scan start as soon as the last one ended, starving the page.
 * So a scheduled scan waits `QUIET_FACTOR` times the last scan's blocking
 * time after it: scans take at most 1 / (1 + QUIET_FACTOR) of the main thread.
 * Cheap scans (a few ms) are not delayed beyond the debounce.
 */
export const QUIET_FACTOR = 4;

/** Milliseconds from now until the next scheduled scan may start. */
export function nextScanDelay(now: number, lastScan: { endedAt: number; blockedMs: number }, debounceMs: number): number {
  return Math.max(debounceMs, lastScan.endedAt + lastScan.blockedMs * QUIET_FACTOR - now);
}
