import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore } from '@/lib/background/customer-store';
import { createHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import type { ModelProvider } from '@/lib/background/model-provider';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { OBSERVATION_MIN_GAP_MS } from '@/lib/db/merge';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import { createTabPages } from '@/lib/background/tab-pages';
import { EMPTY_TAB_PAGES } from '@/lib/focus/tab-pages-item';
import type { ModelArtifact, RawRow, Scorer } from '@/lib/model/types';

/**
 * Defect 6 (issue 15): the side panel, score history and indicator history
 * wrote back a customer row read before an await, reverting what a page scan
 * stored meanwhile. Each case runs two writers on one customer, interleaved.
 */
const SITE = 'http://crm.test';
let db: ChurnRadarDb;
let counter = 0;
let now = 1_000;

function scorer(): Scorer {
  const risk = (row: RawRow) => (row.Contract === 'Month-to-month' ? 0.7 : 0.05);
  return {
    artifact: { id: 'm', name: 'M', kind: 'logistic', preprocessor: { featureSource: ['Contract'] } } as unknown as ModelArtifact,
    predict: (rows) => Float32Array.from(rows.map(risk)),
    explain: () => [],
    scoreAndExplain: (rows) => rows.map((row) => ({ probability: risk(row), reasons: [] })),
    dispose: () => undefined,
  };
}

function depsWith(deferred: (() => void)[]): BackgroundDeps {
  const model = scorer();
  return {
    db,
    customers: createCustomerStore(db, { onWriteFailure: vi.fn() }),
    models: {
      actives: async () => [model],
      scoringFor: async () => ({ scorers: [model], thresholds: null, ranking: false }),
      observe: async () => null,
      active: async () => model,
      scorerFor: (s: Scorer[]) => s[0],
      info: async () => null,
      sourcesOf: () => ['Contract'],
    } as unknown as ModelProvider,
    thresholds: async () => [0.1, 0.25, 0.45, 0.65],
    indicatorSettings: async () => DEFAULT_INDICATOR_SETTINGS,
    retentionDays: async () => 365,
    storageProblem: async () => null,
    dueHours: async () => ({}),
    focus: { get: async () => null, set: async () => undefined },
    openSidePanel: vi.fn(async () => undefined),
    emit: () => undefined,
    locale: () => 'en',
    defer: (task) => void deferred.push(task),
    t: (key) => key,
    now: () => now,
    tabPages: createTabPages({ load: async () => EMPTY_TAB_PAGES, save: async () => undefined, emit: () => undefined, now: () => now }),
  };
}

const page = (fields: Record<string, string>) => ({
  url: `${SITE}/customers`,
  pageKind: 'list' as const,
  adapter: 't',
  customers: [{ crmId: 'a', name: 'Ann', fields }],
});
const ctx = { site: SITE, tabId: 1 };
const none = { site: null, tabId: null };

beforeEach(() => {
  db = openDatabase({ name: `writers-${counter++}` });
  now = 1_000;
});
afterEach(async () => {
  await db.delete();
});

describe('two writers on one customer', () => {
  it('the side panel opening while a scan stores a change keeps both the change and the visit', async () => {
    const deferred: (() => void)[] = [];
    const deps = depsWith(deferred);
    const handlers = createHandlers(deps);
    await handlers.scanPage(page({ Contract: 'Two year' }), ctx);
    deferred.splice(0).forEach((task) => task());
    await deps.customers.settled();
    now = 2_000;
    // The panel reads the row, then awaits score history, actions, …; the scan lands in between.
    const view = handlers.getCustomerView({ site: SITE, crmId: 'a' }, none);
    await handlers.scanPage(page({ Contract: 'Month-to-month' }), ctx);
    deferred.splice(0).forEach((task) => task());
    await view;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await deps.customers.settled();
    const stored = (await db.customers.get([SITE, 'a']))!;
    expect(stored.fields.Contract).toBe('Month-to-month');
    expect(stored.visits?.current).toBeDefined();
    expect(stored.lastScore?.probability).toBeCloseTo(0.7);
    expect(stored.atRiskSince).toBe(2_000);
  });

  it('score history written after a later scan does not revert that scan', async () => {
    const deferred: (() => void)[] = [];
    const deps = depsWith(deferred);
    const handlers = createHandlers(deps);
    await handlers.scanPage(page({ Contract: 'Two year', Plan: 'Basic' }), ctx); // its score is deferred
    now = 1_000 + OBSERVATION_MIN_GAP_MS;
    await handlers.scanPage(page({ Plan: 'Gold' }), ctx);
    deferred.splice(0).forEach((task) => task()); // the first scan's score lands after the second scan
    await new Promise((resolve) => setTimeout(resolve, 20));
    await deps.customers.settled();
    const stored = (await db.customers.get([SITE, 'a']))!;
    expect(stored.fields).toMatchObject({ Contract: 'Two year', Plan: 'Gold' });
    expect(stored.observationCount).toBe(2);
    expect(stored.lastScore).toBeDefined();
  });

  it('a patch on a cold cache applies to the row a scan stored while the disk was being read', async () => {
    const seed = createCustomerStore(db, { onWriteFailure: vi.fn() });
    await seed.recordSightings({ site: SITE, pageKind: 'list', url: 'u', adapter: 't', now: 1 }, [{ crmId: 'a', name: 'Ann', fields: { Plan: 'Basic' } }]);
    await seed.settled();
    const store = createCustomerStore(openDatabase({ name: db.name }), { onWriteFailure: vi.fn() });
    const patched = store.patch(SITE, 'a', (row) => ({ row: { ...row, activityCount: 3 } }));
    await store.recordSightings({ site: SITE, pageKind: 'list', url: 'u', adapter: 't', now: 1 + OBSERVATION_MIN_GAP_MS }, [
      { crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } },
    ]);
    expect(await patched).toMatchObject({ activityCount: 3 });
    await store.settled();
    expect(await db.customers.get([SITE, 'a'])).toMatchObject({ activityCount: 3, fields: { Plan: 'Gold' }, observationCount: 2 });
  });

  it('a patch of a customer that does not exist writes nothing', async () => {
    const store = createCustomerStore(db, { onWriteFailure: vi.fn() });
    expect(await store.patch(SITE, 'ghost', (row) => ({ row: { ...row, activityCount: 1 } }))).toBeUndefined();
    await store.settled();
    expect(await db.customers.count()).toBe(0);
  });
});
