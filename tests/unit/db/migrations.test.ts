import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import v1 from '@/tests/fixtures/db/v1.json';
import { worklistRankOf } from '@/lib/db/worklist-keys';
import { openDatabase, STORES_V1, STORES_V2, STORES_V3, STORES_V4, STORES_V5, type ChurnRadarDb } from '@/lib/db/db';
import { customerValueOf } from '@/lib/db/migrations/v2';
import { countObservations, getObservations } from '@/lib/db/customers-repo';

const V1_TABLES = ['customers', 'observations', 'scores', 'models', 'meta'] as const;
let counter = 0;
let opened: ChurnRadarDb | null = null;
afterEach(async () => {
  await opened?.delete();
  opened = null;
});

/** A database exactly as version 1 of the extension left it. */
async function writeVersion1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(STORES_V1);
  await old.open();
  for (const table of V1_TABLES) await old.table(table).bulkAdd(v1[table] as object[]);
  old.close();
}

describe('schema migrations', () => {
  it('v1 → current keeps every row of every v1 table', async () => {
    const name = `migrate-${counter++}`;
    await writeVersion1(name);
    opened = openDatabase({ name });
    await opened.open();
    expect(opened.verno).toBe(7);
    for (const table of V1_TABLES.filter((t) => t !== 'observations')) {
      const rows = await opened.table(table).toArray();
      expect(rows.length, table).toBe(v1[table].length);
    }
    const scores = await opened.scores.orderBy('id').toArray();
    expect(scores).toEqual(v1.scores);
    // Observations now live in page batches (v3); every one is still there, per customer.
    expect(await countObservations(opened)).toBe(v1.observations.length);
    const strip = ({ id: _id, ...rest }: { id?: number }) => rest;
    expect(await getObservations(opened, 'http://127.0.0.1:4178', '7590-VHVEG')).toEqual(v1.observations.filter((o) => o.crmId === '7590-VHVEG').map(strip));
    expect(await opened.meta.get('activeModelId')).toEqual({ key: 'activeModelId', value: 'fixture-model' });
  });

  it('v1 → v2 fills the customer value from whatever the fields call it, and only where one is shown', async () => {
    const name = `migrate-${counter++}`;
    await writeVersion1(name);
    opened = openDatabase({ name });
    const [ava, wang, none] = await opened.customers.bulkGet([
      ['http://127.0.0.1:4178', '7590-VHVEG'],
      ['http://127.0.0.1:4178', '5575-GNVDE'],
      ['https://crm.example.com', 'acct-1'],
    ]);
    expect(ava?.value).toBe(29.85);
    expect(wang?.value).toBe(56.95);
    expect(none && 'value' in none).toBe(false);
    // Everything else of the row is untouched.
    const { value: _value, worklistRank, owner: _owner, ...rest } = ava!;
    expect(rest).toEqual(v1.customers[0]);
    // v7 derived the worklist key from the migrated row (value included), and its index holds exactly the at-risk customers.
    expect(worklistRank).toBe(worklistRankOf(ava!));
    const atRisk = (await opened.customers.toArray()).filter((c) => worklistRankOf(c) !== undefined).length;
    expect(await opened.customers.orderBy('worklistRank').count()).toBe(atRisk);
    // The new index answers queries over the migrated rows.
    const byValue = await opened.customers.where('[site+value]').between(['http://127.0.0.1:4178', 50], ['http://127.0.0.1:4178', Infinity]).toArray();
    expect(byValue.map((c) => c.crmId)).toEqual(['5575-GNVDE']);
  });

  it('v2 starts the new tables empty and usable', async () => {
    const name = `migrate-${counter++}`;
    await writeVersion1(name);
    opened = openDatabase({ name });
    expect(await opened.activities.count()).toBe(0);
    await opened.activities.put({ site: 's', crmId: 'c', id: 'o1', kind: 'order', at: 1, amount: 5, firstSeen: 1, lastSeen: 1 });
    expect(await opened.activities.where('[site+crmId+at]').between(['s', 'c', 0], ['s', 'c', 2]).count()).toBe(1);
  });

  it('reads a value only when the text is a number', () => {
    expect(customerValueOf({ 'Monthly fee': '$1,234.50' })).toBe(1234.5);
    expect(customerValueOf({ MonthlyCharges: 'n/a' })).toBeUndefined();
    expect(customerValueOf({})).toBeUndefined();
  });

  it('v2 → v3 regroups observations into page batches and drops the old table', async () => {
    const name = `migrate-${counter++}`;
    const old = new Dexie(name);
    old.version(1).stores(STORES_V1);
    old.version(2).stores(STORES_V2);
    await old.open();
    const page = { site: 'http://crm.test', observedAt: 10, pageKind: 'list' as const, url: 'http://crm.test/list', adapter: 'generic' };
    await old.table('observations').bulkAdd([
      { ...page, crmId: 'a', name: 'Ann', fields: { Plan: 'Gold' } },
      { ...page, crmId: 'b', name: 'Bo', fields: { Plan: 'Basic' } },
      { ...page, observedAt: 20, pageKind: 'detail', url: 'http://crm.test/a', crmId: 'a', name: 'Ann', fields: { Plan: 'Gold', Owner: 'Lee' } },
    ]);
    old.close();
    opened = openDatabase({ name });
    await opened.open();
    expect(opened.tables.map((t) => t.name)).not.toContain('observations');
    expect(await opened.observationBatches.count()).toBe(2);
    expect((await getObservations(opened, 'http://crm.test', 'a')).map((o) => [o.observedAt, o.pageKind, o.fields])).toEqual([
      [10, 'list', { Plan: 'Gold' }],
      [20, 'detail', { Plan: 'Gold', Owner: 'Lee' }],
    ]);
    expect(await getObservations(opened, 'http://crm.test', 'b')).toHaveLength(1);
  });

  it('v3 → v4 adds feedback and overrides, empty and usable, and keeps everything else', async () => {
    const name = `migrate-${counter++}`;
    const old = new Dexie(name);
    old.version(1).stores(STORES_V1);
    old.version(2).stores(STORES_V2);
    old.version(3).stores(STORES_V3);
    await old.open();
    await old.table('actions').add({ site: 's', crmId: 'c', at: 1, kind: 'called' });
    old.close();
    opened = openDatabase({ name });
    await opened.open();
    expect(opened.verno).toBe(7);
    expect(await opened.actions.count()).toBe(1);
    await opened.overrides.put({ site: 's', crmId: 'c', tier: 5, reason: 'r', at: 1, expiresAt: 2 });
    await opened.feedback.add({ site: 's', crmId: 'c', at: 1, verdict: 'too_low', reason: 'r', probability: 0.1, tier: 1, modelId: 'm' });
    expect(await opened.overrides.where('site').equals('s').count()).toBe(1);
    expect(await opened.feedback.where('[site+crmId+at]').between(['s', 'c', 0], ['s', 'c', 9]).count()).toBe(1);
  });
});

