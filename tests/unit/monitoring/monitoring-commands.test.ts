import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customerKey } from '@/lib/db/customer-key';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import type { CustomerRow } from '@/lib/db/schema';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { handlersOf, type HandlerContext } from '@/lib/messaging/commands';
import { requestSchemas } from '@/lib/messaging/schemas';
import { trainModel } from '@/lib/model/train';
import type { ModelArtifact, RawRow } from '@/lib/model/types';
import { mulberry32 } from '@/lib/model/prng';
import { monitoringCommands, type MonitoringDeps } from '@/lib/monitoring/monitoring-commands';
import { isHoldout } from '@/lib/monitoring/retrain';

const SITE = 'http://crm.test';
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T12:00:00Z');
const context = {} as HandlerContext;
let artifact: ModelArtifact;
let db: ChurnRadarDb;
let n = 0;

beforeAll(async () => {
  const random = mulberry32(5);
  const rows: RawRow[] = Array.from({ length: 300 }, () => {
    const tenure = Math.floor(random() * 72);
    const monthly = random() < 0.5;
    return {
      Tenure: String(tenure),
      Contract: monthly ? 'Monthly' : 'Yearly',
      churn: random() < (monthly ? 0.5 : 0.1) + (tenure < 12 ? 0.3 : 0) ? 'Yes' : 'No',
    };
  });
  ({ artifact } = await trainModel({
    rows,
    columns: ['Tenure', 'Contract', 'churn'],
    label: 'churn',
    folds: 3,
    name: 'monitored',
    trainedBy: 'vitest',
    source: 'synthetic',
    model: 'logistic',
    learningCurve: false,
  }));
}, 60_000);
beforeEach(() => void (db = openDatabase({ name: `monitoring-${n++}` })));
afterEach(async () => void (await db.delete()));

function customer(crmId: string, fields: Record<string, string>, firstSeen: number, lastSeen: number, recent?: number): CustomerRow {
  return {
    site: SITE,
    crmId,
    name: crmId,
    fields,
    firstSeen,
    lastSeen,
    lastObservedAt: lastSeen,
    observationCount: 2,
    ...(recent === undefined ? {} : { lastScore: { probability: recent, tier: 3 as const, modelId: artifact.id, scoredAt: NOW - DAY } }),
  };
}

function setup() {
  let schedule = { everyDays: 0 as const } as { everyDays: 0 | 30 | 60 | 90 | 180 };
  const deps: MonitoringDeps = {
    db,
    customers: { settled: async () => undefined, activitiesOf: async () => [] },
    thresholds: async () => [0.1, 0.25, 0.45, 0.65],
    indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
    now: () => NOW,
    models: { list: async () => ({ activeIds: [artifact.id], models: [{ id: artifact.id, name: artifact.name }] }), artifactOf: async () => artifact },
    retrainSchedule: { get: async () => schedule, set: async (value) => void (schedule = value) },
  };
  return handlersOf(monitoringCommands, deps);
}

