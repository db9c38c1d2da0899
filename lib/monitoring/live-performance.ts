/**
 * Live performance: how the deployed model ranks and calibrates customers it
 * scored before their outcome was known, by month of scoring, next to its
 * cross-validated figures (the metrics are lib/model/metrics.ts's, the same
 * code that produced the CV figures).
 *
 * Which score and which outcome (decided here; the issue is silent):
 * - Each customer counts once, with the model's FIRST score of it: a monthly
 *   cohort is "customers first scored in that month", and a later score,
 *   made on data that may already show the churn, never stands in for it.
 * - The score must come before the outcome was known (`knownAt`): an agent's
 *   recorded outcome is known when it was recorded; a label of the churn
 *   definition is known no later than the last sighting that shows it.
 * - A customer still not churned counts as retained only when it was seen
 *   MATURITY_DAYS after the score: a customer scored last week and "not
 *   churned yet" is no evidence. Churners count as soon as they are known.
 * Warnings:
 * - AUC: a month with at least MIN_MONTH_OUTCOMES outcomes (MIN_CLASS of each
 *   class) whose ROC AUC is more than AUC_DROP below the CV AUC is marked;
 *   the alarm needs two such evaluable months in a row. One month alone is
 *   too often chance: at 400 outcomes a month the AUC's standard error is
 *   ≈ 0.02, and over a year of months a 2.5-σ dip happens (the synthetic
 *   stream's seed 13 does it in month 4). Two in a row costs one month of
 *   delay and makes a false alarm ~1 in 20,000 months.
 * - Calibration: over all live outcomes, a tier whose mean predicted
 *   probability and observed churn rate differ by more than CALIBRATION_GAP
 *   and by more than sampling noise (|gap| > 1.96 standard errors), with at
 *   least MIN_TIER_OUTCOMES outcomes: five points on 20 customers is chance.
 */
import { averagePrecision, brierScore, rocAuc } from '@/lib/model/metrics';
import { tierFor } from '@/lib/risk/tiers';
import type { Tier } from '@/lib/domain';

export const AUC_DROP = 0.05;
const CALIBRATION_GAP = 0.05;
export const MIN_MONTH_OUTCOMES = 50;
const MIN_CLASS = 10;
export const MIN_TIER_OUTCOMES = 50;
export const MATURITY_DAYS = 30;
const DAY = 86_400_000;

export interface KnownOutcome {
  churned: boolean;
  /** When the outcome was known: churned from then; for a customer not churned, when last seen so. */
  knownAt: number;
}

export interface LiveRecord {
  scoredAt: number;
  probability: number;
  churned: boolean;
}

/** The score was made before the outcome was known (and, for a customer not churned, MATURITY_DAYS before). */
export function countsLive(score: { scoredAt: number }, outcome: KnownOutcome): boolean {
  return outcome.churned ? score.scoredAt < outcome.knownAt : score.scoredAt + MATURITY_DAYS * DAY <= outcome.knownAt;
}

interface PerformanceFigures {
  outcomes: number;
  churners: number;
  /** NaN when a class is missing. */
  rocAuc: number;
  prAuc: number;
  brier: number;
  meanPredicted: number;
  observedRate: number;
}

interface MonthPerformance extends PerformanceFigures {
  /** UTC month of scoring, yyyy-mm. */
  month: string;
  /** Enough outcomes of each class for the AUC to be read. */
  evaluable: boolean;
  /** Evaluable and more than AUC_DROP below the CV AUC. */
  belowCv: boolean;
  /** Below, and so was the evaluable month before it: the alarm. */
  aucAlarm: boolean;
}

export interface TierCalibration {
  tier: Tier;
  outcomes: number;
  meanPredicted: number | null;
  observedRate: number | null;
  /** observed − predicted, in probability (null without outcomes). */
  gap: number | null;
  alarm: boolean;
}

export interface LivePerformance {
  overall: PerformanceFigures;
  months: MonthPerformance[];
  tiers: TierCalibration[];
  /** The first month whose AUC alarmed, null if none. */
  firstAlarm: string | null;
  /** The latest evaluable month alarms (what the warning says now). */
  aucWarning: boolean;
  calibrationWarning: boolean;
}

