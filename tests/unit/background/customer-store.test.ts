import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore } from '@/lib/background/customer-store';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { countObservations, getScoreHistory } from '@/lib/db/customers-repo';
import { OBSERVATION_MIN_GAP_MS } from '@/lib/db/merge';

let db: ChurnRadarDb;
let name: string;
let counter = 0;
beforeEach(() => {
  name = `store-${counter++}`;
  db = openDatabase({ name });
});
afterEach(async () => {
  await db.delete();
});

const site = 'http://crm.test';
// Sightings n minutes-of-throttle apart, so each change is worth an observation (OBSERVATION_MIN_GAP_MS).
const context = (n: number, pageKind: 'list' | 'detail' = 'list') => ({ site, pageKind, url: `${site}/c`, adapter: 't', now: n * OBSERVATION_MIN_GAP_MS });

describe('customer store', () => {
  it('answers with merged rows at once and has them on disk once settled', async () => {
    const store = createCustomerStore(db, { onWriteFailure: vi.fn() });
    const [first] = await store.recordSightings(context(1), [{ crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }]);
    const [second] = await store.recordSightings(context(2, 'detail'), [{ crmId: 'a', name: 'Ann', fields: { Tenure: '4 months' } }]);
    expect(first!.fields).toEqual({ Plan: 'Gold' });
    expect(second!.fields).toEqual({ Plan: 'Gold', Tenure: '4 months' });
    await store.recordScores(site, [{ crmId: 'a', probability: 0.3, tier: 3, modelId: 'm' }], 2, () => []);
    await store.settled();
    expect(await db.customers.get([site, 'a'])).toMatchObject({
      fields: { Plan: 'Gold', Tenure: '4 months' },
      observationCount: 2,
      lastScore: { probability: 0.3 },
    });
    expect(await countObservations(db)).toBe(2);
    expect(await getScoreHistory(db, site, 'a')).toHaveLength(1);
  });

  it('picks up where it left off after a restart (a new store over the same database)', async () => {
    const before = createCustomerStore(db, { onWriteFailure: vi.fn() });
    await before.recordSightings(context(1), [{ crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }]);
    await before.settled();
    const after = createCustomerStore(openDatabase({ name }), { onWriteFailure: vi.fn() });
    const [row] = await after.recordSightings(context(2), [{ crmId: 'a', name: 'Ann', fields: { Tenure: '1 month' } }]);
    expect(row).toMatchObject({ firstSeen: OBSERVATION_MIN_GAP_MS, fields: { Plan: 'Gold', Tenure: '1 month' }, observationCount: 2 });
    expect(await after.get(site, 'a')).toBe(row);
  });

  it('reports history it could not save instead of dropping it silently', async () => {
    const onWriteFailure = vi.fn();
    const store = createCustomerStore(db, { onWriteFailure });
    const quota = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    vi.spyOn(db, 'transaction').mockRejectedValue(quota); // reads still work; every write fails
    const [row] = await store.recordSightings(context(1), [{ crmId: 'a', name: 'Ann', fields: {} }]);
    expect(row!.name).toBe('Ann'); // the page still gets its answer
    await store.settled();
    expect(onWriteFailure).toHaveBeenCalledWith(quota, expect.objectContaining({ customers: [expect.objectContaining({ crmId: 'a' })] }));
  }, 10_000);

  it('two pages scanned at once with a cold cache do not overwrite each other', async () => {
    const seed = createCustomerStore(db, { onWriteFailure: vi.fn() });
    await seed.recordSightings(context(1), [{ crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }]);
    await seed.settled();
    const store = createCustomerStore(openDatabase({ name }), { onWriteFailure: vi.fn() });
    await Promise.all([
      store.recordSightings(context(2), [{ crmId: 'a', name: 'Ann', fields: { Tenure: '4 months' } }]),
      store.recordSightings(context(3, 'detail'), [{ crmId: 'a', name: 'Ann', fields: { Owner: 'Lee' } }]),
    ]);
    await store.settled();
    const row = await db.customers.get([site, 'a']);
    expect(row?.fields).toEqual({ Plan: 'Gold', Tenure: '4 months', Owner: 'Lee' });
    expect(row?.observationCount).toBe(3);
  });

  it('never evicts a row whose change is not on disk yet', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = createCustomerStore(db, { onWriteFailure: vi.fn(), maxCached: 2 });
    const slowDb = db;
    const originalTransaction = slowDb.transaction.bind(slowDb);
    const spy = vi
      .spyOn(slowDb, 'transaction')
      .mockImplementation(((...args: Parameters<typeof originalTransaction>) => gate.then(() => originalTransaction(...args))) as typeof originalTransaction);
    await store.recordSightings(context(1), [{ crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }]);
    await store.recordSightings(context(2), [
      { crmId: 'b', name: 'Bo', fields: {} },
      { crmId: 'c', name: 'Cy', fields: {} },
    ]);
    // 'a' is not written yet: it must still be what the store answers, not a miss.
    expect((await store.get(site, 'a'))?.fields).toEqual({ Plan: 'Gold' });
    release();
    await store.settled();
    spy.mockRestore();
    expect(await db.customers.count()).toBe(3);
  });

  it('finds a customer written earlier even after memory forgot it, without reading for first-time customers', async () => {
    const store = createCustomerStore(db, { onWriteFailure: vi.fn(), maxCached: 2 });
    await store.recordSightings(context(1), [{ crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } }]);
    await store.settled();
    // Push 'a' out of memory with three newer customers.
    await store.recordSightings(context(2), [
      { crmId: 'b', name: 'Bo', fields: {} },
      { crmId: 'c', name: 'Cy', fields: {} },
      { crmId: 'd', name: 'Di', fields: {} },
    ]);
    await store.settled();
    const reads = vi.spyOn(db.customers, 'bulkGet');
    const [again] = await store.recordSightings(context(3), [{ crmId: 'a', name: 'Ann', fields: { Owner: 'Lee' } }]);
    expect(again!.fields).toEqual({ Plan: 'Gold', Owner: 'Lee' });
    expect(again!.observationCount).toBe(2);
    reads.mockClear();
    await store.recordSightings(context(4), [{ crmId: 'new', name: 'New', fields: {} }]);
    expect(reads).not.toHaveBeenCalled();
  });
});
