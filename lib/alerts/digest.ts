/**
 * The popup's daily digest: over the last 24 hours, how many customers rose
 * to tier 5 and to tier 4 (each customer once, at the highest tier reached),
 * how many passed their contact due time, how many alerts quiet hours or the
 * daily cap held back, and the latest customers to open.
 */
import type { AlertEvent } from './alert-log';

const DIGEST_WINDOW_MS = 86_400_000;
/** Customers listed under the counts. */
const DIGEST_LATEST = 5;

export interface AlertDigest {
  /** Customers who rose to tier 5 / tier 4 (and not on to 5) in the window. */
  roseTo5: number;
  roseTo4: number;
  /** Customers whose due time passed with no action. */
  overdue: number;
  /** Alerts not shown because of quiet hours or the daily cap. */
  heldBack: number;
  /** The latest alerted customers, newest first, each once. */
  latest: AlertEvent[];
}

export function digestOf(events: readonly AlertEvent[], now: number): AlertDigest {
  const recent = events.filter((event) => event.at > now - DIGEST_WINDOW_MS && event.at <= now);
  const keyOf = (event: AlertEvent) => `${event.site}\u0000${event.crmId}`;
  const highest = new Map<string, number>();
  const overdue = new Set<string>();
  for (const event of recent) {
    if (event.kind === 'rise') highest.set(keyOf(event), Math.max(highest.get(keyOf(event)) ?? 0, event.tier));
    else overdue.add(keyOf(event));
  }
  const tiers = [...highest.values()];
  const latest: AlertEvent[] = [];
  const listed = new Set<string>();
  for (let i = recent.length - 1; i >= 0 && latest.length < DIGEST_LATEST; i--) {
    const event = recent[i]!;
    if (listed.has(keyOf(event))) continue;
    listed.add(keyOf(event));
    latest.push(event);
  }
  return {
    roseTo5: tiers.filter((tier) => tier >= 5).length,
    roseTo4: tiers.filter((tier) => tier === 4).length,
    overdue: overdue.size,
    heldBack: recent.filter((event) => event.delivery === 'quiet' || event.delivery === 'capped').length,
    latest,
  };
}
