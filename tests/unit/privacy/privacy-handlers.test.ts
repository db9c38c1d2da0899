import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { handlersOf } from '@/lib/messaging/commands';
import type { PrivacyPorts } from '@/lib/privacy/privacy-deps';
import type { HandlerContext } from '@/lib/background/router';
import { ERASE_ALL_CONFIRMATION, privacyCommands } from '@/lib/privacy/privacy-commands';
import { exportFileParts } from '@/lib/privacy/export-file';
import type { PageKey } from '@/lib/privacy/export-pages';
import { DATA_TABLES } from '@/lib/privacy/tables';

const A = 'https://a.test';
const B = 'https://b.test';
const ctx: HandlerContext = { site: null, tabId: null };
let db: ChurnRadarDb;
let counter = 0;
let local: Record<string, unknown>;
const resets = { customers: 0, overrides: 0, models: 0 };
const events: string[] = [];

const customer = (site: string, crmId: string, lastSeen = 1) => ({
  site,
  crmId,
  name: crmId,
  fields: {},
  firstSeen: 1,
  lastSeen,
  lastObservedAt: 1,
  observationCount: 1,
});
const score = (site: string, crmId: string, scoredAt: number) => ({ site, crmId, scoredAt, probability: 0.4, tier: 3 as const, modelId: 'm', reasons: [] });

const health = { reset: vi.fn(async () => undefined), forget: vi.fn(async (_site: string) => undefined) };

function handlers(locked: string[] = []) {
  const ports: PrivacyPorts = {
    local: {
      getAll: async () => ({ ...local }),
      set: async (values) => void Object.assign(local, values),
      remove: async (keys) => keys.forEach((key) => delete local[key]),
    },
    clearSession: async () => undefined,
    policy: {
      current: async () => ({ available: true, policy: { locked: locked as never }, problems: [], locked: locked as never, lockReason: null, applied: {} }),
      reapply: vi.fn(async () => undefined),
    },
    setRetentionDays: async (days) => void (local.retentionDays = days),
    prune: async () => undefined,
    modelProblem: (artifact) => ((artifact as { kind?: string }).kind ? null : 'Invalid model file: no kind'),
  };
  return {
    ports,
    ...handlersOf(privacyCommands, {
      db,
      customers: {
        settled: async () => undefined,
        erase: async (_scope, run) => {
          resets.customers++;
          return run();
        },
        reload: () => void resets.customers++,
      },
      models: { invalidate: () => void resets.models++ },
      overrides: { reset: () => void resets.overrides++ },
      retentionDays: async () => 365,
      focus: { get: async () => ({ site: A, crmId: 'a1', tabId: 1, at: 1 }) },
      emit: (event) => void events.push(event.type),
      privacy: ports,
      sites: { health },
    }),
  };
}

/** The export the options page assembles, through the same messages. */
async function exportText(h: ReturnType<typeof handlers>): Promise<string> {
  const { settings, dbVersion } = await h.exportSettings({}, ctx);
  let text = '';
  for await (const part of exportFileParts({ exportedAt: new Date(0).toISOString(), dbVersion }, settings, async function* (table) {
    for (let after: PageKey | undefined; ; ) {
      const page = await h.exportTablePage({ table, after, limit: 2 }, ctx);
      yield page.rows;
      if (page.next === null) break;
      after = page.next;
    }
  }))
    text += part;
  return text;
}

async function seed() {
  await db.customers.bulkPut([customer(A, 'a1'), customer(A, 'a2'), customer(A, 'a3'), customer(B, 'b1')]);
  await db.scores.bulkAdd([score(A, 'a1', 1), score(A, 'a1', 2), score(B, 'b1', 1)]);
  await db.actions.add({ site: A, crmId: 'a1', at: 5, kind: 'called' });
  await db.models.put({ id: 'm', createdAt: 'x', importedAt: 1, artifact: { kind: 'logistic' } as never });
  local = { retentionDays: 90, tierThresholds: [0.1, 0.2, 0.3, 0.4] };
}

const counts = async () => Object.fromEntries(await Promise.all(DATA_TABLES.map(async (t) => [t, await db.table(t).count()] as const)));

