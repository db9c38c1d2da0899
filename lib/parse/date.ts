/**
 * Calendar dates as CRMs show them, in English and Chinese → epoch ms.
 *
 *   ISO            "2024-03-05", "2024-03-05T10:00:00Z", "2024-03-05T10:00:00.250+08:00", "20240305"
 *   year first     "2024/3/5", "2024-3-5", "2024.3.5"
 *   numeric        "03/05/2024", "3-5-2024", "03/05/24" (see order below)
 *   European       "5.3.2024", "05.03.24" (dots are always day.month.year)
 *   Chinese        "2024年3月5日", "2024 年 3 月 5 号", "24年3月5日", "2024年3月5日 星期二", "3月5日" (needs referenceYear)
 *   English        "Mar 5, 2024", "Mar. 5 2024", "March 5th, 2024", "5 Mar 2024", "5th of March 2024",
 *                  "5-Mar-24", "Tue, Mar 5, 2024", "Tuesday, March 5, 2024", "Mar 5" (needs referenceYear)
 *   with a time    any of the above followed by "14:30", "2:30 PM", "at 3pm", "下午2:30", "14点30分", "10:00 UTC", "+08:00"
 *
 * The result is UTC midnight for a date alone. A time without a zone is read
 * as UTC (the page does not say which zone it means; UTC keeps the same text
 * the same instant on every machine). A stated zone ("Z", "+08:00", "GMT+8")
 * is honoured.
 *
 * Never a wrong date:
 * - "03/05/2024" is 5 March (m/d/y) or 3 May (d/m/y): not ok, unless
 *   `order` says which, or one part is above 12, or both parts are equal.
 *   With `order` the reading is strict: "25/03/2024" with order "mdy" fails.
 * - Two-digit years need `order` ("03/05/24" could be y/m/d as well); they
 *   expand 00–68 → 20xx, 69–99 → 19xx. Dotted and month-name forms are
 *   unambiguous, so their two-digit years are accepted.
 * - No year ("3月5日", "Mar 5") fails unless `referenceYear` is given; month
 *   and year alone ("2024年3月", "March 2024") fail: there is no day.
 * - Impossible dates (30 February, month 13, 25:00) fail, and so does a
 *   weekday that does not match the date ("Mon, Mar 5, 2024"), which usually
 *   means the order was misread.
 * - Years outside 1900–2199 fail.
 */
import { MAX_YEAR, MIN_YEAR, MONTH_NAMES_EN, WEEKDAY_NAMES_EN, daysInMonth, expandTwoDigitYear } from './calendar';
import { isMissingNormalized, normalizeText } from './missing';
import { MISSING, invalid, ok, type ParseResult, type RawValue } from './result';
import { splitTimeOfDay, type TimeOfDay } from './time-of-day';

export type DateOrder = 'mdy' | 'dmy' | 'ymd';

export interface DateOptions {
  /** How the CRM writes numeric dates; resolves "03/05/2024" and two-digit years. */
  order?: DateOrder;
  /** The year of dates shown without one ("3月5日", "Mar 5"). */
  referenceYear?: number;
}

