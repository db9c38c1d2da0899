/**
 * A scan's main-thread work (its slices and message tasks) costs the page;
 * on a huge list (10,000 rows) it is hundreds of ms, and a CRM that rewrites
 * cells every 100 ms would have the next scan start as soon as the last one
 * ended, starving the page. So a scheduled scan waits `QUIET_FACTOR` times
 * the last scan's work after it: scans take at most 1 / (1 + QUIET_FACTOR)
 * of the main thread.
 * Cheap scans (a few ms) are not delayed beyond the debounce.
 */
export const QUIET_FACTOR = 4;

/** Milliseconds from now until the next scheduled scan may start. */
export function nextScanDelay(now: number, lastScan: { endedAt: number; blockedMs: number }, debounceMs: number): number {
  return Math.max(debounceMs, lastScan.endedAt + lastScan.blockedMs * QUIET_FACTOR - now);
}
