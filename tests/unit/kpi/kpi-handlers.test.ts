import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore } from '../../../lib/background/customer-store';
import { createKpiHandlers } from '../../../lib/background/kpi-handlers';
import { openDatabase, type ChurnRadarDb } from '../../../lib/db/db';
import { DEFAULT_INDICATOR_SETTINGS } from '../../../lib/indicators';
import type { HandlerContext } from '../../../lib/background/router';
import { kpiRequestSchemas } from '../../../lib/messaging/kpi-schemas';

const SITE = 'http://crm.test';
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-02T00:00:00Z');
const context = {} as HandlerContext;
let db: ChurnRadarDb;
let n = 0;

beforeEach(() => {
  db = openDatabase({ name: `kpi-${n++}` });
});
afterEach(async () => {
  await db.delete();
});

const row = (crmId: string, status: string, value: number, seen: number) => ({ site: SITE, crmId, name: crmId, fields: { Status: status, MonthlyCharges: String(value), TotalCharges: String(value * 10) }, firstSeen: T0, lastSeen: seen, lastObservedAt: seen, observationCount: 2, value });

describe('KPI handler', () => {
  it('labels stored sightings, reads scores and actions, and yields between chunks', async () => {
    await db.customers.bulkPut([row('a', 'Churned', 50, T0 + 8 * DAY), row('b', 'Active', 100, T0 + 8 * DAY)]);
    await db.observationBatches.bulkAdd([
      { site: SITE, observedAt: T0 + DAY, pageKind: 'list', url: 'u', adapter: 'x', keys: [`${SITE}\u0000a`, `${SITE}\u0000b`], crmIds: ['a', 'b'], names: ['a', 'b'], fields: [{ Status: 'Active' }, { Status: 'Active' }] },
      { site: SITE, observedAt: T0 + 8 * DAY, pageKind: 'detail', url: 'u', adapter: 'x', keys: [`${SITE}\u0000a`], crmIds: ['a'], names: ['a'], fields: [{ Status: 'Churned' }] },
    ]);
    await db.scores.bulkAdd([
      { site: SITE, crmId: 'a', scoredAt: T0 + DAY, probability: 0.7, tier: 4, modelId: 'm', reasons: [] },
      { site: SITE, crmId: 'b', scoredAt: T0 + DAY, probability: 0.1, tier: 1, modelId: 'm', reasons: [] },
    ]);
    await db.actions.add({ site: SITE, crmId: 'a', at: T0 + 2 * DAY, kind: 'called', playbookId: 'price-offer', scriptId: 'retention-offer', outcome: { kind: 'churned', at: T0 + 3 * DAY } });
    const yieldNow = vi.fn(async () => undefined);
    const handlers = createKpiHandlers({ db, customers: createCustomerStore(db, { onWriteFailure: vi.fn() }), indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS, now: () => T0 + 14 * DAY, yieldNow });
    const report = await handlers.getKpis({ from: T0, to: T0 + 14 * DAY, granularity: 'week' }, context);
    expect(report.customers).toBe(2);
    expect(report.periods.map((p) => [p.label, p.activeBase, p.churned])).toEqual([
      ['2026-11-02', 2, 0],
      ['2026-11-09', 2, 1],
    ]);
    expect(report.total).toMatchObject({ activeBase: 2, churned: 1, churnRate: 0.5, retentionRate: 0.5 });
    expect(report.riskNow).toMatchObject({ atRisk: 1, valueAtStake: 50, expectedLoss: 35 });
    expect(report.rules).toEqual([{ ruleId: 'price-offer', actions: 1, outcomes: { retained: 0, churned: 1, no_answer: 0, pending: 0, none: 0 }, successRate: 0 }]);
    expect(report.lifetimeValue).toEqual({ average: 750, customers: 2 });
    expect(report.computeMs).toBeGreaterThanOrEqual(0);
    expect(yieldNow).not.toHaveBeenCalled(); // one chunk
  });

  it('rejects a range that ends before it starts', () => {
    expect(kpiRequestSchemas.getKpis.safeParse({ from: 10, to: 5, granularity: 'week' }).success).toBe(false);
    expect(kpiRequestSchemas.getKpis.safeParse({ from: 0, to: 5, granularity: 'day' }).success).toBe(false);
    expect(kpiRequestSchemas.getKpis.safeParse({ from: 0, to: 5, granularity: 'month' }).success).toBe(true);
  });
});
