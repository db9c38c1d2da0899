import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCustomerStore, type CustomerStore } from '@/lib/background/customer-store';
import { handlersOf } from '@/lib/messaging/commands';
import type { PrivacyPorts } from '@/lib/privacy/privacy-deps';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { countObservations } from '@/lib/db/customers-repo';
import { ERASE_ALL_CONFIRMATION, privacyCommands } from '@/lib/privacy/privacy-commands';

/**
 * Defect 1 (issue 15): erase waited for `settled()`, which returns at once
 * while a failed batch is held, and did not touch the queue, so the next
 * write put the erased rows back. The banner tells users on a full disk to
 * erase old data — exactly when rows are held.
 */
const A = 'https://a.test';
const B = 'https://b.test';
let db: ChurnRadarDb;
let counter = 0;
let store: CustomerStore;
let diskFull: boolean;

const ctx = (site: string, now: number) => ({ site, pageKind: 'list' as const, url: `${site}/list`, adapter: 't', now });
const seen = (...ids: string[]) => ids.map((crmId) => ({ crmId, name: crmId, fields: { Plan: 'Gold' } }));
const noCtx = { site: null, tabId: null };

function privacy() {
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
  db = openDatabase({ name: `erase-held-${counter++}` });
  diskFull = false;
  const quota = Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
  // Customer writes fail while the disk is "full"; deletes (the erase itself) still work, as in Chromium.
  const bulkPut = db.customers.bulkPut.bind(db.customers);
  vi.spyOn(db.customers, 'bulkPut').mockImplementation(((...args: Parameters<typeof bulkPut>) =>
    diskFull ? Promise.reject(quota) : bulkPut(...args)) as typeof bulkPut);
  store = createCustomerStore(db, { onWriteFailure: vi.fn() });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const customersOf = async (site: string) => db.customers.where('site').equals(site).count();

describe('erase while writes are held', () => {
  it('erasing a site drops its held rows: freeing space and scanning another site does not bring them back', async () => {
    await store.recordSightings(ctx(A, 1), seen('a1'));
    await store.settled();
    diskFull = true;
    await store.recordSightings(ctx(A, 2), seen('a2', 'a3'));
    await store.recordSightings(ctx(B, 2), seen('b1'));
    await store.settled(); // failed after the retries: held
    expect(store.heldRows()).toBeGreaterThan(0);

    await privacy().eraseSite({ site: A, confirm: A }, noCtx);
    diskFull = false;
    await store.recordSightings(ctx(B, 3), seen('b2'));
    await store.settled();

    expect(await customersOf(A)).toBe(0);
    expect(await countObservations(db, A)).toBe(0);
    // The other site's held rows were kept and written: nothing lost there.
    expect(await customersOf(B)).toBe(2);
  }, 15_000);

  it('erasing everything drops every held row, and the retry timer finds nothing to write back', async () => {
    diskFull = true;
    await store.recordSightings(ctx(A, 1), seen('a1'));
    await store.recordSightings(ctx(B, 1), seen('b1'));
    await store.settled();
    await privacy().eraseAll({ confirm: ERASE_ALL_CONFIRMATION }, noCtx);
    diskFull = false;
    await store.retryHeld();
    await store.settled();
    expect(await db.customers.count()).toBe(0);
    expect(await countObservations(db)).toBe(0);
    expect(store.heldRows()).toBe(0);
  }, 15_000);

  it('a scan answered while the erase runs is not written back, and one after it starts afresh', async () => {
    await store.recordSightings(ctx(A, 1), seen('a1'));
    await store.settled();
    const erased = privacy().eraseSite({ site: A, confirm: A }, noCtx);
    const during = store.recordSightings(ctx(A, 2), seen('a1'));
    await Promise.all([erased, during]);
    await store.settled();
    expect(await customersOf(A)).toBe(0);
    const [fresh] = await store.recordSightings(ctx(A, 3), seen('a1'));
    expect(fresh).toMatchObject({ firstSeen: 3, observationCount: 1 });
  });

  it('a scan whose disk read began before an erase and ended after it is answered but not recorded (privacy.spec erase race)', async () => {
    await store.recordSightings(ctx(A, 1), seen('a1'));
    await store.settled();
    // A new worker (cold memory) reads the page's customer from disk; the read is slow (a loaded machine).
    store = createCustomerStore(db, { onWriteFailure: vi.fn() });
    const bulkGet = db.customers.bulkGet.bind(db.customers);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(db.customers, 'bulkGet').mockImplementationOnce((async (...args: Parameters<typeof bulkGet>) => {
      const rows = await bulkGet(...args);
      await gate;
      return rows;
    }) as typeof bulkGet);
    const during = store.recordSightings(ctx(A, 2), seen('a1'));
    await vi.waitFor(() => expect(db.customers.bulkGet).toHaveBeenCalled());
    await privacy().eraseSite({ site: A, confirm: A }, noCtx);
    release();
    const [answered] = await during;
    expect(answered).toMatchObject({ crmId: 'a1' }); // the page still gets its row (and its score)
    const activities = await store.recordActivities(A, 'a1', [{ kind: 'order', at: 1, text: 'x' } as never], 2, 0); // begun before the erase
    expect(activities).toHaveLength(1);
    await store.settled();
    expect(await customersOf(A)).toBe(0);
    expect(await db.activities.count()).toBe(0);
    // The page's next scan records the customer afresh.
    const [fresh] = await store.recordSightings(ctx(A, 3), seen('a1'));
    expect(fresh).toMatchObject({ firstSeen: 3, observationCount: 1 });
    await store.settled();
    expect(await customersOf(A)).toBe(1);
  });

  it('a score computed before an erase and recorded after it does not resurrect the customer', async () => {
    await store.recordSightings(ctx(A, 1), seen('a1'));
    await store.settled();
    await privacy().eraseSite({ site: A, confirm: A }, noCtx);
    await store.recordScores(A, [{ crmId: 'a1', probability: 0.9, tier: 5, modelId: 'm' }], 2, () => []);
    await store.settled();
    expect(await customersOf(A)).toBe(0);
    expect(await db.scores.count()).toBe(0);
  });
});
