/**
 * Numbers as CRMs and spreadsheets show them, in English and Chinese:
 *
 *   plain         "29.85", "-3", "1,234,567", "1 234,5" (space, no-break, thin or narrow space), "1'234.50",
 *                 "1.5e3", "(1,234.00)" (accounting negative), "１２３" (full-width)
 *   money         "$1,234.50", "-$20", "$-20", "($20.00)", "US$20", "CN¥20", "¥12,000", "￥12,000", "€1.234,50",
 *                 "1 234,50 €", "12,000元", "1.2万元", "人民币 1,000", "RMB 1,000", "USD 20", "20 USD", "$29.85/mo", "¥99/月"
 *   magnitudes    "3.5k", "3.5K", "1.2万", "2亿", "3千", "1.5M", "$2.5M", "3 million"
 *   percentages   "12.5%" → 0.125, "１００％" → 1, "5‰" → 0.005
 *   counts        "34 months", "1 month", "34 个月", "3 orders", "1,234 orders", "5 单", "7 次", "2 年"
 *
 * Rules that keep it from ever returning a wrong number:
 * - A separator is a decimal point unless the text proves it is grouping
 *   (repeated, followed by another separator kind, or money followed by
 *   exactly three digits — money is written with 0 or 2 decimals).
 * - A single separator followed by exactly three digits ("1,234", "1.234",
 *   "12.345") is ambiguous: 1234 in en/zh, 1.234 in de/fr for the comma, and
 *   the other way round for the dot → not ok, unless the context settles it:
 *   money and whole counts ("$1,234", "€1.234", "1,234 orders" → 1234: money
 *   has 0 or 2 decimals), a percentage, an exponent or a magnitude word
 *   ("1.234%", "1.234e3", "1.234万": the dot is a decimal point), the
 *   caller's `decimal`, or `source: 'file'` (CSV/JSON written by a program,
 *   where a lone dot is always a decimal point: "1.234" → 1.234).
 * - Units are matched against a known list; an unknown word ("3 pm",
 *   "5 widgets") or an ambiguous one ("3m": million, metres or minutes?;
 *   "3月": three months or March?) is not ok.
 * - Approximations ("100+", "~5", "约100", ">3") are not ok.
 * - Missing placeholders (blank, "—", "-", "N/A", …) give `missing: true`.
 *
 * Percentages return the fraction they denote (12.5 % → 0.125); counts and
 * durations return the number as written with a normalised `unit` (no
 * conversion between months and years: the caller decides).
 */
import { isMissingNormalized, normalizeText } from './missing';
import { MISSING, invalid, type ParseFailure, type RawValue } from './result';

type NumberKind = 'number' | 'money' | 'percent' | 'count';

interface ParsedNumber {
  ok: true;
  value: number;
  kind: NumberKind;
  /** The currency marker as written, normalised ("$", "¥", "€", "USD", "元"…), for money. */
  currency?: string;
  /** Normalised unit for counts ("month", "order"…) or the rate of money ("per month"). */
  unit?: string;
}

export type NumberResult = ParsedNumber | ParseFailure;

export interface NumberOptions {
  /** The decimal separator when the caller knows it (e.g. from the CRM's locale); resolves "1,234" and "1.234". */
  decimal?: '.' | ',';
  /**
   * Where the text comes from. 'display' (default): formatted for people, any
   * locale. 'file': written by a program (CSV, JSON, spreadsheet values), so a
   * lone "." is a decimal point ("1.234" → 1.234); commas keep the display rules.
   */
  source?: 'display' | 'file';
}

