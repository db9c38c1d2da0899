/**
 * monitoring_100k_ms: Models → Monitoring on 100,000 scored customers — the
 * pure path the background runs after its database reads (the same functions,
 * lib/monitoring/monitoring-inputs.ts): labels read off the rows as scans
 * store them (lib/labels), every scored customer's outcome joined with its
 * first score, live ROC AUC / PR AUC / Brier / calibration by month, PSI of
 * the score and of each input (inputs of the 2,000-customer sample computed
 * here, indicators included), the tier review and the retrain decision
 * (target ≤ 500 ms). monitoring_relabel_100k_ms: the same view when every
 * label must be worked out (after a change of the churn definition or of a
 * site's mapping, or on rows stored before labels were). CPU ms, best of
 * five; IndexedDB reads are not included (Node has no real IndexedDB:
 * scripts/bench/monitoring-db.ts measures the background's real path).
 */
import { addBySite, addFirstScore, monitoringRecords, recentlyScored, type BySite, type FirstScore } from '@/lib/monitoring/live-join';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { labelRows, type LabelContext } from '@/lib/labels/label-rows';
import type { CustomerRow } from '@/lib/db/schema';
import { mulberry32 } from '@/lib/model/prng';
import { trainingProfile } from '@/lib/model/profile';
import type { FittedColumn, ModelArtifact } from '@/lib/model/types';
import type { KnownOutcome } from '@/lib/monitoring/live-performance';
import { evenSample, INPUT_SAMPLE, recentInputsOf } from '@/lib/monitoring/monitoring-inputs';
import { monitoringReport, type MonitoringReport } from '@/lib/monitoring/monitoring-report';
import { BENCH_CUSTOMERS, BENCH_NOW, bestCpuMs, benchCustomers, DAY } from './customers-100k';

export function benchMonitoring(options: { log: (line: string) => void; runs?: number }): Record<string, number> {
  const random = mulberry32(17);
  const now = BENCH_NOW;
  const rows = benchCustomers(random);
  // Each customer's first score over the last year (the reader keeps only those); every 7th customer has a recorded outcome.
  const firstScores: BySite<FirstScore> = new Map();
  for (const row of rows)
    addFirstScore(firstScores, 'bench', {
      site: row.site,
      crmId: row.crmId,
      modelId: 'bench',
      scoredAt: now - Math.floor(random() * 365) * DAY,
      probability: row.fields.Status === 'Churned' ? 0.3 + random() * 0.7 : random() * 0.8,
    });
  const recorded: BySite<KnownOutcome> = new Map();
  for (let i = 0; i < rows.length; i += 7) addBySite(recorded, rows[i]!.site, rows[i]!.crmId, { churned: random() < 0.4, knownAt: now - 5 * DAY });
  const columns: FittedColumn[] = [
    { name: 'Monthly charges', kind: 'numeric', center: 60, scale: 40, missingIndicator: false },
    { name: 'Tenure', kind: 'numeric', center: 36, scale: 36, missingIndicator: false },
    { name: 'ind:tenure', kind: 'numeric', center: 0, scale: 1, missingIndicator: true },
  ];
  const oof = Array.from({ length: 2000 }, () => random());
  const artifact = {
    id: 'bench',
    name: 'Bench model',
    kind: 'logistic',
    createdAt: new Date(now - 400 * DAY).toISOString(),
    metrics: {
      rows: 5000,
      positives: 1300,
      features: 3,
      folds: 5,
      roc_auc: 0.84,
      roc_auc_sd: 0.01,
      pr_auc: 0.6,
      pr_auc_sd: 0.02,
      brier: 0.14,
      train_seconds: 1,
    },
    evaluation: { oof: { p: oof, y: oof.map((p) => (random() < p ? 1 : 0)) } },
    profile: trainingProfile(
      rows.slice(0, 5000).map((row) => row.fields),
      columns,
      oof,
    ),
  } as unknown as ModelArtifact;
  const context: LabelContext = { definition: DEFAULT_INDICATOR_SETTINGS.churn, resolvers: new Map(), now };
  const wanted = (row: CustomerRow) => firstScores.get(row.site)?.has(row.crmId) === true && !recorded.get(row.site)?.has(row.crmId);
  // The rows as scans store them: each with its label, including whether its first sighting showed it churned.
  const scanned = labelRows(rows, context);
  const stored = rows.map((row, i) => ({ ...row, label: { ...scanned.labels[i]!, firstChurned: false } }));
  let report: MonitoringReport | null = null;
  const view = (customers: readonly CustomerRow[]) => () => {
    const labelled = labelRows(customers, context, () => [], wanted);
    const recent = recentlyScored(customers, artifact.id, now - 30 * DAY);
    report = monitoringReport({
      artifact,
      records: monitoringRecords(customers, labelled.labels, firstScores, recorded),
      recentScores: recent.map((row) => row.lastScore!.probability),
      recentInputs: recentInputsOf(evenSample(recent, INPUT_SAMPLE), DEFAULT_INDICATOR_SETTINGS, context.resolvers, () => [], now),
      thresholds: [0.1, 0.25, 0.45, 0.65],
      schedule: { everyDays: 90 },
      now,
    });
  };
  const relabelMs = bestCpuMs(view(rows), options.runs ?? 5);
  const viewMs = bestCpuMs(view(stored), options.runs ?? 5);
  const r = report as MonitoringReport | null;
  options.log(
    `  monitoring on ${BENCH_CUSTOMERS.toLocaleString('en-US')} scored customers: ${viewMs.toFixed(0)} ms (target ≤ 500), ${relabelMs.toFixed(0)} ms with every label worked out ` +
      `(${r?.live.overall.outcomes.toLocaleString('en-US')} live outcomes in ${r?.live.months.length} months, live AUC ${r?.live.overall.rocAuc.toFixed(3)}, score PSI ${r?.drift.score?.psi.toFixed(3)}, ${r?.drift.inputs.length} inputs compared)`,
  );
  return { monitoring_100k_ms: Math.round(viewMs), monitoring_relabel_100k_ms: Math.round(relabelMs) };
}
