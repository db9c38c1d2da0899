import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CHURN_DEFINITION } from '@/lib/indicators/types';
import { DEFAULT_INVOLUNTARY_REASONS, migrateIndicatorSettingsV2 } from '@/lib/risk/churn-settings';
import { costInputsItem, costProblems, DEFAULT_COST_INPUTS } from '@/lib/risk/cost-settings';
import { indicatorSettingsItem } from '@/lib/settings';

const v1 = { churn: { statusValues: ['Gone'], inactivityDays: 90, partialSpendDrop: null, windowDays: 60 }, competitors: ['Rival'] };

describe('indicator settings v1 → v2 (churn reason field)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds no reason field and the default involuntary reasons, keeping the manager’s definition', () => {
    expect(migrateIndicatorSettingsV2(v1)).toEqual({
      churn: { ...v1.churn, reasonField: null, involuntaryReasons: DEFAULT_INVOLUNTARY_REASONS },
      competitors: ['Rival'],
    });
  });

  it('keeps a reason field already set', () => {
    const set = { ...v1, churn: { ...v1.churn, reasonField: 'Why', involuntaryReasons: ['Moved'] } };
    expect(migrateIndicatorSettingsV2(set)).toEqual(set);
  });

  it('runs on a value stored by version 1', async () => {
    await fakeBrowser.storage.local.set({ indicatorSettings: v1, indicatorSettings$: { v: 1 } });
    await indicatorSettingsItem.migrate();
    const value = await indicatorSettingsItem.getValue();
    expect(value.churn).toMatchObject({ statusValues: ['Gone'], inactivityDays: 90, reasonField: null });
    expect(value.churn.involuntaryReasons).toEqual(DEFAULT_INVOLUNTARY_REASONS);
    expect(await fakeBrowser.storage.local.get('indicatorSettings$')).toEqual({ indicatorSettings$: { v: 2 } });
  });

  it('falls back to the default definition with the v2 fields', async () => {
    const value = await indicatorSettingsItem.getValue();
    expect(value.churn).toMatchObject({ ...DEFAULT_CHURN_DEFINITION, reasonField: null });
  });
});

describe('cost inputs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the default cost model', async () => {
    expect(await costInputsItem.getValue()).toEqual(DEFAULT_COST_INPUTS);
    expect(costProblems(DEFAULT_COST_INPUTS)).toEqual([]);
  });

  it('names each bad input', () => {
    expect(costProblems({ ...DEFAULT_COST_INPUTS, actionCost: -1, successRate: 1.5, retainedValue: Number.NaN, horizonMonths: 0 })).toEqual([
      'actionCost',
      'retainedValue',
      'successRate',
      'horizonMonths',
    ]);
  });
});
