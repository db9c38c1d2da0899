/** A score's reasons as bars of relative weight (the side panel's "why"). */
import type { Reason } from '@/lib/domain';

export interface ReasonBar {
  reason: Reason;
  /** |contribution| relative to the largest shown, in [0, 1]. */
  size: number;
  direction: 'raises' | 'lowers';
}

/** Size each reason's bar against the largest |contribution| among those shown. */
export function reasonBars(reasons: readonly Reason[]): ReasonBar[] {
  const largest = reasons.reduce((max, r) => Math.max(max, Math.abs(r.contribution)), 0);
  return reasons.map((reason) => ({
    reason,
    size: largest > 0 ? Math.abs(reason.contribution) / largest : 0,
    direction: reason.contribution >= 0 ? 'raises' : 'lowers',
  }));
}
