import { describe, expect, it } from 'vitest';
import { createHealthService } from '@/lib/background/health-service';
import type { BackgroundEvent } from '@/lib/messaging/protocol';
import type { SiteHealth } from '@/lib/sites/health';

const SITE = 'http://localhost:4321';
const LIST = `${SITE}/accounts`;

function setup(mapped: string[] = []) {
  const saved: Record<string, SiteHealth>[] = [];
  const timers: (() => void)[] = [];
  const badges: { tabId: number; status: string }[] = [];
  const events: BackgroundEvent[] = [];
  let now = 0;
  const service = createHealthService({
    load: async () => ({}),
    save: async (value) => void saved.push(structuredClone(value)),
    mappedLabels: async () => mapped,
    badge: async (tabId, summary) => void badges.push({ tabId, status: summary.status }),
    emit: (event) => events.push(event),
    now: () => ++now,
    saveDelayMs: 2000,
    setTimer: (task) => void timers.push(task),
  });
  const flush = async () => {
    timers.splice(0).forEach((task) => task());
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { service, saved, timers, badges, events, flush };
}

const report = (customers: number, fields: string[] = [], url = LIST) => ({ url, kind: customers ? ('list' as const) : null, customers, fields });

describe('health service', () => {
  it('coalesces writes: many pages, one save per delay', async () => {
    const { service, saved, timers, flush } = setup();
    for (let i = 0; i < 5; i++) await service.record(SITE, 1, report(20));
    expect(timers).toHaveLength(1);
    await flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]![SITE]!.pagesSeen).toBe(5);
  });

  it('badges the tab "warning" when a list that yielded customers yields none, and clears it when it reads again', async () => {
    const { service, badges, events } = setup();
    await service.record(SITE, 1, report(20));
    await service.record(SITE, 1, report(0));
    expect(badges.at(-1)).toEqual({ tabId: 1, status: 'stopped' });
    expect(await service.page(1)).toMatchObject({ origin: SITE, readable: false, pageKey: '/accounts', warnings: [{ kind: 'no-customers', previously: 20 }] });
    await service.record(SITE, 1, report(19));
    expect(badges.at(-1)).toEqual({ tabId: 1, status: 'ok' });
    expect((await service.page(1)).readable).toBe(true);
    expect(events.filter((e) => e.type === 'health-changed')).toHaveLength(3);
  });

  it('every known tab of the site gets the badge when the site breaks', async () => {
    const { service, badges } = setup();
    await service.record(SITE, 1, report(20));
    await service.record(SITE, 2, report(5, [], `${SITE}/accounts/7`));
    await service.record(SITE, 1, report(0));
    expect(
      badges
        .filter((b) => b.status === 'stopped')
        .map((b) => b.tabId)
        .sort(),
    ).toEqual([1, 1, 2]);
  });

  it('reports a mapped field that disappeared', async () => {
    const { service } = setup(['Monthly fee']);
    await service.record(SITE, 3, report(20, ['Monthly fee', 'Owner']));
    await service.record(SITE, 3, report(20, ['Owner']));
    expect((await service.summary(SITE)).warnings).toEqual([{ kind: 'field-missing', pageKey: '/accounts', label: 'Monthly fee' }]);
    expect((await service.sites()).map((s) => s.origin)).toEqual([SITE]);
  });

  it('an unknown or closed tab is readable (nothing to warn about)', async () => {
    const { service } = setup();
    await service.record(SITE, 4, report(20));
    await service.record(SITE, 4, report(0));
    service.forgetTab(4);
    expect(await service.page(4)).toEqual({ origin: null, readable: true, pageKey: null, warnings: [] });
  });
});
