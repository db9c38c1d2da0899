/**
 * Lengths of time as CRMs show them (tenure, contract term, time since…), English and Chinese.
 *
 *   months      "12 months", "1 month", "18 mo", "6mos", "18个月", "两个月", "半个月", "两个半月"
 *   years       "2 years", "2 yrs", "2y", "a year", "1.5 years", "2年", "两年", "半年", "一年半"
 *   combined    "1 year 3 months", "1 yr, 3 mos", "1 year and 3 months", "1年3个月", "1年零3个月", "2年6个月10天"
 *   days        "90 days", "90d", "3 weeks", "2 wks", "90天", "3周", "3个星期", "36 hours", "2小时", "30 minutes", "30分钟"
 *   bare        "34" only with `options.unit` ("34" + { unit: 'months' } = 34 months)
 *
 * Result: `months` and `days` of the same length. Month-based input keeps
 * whole months exact (`months: 12`) and derives days = months × 30.4375
 * (365.25 / 12); day-based input keeps days exact and derives months =
 * days / 30.4375. A mix sums both ways.
 *
 * Not ok: a bare number without a unit, "m" (months or minutes?), "月"
 * without "个" ("3月" is March), a count of years that looks like a calendar
 * year ("2024年"), the same unit twice, negative or unknown text.
 */
import { DAYS_PER_MONTH } from './calendar';
import { isMissingNormalized, normalizeText } from './missing';
import { ZH_NUMBER_SOURCE, parseCount } from './numerals';
import { MISSING, invalid, ok, type ParseResult, type RawValue } from './result';

export interface Duration {
  days: number;
  months: number;
}

type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

export interface DurationOptions {
  /** The unit of a bare number, when the field says it ("Tenure (months)": "34"). */
  unit?: DurationUnit;
}

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

/** Per unit: months (calendar units) or days (clock units) in one of it. */
const UNIT_SIZE: Readonly<Record<Unit, { months: number } | { days: number }>> = {
  year: { months: 12 },
  month: { months: 1 },
  week: { days: 7 },
  day: { days: 1 },
  hour: { days: 1 / 24 },
  minute: { days: 1 / 1440 },
};

const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
  年: 'year',
  mo: 'month',
  mos: 'month',
  mth: 'month',
  mths: 'month',
  month: 'month',
  months: 'month',
  月: 'month',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  周: 'week',
  星期: 'week',
  礼拜: 'week',
  d: 'day',
  day: 'day',
  days: 'day',
  天: 'day',
  日: 'day',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  小时: 'hour',
  钟头: 'hour',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  分钟: 'minute',
};

const OPTION_UNITS: Readonly<Record<DurationUnit, Unit>> = {
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
  weeks: 'week',
  months: 'month',
  years: 'year',
};

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
// 1 count, 2 个, 3 半 before the unit, 4 unit, 5 半 after the unit. Sticky: tokens are read one after another.
const TOKEN = new RegExp(
  `\\s*(?:(?:,|and|&|又|零)\\s*)?(\\d+(?:\\.\\d+)?|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![a-z])|${ZH_NUMBER_SOURCE}|半)\\s*(个)?(半)?\\s*([a-z]+|小时|钟头|分钟|星期|礼拜|年|月|周|天|日)(半)?\\.?`,
  'y',
);

export function parseDuration(input: RawValue, options: DurationOptions = {}): ParseResult<Duration> {
  if (typeof input === 'boolean') return invalid('a yes/no value, not a duration');
  if (input === null || input === undefined) return MISSING;
  const original = String(input).trim();
  const fail = (why: string) => invalid(`${why}: "${original}"`);
  const normalized = normalizeText(original);
  if (isMissingNormalized(normalized)) return MISSING;
  const text = normalized.toLowerCase();

  if (typeof input === 'number' || BARE_NUMBER.test(text)) {
    const count = Number(text);
    if (!Number.isFinite(count) || count < 0) return fail('not a length of time');
    if (options.unit === undefined) return fail('a bare number without a unit (pass options.unit)');
    return ok(toDuration([[OPTION_UNITS[options.unit], count]]));
  }

  const parts: Array<[Unit, number]> = [];
  const seen = new Set<Unit>();
  let pos = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) return fail(parts.length === 0 ? 'not a duration' : `unrecognised text "${text.slice(pos).trim()}"`);
    pos = TOKEN.lastIndex;
    const [, countText, ge, halfBefore, unitText, halfAfter] = m;
    if (unitText === 'm') return fail('ambiguous unit: "m" could be months or minutes');
    if (unitText === '月' && ge === undefined) return fail('ambiguous: "月" without "个" may be a calendar month (3月 = March)');
    if (!Object.hasOwn(UNIT_WORDS, unitText!)) return fail(`unrecognised unit "${unitText}"`);
    const unit = UNIT_WORDS[unitText!]!;
    const half = halfBefore ?? halfAfter;
    const count = countText === '半' ? (half === undefined ? 0.5 : undefined) : parseCount(countText!);
    if (count === undefined) return fail(`unrecognised number "${countText}"`);
    if (unit === 'year' && count >= 1000) return fail('looks like a calendar year, not a number of years');
    if (seen.has(unit)) return fail(`${unit}s given twice`);
    seen.add(unit);
    parts.push([unit, count + (half !== undefined ? 0.5 : 0)]);
  }
  if (parts.length === 0) return fail('not a duration');
  return ok(toDuration(parts));
}

function toDuration(parts: ReadonlyArray<readonly [Unit, number]>): Duration {
  let months = 0;
  let days = 0;
  for (const [unit, count] of parts) {
    const size = UNIT_SIZE[unit];
    if ('months' in size) months += count * size.months;
    else days += count * size.days;
  }
  return { months: months + days / DAYS_PER_MONTH, days: days + months * DAYS_PER_MONTH };
}
