import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore } from '@/lib/background/customer-store';
import { handlersOf } from '@/lib/messaging/commands';
import { riskCommands, type RiskDeps } from '@/lib/risk/risk-commands';
import { churnPreviewSchema, riskCustomersViewSchema } from '@/lib/risk/risk-schemas';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import type { CustomerRow } from '@/lib/db/schema';
import { createFieldResolver } from '@/lib/fields/field-resolver';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { requestSchemas } from '@/lib/messaging/schemas';
import { assertUnlocked, installPolicyService, type PolicyService } from '@/lib/background/policy-service';
import { HandlerError } from '@/lib/background/router';
import type { IndicatorSettings } from '@/lib/indicators/types';
import { managedPolicySchema } from '@/lib/policy/managed-policy';

const SITE = 'http://crm.test';
const NOW = Date.parse('2024-06-30T00:00:00Z');
let db: ChurnRadarDb;
let deps: RiskDeps;
let saved: number[][];
let counter = 0;

const row = (crmId: string, fields: Record<string, string>, probability?: number, value?: number): CustomerRow => ({
  site: SITE,
  crmId,
  name: `Name ${crmId}`,
  fields,
  firstSeen: NOW,
  lastSeen: NOW,
  lastObservedAt: NOW,
  observationCount: 1,
  ...(probability === undefined ? {} : { lastScore: { probability, tier: 3, modelId: 'm', scoredAt: NOW } }),
  ...(value === undefined ? {} : { value }),
  detailUrl: `${SITE}/customers/${crmId}`,
});

beforeEach(async () => {
  db = openDatabase({ name: `risk-${counter++}` });
  saved = [];
  deps = {
    db,
    customers: createCustomerStore(db, { onWriteFailure: vi.fn() }),
    thresholds: async () => [0.1, 0.25, 0.45, 0.65],
    indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
    saveThresholds: async (t) => void saved.push(t),
    fieldResolver: async () => createFieldResolver({ Lifecycle: 'status' }),
    assertUnlocked,
    now: () => NOW,
  };
  await db.customers.bulkPut([
    row('a', { Status: 'Churned' }, 0.8, 70),
    row('b', { Status: 'Active' }, 0.2, 30),
    row('c', { Lifecycle: 'Gone' }, 0.5),
    row('d', { Status: 'Active' }),
  ]);
});
afterEach(async () => {
  await db.delete();
});

