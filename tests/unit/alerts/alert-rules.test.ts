import { describe, expect, it } from 'vitest';
import { alertSettingsSchema, DEFAULT_ALERT_SETTINGS, minutesOf, type AlertSettings } from '@/lib/alerts/alert-settings';
import { inQuietHours, localClock } from '@/lib/alerts/quiet-hours';
import { detectRises, passedDue, type TierChange } from '@/lib/alerts/rise';
import { deliver } from '@/lib/alerts/delivery';
import { appendEvents, eventIdOfNotification, MAX_ALERT_EVENTS, notificationIdOf, type AlertEvent } from '@/lib/alerts/alert-log';
import { digestOf } from '@/lib/alerts/digest';
import { notificationText } from '@/lib/alerts/notification-text';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (h: number, m = 0) => h * 60 + m;
const quiet = (start: string, end: string, enabled = true) => ({ enabled, start, end });

describe('quiet hours', () => {
  it('holds alerts inside a span within one day, start included, end excluded', () => {
    const span = quiet('12:00', '14:30');
    expect([at(11, 59), at(12), at(14, 29), at(14, 30)].map((m) => inQuietHours(span, m))).toEqual([false, true, true, false]);
  });
  it('spans midnight when the end is before the start', () => {
    const night = quiet('19:00', '08:00');
    expect([at(18, 59), at(19), at(23, 59), at(0), at(7, 59), at(8), at(12)].map((m) => inQuietHours(night, m))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('is off when disabled, and an equal start and end is an empty span', () => {
    expect(inQuietHours(quiet('19:00', '08:00', false), at(23))).toBe(false);
    expect(inQuietHours(quiet('09:00', '09:00'), at(9))).toBe(false);
  });
  it('reads the local clock and HH:MM times', () => {
    expect(localClock(new Date(2026, 11, 7, 23, 5))).toEqual({ minute: at(23, 5), day: '2026-12-07' });
    expect(localClock(new Date(2027, 0, 1, 0, 0))).toEqual({ minute: 0, day: '2027-01-01' });
    expect(minutesOf('07:45')).toBe(465);
  });
  it('refuses settings a form could send wrong', () => {
    expect(alertSettingsSchema.safeParse(DEFAULT_ALERT_SETTINGS).success).toBe(true);
    expect(alertSettingsSchema.safeParse({ ...DEFAULT_ALERT_SETTINGS, quietHours: quiet('24:00', '08:00') }).success).toBe(false);
    expect(alertSettingsSchema.safeParse({ ...DEFAULT_ALERT_SETTINGS, dailyCap: 0 }).success).toBe(false);
    expect(alertSettingsSchema.safeParse({ ...DEFAULT_ALERT_SETTINGS, minTier: 3 }).success).toBe(false);
  });
});

describe('tier rises', () => {
  const change = (key: string, from: TierChange['from'], to: TierChange['to']): TierChange => ({ key, from, to });
  it('alerts a rise to tier 4 or 5 from a lower tier, not a first score or a fall', () => {
    const { rises, ledger } = detectRises({}, [change('a', 3, 4), change('b', 2, 5), change('c', null, 5), change('d', 5, 4), change('e', 2, 3)]);
    expect(rises.map((r) => r.key)).toEqual(['a', 'b']);
    expect(ledger).toEqual({ a: 4, b: 5 });
  });
  it('alerts once per rise: a repeat or a flap inside the at-risk spell stays quiet, a further rise alerts', () => {
    let ledger = detectRises({}, [change('a', 3, 4)]).ledger;
    const flap = detectRises(ledger, [change('a', 4, 3)]);
    expect(flap.ledger).toBe(ledger); // unchanged: nothing to store
    ledger = flap.ledger;
    expect(detectRises(ledger, [change('a', 3, 4)]).rises).toEqual([]);
    const further = detectRises(ledger, [change('a', 4, 5)]);
    expect(further.rises).toEqual([change('a', 4, 5)]);
    expect(further.ledger).toEqual({ a: 5 });
  });
  it('starts over once the customer leaves the at-risk tiers', () => {
    const recovered = detectRises({ a: 5 }, [change('a', 5, 2)]).ledger;
    expect(recovered).toEqual({});
    expect(detectRises(recovered, [change('a', 2, 4)]).rises).toHaveLength(1);
  });
  it('reports due times passed since the last check with no action, once', () => {
    const items = [
      { id: 1, dueAt: 10, lastAction: null },
      { id: 2, dueAt: 20, lastAction: { kind: 'called', at: 5 } },
      { id: 3, dueAt: 30, lastAction: null },
      { id: 4, dueAt: 5, lastAction: null },
    ];
    expect(passedDue(items, null, 100)).toEqual([]);
    expect(passedDue(items, 5, 25).map((i) => i.id)).toEqual([1]);
    expect(passedDue(items, 25, 40).map((i) => i.id)).toEqual([3]);
  });
});

describe('delivery', () => {
  const on: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, enabled: true, dailyCap: 2 };
  const noon = { minute: at(12), day: '2026-12-07' };
  const rise = (tier: number) => ({ kind: 'rise' as const, tier });
  it('shows alerts up to the daily cap, then holds them back; a new day starts the count again', () => {
    const first = deliver(on, true, { day: '2026-12-07', count: 1 }, noon, [rise(4), rise(5), rise(5)]);
    expect(first.deliveries).toEqual(['shown', 'capped', 'capped']);
    expect(first.shown).toEqual({ day: '2026-12-07', count: 2 });
    expect(deliver(on, true, first.shown, { ...noon, day: '2026-12-08' }, [rise(4)]).deliveries).toEqual(['shown']);
  });
  it('holds back in quiet hours without using the cap', () => {
    const night = deliver(on, true, { day: '2026-12-07', count: 0 }, { minute: at(23), day: '2026-12-07' }, [rise(5)]);
    expect(night.deliveries).toEqual(['quiet']);
    expect(night.shown.count).toBe(0);
  });
  it('is no notification when alerts are off, not permitted, below the chosen tier, or due alerts are off', () => {
    expect(deliver({ ...on, enabled: false }, true, { day: '', count: 0 }, noon, [rise(5)]).deliveries).toEqual(['off']);
    expect(deliver(on, false, { day: '', count: 0 }, noon, [rise(5)]).deliveries).toEqual(['off']);
    expect(deliver({ ...on, minTier: 5 }, true, { day: '', count: 0 }, noon, [rise(4), rise(5)]).deliveries).toEqual(['off', 'shown']);
    expect(deliver({ ...on, dueAlerts: false }, true, { day: '', count: 0 }, noon, [{ kind: 'due', tier: 5 }]).deliveries).toEqual(['off']);
  });
});

const event = (over: Partial<AlertEvent>): AlertEvent => ({
  id: 'x',
  kind: 'rise',
  site: 's',
  crmId: 'c',
  name: 'Acme',
  url: 'https://crm/c',
  tier: 5,
  from: 3,
  dueAt: null,
  at: 0,
  delivery: 'shown',
  ...over,
});

describe('digest and log', () => {
  const now = 10 * DAY;
  it('counts customers per highest tier reached in the last 24 hours, overdue ones and held-back alerts', () => {
    const events = [
      event({ id: '1', crmId: 'old', at: now - DAY - 1 }),
      event({ id: '2', crmId: 'a', tier: 4, at: now - 5 * HOUR }),
      event({ id: '3', crmId: 'a', tier: 5, from: 4, at: now - 4 * HOUR, delivery: 'quiet' }),
      event({ id: '4', crmId: 'b', tier: 5, at: now - 3 * HOUR, delivery: 'capped' }),
      event({ id: '5', crmId: 'c', tier: 4, at: now - 2 * HOUR, delivery: 'off' }),
      event({ id: '6', crmId: 'd', kind: 'due', tier: 4, from: null, dueAt: now - HOUR, at: now - HOUR }),
      event({ id: '7', crmId: 'd', kind: 'due', tier: 4, from: null, dueAt: now - 1, at: now - 1 }),
    ];
    const digest = digestOf(events, now);
    expect({ ...digest, latest: digest.latest.map((e) => e.id) }).toEqual({ roseTo5: 2, roseTo4: 1, overdue: 1, heldBack: 2, latest: ['7', '5', '4', '3'] });
  });
  it('keeps eight days and at most the newest 1,000 alerts', () => {
    const kept = appendEvents([event({ id: 'old', at: 0 }), event({ id: 'new', at: 5 * DAY })], [event({ id: 'now', at: 9 * DAY })], 9 * DAY);
    expect(kept.map((e) => e.id)).toEqual(['new', 'now']);
    const many = Array.from({ length: MAX_ALERT_EVENTS + 5 }, (_, i) => event({ id: String(i), at: DAY + i }));
    const bounded = appendEvents([], many, 2 * DAY);
    expect(bounded).toHaveLength(MAX_ALERT_EVENTS);
    expect(bounded[0]!.id).toBe('5');
  });
  it('finds an event from its notification id, and no other notification', () => {
    expect(eventIdOfNotification(notificationIdOf({ id: 'k1-2' }))).toBe('k1-2');
    expect(eventIdOfNotification('someone-else')).toBeNull();
  });
  it('words a rise and a passed due time, saying where a click leads', () => {
    const t = (key: string, subs?: string[]) => `${key}(${(subs ?? []).join(',')})`;
    expect(notificationText(event({}), t, () => 'Mon 09:00')).toEqual({
      title: 'alerts.notification.riseTitle(Acme,5)',
      message: 'alerts.notification.riseFrom(3) alerts.notification.openCrm()',
    });
    expect(notificationText(event({ kind: 'due', tier: 4, dueAt: 1, url: null }), t, () => 'Mon 09:00')).toEqual({
      title: 'alerts.notification.dueTitle(Acme)',
      message: 'alerts.notification.dueWhen(4,Mon 09:00) alerts.notification.openView()',
    });
  });
});