const CURRENCY_PREFIXES = [
  'US$',
  'HK$',
  'NT$',
  'AU$',
  'CA$',
  'CN¥',
  'RMB¥',
  'A$',
  'C$',
  'S$',
  'R$',
  '人民币',
  'USD',
  'EUR',
  'GBP',
  'CNY',
  'RMB',
  'JPY',
  'HKD',
  'CAD',
  'AUD',
  'CHF',
  'INR',
  'KRW',
  '$',
  '€',
  '£',
  '¥',
  '₩',
  '₹',
  '₽',
];
const CURRENCY_SUFFIXES = [
  '人民币',
  '美元',
  '欧元',
  '英镑',
  '日元',
  '港元',
  '港币',
  '元',
  '块',
  '圆',
  '円',
  'USD',
  'EUR',
  'GBP',
  'CNY',
  'RMB',
  'JPY',
  'HKD',
  'CAD',
  'AUD',
  'CHF',
  '€',
  '$',
  '£',
  '¥',
  '₽',
  'zł',
  'kr',
];

/** Magnitude words → power of ten. Lower-case "m" is absent on purpose (million? metres? minutes?). */
const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['万亿', 12],
  ['千万', 7],
  ['百万', 6],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['thousand', 3],
  ['thousands', 3],
  ['million', 6],
  ['millions', 6],
  ['billion', 9],
  ['billions', 9],
  ['k', 3],
  ['K', 3],
  ['MM', 6],
  ['M', 6],
  ['mn', 6],
  ['bn', 9],
]);

/**
 * A regex matching any of `words` at the start of a string, longest first
 * ("US$" before "$"); a word that starts with a Latin letter must not run
 * into more letters ("USDT", "Europe", "km", "months").
 */
function markerPattern(words: Iterable<string>, caseInsensitive: boolean): RegExp {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&') + (/^[A-Za-z]/.test(w) ? '(?![A-Za-z])' : ''));
  return new RegExp(`^(?:${alternatives.join('|')})`, caseInsensitive ? 'i' : '');
}

/** Lower-cased spelling → the canonical marker ("usd" → "USD"). */
function canonical(words: readonly string[]): ReadonlyMap<string, string> {
  return new Map(words.map((w) => [w.toLowerCase(), w]));
}

const CURRENCY_PREFIX = markerPattern(CURRENCY_PREFIXES, true);
const CURRENCY_SUFFIX = markerPattern(CURRENCY_SUFFIXES, true);
const CURRENCY_NAMES = canonical([...CURRENCY_PREFIXES, ...CURRENCY_SUFFIXES]);
const MAGNITUDE = markerPattern(MAGNITUDES.keys(), false);