describe('risk commands', () => {
  it('lists scored customers with value, url and the label of the churn definition', async () => {
    const view = await handlersOf(riskCommands, deps).getRiskCustomers({}, { site: null, tabId: null });
    expect(view.stored).toBe(4);
    expect(view.thresholds).toEqual([0.1, 0.25, 0.45, 0.65]);
    const byId = Object.fromEntries(view.customers.map((c) => [c.crmId, c]));
    expect(Object.keys(byId).sort()).toEqual(['a', 'b', 'c']);
    expect(byId.a).toMatchObject({ probability: 0.8, monthlyValue: 70, churned: true, url: `${SITE}/customers/a` });
    expect(byId.b).toMatchObject({ churned: false, monthlyValue: 30 });
    // "Gone" is not a churn status; the mapped field is read as the status, so the outcome is known
    expect(byId.c!.churned).toBe(false);
  });

  it('answers in the shapes its response schemas declare (the types the pages see come from them)', async () => {
    const handlers = handlersOf(riskCommands, deps);
    const view = await handlers.getRiskCustomers({}, { site: null, tabId: null });
    expect(riskCustomersViewSchema.safeParse(view).error).toBeUndefined();
    const preview = await handlers.previewChurnDefinition({ definition: DEFAULT_INDICATOR_SETTINGS.churn }, { site: null, tabId: null });
    expect(churnPreviewSchema.safeParse(preview).error).toBeUndefined();
  });

  it('a recorded outcome wins over the definition', async () => {
    await db.actions.add({ site: SITE, crmId: 'b', at: NOW, kind: 'called', outcome: { kind: 'churned', at: NOW } } as never);
    const view = await handlersOf(riskCommands, deps).getRiskCustomers({}, { site: null, tabId: null });
    expect(view.customers.find((c) => c.crmId === 'b')!.churned).toBe(true);
  });

  it('previews a definition over stored customers, with the status values seen through the mapping', async () => {
    const handlers = handlersOf(riskCommands, deps);
    const definition = { ...DEFAULT_INDICATOR_SETTINGS.churn };
    const preview = await handlers.previewChurnDefinition({ definition }, { site: null, tabId: null });
    expect(preview.counts).toMatchObject({ customers: 4, churned: 1, active: 3 });
    expect(preview.statusValues).toEqual([
      { value: 'Active', count: 2 },
      { value: 'Churned', count: 1 },
      { value: 'Gone', count: 1 },
    ]);
    const more = await handlers.previewChurnDefinition({ definition: { ...definition, statusValues: ['Churned', 'Gone'] } }, { site: null, tabId: null });
    expect(more.counts.churned).toBe(2);
  });

  it('saves valid thresholds and refuses bad ones with the reason', async () => {
    const handlers = handlersOf(riskCommands, deps);
    await expect(handlers.saveTierThresholds({ thresholds: [0.2, 0.3, 0.5, 0.7] }, { site: null, tabId: null })).resolves.toEqual({
      thresholds: [0.2, 0.3, 0.5, 0.7],
    });
    expect(saved).toEqual([[0.2, 0.3, 0.5, 0.7]]);
    await expect(handlers.saveTierThresholds({ thresholds: [0.5, 0.3, 0.5, 0.7] }, { site: null, tabId: null })).rejects.toThrow(/increase/);
    expect(saved).toHaveLength(1);
  });

  it('saves a churn definition through the background, keeping the other indicator settings, unless a policy locks it', async () => {
    const written: IndicatorSettings[] = [];
    const handlers = handlersOf(riskCommands, { ...deps, saveIndicatorSettings: async (settings) => void written.push(settings) });
    const definition = { ...DEFAULT_INDICATOR_SETTINGS.churn, statusValues: ['Gone'], inactivityDays: 45 };
    await expect(handlers.saveChurnDefinition({ definition }, { site: null, tabId: null })).resolves.toEqual({ definition });
    expect(written).toEqual([{ ...DEFAULT_INDICATOR_SETTINGS, churn: definition }]);

    await expect(
      handlers.saveChurnDefinition(
        { definition: { ...definition, statusValues: [], inactivityDays: null, partialSpendDrop: null } },
        { site: null, tabId: null },
      ),
    ).rejects.toThrow(/noRule/);
    installPolicyService({
      assertUnlocked: async (setting: string) => {
        if (setting === 'churnDefinition') throw new HandlerError('forbidden', 'The churn definition is set by your IT policy.');
      },
    } as unknown as PolicyService);
    try {
      await expect(handlers.saveChurnDefinition({ definition }, { site: null, tabId: null })).rejects.toThrow(/IT policy/);
    } finally {
      installPolicyService(undefined as unknown as PolicyService);
    }
    expect(written).toHaveLength(1);
  });

  it("managed policy presets use the editor's bounds, every field optional", () => {
    expect(managedPolicySchema.safeParse({ churnDefinition: { inactivityDays: 60 } }).success).toBe(true);
    expect(managedPolicySchema.safeParse({ churnDefinition: { inactivityDays: 0 } }).success).toBe(false);
    expect(managedPolicySchema.safeParse({ churnDefinition: { windowDays: 100_000 } }).success).toBe(false);
    expect(requestSchemas.saveChurnDefinition.safeParse({ definition: { ...DEFAULT_INDICATOR_SETTINGS.churn, windowDays: 100_000 } }).success).toBe(false);
  });

  it('validates requests: a churn definition out of range is refused before any handler runs', () => {
    const ok = { statusValues: ['Churned'], inactivityDays: 90, partialSpendDrop: 0.5, windowDays: 90, reasonField: null };
    expect(requestSchemas.previewChurnDefinition.safeParse({ definition: ok }).success).toBe(true);
    expect(requestSchemas.previewChurnDefinition.safeParse({ definition: { ...ok, inactivityDays: 0 } }).success).toBe(false);
    expect(requestSchemas.previewChurnDefinition.safeParse({ definition: { ...ok, windowDays: 1.5 } }).success).toBe(false);
    expect(requestSchemas.saveTierThresholds.safeParse({ thresholds: [0.1, 0.2] }).success).toBe(false);
  });
});
