/**
 * Retraining: when to offer a challenger, which customers it may not train
 * on, and how champion and challenger compare on the same outcomes.
 *
 * - Offered when drift or live performance warns, or when the manager's
 *   schedule (every N days; 0 = off) says the champion is older than that.
 * - The comparison needs outcomes neither model trained on in this browser:
 *   a fixed quarter of the labelled customers (by a hash of their key, so the
 *   same customers every time) is held out of the challenger's training rows,
 *   and both models score exactly those customers, from the same inputs.
 *   (A champion trained on observed customers earlier may have seen some of
 *   them: its figures are then, if anything, flattering, never the
 *   challenger's.)
 * - Promote is one click when the challenger ranks better (higher ROC AUC);
 *   the manager can promote anyway (the comparison is shown, not enforced).
 */
import { z } from 'zod';
import { assignmentUnit } from '@/lib/experiments/assignment';
import { averagePrecision, brierScore, rocAuc } from '@/lib/model/metrics';

export const HOLDOUT_SHARE = 0.25;
const HOLDOUT_SALT = 'churn-radar-challenger-holdout';
const DAY = 86_400_000;

export const RETRAIN_EVERY_DAYS = [0, 30, 60, 90, 180] as const;
export const retrainScheduleSchema = z.strictObject({ everyDays: z.union(RETRAIN_EVERY_DAYS.map((d) => z.literal(d))) });
export type RetrainSchedule = z.output<typeof retrainScheduleSchema>;

/** The customer is one of the held-out quarter (stable across calls and browsers). */
export const isHoldout = (customerKey: string) => assignmentUnit(HOLDOUT_SALT, customerKey) < HOLDOUT_SHARE;

export type RetrainReason = 'drift' | 'performance' | 'calibration' | 'schedule';

/** Why a challenger is offered now (empty: not offered). */
export function retrainReasons(
  signals: { drift: boolean; performance: boolean; calibration: boolean },
  schedule: RetrainSchedule,
  championCreatedAt: number,
  now: number,
): RetrainReason[] {
  const reasons: RetrainReason[] = [];
  if (signals.drift) reasons.push('drift');
  if (signals.performance) reasons.push('performance');
  if (signals.calibration) reasons.push('calibration');
  if (schedule.everyDays > 0 && Number.isFinite(championCreatedAt) && now - championCreatedAt >= schedule.everyDays * DAY) reasons.push('schedule');
  return reasons;
}

interface ModelFigures {
  rocAuc: number;
  prAuc: number;
  brier: number;
}

export interface Comparison {
  outcomes: number;
  churners: number;
  champion: ModelFigures;
  challenger: ModelFigures;
  /** The challenger ranks the held-out customers better. */
  challengerBetter: boolean;
}

const figuresOf = (labels: readonly number[], p: ArrayLike<number>): ModelFigures => ({
  rocAuc: rocAuc(labels, p),
  prAuc: averagePrecision(labels, p),
  brier: brierScore(labels, p),
});

export function compareModels(labels: readonly boolean[], champion: ArrayLike<number>, challenger: ArrayLike<number>): Comparison {
  const y = labels.map((l) => (l ? 1 : 0));
  const a = figuresOf(y, champion);
  const b = figuresOf(y, challenger);
  const churners = y.reduce<number>((s, v) => s + v, 0);
  return {
    outcomes: y.length,
    churners,
    champion: a,
    challenger: b,
    challengerBetter: Number.isFinite(b.rocAuc) && (!Number.isFinite(a.rocAuc) || b.rocAuc > a.rocAuc),
  };
}
