import type { Interval } from './intervals';

/**
 * The sequential-safe view: an always-valid confidence sequence for the
 * difference of two rates, so a manager may look every day and stop whenever
 * it excludes zero, and the chance of ever being misled stays ≤ alpha.
 *
 * Why a confidence sequence and not O'Brien–Fleming alpha spending: spending
 * needs the looks (or the information fraction of each) recorded and a
 * recursive numerical integration per look, and it breaks when the manager
 * looks more often than planned or the planned size is missed. Managers here
 * open the tab whenever they like, on several machines; a confidence
 * sequence is valid at every moment without any record of looks.
 *
 * The boundary is Robbins' two-sided normal mixture (Howard, Ramdas,
 * McAuliffe & Sekhon 2021, eq. 14), used as an asymptotic confidence
 * sequence (Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas 2023, Thm 2.2):
 * with t observations, standard deviation σ per observation,
 *   half-width = σ · sqrt( 2(tρ² + 1) / (t²ρ²) · ln( sqrt(tρ² + 1) / α ) ).
 * ρ is tuned so the sequence is tightest at the planned size t* (their
 * eq. 3.3 with the Lambert-free approximation of Howard et al. §3.5):
 *   ρ² = (−2 ln α + ln(−2 ln α + 1)) / t*.
 * For the difference of two rates, σ²/t is the usual unpooled variance
 * p₁q₁/n₁ + p₂q₂/n₂ and t = n₁ + n₂.
 */
export function mixtureRho2(alpha: number, plannedSize: number): number {
  const l = -2 * Math.log(alpha);
  return (l + Math.log(l + 1)) / Math.max(1, plannedSize);
}

/** The boundary's half-width for a mean of t observations with unit standard deviation. */
export function mixtureHalfWidth(t: number, alpha: number, rho2: number): number {
  if (t <= 0) return Infinity;
  const a = t * rho2 + 1;
  return Math.sqrt(((2 * a) / (t * t * rho2)) * Math.log(Math.sqrt(a) / alpha));
}

export interface SequentialView extends Interval {
  estimate: number;
  /** The interval excludes zero: the manager may stop now without inflating the error rate. */
  conclusive: boolean;
}

/**
 * The always-valid interval for p1 − p2 from events/customers per arm.
 * Empty arms give [−1, 1]; an arm at 0 % or 100 % gets the variance of half
 * an event (as the Agresti–Caffo adjustment does) so the width never
 * collapses to zero on a lucky first day.
 */
export function sequentialDifference(events1: number, n1: number, events2: number, n2: number, plannedSize: number, alpha = 0.05): SequentialView {
  if (n1 <= 0 || n2 <= 0) return { estimate: 0, low: -1, high: 1, conclusive: false };
  const p1 = events1 / n1;
  const p2 = events2 / n2;
  const v = (events: number, n: number) => {
    const p = Math.min(Math.max(events, 0.5), n - 0.5) / n;
    return (p * (1 - p)) / n;
  };
  const t = n1 + n2;
  const sigma = Math.sqrt((v(events1, n1) + v(events2, n2)) * t);
  const half = sigma * mixtureHalfWidth(t, alpha, mixtureRho2(alpha, plannedSize));
  const estimate = p1 - p2;
  const low = Math.max(-1, estimate - half);
  const high = Math.min(1, estimate + half);
  return { estimate, low, high, conclusive: low > 0 || high < 0 };
}