describe('monitoring commands on a real database', () => {
  it('counts each customer once, scored before its outcome was known, and compares recent customers with the training profile', async () => {
    const scoredAt = NOW - 100 * DAY;
    await db.customers.bulkPut([
      customer('outcome', { Tenure: '3', Contract: 'Monthly', Status: 'Active' }, scoredAt, NOW - DAY, 0.7),
      customer('retained', { Tenure: '40', Contract: 'Yearly', Status: 'Active' }, scoredAt, NOW - DAY, 0.1),
      customer('churned-later', { Tenure: '5', Contract: 'Monthly', Status: 'Churned' }, scoredAt, NOW - DAY, 0.8),
      customer('churned-on-arrival', { Tenure: '5', Contract: 'Monthly', Status: 'Churned' }, scoredAt, NOW - DAY, 0.8),
      customer('unscored', { Tenure: '5', Contract: 'Monthly', Status: 'Churned' }, scoredAt, NOW - DAY),
    ]);
    for (const crmId of ['outcome', 'retained', 'churned-later', 'churned-on-arrival']) {
      await db.scores.add({ site: SITE, crmId, scoredAt, probability: 0.5, tier: 3, modelId: artifact.id, reasons: [] });
      await db.scores.add({ site: SITE, crmId, scoredAt: scoredAt + 10 * DAY, probability: 0.9, tier: 5, modelId: artifact.id, reasons: [] });
    }
    await db.scores.add({ site: SITE, crmId: 'unscored', scoredAt, probability: 0.5, tier: 3, modelId: 'another-model', reasons: [] });
    await db.actions.add({ site: SITE, crmId: 'outcome', at: NOW - 5 * DAY, kind: 'called', outcome: { kind: 'churned', at: NOW - 4 * DAY } });
    // First sightings: one customer was active when first seen, the other already churned.
    const batch = (crmId: string, status: string) => ({
      site: SITE,
      observedAt: scoredAt,
      pageKind: 'list' as const,
      url: `${SITE}/list`,
      adapter: 'generic',
      keys: [customerKey(SITE, crmId)],
      crmIds: [crmId],
      names: [crmId],
      fields: [{ Tenure: '5', Contract: 'Monthly', Status: status }],
    });
    await db.observationBatches.bulkAdd([batch('churned-later', 'Active'), batch('churned-on-arrival', 'Churned')]);

    const { report, active } = await setup().getMonitoring({}, context);
    expect(active).toEqual([{ id: artifact.id, name: 'monitored' }]);
    expect(report!.model).toMatchObject({ id: artifact.id, hasProfile: true });
    // outcome (recorded), retained (seen 99 days after its score), churned-later; not churned-on-arrival nor unscored.
    expect(report!.live.overall).toMatchObject({ outcomes: 3, churners: 2, meanPredicted: 0.5 });
    expect(report!.live.months.map((m) => m.month)).toEqual(['2026-08']);
    expect(report!.drift).toMatchObject({ reference: 'profile', recent: 4, inputsRead: 4, score: null });
    expect(report!.retrain.schedule).toEqual({ everyDays: 0 });
    // The labels worked out for the view (first sightings included) are stored with the rows; the next view reads them.
    const stored = await db.customers.bulkGet([
      [SITE, 'churned-later'],
      [SITE, 'churned-on-arrival'],
      [SITE, 'retained'],
    ]);
    expect(stored.map((row) => [row?.label?.churned, row?.label?.firstChurned])).toEqual([
      [true, false],
      [true, true],
      [false, undefined],
    ]);
    await db.observationBatches.clear(); // a second view must not need the sightings again
    expect((await setup().getMonitoring({}, context)).report!.live.overall).toEqual(report!.live.overall);
  });

  it('holds a quarter of the labelled customers out of the challenger, and compares two models on exactly them', async () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      customer(
        `C-${i}`,
        { Tenure: String(i % 60), Contract: i % 3 ? 'Yearly' : 'Monthly', Status: i % 4 === 0 ? 'Churned' : 'Active' },
        NOW - 90 * DAY,
        NOW - DAY,
      ),
    );
    await db.customers.bulkPut(rows);
    const h = setup();
    const { view, heldOut } = await h.getChallengerRows({}, context);
    const expectedHeldOut = rows.filter((row) => isHoldout(customerKey(row.site, row.crmId))).length;
    expect(heldOut).toBe(expectedHeldOut);
    expect(heldOut).toBeGreaterThan(30);
    expect(view.rows).toHaveLength(200 - expectedHeldOut);
    const comparison = await h.compareChallenger({ challengerId: artifact.id }, context);
    expect(comparison.outcomes).toBe(expectedHeldOut);
    expect(comparison.churners).toBe(rows.filter((row, i) => isHoldout(customerKey(row.site, row.crmId)) && i % 4 === 0).length);
    expect(comparison.challenger).toEqual(comparison.champion);
    expect(comparison.challengerBetter).toBe(false);
  });

  it('keeps the retraining schedule and refuses one it does not offer', async () => {
    const h = setup();
    await h.saveRetrainSchedule({ everyDays: 90 }, context);
    expect((await h.getMonitoring({}, context)).report!.retrain.schedule).toEqual({ everyDays: 90 });
    expect(requestSchemas.saveRetrainSchedule.safeParse({ everyDays: 45 }).success).toBe(false);
  });
});
