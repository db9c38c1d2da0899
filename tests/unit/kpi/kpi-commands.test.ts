import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore } from '@/lib/background/customer-store';
import { kpiCommands, kpiRequest, kpiViewSchema } from '@/lib/kpi/kpi-commands';
import { handlersOf } from '@/lib/messaging/commands';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import type { HandlerContext } from '@/lib/background/router';

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

const row = (crmId: string, status: string, value: number, seen: number) => ({
  site: SITE,
  crmId,
  name: crmId,
  fields: { Status: status, MonthlyCharges: String(value), TotalCharges: String(value * 10) },
  firstSeen: T0,
  lastSeen: seen,
  lastObservedAt: seen,
  observationCount: 2,
  value,
});

describe('KPI handler', () => {
  it('labels stored sightings (a recorded outcome from when it was recorded), reads scores and actions', async () => {
    await db.customers.bulkPut([row('a', 'Churned', 50, T0 + 8 * DAY), row('b', 'Active', 100, T0 + 8 * DAY)]);
    await db.observationBatches.bulkAdd([
      {
        site: SITE,
        observedAt: T0 + DAY,
        pageKind: 'list',
        url: 'u',
        adapter: 'x',
        keys: [`${SITE}\u0000a`, `${SITE}\u0000b`],
        crmIds: ['a', 'b'],
        names: ['a', 'b'],
        fields: [{ Status: 'Active' }, { Status: 'Active' }],
      },
      {
        site: SITE,
        observedAt: T0 + 8 * DAY,
        pageKind: 'detail',
        url: 'u',
        adapter: 'x',
        keys: [`${SITE}\u0000a`],
        crmIds: ['a'],
        names: ['a'],
        fields: [{ Status: 'Churned' }],
      },
    ]);
    await db.scores.bulkAdd([
      { site: SITE, crmId: 'a', scoredAt: T0 + DAY, probability: 0.7, tier: 4, modelId: 'm', reasons: [] },
      { site: SITE, crmId: 'b', scoredAt: T0 + DAY, probability: 0.1, tier: 1, modelId: 'm', reasons: [] },
    ]);
    await db.actions.add({
      site: SITE,
      crmId: 'a',
      at: T0 + 2 * DAY,
      kind: 'called',
      playbookId: 'price-offer',
      scriptId: 'retention-offer',
      outcome: { kind: 'churned', at: T0 + 3 * DAY },
    });
    const yieldNow = vi.fn(async () => undefined);
    const handlers = handlersOf(kpiCommands, {
      db,
      customers: createCustomerStore(db, { onWriteFailure: vi.fn() }),
      indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
      now: () => T0 + 14 * DAY,
      yieldNow,
    });
    const report = await handlers.getKpis({ from: T0, to: T0 + 14 * DAY, granularity: 'week' }, context);
    expect(report.customers).toBe(2);
    expect(report.periods.map((p) => [p.label, p.activeBase, p.churned])).toEqual([
      ['2026-11-02', 2, 1], // the agent recorded "churned" on day 3, before the CRM's status said so on day 8
      ['2026-11-09', 1, 0],
    ]);
    expect(report.total).toMatchObject({ activeBase: 2, churned: 1, churnRate: 0.5, retentionRate: 0.5 });
    expect(report.riskNow).toMatchObject({ atRisk: 1, valueAtStake: 50, expectedLoss: 35 });
    expect(report.rules).toEqual([
      { ruleId: 'price-offer', actions: 1, outcomes: { retained: 0, churned: 1, no_answer: 0, pending: 0, none: 0 }, successRate: 0 },
    ]);
    expect(report.lifetimeValue).toEqual({ average: 750, customers: 2 });
    expect(report.computeMs).toBeGreaterThanOrEqual(0);
    expect(kpiViewSchema.safeParse(report).error).toBeUndefined();
    expect(yieldNow).not.toHaveBeenCalled(); // one chunk
  });

  it('yields between chunks of customers', async () => {
    await db.customers.bulkPut(['a', 'b', 'c', 'd', 'e'].map((id) => row(id, 'Active', 10, T0 + DAY)));
    const yieldNow = vi.fn(async () => undefined);
    const handlers = handlersOf(kpiCommands, {
      db,
      customers: createCustomerStore(db, { onWriteFailure: vi.fn() }),
      indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
      now: () => T0 + 14 * DAY,
      yieldNow,
      chunk: 2,
    });
    const report = await handlers.getKpis({ from: T0, to: T0 + 14 * DAY, granularity: 'week' }, context);
    expect(report.customers).toBe(5);
    expect(yieldNow).toHaveBeenCalledTimes(2); // chunks [a b] [c d] [e]
  });

  it("reads only the scores in the range and each customer's latest before it", async () => {
    const last = (scoredAt: number, tier: 1 | 4, probability: number) => ({ lastScore: { scoredAt, tier, probability, modelId: 'm' } });
    await db.customers.bulkPut([
      { ...row('old', 'Active', 100, T0 - DAY), ...last(T0 - 2 * DAY, 4, 0.8) }, // scored only before the range
      { ...row('both', 'Active', 10, T0 + 20 * DAY), ...last(T0 + 20 * DAY, 1, 0.1) }, // before, in and after it
    ]);
    await db.scores.bulkAdd([
      { site: SITE, crmId: 'old', scoredAt: T0 - 5 * DAY, probability: 0.2, tier: 1, modelId: 'm', reasons: [] },
      { site: SITE, crmId: 'old', scoredAt: T0 - 2 * DAY, probability: 0.8, tier: 4, modelId: 'm', reasons: [] },
      { site: SITE, crmId: 'both', scoredAt: T0 - 3 * DAY, probability: 0.9, tier: 4, modelId: 'm', reasons: [] },
      { site: SITE, crmId: 'both', scoredAt: T0 + 9 * DAY, probability: 0.6, tier: 4, modelId: 'm', reasons: [] },
      { site: SITE, crmId: 'both', scoredAt: T0 + 20 * DAY, probability: 0.1, tier: 1, modelId: 'm', reasons: [] },
    ]);
    const handlers = handlersOf(kpiCommands, {
      db,
      customers: createCustomerStore(db, { onWriteFailure: vi.fn() }),
      indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
      now: () => T0 + 14 * DAY,
    });
    const report = await handlers.getKpis({ from: T0, to: T0 + 14 * DAY, granularity: 'week' }, context);
    // End of week 1: both still carry their scores from before the range (tier 4).
    expect(report.periods[0]!.risk).toMatchObject({ atRisk: 2, valueAtStake: 110 });
    // At `to`: "both" at its day-9 score (0.6), not its later tier-1 score; "old" at 0.8.
    expect(report.riskNow).toMatchObject({ atRisk: 2, valueAtStake: 110, expectedLoss: 0.8 * 100 + 0.6 * 10 });
  });

  it('rejects a range that ends before it starts', () => {
    expect(kpiRequest.safeParse({ from: 10, to: 5, granularity: 'week' }).success).toBe(false);
    expect(kpiRequest.safeParse({ from: 0, to: 5, granularity: 'day' }).success).toBe(false);
    expect(kpiRequest.safeParse({ from: 0, to: 5, granularity: 'month' }).success).toBe(true);
  });
});
