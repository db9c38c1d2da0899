import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, STORES_V1, STORES_V2, STORES_V3, STORES_V4, type ChurnRadarDb } from '@/lib/db/db';

let opened: ChurnRadarDb | null = null;
afterEach(async () => {
  await opened?.delete();
  opened = null;
});

describe('schema version 5 (experiment enrolments)', () => {
  it('opens a database written by version 4 with every row kept and an empty enrolments table', async () => {
    const name = 'migrate-v5';
    const old = new Dexie(name);
    old.version(1).stores(STORES_V1);
    old.version(2).stores(STORES_V2);
    old.version(3).stores(STORES_V3);
    old.version(4).stores(STORES_V4);
    await old.open();
    const customer = {
      site: 'https://crm.example.com',
      crmId: 'C-1',
      name: 'Ann',
      fields: { Plan: 'Pro' },
      firstSeen: 1,
      lastSeen: 2,
      lastObservedAt: 2,
      observationCount: 1,
    };
    await old.table('customers').add(customer);
    await old.table('actions').add({ site: customer.site, crmId: 'C-1', at: 5, kind: 'called', outcome: { kind: 'retained', at: 6 } });
    await old.table('overrides').add({ site: customer.site, crmId: 'C-1', tier: 5, reason: 'vip', at: 3, expiresAt: 9 });
    old.close();

    opened = openDatabase({ name });
    await opened.open();
    expect(opened.verno).toBeGreaterThanOrEqual(5);
    expect(await opened.customers.toArray()).toEqual([customer]);
    expect(await opened.actions.count()).toBe(1);
    expect(await opened.overrides.count()).toBe(1);
    expect(await opened.enrolments.count()).toBe(0);
    await opened.enrolments.add({ experimentId: 'e', site: customer.site, crmId: 'C-1', arm: 'control', enrolledAt: 7 });
    // One row per customer per experiment; found by customer and by experiment.
    await expect(opened.enrolments.add({ experimentId: 'e', site: customer.site, crmId: 'C-1', arm: 'control', enrolledAt: 8 })).rejects.toThrow();
    expect(await opened.enrolments.where('[site+crmId]').equals([customer.site, 'C-1']).count()).toBe(1);
    expect(await opened.enrolments.where('experimentId').equals('e').count()).toBe(1);
  });
});