describe('v5 → v6: models record the sites they score', () => {
  /** A database as version 5 left it: a bundled model, an active model of the team, an imported one. */
  async function writeVersion5(name: string): Promise<void> {
    const old = new Dexie(name);
    old.version(1).stores(STORES_V1);
    old.version(2).stores(STORES_V2);
    old.version(3).stores(STORES_V3);
    old.version(4).stores(STORES_V4);
    old.version(5).stores(STORES_V5);
    await old.open();
    const model = (id: string, name: string) => ({ id, createdAt: '2026-01-01T00:00:00Z', importedAt: 1, artifact: { id, name } });
    await old
      .table('models')
      .bulkAdd([model('bundled-1', 'Demo telco'), model('legacy-bundled', 'Demo shoppers'), model('team-1', 'Our model'), model('csv-1', 'From a CSV')]);
    await old.table('meta').bulkAdd([
      { key: 'activeModelIds', value: ['team-1', 'bundled-1'] },
      { key: 'bundledModelsInstalled', value: ['Demo telco', 'Demo shoppers'] },
      // legacy-bundled predates the catalog: known as bundled by its name.
      { key: 'modelCatalog', value: { 'bundled-1': { origin: 'bundled' }, 'team-1': { origin: 'trained' }, 'csv-1': { origin: 'trained' } } },
    ]);
    const customer = (site: string, crmId: string) => ({
      site,
      crmId,
      name: crmId,
      fields: {},
      firstSeen: 1,
      lastSeen: 1,
      lastObservedAt: 1,
      observationCount: 1,
    });
    await old
      .table('customers')
      .bulkAdd([customer('https://crm.example.com', 'a'), customer('https://shop.example.org', 'b'), customer('https://crm.example.com', 'c')]);
    old.close();
  }

  it('bundled → the demo CRM; an active team model → the sites with customers; others → none', async () => {
    const name = `migrate-${counter++}`;
    await writeVersion5(name);
    opened = openDatabase({ name });
    await opened.open();
    expect(opened.verno).toBe(7);
    const sites = Object.fromEntries((await opened.models.toArray()).map((row) => [row.id, row.sites]));
    expect(sites).toEqual({
      'bundled-1': ['http://127.0.0.1:4178'],
      'legacy-bundled': ['http://127.0.0.1:4178'],
      'team-1': ['https://crm.example.com', 'https://shop.example.org'],
      'csv-1': [],
    });
    // The multiEntry index finds a site's models.
    expect((await opened.models.where('sites').equals('https://shop.example.org').toArray()).map((r) => r.id)).toEqual(['team-1']);
  });
});
