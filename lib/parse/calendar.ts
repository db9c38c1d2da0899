/** UTC calendar arithmetic shared by the date, relative-time and duration parsers. */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** 365.25 / 12: the month length used to convert between months and days. */
export const DAYS_PER_MONTH = 30.4375;

/** Dates outside this range are typos ("2O24", "0224") or not dates, never CRM activity. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export const MONTH_NAMES_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const WEEKDAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Spreadsheet convention (as strptime %y): 00–68 → 2000s, 69–99 → 1900s. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 69 ? 2000 + yy : 1900 + yy;
}

/** UTC midnight of the day that contains `t`. */
export function startOfDayUTC(t: number): number {
  return t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * `t` moved by whole calendar months in UTC, keeping the time of day. A day
 * that does not exist in the target month is clamped to its last day
 * (31 March − 1 month = 29 February 2024), as calendars and date libraries do.
 */
export function addMonthsUTC(t: number, months: number): number {
  const d = new Date(t);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month0 + 1));
  const date = new Date(t);
  date.setUTCFullYear(year, month0, day);
  return date.getTime();
}
