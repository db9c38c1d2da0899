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
