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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^\d+(\.\d{1,2})?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day written YYYY-MM-DD (no Date objects: this runs for every row). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month !== 2 || day <= 28 || leap;
}

/** "11.77" → 1177, "12" → 1200, "0.5" → 50; null when not a plain non-negative amount. */
export function parseCents(text: string): number | null {
  if (!MONEY.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Parse CDNOW_master.csv (LF or CRLF) into purchases, in file order; throws on a malformed row. */
export function parseCdnowCsv(text: string): Purchase[] {
  // A fixed delimiter spares papaparse its guessing pass over the 1.7 MB file.
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  const fatal = parsed.errors[0];
  if (fatal) throw new Error(`CDNOW CSV: ${fatal.message} (row ${fatal.row ?? '?'})`);
  const [header, ...rows] = parsed.data;
  const names = (header ?? []).map((h) => h.trim());
  if (!HEADERS.some((expected) => expected.join() === names.join())) {
    throw new Error(`CDNOW CSV: unexpected header "${names.join(',')}"`);
  }
  const purchases = new Array<Purchase>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const line = i + 2;
    if (row.length !== 4) throw new Error(`CDNOW CSV: line ${line} has ${row.length} fields, not 4`);
    const [id = '', date = '', cds = '', dollars = ''] = row;
    const customerId = /^\d+$/.test(id) ? Number(id) : NaN;
    const count = /^\d+$/.test(cds) ? Number(cds) : NaN;
    const cents = parseCents(dollars);
    if (!(customerId > 0)) throw new Error(`CDNOW CSV: line ${line}: bad customer_id "${id}"`);
    if (!isIsoDate(date)) throw new Error(`CDNOW CSV: line ${line}: bad date "${date}"`);
    if (!Number.isInteger(count)) throw new Error(`CDNOW CSV: line ${line}: bad CD count "${cds}"`);
    if (cents === null) throw new Error(`CDNOW CSV: line ${line}: bad dollar amount "${dollars}"`);
    purchases[i] = { customerId, date, cds: count, cents };
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
