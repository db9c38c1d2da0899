import { describe, expect, it } from 'vitest';
import { fnv1a32, parseActivities, parseActivity } from '@/lib/parse/activity';
import type { ActivitySnapshot } from '@/lib/domain';

const NOW = Date.UTC(2024, 2, 31, 15, 30);
const DAY = 86_400_000;
const context = { now: NOW };

function activity(snapshot: ActivitySnapshot, ctx: Parameters<typeof parseActivity>[1] = context) {
  const r = parseActivity(snapshot, ctx);
  if (!r.ok) throw new Error(`expected the activity to parse, got: ${r.reason}`);
  return r.value;
}

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
  });
});

describe('parseActivity', () => {
  it('parses every field of an English order', () => {
    expect(
      activity({ id: 'ORD-1', kind: 'order', date: 'Mar 5, 2024', amount: '$1,234.50', quantity: '3 orders', status: ' Paid ', text: ' Renewal ' }),
    ).toEqual({ id: 'ORD-1', kind: 'order', at: Date.UTC(2024, 2, 5), amount: 1234.5, quantity: 3, status: 'Paid', text: 'Renewal' });
  });

  it('parses a Chinese order with a relative date', () => {
    expect(activity({ id: 'D-9', kind: 'order', date: '3天前', amount: '¥12,000', quantity: '5 单', status: '已完成' })).toEqual({
      id: 'D-9',
      kind: 'order',
      at: NOW - 3 * DAY,
      amount: 12000,
      quantity: 5,
      status: '已完成',
    });
  });

  it.each([
    ['1.2万元', 12000],
    ['-$20', -20],
    ['€1.234,50', 1234.5],
    ['(1,234.00)', -1234],
    ['29.85', 29.85],
  ])('amount %s → %d', (amount, expected) => {
    expect(activity({ id: 'x', kind: 'payment', date: '2024-03-05', amount }).amount).toBe(expected);
  });

  it.each([['1,234'], ['about $20'], ['12%'], ['n/a'], ['—'], ['3 orders']])('an unreadable or non-money amount %j is dropped, the activity kept', (amount) => {
    const a = activity({ id: 'x', kind: 'payment', date: '2024-03-05', amount });
    expect(a).toEqual({ id: 'x', kind: 'payment', at: Date.UTC(2024, 2, 5) });
  });

  it.each([
    ['3', 3],
    ['3 CDs', 3], // a quantity field: any unit word
    ['12 件', 12],
    ['0', 0],
  ])('quantity %s → %d', (quantity, expected) => {
    expect(activity({ id: 'x', kind: 'order', date: '2024-03-05', quantity }).quantity).toBe(expected);
  });

  it.each([['3m'], ['3 pm'], ['-2'], ['1.5 orders'], ['2023年'], ['lots']])('quantity %j is dropped, not guessed', (quantity) => {
    expect(activity({ id: 'x', kind: 'order', date: '2024-03-05', quantity }).quantity).toBeUndefined();
  });

  it('uses the order from the context for numeric dates', () => {
    expect(activity({ id: 'x', kind: 'note', date: '03/05/2024' }, { now: NOW, order: 'dmy' }).at).toBe(Date.UTC(2024, 4, 3));
    expect(activity({ id: 'x', kind: 'note', date: '3月5日' }, { now: NOW, referenceYear: 2024 }).at).toBe(Date.UTC(2024, 2, 5));
  });

  it('rejects an activity without a usable date, with the reason', () => {
    const ambiguous = parseActivity({ id: 'x', kind: 'note', date: '03/05/2024' }, context);
    expect(ambiguous).toMatchObject({ ok: false, missing: false });
    if (!ambiguous.ok) expect(ambiguous.reason).toMatch(/^date: ambiguous/);
    const blank = parseActivity({ id: 'x', kind: 'note', date: '  ' }, context);
    expect(blank).toMatchObject({ ok: false, reason: 'no date' });
  });

  it('rejects an unknown kind', () => {
    const r = parseActivity({ id: 'x', kind: 'meeting' as never, date: '2024-03-05' }, context);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.reason).toMatch(/unknown activity kind "meeting"/);
  });

  it('drops placeholder status and text', () => {
    const a = activity({ id: 'x', kind: 'ticket', date: '2024-03-05', status: '—', text: '   ' });
    expect(a).toEqual({ id: 'x', kind: 'ticket', at: Date.UTC(2024, 2, 5) });
  });

  describe('derived ids', () => {
    const base: ActivitySnapshot = { kind: 'order', date: '2024-03-05', amount: '$1,234.50', text: 'Renewal' };

    it('is "h:" + FNV-1a of kind, UTC day, amount and text', () => {
      expect(activity(base).id).toBe(`h:${fnv1a32('order\u001f2024-03-05\u001f1234.5\u001fRenewal')}`);
    });

    it('is the same whether the page shows the date or a relative time, and however the amount is formatted', () => {
      const shownAsDate = activity(base).id;
      const shownRelative = activity({ ...base, date: '3 days ago', amount: '1234.50' }, { now: Date.UTC(2024, 2, 8, 9) }).id;
      expect(shownRelative).toBe(shownAsDate);
    });

    it('ignores status and quantity (a ticket that gets resolved stays one activity)', () => {
      expect(activity({ ...base, status: 'Open' }).id).toBe(activity({ ...base, status: 'Resolved', quantity: '2' }).id);
    });

    it('changes with kind, day, amount or text', () => {
      const id = activity(base).id;
      expect(activity({ ...base, kind: 'payment' }).id).not.toBe(id);
      expect(activity({ ...base, date: '2024-03-06' }).id).not.toBe(id);
      expect(activity({ ...base, amount: '$1,234.51' }).id).not.toBe(id);
      expect(activity({ ...base, text: 'Renewal 2' }).id).not.toBe(id);
    });

    it('an unreadable amount still tells activities apart by its text', () => {
      expect(activity({ ...base, amount: '1,234' }).id).not.toBe(activity({ ...base, amount: '1,235' }).id);
    });

    it('a blank CRM id counts as none', () => {
      expect(activity({ ...base, id: '  ' }).id).toBe(activity(base).id);
    });
  });
});

