import { describe, expect, it } from 'vitest';
import { moneyText, rateText } from '@/entrypoints/options/dashboard/kpi-format';
import { rangeOf, RANGE_PRESETS } from '@/entrypoints/options/dashboard/range';

describe('dashboard formatting and ranges', () => {
  it('a rate with an empty base reads n/a, never 0 %', () => {
    expect(rateText(null, 'en', 'n/a')).toBe('n/a');
    expect(rateText(0.3333, 'en', 'n/a')).toBe('33.3 %');
    expect(rateText(0, 'zh-CN', '暂无')).toBe('0.0 %');
  });

  it('money: grouped whole units from 100, cents below', () => {
    expect(moneyText(1661.4, 'en')).toBe('1,661');
    expect(moneyText(69.5, 'en')).toBe('69.50');
    expect(moneyText(0, 'en')).toBe('0.00');
  });

  it('ranges end now and group by week up to 12 weeks, by month beyond', () => {
    expect(rangeOf('weeks4', 100 * 86_400_000)).toEqual({ from: 72 * 86_400_000, to: 100 * 86_400_000 });
    expect(RANGE_PRESETS.map((p) => p.granularity)).toEqual(['week', 'week', 'month', 'month']);
  });
});
