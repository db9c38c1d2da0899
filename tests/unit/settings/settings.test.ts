import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policyAppliedItem } from '@/lib/background/policy-targets';
import { EMPTY_TAB_PAGES, tabPagesItem } from '@/lib/focus/tab-pages-item';
import { DEFAULT_RETENTION_DAYS } from '@/lib/db/retention';
import { DEFAULT_INVOLUNTARY_REASONS } from '@/lib/risk/churn-settings';
import { DEFAULT_TIER_THRESHOLDS } from '@/lib/risk/tiers';
import {
  DEFAULT_DUE_HOURS,
  dueHoursItem,
  focusedCustomerItem,
  indicatorSettingsItem,
  retentionDaysItem,
  storageProblemItem,
  tierThresholdsItem,
} from '@/lib/settings';

/**
 * The settings schema: storage key, area, current version, what an empty
 * browser reads, and a value the current version stores (read back as is).
 */
const SCHEMA = [
  { item: tierThresholdsItem, area: 'local', key: 'tierThresholds', version: 1, fallback: [...DEFAULT_TIER_THRESHOLDS], stored: [0.1, 0.2, 0.3, 0.4] },
  { item: retentionDaysItem, area: 'local', key: 'retentionDays', version: 1, fallback: DEFAULT_RETENTION_DAYS, stored: 90 },
  { item: dueHoursItem, area: 'local', key: 'dueHours', version: 1, fallback: DEFAULT_DUE_HOURS, stored: { '5': 12, '4': 48, '3': 120 } },
  { item: policyAppliedItem, area: 'local', key: 'policyApplied', version: 1, fallback: {}, stored: { tierThresholds: { fingerprint: '[0.1]', at: 5 } } },
  {
    item: focusedCustomerItem,
    area: 'session',
    key: 'focusedCustomer',
    version: 1,
    fallback: null,
    stored: { site: 'https://crm.test', crmId: 'a', tabId: 3, at: 1 },
  },
  {
    item: storageProblemItem,
    area: 'session',
    key: 'storageProblem',
    version: 1,
    fallback: null,
    stored: { kind: 'quota', message: 'full', at: 1, pending: 2, discarded: 0 },
  },
  {
    item: tabPagesItem,
    area: 'session',
    key: 'tabPages',
    version: 1,
    fallback: EMPTY_TAB_PAGES,
    stored: { tabs: { '3': { state: 'list', site: 'https://crm.test', url: 'https://crm.test/a', at: 1 } }, choice: null },
  },
] as const;

describe('settings schema', () => {
  beforeEach(() => fakeBrowser.reset());

  for (const { item, area, key, fallback, stored } of SCHEMA) {
    it(`${area}:${key} reads its fallback when empty and a stored value as is`, async () => {
      expect(await (item as { getValue(): Promise<unknown> }).getValue()).toEqual(fallback);
      await fakeBrowser.storage[area].set({ [key]: stored });
      expect(await (item as { getValue(): Promise<unknown> }).getValue()).toEqual(stored);
    });
  }

  it('indicatorSettings v1 → v2: a churn definition stored by version 1 gains the reason field and involuntary reasons', async () => {
    const v1 = { churn: { statusValues: ['Gone'], inactivityDays: 60, partialSpendDrop: 0.5, windowDays: 90 }, competitors: ['Rival'] };
    await fakeBrowser.storage.local.set({ indicatorSettings: v1, indicatorSettings$: { v: 1 } });
    await indicatorSettingsItem.migrate();
    expect(await indicatorSettingsItem.getValue()).toEqual({
      churn: { ...v1.churn, reasonField: null, involuntaryReasons: DEFAULT_INVOLUNTARY_REASONS },
      competitors: ['Rival'],
    });
    expect((await fakeBrowser.storage.local.get('indicatorSettings$')).indicatorSettings$).toEqual({ v: 2 });
  });

  it('indicatorSettings at version 2 is left alone', async () => {
    const v2 = {
      churn: { statusValues: [], inactivityDays: null, partialSpendDrop: null, windowDays: 90, reasonField: 'Why', involuntaryReasons: [] },
      competitors: [],
    };
    await fakeBrowser.storage.local.set({ indicatorSettings: v2, indicatorSettings$: { v: 2 } });
    await indicatorSettingsItem.migrate();
    expect(await indicatorSettingsItem.getValue()).toEqual(v2);
  });

  it('refuses to read settings written by a newer release (downgrade), instead of misreading them', async () => {
    await fakeBrowser.storage.local.set({ indicatorSettings: {}, indicatorSettings$: { v: 3 } });
    await expect(indicatorSettingsItem.migrate()).rejects.toThrow(/downgrade/i);
  });
});