const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);

function figures(records: readonly LiveRecord[]): PerformanceFigures {
  const labels = new Uint8Array(records.length);
  const scores = new Float64Array(records.length);
  let churners = 0;
  let sum = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    labels[i] = r.churned ? 1 : 0;
    scores[i] = r.probability;
    churners += labels[i]!;
    sum += r.probability;
  }
  const meanPredicted = records.length ? sum / records.length : Number.NaN;
  return {
    outcomes: records.length,
    churners,
    rocAuc: rocAuc(labels, scores),
    prAuc: averagePrecision(labels, scores),
    brier: brierScore(labels, scores),
    meanPredicted,
    observedRate: records.length ? churners / records.length : Number.NaN,
  };
}

/** Mean predicted vs observed churn per tier (current thresholds), with the calibration alarm. */
export function tierCalibration(records: readonly LiveRecord[], thresholds: readonly number[]): TierCalibration[] {
  const sums = ([1, 2, 3, 4, 5] as const).map((tier) => ({ tier, n: 0, p: 0, y: 0 }));
  for (const r of records) {
    const s = sums[tierFor(r.probability, thresholds) - 1]!;
    s.n++;
    s.p += r.probability;
    s.y += r.churned ? 1 : 0;
  }
  return sums.map(({ tier, n, p, y }) => {
    if (!n) return { tier, outcomes: 0, meanPredicted: null, observedRate: null, gap: null, alarm: false };
    const meanPredicted = p / n;
    const observedRate = y / n;
    const gap = observedRate - meanPredicted;
    // Noise of the observed rate if the model were calibrated (its predicted rate), floored for tiers near 0 or 1.
    const se = Math.sqrt(Math.max(meanPredicted * (1 - meanPredicted), 0.01) / n);
    const alarm = n >= MIN_TIER_OUTCOMES && Math.abs(gap) > CALIBRATION_GAP && Math.abs(gap) > 1.96 * se;
    return { tier, outcomes: n, meanPredicted, observedRate, gap, alarm };
  });
}

export function livePerformance(records: readonly LiveRecord[], cvAuc: number, thresholds: readonly number[]): LivePerformance {
  // Sorted by score once: the metrics sort their input again (overall and per month), and a sorted or
  // reversed run costs TimSort one pass instead of n log n.
  const sorted = [...records].sort((a, b) => a.probability - b.probability);
  const byMonth = new Map<string, LiveRecord[]>();
  // One date formatting per day scored, not per customer (a Date per customer was a fifth of the view's time).
  const monthOfDay = new Map<number, string>();
  for (const r of sorted) {
    const day = Math.floor(r.scoredAt / DAY);
    let month = monthOfDay.get(day);
    if (month === undefined) monthOfDay.set(day, (month = monthOf(r.scoredAt)));
    const list = byMonth.get(month);
    if (list) list.push(r);
    else byMonth.set(month, [r]);
  }
  let previousBelow = false;
  const months = [...byMonth.keys()].sort().map((month): MonthPerformance => {
    const f = figures(byMonth.get(month)!);
    const evaluable = f.outcomes >= MIN_MONTH_OUTCOMES && f.churners >= MIN_CLASS && f.outcomes - f.churners >= MIN_CLASS;
    const belowCv = evaluable && Number.isFinite(cvAuc) && f.rocAuc < cvAuc - AUC_DROP;
    const aucAlarm = belowCv && previousBelow;
    if (evaluable) previousBelow = belowCv;
    return { month, ...f, evaluable, belowCv, aucAlarm };
  });
  const tiers = tierCalibration(records, thresholds);
  const evaluable = months.filter((m) => m.evaluable);
  return {
    overall: figures(sorted),
    months,
    tiers,
    firstAlarm: months.find((m) => m.aucAlarm)?.month ?? null,
    aucWarning: evaluable.length > 0 && evaluable[evaluable.length - 1]!.aucAlarm,
    calibrationWarning: tiers.some((t) => t.alarm),
  };
}
