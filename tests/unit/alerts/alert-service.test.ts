import { describe, expect, it } from 'vitest';
import { createAlertService, memoryAlertPorts } from '@/lib/background/alert-service';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '@/lib/alerts/alert-settings';
import type { CustomerRow, OverrideRow } from '@/lib/db/schema';
import type { Tier } from '@/lib/domain';
import type { WorklistItem } from '@/lib/agent/agent-views';

const SITE = 'https://crm.example';
const NOON = new Date(2026, 11, 7, 12, 0).getTime();
const row = (crmId: string, tier: Tier | null, over: Partial<CustomerRow> = {}): CustomerRow => ({
  site: SITE,
  crmId,
  name: `Customer ${crmId}`,
  fields: { Owner: 'Dana' },
  firstSeen: 0,
  lastSeen: 0,
  lastObservedAt: 0,
  observationCount: 1,
  detailUrl: `${SITE}/customers/${crmId}`,
  ...(tier ? { lastScore: { probability: tier / 5, tier, modelId: 'm', scoredAt: 0 } } : {}),
  ...over,
});
const scoreChange = (crmId: string, from: Tier | null, to: Tier, over: Partial<CustomerRow> = {}) => ({
  before: row(crmId, from, over),
  after: row(crmId, to, over),
});

function setup(settings: Partial<AlertSettings> = {}, held = new Set<string>(), worklist: WorklistItem[] = []) {
  const ports = memoryAlertPorts({ ...DEFAULT_ALERT_SETTINGS, enabled: true, quietHours: { enabled: false, start: '19:00', end: '08:00' }, ...settings }, true);
  let now = NOON;
  const service = createAlertService({
    ports,
    heldKeys: async () => held,
    worklist: async () => worklist,
    t: (key, subs) => `${key}:${(subs ?? []).join('|')}`,
    locale: () => 'en',
    now: () => now,
  });
  return { ports, service, later: (ms: number) => (now += ms) };
}

describe('alert service', () => {
  it('notifies a rise once, logs it for the digest, and a click opens the CRM page', async () => {
    const { ports, service } = setup();
    await service.scored(SITE, [scoreChange('a', 3, 5), scoreChange('b', null, 5)], new Map());
    await service.scored(SITE, [scoreChange('a', 3, 5)], new Map());
    expect(ports.shown.map((n) => n.title)).toEqual(['alerts.notification.riseTitle:Customer a|5']);
    expect(await service.digest()).toMatchObject({ roseTo5: 1, roseTo4: 0 });
    await service.clicked(ports.shown[0]!.id);
    expect(ports.opened).toEqual([`${SITE}/customers/a`]);
  });

  it('never alerts control customers, customers of another owner, or a tier an agent pinned', async () => {
    const { ports, service } = setup({ owner: 'Dana' }, new Set([`${SITE}\u0000held`]));
    const pinned = new Map<string, OverrideRow>([['pinned', { site: SITE, crmId: 'pinned', tier: 3, reason: 'spoke to them', at: 0, expiresAt: NOON * 2 }]]);
    await service.scored(SITE, [scoreChange('held', 3, 5), scoreChange('other', 3, 5, { fields: { Owner: 'Lee' } }), scoreChange('pinned', 3, 5)], pinned);
    expect(ports.shown).toEqual([]);
    expect((await service.digest()).latest).toEqual([]);
  });

  it('opens the customer view when no CRM detail page was seen', async () => {
    const { ports, service } = setup();
    await service.scored(SITE, [scoreChange('a', 3, 4, { detailUrl: undefined })], new Map());
    await service.clicked(ports.shown[0]!.id);
    expect(ports.opened).toEqual([`sidepanel.html?site=${encodeURIComponent(SITE)}&crmId=a`]);
  });

  it('alerts due times passed since the previous check, the first check only marking the time', async () => {
    const item = (crmId: string, dueAt: number): WorklistItem => ({
      site: SITE,
      crmId,
      name: crmId,
      owner: null,
      probability: 0.9,
      tier: 5,
      value: null,
      expectedLoss: null,
      dueAt,
      lastAction: null,
      url: null,
      overridden: false,
    });
    const { ports, service, later } = setup({}, new Set(), [item('overdue-before', NOON - 1000), item('soon', NOON + 60_000)]);
    await service.checkDue();
    expect(ports.shown).toEqual([]);
    later(15 * 60_000);
    await service.checkDue();
    await service.checkDue();
    expect(ports.shown.map((n) => n.title)).toEqual(['alerts.notification.dueTitle:soon']);
    expect(await service.digest()).toMatchObject({ overdue: 1 });
  });
});
