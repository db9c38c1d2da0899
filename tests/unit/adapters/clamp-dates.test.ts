// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clampExtraction, clampSnapshot, clampText } from '@/lib/adapters/clamp';
import { pageDateOrder, withIsoDates } from '@/lib/adapters/dates';
import { SNAPSHOT_LIMITS } from '@/lib/domain';
import { requestSchemas } from '@/lib/messaging/schemas';
import { BATCH_SIZE } from '@/lib/content/scanner';

const anchor = () => document.createElement('a');

describe('clamping snapshots to the message limits', () => {
  it('cuts long texts with an ellipsis, never inside a surrogate pair', () => {
    expect(clampText('abcdef', 4)).toBe('abc…');
    expect(clampText('ab😀cd', 4)).toBe('ab…');
    expect(clampText('abc', 4)).toBe('abc');
  });

  it('a 600-character company name and a 100 KB cell no longer fail the page: the batch passes the schema', () => {
    const long = { crmId: '1', name: 'A'.repeat(600), fields: { Notes: 'x'.repeat(100_000), ['L'.repeat(300)]: 'v', Plan: 'Pro' } };
    const fine = { crmId: '2', name: 'Acme', fields: { Plan: 'Pro' } };
    const tooLongId = { crmId: '9'.repeat(300), name: 'Id', fields: {} };
    const page = clampExtraction({ kind: 'list', customers: [long, fine, tooLongId].map((snapshot) => ({ snapshot, anchor: anchor() })) });
    const [first, second] = page.customers.map((c) => c.snapshot);
    expect(page.customers).toHaveLength(2);
    expect(first!.name).toHaveLength(SNAPSHOT_LIMITS.name);
    expect(first!.fields.Notes).toHaveLength(SNAPSHOT_LIMITS.value);
    expect(Object.keys(first!.fields)).toEqual(['Notes', 'Plan']);
    expect(second).toBe(fine);
    const request = { url: 'https://crm.example.com/', pageKind: 'list', adapter: 'generic', customers: page.customers.map((c) => c.snapshot) };
    expect(requestSchemas.scanPage.safeParse(request).success).toBe(true);
  });

  it('keeps every customer of a page longer than one scan message: the scanner sends it in batches', () => {
    const many = Array.from({ length: SNAPSHOT_LIMITS.customers + 1000 }, (_, i) => ({
      snapshot: { crmId: String(i), name: `C${i}`, fields: {} },
      anchor: anchor(),
    }));
    const page = clampExtraction({ kind: 'list', customers: many });
    expect(page.customers).toHaveLength(SNAPSHOT_LIMITS.customers + 1000);
    expect(BATCH_SIZE).toBeLessThanOrEqual(SNAPSHOT_LIMITS.customers);
  });

  it('keeps the first activities and fields beyond the counts, and cuts activity texts', () => {
    const activities = Array.from({ length: SNAPSHOT_LIMITS.activities + 5 }, (_, i) => ({
      kind: 'note' as const,
      date: '2026-01-01',
      text: i === 0 ? 'n'.repeat(9000) : 'ok',
    }));
    const fields = Object.fromEntries(Array.from({ length: 310 }, (_, i) => [`f${i}`, 'v']));
    const out = clampSnapshot({ crmId: '1', name: 'A', fields, activities })!;
    expect(out.activities).toHaveLength(SNAPSHOT_LIMITS.activities);
    expect(out.activities![0]!.text).toHaveLength(SNAPSHOT_LIMITS.activityText);
    expect(Object.keys(out.fields)).toHaveLength(SNAPSHOT_LIMITS.fields);
  });
});

describe('a page’s date order', () => {
  const customers = (...dates: string[]) =>
    dates.map((date, i) => ({ snapshot: { crmId: String(i), name: 'n', fields: { 'Last seen': date } }, anchor: anchor() }));

  it('the manager’s setting, then the page’s dates, then the site’s earlier pages, then the language; else none', () => {
    expect(pageDateOrder(customers('25/12/2026'), 'en-US', 'mdy', undefined)).toEqual({ order: 'mdy', source: 'setting' });
    expect(pageDateOrder(customers('25/12/2026', '1/2/2026'), 'en-US', undefined, undefined)).toEqual({ order: 'dmy', source: 'page' });
    expect(pageDateOrder(customers('1/2/2026'), 'en-US', undefined, 'dmy')).toEqual({ order: 'dmy', source: 'site' });
    expect(pageDateOrder(customers('1/2/2026'), 'en-US', undefined, undefined)).toEqual({ order: 'mdy', source: 'language' });
    expect(pageDateOrder(customers('1/2/2026'), 'zh-CN', undefined, undefined)).toBeUndefined();
  });

  it('sends ambiguous field and activity dates as ISO days, and the same object when none is', () => {
    const snapshot = { crmId: '1', name: 'n', fields: { 'Last seen': '12/6/2026', Orders: '3' }, activities: [{ kind: 'order' as const, date: '1/2/2026' }] };
    expect(withIsoDates(snapshot, 'mdy')).toEqual({
      ...snapshot,
      fields: { 'Last seen': '2026-12-06', Orders: '3' },
      activities: [{ kind: 'order', date: '2026-01-02' }],
    });
    expect(withIsoDates(snapshot, undefined)).toBe(snapshot);
    const plain = { crmId: '2', name: 'n', fields: { Orders: '3' } };
    expect(withIsoDates(plain, 'mdy')).toBe(plain);
  });
});
