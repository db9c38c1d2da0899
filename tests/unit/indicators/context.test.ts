import { describe, expect, it } from 'vitest';
import { hasEarlierWindow, paymentState, ticketState } from '@/lib/indicators/context';
import { context, history, note, order, payment, settings, ticket } from './helpers';

describe('prepared history', () => {
  it('buckets orders into recent (0, W], earlier (W, 2W] and older (2W, 3W] windows; the boundary day belongs to the older side', () => {
    const ctx = context(history({ activities: [order(0, 1), order(90, 2), order(91, 4), order(180, 8), order(181, 16), order(270, 32), order(271, 64)] }));
    expect(ctx.recent).toMatchObject({ orders: 1, spend: 1 });
    expect(ctx.earlier).toMatchObject({ orders: 2, spend: 6 });
    expect(ctx.older).toMatchObject({ orders: 2, spend: 24 });
    expect(ctx.orders).toHaveLength(7);
    expect(ctx.spendTotal).toBe(127);
  });

  it('sorts activities oldest first without touching the caller’s array, and drops those after today', () => {
    const activities = [order(5, 1), order(50, 2), order(-1, 4), order(20, 8)];
    const ctx = context(history({ activities }));
    expect(ctx.orders.map((o) => o.amount)).toEqual([2, 8, 1]);
    expect(activities.map((o) => o.amount)).toEqual([1, 2, 4, 8]);
  });

  it('tracks the first activity of any kind and the last order, contact or ticket', () => {
    const ctx = context(history({ activities: [note(300, 'x'), ticket(40), order(60), note(1, 'y'), payment(2, 'Paid')] }));
    expect(ctx.firstActivityAt).toBe(history().asOf - 300 * 86_400_000);
    expect(ctx.lastEngagementAt).toBe(history().asOf - 40 * 86_400_000);
  });

  it('knows the kinds the CRM listed, even empty ones', () => {
    expect([...context(history({ shown: ['ticket'], activities: [order(3)] })).known].sort()).toEqual(['order', 'ticket']);
  });

  it('compares windows only when the history reaches back before the recent window', () => {
    expect(hasEarlierWindow(context(history({ activities: [order(89)] })))).toBe(false);
    expect(hasEarlierWindow(context(history({ activities: [order(90)] })))).toBe(true);
    expect(hasEarlierWindow(context(history({ activities: [order(40)] }), settings({ windowDays: 30 })))).toBe(true);
  });

  it('without a known today nothing is bucketed into windows', () => {
    const ctx = context(history({ asOf: Number.NaN, activities: [order(5, 10)] }));
    expect(ctx.asOfKnown).toBe(false);
    expect(ctx.recent.orders).toBe(0);
    expect(ctx.orders).toHaveLength(1);
  });
});

describe('ticket and payment statuses', () => {
  it.each([
    ['Open', 'open'],
    ['Unresolved', 'open'],
    ['In progress', 'open'],
    ['处理中', 'open'],
    ['Resolved', 'resolved'],
    ['Closed', 'resolved'],
    ['已解决', 'resolved'],
    ['Triaged', null],
    [undefined, null],
  ])('ticket %s → %s', (status, state) => {
    expect(ticketState(status)).toBe(state);
  });

  it.each([
    ['Failed', 'bad'],
    ['Declined', 'bad'],
    ['Unpaid', 'bad'],
    ['Late', 'bad'],
    ['逾期', 'bad'],
    ['Paid', 'good'],
    ['已支付', 'good'],
    ['Scheduled', null],
    ['Translated', null], // "late" inside a word is not lateness
  ])('payment %s → %s', (status, state) => {
    expect(paymentState(status)).toBe(state);
  });
});
