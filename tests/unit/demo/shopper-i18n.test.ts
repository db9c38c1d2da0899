import { describe, expect, it } from 'vitest';
import { formatDataAsOf } from '@/demo/core/i18n';
import { daysBetween, formatCount, formatDaysAgo, formatOrderCount, formatShopperMoney, regionLabel } from '@/demo/core/shopper-i18n';

describe('shopper value formats', () => {
  it('money: $ in en, US$ in zh, with thousands separators and cents', () => {
    expect(formatShopperMoney(123450, 'en')).toBe('$1,234.50');
    expect(formatShopperMoney(123450, 'zh')).toBe('US$1,234.50');
    expect(formatShopperMoney(0, 'en')).toBe('$0.00');
    expect(formatShopperMoney(822840, 'zh')).toBe('US$8,228.40');
    expect(formatShopperMoney(5, 'en')).toBe('$0.05');
  });

  it('counts: plain in en, with 单 for orders in zh', () => {
    expect(formatOrderCount(5, 'en')).toBe('5');
    expect(formatOrderCount(5, 'zh')).toBe('5 单');
    expect(formatCount(548)).toBe('548');
    expect(formatCount(1024)).toBe('1,024');
  });

  it('last purchase relative to the CRM today, in whole days', () => {
    expect(daysBetween('1997-01-01', '1997-09-30')).toBe(272);
    expect(daysBetween('1996-02-28', '1996-03-01')).toBe(2);
    expect(formatDaysAgo('1997-09-30', '1997-09-30', 'en')).toBe('today');
    expect(formatDaysAgo('1997-09-29', '1997-09-30', 'en')).toBe('yesterday');
    expect(formatDaysAgo('1997-09-18', '1997-09-30', 'en')).toBe('12 days ago');
    expect(formatDaysAgo('1997-09-30', '1997-09-30', 'zh')).toBe('今天');
    expect(formatDaysAgo('1997-09-29', '1997-09-30', 'zh')).toBe('昨天');
    expect(formatDaysAgo('1997-09-18', '1997-09-30', 'zh')).toBe('12天前');
    expect(() => formatDaysAgo('1997-10-01', '1997-09-30', 'en')).toThrow(/after the CRM's today/);
  });

  it('the data date in the header', () => {
    expect(formatDataAsOf('1997-09-30', 'en')).toBe('Data as of 30 Sep 1997');
    expect(formatDataAsOf('1997-09-30', 'zh')).toBe('数据截至 1997年9月30日');
    expect(formatDataAsOf('2024-06-30', 'en')).toBe('Data as of 30 Jun 2024');
  });

  it('regions in both locales', () => {
    expect(regionLabel('Midwest', 'en')).toBe('Midwest');
    expect(regionLabel('Midwest', 'zh')).toBe('中西部');
  });
});