const OTHER_MINUSES = /[\u2212\u2012\ufe63]/g;
const PARENTHESISED = /^\((.+)\)$/;
const SIGN = /^([+-])\s*/;
const APPROXIMATE_BEFORE = /^[~≈≥≤<>]|^约|^大约|^超过|^不到|^around|^about|^approx/i;
const APPROXIMATE_AFTER = /^(以上|左右|多|余|or more)/i;
const DIGITS = /^(?:\d[\d.,' ]*\d|\d|\.\d+)/;
const SPACED_DIGITS = /^(.*?\d) +(\d[\d ]*)$/;
const SPACE_GROUPS = /^\d{3}( \d{3})*$/;
const EXPONENT = /^[eE]([+-]?\d{1,3})(?!\d)/;
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;
const RATE = /^(?:\/|per\s+|每)\s*(\S+)$/i;
const NONZERO_DIGIT = /[1-9]/;
const FIRST_GROUP = /^[1-9]\d{0,2}$/;
const THREE_DIGITS = /^\d{3}$/;

/** Count and duration units → normalised unit. English matched case-insensitively. */
const UNITS: Record<string, string> = {
  month: 'month',
  months: 'month',
  mo: 'month',
  mos: 'month',
  mth: 'month',
  mths: 'month',
  个月: 'month',
  year: 'year',
  years: 'year',
  yr: 'year',
  yrs: 'year',
  年: 'year',
  week: 'week',
  weeks: 'week',
  wk: 'week',
  wks: 'week',
  周: 'week',
  星期: 'week',
  个星期: 'week',
  day: 'day',
  days: 'day',
  天: 'day',
  hour: 'hour',
  hours: 'hour',
  hr: 'hour',
  hrs: 'hour',
  小时: 'hour',
  个小时: 'hour',
  minute: 'minute',
  minutes: 'minute',
  min: 'minute',
  mins: 'minute',
  分钟: 'minute',
  order: 'order',
  orders: 'order',
  单: 'order',
  笔: 'order',
  个订单: 'order',
  订单: 'order',
  purchase: 'purchase',
  purchases: 'purchase',
  time: 'time',
  times: 'time',
  次: 'time',
  visit: 'visit',
  visits: 'visit',
  login: 'login',
  logins: 'login',
  ticket: 'ticket',
  tickets: 'ticket',
  工单: 'ticket',
  张工单: 'ticket',
  call: 'call',
  calls: 'call',
  通: 'call',
  个电话: 'call',
  complaint: 'complaint',
  complaints: 'complaint',
  item: 'item',
  items: 'item',
  件: 'item',
  个: 'item',
  user: 'user',
  users: 'user',
  seat: 'seat',
  seats: 'seat',
  license: 'seat',
  licenses: 'seat',
  人: 'person',
  位: 'person',
  名: 'person',
  people: 'person',
  person: 'person',
  product: 'product',
  products: 'product',
  款: 'product',
  point: 'point',
  points: 'point',
  pts: 'point',
  分: 'point',
  积分: 'point',
};

/** Units counted in whole numbers: "1,234 orders" is 1234 orders in any locale. */
const DISCRETE_UNITS = new Set(['order', 'purchase', 'time', 'visit', 'login', 'ticket', 'call', 'complaint', 'item', 'user', 'seat', 'person', 'product']);

/** Words that look like units but do not say what the number is. */
const AMBIGUOUS_UNITS: Record<string, string> = {
  m: '"m" could be million, months, minutes or metres',
  月: '"月" could be a count of months or a calendar month (3月 = March); write "个月"',
  日: '"日" could be a count of days or a day of the month',
  号: '"号" is a day of the month or an identifier, not a count',
  w: '"w" could be 万 (ten thousand) or weeks',
  b: '"B" could be billion or bytes',
  am: 'looks like a time of day',
  pm: 'looks like a time of day',
};

/** "$29.85/mo", "¥99/月", "$20 per month". */
const RATE_UNITS: Record<string, string> = {
  mo: 'per month',
  month: 'per month',
  mth: 'per month',
  月: 'per month',
  yr: 'per year',
  year: 'per year',
  年: 'per year',
  wk: 'per week',
  week: 'per week',
  周: 'per week',
  day: 'per day',
  天: 'per day',
  日: 'per day',
  user: 'per user',
  seat: 'per seat',
  人: 'per person',
};

export function parseNumber(input: RawValue, options: NumberOptions = {}): NumberResult {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input, kind: 'number' } : invalid(`not a finite number: ${input}`);
  }
  if (typeof input === 'boolean') return invalid('a yes/no value, not a number');
  if (input === null || input === undefined) return MISSING;
  const original = String(input);
  const normalized = normalizeText(original);
  if (isMissingNormalized(normalized)) return MISSING;
  const text = normalized.replace(OTHER_MINUSES, '-');
  const fail = (why: string): ParseFailure => invalid(`${why}: "${original.trim()}"`);

  let s = text;
  let negative = false;
  let signSeen = false;

  const paren = PARENTHESISED.exec(s);
  if (paren) {
    negative = true;
    signSeen = true;
    s = paren[1]!.trim();
  }
  const takeSign = (): boolean => {
    const m = SIGN.exec(s);
    if (!m) return true;
    if (signSeen) return false;
    signSeen = true;
    negative = m[1] === '-';
    s = s.slice(m[0].length);
    return true;
  };
  if (!takeSign()) return fail('more than one sign');

  let currency: string | undefined;
  const prefix = CURRENCY_PREFIX.exec(s);
  if (prefix) {
    currency = CURRENCY_NAMES.get(prefix[0].toLowerCase());
    s = s.slice(prefix[0].length).trimStart();
  }
  if (currency !== undefined && !takeSign()) return fail('more than one sign');

  if (APPROXIMATE_BEFORE.test(s)) return fail('approximate, not an exact number');

  // The digits: 1-3 digit groups with separators, or a plain run, or ".5".
  const body = DIGITS.exec(s);
  if (!body) return fail('no number found');
  const digits = body[0];
  let rest = s.slice(digits.length);
  // Spaces inside the digits must be thousands grouping ("1 234 567"), never two numbers ("12 34").
  const spaced = SPACED_DIGITS.exec(digits);
  if (spaced && !SPACE_GROUPS.test(spaced[2]!)) return fail('digits separated by spaces');

  let exponent = 0;
  let dotIsDecimal = options.source === 'file';
  // An exponent or magnitude word follows: "1.234万", "$1.234M" (nobody groups thousands before 万 or M with a dot).
  let scaled = false;
  const sci = EXPONENT.exec(rest);
  if (sci && PLAIN_DECIMAL.test(digits)) {
    exponent = Number(sci[1]);
    rest = rest.slice(sci[0].length);
    scaled = true;
  }
  rest = rest.trim();
  if (rest.startsWith('+') || APPROXIMATE_AFTER.test(rest)) return fail('approximate, not an exact number');

  // What follows the digits: magnitude, then % / currency / unit / rate.
  let kind: NumberKind = currency !== undefined ? 'money' : 'number';
  let unit: string | undefined;
  const magnitudeWord = MAGNITUDE.exec(rest);
  if (magnitudeWord) {
    exponent += MAGNITUDES.get(magnitudeWord[0])!;
    rest = rest.slice(magnitudeWord[0].length).trim();
    scaled = true;
  }
  if (rest === '%' || rest === '‰') {
    if (kind === 'money') return fail('both money and a percentage');
    exponent -= rest === '%' ? 2 : 3;
    kind = 'percent';
    dotIsDecimal = true;
    rest = '';
  }
  if (rest !== '' && currency === undefined) {
    const suffix = CURRENCY_SUFFIX.exec(rest);
    if (suffix) {
      currency = CURRENCY_NAMES.get(suffix[0].toLowerCase());
      kind = 'money';
      rest = rest.slice(suffix[0].length).trim();
    }
  }
  if (rest !== '') {
    if (kind === 'money') {
      const rate = RATE.exec(rest);
      const r = rate ? lookup(RATE_UNITS, rate[1]!) : undefined;
      if (r === undefined) return fail(`unrecognised text after the amount ("${rest}")`);
      unit = r;
    } else if (kind === 'number') {
      const ambiguous = lookup(AMBIGUOUS_UNITS, rest);
      if (ambiguous !== undefined) return fail(`ambiguous unit: ${ambiguous}`);
      const u = lookup(UNITS, rest);
      if (u === undefined) return fail(`unrecognised unit "${rest}"`);
      unit = u;
      kind = 'count';
    } else {
      return fail(`unrecognised text after the number ("${rest}")`);
    }
  }

  // Only now decide what the separators mean: money and discrete counts are
  // the context that makes "1,234" unambiguous.
  const grouping3 = kind === 'money' || (kind === 'count' && unit !== undefined && DISCRETE_UNITS.has(unit));
  const split = splitDigits(digits, { grouping3, scaled, dotIsDecimal, decimal: options.decimal });
  if (typeof split === 'string') return fail(split);
  if (split.frac !== '' && kind === 'count' && unit !== undefined && DISCRETE_UNITS.has(unit) && exponent === 0 && NONZERO_DIGIT.test(split.frac)) {
    return fail(`a fraction of a whole count (${unit})`);
  }

  const magnitude = Number(`${split.int}.${split.frac || '0'}e${exponent}`);
  if (!Number.isFinite(magnitude)) return fail('number out of range');
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  if (unit === 'year' && kind === 'count' && value >= 1900 && Number.isInteger(value)) {
    return fail('looks like a calendar year, not a number of years');
  }
  const result: ParsedNumber = { ok: true, value, kind };
  if (currency !== undefined) result.currency = currency;
  if (unit !== undefined) result.unit = unit;
  return result;
}

