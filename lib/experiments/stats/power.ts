import { normalCdf, normalQuantile, twoSidedZ } from './normal';

/** A planned comparison of two churn rates: control's expected rate and the rate the play should bring. */
export interface PowerPlan {
  /** Expected churn rate without outreach, in (0, 1). */
  controlRate: number;
  /** Churn rate the play should reach, in (0, 1), different from controlRate. */
  treatedRate: number;
  /** Share of customers held out as control, in (0, 1). */
  controlShare: number;
  alpha?: number;
  power?: number;
}

function terms({ controlRate: pc, treatedRate: pt, controlShare: k, alpha = 0.05 }: PowerPlan) {
  const pooled = k * pc + (1 - k) * pt;
  return {
    delta: Math.abs(pc - pt),
    // Spread of the difference under H0 (pooled rate) and under the planned effect, per customer.
    null: Math.sqrt(pooled * (1 - pooled) * (1 / k + 1 / (1 - k))),
    alt: Math.sqrt((pc * (1 - pc)) / k + (pt * (1 - pt)) / (1 - k)),
    zAlpha: twoSidedZ(alpha),
  };
}

function check(plan: PowerPlan): void {
  const inside = (x: number) => x > 0 && x < 1;
  if (!inside(plan.controlRate) || !inside(plan.treatedRate) || !inside(plan.controlShare))
    throw new RangeError('rates and control share must be between 0 and 1');
  if (plan.controlRate === plan.treatedRate) throw new RangeError('the planned effect must not be zero');
}

/**
 * Customers needed in total (both arms) for a two-sided test of two
 * proportions to detect the planned effect: Fleiss, Levin & Paik (2003) eq.
 * 4.14 without continuity correction, generalised to a control share k
 * (n_control = kN). With k = ½ it is the textbook per-group n times two.
 */
export function sampleSize(plan: PowerPlan): { total: number; control: number; treated: number } {
  check(plan);
  const { delta, null: s0, alt: s1, zAlpha } = terms(plan);
  const zBeta = normalQuantile(plan.power ?? 0.8);
  const exact = ((zAlpha * s0 + zBeta * s1) / delta) ** 2;
  // Each arm is rounded up on its own, as the published per-group figures are.
  const control = Math.ceil(exact * plan.controlShare - 1e-9);
  const treated = Math.ceil(exact * (1 - plan.controlShare) - 1e-9);
  return { total: control + treated, control, treated };
}

/** The power a planned total size gives for the planned effect (same approximation as sampleSize). */
export function powerAt(plan: PowerPlan, total: number): number {
  check(plan);
  if (total <= 0) return 0;
  const { delta, null: s0, alt: s1, zAlpha } = terms(plan);
  return normalCdf((delta * Math.sqrt(total) - zAlpha * s0) / s1);
}