describe('parseActivities', () => {
  it('parses the list, numbers repeated hashes, and reports rejects by index', () => {
    const order: ActivitySnapshot = { kind: 'order', date: '2024-03-05', amount: '$20' };
    const { activities, rejected } = parseActivities(
      [
        order,
        { kind: 'ticket', date: 'sometime' },
        { ...order },
        { id: 'T-7', kind: 'ticket', date: '昨天', status: '已解决' },
        { kind: 'note', date: '2024-02-30', text: 'x' },
        { ...order },
      ],
      context,
    );
    const hash = activity(order).id;
    expect(activities.map((a) => a.id)).toEqual([hash, `${hash}~2`, 'T-7', `${hash}~3`]);
    expect(activities[2]).toEqual({ id: 'T-7', kind: 'ticket', at: Date.UTC(2024, 2, 30), status: '已解决' });
    expect(rejected).toEqual([
      { index: 1, reason: 'date: neither a date nor a relative time: "sometime"' },
      { index: 4, reason: 'date: impossible date: February 2024 has 29 days, not 30: "2024-02-30"' },
    ]);
  });

  it('does not number CRM ids that repeat', () => {
    const { activities } = parseActivities(
      [
        { id: 'A', kind: 'note', date: '2024-03-05' },
        { id: 'A', kind: 'note', date: '2024-03-05' },
      ],
      context,
    );
    expect(activities.map((a) => a.id)).toEqual(['A', 'A']);
  });

  it('an empty list gives nothing', () => {
    expect(parseActivities([], context)).toEqual({ activities: [], rejected: [] });
  });
});
