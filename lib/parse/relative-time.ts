/**
 * Relative times as CRMs show them, in English and Chinese → epoch ms, given `now`.
 *
 *   now            "just now", "now", "a moment ago", "less than a minute ago", "刚刚", "刚才"
 *   ago            "5 minutes ago", "an hour ago", "3 days ago", "3d ago", "a week ago", "2 months ago", "a year ago",
 *                  "about 3 hours ago", "over 1 year ago", "almost 2 years ago" (date-fns wording)
 *                  "30秒前", "5分钟前", "2小时前", "2个小时前", "半小时前", "3天前", "三天前", "3周前", "3个星期前",
 *                  "2个月前", "半个月前", "1年前", "一年半前"
 *   ahead          "in 3 days", "in an hour", "3 days from now", "3天后", "两周后", "3个月以后"
 *   day words      "today", "yesterday", "the day before yesterday", "tomorrow",
 *                  "今天", "昨天", "前天", "大前天", "明天", "后天"; each may carry a time: "yesterday at 3:45 PM", "昨天 14:30"
 *   periods        "last week", "next week", "last month", "next month", "last year", "next year",
 *                  "上周", "上星期", "上个星期", "上上周", "下周", "上个月", "上月", "上上个月", "下个月", "去年", "前年", "明年"
 *
 * What the values mean (all in UTC, the zone the rest of lib/parse uses):
 * - Seconds to weeks are exact offsets: "3 days ago" = now − 3 × 24 h.
 * - Months and years are calendar steps that keep the time of day, clamped
 *   to the month's last day: "1 month ago" on 31 March = 29 February.
 * - Day words are a calendar day: UTC midnight of that day (plus the time
 *   when one is given), the same instant as the date the page shows later.
 * - "last week" / "上周" = now − 7 days; "last month" = now − 1 calendar
 *   month; "last year" = now − 1 calendar year. (Not "the start of last
 *   week": the page names a time about a week ago, not a week boundary.)
 *
 * Not ok: vague phrases ("a few days ago", "recently", "this week", "最近",
 * "几天前"), "m" for a unit (minutes or months?), "3月前" (March?), a fraction
 * of a calendar month ("1.5 months ago").
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, WEEK_MS, addMonthsUTC, startOfDayUTC } from './calendar';
import { isMissingNormalized, normalizeText } from './missing';
import { ZH_NUMBER_SOURCE, parseCount } from './numerals';
import { MISSING, invalid, ok, type ParseResult, type RawValue } from './result';
import { splitTimeOfDay } from './time-of-day';

/** Start of the reason for text that is not in any relative form (parseWhen then reports the date's reason). */
export const NOT_A_RELATIVE_TIME = 'not a relative time';

type Step = { ms: number } | { months: number };

const NOW_WORDS = new Set([
  'just now',
  'now',
  'right now',
  'a moment ago',
  'moments ago',
  'a few seconds ago',
  'seconds ago',
  'less than a minute ago',
  '刚刚',
  '刚才',
  '刚刚更新',
  '现在',
]);

/** Day words → days from today. */
const DAY_WORDS: Readonly<Record<string, number>> = {
  today: 0,
  yesterday: -1,
  'the day before yesterday': -2,
  'day before yesterday': -2,
  tomorrow: 1,
  'the day after tomorrow': 2,
  'day after tomorrow': 2,
  今天: 0,
  今日: 0,
  昨天: -1,
  昨日: -1,
  前天: -2,
  大前天: -3,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
};

const PERIOD_WORDS: Readonly<Record<string, Step>> = {
  'last week': { ms: -WEEK_MS },
  'next week': { ms: WEEK_MS },
  'last month': { months: -1 },
  'next month': { months: 1 },
  'last year': { months: -12 },
  'next year': { months: 12 },
  上周: { ms: -WEEK_MS },
  上星期: { ms: -WEEK_MS },
  上个星期: { ms: -WEEK_MS },
  上礼拜: { ms: -WEEK_MS },
  上个礼拜: { ms: -WEEK_MS },
  上上周: { ms: -2 * WEEK_MS },
  上上个星期: { ms: -2 * WEEK_MS },
  下周: { ms: WEEK_MS },
  下星期: { ms: WEEK_MS },
  下个星期: { ms: WEEK_MS },
  下礼拜: { ms: WEEK_MS },
  下个礼拜: { ms: WEEK_MS },
  上个月: { months: -1 },
  上月: { months: -1 },
  上上个月: { months: -2 },
  下个月: { months: 1 },
  下月: { months: 1 },
  去年: { months: -12 },
  前年: { months: -24 },
  明年: { months: 12 },
  后年: { months: 24 },
};

const EN_UNITS: Readonly<Record<string, Step>> = {
  s: { ms: SECOND_MS },
  sec: { ms: SECOND_MS },
  secs: { ms: SECOND_MS },
  second: { ms: SECOND_MS },
  seconds: { ms: SECOND_MS },
  min: { ms: MINUTE_MS },
  mins: { ms: MINUTE_MS },
  minute: { ms: MINUTE_MS },
  minutes: { ms: MINUTE_MS },
  h: { ms: HOUR_MS },
  hr: { ms: HOUR_MS },
  hrs: { ms: HOUR_MS },
  hour: { ms: HOUR_MS },
  hours: { ms: HOUR_MS },
  d: { ms: DAY_MS },
  day: { ms: DAY_MS },
  days: { ms: DAY_MS },
  w: { ms: WEEK_MS },
  wk: { ms: WEEK_MS },
  wks: { ms: WEEK_MS },
  week: { ms: WEEK_MS },
  weeks: { ms: WEEK_MS },
  mo: { months: 1 },
  mos: { months: 1 },
  mth: { months: 1 },
  mths: { months: 1 },
  month: { months: 1 },
  months: { months: 1 },
  y: { months: 12 },
  yr: { months: 12 },
  yrs: { months: 12 },
  year: { months: 12 },
  years: { months: 12 },
};

