import { twoSidedZ } from './normal';

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson's score interval for a proportion (Wilson 1927; method 3 of
 * Newcombe 1998a): no zero-width interval at 0 or n events, good coverage at
 * small n, unlike the Wald interval. n = 0 gives the whole range [0, 1].
 */
export function wilsonInterval(events: number, n: number, alpha = 0.05): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const z = twoSidedZ(alpha);
  const p = events / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n events one bound is exactly 0 or 1; rounding must not leave it at ±1e-17.
  return { low: events === 0 ? 0 : Math.max(0, centre - half), high: events === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval for p1 − p2 of two independent
 * proportions (method 10 of Newcombe 1998b), built from each arm's Wilson
 * interval: good coverage where the Wald interval fails (small n, rates near
 * 0 or 1), and it never leaves [−1, 1].
 */
export function newcombeDifference(events1: number, n1: number, events2: number, n2: number, alpha = 0.05): Interval & { estimate: number } {
  const p1 = n1 > 0 ? events1 / n1 : 0;
  const p2 = n2 > 0 ? events2 / n2 : 0;
  const a = wilsonInterval(events1, n1, alpha);
  const b = wilsonInterval(events2, n2, alpha);
  const estimate = p1 - p2;
  const low = estimate - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2);
  const high = estimate + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2);
  return { estimate, low: Math.max(-1, low), high: Math.min(1, high) };
}
