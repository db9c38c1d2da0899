import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type ChurnRadarDb } from '../../../lib/db/db';
import { createPrivacyHandlers, type PrivacyPorts } from '../../../lib/background/privacy-handlers';
import type { HandlerContext } from '../../../lib/background/router';
import { ERASE_ALL_CONFIRMATION } from '../../../lib/messaging/privacy-protocol';
import { exportFileParts } from '../../../lib/privacy/export-file';
import type { PageKey } from '../../../lib/privacy/export-pages';
import { DATA_TABLES } from '../../../lib/privacy/tables';

const A = 'https://a.test';
const B = 'https://b.test';
const ctx: HandlerContext = { site: null, tabId: null };
let db: ChurnRadarDb;
let counter = 0;
let local: Record<string, unknown>;
const resets = { customers: 0, overrides: 0, models: 0 };
const events: string[] = [];

const customer = (site: string, crmId: string, lastSeen = 1) => ({ site, crmId, name: crmId, fields: {}, firstSeen: 1, lastSeen, lastObservedAt: 1, observationCount: 1 });
const score = (site: string, crmId: string, scoredAt: number) => ({ site, crmId, scoredAt, probability: 0.4, tier: 3 as const, modelId: 'm', reasons: [] });

const health = { reset: vi.fn(async () => undefined), forget: vi.fn(async (_site: string) => undefined) };

function handlers(locked: string[] = []) {
  const ports: PrivacyPorts = {
    local: { getAll: async () => ({ ...local }), set: async (values) => void Object.assign(local, values), clear: async () => void (local = {}) },
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
    ...createPrivacyHandlers({
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
    const erased = await h.eraseAll({ confirm: ERASE_ALL_CONFIRMATION }, ctx);
    expect(erased.deleted).toBe(9);
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true);
    // The enabled sites stay: they mirror granted permissions and registered scripts.
    expect(local).toEqual({ enabledSites: [{ origin: A, addedAt: 1 }], enabledSites$: { v: 1 } });
    expect(h.ports.policy.reapply).toHaveBeenCalled();
    expect(resets).toMatchObject({ customers: expect.any(Number), overrides: expect.any(Number) });
    expect(events).toContain('customer-updated');

    const summary = await h.importData({ text }, ctx);
    expect(await counts()).toEqual(before);
    expect(summary.tables.find((t) => t.table === 'customers')).toMatchObject({ added: 4, skipped: 0, rejected: 0 });
    expect(summary.settings.applied).toBe(2);
    expect(local.retentionDays).toBe(90);

    const again = await h.importData({ text }, ctx);
    expect(await counts()).toEqual(before);
    expect(again.tables.find((t) => t.table === 'scores')).toMatchObject({ added: 0, skipped: 3 });
    expect(again.settings).toEqual({ applied: 0, skipped: 2, rejected: 0 });
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

  it('a malformed file is rejected and changes nothing; bad rows are counted and named', async () => {
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
      tables: { customers: [customer(A, 'new'), { site: A }], models: [{ id: 'bad', createdAt: 'x', importedAt: 1, artifact: {} }] },
    };
    const summary = await h.importData({ text: JSON.stringify(file) }, ctx);
    expect(summary.tables).toEqual([
      { table: 'customers', added: 1, updated: 0, skipped: 0, rejected: 1 },
      { table: 'models', added: 0, updated: 0, skipped: 0, rejected: 1 },
    ]);
    expect(summary.problems.join('\n')).toMatch(/customers row 2: crmId/);
    expect(summary.problems.join('\n')).toMatch(/no kind/);
  });

  it('does not import settings the policy locks', async () => {
    const h = handlers(['tierThresholds']);
    const text = await exportText(h);
    local = {};
    const summary = await h.importData({ text }, ctx);
    expect(local).toEqual({ retentionDays: 90, retentionDays$: { v: 1 } });
    expect(summary.settings).toEqual({ applied: 1, skipped: 1, rejected: 0 });
  });

  it('refuses imported settings this version does not know or that do not validate, and says why', async () => {
    const h = handlers();
    local = { bogus: 'x', retentionDays: 5, tierThresholds: [0.1, 0.2, 0.3, 0.4] };
    const text = await exportText(h);
    local = {};
    const summary = await h.importData({ text }, ctx);
    expect(local).toEqual({ tierThresholds: [0.1, 0.2, 0.3, 0.4], tierThresholds$: { v: 1 } });
    expect(summary.settings).toEqual({ applied: 1, skipped: 0, rejected: 2 });
    expect(summary.problems).toEqual(['setting bogus: not a setting this version knows', expect.stringMatching(/^setting retentionDays:/)]);
  });

  it('sets the retention window', async () => {
    expect(await handlers().setRetentionDays({ days: 45 }, ctx)).toEqual({ days: 45 });
    expect(local.retentionDays).toBe(45);
  });
});
