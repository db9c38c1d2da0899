import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore, type CustomerStore } from '@/lib/background/customer-store';
import { boundedBatch, parkedBatchOf, utf8Bytes } from '@/lib/background/parked-rows';
import { handlersOf } from '@/lib/messaging/commands';
import type { PrivacyPorts } from '@/lib/privacy/privacy-deps';
import { emptyBatch, sizeOf } from '@/lib/background/write-queue';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { countObservations, type WriteBatch } from '@/lib/db/customers-repo';
import { ERASE_ALL_CONFIRMATION, privacyCommands } from '@/lib/privacy/privacy-commands';

/**
 * Rows held while storage fails are parked in storage.session (here: a
 * variable), so a worker that MV3 stops does not take them along; the next
 * worker writes them first. An erase drops them from the parked copy too
 * (issue 15 defect 1 must not come back through this path).
 */
const A = 'https://a.test';
const B = 'https://b.test';

describe('the parked copy is bounded', () => {
  const customer = (crmId: string, site = A) =>
    ({ site, crmId, name: `Customer ${crmId}`, fields: { Plan: 'Gold' } }) as unknown as WriteBatch['customers'][number];
  const observation = (crmId: string, at: number) =>
    ({ site: A, crmId, observedAt: at, fields: { Plan: 'Gold' } }) as unknown as WriteBatch['observations'][number];

  it('counts UTF-8 bytes as storage.session does (ASCII 1, é 2, 中 3, an emoji 4)', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('中文')).toBe(6);
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes(JSON.stringify({ name: '王小明' }))).toBe(new TextEncoder().encode(JSON.stringify({ name: '王小明' })).length);
  });

  it('keeps a batch that fits as it is', () => {
    const batch = { ...emptyBatch(), customers: [customer('1')], observations: [observation('1', 1)] };
    const bounded = boundedBatch(batch, 10_000);
    expect(bounded.batch).toBe(batch);
    expect(bounded.dropped).toBe(0);
    expect(bounded.bytes).toBe(utf8Bytes(JSON.stringify(batch)));
    expect(JSON.parse(bounded.text)).toEqual(batch);
  });

  it('past the bound keeps customers first, then the newest observations, and counts what it left out', () => {
    const batch = {
      ...emptyBatch(),
      customers: Array.from({ length: 10 }, (_, i) => customer(String(i))),
      observations: Array.from({ length: 200 }, (_, i) => observation(String(i % 10), i)),
    };
    const customersOnly = utf8Bytes(JSON.stringify({ ...emptyBatch(), customers: batch.customers }));
    const max = customersOnly + 20 * (utf8Bytes(JSON.stringify(batch.observations[0])) + 1);
    const bounded = boundedBatch(batch, max);
    expect(bounded.bytes).toBeLessThanOrEqual(max);
    expect(utf8Bytes(JSON.stringify(bounded.batch))).toBeLessThanOrEqual(max);
    expect(JSON.parse(bounded.text)).toEqual(bounded.batch);
    expect(bounded.batch.customers).toEqual(batch.customers);
    const kept = bounded.batch.observations.map((row) => row.observedAt);
    expect(kept.length).toBeGreaterThanOrEqual(15);
    expect(kept).toEqual(kept.slice().sort((x, y) => x - y)); // order kept
    expect(kept.at(-1)).toBe(199); // the newest survive
    expect(bounded.dropped).toBe(sizeOf(batch) - sizeOf(bounded.batch));
  });

  it('reads back only a parked batch: anything else is nothing to restore', () => {
    expect(parkedBatchOf(null)).toBeNull();
    expect(parkedBatchOf({ batch: { customers: 'x' } })).toBeNull();
    expect(parkedBatchOf({ batch: { customers: [{ crmId: '1' }] } })).toBeNull(); // a row without its site
    expect(parkedBatchOf({ batch: emptyBatch() })).toBeNull();
    expect(parkedBatchOf({ rows: '{"customers": [' })).toBeNull(); // cut JSON
    expect(parkedBatchOf({ rows: JSON.stringify({ customers: [{ crmId: '1' }] }) })).toBeNull();
    // Parked as JSON text (one string is converted far faster than objects), and the earlier builds' objects.
    const back = parkedBatchOf({ rows: boundedBatch({ ...emptyBatch(), customers: [customer('1')] }).text, dropped: 0, savedAt: 1 });
    expect(back).toEqual({ ...emptyBatch(), customers: [customer('1')] });
    expect(parkedBatchOf({ batch: { customers: [customer('1')] }, dropped: 0, savedAt: 1 })).toEqual(back);
  });
});

let db: ChurnRadarDb;
let counter = 0;
let diskFull: boolean;
/** storage.session's parked copy, as the background writes it. */
let session: WriteBatch | null;

const ctx = (site: string, now: number) => ({ site, pageKind: 'list' as const, url: `${site}/list`, adapter: 't', now });
const seen = (...ids: string[]) => ids.map((crmId) => ({ crmId, name: crmId, fields: { Plan: 'Gold' } }));
const noCtx = { site: null, tabId: null };