const ZH_UNITS: Readonly<Record<string, Step>> = {
  秒: { ms: SECOND_MS },
  秒钟: { ms: SECOND_MS },
  分钟: { ms: MINUTE_MS },
  小时: { ms: HOUR_MS },
  钟头: { ms: HOUR_MS },
  天: { ms: DAY_MS },
  日: { ms: DAY_MS },
  周: { ms: WEEK_MS },
  星期: { ms: WEEK_MS },
  礼拜: { ms: WEEK_MS },
  月: { months: 1 },
  年: { months: 12 },
};

const VAGUE = /\b(?:few|several|some|couple|recently|recent|while|earlier)\b|^(?:this|past) |几|数|多|最近|近期|本周|这周|本月|这个月|今年|以前$|之前$/;
// 1 in/ago-less "in", 2 count, 3 unit, 4 "ago" | "from now" | "later".
const EN_RELATIVE =
  /^(in\s+)?(?:(?:about|around|approximately|approx\.|almost|nearly|over)\s+)?(\d+(?:\.\d+)?|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![a-z]))\s*([a-z]+)\.?(?:\s+(ago|from now|later))?$/;
// 1 count, 2 个, 3 半 before the unit, 4 unit, 5 半 after the unit, 6 direction.
const ZH_RELATIVE = new RegExp(
  `^(?:约|大约|将近|近|超过)?\\s*(\\d+(?:\\.\\d+)?|${ZH_NUMBER_SOURCE}|半)\\s*(个)?(半)?\\s*(秒钟?|分钟|小时|钟头|天|日|周|星期|礼拜|月|年)(半)?\\s*(前|以前|之前|后|以后|之后)$`,
);

export function parseRelativeTime(input: RawValue, now: number): ParseResult<number> {
  if (!Number.isFinite(now)) return invalid('now is not a time');
  if (typeof input === 'number' || typeof input === 'boolean') return invalid(`not a relative time: ${input}`);
  if (input === null || input === undefined) return MISSING;
  const original = String(input).trim();
  const fail = (why: string) => invalid(`${why}: "${original}"`);
  const normalized = normalizeText(original);
  if (isMissingNormalized(normalized)) return MISSING;
  const text = normalized.toLowerCase();

  if (NOW_WORDS.has(text)) return ok(now);
  if (Object.hasOwn(DAY_WORDS, text)) return ok(startOfDayUTC(now) + DAY_WORDS[text]! * DAY_MS);
  if (Object.hasOwn(PERIOD_WORDS, text)) return ok(step(now, PERIOD_WORDS[text]!, 1));

  const split = splitTimeOfDay(text);
  if (split && Object.hasOwn(DAY_WORDS, split.rest)) {
    if ('error' in split) return fail(split.error);
    const day = startOfDayUTC(now) + DAY_WORDS[split.rest]! * DAY_MS;
    return ok(day + split.time.ms - (split.time.offsetMs ?? 0));
  }

  const en = EN_RELATIVE.exec(text);
  if (en) {
    const [, ahead, countText, unitText, direction] = en;
    if ((ahead === undefined) === (direction === undefined)) return fail(NOT_A_RELATIVE_TIME);
    if (unitText === 'm') return fail('ambiguous unit: "m" could be minutes or months');
    if (!Object.hasOwn(EN_UNITS, unitText!)) return fail(`unrecognised unit "${unitText}"`);
    const sign = ahead !== undefined || direction !== 'ago' ? 1 : -1;
    return move(now, EN_UNITS[unitText!]!, parseCount(countText!)!, sign, fail);
  }

  const zh = ZH_RELATIVE.exec(text);
  if (zh) {
    const [, countText, ge, halfBefore, unitText, halfAfter, direction] = zh;
    if (unitText === '月' && ge === undefined) return fail('ambiguous: "月" without "个" may be a calendar month (3月 = March)');
    const count = countText === '半' ? 0.5 : parseCount(countText!);
    if (count === undefined) return fail(`unrecognised number "${countText}"`);
    if (countText === '半' && (halfBefore ?? halfAfter) !== undefined) return fail('unrecognised number');
    const value = count + ((halfBefore ?? halfAfter) ? 0.5 : 0);
    const sign = direction!.endsWith('前') ? -1 : 1;
    // Half a month is 15 days: the one fraction of a calendar month people write.
    if (unitText === '月' && value === 0.5) return ok(now + sign * 15 * DAY_MS);
    return move(now, ZH_UNITS[unitText!]!, value, sign, fail);
  }

  if (VAGUE.test(text)) return fail('too vague to date');
  return fail(NOT_A_RELATIVE_TIME);
}

function move(now: number, unit: Step, count: number, sign: 1 | -1, fail: (why: string) => ParseResult<number>): ParseResult<number> {
  if ('ms' in unit) return ok(now + sign * Math.round(count * unit.ms));
  const months = count * unit.months;
  if (!Number.isInteger(months)) return fail('a fraction of a calendar month');
  return ok(step(now, { months }, sign));
}

function step(now: number, unit: Step, sign: 1 | -1): number {
  return 'ms' in unit ? now + sign * unit.ms : addMonthsUTC(now, sign * unit.months);
}
