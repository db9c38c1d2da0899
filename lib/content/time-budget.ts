/**
 * A scan's synchronous part (finding the list, reading the rows on screen)
 * blocks the page; on a huge list (10,000 rows) finding the list alone costs
 * tens of ms, and a CRM that re-renders constantly would have the next scan
 * start as soon as the last one ended, starving the page. So a scheduled
 * scan waits `QUIET_FACTOR` times the last scan's blocking time after it:
 * scans take at most 1 / (1 + QUIET_FACTOR) of the main thread. Cheap scans
 * (a few ms) are not delayed beyond the debounce. (Changes inside known rows
 * need no scan: the scanner re-reads those rows in idle time.)
 */
export const QUIET_FACTOR = 4;

/** Milliseconds from now until the next scheduled scan may start. */
export function nextScanDelay(now: number, lastScan: { endedAt: number; blockedMs: number }, debounceMs: number): number {
  return Math.max(debounceMs, lastScan.endedAt + lastScan.blockedMs * QUIET_FACTOR - now);
}