/** A worker: a store on the shared database, parking into `session`, taking back what is there. */
function startWorker(): CustomerStore {
  const store = createCustomerStore(db, {
    onWriteFailure: () => undefined,
    onParked: async (batch) => void (session = batch ? structuredClone(batch) : null),
  });
  void store.restore(Promise.resolve(session));
  return store;
}

function privacy(store: CustomerStore) {
  const ports: PrivacyPorts = {
    local: { getAll: async () => ({}), set: async () => undefined, remove: async () => undefined },
    clearSession: async () => undefined,
    policy: {
      current: async () => ({ available: false, policy: {}, problems: [], locked: [], lockReason: null, applied: {} }) as never,
      reapply: async () => undefined,
    },
    setRetentionDays: async () => undefined,
    prune: async () => undefined,
    modelProblem: () => null,
  };
  return handlersOf(privacyCommands, {
    db,
    customers: store,
    models: { invalidate: () => undefined },
    overrides: { reset: () => undefined },
    retentionDays: async () => 365,
    focus: { get: async () => null },
    emit: () => undefined,
    privacy: ports,
  });
}

beforeEach(() => {
  db = openDatabase({ name: `parked-${counter++}` });
  diskFull = false;
  session = null;
  const quota = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
  const bulkPut = db.customers.bulkPut.bind(db.customers);
  vi.spyOn(db.customers, 'bulkPut').mockImplementation(((...args: Parameters<typeof bulkPut>) =>
    diskFull ? Promise.reject(quota) : bulkPut(...args)) as typeof bulkPut);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const customersOf = async (site: string) => db.customers.where('site').equals(site).count();

describe('held rows outlive the worker', () => {
  it('a held batch is parked, taken back by the next worker and written once space returns; the parked copy is then cleared', async () => {
    const first = startWorker();
    diskFull = true;
    await first.recordSightings(ctx(A, 1), seen('a1', 'a2', 'a3'));
    await first.settled();
    expect(first.heldRows()).toBe(6); // 3 customers + 3 observations
    expect(session?.customers.map((row) => row.crmId)).toEqual(['a1', 'a2', 'a3']);

    // MV3 stops the worker (its memory is gone); space is freed; a new worker starts.
    diskFull = false;
    const second = startWorker();
    await second.settled();
    expect(await customersOf(A)).toBe(3);
    expect(await countObservations(db, A)).toBe(3);
    expect(session).toBeNull();
    // The next worker's read sees the rows as the previous worker merged them.
    const [again] = await second.recordSightings(ctx(A, 2), seen('a1'));
    expect(again).toMatchObject({ firstSeen: 1 });
  }, 15_000);

  it('still full at the next start: the rows are held and parked again, never lost', async () => {
    const first = startWorker();
    diskFull = true;
    await first.recordSightings(ctx(A, 1), seen('a1'));
    await first.settled();
    const second = startWorker();
    await second.settled();
    expect(second.heldRows()).toBe(2);
    expect(session?.customers).toHaveLength(1);
    diskFull = false;
    await second.retryHeld();
    expect(await customersOf(A)).toBe(1);
    expect(session).toBeNull();
  }, 15_000);

  it('erase all in the next worker, before space returns: the parked rows are dropped and never written back', async () => {
    const first = startWorker();
    diskFull = true;
    await first.recordSightings(ctx(A, 1), seen('a1'));
    await first.recordSightings(ctx(B, 1), seen('b1'));
    await first.settled();
    expect(session).not.toBeNull();

    const second = startWorker(); // started by the erase message itself
    await privacy(second).eraseAll({ confirm: ERASE_ALL_CONFIRMATION }, noCtx);
    expect(session).toBeNull();
    diskFull = false;
    await second.retryHeld();
    await second.settled();
    const third = startWorker();
    await third.settled();
    expect(await db.customers.count()).toBe(0);
    expect(await countObservations(db)).toBe(0);
  }, 15_000);

  it("erasing one site drops only its rows from the parked copy; the other site's rows land", async () => {
    const first = startWorker();
    diskFull = true;
    await first.recordSightings(ctx(A, 1), seen('a1'));
    await first.recordSightings(ctx(B, 1), seen('b1'));
    await first.settled();
    await privacy(first).eraseSite({ site: A, confirm: A }, noCtx);
    expect(session?.customers.map((row) => row.site)).toEqual([B]);
    diskFull = false;
    const second = startWorker();
    await second.settled();
    expect(await customersOf(A)).toBe(0);
    expect(await customersOf(B)).toBe(1);
  }, 15_000);

  it('an erase while the held batch is being retried still clears the parked copy', async () => {
    const store = startWorker();
    diskFull = true;
    await store.recordSightings(ctx(A, 1), seen('a1'));
    await store.settled();
    const retry = store.retryHeld(); // the alarm: the held batch is in flight (and fails again)
    await privacy(store).eraseAll({ confirm: ERASE_ALL_CONFIRMATION }, noCtx);
    await retry;
    expect(session).toBeNull();
    diskFull = false;
    startWorker();
    await store.settled();
    expect(await db.customers.count()).toBe(0);
  }, 15_000);
});
