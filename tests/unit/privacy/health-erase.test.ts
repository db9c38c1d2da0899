import { describe, expect, it } from 'vitest';
import { createHealthService } from '@/lib/background/health-service';
import type { BackgroundEvent } from '@/lib/messaging/protocol';
import type { SiteHealth } from '@/lib/sites/health';

const A = 'https://a.test';
const B = 'https://b.test';
const report = (url: string, customers = 0) => ({ url, kind: customers ? ('list' as const) : null, customers, fields: [] });

/** Adapter health after "Erase": the in-memory copy must not be saved back over the erased storage. */
function setup() {
  let stored: Record<string, SiteHealth> = {};
  const timers: (() => void)[] = [];
  const badges: { tabId: number; status: string }[] = [];
  const events: BackgroundEvent[] = [];
  const service = createHealthService({
    load: async () => structuredClone(stored),
    save: async (value) => void (stored = structuredClone(value)),
    mappedLabels: async () => [],
    badge: async (tabId, summary) => void badges.push({ tabId, status: summary.status }),
    emit: (event) => events.push(event),
    now: () => 1,
    saveDelayMs: 2000,
    setTimer: (task) => void timers.push(task),
  });
  const flush = async () => {
    timers.splice(0).forEach((task) => task());
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { service, stored: () => stored, erase: () => void (stored = {}), badges, events, flush };
}

describe('health service after an erase', () => {
  it('reset: a save pending from before the erase writes nothing back, and badges clear', async () => {
    const { service, stored, erase, badges, events, flush } = setup();
    await service.record(A, 7, report(`${A}/list`, 5));
    expect((await service.summary(A)).pagesSeen).toBe(1);
    erase();
    await service.reset();
    await flush();
    expect(stored()).toEqual({});
    expect(await service.sites()).toEqual([]);
    expect(badges.at(-1)).toEqual({ tabId: 7, status: 'no-data' });
    expect(events.at(-1)).toEqual({ channel: 'churn-radar-event', type: 'health-changed', site: A });
  });

  it('forget: drops one site from memory and from the next save, the other sites stay', async () => {
    const { service, stored, flush } = setup();
    await service.record(A, 1, report(`${A}/list`, 5));
    await service.record(B, 2, report(`${B}/list`, 5));
    await flush();
    expect(Object.keys(stored()).sort()).toEqual([A, B]);
    await service.forget(A);
    await flush();
    expect(Object.keys(stored())).toEqual([B]);
    expect((await service.summary(A)).status).toBe('no-data');
    expect((await service.summary(B)).status).toBe('ok');
  });
});
