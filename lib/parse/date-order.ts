/**
 * Which way a site writes numeric dates ("12/6/2026": 6 December or
 * 12 June?), from what its pages show, never a silent guess:
 *
 *   1. dates that can be read one way only: a first part of 13–31
 *      ("25/03/2026") means day first, a second part of 13–31 ("3/25/2026")
 *      month first; a page showing both settles nothing;
 *   2. the page's language (`<html lang>`), as the Unicode CLDR writes dates
 *      for it (Intl: "en" and "en-US" month first, "en-GB", "de", "fr" day
 *      first); a year-first language (zh, ja, ko, sv) says nothing about
 *      "a/b/yyyy";
 *   3. else unknown: "12/6/2026" stays unread (parseDate says it is ambiguous).
 * A manager's choice for the site (Options → Sites → mapping) comes before
 * all of these (lib/adapters/generic: the page's order).
 *
 * Dotted dates ("5.3.2026") are always day first and two-digit years are
 * left alone: neither is evidence here.
 */
import type { DateOrder } from './date';

export type DayMonthOrder = Extract<DateOrder, 'mdy' | 'dmy'>;
export type DateOrderSource = 'setting' | 'page' | 'site' | 'language';

/** "a/b/yyyy" or "a-b-yyyy" at the start of a text, optionally followed by a time. */
const NUMERIC_DATE = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?!\d)/;

/** The order one date text proves, or null when it is not a numeric date or reads both ways. */
export function orderEvidence(text: string): DayMonthOrder | null {
  const m = NUMERIC_DATE.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && a <= 31 && b >= 1 && b <= 12) return 'dmy';
  if (b > 12 && b <= 31 && a >= 1 && a <= 12) return 'mdy';
  return null;
}

/** The order the dates among `texts` prove; null when none proves one, or they disagree. */
export function orderOfDates(texts: Iterable<string>): DayMonthOrder | null {
  let found: DayMonthOrder | null = null;
  for (const text of texts) {
    const order = orderEvidence(text);
    if (order === null) continue;
    if (found !== null && found !== order) return null;
    found = order;
  }
  return found;
}

const byLanguage = new Map<string, DayMonthOrder | null>();

/** The order numeric dates take in this language (BCP 47 tag), by CLDR; null for year-first or unknown languages. */
export function orderOfLanguage(lang: string): DayMonthOrder | null {
  const tag = lang.trim();
  if (tag === '') return null;
  const known = byLanguage.get(tag);
  if (known !== undefined) return known;
  let order: DayMonthOrder | null = null;
  try {
    const parts = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(0);
    const at = (type: string) => parts.findIndex((part) => part.type === type);
    const [year, month, day] = [at('year'), at('month'), at('day')];
    if (year > month && year > day) order = month < day ? 'mdy' : 'dmy';
  } catch {
    order = null; // not a language tag
  }
  if (byLanguage.size < 64) byLanguage.set(tag, order);
  return order;
}

/**
 * "12/6/2026" → "2026-12-06" when the order is known and the text reads both
 * ways; the rest of the text (a time) is kept. Unambiguous and other texts
 * are returned as they are: only what would stay unread is rewritten.
 */
export function withIsoDate(text: string, order: DayMonthOrder): string {
  const m = NUMERIC_DATE.exec(text);
  if (!m) return text;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 || b > 12 || a === b) return text;
  const [month, day] = order === 'mdy' ? [a, b] : [b, a];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${m[4]}-${pad(month)}-${pad(day)}${text.slice(m[0].length)}`;
}
