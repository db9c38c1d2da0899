import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDecimal,
  formatDuration,
  formatMeanSd,
  formatPercent,
  formatPercentRange,
  formatDate,
  formatPointChange,
  formatProbability,
  formatRelativeTime,
  labelOr,
  pickFormatLocale,
} from '@/components/format';
import { isSameCustomer, parseCustomerTarget, siteHost } from '@/components/customer-target';
import { groupIndicators, indicatorText } from '@/components/indicator-groups';
import { reasonBars } from '@/components/reason-bars';
import { sparklineMarks, sparkline } from '@/components/sparkline';
import { tierRanges } from '@/components/tier-ranges';
import type { IndicatorValue } from '@/lib/indicators/types';
import { DEFAULT_TIER_THRESHOLDS } from '@/lib/risk/tiers';

// Intl output can contain narrow no-break spaces; compare on normalised text.
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('percentages', () => {
  it('rounds probabilities to whole percent, like the CRM badge', () => {
    expect(formatProbability(0.3712, 'en')).toBe('37 %');
    expect(formatProbability(0.625, 'en')).toBe(`${Math.round(0.625 * 100)} %`);
    expect(formatProbability(0.034, 'en')).toBe('3 %');
    expect(formatProbability(0, 'en')).toBe('0 %');
    expect(formatProbability(1, 'en')).toBe('100 %');
  });
  it('clamps out-of-range probabilities and marks non-numbers', () => {
    expect(formatProbability(1.4, 'en')).toBe('100 %');
    expect(formatProbability(-0.2, 'en')).toBe('0 %');
    expect(formatProbability(Number.NaN, 'en')).toBe('–');
  });
  it('formats shares with fraction digits and ranges in the given locale', () => {
    expect(formatPercent(1494 / 5669, 'en', 1)).toBe('26.4 %');
    expect(formatPercent(0.5, 'de', 1)).toBe('50,0 %');
    expect(formatPercentRange(0.25, 0.45, 'en')).toBe('25 % – 45 %');
    expect(formatPercentRange(0.25, 0.45, 'zh-CN')).toBe('25 % – 45 %');
  });
  it('signs percentage-point changes', () => {
    expect(formatPointChange(0.32, 0.45, 'en')).toBe('+13');
    expect(formatPointChange(0.45, 0.32, 'en')).toBe('-13');
    expect(formatPointChange(0.3, 0.3, 'en')).toBe('0');
  });
});

describe('metrics', () => {
  it('shows mean ± sd with three decimals', () => {
    expect(formatMeanSd(0.84512, 0.0123, 'en')).toBe('0.845 ± 0.012');
    expect(formatMeanSd(0.845, Number.NaN, 'en')).toBe('0.845');
    expect(formatDecimal(0.1391, 'en')).toBe('0.139');
  });
  it('words durations with the locale units', () => {
    expect(norm(formatDuration(1.44, 'en'))).toBe('1.4 sec');
    expect(norm(formatDuration(42, 'en'))).toBe('42 sec');
    expect(norm(formatDuration(150, 'en'))).toBe('2.5 min');
    expect(formatDuration(1.44, 'zh-CN')).toBe('1.4秒');
    expect(formatDuration(-1, 'en')).toBe('–');
  });
});