beforeEach(async () => {
  db = openDatabase({ name: `privacy-${counter++}` });
  await seed();
  events.length = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('privacy handlers', () => {
  it('summarises rows per table and per site, with a size estimate', async () => {
    const summary = await handlers().getDataSummary({}, ctx);
    expect(summary.tables.find((t) => t.table === 'customers')).toMatchObject({ rows: 4 });
    expect(summary.tables.find((t) => t.table === 'customers')!.estimatedBytes).toBeGreaterThan(4 * 50);
    expect(summary.sites).toEqual([
      { site: A, total: 6, tables: { customers: 3, scores: 2, actions: 1 } },
      { site: B, total: 2, tables: { customers: 1, scores: 1 } },
    ]);
    expect(summary.settings.keys).toBe(2);
  });

  it('export → erase everything → import gives the same data back, and a second import adds nothing', async () => {
    const h = handlers();
    const before = await counts();
    const text = await exportText(h);
    await expect(h.eraseAll({ confirm: 'yes' as never }, ctx)).rejects.toThrow(/Confirm/);
    Object.assign(local, { enabledSites: [{ origin: A, addedAt: 1 }], enabledSites$: { v: 1 } });
    // Every storage write reaches the open CRM tabs' watchers: the kept settings are neither removed nor written back.
    const set = vi.spyOn(h.ports.local, 'set');
    const remove = vi.spyOn(h.ports.local, 'remove');
    const erased = await h.eraseAll({ confirm: ERASE_ALL_CONFIRMATION }, ctx);
    expect(set).not.toHaveBeenCalled();
    expect(remove.mock.calls.flat(2)).not.toContain('enabledSites');
    expect(erased.deleted).toBe(9);
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
    // The enabled sites stay: they mirror granted permissions and registered scripts.
    expect(local).toEqual({ enabledSites: [{ origin: A, addedAt: 1 }], enabledSites$: { v: 1 } });
    expect(h.ports.policy.reapply).toHaveBeenCalled();
    expect(resets).toMatchObject({ customers: expect.any(Number), overrides: expect.any(Number) });
    expect(events).toContain('customer-updated');

    const summary = await h.importData({ text }, ctx);
    expect(await counts()).toEqual(before);
    expect(summary.tables.find((t) => t.table === 'customers')).toMatchObject({ added: 4, skipped: 0 });
    expect(summary.settings.applied).toBe(2);
    expect(local.retentionDays).toBe(90);

    const again = await h.importData({ text }, ctx);
    expect(await counts()).toEqual(before);
    expect(again.tables.find((t) => t.table === 'scores')).toMatchObject({ added: 0, skipped: 3 });
    expect(again.settings).toEqual({ applied: 0, skipped: 2 });
  });

  it('export pages continue after the last key: rows added or pruned between pages are neither repeated nor skipped', async () => {
    const h = handlers();
    const first = await h.exportTablePage({ table: 'customers', limit: 2 }, ctx);
    expect(first.rows.map((row) => (row as { crmId: string }).crmId)).toEqual(['a1', 'a2']);
    expect(first.next).toEqual([A, 'a2']);
    // A CRM tab records a customer that sorts before the page end, and retention prunes one already read.
    await db.customers.put(customer(A, 'a0'));
    await db.customers.delete([A, 'a1']);
    const rest: string[] = [];
    for (let after = first.next; after !== null; ) {
      const page = await h.exportTablePage({ table: 'customers', after, limit: 2 }, ctx);
      rest.push(...page.rows.map((row) => (row as { crmId: string }).crmId));
      after = page.next;
    }
    expect(rest).toEqual(['a3', 'b1']);

    // Auto-id tables page on the numeric id.
    const scores = await h.exportTablePage({ table: 'scores', limit: 2 }, ctx);
    await db.scores.add(score(A, 'a0', 9));
    const more = await h.exportTablePage({ table: 'scores', after: scores.next!, limit: 2 }, ctx);
    expect([...scores.rows, ...more.rows].map((row) => (row as { scoredAt: number }).scoredAt)).toEqual([1, 2, 1, 9]);
    // A full page cannot know it was the last; the next one is empty and ends the table.
    expect(await h.exportTablePage({ table: 'scores', after: more.next!, limit: 2 }, ctx)).toEqual({ rows: [], total: 4, next: null });
  });

  it('erases one site only, after the typed confirmation', async () => {
    const h = handlers();
    await expect(h.eraseSite({ site: A, confirm: 'a.test' }, ctx)).rejects.toThrow(/Type the site/);
    const { deleted } = await h.eraseSite({ site: A, confirm: ` ${A} ` }, ctx);
    expect(deleted).toBe(6);
    expect(await db.customers.toArray()).toEqual([customer(B, 'b1')]);
    expect(await db.scores.count()).toBe(1);
    expect(await db.models.count()).toBe(1);
  });

  it('erasing a site also forgets its adapter health, field mapping and join choice (it stays enabled)', async () => {
    const h = handlers();
    Object.assign(local, {
      siteHealth: { [A]: { pagesSeen: 2 }, [B]: { pagesSeen: 1 } },
      fieldMappings: { [A]: { fields: { Plan: 'contract' }, updatedAt: 1 } },
      siteJoinBy: { [A]: 'email' },
      enabledSites: [{ origin: A, addedAt: 1 }],
    });
    await h.eraseSite({ site: A, confirm: A }, ctx);
    expect(health.forget).toHaveBeenCalledWith(A);
    expect(local).toMatchObject({ siteHealth: { [B]: { pagesSeen: 1 } }, fieldMappings: {}, siteJoinBy: {}, enabledSites: [{ origin: A, addedAt: 1 }] });
  });

  it('erasing everything resets the adapter health held in memory', async () => {
    health.reset.mockClear();
    await handlers().eraseAll({ confirm: ERASE_ALL_CONFIRMATION }, ctx);
    expect(health.reset).toHaveBeenCalledOnce();
  });

  it('a malformed file is rejected and changes nothing; a file with bad rows is refused whole, the rows counted and named', async () => {
    const h = handlers();
    const before = await counts();
    await expect(h.importData({ text: '{"format":"churn-radar-export"' }, ctx)).rejects.toThrow(/not valid JSON/);
    await expect(h.importData({ text: JSON.stringify({ format: 'other' }) }, ctx)).rejects.toThrow(/not a Churn Radar export/);
    expect(await counts()).toEqual(before);
    const file = {
      format: 'churn-radar-export',
      version: 1,
      exportedAt: 'x',
      dbVersion: 4,
      tables: {
        customers: [
          customer(A, 'new'),
          { site: A },
          { ...customer(A, 'link'), detailUrl: 'javascript:alert(1)' },
          { ...customer(A, 'away'), detailUrl: `${B}/c/1` },
        ],
        scores: [score(A, 'new', 9)],
        models: [{ id: 'bad', createdAt: 'x', importedAt: 1, artifact: {} }],
      },
    };
    const refused = h.importData({ text: JSON.stringify(file) }, ctx);
    await expect(refused).rejects.toThrow(/^Nothing was imported: 4 rows of the file are refused\. customers row 2: crmId/);
    await expect(refused).rejects.toThrow(/customers row 3: detailUrl: not an http\(s\) address on the row's own site; customers row 4: detailUrl/);
    await expect(refused).rejects.toThrow(/models row 1: Invalid model file: no kind/);
    // The good customer and score of the same file are not written either.
    expect(await counts()).toEqual(before);
    expect(await db.customers.get([A, 'new'])).toBeUndefined();
    // Without the bad rows the same file imports.
    const good = { ...file, tables: { customers: [customer(A, 'new'), { ...customer(A, 'link'), detailUrl: `${A}/c/7` }], scores: file.tables.scores } };
    expect((await h.importData({ text: JSON.stringify(good) }, ctx)).tables).toEqual([
      { table: 'customers', added: 2, updated: 0, skipped: 0 },
      { table: 'scores', added: 1, updated: 0, skipped: 0 },
    ]);
  });

  it('does not import settings the policy locks', async () => {
    const h = handlers(['tierThresholds']);
    const text = await exportText(h);
    local = {};
    const summary = await h.importData({ text }, ctx);
    expect(local).toEqual({ retentionDays: 90, retentionDays$: { v: 1 } });
    expect(summary.settings).toEqual({ applied: 1, skipped: 1 });
  });

  it('refuses a file whose settings this version does not know or that do not validate, says why, and writes nothing', async () => {
    const h = handlers();
    local = { bogus: 'x', retentionDays: 5, tierThresholds: [0.1, 0.2, 0.3, 0.4] };
    const text = await exportText(h);
    await h.eraseAll({ confirm: ERASE_ALL_CONFIRMATION }, ctx);
    local = {};
    await expect(h.importData({ text }, ctx)).rejects.toThrow(
      /^Nothing was imported: 2 settings of the file are refused\. setting bogus: not a setting this version knows; setting retentionDays:/,
    );
    expect(local).toEqual({});
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
  });

  it('sets the retention window', async () => {
    expect(await handlers().setRetentionDays({ days: 45 }, ctx)).toEqual({ days: 45 });
    expect(local.retentionDays).toBe(45);
  });
});
