import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mappingCommands } from '@/lib/mapping/mapping-commands';
import { handlersOf } from '@/lib/messaging/commands';
import { createIndicatorCache } from '@/lib/indicators/customer-indicators';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import type { CustomerRow } from '@/lib/db/schema';
import { createFieldResolver } from '@/lib/fields/field-resolver';
import { DEFAULT_INDICATOR_SETTINGS } from '@/lib/indicators';
import type { FieldMappings } from '@/lib/mapping/mapping-ops';

const SITE = 'http://crm.test';
const OTHER = 'http://other.test';
let db: ChurnRadarDb;
let counter = 0;
let stored: FieldMappings;

const row = (site: string, crmId: string, lastSeen: number, fields: Record<string, string>): CustomerRow => ({
  site,
  crmId,
  name: crmId,
  fields,
  firstSeen: 0,
  lastSeen,
  lastObservedAt: 0,
  observationCount: 1,
});

beforeEach(async () => {
  db = openDatabase({ name: `mapping-${counter++}` });
  stored = {};
  await db.customers.bulkPut([
    row(SITE, 'a', 10, { 'Cuota mensual': '€ 80', Plan: 'Gold' }),
    row(SITE, 'b', 20, { 'Cuota mensual': '€ 95' }),
    row(OTHER, 'c', 5, { 月费: '¥99' }),
  ]);
});
afterEach(async () => {
  await db.delete();
});

const handlers = () =>
  handlersOf(mappingCommands, {
    db,
    now: () => 42,
    mapping: {
      mappings: { get: async () => stored, set: async (value) => void (stored = value) },
      siteTabs: async (site) => (site === SITE ? [{ tabId: 7, title: 'Accounts', url: `${SITE}/accounts` }] : []),
      startPicker: async (tabId) => tabId === 7,
    },
  });

describe('mapping handlers', () => {
  it('lists the sites with customers, most recently seen first', async () => {
    expect(await handlers().getMappingSites({}, { site: null, tabId: null })).toEqual({
      sites: [
        { site: SITE, customers: 2, lastSeen: 20 },
        { site: OTHER, customers: 1, lastSeen: 5 },
      ],
    });
  });
  it("gives a site's labels with samples of its recent customers", async () => {
    const { labels, customers } = await handlers().getSiteLabels({ site: SITE }, { site: null, tabId: null });
    expect(customers).toBe(2);
    expect(labels).toEqual([
      { label: 'Cuota mensual', count: 2, samples: ['€ 95', '€ 80'], suggested: null },
      { label: 'Plan', count: 1, samples: ['Gold'], suggested: 'plan' },
    ]);
  });
  it('saves the label the picker chose for the sender’s site only', async () => {
    await handlers().saveFieldLabel({ label: 'Cuota mensual', target: 'monthly_value' }, { site: SITE, tabId: 7 });
    expect(stored).toEqual({ [SITE]: { fields: { 'Cuota mensual': 'monthly_value' }, updatedAt: 42 } });
    await expect(handlers().saveFieldLabel({ label: 'X', target: 'plan' }, { site: null, tabId: null })).rejects.toThrow(/No CRM site/);
  });
  it('starts the picker on a tab and reports when no page answers', async () => {
    expect(await handlers().startFieldPicker({ tabId: 7 }, { site: null, tabId: null })).toEqual({ started: true });
    expect(await handlers().startFieldPicker({ tabId: 8 }, { site: null, tabId: null })).toEqual({ started: false });
    expect((await handlers().getSiteTabs({ site: SITE }, { site: null, tabId: null })).tabs).toHaveLength(1);
  });
});

describe('mapping in indicators', () => {
  it('recomputes indicators when the site’s resolver changes, and reads the mapped label', () => {
    const cache = createIndicatorCache();
    const none: [] = [];
    const customer = row(SITE, 'a', 10, { 'Cuota mensual': '80' });
    const plain = cache.of(customer, none, DEFAULT_INDICATOR_SETTINGS, 1_000);
    const resolve = createFieldResolver({ 'Cuota mensual': 'monthly_value' });
    const mapped = cache.of(customer, none, DEFAULT_INDICATOR_SETTINGS, 1_000, resolve);
    expect(mapped).not.toBe(plain);
    expect(cache.of(customer, none, DEFAULT_INDICATOR_SETTINGS, 1_000, resolve)).toBe(mapped);
    const value = (r: typeof plain) => r.values.find((v) => v.id === 'monthly_value' || v.id === 'monthly_spend')?.value ?? null;
    expect(value(plain)).toBeNull();
    expect(value(mapped)).toBe(80);
  });
});

describe('watching the mapping', () => {
  it('tells the side panel when the focused customer’s site changed, not for other sites', async () => {
    const { watchMappings } = await import('@/lib/background/mapping-ports');
    let changed: ((after: FieldMappings, before: FieldMappings | null) => void) | undefined;
    const events: unknown[] = [];
    const asked: string[] = [];
    watchMappings({
      watch: (callback) => void (changed = callback),
      siteTabs: async (site) => {
        asked.push(site);
        return [];
      },
      focused: async () => ({ site: SITE, crmId: 'a' }),
      emit: (event) => events.push(event),
    });
    changed!({ [OTHER]: { fields: { X: 'plan' }, updatedAt: 1 } }, {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([OTHER]);
    expect(events).toEqual([]);
    changed!({ [SITE]: { fields: { X: 'plan' }, updatedAt: 2 } }, { [OTHER]: { fields: { X: 'plan' }, updatedAt: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked.slice(1).sort()).toEqual([OTHER, SITE].sort()); // the second change: one site gone, one added
    expect(events).toEqual([{ channel: 'churn-radar-event', type: 'customer-updated', site: SITE, crmId: 'a' }]);
  });
});