/** Start of the reason for text that is not in any date form (parseWhen then tries a relative time). */
export const NOT_A_DATE = 'not a date';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const WEEKDAYS: Readonly<Record<string, number>> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_EN_PREFIX = /^([a-z]+)\.?,?\s+(?=\S)/;
const WEEKDAY_ZH = /\s*\(?(?:星期|周|礼拜)([一二三四五六日天])\)?$/;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(?:(\d{4}|\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const CHINESE_NO_DAY = /^\d{4}\s*年\s*\d{1,2}\s*月$/;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?(?:\s+|-)([a-z]+)\.?(?:(?:,?\s+|-)(\d{4}|\d{2}))?$/;
const MONTH_YEAR = /^([a-z]+)\.?,?\s+(\d{4})$/;

interface YMD {
  year: number;
  month: number;
  day: number;
}

export function parseDate(input: RawValue, options: DateOptions = {}): ParseResult<number> {
  if (typeof input === 'number') return invalid(`a number is not a date (epoch or spreadsheet serial?): ${input}`);
  if (typeof input === 'boolean') return invalid('a yes/no value, not a date');
  if (input === null || input === undefined) return MISSING;
  const original = String(input).trim();
  const iso = ISO_DAY.exec(original);
  if (iso) {
    const date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    const checked = checkDate(date);
    return checked === undefined ? ok(Date.UTC(date.year, date.month - 1, date.day)) : invalid(`${checked}: "${original}"`);
  }
  const fail = (why: string) => invalid(`${why}: "${original}"`);
  const normalized = normalizeText(original);
  if (isMissingNormalized(normalized)) return MISSING;
  let text = normalized.toLowerCase();

  let time: TimeOfDay | undefined;
  const split = splitTimeOfDay(text);
  if (split) {
    if ('error' in split) return fail(split.error);
    time = split.time;
    text = split.rest;
  }

  let weekday: number | undefined;
  const zhWeekday = WEEKDAY_ZH.exec(text);
  if (zhWeekday) {
    weekday = WEEKDAYS[zhWeekday[1]!];
    text = text.slice(0, zhWeekday.index);
  } else {
    const enWeekday = WEEKDAY_EN_PREFIX.exec(text);
    if (enWeekday && Object.hasOwn(WEEKDAYS, enWeekday[1]!)) {
      weekday = WEEKDAYS[enWeekday[1]!];
      text = text.slice(enWeekday[0].length);
    }
  }
  text = text.replace(/[\s,]+$/, '');

  const date = readDate(text, options);
  if (typeof date === 'string') return fail(date);
  const checked = checkDate(date);
  if (checked !== undefined) return fail(checked);

  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  if (weekday !== undefined) {
    const actual = new Date(midnight).getUTCDay();
    if (actual !== weekday) {
      return fail(`the weekday (${WEEKDAY_NAMES_EN[weekday]}) does not match the date, a ${WEEKDAY_NAMES_EN[actual]}`);
    }
  }
  if (time === undefined) return ok(midnight);
  return ok(midnight + time.ms - (time.offsetMs ?? 0));
}

/** The year, month and day the text names, or why it names none. */
function readDate(text: string, options: DateOptions): YMD | string {
  let m = YEAR_FIRST.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };

  m = YEAR_LAST.exec(text);
  if (m) return readNumericYearLast(Number(m[1]), Number(m[3]), m[4]!, m[2]!, options.order);

  m = COMPACT.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };

  m = CHINESE.exec(text);
  if (m) {
    const year = m[1] === undefined ? undefined : m[1].length === 2 ? expandTwoDigitYear(Number(m[1])) : Number(m[1]);
    return withYear(year, Number(m[2]), Number(m[3]), options);
  }
  if (CHINESE_NO_DAY.test(text)) return 'a month without a day';

  m = MONTH_DAY_YEAR.exec(text);
  if (m && Object.hasOwn(MONTHS, m[1]!)) {
    return withYear(m[3] === undefined ? undefined : Number(m[3]), MONTHS[m[1]!]!, Number(m[2]), options);
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m && Object.hasOwn(MONTHS, m[2]!)) {
    const year = m[3] === undefined ? undefined : m[3].length === 2 ? expandTwoDigitYear(Number(m[3])) : Number(m[3]);
    return withYear(year, MONTHS[m[2]!]!, Number(m[1]), options);
  }
  m = MONTH_YEAR.exec(text);
  if (m && Object.hasOwn(MONTHS, m[1]!)) return 'a month without a day';

  return NOT_A_DATE;
}

/** "a/b/yyyy": which of a and b is the month. */
function readNumericYearLast(a: number, b: number, yearText: string, sep: string, order: DateOrder | undefined): YMD | string {
  const twoDigitYear = yearText.length === 2;
  if (sep === '.') {
    return { year: twoDigitYear ? expandTwoDigitYear(Number(yearText)) : Number(yearText), month: b, day: a };
  }
  if (twoDigitYear) {
    if (order === 'mdy') return { year: expandTwoDigitYear(Number(yearText)), month: a, day: b };
    if (order === 'dmy') return { year: expandTwoDigitYear(Number(yearText)), month: b, day: a };
    // "24/03/05": the first part is the two-digit year.
    if (order === 'ymd') return { year: expandTwoDigitYear(a), month: b, day: Number(yearText) };
    return `ambiguous: a two-digit year and no known order (m/d/y, d/m/y or y/m/d?)`;
  }
  const year = Number(yearText);
  if (order === 'mdy') return { year, month: a, day: b };
  if (order === 'dmy') return { year, month: b, day: a };
  if (a === 0 || b === 0) return 'a day or month of 0';
  if (a === b || (a > 12 && b <= 12)) return { year, month: b, day: a };
  if (b > 12 && a <= 12) return { year, month: a, day: b };
  if (a > 12 && b > 12) return `neither ${a} nor ${b} can be a month`;
  return `ambiguous: ${MONTH_NAMES_EN[a - 1]} ${b} (m/d/y) or ${a} ${MONTH_NAMES_EN[b - 1]} (d/m/y); pass the order`;
}

function withYear(year: number | undefined, month: number, day: number, options: DateOptions): YMD | string {
  if (year !== undefined) return { year, month, day };
  const ref = options.referenceYear;
  if (ref === undefined) return 'no year (pass a referenceYear)';
  if (!Number.isInteger(ref)) return `referenceYear ${ref} is not a year`;
  return { year: ref, month, day };
}

function checkDate({ year, month, day }: YMD): string | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR) return `year ${year} is out of range (${MIN_YEAR}–${MAX_YEAR})`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `impossible date: ${MONTH_NAMES_EN[month - 1]} ${year} has ${days} days, not ${day}`;
  return undefined;
}

/** The UTC calendar day of an epoch-ms instant, as "YYYY-MM-DD". */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
