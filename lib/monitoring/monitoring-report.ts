/**
 * The whole monitoring view of one model, from inputs already read (the
 * background reads them: lib/monitoring/monitoring-inputs.ts). Pure, and the
 * path the bench times on 100,000 customers.
 */
import type { ModelArtifact, RawRow } from '@/lib/model/types';
import { driftReport, type DriftReport } from './drift';
import { livePerformance, type LivePerformance, type LiveRecord } from './live-performance';
import { retrainReasons, type RetrainReason, type RetrainSchedule } from './retrain';
import { tierReview, type TierReview } from './tier-review';

interface MonitoredModel {
  id: string;
  name: string;
  kind: ModelArtifact['kind'];
  createdAt: string;
  /** Cross-validated figures of the model (NaN when it was not cross-validated, e.g. the scorecard). */
  cv: { rocAuc: number; rocAucSd: number; prAuc: number; brier: number; rows: number };
  hasProfile: boolean;
}

export interface MonitoringReport {
  model: MonitoredModel;
  live: LivePerformance;
  drift: DriftReport;
  tiers: TierReview;
  retrain: { reasons: RetrainReason[]; schedule: RetrainSchedule };
  thresholds: number[];
}

export interface MonitoringInputs {
  artifact: ModelArtifact;
  /** Each scored customer's first score with its known outcome (./live-join.ts monitoringRecords). */
  records: readonly LiveRecord[];
  /** Latest scores of customers scored by the model in the drift window. */
  recentScores: ArrayLike<number>;
  /** A sample of those customers' model inputs. */
  recentInputs: readonly RawRow[];
  thresholds: readonly number[];
  schedule: RetrainSchedule;
  now: number;
}

function monitoredModel(artifact: ModelArtifact): MonitoredModel {
  const m = artifact.metrics;
  return {
    id: artifact.id,
    name: artifact.name,
    kind: artifact.kind,
    createdAt: artifact.createdAt,
    cv: { rocAuc: m.roc_auc, rocAucSd: m.roc_auc_sd, prAuc: m.pr_auc, brier: m.brier, rows: m.rows },
    hasProfile: !!artifact.profile,
  };
}

export function monitoringReport(inputs: MonitoringInputs): MonitoringReport {
  const { artifact, thresholds, records } = inputs;
  const live = livePerformance(records, artifact.metrics.roc_auc, thresholds);
  const drift = driftReport(artifact, inputs.recentScores, inputs.recentInputs);
  const tiers = tierReview(artifact.evaluation, records, thresholds);
  const reasons = retrainReasons(
    { drift: drift.warning, performance: live.aucWarning, calibration: live.calibrationWarning },
    inputs.schedule,
    Date.parse(artifact.createdAt),
    inputs.now,
  );
  return { model: monitoredModel(artifact), live, drift, tiers, retrain: { reasons, schedule: inputs.schedule }, thresholds: [...thresholds] };
}
