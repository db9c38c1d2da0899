import { describe, expect, it } from 'vitest';
import { isoDay, parseDate, type DateOptions } from '@/lib/parse/date';

const MARCH_5 = Date.UTC(2024, 2, 5);

function at(text: string, options?: DateOptions): number {
  const r = parseDate(text, options);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.reason}`);
  return r.value;
}

function reason(text: string, options?: DateOptions): string {
  const r = parseDate(text, options);
  expect(r.ok, `${JSON.stringify(text)} should not parse, got ${JSON.stringify(r)}`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.missing).toBe(false);
  return r.reason;
}

describe('parseDate', () => {
  describe('forms that name 5 March 2024 (UTC midnight)', () => {
    it.each([
      ['2024-03-05'], // ISO
      ['2024-3-5'],
      ['2024/3/5'],
      ['2024/03/05'],
      ['2024.3.5'],
      ['20240305'], // ISO basic
      ['5.3.2024'], // European day.month.year
      ['05.03.2024'],
      ['05.03.24'],
      ['2024年3月5日'],
      ['2024年03月05日'],
      ['2024 年 3 月 5 日'],
      ['2024年3月5号'],
      ['24年3月5日'],
      ['２０２４年３月５日'], // full-width digits
      ['2024年3月5日 星期二'],
      ['2024年3月5日（周二）'],
      ['Mar 5, 2024'],
      ['Mar 5 2024'],
      ['Mar. 5, 2024'],
      ['mar 5, 2024'],
      ['March 5, 2024'],
      ['March 5th, 2024'],
      ['5 Mar 2024'],
      ['5 March 2024'],
      ['5th March 2024'],
      ['5th of March 2024'],
      ['5 Mar, 2024'],
      ['5-Mar-2024'],
      ['5-Mar-24'], // spreadsheet d-mmm-yy
      ['Tue, Mar 5, 2024'],
      ['Tuesday, March 5, 2024'],
      ['Tue 5 Mar 2024'],
      ['  2024-03-05  '],
    ])('%s', (text) => {
      expect(at(text)).toBe(MARCH_5);
    });
  });

  describe('with a time of day (UTC unless a zone is stated)', () => {
    it.each([
      ['2024-03-05T10:00:00Z', Date.UTC(2024, 2, 5, 10)],
      ['2024-03-05T10:00:00.250Z', Date.UTC(2024, 2, 5, 10, 0, 0, 250)],
      ['2024-03-05T10:00:00+08:00', Date.UTC(2024, 2, 5, 2)],
      ['2024-03-05T10:00:00-0530', Date.UTC(2024, 2, 5, 15, 30)],
      ['2024-03-05T10:00', Date.UTC(2024, 2, 5, 10)], // no zone: UTC
      ['2024-03-05 14:30', Date.UTC(2024, 2, 5, 14, 30)],
      ['2024-03-05 14:30:15', Date.UTC(2024, 2, 5, 14, 30, 15)],
      ['2024-03-05 14:30 UTC', Date.UTC(2024, 2, 5, 14, 30)],
      ['2024-03-05 14:30 GMT+8', Date.UTC(2024, 2, 5, 6, 30)],
      ['2024/3/5 9:05', Date.UTC(2024, 2, 5, 9, 5)],
      ['Mar 5, 2024 2:30 PM', Date.UTC(2024, 2, 5, 14, 30)],
      ['Mar 5, 2024, 2:30 p.m.', Date.UTC(2024, 2, 5, 14, 30)],
      ['Mar 5, 2024 at 3pm', Date.UTC(2024, 2, 5, 15)],
      ['Mar 5, 2024 12:15 AM', Date.UTC(2024, 2, 5, 0, 15)],
      ['Mar 5, 2024 12:15 PM', Date.UTC(2024, 2, 5, 12, 15)],
      ['5 Oct 2024 14:30', Date.UTC(2024, 9, 5, 14, 30)],
      ['2024年3月5日 14:30', Date.UTC(2024, 2, 5, 14, 30)],
      ['2024年3月5日 下午2:30', Date.UTC(2024, 2, 5, 14, 30)],
      ['2024年3月5日下午3点', Date.UTC(2024, 2, 5, 15)],
      ['2024年3月5日14点30分', Date.UTC(2024, 2, 5, 14, 30)],
      ['2024年3月5日 上午9点', Date.UTC(2024, 2, 5, 9)],
      ['2024年3月5日 晚上8点', Date.UTC(2024, 2, 5, 20)],
      ['03/05/2024 14:30', Date.UTC(2024, 2, 5, 14, 30)], // with order below
    ])('%s', (text, expected) => {
      expect(at(text, { order: 'mdy' })).toBe(expected);
    });
  });

  describe('numeric day and month order', () => {
    it('03/05/2024 is ambiguous without an order, and says both readings', () => {
      expect(reason('03/05/2024')).toMatch(/ambiguous.*March 5.*3 May.*order/);
      expect(reason('3-5-2024')).toMatch(/ambiguous/);
    });

    it('the order option decides', () => {
      expect(at('03/05/2024', { order: 'mdy' })).toBe(MARCH_5);
      expect(at('05/03/2024', { order: 'dmy' })).toBe(MARCH_5);
      expect(at('3-5-2024', { order: 'mdy' })).toBe(MARCH_5);
    });

    it('a part above 12 decides, and equal parts read the same either way', () => {
      expect(at('13/05/2024')).toBe(Date.UTC(2024, 4, 13));
      expect(at('05/13/2024')).toBe(Date.UTC(2024, 4, 13));
      expect(at('05/05/2024')).toBe(Date.UTC(2024, 4, 5));
      // ymd says nothing about a/b/yyyy, so it stays ambiguous.
      expect(reason('03/05/2024', { order: 'ymd' })).toMatch(/ambiguous/);
    });

    it('an order is strict: a reading it makes impossible fails', () => {
      expect(reason('25/03/2024', { order: 'mdy' })).toMatch(/month 25 does not exist/);
    });

    it('dots are always day.month.year, whatever the order', () => {
      expect(at('5.3.2024', { order: 'mdy' })).toBe(MARCH_5);
    });

    it('two-digit years need an order (y/m/d is possible too)', () => {
      expect(reason('03/05/24')).toMatch(/two-digit year/);
      expect(at('03/05/24', { order: 'mdy' })).toBe(MARCH_5);
      expect(at('05/03/24', { order: 'dmy' })).toBe(MARCH_5);
      expect(at('24/03/05', { order: 'ymd' })).toBe(MARCH_5);
      expect(at('03/05/99', { order: 'mdy' })).toBe(Date.UTC(1999, 2, 5)); // 69–99 → 19xx
      expect(at('03/05/68', { order: 'mdy' })).toBe(Date.UTC(2068, 2, 5)); // 00–68 → 20xx
    });
  });

  describe('no year', () => {
    it.each(['3月5日', 'Mar 5', 'March 5th', '5 Mar'])('%s needs a referenceYear', (text) => {
      expect(reason(text)).toMatch(/no year/);
      expect(at(text, { referenceYear: 2024 })).toBe(MARCH_5);
    });

    it.each(['2024年3月', 'March 2024', 'Mar 2024'])('%s has no day', (text) => {
      expect(reason(text)).toMatch(/without a day/);
    });
  });

  describe('impossible or contradictory dates fail with the reason', () => {
    it.each([
      ['2024-02-30', /February 2024 has 29 days, not 30/],
      ['Feb 30, 2024', /February 2024 has 29 days/],
      ['2023年2月29日', /February 2023 has 28 days, not 29/],
      ['2024-04-31', /April 2024 has 30 days, not 31/],
      ['2024-13-01', /month 13 does not exist/],
      ['2024-00-10', /month 0 does not exist/],
      ['2024-03-00', /has 31 days, not 0/],
      ['00/05/2024', /day or month of 0/],
      ['13/13/2024', /month 13/],
      ['32/13/2024', /neither 32 nor 13 can be a month/],
      ['1850-01-01', /year 1850 is out of range/],
      ['2024-03-05 25:00', /hour 25 does not exist/],
      ['2024-03-05 14:60', /minute 60 does not exist/],
      ['Mar 5, 2024 13:00 PM', /hour 13 cannot take pm/],
      ['2024-03-05T10:00+15:00', /time zone/],
      ['Mon, Mar 5, 2024', /weekday \(Monday\) does not match the date, a Tuesday/],
      ['2024年3月5日 星期三', /Wednesday.*Tuesday/],
    ])('%s', (text, expected) => {
      expect(reason(text)).toMatch(expected);
    });
  });

  describe('not dates', () => {
    it.each(['yesterday', '3 days ago', 'hello', '2024', '12:30', 'Foo 5, 2024', '2024-03-05-01', '5 widgets 2024'])('%s', (text) => {
      expect(reason(text)).toMatch(/^not a date/);
    });

    it('numbers and booleans are not dates; blanks are missing', () => {
      expect(parseDate(45356)).toMatchObject({ ok: false, missing: false });
      expect(parseDate(true)).toMatchObject({ ok: false, missing: false });
      expect(parseDate('')).toMatchObject({ ok: false, missing: true });
      expect(parseDate('—')).toMatchObject({ ok: false, missing: true });
      expect(parseDate(null)).toMatchObject({ ok: false, missing: true });
    });
  });

  it('isoDay names the UTC day of an instant', () => {
    expect(isoDay(Date.UTC(2024, 2, 5, 23, 59))).toBe('2024-03-05');
    expect(isoDay(Date.UTC(2024, 2, 6))).toBe('2024-03-06');
  });
});
