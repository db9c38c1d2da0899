import { describe, expect, it } from 'vitest';
import type { ModelArtifact } from '@/lib/model/types';
import { monitoringReport } from '@/lib/monitoring/monitoring-report';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);

describe('monitoringReport', () => {
  const artifact = {
    id: 'm',
    name: 'Model',
    kind: 'logistic',
    createdAt: new Date(NOW - 100 * DAY).toISOString(),
    metrics: { rows: 1000, roc_auc: 0.8, roc_auc_sd: 0.01, pr_auc: 0.5, brier: 0.15 },
    evaluation: { oof: { p: Array.from({ length: 200 }, (_, i) => i / 200), y: Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0)) } },
  } as unknown as ModelArtifact;

  it('puts the model, live figures, drift, tier review and the retrain offer together', () => {
    const records = Array.from({ length: 120 }, (_, i) => ({ scoredAt: NOW - 60 * DAY, probability: (i % 10) / 10, churned: i % 10 >= 5 }));
    const report = monitoringReport({
      artifact,
      records,
      recentScores: records.map(() => 0.95),
      recentInputs: [],
      thresholds: [0.1, 0.25, 0.45, 0.65],
      schedule: { everyDays: 90 },
      now: NOW,
    });
    expect(report.model).toMatchObject({ id: 'm', cv: { rocAuc: 0.8, rows: 1000 }, hasProfile: false });
    expect(report.live.overall).toMatchObject({ outcomes: 120, churners: 60, rocAuc: 1 });
    expect(report.drift).toMatchObject({ reference: 'oof', warning: true });
    expect(report.retrain.reasons).toEqual(['drift', 'schedule']);
    expect(report.tiers.rows).toHaveLength(5);
  });
});
