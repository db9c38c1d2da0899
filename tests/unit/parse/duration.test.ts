import { describe, expect, it } from 'vitest';
import { parseDuration, type DurationOptions } from '@/lib/parse/duration';

function duration(text: string | number, options?: DurationOptions) {
  const r = parseDuration(text, options);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.reason}`);
  return r.value;
}

function reason(text: string, options?: DurationOptions): string {
  const r = parseDuration(text, options);
  expect(r.ok, `${JSON.stringify(text)} should not parse, got ${JSON.stringify(r)}`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.missing).toBe(false);
  return r.reason;
}

describe('parseDuration', () => {
  describe('month-based: whole months exact, days = months × 30.4375', () => {
    it.each([
      ['12 months', 12, 365.25],
      ['1 month', 1, 30.4375],
      ['18 mo', 18, 547.875],
      ['6mos', 6, 182.625],
      ['2 years', 24, 730.5],
      ['2 yrs', 24, 730.5],
      ['2y', 24, 730.5],
      ['a year', 12, 365.25],
      ['1.5 years', 18, 547.875],
      ['1 year 3 months', 15, 456.5625],
      ['1 yr, 3 mos', 15, 456.5625],
      ['1 year and 3 months', 15, 456.5625],
      ['2 Years', 24, 730.5],
      ['2年', 24, 730.5],
      ['2 年', 24, 730.5],
      ['两年', 24, 730.5],
      ['18个月', 18, 547.875],
      ['18 个月', 18, 547.875],
      ['两个月', 2, 60.875],
      ['半个月', 0.5, 15.21875],
      ['两个半月', 2.5, 76.09375],
      ['半年', 6, 182.625],
      ['一年半', 18, 547.875],
      ['1年半', 18, 547.875],
      ['1年3个月', 15, 456.5625],
      ['1年零3个月', 15, 456.5625],
      ['十二个月', 12, 365.25],
      ['0 months', 0, 0],
    ])('%s → %d months', (text, months, days) => {
      expect(duration(text)).toEqual({ months, days });
    });
  });

  describe('day-based: days exact, months = days / 30.4375', () => {
    it.each([
      ['90 days', 90],
      ['90d', 90],
      ['1 day', 1],
      ['3 weeks', 21],
      ['2 wks', 14],
      ['90天', 90],
      ['3周', 21],
      ['3个星期', 21],
      ['36 hours', 1.5],
      ['2小时', 2 / 24],
      ['30 minutes', 30 / 1440],
      ['30分钟', 30 / 1440],
    ])('%s → %d days', (text, days) => {
      const d = duration(text);
      expect(d.days).toBeCloseTo(days, 12);
      expect(d.months).toBeCloseTo(days / 30.4375, 12);
    });

    it('a mix of months and days sums both ways', () => {
      const d = duration('2年6个月10天');
      expect(d.months).toBeCloseTo(30 + 10 / 30.4375, 12);
      expect(d.days).toBeCloseTo(30 * 30.4375 + 10, 12);
    });
  });

  describe('a bare number needs the unit', () => {
    it('fails without one', () => {
      expect(reason('34')).toMatch(/bare number.*unit/);
      expect(parseDuration(34)).toMatchObject({ ok: false, missing: false });
    });

    it.each([
      ['34', { unit: 'months' }, 34, 1034.875],
      ['2', { unit: 'years' }, 24, 730.5],
      ['1.5', { unit: 'years' }, 18, 547.875],
    ] as const)('%s with %j', (text, options, months, days) => {
      expect(duration(text, options)).toEqual({ months, days });
    });

    it('days and weeks as the unit, and JS numbers', () => {
      expect(duration('90', { unit: 'days' }).days).toBe(90);
      expect(duration('2', { unit: 'weeks' }).days).toBe(14);
      expect(duration(34, { unit: 'months' })).toEqual({ months: 34, days: 1034.875 });
    });

    it('a written unit wins over the option', () => {
      expect(duration('2 years', { unit: 'months' }).months).toBe(24);
    });
  });

  describe('ambiguous or unreadable → not ok with the reason', () => {
    it.each([
      ['5m', /"m" could be months or minutes/],
      ['3月', /calendar month/], // March
      ['1年3月', /calendar month/],
      ['2024年', /calendar year/],
      ['2024 years', /calendar year/],
      ['1 year 2 years', /years given twice/],
      ['-3 months', /not a duration/],
      ['3 fortnights', /unrecognised unit "fortnights"/],
      ['2 years old', /unrecognised unit "old"|unrecognised text/],
      ['about 2 years', /not a duration/],
      ['半年半', /unrecognised number/],
      ['forever', /not a duration/],
    ])('%s', (text, expected) => {
      expect(reason(text)).toMatch(expected);
    });

    it('blank is missing', () => {
      expect(parseDuration('')).toMatchObject({ ok: false, missing: true });
      expect(parseDuration('N/A')).toMatchObject({ ok: false, missing: true });
      expect(parseDuration(null, { unit: 'months' })).toMatchObject({ ok: false, missing: true });
    });
  });
});