/** Own-property lookup, case-insensitive for Latin words ("Months" → "month"). */
function lookup(table: Readonly<Record<string, string>>, key: string): string | undefined {
  if (Object.hasOwn(table, key)) return table[key];
  const lower = key.toLowerCase();
  return Object.hasOwn(table, lower) ? table[lower] : undefined;
}

/**
 * Split the digit run into integer and fraction digits, deciding what each
 * separator means. Returns an error message when the separators are
 * inconsistent or ambiguous.
 */
function splitDigits(
  digits: string,
  ctx: { grouping3: boolean; scaled: boolean; dotIsDecimal: boolean; decimal: '.' | ',' | undefined },
): { int: string; frac: string } | string {
  if (digits.startsWith('.')) return { int: '0', frac: digits.slice(1) };
  const seps = separatorsOf(digits);
  if (seps === '') return { int: digits, frac: '' };

  if (isOneKind(seps)) {
    const sep = seps.charAt(0);
    const count = seps.length;
    if (sep === ' ' || sep === "'") {
      return validGrouping(digits, sep) ? { int: strip(digits, sep), frac: '' } : `"${sep}" is not a thousands separator here`;
    }
    if (count > 1) {
      if (ctx.decimal === sep) return `more than one decimal separator "${sep}"`;
      return validGrouping(digits, sep) ? { int: strip(digits, sep), frac: '' } : `misplaced "${sep}" separators`;
    }
    const cut = digits.indexOf(sep);
    const left = digits.slice(0, cut);
    const right = digits.slice(cut + 1);
    const asDecimal = { int: left, frac: right };
    if (ctx.decimal !== undefined) {
      if (ctx.decimal === sep) return asDecimal;
      return validGrouping(digits, sep) ? { int: left + right, frac: '' } : `"${sep}" is not a thousands separator here`;
    }
    if (right.length !== 3 || left.length > 3 || left.startsWith('0')) return asDecimal;
    if (sep === '.' && ctx.scaled) return asDecimal;
    // n,nnn or n.nnn: grouping for money (0 or 2 decimals) and whole counts.
    if (ctx.grouping3) return { int: left + right, frac: '' };
    if (sep === '.' && ctx.dotIsDecimal) return asDecimal;
    return `ambiguous: "${digits}" could be ${left}${right} or ${left}.${right} (pass the decimal separator)`;
  }

  // Several separator kinds: the last separator is the decimal point and
  // occurs once; exactly one other kind groups thousands.
  const decimalSep = seps.charAt(seps.length - 1);
  if (decimalSep !== '.' && decimalSep !== ',') return 'unexpected separators';
  if (seps.indexOf(decimalSep) !== seps.length - 1) return `"${decimalSep}" used both for grouping and as a decimal point`;
  if (ctx.decimal !== undefined && ctx.decimal !== decimalSep) return `expected "${ctx.decimal}" as the decimal separator`;
  const cut = digits.lastIndexOf(decimalSep);
  const intPart = digits.slice(0, cut);
  const frac = digits.slice(cut + 1);
  const groupSeps = separatorsOf(intPart);
  if (groupSeps === '' || !isOneKind(groupSeps)) return 'mixed thousands separators';
  const group = groupSeps.charAt(0);
  if (!validGrouping(intPart, group)) return `misplaced "${group}" separators`;
  return { int: strip(intPart, group), frac };
}

/** "1,234,567": first group 1–3 digits without a leading zero, then groups of exactly 3. */
function validGrouping(digits: string, sep: string): boolean {
  const groups = digits.split(sep);
  if (groups.length < 2 || !FIRST_GROUP.test(groups[0]!)) return false;
  for (let i = 1; i < groups.length; i++) if (!THREE_DIGITS.test(groups[i]!)) return false;
  return true;
}

/** The non-digit characters of a digit run, in order ("1,234.5" → ",."). */
function separatorsOf(digits: string): string {
  let seps = '';
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) seps += digits.charAt(i);
  }
  return seps;
}

function isOneKind(seps: string): boolean {
  for (let i = 1; i < seps.length; i++) if (seps.charCodeAt(i) !== seps.charCodeAt(0)) return false;
  return true;
}

function strip(digits: string, sep: string): string {
  return digits.split(sep).join('');
}