describe('dates', () => {
  const at = Date.UTC(2026, 10, 23, 19, 3);
  it('formats date and time per locale, empty for invalid input', () => {
    expect(norm(formatDateTime(at, 'en-US', 'UTC'))).toBe('Nov 23, 2026, 7:03 PM');
    expect(formatDateTime(at, 'zh-CN', 'UTC')).toBe('2026年11月23日 19:03');
    expect(formatDateTime('2026-11-23T19:03:00Z', 'en-US', 'UTC')).toContain('Nov 23, 2026');
    expect(formatDateTime('not a date', 'en')).toBe('');
  });
  it('says how long ago', () => {
    const now = at;
    expect(formatRelativeTime(now - 10_000, now, 'en')).toBe('now');
    expect(formatRelativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(now - 3 * 3_600_000, now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(now - 24 * 3_600_000, now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(now - 3 * 3_600_000, now, 'zh-CN')).toBe('3小时前');
  });
});

describe('tierRanges', () => {
  it('turns four cut-offs into five contiguous ranges from 0 to 1', () => {
    expect(tierRanges(DEFAULT_TIER_THRESHOLDS)).toEqual([
      { tier: 1, min: 0, max: 0.1 },
      { tier: 2, min: 0.1, max: 0.25 },
      { tier: 3, min: 0.25, max: 0.45 },
      { tier: 4, min: 0.45, max: 0.65 },
      { tier: 5, min: 0.65, max: 1 },
    ]);
  });
});

describe('reasonBars', () => {
  it('sizes bars against the largest |contribution| and keeps direction', () => {
    const bars = reasonBars([
      { field: 'Contract', value: 'Month-to-month', contribution: 1.2 },
      { field: 'tenure', value: '2', contribution: 0.6 },
      { field: 'TechSupport', value: 'Yes', contribution: -0.3 },
    ]);
    expect(bars.map((b) => [b.size, b.direction])).toEqual([
      [1, 'raises'],
      [0.5, 'raises'],
      [0.25, 'lowers'],
    ]);
  });
  it('handles empty and all-zero input', () => {
    expect(reasonBars([])).toEqual([]);
    expect(reasonBars([{ field: 'x', value: null, contribution: 0 }])[0]!.size).toBe(0);
  });
});

describe('indicators', () => {
  const ind = (id: string, category: IndicatorValue['category'], value: IndicatorValue['value'], display: string | null = null): IndicatorValue => ({
    id,
    category,
    value,
    display,
    direction: 'neutral',
  });
  it('groups in the research category order and keeps every category, even an empty one', () => {
    const groups = groupIndicators([
      ind('payment_method', 'financial', 'Electronic check'),
      ind('monthly_fee', 'consumption', 70.35, '$70.35'),
      ind('tenure', 'loyalty', 34),
      ind('order_frequency', 'consumption', null),
    ]);
    expect(groups.map((g) => g.category)).toEqual(['consumption', 'satisfaction', 'loyalty', 'competition', 'characteristics', 'financial']);
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['monthly_fee', 'order_frequency']);
    expect(groups[1]!.items).toEqual([]);
    expect(groupIndicators([])).toEqual([]);
  });
  it('prefers the display text, formats bare numbers, and says null for missing values', () => {
    expect(indicatorText(ind('a', 'loyalty', 34, '34 months'), 'en')).toBe('34 months');
    expect(indicatorText(ind('a', 'loyalty', 1234.567), 'en')).toBe('1,234.57');
    expect(indicatorText(ind('a', 'loyalty', 'Yes', '  '), 'en')).toBe('Yes');
    expect(indicatorText(ind('a', 'loyalty', null, 'n/a'), 'en')).toBeNull();
  });
  it('in another language shows the value itself, formatted for it, instead of the English display text', () => {
    expect(indicatorText(ind('a', 'loyalty', 34, '34 months'), 'zh-CN')).toBe('34');
    expect(indicatorText(ind('a', 'consumption', 1234.5, '$1,234.50'), 'zh-CN')).toBe('1,234.5');
    expect(indicatorText(ind('a', 'characteristics', 'growth', 'growth'), 'zh-CN', (v) => (v === 'growth' ? '成长期' : undefined))).toBe('成长期');
    expect(indicatorText(ind('a', 'characteristics', 'West', 'West'), 'zh-CN')).toBe('West');
  });
  it('falls back to a humanised id when there is no translation', () => {
    expect(labelOr('', 'repeat_purchase_rate')).toBe('Repeat purchase rate');
    expect(labelOr('', 'daysSinceLastOrder')).toBe('Days since last order');
    expect(labelOr('复购率', 'repeat_purchase_rate')).toBe('复购率');
  });
});

describe('sparkline', () => {
  it('is empty without points', () => {
    expect(sparkline([], 100, 50)).toEqual({ path: '', points: [] });
  });
  it('places a single point in the middle', () => {
    const { path, points } = sparkline([{ at: 5, probability: 0.5 }], 100, 50, 0);
    expect(points[0]).toMatchObject({ x: 50, y: 25 });
    expect(path).toBe('M50 25');
  });
  it('sorts by time, spaces by time and uses a fixed 0–1 scale', () => {
    const { path, points } = sparkline(
      [
        { at: 300, probability: 1 },
        { at: 100, probability: 0 },
        { at: 200, probability: 0.25 },
      ],
      100,
      40,
      0,
    );
    expect(points.map((p) => [p.x, p.y])).toEqual([
      [0, 40],
      [50, 30],
      [100, 0],
    ]);
    expect(path).toBe('M0 40 L50 30 L100 0');
  });
  it('spreads points evenly when they share a timestamp', () => {
    const { points } = sparkline(
      [
        { at: 7, probability: 0.1 },
        { at: 7, probability: 0.2 },
      ],
      100,
      10,
      0,
    );
    expect(points.map((p) => p.x)).toEqual([0, 100]);
  });
});

describe('side panel target', () => {
  it('reads site and crmId from the query, ignoring blanks', () => {
    expect(parseCustomerTarget('?site=https%3A%2F%2Fcrm.example.com&crmId=C-42')).toEqual({
      site: 'https://crm.example.com',
      crmId: 'C-42',
    });
    expect(parseCustomerTarget('?crmId=7')).toEqual({ crmId: '7' });
    expect(parseCustomerTarget('?site=&crmId=%20')).toEqual({});
    expect(parseCustomerTarget('')).toEqual({});
  });
  it('compares customers by site and crmId', () => {
    expect(isSameCustomer({ site: 's', crmId: '1' }, { site: 's', crmId: '1' })).toBe(true);
    expect(isSameCustomer({ site: 's', crmId: '1' }, { site: 't', crmId: '1' })).toBe(false);
    expect(isSameCustomer(null, { site: 's', crmId: '1' })).toBe(false);
    expect(isSameCustomer({}, {})).toBe(false);
  });
  it('shortens a site origin to its host', () => {
    expect(siteHost('http://127.0.0.1:5174')).toBe('127.0.0.1:5174');
    expect(siteHost('not a url')).toBe('not a url');
  });
});

describe('pickFormatLocale', () => {
  it('keeps the UI language when it matches the translation language', () => {
    expect(pickFormatLocale('en-GB', 'en')).toBe('en-GB');
    expect(pickFormatLocale('zh-CN', 'zh-CN')).toBe('zh-CN');
    expect(pickFormatLocale('zh_TW', 'zh-CN')).toBe('zh-TW');
  });
  it('uses the translation locale when the UI language is different or unknown', () => {
    expect(pickFormatLocale('en-US', 'zh-CN')).toBe('zh-CN');
    expect(pickFormatLocale('fr-FR', 'en')).toBe('en');
    expect(pickFormatLocale(undefined, 'zh-CN')).toBe('zh-CN');
    expect(pickFormatLocale('', '')).toBe('en');
  });
});

describe('formatDate', () => {
  it('shows the year, in the UI language, and nothing for invalid input', () => {
    const at = Date.UTC(1997, 8, 4);
    expect(formatDate(at, 'en-US', 'UTC')).toBe('Sep 4, 1997');
    expect(formatDate(at, 'zh-CN', 'UTC')).toBe('1997年9月4日');
    expect(formatDate('not a date', 'en-US')).toBe('');
  });
});

describe('sparklineMarks', () => {
  it('places actions on the time axis of the score history and drops those outside it', () => {
    const history = [{ at: 0 }, { at: 100 }];
    expect(sparklineMarks(history, [{ at: 50 }, { at: 0 }, { at: 100 }, { at: 150 }], 108, 4)).toEqual([54, 4, 104]);
    expect(sparklineMarks([{ at: 5 }], [{ at: 5 }], 100)).toEqual([]);
  });
});
