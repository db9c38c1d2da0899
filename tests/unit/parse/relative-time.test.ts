import { describe, expect, it } from 'vitest';
import { parseRelativeTime } from '@/lib/parse/relative-time';

// Sunday 31 March 2024, 15:30 UTC: month ends make calendar steps visible.
const NOW = Date.UTC(2024, 2, 31, 15, 30);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function at(text: string, now = NOW): number {
  const r = parseRelativeTime(text, now);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.reason}`);
  return r.value;
}

function reason(text: string): string {
  const r = parseRelativeTime(text, NOW);
  expect(r.ok, `${JSON.stringify(text)} should not parse, got ${JSON.stringify(r)}`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.missing).toBe(false);
  return r.reason;
}

describe('parseRelativeTime', () => {
  describe('English', () => {
    it.each([
      ['just now', NOW],
      ['now', NOW],
      ['a moment ago', NOW],
      ['less than a minute ago', NOW],
      ['30 seconds ago', NOW - 30_000],
      ['5 minutes ago', NOW - 5 * MIN],
      ['5 mins ago', NOW - 5 * MIN],
      ['a minute ago', NOW - MIN],
      ['an hour ago', NOW - HOUR],
      ['2 hours ago', NOW - 2 * HOUR],
      ['2h ago', NOW - 2 * HOUR],
      ['1.5 hours ago', NOW - 1.5 * HOUR],
      ['about 3 hours ago', NOW - 3 * HOUR],
      ['3 days ago', NOW - 3 * DAY],
      ['3d ago', NOW - 3 * DAY],
      ['three days ago', NOW - 3 * DAY],
      ['3 Days Ago', NOW - 3 * DAY],
      ['a day ago', NOW - DAY],
      ['a week ago', NOW - 7 * DAY],
      ['2 weeks ago', NOW - 14 * DAY],
      ['2 months ago', Date.UTC(2024, 0, 31, 15, 30)],
      ['a month ago', Date.UTC(2024, 1, 29, 15, 30)], // 31 Feb does not exist: the last day of February
      ['3mo ago', Date.UTC(2023, 11, 31, 15, 30)],
      ['a year ago', Date.UTC(2023, 2, 31, 15, 30)],
      ['over 1 year ago', Date.UTC(2023, 2, 31, 15, 30)],
      ['almost 2 years ago', Date.UTC(2022, 2, 31, 15, 30)],
      ['1.5 years ago', Date.UTC(2022, 8, 30, 15, 30)], // 18 months; 31 Sep → 30 Sep
      ['today', Date.UTC(2024, 2, 31)],
      ['yesterday', Date.UTC(2024, 2, 30)],
      ['Yesterday', Date.UTC(2024, 2, 30)],
      ['the day before yesterday', Date.UTC(2024, 2, 29)],
      ['tomorrow', Date.UTC(2024, 3, 1)],
      ['yesterday at 3:45 PM', Date.UTC(2024, 2, 30, 15, 45)],
      ['yesterday 14:30', Date.UTC(2024, 2, 30, 14, 30)],
      ['today at 9am', Date.UTC(2024, 2, 31, 9)],
      ['last week', NOW - 7 * DAY],
      ['next week', NOW + 7 * DAY],
      ['last month', Date.UTC(2024, 1, 29, 15, 30)],
      ['last year', Date.UTC(2023, 2, 31, 15, 30)],
      ['in 3 days', NOW + 3 * DAY],
      ['in an hour', NOW + HOUR],
      ['in 2 months', Date.UTC(2024, 4, 31, 15, 30)],
      ['3 days from now', NOW + 3 * DAY],
    ])('%s', (text, expected) => {
      expect(at(text)).toBe(expected);
    });
  });

  describe('Chinese', () => {
    it.each([
      ['刚刚', NOW],
      ['刚才', NOW],
      ['30秒前', NOW - 30_000],
      ['5分钟前', NOW - 5 * MIN],
      ['半小时前', NOW - 30 * MIN],
      ['2小时前', NOW - 2 * HOUR],
      ['2个小时前', NOW - 2 * HOUR],
      ['一个半小时前', NOW - 1.5 * HOUR],
      ['3天前', NOW - 3 * DAY],
      ['3 天前', NOW - 3 * DAY],
      ['三天前', NOW - 3 * DAY],
      ['十二天前', NOW - 12 * DAY],
      ['二十天前', NOW - 20 * DAY],
      ['3天以前', NOW - 3 * DAY],
      ['3周前', NOW - 21 * DAY],
      ['3个星期前', NOW - 21 * DAY],
      ['两周前', NOW - 14 * DAY],
      ['2个月前', Date.UTC(2024, 0, 31, 15, 30)],
      ['1个月前', Date.UTC(2024, 1, 29, 15, 30)],
      ['半个月前', NOW - 15 * DAY],
      ['1年前', Date.UTC(2023, 2, 31, 15, 30)],
      ['半年前', Date.UTC(2023, 8, 30, 15, 30)],
      ['一年半前', Date.UTC(2022, 8, 30, 15, 30)],
      ['今天', Date.UTC(2024, 2, 31)],
      ['昨天', Date.UTC(2024, 2, 30)],
      ['前天', Date.UTC(2024, 2, 29)],
      ['大前天', Date.UTC(2024, 2, 28)],
      ['明天', Date.UTC(2024, 3, 1)],
      ['昨天 14:30', Date.UTC(2024, 2, 30, 14, 30)],
      ['昨天14:30', Date.UTC(2024, 2, 30, 14, 30)],
      ['昨天下午3点', Date.UTC(2024, 2, 30, 15)],
      ['上周', NOW - 7 * DAY],
      ['上星期', NOW - 7 * DAY],
      ['上个星期', NOW - 7 * DAY],
      ['上上周', NOW - 14 * DAY],
      ['下周', NOW + 7 * DAY],
      ['上个月', Date.UTC(2024, 1, 29, 15, 30)],
      ['上月', Date.UTC(2024, 1, 29, 15, 30)],
      ['去年', Date.UTC(2023, 2, 31, 15, 30)],
      ['前年', Date.UTC(2022, 2, 31, 15, 30)],
      ['3天后', NOW + 3 * DAY],
      ['3个月以后', Date.UTC(2024, 5, 30, 15, 30)],
    ])('%s', (text, expected) => {
      expect(at(text)).toBe(expected);
    });
  });

  it('calendar steps keep the day when it exists', () => {
    const midMonth = Date.UTC(2024, 4, 15, 8);
    expect(at('1 month ago', midMonth)).toBe(Date.UTC(2024, 3, 15, 8));
    expect(at('上个月', midMonth)).toBe(Date.UTC(2024, 3, 15, 8));
    expect(at('a year ago', Date.UTC(2024, 1, 29))).toBe(Date.UTC(2023, 1, 28)); // no 29 Feb 2023
    expect(at('2 months ago', Date.UTC(2024, 0, 10))).toBe(Date.UTC(2023, 10, 10)); // across the year
  });

  describe('ambiguous, vague or unknown → not ok with the reason', () => {
    it.each([
      ['5m ago', /"m" could be minutes or months/],
      ['3月前', /calendar month/],
      ['1.5 months ago', /fraction of a calendar month/],
      ['1个半月前', /fraction of a calendar month/],
      ['a few days ago', /vague/],
      ['several weeks ago', /vague/],
      ['recently', /vague/],
      ['this week', /vague/],
      ['最近', /vague/],
      ['几天前', /vague/],
      ['本周', /vague/],
      ['3 days', /not a relative time/], // a duration, not a time
      ['in 3 days ago', /not a relative time/],
      ['3 fortnights ago', /unrecognised unit "fortnights"/],
      ['2024-03-05', /not a relative time/],
      ['hello', /not a relative time/],
      ['yesterday at 25:00', /hour 25/],
    ])('%s', (text, expected) => {
      expect(reason(text)).toMatch(expected);
    });

    it('blank is missing; a bad now is refused', () => {
      expect(parseRelativeTime('', NOW)).toMatchObject({ ok: false, missing: true });
      expect(parseRelativeTime('—', NOW)).toMatchObject({ ok: false, missing: true });
      expect(parseRelativeTime('today', Number.NaN)).toMatchObject({ ok: false, missing: false });
    });
  });
});
