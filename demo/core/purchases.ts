/**
 * The CDNOW purchase log (Fader & Hardie): one row per purchase, as stored,
 * and the CRM's order book cut at its "today". Pure: parsing takes the CSV
 * text, no file access.
 *
 * Label safety: the purchases after CDNOW_TODAY are the hidden future (they
 * define who churned). `ordersAsOf` drops them, and nothing the server keeps
 * or serves is built from anything else.
 */
import Papa from 'papaparse';
import { SHOPPERS_TODAY } from './spaces';

/** The shoppers space's CRM "today": orders up to and including this day are known. */
export const CDNOW_TODAY = SHOPPERS_TODAY;

/** One row of CDNOW_master.csv. */
export interface Purchase {
  customerId: number;
  /** ISO YYYY-MM-DD. */
  date: string;
  cds: number;
  /** Integer cents, so per-day sums are exact. */
  cents: number;
}

/** One order as the CRM shows it: the purchases of one shopper on one day, summed. */
export interface Order {
  date: string;
  cds: number;
  cents: number;
}

/** Accepted header spellings: the file's own and the short names of the data-set README. */
const HEADERS: readonly (readonly string[])[] = [
  ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
  ['customer_id', 'date', 'cds', 'dollars'],
];

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The checks below run on every one of the 69,659 rows: char codes, not regexes or Date objects.

/** The value of `text[from, to)` when it is all ASCII digits (and not empty); otherwise -1. */
function digits(text: string, from = 0, to = text.length): number {
  if (to <= from) return -1;
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month !== 2 || day <= 28 || leap;
}

/** "11.77" → 1177, "12" → 1200, "0.5" → 50; null when not a plain non-negative amount. */
export function parseCents(text: string): number | null {
  const dot = text.indexOf('.');
  if (dot < 0) {
    const whole = digits(text);
    return whole < 0 ? null : whole * 100;
  }
  const whole = digits(text, 0, dot);
  const fraction = digits(text, dot + 1);
  const places = text.length - dot - 1;
  if (whole < 0 || fraction < 0 || places > 2) return null;
  return whole * 100 + (places === 1 ? fraction * 10 : fraction);
}

/** Parse CDNOW_master.csv (LF or CRLF) into purchases, in file order; throws on a malformed row. */
export function parseCdnowCsv(text: string): Purchase[] {
  // A fixed delimiter spares papaparse its guessing pass over the 1.7 MB file; blank lines are
  // skipped below, which is twice as fast as papaparse's skipEmptyLines.
  const parsed = Papa.parse<string[]>(text, { delimiter: ',' });
  const fatal = parsed.errors[0];
  if (fatal) throw new Error(`CDNOW CSV: ${fatal.message} (row ${fatal.row ?? '?'})`);
  const rows = parsed.data;
  const names = (rows[0] ?? []).map((h) => h.trim());
  if (!HEADERS.some((expected) => expected.join() === names.join())) {
    throw new Error(`CDNOW CSV: unexpected header "${names.join(',')}"`);
  }
  const purchases: Purchase[] = [];
  for (let i = 1; i < rows.length; i += 1) {
    const row = rows[i]!;
    const line = i + 1;
    if (row.length === 1 && row[0] === '') continue;
    if (row.length !== 4) throw new Error(`CDNOW CSV: line ${line} has ${row.length} fields, not 4`);
    const id = row[0]!;
    const date = row[1]!;
    const cds = row[2]!;
    const dollars = row[3]!;
    const customerId = digits(id);
    const count = digits(cds);
    const cents = parseCents(dollars);
    if (customerId <= 0) throw new Error(`CDNOW CSV: line ${line}: bad customer_id "${id}"`);
    if (!isIsoDate(date)) throw new Error(`CDNOW CSV: line ${line}: bad date "${date}"`);
    if (count < 0) throw new Error(`CDNOW CSV: line ${line}: bad CD count "${cds}"`);
    if (cents === null) throw new Error(`CDNOW CSV: line ${line}: bad dollar amount "${dollars}"`);
    purchases.push({ customerId, date, cds: count, cents });
  }
  return purchases;
}

/**
 * Each shopper's orders up to and including `asOf`: purchases on the same day
 * merged into one order (CDs and cents summed), oldest first. Shoppers with no
 * purchase by then are absent. Keys in ascending customer id order.
 */
export function ordersAsOf(purchases: readonly Purchase[], asOf: string = CDNOW_TODAY): Map<number, Order[]> {
  const byShopper = new Map<number, Order[]>();
  for (const p of purchases) {
    if (p.date > asOf) continue;
    let orders = byShopper.get(p.customerId);
    if (!orders) {
      orders = [];
      byShopper.set(p.customerId, orders);
    }
    orders.push({ date: p.date, cds: p.cds, cents: p.cents });
  }
  const ids = [...byShopper.keys()].sort((a, b) => a - b);
  const out = new Map<number, Order[]>();
  for (const id of ids) out.set(id, mergeSameDay(byShopper.get(id)!));
  return out;
}

function mergeSameDay(orders: Order[]): Order[] {
  orders.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const merged: Order[] = [];
  for (const order of orders) {
    const last = merged[merged.length - 1];
    if (last && last.date === order.date) {
      last.cds += order.cds;
      last.cents += order.cents;
    } else {
      merged.push({ ...order });
    }
  }
  return merged;
}
