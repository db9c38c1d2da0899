import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';

const DAY = 86_400_000;

/**
 * A data export (Options → Privacy's format, imported through `importData`) of 160 demo-CRM customers the
 * active model scored 120 and 80 days ago, whose recorded outcomes do not follow those scores (live AUC ≈ 0.5,
 * two months in a row), and who are now all long-tenure two-year-contract customers scored ≥ 0.9 (score and
 * input drift against the model's training profile).
 */
export function driftedExport(modelId: string, now: number): string {
  const customers = [];
  const scores = [];
  const actions = [];
  for (let i = 0; i < 160; i++) {
    const crmId = `MON-${i}`;
    const scoredAt = now - (i < 80 ? 120 : 80) * DAY;
    // Churn every other customer by a rule unrelated to the score (which rises with i within each month).
    const churned = (i * 7) % 2 === 0;
    const early = 0.05 + ((i % 80) / 80) * 0.9;
    customers.push({
      site: DEMO_CRM_ORIGIN,
      crmId,
      name: `Monitored ${i}`,
      fields: {
        tenure: String(60 + (i % 12)),
        Contract: 'Two year',
        MonthlyCharges: String(20 + (i % 5)),
        PaymentMethod: 'Mailed check',
        InternetService: 'No',
      },
      firstSeen: scoredAt,
      lastSeen: now - DAY,
      lastObservedAt: now - DAY,
      observationCount: 2,
      lastScore: { probability: 0.9 + (i % 10) / 100, tier: 5, modelId, scoredAt: now - DAY },
    });
    scores.push({ site: DEMO_CRM_ORIGIN, crmId, scoredAt, probability: early, tier: 3, modelId, reasons: [] });
    actions.push({ site: DEMO_CRM_ORIGIN, crmId, at: now - 2 * DAY, kind: 'called', outcome: { kind: churned ? 'churned' : 'retained', at: now - DAY } });
  }
  return JSON.stringify({
    format: 'churn-radar-export',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    dbVersion: 6,
    tables: { customers, scores, actions },
    settings: {},
  });
}
